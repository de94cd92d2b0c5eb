"""The first path end to end: data/ -> index -> /api/search and / ."""
from __future__ import annotations


def test_api_search_answers_results_and_facets(client):
    resp = client.get("/api/search?q=assainissement")
    assert resp.status_code == 200
    data = resp.get_json()
    assert data["total"] > 10
    first = data["results"][0]
    for key in ("id", "type", "title", "partnership_id", "french_party", "partner_party", "countries",
                "region", "domains", "years", "score", "snippet", "url", "source", "actions"):
        assert key in first
    assert {v["value"] for v in data["facets"]["country"]} >= {"Mali", "Maroc"}
    assert all(set(v) >= {"value", "count", "selected"} for v in data["facets"]["domain"])


def test_search_page_shows_box_and_results(client):
    resp = client.get("/?q=assainissement+Kayes")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    assert 'name="q"' in html and 'value="assainissement Kayes"' in html
    assert "Kayes" in html and "<mark>" in html


def test_partnership_page_and_its_json_twin(client):
    data = client.get("/api/search?q=Diéma").get_json()
    pid = data["results"][0]["partnership_id"]
    page = client.get(f"/partenariats/{pid}")
    assert page.status_code == 200
    assert "Diéma" in page.get_data(as_text=True)
    twin = client.get(f"/api/partnerships/{pid}").get_json()
    assert twin["id"] == pid and isinstance(twin["actions"], list)
