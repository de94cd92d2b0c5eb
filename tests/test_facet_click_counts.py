"""A facet value's count is the total its click lists (QA r46, audit 14, D2 and D3): a query of several
words lists partial matches when the filters leave it fewer than `fill_below` records with enough of the
words, and a click, changing the filters, decides that again (`coopération décentralisée` showed
« Sécurité et protection civile » 1; its click listed 23)."""
from __future__ import annotations

import pytest

from engine import SearchRequest

CASES = [
    ("coopération décentralisée", {}),
    ("coopération décentralisée", {"type": ["action"]}),
    ("assainissement Kayes", {"type": ["action"], "country": ["Algérie"], "detail": ["sheet"]}),
    ("formation des élus", {"country": ["Mali"]}),
    ("agriculture maraîchage", {"year": [2003, 2007]}),
    ("jumelage Bretagne Mali", {}),
]


def _clicked(filters: dict, facet: str, value) -> dict:
    """The filters after clicking `value` (one of a facet with a selection: that facet reduced to it)."""
    return {**filters, facet: [value]}


@pytest.mark.parametrize(("q", "filters"), CASES)
def test_each_value_counts_what_its_click_lists(engine, q, filters):
    r = engine.search(SearchRequest(q=q, filters=filters, per_page=1))
    checked = 0
    for facet in ("domain", "country", "year", "status", "source", "detail", "region"):
        for item in r["facets"][facet]:
            click = engine.search(SearchRequest(q=q, filters=_clicked(filters, facet, item["value"]), per_page=1,
                                                facets=False, snippets=False))
            assert click["total"] == item["count"], (facet, item)
            checked += 1
    assert checked


def test_the_shown_listing_is_the_same_with_or_without_facets(engine):
    """The counts' extra searches (engine/exactcounts.py) change no result, nor its order."""
    for q, filters in CASES:
        ids = [[h["id"] for h in engine.search(SearchRequest(q=q, filters=filters, per_page=100, facets=f,
                                                             snippets=False))["results"]] for f in (True, False)]
        assert ids[0] == ids[1], q


def test_a_selected_year_outside_the_period_counts_its_records_in_the_period(engine):
    """`year=2005&year_from=2006` listed the records of 2005 with a year from 2006 on, and showed 2005
    with every record of 2005 (D3)."""
    r = engine.search(SearchRequest(filters={"year": [2005]}, year_from=2006, per_page=1))
    year = {y["value"]: y for y in r["facets"]["year"]}
    assert year[2005]["selected"] and year[2005]["count"] == r["total"]
    every = engine.search(SearchRequest(filters={"year": [2005]}, per_page=1, facets=False))["total"]
    assert r["total"] < every


def test_the_api_and_the_page_show_the_counts_the_clicks_list(client):
    data = client.get("/api/search", query_string={"q": "coopération décentralisée"}).get_json()
    item = next(d for d in data["facets"]["domain"] if d["value"] == "Sécurité et protection civile")
    click = client.get("/api/search", query_string={"q": "coopération décentralisée", "domain": item["value"],
                                                    "per_page": 1}).get_json()
    assert click["total"] == item["count"]
    page = client.get("/", query_string={"q": "coopération décentralisée"}).get_data(as_text=True)
    shown = ('<span class="label">Sécurité et protection civile</span> '
             f'<span class="count">{item["count"]}</span>')
    assert shown in page
