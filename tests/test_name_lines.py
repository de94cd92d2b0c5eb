"""A phrase is found within one name of the names fields (parties, places), never across two:
indexer.documents joins a record's names one a line, and the names analyzer sets each line
NAME_GAP positions after the one before (analyzers.chains). « Nord-Mali » listed six Kayes
partnerships of towns of the French Nord: « Nord », their département, then « Mali », their partner's
country, read as one place."""
from __future__ import annotations

import re

import pytest
from whoosh import query as Q

from analyzers import fold_text
from engine import SearchRequest
from indexer.documents import index_documents

NORD_MALI = re.compile(r"\bnord\W+mali\b")


@pytest.fixture(scope="module")
def documents(corpus):
    return {d["id"]: d for d in index_documents(corpus.partnerships, corpus.actions)}


def _apart(doc) -> bool:
    """Nord and Mali on two lines of the places, never one after the other in one."""
    lines = [fold_text(x) for x in doc["places"].split("\n")]
    return "nord" in lines and "mali" in lines and not any(NORD_MALI.search(x) for x in lines)


def test_a_phrase_of_the_places_is_found_within_one_place(engine, documents):
    apart = {i for i, d in documents.items() if _apart(d)}
    assert apart  # the département of Nord, then Mali: the case at hand
    searcher = engine.state().searcher()
    found = {hit["id"] for hit in searcher.search(Q.Phrase("places", ["nord", "mali"]), limit=None)}
    assert not found & apart
    # the words of one name stay a phrase: every place of two words or more is found as written
    for doc in list(documents.values())[:200]:
        for line in doc["places"].split("\n"):
            words = [t.text for t in engine.state().schema["places"].analyzer(line, mode="query")]
            if len(words) > 1:
                hits = searcher.search(Q.Phrase("places", words), limit=None)
                assert doc["id"] in {h["id"] for h in hits}, line


def test_nord_mali_lists_no_french_nord_whose_partner_is_in_mali(engine, documents):
    apart = {i for i, d in documents.items()
             if _apart(d) and not re.search(r"\bnord\b", fold_text(d["body"] + "\n" + d["title"]))}
    assert apart
    for q in ("Nord-Mali", "nord du Mali OR Nord-Mali"):
        top = [r["id"] for r in engine.search(SearchRequest(q=q, per_page=10))["results"]]
        assert top and not set(top) & apart, q
