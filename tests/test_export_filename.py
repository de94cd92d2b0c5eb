"""An export's file name says its search and its day (QA r48, QA17, defect 7: every export was named
`repertoires-recherche.csv`, so two exports of one day overwrote or renamed each other)."""
from __future__ import annotations

import re
from datetime import date

import pytest

from engine.search import SearchRequest
from search_app.exports import FILENAME_WORDS, filename

DAY = date(2026, 12, 7)


def test_the_words_then_the_filters_then_the_day():
    req = SearchRequest(q="Assainissement", filters={"region": ["Kayes"]})
    assert filename("partnership", "csv", req, today=DAY) == "repertoires-assainissement-kayes-2026-12-07.csv"
    req = SearchRequest(q='santé -pays:Maroc collectivité:"Région de Ségou"',
                        filters={"domain": ["Eau et assainissement"]}, year_from=2001, year_to=2005)
    name = filename("action", "jsonl", req, today=DAY)
    assert name.startswith("repertoires-actions-sante-sans-pays-maroc-collectivite-region-de-segou-")
    assert name.endswith("-2026-12-07.jsonl") and name.isascii()


def test_no_words_nor_filters_a_page_and_the_bound():
    assert filename("partnership", "csv", SearchRequest(), today=DAY) == "repertoires-recherche-2026-12-07.csv"
    assert filename("action", "csv", SearchRequest(), today=DAY) == "repertoires-actions-2026-12-07.csv"
    assert filename("partnership", "csv", SearchRequest(q="eau", page=3), export_all=False, today=DAY) \
        == "repertoires-eau-page-3-2026-12-07.csv"
    assert filename("partnership", "csv", SearchRequest(q="eau", page=3), export_all=True, today=DAY) \
        == "repertoires-eau-2026-12-07.csv"
    # a page of another size is another page (QA19 r49, D5); the whole set is the same whatever the size
    assert filename("partnership", "csv", SearchRequest(q="eau", page=2, per_page=50), export_all=False, today=DAY) \
        == "repertoires-eau-page-2-par-50-2026-12-07.csv"
    assert filename("partnership", "csv", SearchRequest(q="eau", per_page=50), export_all=False, today=DAY) \
        == "repertoires-eau-par-50-2026-12-07.csv"
    assert filename("partnership", "csv", SearchRequest(q="eau", page=2, per_page=50), today=DAY) \
        == "repertoires-eau-2026-12-07.csv"
    long = SearchRequest(q=" ".join(["approvisionnement"] * 12))
    words = filename("partnership", "csv", long, today=DAY).removeprefix("repertoires-").removesuffix("-2026-12-07.csv")
    assert 0 < len(words) <= FILENAME_WORDS and words.split("-") == ["approvisionnement"] * len(words.split("-"))


@pytest.mark.parametrize("path,query,expected", [
    ("/api/search.csv", {"q": "assainissement", "region": "Kayes", "all": "1"},
     "repertoires-assainissement-kayes-{}.csv"),
    ("/api/search.jsonl", {"q": "Tombouctou", "rows": "action"}, "repertoires-actions-tombouctou-{}.jsonl"),
    ("/api/search.csv", {"country": "Mali", "sep": ";", "all": "1"}, "repertoires-mali-{}.csv"),
])
def test_the_exports_are_named_so(client, export_day, path, query, expected):
    resp = client.get(path, query_string=query)
    assert resp.status_code == 200
    m = re.fullmatch(r'attachment; filename="(.+)"', resp.headers["Content-Disposition"])
    assert m and m[1] == expected.format(export_day.isoformat())


@pytest.mark.parametrize("rows,filters,years,expected", [
    ("partnership", {"type": ["partnership"]}, {}, "repertoires-eau-partenariats-2026-12-07.csv"),
    ("partnership", {"type": ["action"]}, {}, "repertoires-eau-actions-2026-12-07.csv"),
    ("action", {"type": ["action"]}, {}, "repertoires-actions-eau-2026-12-07.csv"),  # not actions-eau-actions
    ("partnership", {"year": ["none"]}, {}, "repertoires-eau-sans-annee-2026-12-07.csv"),
    ("partnership", {"source": ["mali-repertoire-2008.txt"]}, {},
     "repertoires-eau-mali-repertoire-2008-2026-12-07.csv"),
    ("partnership", {}, {"year_from": 2005}, "repertoires-eau-depuis-2005-2026-12-07.csv"),
    ("partnership", {}, {"year_to": 2007}, "repertoires-eau-jusqu-a-2007-2026-12-07.csv"),
    ("partnership", {}, {"year_from": 2005, "year_to": 2007}, "repertoires-eau-2005-2007-2026-12-07.csv"),
    ("partnership", {}, {"year_from": 2005, "year_to": 2005}, "repertoires-eau-2005-2026-12-07.csv"),
])
def test_the_filters_are_named_in_french(rows, filters, years, expected):
    """type=partnership gave `partnership`, year=none `none`, year_from=2005 alone `2005-2026-12-07` (a
    date), a source `mali-repertoire-2008-txt` (review 2 r49, L5): the page's French words, a period
    said as one, a document's name without its extension."""
    assert filename(rows, "csv", SearchRequest(q="eau", filters=filters, **years), today=DAY) == expected


def test_an_export_through_the_api_names_its_filters_in_french(client, export_day):
    resp = client.get("/api/search.csv", query_string={"q": "eau", "type": "partnership", "year_from": "2005"})
    assert resp.status_code == 200
    named = f"repertoires-eau-partenariats-depuis-2005-{export_day.isoformat()}.csv"
    assert resp.headers["Content-Disposition"] == f'attachment; filename="{named}"'
