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
    long = SearchRequest(q=" ".join(["approvisionnement"] * 12))
    words = filename("partnership", "csv", long, today=DAY).removeprefix("repertoires-").removesuffix("-2026-12-07.csv")
    assert 0 < len(words) <= FILENAME_WORDS and words.split("-") == ["approvisionnement"] * len(words.split("-"))


@pytest.mark.parametrize("path,query,expected", [
    ("/api/search.csv", {"q": "assainissement", "region": "Kayes", "all": "1"},
     "repertoires-assainissement-kayes-{}.csv"),
    ("/api/search.jsonl", {"q": "Tombouctou", "rows": "action"}, "repertoires-actions-tombouctou-{}.jsonl"),
    ("/api/search.csv", {"country": "Mali", "sep": ";", "all": "1"}, "repertoires-mali-{}.csv"),
])
def test_the_exports_are_named_so(client, path, query, expected):
    resp = client.get(path, query_string=query)
    assert resp.status_code == 200
    m = re.fullmatch(r'attachment; filename="(.+)"', resp.headers["Content-Disposition"])
    assert m and m[1] == expected.format(date.today().isoformat())
