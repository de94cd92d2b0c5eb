"""Exports of a whole result set: /api/search.csv and /api/search.jsonl with
all=1 (and rows=action), streamed in chunks, as many rows as results."""
from __future__ import annotations

import csv
import io
import json

import pytest

from engine import SearchRequest

QUERIES = [{"q": "santé", "country": "Mali"}, {"q": "eau"}, {}, {"q": "puits", "type": "action"}]


def csv_rows(resp) -> list[dict]:
    text = resp.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


@pytest.mark.parametrize("params", QUERIES)
def test_csv_all_has_one_row_per_result_in_order(client, engine, params):
    filters = {k: [v] for k, v in params.items() if k not in ("q",)}
    expected = engine.search(SearchRequest(q=params.get("q", ""), filters=filters, per_page=1000))
    assert expected["total"] > 20  # more than one page: the page's own export would give 20
    resp = client.get("/api/search.csv", query_string={**params, "all": "1"})
    assert resp.status_code == 200 and resp.is_streamed
    rows = csv_rows(resp)
    assert [r["id"] for r in rows] == [h["id"] for h in expected["results"]]
    one_page = csv_rows(client.get("/api/search.csv", query_string=params))
    assert len(one_page) == 20


def test_jsonl_all_gives_every_record_whole(client, engine, export_day):
    total = engine.search(SearchRequest(q="eau", per_page=1))["total"]
    resp = client.get("/api/search.jsonl?q=eau&all=1")
    assert resp.status_code == 200 and resp.mimetype == "application/jsonl"
    named = f"repertoires-eau-{export_day.isoformat()}.jsonl"
    assert resp.headers["Content-Disposition"] == f'attachment; filename="{named}"'
    lines = resp.get_data(as_text=True).splitlines()
    assert len(lines) == total
    first = json.loads(lines[0])
    api = client.get(f"/api/partnerships/{first['id']}").get_json()
    # the record as the API gives it, less what is the page's rather than the record's (docs/api.md)
    assert {k: v for k, v in first.items() if k not in ("score",)} == \
        {k: v for k, v in api.items() if k not in ("actions", "related")}


def test_rows_action_gives_every_action_of_the_partnerships_found(client, engine):
    found = engine.search(SearchRequest(q="santé", filters={"country": ["Mali"]}, per_page=1000))["results"]
    expected = []
    for h in found:
        actions = engine.actions_of(h["id"])
        expected += [(h["id"], a["id"]) for a in actions] or [(h["id"], "")]
    rows = csv_rows(client.get("/api/search.csv?q=sant%C3%A9&country=Mali&all=1&rows=action"))
    assert [(r["id"], r["action_id"]) for r in rows] == expected
    lines = client.get("/api/search.jsonl?q=sant%C3%A9&country=Mali&all=1&rows=action").get_data(as_text=True)
    records = [json.loads(x) for x in lines.splitlines()]
    assert [r["id"] for r in records] == [a for _, a in expected if a]
    assert all(r["type"] == "action" and r["partnership_title"] for r in records)


def test_the_export_reads_the_results_a_chunk_at_a_time(client, monkeypatch):
    """Bounded memory: the engine is never asked for more than one chunk at once."""
    from search_app import views

    asked = []
    real = views.run_search

    def spy(state, req):
        asked.append(req.per_page)
        return real(state, req)

    monkeypatch.setattr(views, "run_search", spy)
    rows = csv_rows(client.get("/api/search.csv?all=1"))
    assert len(rows) == client.get("/api/search?per_page=1").get_json()["total"]
    assert len(asked) > 1 and max(asked) <= 200


@pytest.mark.parametrize("qs,code,parameter", [
    ("all=yes", "invalid_boolean", "all"), ("rows=contact", "invalid_rows", "rows"),
    ("all=1&all=0", "repeated_parameter", "all"), ("all=1&country=Atlantis", "unknown_facet_value", "country"),
])
def test_export_parameters_are_checked(client, qs, code, parameter):
    for path in ("/api/search.csv", "/api/search.jsonl"):
        r = client.get(f"{path}?{qs}")
        assert r.status_code == 400
        assert r.get_json()["error"]["code"] == code and r.get_json()["error"]["parameter"] == parameter
    assert client.get(f"/api/search?{qs.replace('all=1&', '')}").status_code == 400
