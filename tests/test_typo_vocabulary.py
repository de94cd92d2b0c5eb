"""A misspelt word's correction keeps its vocabulary (round 56, T5): `reboisment`, corrected to reboisement,
was searched without reboisement's synonym and narrower terms, so it listed 2 sheets where `reboisement` lists 7
(CG Allier–Niafunké's « plantations d'arbres » 3rd). The correction's family, synonyms and narrower terms count
at typo × their own grade, for the one nearest correction only; never a second correction nor an expansion's."""
from __future__ import annotations

import pytest

from analyzers import family_of, find_graded_expansions
from analyzers.vocabulary import PLACE
from engine import SearchRequest, ranking_profile
from engine.openvalue import plan
from engine.querymodel import LITERAL, VIA_TYPO
from engine.search import read
from engine.suggestion import knows
from repertoires.cli import main


def _ids(engine, q: str) -> list[str]:
    r = engine.search(SearchRequest(q=q, per_page=50, facets=False, snippets=False))
    return [h["id"] for h in r["results"]]


def _alternatives(engine, q: str):
    state = engine.state()
    known = knows(state)
    built = plan(state, read(state, q, known), known)
    return [a for g in built.groups for a in g.alternatives]


@pytest.mark.parametrize("typo, word", [("reboisment", "reboisement"), ("hydrolique", "hydraulique")])
def test_a_misspelt_word_lists_what_its_correction_lists(engine, typo, word):
    # before: `reboisment` 2 sheets (La Talaudière, Montreuil) against 7, `hydrolique` 12 against 22
    assert _ids(engine, typo) == _ids(engine, word)
    if word == "reboisement":
        assert "cg-allier--cercle-niafunke" in _ids(engine, typo)[:3]  # « plantations d'arbres » (Mali l.3167)


def test_the_corrections_expansions_are_graded_typo_times_their_own(engine):
    p = ranking_profile.current()
    alts = _alternatives(engine, "reboisment")
    typo = [a for a in alts if a.via == VIA_TYPO]
    assert [(a.text, a.grade) for a in typo] == [("reboisement", p.typo)]
    expanded = {(a.via, a.text): a.grade for a in alts if a.corrects == "reboisement"}
    assert expanded[("synonym", "reforestation")] == pytest.approx(p.typo * p.synonym)
    assert expanded[("narrower", "plantation d'arbres")] == pytest.approx(p.typo * p.narrower)
    assert all(grade < p.typo for grade in expanded.values())  # below the correction itself
    # its own entries only: no expansion of an expansion (reforestation's own), no second correction
    own = {(kind, meant) for _, _, found in find_graded_expansions(["reboisement"]) for meant, kind in found}
    own |= {("family", w) for w in family_of("reboisement")}
    assert set(expanded) == own
    assert not [a for a in alts if a.via == VIA_TYPO and a.text != "reboisement"]


def test_a_corrections_family_counts_at_typo_times_family(engine):
    p = ranking_profile.current()
    alts = _alternatives(engine, "agricuture")
    family = {a.text: a.grade for a in alts if a.corrects == "agriculture" and a.via == "family"}
    assert "agricole" in family and family["agricole"] == pytest.approx(p.typo * p.family)


@pytest.mark.parametrize("q", ["forrage", "micro-credi"])
def test_no_vocabulary_for_two_equally_near_words_nor_a_farther_one(engine, q):
    # `forrage`: forage and fourrage are both one letter away, which was meant is unknown; `micro-credi`:
    # microcredit is the nearest (its synonym « micro-crédit » comes), microcredits is farther and brings none
    alts = _alternatives(engine, q)
    assert [a.text for a in alts if a.via == VIA_TYPO] == {"forrage": ["forage fourrage"],
                                                           "micro-credi": ["microcredit", "microcredits"]}[q]
    assert {a.corrects for a in alts if a.corrects} == ({"microcredit"} if q == "micro-credi" else set())


def test_a_word_the_index_knows_gets_no_corrections_vocabulary(engine):
    assert not [a for a in _alternatives(engine, "reboisement") if a.corrects]


def test_explain_says_whose_expansion_it_is(engine, index_dir, capsys):
    from test_explain import check_result

    p = ranking_profile.current()
    r = engine.search(SearchRequest(q="reboisment", per_page=10, explain=True))
    for hit in r["results"]:
        check_result(hit)  # the parts still add up to the score
    matches = [m for h in r["results"] for doc in (h["explain"]["own"], (h["explain"].get("action") or {}).get("own"))
               for w in (doc or {}).get("words", []) for m in w["matches"]]
    corrected = [m for m in matches if m.get("corrects") == "reboisement"]
    assert corrected and all(m["grade"] < p.typo for m in corrected)
    assert not [m for m in matches if m["via"] == "typo" and "corrects" in m]
    assert main(["search", "reboisment", "--explain", "--per-page", "3", "--index", str(index_dir)]) == 0
    assert "de l'orthographe proche « reboisement » × 0,16" in capsys.readouterr().out


@pytest.mark.parametrize("typo, word", [("reboisment", "reboisement"), ("hydrolique", "hydraulique"),
                                        ("agricuture", "agriculture"), ("kabilie", "kabylie")])
def test_the_corrections_vocabulary_is_the_typed_words_at_typo_times_its_grade(engine, typo, word):
    # review r56 (REV2): planted faults escaped the tests above: the correction's narrower terms searched as
    # loose words (phrase=False: « plantation d'arbres » as plantation + arbres), its family searched in the
    # party names too (FAMILY_FIELDS dropped), a territory's units brought (`kabilie`: Tizi Ouzou, Béjaïa).
    # Each expansion of the correction is the typed word's own: same way, same fields, same kind of query.
    p = ranking_profile.current()
    typed = {(b.via, b.text): b for b in _alternatives(engine, word)
             if b.via != VIA_TYPO and (b.via not in LITERAL or b.via == PLACE)}  # (a unit: via place)
    corrected = [a for a in _alternatives(engine, typo) if a.corrects == word]
    assert corrected
    for a in corrected:
        b = typed[(a.via, a.text)]
        assert [(f, type(q).__name__) for f, q in a.parts] == [(f, type(q).__name__) for f, q in b.parts], a.text
        assert a.grade == pytest.approx(p.typo * b.grade)
    units = {k for k, b in typed.items() if b.via == PLACE}
    kabylie = {("place", "Tizi Ouzou"), ("place", "Béjaïa"), ("place", "Bouira")}
    assert units == (kabylie if word == "kabylie" else set())
    assert set(typed) - {(a.via, a.text) for a in corrected} == units  # all the rest, not a territory's units


@pytest.mark.xfail(strict=True, reason="review r56 (REV2) F1: a correction's expansion that is another word's "
                   "correction counts for both words (without_typed_expansions reads only typed words)")
def test_two_misspelt_words_list_what_the_two_words_list(engine):
    # `agricuture irigation`: « irrigation », a narrower term of agriculture, is also irigation's correction: a
    # record's one « irrigation » counted for both words (Aix-en-Provence–Oujda 5th, as a record with both), 11 results
    # with both and no fill, where `agriculture irrigation` has fewer than 10 with both and fills to 61
    typo = engine.search(SearchRequest(q="agricuture irigation", per_page=100, facets=False))
    word = engine.search(SearchRequest(q="agriculture irrigation", per_page=100, facets=False))
    assert (typo["total"], typo["query"]["partial_matches"]) == (word["total"], word["query"]["partial_matches"])
