"""`type` is given once (QA r44, audit 8, #11): `type=action&type=partnership` listed partnerships
while `query.filters.type` said both and the `type` facet selected neither; the OpenAPI document
declared an array of up to 50 values where docs/api.md gives one."""
from __future__ import annotations

import re


def test_the_api_refuses_type_twice(client):
    resp = client.get("/api/search?q=eau&type=action&type=partnership&per_page=3")
    assert resp.status_code == 400
    message = "Le paramètre « Type de fiche » (type) ne peut être donné qu'une fois."
    assert resp.get_json()["error"] == {"code": "repeated_parameter", "parameter": "type", "message": message}


def test_the_page_reads_the_first_and_its_facet_agrees(client):
    resp = client.get("/?q=eau&type=action&type=partnership")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200
    data = client.get("/api/search?q=eau&type=action&per_page=1").get_json()
    assert f'data-total="{data["total"]}"' in html
    # (review 3, #16) its links carry the type read, once: the facet toggles list actions too
    import html as entities
    from urllib.parse import parse_qs, urlsplit

    links = [parse_qs(urlsplit(entities.unescape(h)).query) for h in re.findall(r'href="([^"]*\?[^"]*)"', html)]
    assert [q["type"] for q in links if len(q.get("type", [])) > 1] == []
    toggles = [q for q in links if "country" in q and q.get("q") == ["eau"]]
    assert toggles and all(q.get("type") == ["action"] for q in toggles)


def test_the_openapi_document_declares_one_value(spec):
    for path in ("/api/search", "/api/search.csv", "/api/search.jsonl", "/api/map"):
        prm = next(p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == "type")
        assert prm["schema"] == {"type": "string", "enum": ["partnership", "action"]}
