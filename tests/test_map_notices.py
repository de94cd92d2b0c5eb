"""The map shows the whole result set, not a page of it (QA r48, QA17, defect 1): a notice about the
listing does not belong on it. « Moins de 10 résultats avec ces mots : suivent les partenariats de ce
filtre… » announced completions the map does not show (`/carte?q=eau&region=Gao`), and « La page 99
n'existe pas » a page the map has none of. An empty listing's completions are shown on the map page
too (under « Aucun résultat »), so their notice stays there."""
from __future__ import annotations

import re
from html import unescape

import pytest

from engine import SearchRequest


def _plain(text: str) -> str:
    """Spaces as spaces (the page puts no-break ones before « : » and inside guillemets)."""
    return " ".join(re.sub(r"[\u00a0\u202f]", " ", text).split())


def _shown(html: str) -> str:
    """The page's text, tags dropped (the notices, the live summary)."""
    return _plain(unescape(re.sub(r"<[^>]+>", " ", html)))


def _notices(client, query: str) -> tuple[dict, list[str]]:
    r = client.get(f"/api/search?{query}").get_json()
    return r, [_plain(n) for n in r["query"]["notices"]]


@pytest.mark.parametrize("query", ["q=eau&region=Gao", "q=puits&country=Maroc",
                                   "q=artisans&region=Kayes"])  # completed by the vocabulary, then « Puis » others
def test_the_completions_notice_is_not_on_the_map(client, query):
    r, notices = _notices(client, query)
    assert r["total"] and r["completions"] and notices  # a short listing, completed below its results
    listing = _shown(client.get(f"/?{query}").get_data(as_text=True))
    carte = _shown(client.get(f"/carte?{query}").get_data(as_text=True))
    for notice in notices:
        assert notice in listing
        assert notice not in carte
    assert "Pour compléter" in listing and "Pour compléter" not in carte


def test_an_empty_listing_keeps_its_completions_notice_on_the_map(client):
    query = "q=forage&country=Alg%C3%A9rie"
    r, notices = _notices(client, query)
    assert not r["total"] and r["completions"] and notices
    carte = _shown(client.get(f"/carte?{query}").get_data(as_text=True))
    for notice in notices:
        assert notice in carte
    assert _plain(r["completions"][0]["title"]) in carte
    # the map shows the whole set, whatever `page` an edited URL says (docs/api.md): its completions too
    # (review 1 r49, item 3: page=2 showed « Aucun résultat » alone)
    paged = _shown(client.get(f"/carte?{query}&page=2").get_data(as_text=True))
    assert all(n in paged for n in notices) and _plain(r["completions"][0]["title"]) in paged


def test_a_page_past_the_last_is_said_on_the_list_not_on_the_map(client):
    query = "q=eau&page=99"
    r, notices = _notices(client, query)
    page_notice = [n for n in notices if "99" in n]
    assert r["total"] and page_notice
    listing = _shown(client.get(f"/?{query}").get_data(as_text=True))
    carte = _shown(client.get(f"/carte?{query}").get_data(as_text=True))
    assert page_notice[0] in listing and page_notice[0] not in carte
    assert f"{r['total']} partenariats" in carte


def test_other_notices_stay_on_the_map(client):
    query = "q=Timbuktu"
    _, notices = _notices(client, query)
    assert notices
    carte = _shown(client.get(f"/carte?{query}").get_data(as_text=True))
    assert all(n in carte for n in notices)


def _without_time(r: dict) -> dict:
    return {k: v for k, v in r.items() if k != "took_ms"}


def test_the_map_asks_the_engine_for_no_completion_beside_its_results(engine):
    # SearchRequest.paged=False (the map): a short listing is not completed and says nothing of it, an empty
    # one still is (shown under « Aucun résultat »), and no page is past the last; completions=False: none at all
    short = {"q": "eau", "filters": {"region": ["Gao"]}}
    listed, whole = engine.search(SearchRequest(**short)), engine.search(SearchRequest(**short, paged=False))
    assert listed["completions"] and not whole["completions"] and whole["results"] == listed["results"]
    gone = [n for n in listed["query"]["notices"] if n not in whole["query"]["notices"]]
    assert gone and not [n for n in whole["query"]["notices"] if n not in listed["query"]["notices"]]
    assert not engine.search(SearchRequest(**short, completions=False))["completions"]
    empty = {"q": "forage", "filters": {"country": ["Algérie"]}}
    on_map = engine.search(SearchRequest(**empty, paged=False))
    assert not on_map["total"] and on_map["completions"]
    assert _without_time(on_map) == _without_time(engine.search(SearchRequest(**empty)))
    assert not engine.search(SearchRequest(**empty, completions=False))["completions"]
    said = [engine.search(SearchRequest(q="eau", page=99, paged=paged))["query"]["notices"] for paged in (True, False)]
    assert [[n for n in notices if "99" in n] for notices in said] == [[said[0][-1]], []]
