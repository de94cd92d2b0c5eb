"""The ranking rules on a small index written for the purpose: the typed word
before its family, before a synonym or narrower term; a rare expansion does
not outrank the word on rarity alone; typos only for unknown words; how many
of the words a result needs; the profile as the one source of the numbers."""
from __future__ import annotations

import dataclasses

import pytest
from whoosh import index as whoosh_index

from analyzers import Speller
from analyzers.wordtables import count_vocabulary
from engine import ranking, ranking_profile
from engine.matching import Evaluator, FieldLengths
from engine.querybuild import build_query
from engine.querylang import parse_query
from indexer.schema import TEXT_FIELDS, build_schema

FILLER = "coopération décentralisée entre les deux communes pour le développement local"
DOCS = {
    "literal": "programme d'assainissement du village",
    "narrower": "construction de latrines au village",
    "agri": "soutien à l'agriculture du village",
    "family": "soutien aux agriculteurs du village",
    "garden": "soutien au maraîchage du village",
    "all3": "puits et école à Kayes",
    "no-rare": "puits et école du village",
    "no-common": "puits à Kayes pour le village",
    "only-common": "école du village",
    "both": "création d'une bibliothèque",
    "one": "construction d'une bibliothèque",
    "tomb": "jumelage avec Tombouctou",
}
# `assainissement` made common, `latrines` left rare
COMMON = {f"common{i}": f"assainissement et {FILLER}" for i in range(30)}


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("small")
    ix = whoosh_index.create_in(str(path), build_schema())
    w = ix.writer()
    texts = {**DOCS, **COMMON}
    for key, body in texts.items():
        w.add_document(id=key, type="partnership", pid=key, title="", parties="", places="",
                       domains_text="", body=body, sheet="")
    w.commit()
    searcher = ix.searcher(weighting=ranking_profile.current().weighting())
    ids = {searcher.stored_fields(d)["id"]: d for d in range(searcher.doc_count_all())}
    speller = Speller(count_vocabulary([[t] for t in texts.values()]))
    yield searcher, ids, speller
    searcher.close()


def run(small, q, listed=lambda docs: 100):
    searcher, ids, speller = small
    built = build_query(searcher.schema, parse_query(q), {}, known=speller.__contains__,
                        candidates=speller.candidates)
    ev = Evaluator(searcher, FieldLengths())
    r = ranking.rank(built, ev.scores, searcher.doc_count_all(), listed)
    names = {d: k for k, d in ids.items()}
    return {names[d]: s for d, s in r.scores.items()}, r, built


def test_the_word_before_its_narrower_term(small):
    scores, _, _ = run(small, "assainissement")
    assert scores["literal"] > scores["narrower"] > 0


def test_a_narrower_word_is_not_widened(small):
    scores, _, _ = run(small, "latrines")
    assert set(scores) == {"narrower"}


def test_a_rare_expansion_does_not_win_on_rarity(small, monkeypatch):
    # `latrines` is in one document, `assainissement` in 31: unblended, the rare
    # narrower term would outscore the literal word (this is what the blend prevents)
    scores, _, _ = run(small, "assainissement")
    assert scores["literal"] > scores["narrower"]
    monkeypatch.setattr(ranking, "expansion_factors",
                        lambda group, score, n: [1.0] * len(group.alternatives))
    unblended, _, _ = run(small, "assainissement")
    assert unblended["narrower"] > unblended["literal"]


def test_the_ladder_word_family_narrower(small):
    scores, _, _ = run(small, "agriculture")
    assert scores["agri"] > scores["family"] > scores["garden"] > 0
    p = ranking_profile.current()
    assert p.stem > p.family > p.synonym > p.narrower >= p.typo > 0


def test_typos_only_for_words_the_index_does_not_know(small):
    scores, _, built = run(small, "Tombouctu")
    assert set(scores) == {"tomb"}
    assert [a.via for a in built.groups[0].alternatives][-1] == "typo"
    _, _, built = run(small, "Tombouctou")
    assert all(a.via != "typo" for a in built.groups[0].alternatives)


def test_three_words_need_most_of_their_weight(small):
    scores, r, _ = run(small, "puits école Kayes")
    assert scores["all3"] == max(scores.values())
    # missing the common word (école) costs less than missing the rare one (Kayes)
    assert scores["no-common"] > scores["no-rare"]
    assert "only-common" not in scores  # one common word of three is not enough
    assert r.partial and r.coverage(small[1]["all3"]) == 1.0


def test_few_results_are_widened_to_any_word(small):
    scores, r, _ = run(small, "création bibliothèque", listed=len)
    assert scores["both"] > scores["one"] > 0 and r.partial
    scores, _, _ = run(small, "création bibliothèque", listed=lambda docs: 100)
    assert set(scores) == {"both"}  # enough results: both words required


def test_no_result_with_every_word_falls_back_to_any(small):
    scores, r, _ = run(small, "Tombouctou latrines", listed=lambda docs: 100)
    assert r.fallback and set(scores) == {"tomb", "narrower"}


def test_profile_is_the_one_source(small):
    p = ranking_profile.current()
    assert set(p.field_weights) == set(TEXT_FIELDS)
    base, _, _ = run(small, "agriculture")
    with ranking_profile.use_profile(dataclasses.replace(p, family=0.1)):
        lower, _, _ = run(small, "agriculture")
    assert lower["family"] < base["family"] and lower["agri"] == pytest.approx(base["agri"])
    assert ranking_profile.current() is p
    described = p.describe()
    assert described["bm25_b"] == p.bm25_b and described["field_weights"]["places"] == p.field_weights["places"]
    w = p.weighting()
    assert (w.B, w.K1) == (p.bm25_b, p.bm25_k1)
