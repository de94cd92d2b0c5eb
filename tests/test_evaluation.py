"""The evaluation: judged set integrity, the metric wrapper and the FTS5
baseline on hand-checked inputs, and the floor under our nDCG@10."""
from __future__ import annotations

import math

import pytest

from evaluation.fts_baseline import FtsBaseline, match_expression, partnership_text
from evaluation.judged import load_queries, unknown_ids
from evaluation.metrics import score_runs
from evaluation.run import evaluate

# Measured on 63 queries (docs/evaluation.md): 0.8722 when the set was
# written, 0.9302 after the ranking was tuned on it (18b3f19). The floor
# leaves 0.02 for harmless reorderings.
NDCG_FLOOR = 0.91


def test_judged_set_counts():
    queries = load_queries()
    assert len(queries) == 63
    assert sum(len(q.relevant) for q in queries) == 405
    kinds = {q.kind for q in queries}
    assert kinds == {"place+domain", "name", "acronym", "misspelling", "no accents", "year", "question", "topic"}
    mopti = next(q for q in queries if q.q == "quelles villes aident Mopti")
    assert mopti.relevant["maurepas--mopti"] == 2 and mopti.relevant["allonnes--sangha"] == 1


def test_judged_ids_are_in_the_corpus(corpus):
    known = {p.id for p in corpus.partnerships}
    assert unknown_ids(load_queries(), known) == {}


def test_metrics_by_hand():
    judgments = {"q1": {"a": 2, "b": 1}, "q2": {"c": 1}}
    per_query, overall = score_runs(judgments, {"q1": ["b", "x", "a"]})  # q2 returned nothing
    # DCG = 1/log2(2) + 2/log2(4) = 2; ideal = 2/log2(2) + 1/log2(3)
    ndcg = 2 / (2 + 1 / math.log2(3))
    assert per_query["q1"]["nDCG@10"] == pytest.approx(ndcg)
    assert per_query["q1"]["MRR"] == 1.0
    assert per_query["q1"]["R@10"] == 1.0
    assert per_query["q1"]["P@5"] == pytest.approx(0.4)
    assert per_query["q2"] == {"nDCG@10": 0.0, "MRR": 0.0, "R@10": 0.0, "P@5": 0.0}
    assert overall["nDCG@10"] == pytest.approx(ndcg / 2)


def test_metrics_keep_the_given_order_on_equal_relevance():
    per_query, _ = score_runs({"q": {"z": 1}}, {"q": ["a", "z"]})
    assert per_query["q"]["MRR"] == 0.5


def _p(pid, text=None, **kw):
    d = {"id": pid, "title": kw.pop("title", pid), "original_text": text, "french_party": None, "partner_party": None}
    d.update(kw)
    return d


def test_baseline_folds_accents_ands_words_and_falls_back():
    base = FtsBaseline([_p("a", "Construction d'une école à Ségou"), _p("b", "Puits à Ségou, puits à Mopti"),
                        _p("c", "Santé à Kayes")], [])
    assert base.search("segou") == ["b", "a"] or base.search("segou") == ["a", "b"]
    assert base.search("ecole segou") == ["a"]
    assert base.search("puits mopti") == ["b"]
    assert base.search("santé Tombouctou") == ["c"]  # no row has both words: any-word fallback
    assert base.search("") == []


def test_baseline_text_falls_back_on_fields_and_actions():
    p = _p("p", None, title="Nanterre – Tlemcen", objectives="Reprendre contact", countries=["Algérie"])
    text = partnership_text(p, [{"original_text": "Forage 2005"}])
    assert text.split("\n") == ["Nanterre – Tlemcen", "Algérie", "Reprendre contact", "Forage 2005"]
    assert match_expression('puits "Mopti') == '"puits" "Mopti"'
    assert match_expression("eau OR", any_word=True) == '"eau" OR "OR"'


def test_ndcg_floor(engine):
    ours, base = evaluate(engine, load_queries())
    assert ours.overall["nDCG@10"] >= NDCG_FLOOR
    assert base.overall["nDCG@10"] < ours.overall["nDCG@10"]
