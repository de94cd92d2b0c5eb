"""A misspelt word inside a vocabulary phrase (round 56, T7): the phrases were found over the words as typed,
so `eau potabel` was `eau` and `potabel` (typo « potable »), without « eau potable »'s hydraulique, AEP and
forages. The one nearest correction of one word now completes the phrase, whose entry counts at typo × its
own grade, marked as the phrase's as corrected; never a phrase two corrections make."""
from __future__ import annotations

import pytest

from engine import SearchRequest, ranking_profile
from engine.openvalue import plan
from engine.querymodel import VIA_TYPO, VIA_WORDS
from engine.search import read
from engine.suggestion import knows
from repertoires.cli import main


def _groups(engine, q: str):
    state = engine.state()
    known = knows(state)
    return plan(state, read(state, q, known), known).groups


def _ids(engine, q: str) -> set[str]:
    r = engine.search(SearchRequest(q=q, per_page=100, facets=False, snippets=False))
    return {h["id"] for h in r["results"]}


@pytest.mark.parametrize("typed, misspelt, correction, meant", [("eau potabel", "potabel", "potable", "eau potable"),
                                                                 ("adducton d'eau", "adducton", "adduction",
                                                                  "adduction d'eau")])
def test_a_corrected_word_completes_its_phrase(engine, typed, misspelt, correction, meant):
    p = ranking_profile.current()
    [group] = _groups(engine, typed)  # one group for the span, as the phrase typed right has
    assert group.alternatives[0].via == VIA_WORDS
    # the misspelt word is still looked for through its typo alternative, all words required
    [child] = [c for c in group.alternatives[0].children if c.text == misspelt]
    assert next(a.text for a in child.alternatives if a.via == VIA_TYPO) == correction
    right = {(a.via, a.text): a.grade for g in _groups(engine, meant) for a in g.alternatives if a.via != VIA_WORDS}
    corrected = {(a.via, a.text): a.grade for a in group.alternatives if a.corrects}
    assert right and set(corrected) == set(right)  # the entry of the phrase typed right
    assert all(corrected[k] == pytest.approx(p.typo * right[k]) for k in right)
    assert ("synonym", "AEP") in corrected
    assert {a.corrects for a in group.alternatives if a.corrects} == {meant}


def test_eau_potabel_finds_the_sheets_saying_hydraulique(engine):
    words = _ids(engine, "eau") & _ids(engine, "potable")  # what the words alone find at best
    found = _ids(engine, "eau potabel")
    assert found - words  # sheets writing hydraulique, AEP or forages, not « eau » and « potable »
    assert found - words <= _ids(engine, "eau potable")  # as the phrase typed right finds them


def test_never_a_phrase_two_corrections_make(engine):
    # `alimentaton` and `potabel` each have one nearest word, but the phrase would be two guesses
    groups = _groups(engine, "alimentaton en eau potabel")
    assert [g.text for g in groups] == ["alimentaton", "eau", "potabel"]
    assert not [a for g in groups for a in g.alternatives if a.corrects]


def test_explain_says_which_phrase_was_read(engine, index_dir, capsys):
    from test_explain import check_result

    r = engine.search(SearchRequest(q="eau potabel", per_page=10, explain=True))
    for hit in r["results"]:
        check_result(hit)  # the parts still add up to the score
    matches = [m for h in r["results"] for w in h["explain"]["own"].get("words", []) for m in w["matches"]]
    assert {m["corrects"] for m in matches if "corrects" in m} == {"eau potable"}
    assert main(["search", "eau potabel", "--explain", "--per-page", "10", "--index", str(index_dir)]) == 0
    assert "synonyme « hydraulique » de l'orthographe proche « eau potable » × 0,19" in capsys.readouterr().out


def test_a_phrase_a_correction_completes_keeps_its_filler_word(engine):
    # `aide` alone is a filler the query drops; inside « aide humanitaire » it is the phrase's (candidate b: the
    # fillers were read over the typed words, so `aide humanitare` lost `aide` and with it the phrase)
    p = ranking_profile.current()
    [group] = _groups(engine, "aide humanitare")
    corrected = {(a.via, a.text): a.grade for a in group.alternatives if a.corrects == "aide humanitaire"}
    assert corrected[("synonym", "aide d'urgence")] == pytest.approx(p.typo * p.synonym)


def test_a_words_correction_is_asked_once_and_never_for_a_lone_word(engine, monkeypatch):
    """The fillers and the spans read the same corrections, asked once per word; a query of one word
    completes no phrase of two, so its correction is not asked (its typo alternative still is)."""
    from engine import querybuild
    asked: list[str] = []
    correction = querybuild._correction

    def counted(schema, clause, known, candidates):
        asked.append(clause.text)
        return correction(schema, clause, known, candidates)
    monkeypatch.setattr(querybuild, "_correction", counted)
    [group] = _groups(engine, "eau potabel")
    assert any(a.corrects == "eau potable" for a in group.alternatives)  # the phrase is still completed
    assert sorted(asked) == ["eau", "potabel"]
    asked.clear()
    [group] = _groups(engine, "potabel")
    assert asked == [] and any(a.via == VIA_TYPO and a.text == "potable" for a in group.alternatives)
