"""A word group's alternatives that look for the same terms in every field count once (issue 12: an
expansion never beats the word typed).

`CSR`'s entry lists « CSREF » and « CSRéf », which fold alike: two alternatives looking for the same
terms, each scored, so a sheet writing only CSREF counted it 2 × 0,55, more than the sheet writing CSR
(1), and CG Essonne–Douentza came first. Inflections (« zone côtière », « zones côtières ») differ in
the names fields, which are not stemmed, and stay two (round 50's K4 merged them too; dropped)."""
from __future__ import annotations

import pytest

from engine import SearchRequest
from engine.querymodel import LITERAL, Alternative, without_twins
from test_ranking import run as ranked, small_index

FILLER = "coopération décentralisée entre les deux communes pour le développement local"
DOCS = {
    "acronym": "équipement du CSR de la commune",
    "expansion": "équipement du CSREF de la commune",
}
OTHERS = {f"other{i}": FILLER for i in range(20)}


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    searcher, ids, speller = small_index(tmp_path_factory.mktemp("twins"), {**DOCS, **OTHERS})
    yield searcher, ids, speller
    searcher.close()


def run(small, q):
    scores, _, built = ranked(small, q)
    return scores, built


def test_the_two_spellings_of_an_expansion_are_one_alternative(small):
    _, built = run(small, "CSR")
    texts = [a.text for a in built.groups[0].alternatives]
    assert sum(t in ("CSREF", "CSRéf") for t in texts) == 1, texts


def test_the_sheet_writing_the_word_outranks_the_one_with_its_expansion_only(small):
    scores, _ = run(small, "CSR")
    assert scores["acronym"] > scores["expansion"] > 0


def test_inflections_stay_two_alternatives(small):
    # the names fields are not stemmed: « zones côtières » is not « zone côtière » there
    _, built = run(small, "littoral")
    texts = [a.text for a in built.groups[0].alternatives]
    assert "zone côtière" in texts and "zones côtières" in texts


def test_the_word_typed_is_kept_over_its_twin(small):
    _, built = run(small, "CSR")
    word = built.groups[0].alternatives[0]
    assert word.via in LITERAL
    twin = Alternative("acronym", "csr", list(word.parts), grade=0.55)
    kept = without_twins([twin, word])
    assert kept == [word]


def test_alternatives_looking_for_other_terms_are_left_as_they_are(small):
    _, built = run(small, "littoral")
    alts = built.groups[0].alternatives
    assert without_twins(alts) is alts


def test_csr_lists_the_sheet_writing_it_first(engine):
    r = engine.search(SearchRequest(q="CSR", per_page=20, explain=True))
    own = [h["explain"]["own"] or {} for h in r["results"]]
    vias = [{m["via"] for w in e.get("words", []) for m in w["matches"]} for e in own]
    typed = [i for i, v in enumerate(vias) if v & LITERAL]
    only_expanded = [i for i, v in enumerate(vias) if v and not v & LITERAL]
    assert typed and only_expanded and max(typed) < min(only_expanded)


def test_patterns_are_compared_by_what_they_look_for():
    # a wildcard has no terms to compare: two different ones are not twins; the same one at another boost is
    from whoosh import query as Q
    one = Alternative("synonym", "a", [("parties", Q.Wildcard("parties", "saint?*denis", boost=0.5))], grade=0.55)
    other = Alternative("synonym", "b", [("parties", Q.Wildcard("parties", "saint?*etienne", boost=0.5))], grade=0.55)
    again = Alternative("family", "c", [("parties", Q.Wildcard("parties", "saint?*denis", boost=0.65))], grade=0.65)
    assert without_twins([one, other]) == [one, other]
    assert without_twins([one, other, again]) == [again, other]
