"""What an action id that answers no action is told (review 3, #12 and #14)."""
from __future__ import annotations

from search_app import views
from test_action_ids import KALENKO, merged_app, read  # noqa: F401 (fixtures: pytest finds them by name)


def test_a_number_never_issued_says_the_range_and_its_gaps(merged_app):  # noqa: F811
    """With one gap, the 404 listed every action (« ses 23 actions sont a01, a02, …, a23 »)."""
    with merged_app.test_request_context():
        assert views.missing_action(f"{KALENKO}--a09")[1].endswith("ses 3 actions vont de a01 à a04, sans a02.")
        assert views._gaps(KALENKO, ["a01", "a23"]) == ", avec 21 numéros sans action"
        assert views._gaps(KALENKO, ["a01", "a02", "a03"]) == ""


def test_a_retired_id_in_capitals_is_read_as_a_living_one_is(merged_app):  # noqa: F811
    """The API answered 410 to a retired id in capitals, as if it were the id, but 404 « Vouliez-vous
    dire » to a living one; now both get the 404 naming the id, and the page redirects both."""
    client = merged_app.test_client()
    for n, status in (("a03", 200), ("a02", 410)):
        aid = f"{KALENKO}--{n}"
        assert client.get(f"/api/actions/{aid}").status_code == status
        resp = client.get(f"/api/actions/{aid.upper()}")
        assert resp.status_code == 404
        assert resp.get_json()["error"]["message"].endswith(f"Vouliez-vous dire « {aid} » ?")
        partnership = client.get(f"/api/partnerships/{aid.upper()}").get_json()["error"]["message"]
        assert "Vouliez-vous dire" in partnership or "C'est une action" in partnership
        page = client.get(f"/partenariats/{aid.upper()}")
        assert page.status_code == 301 and f"/partenariats/{KALENKO}" in page.headers["Location"]
    assert client.get(f"/partenariats/{KALENKO.upper()}--A02", follow_redirects=True).status_code == 410


def test_the_page_of_an_id_that_answers_nothing_says_the_status_it_returns(merged_app, monkeypatch):  # noqa: F811
    """pages._not_here rendered « Erreur <status> » from views.not_here but returned 404 whatever the
    status: the heading and the response's status are now the same number, 410 for a retired id."""
    client = merged_app.test_client()
    retired = client.get(f"/partenariats/{KALENKO}--a02")
    assert retired.status_code == 410 and "<h1>Page retirée</h1>" in retired.get_data(as_text=True)
    said = {"status": 503, "code": "unavailable", "message": "Le document de cette action n'a pas été lu."}
    monkeypatch.setattr(views, "not_here", lambda pid: said if pid == f"{KALENKO}--a07" else None)
    page = client.get(f"/partenariats/{KALENKO}--a07")
    assert page.status_code == 503 and "<h1>Service momentanément indisponible</h1>" in page.get_data(as_text=True)
