"""A misspelt word's correction keeps its vocabulary (round 56, T5): `reboisment`, corrected to reboisement,
was searched without reboisement's synonym and narrower terms, so it listed 2 sheets where `reboisement` lists 7
(CG Allier–Niafunké's « plantations d'arbres » 3rd). The correction's family, synonyms and narrower terms count
at typo × their own grade, for the one nearest correction only; never a second correction nor an expansion's."""
from __future__ import annotations

import pytest

from analyzers import family_of, find_graded_expansions
from engine import SearchRequest, ranking_profile
from engine.openvalue import plan
from engine.querymodel import VIA_TYPO
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
