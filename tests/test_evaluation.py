"""The evaluation: judged set integrity and its recorded split, the loader's
checks, the per-split and per-kind aggregation, the metric wrapper and the
FTS5 baseline on hand-checked inputs, and the floor under the test-split
nDCG@10 (the figure is read from docs/evaluation.json, written by
`repertoires eval`)."""
from __future__ import annotations

import json
import math
import sys

import pytest

from engine.facets import FacetBits
from engine.state import DocInfo
from evaluation.aggregate import ALL, breakdown
from evaluation.fts_baseline import FtsBaseline, match_expression, partnership_text
from evaluation.judged import (
    KINDS,
    QUERIES_FILE,
    JudgedQuery,
    JudgedSetError,
    load_queries,
    unknown_filter_values,
    unknown_ids,
)
from evaluation.metrics import score_runs
from evaluation.report import read_figures
from evaluation.run import allowed_ids, baseline_rankings, evaluate, first_partnerships, main
from evaluation.split import assign_splits
from indexer.doctable import postings_of


# -- the judged set as written ---------------------------------------------------
def test_judged_set_counts_and_classes():
    queries = load_queries()
    assert len(queries) >= 160
    assert {q.kind for q in queries} == set(KINDS)
    assert sum(q.tuned and not q.added for q in queries) == 63
    actions = [q for q in queries if q.kind == "action"]
    assert len(actions) >= 30 and all(q.type == "action" for q in actions)
    assert all(q.filters for q in queries if q.kind == "filter")
    by_text = {q.q: q for q in queries if not q.filters and not q.added}
    mopti = by_text["quelles villes aident Mopti"]
    assert mopti.relevant["maurepas--mopti"] == 2 and mopti.relevant["allonnes--sangha"] == 1
    # the three queries, judged on meaning rather than on the literal word
    aep = by_text["AEP"].relevant
    # "réseau d'eau potable", "alimentation en eau potable"
    assert aep["dourdan--troumgoumbe"] == 2 and aep["marseille--w-alger"] == 2
    assert by_text["agriculture Ségou"].relevant["saumur--sansanding"] == 2  # a market-garden perimeter
    assert by_text["latrines"].relevant["saint-jean-de-boiseau--menaka"] == 2


def test_recorded_split_follows_the_written_procedure():
    data = json.loads(QUERIES_FILE.read_text(encoding="utf-8"))
    proc = data["split_procedure"]
    queries = load_queries()
    added = [qid for ids in (proc.get("added_to_dev") or {}).values() for qid in ids]
    expected = assign_splits([(q.id, q.kind) for q in queries], proc["tuned_on"], proc["seed"], added)
    assert {q.id: q.split for q in queries} == expected
    assert all(q.split == "dev" for q in queries if q.tuned or q.added)
    for kind in KINDS:  # stratified: about half of each kind's split queries in test
        new = [q for q in queries if q.kind == kind and not q.tuned and not q.added]
        assert sum(q.split == "test" for q in new) == math.ceil(len(new) / 2)


def test_queries_added_after_the_split_go_to_dev_and_move_no_other_query():
    pairs = [(f"a{i}", "a") for i in range(5)] + [(f"b{i}", "b") for i in range(4)]
    before = assign_splits(pairs, [], seed=7)
    after = assign_splits(pairs + [("late1", "a"), ("late2", "b")], [], seed=7, added_to_dev=["late1", "late2"])
    assert after == {**before, "late1": "dev", "late2": "dev"}


def test_loader_marks_added_queries_and_refuses_one_in_test(tmp_path):
    proc = {"split_procedure": {"seed": 1, "tuned_on": [], "added_to_dev": {"2026-12-03": ["q2"]}}}
    q1, q2 = load_queries(_write(tmp_path, _q(), _q("q2"), extra=proc))
    assert (q1.added, q2.added) == ("", "2026-12-03")
    with pytest.raises(JudgedSetError, match="added after the split .* must be dev, not 'test'"):
        load_queries(_write(tmp_path, _q(), _q("q2", split="test"), extra=proc))
    bad = {"split_procedure": {"added_to_dev": {"2026-12-03": ["zz"]}}}
    with pytest.raises(JudgedSetError, match="added_to_dev names unknown queries: zz"):
        load_queries(_write(tmp_path, _q(), extra=bad))
    tuned = {"split_procedure": {"added_to_dev": {"2026-12-03": ["q2"]}, "batches_tuned_on": ["2026-12-03"]}}
    assert [q.tuned for q in load_queries(_write(tmp_path, _q(), _q("q2"), extra=tuned))] == [False, True]
    unknown = {"split_procedure": {"added_to_dev": {"2026-12-03": ["q2"]}, "batches_tuned_on": ["2026-12-04"]}}
    with pytest.raises(JudgedSetError, match="batches_tuned_on names unknown batches: 2026-12-04"):
        load_queries(_write(tmp_path, _q(), _q("q2"), extra=unknown))
    twice = {"split_procedure": {"added_to_dev": {"2026-12-03": ["q2"], "2026-12-04": ["q2"]}}}
    with pytest.raises(JudgedSetError, match="lists 'q2' in two batches"):
        load_queries(_write(tmp_path, _q(), _q("q2"), extra=twice))


def test_split_procedure_is_deterministic_and_stratified():
    pairs = [(f"a{i}", "a") for i in range(5)] + [(f"b{i}", "b") for i in range(4)] + [("t", "a")]
    one = assign_splits(pairs, ["t"], seed=7)
    assert one == assign_splits(list(reversed(pairs)), ["t"], seed=7)
    assert one["t"] == "dev"
    assert sum(one[f"a{i}"] == "test" for i in range(5)) == 3
    assert sum(one[f"b{i}"] == "test" for i in range(4)) == 2
    assert any(assign_splits(pairs, ["t"], seed=s) != one for s in range(8, 20))


def test_judged_ids_are_in_the_corpus(corpus):
    known = {p.id for p in corpus.partnerships}
    assert unknown_ids(load_queries(), known) == {}


def test_filter_values_exist_in_the_index(engine):
    assert unknown_filter_values(load_queries(), engine.state().facet_values) == {}


# -- the loader's checks ---------------------------------------------------------
def _write(tmp_path, *queries, extra=None):
    data = {"queries": list(queries)}
    data.update(extra or {})
    path = tmp_path / "queries.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _q(qid="q1", **kw):
    d = {"id": qid, "q": "puits", "kind": "topic", "split": "dev", "relevant": {"a": 2}}
    d.update(kw)
    return d


def test_loader_reads_split_type_and_filters(tmp_path):
    path = _write(tmp_path, _q(), _q("q2", split="test", type="action",
                                     filters={"country": ["Mali"], "year": [2005], "domain": ["Santé"]}),
                  extra={"split_procedure": {"seed": 1, "tuned_on": ["q1"]}})
    q1, q2 = load_queries(path)
    assert (q1.split, q1.type, q1.filters, q1.tuned) == ("dev", "partnership", {}, True)
    assert (q2.split, q2.type, q2.tuned) == ("test", "action", False)
    assert q2.filters == {"country": ["Mali"], "year": [2005], "domain": ["Santé"]}


@pytest.mark.parametrize("query, message", [
    (_q(split="train"), "unknown split 'train'"),
    (_q(split=None), "unknown split None"),
    (_q(type="actions"), "unknown type 'actions'"),
    (_q(filters={"pays": ["Mali"]}), "unknown filter 'pays'"),
    (_q(filters={"domain": ["Eau"]}), "unknown domain 'Eau'"),
    (_q(filters={"year": ["2005"]}), "four-digit integers"),
    (_q(filters={"country": []}), "non-empty list"),
    (_q(filters=["country"]), "must be an object"),
    (_q(relevant={"a": 3}), "graded 1 or 2"),
    (_q(relevant={}), "graded 1 or 2"),
    (_q(q=None), "no query text"),
])
def test_loader_refuses_what_it_cannot_use(tmp_path, query, message):
    with pytest.raises(JudgedSetError, match=message) as err:
        load_queries(_write(tmp_path, query))
    assert "'q1'" in str(err.value)  # says which query


def test_loader_refuses_duplicates_bad_json_and_unknown_tuned_ids(tmp_path):
    with pytest.raises(JudgedSetError, match="appears twice"):
        load_queries(_write(tmp_path, _q(), _q()))
    with pytest.raises(JudgedSetError, match="tuned_on names unknown queries: zz"):
        load_queries(_write(tmp_path, _q(), extra={"split_procedure": {"tuned_on": ["zz"]}}))
    bad = tmp_path / "bad.json"
    bad.write_text('{"queries": [', encoding="utf-8")
    with pytest.raises(JudgedSetError, match="not valid JSON"):
        load_queries(bad)


def test_eval_command_reports_a_bad_set_in_one_line(tmp_path, capsys):
    assert main(["--queries", str(_write(tmp_path, _q(type="nope"))), "--no-report"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "unknown type 'nope'" in err and "\n" not in err


def test_eval_command_without_ir_measures_names_the_extra(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "ir_measures", None)  # import now raises ImportError
    assert main(["--queries", str(_write(tmp_path, _q())), "--index", str(tmp_path / "none"), "--no-report"]) == 1
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert "\n" not in err and "ir-measures" in err and ".[test]" in err and "Traceback" not in err
    assert not (tmp_path / "none").exists()  # failed before building anything


# -- aggregation per split and per kind ------------------------------------------
def _jq(qid, kind, split, tuned=False):
    return JudgedQuery(qid, qid, kind, {"x": 2}, split=split, tuned=tuned)


def test_breakdown_by_split_and_kind():
    queries = [_jq("a", "name", "dev", True), _jq("b", "name", "test"), _jq("c", "topic", "dev"),
               _jq("d", "topic", "test"), _jq("e", "topic", "test")]
    per_query = {"a": {"m": 1.0}, "b": {"m": 0.5}, "c": {"m": 0.0}, "d": {"m": 0.25}, "e": {"m": 0.75}}
    out = breakdown(queries, per_query, ["m"])
    assert list(out) == ["dev", "test", ALL]
    assert (out["dev"][ALL].n, out["dev"][ALL].means["m"]) == (2, 0.5)
    assert (out["test"][ALL].n, out["test"][ALL].means["m"]) == (3, 0.5)
    assert out["test"]["name"].means["m"] == 0.5 and out["test"]["topic"].means["m"] == 0.5
    assert out["dev"]["name"].means["m"] == 1.0 and out["dev"]["topic"].means["m"] == 0.0
    assert (out[ALL][ALL].n, out[ALL][ALL].means["m"]) == (5, 0.5)
    assert out[ALL]["topic"].means["m"] == pytest.approx(1.0 / 3)
    assert list(out["test"]) == [ALL, "name", "topic"]  # kinds in the list's order, the same in every split
    only_dev = breakdown([_jq("c", "topic", "dev")], per_query, ["m"])
    assert list(only_dev) == ["dev", ALL] and "name" not in only_dev["dev"]


def test_action_hits_map_to_first_partnerships():
    assert first_partnerships(["p1", "p2", "p1", "p3", "p2", "p4"], depth=3) == ["p1", "p2", "p3"]
    assert first_partnerships([], depth=3) == []


# -- metrics ----------------------------------------------------------------------
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


# -- the FTS5 baseline --------------------------------------------------------------
def _p(pid, text=None, **kw):
    d = {"id": pid, "title": kw.pop("title", pid), "original_text": text, "french_party": None, "partner_party": None}
    d.update(kw)
    return d


def test_baseline_folds_accents_ands_words_and_falls_back():
    base = FtsBaseline([_p("a", "Construction d'une école à Ségou"), _p("b", "Puits à Ségou, puits à Mopti"),
                        _p("c", "Santé à Kayes")], [])
    assert sorted(base.search("segou")) == ["a", "b"]
    assert base.search("ecole segou") == ["a"]
    assert base.search("puits mopti") == ["b"]
    assert base.search("santé Tombouctou") == ["c"]  # no row has both words: any-word fallback
    assert base.search("") == []


def test_baseline_filters_and_lists_actions():
    base = FtsBaseline([_p("a", "Puits à Ségou"), _p("b", "Puits à Mopti"), _p("c", "École à Kayes")],
                       [{"id": "a1", "partnership_id": "a", "original_text": "Creusement de puits"},
                        {"id": "c1", "partnership_id": "c", "original_text": "Puits de l'école"},
                        {"id": "c2", "partnership_id": "c", "original_text": "Forage"}])
    assert sorted(base.search("puits", allowed={"b", "c"})) == ["b"]
    assert base.search("puits kayes", allowed={"c"}) == ["c"]  # fallback inside the allowed rows
    assert base.search("puits", allowed=set()) == []
    assert sorted(a for a, _ in base.search_actions("puits")) == ["a1", "c1"]
    assert base.search_actions("puits", allowed={"c1", "c2"}) == [("c1", "c")]
    assert base.search_actions("forage puits", allowed={"c2"}) == [("c2", "c")]


class _State:
    def __init__(self, docs):
        self.docs = [DocInfo(i, kind, pid, i) for i, kind, pid, _ in docs]
        self.facet_bits = FacetBits(len(docs), postings_of(facets for *_, facets in docs))


def test_baseline_gets_the_engines_filters_and_type():
    def doc(i, kind, pid, **facets):
        return i, kind, pid, facets

    state = _State([doc("a", "partnership", "a", country=["Mali"], region=["Kayes"], year=[2005]),
                    doc("b", "partnership", "b", country=["Maroc"], region=["Oriental"], year=[2005, 2006]),
                    doc("c", "partnership", "c", country=["Mali"], region=["Mopti"], year=[2006]),
                    doc("a1", "action", "a", country=["Mali"], region=["Kayes"], year=[2001])])
    q = JudgedQuery("q", "puits", "filter", {"a": 2}, filters={"country": ["Mali", "Maroc"], "year": [2005]})
    assert allowed_ids(state, q) == {"a", "b"}  # OR within a facet, AND across facets
    qa = JudgedQuery("qa", "puits", "action", {"a": 2}, type="action", filters={"region": ["Kayes"]})
    assert allowed_ids(state, qa) == {"a1"}
    assert allowed_ids(state, JudgedQuery("n", "puits", "topic", {"a": 2})) is None
    base = FtsBaseline([_p("a", "Puits à Kayes"), _p("b", "Puits à Oujda"), _p("c", "Puits à Mopti")],
                       [{"id": "a1", "partnership_id": "a", "original_text": "Puits"}])
    ranks = baseline_rankings(base, [q, qa], state)
    assert sorted(ranks["q"]) == ["a", "b"] and ranks["qa"] == ["a"]


def test_baseline_text_falls_back_on_fields_and_actions():
    p = _p("p", None, title="Nanterre – Tlemcen", objectives="Reprendre contact", countries=["Algérie"])
    text = partnership_text(p, [{"original_text": "Forage 2005"}])
    assert text.split("\n") == ["Nanterre – Tlemcen", "Algérie", "Reprendre contact", "Forage 2005"]
    assert match_expression('puits "Mopti') == '"puits" "Mopti"'
    assert match_expression("eau OR", any_word=True) == '"eau" OR "OR"'


# -- the floor ----------------------------------------------------------------------
def test_test_split_ndcg_stays_within_001_of_the_written_figure(engine):
    figures = read_figures()["splits"]["test"]
    test = [q for q in load_queries() if q.split == "test"]
    assert figures["n"] == len(test), "docs/evaluation.json is stale: rerun `repertoires eval`"
    ours, base = evaluate(engine, test)
    assert ours.overall["nDCG@10"] >= figures["ours"]["nDCG@10"] - 0.01
    assert base.overall["nDCG@10"] < ours.overall["nDCG@10"]


def test_reports_show_no_test_query_on_its_own():
    """Test is reported by split and kind only: a test query's own figures, once
    printed, would be tuned on by the next ranking change."""
    from evaluation.report import System, markdown_report, text_report

    queries = [JudgedQuery("dev-q", "puits Kayes", "place+topic", {"x": 2}, split="dev"),
               JudgedQuery("test-q", "latrines Gao", "place+topic", {"x": 2}, split="test")]
    per = {"dev-q": {n: 0.5 for n in ("nDCG@10", "MRR", "R@10", "P@5")},
           "test-q": {n: 0.25 for n in ("nDCG@10", "MRR", "R@10", "P@5")}}
    overall = {n: 0.375 for n in ("nDCG@10", "MRR", "R@10", "P@5")}
    ours = System("ours", per, overall, {"dev-q": ["x"], "test-q": ["y"]})
    base = System("FTS5", per, overall, {"dev-q": ["x"], "test-q": ["y"]})
    meta = {"index_version": "v", "partnerships": 1, "actions": 0, "ir_measures": "0", "depth": 10,
            "action_depth": 100, "baseline": "b"}
    for text in (markdown_report(queries, ours, base, meta), text_report(queries, ours, base)):
        assert "puits Kayes" in text and "latrines Gao" not in text and "test-q" not in text
        assert "0.250" in text  # the test split's figure, by split and kind


def test_reports_give_the_queries_written_after_the_split_their_own_line():
    """Fresh dev queries tell whoever tunes next how much the earlier tuning
    carries over: both reports give their figure apart from the rest of dev."""
    from evaluation.report import System, markdown_report, text_report

    names = ("nDCG@10", "MRR", "R@10", "P@5")
    queries = [JudgedQuery("old", "puits Kayes", "topic", {"x": 2}, split="dev"),
               JudgedQuery("new", "forage Gao", "topic", {"x": 2}, split="dev", added="2026-12-03")]
    per = {"old": {n: 0.9 for n in names}, "new": {n: 0.3 for n in names}}
    overall = {n: 0.6 for n in names}
    ours = System("ours", per, overall, {"old": ["x"], "new": ["x"]})
    base = System("FTS5", {q: {n: 0.15 for n in names} for q in per}, {n: 0.15 for n in names},
                  {"old": ["x"], "new": ["x"]})
    meta = {"index_version": "v", "partnerships": 1, "actions": 0, "ir_measures": "0", "depth": 10,
            "action_depth": 100, "baseline": "b"}
    assert "written after the split (1): nDCG@10 0.300 / 0.150 (2.00×)" in text_report(queries, ours, base)
    assert "Written after the split (1 queries): nDCG@10 0.3000 (FTS5 0.1500, 2.00×)." in \
        markdown_report(queries, ours, base, meta)


def test_reports_give_each_batch_written_after_the_split_its_own_line():
    """With two batches, the later one (never tuned on by the changes before it)
    is read apart from the earlier one."""
    from evaluation.report import System, text_report

    names = ("nDCG@10", "MRR", "R@10", "P@5")
    queries = [JudgedQuery("old", "puits Kayes", "topic", {"x": 2}, split="dev"),
               JudgedQuery("b1", "forage Gao", "topic", {"x": 2}, split="dev", added="2026-12-03"),
               JudgedQuery("b2", "latrines Mopti", "topic", {"x": 2}, split="dev", added="2026-12-03 (2)")]
    per = {"old": {n: 0.9 for n in names}, "b1": {n: 0.5 for n in names}, "b2": {n: 0.3 for n in names}}
    runs = {q: ["x"] for q in per}
    ours = System("ours", per, {n: 0.6 for n in names}, runs)
    base = System("FTS5", {q: {n: 0.1 for n in names} for q in per}, {n: 0.1 for n in names}, runs)
    text = text_report(queries, ours, base)
    assert "written after the split (2): nDCG@10 0.400 / 0.100 (4.00×)" in text
    assert "written after the split, 2026-12-03 (1): nDCG@10 0.500 / 0.100" in text
    assert "written after the split, 2026-12-03 (2) (1): nDCG@10 0.300 / 0.100" in text
    # a batch tuned on since it was first measured says so
    queries[1] = JudgedQuery("b1", "forage Gao", "topic", {"x": 2}, split="dev", added="2026-12-03", tuned=True)
    assert "written after the split, 2026-12-03 (tuned on since) (1): nDCG@10 0.500" in text_report(queries, ours, base)


def test_the_misses_listed_with_our_results_are_only_of_queries_already_tuned_on():
    """A batch never tuned on validates the next change; listing its worst queries with our top
    results would invite fitting them. Their figures still count in every mean."""
    from evaluation.report import System, markdown_report, text_report

    names = ("nDCG@10", "MRR", "R@10", "P@5")
    queries = [JudgedQuery("tuned", "puits Kayes", "topic", {"x": 2}, split="dev", tuned=True),
               JudgedQuery("fresh", "forage Gao", "topic", {"x": 2}, split="dev", added="2026-12-03")]
    per = {"tuned": {n: 0.5 for n in names}, "fresh": {n: 0.1 for n in names}}
    runs = {"tuned": ["a"], "fresh": ["b"]}
    ours = System("ours", per, {n: 0.3 for n in names}, runs)
    base = System("FTS5", per, {n: 0.3 for n in names}, runs)
    meta = {"index_version": "v", "partnerships": 1, "actions": 0, "ir_measures": "0", "depth": 10,
            "action_depth": 100, "baseline": "b"}
    text, md = text_report(queries, ours, base), markdown_report(queries, ours, base, meta)
    for report in (text, md):
        misses = report.split("lose most")[1].split("Per query")[0]
        assert "puits Kayes" in misses and "forage Gao" not in misses
        assert "(1 never tuned on left out)" in report
    assert "nDCG@10 0.1" in text  # the fresh batch's own line still counts it
