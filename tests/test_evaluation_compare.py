"""`repertoires eval --split dev --save / --against`: what a change moved, query by query, tuned on
or not, by kind and by batch; never for the test split."""
import json

import pytest

from evaluation.compare import batch_classes, comparison, load_run, save_run
from evaluation.judged import JudgedQuery
from evaluation.run import main


def _q(qid, kind="topic", tuned=False, added="", **extra):
    return JudgedQuery(id=qid, q=qid.replace("-", " "), kind=kind, relevant={"x": 2}, tuned=tuned, added=added,
                       **extra)


QUERIES = [_q("eau-kayes", tuned=True), _q("forage-gao", added="2026-12-05, first batch"),
           _q("musique", kind="filter", filters={"country": ["Maroc"]}, added="2026-12-05, first batch"),
           _q("sante-mopti", kind="action", type="action")]


def test_a_run_saved_is_read_back(tmp_path):
    path = tmp_path / "run.json"
    save_run(path, {"a": {"nDCG@10": 0.5, "MRR": 1.0}, "b": {"nDCG@10": 0.1234567, "MRR": 0.0}})
    assert load_run(path) == {"a": 0.5, "b": 0.123457}
    (tmp_path / "bad.json").write_text('{"queries": [1, 2]}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a run saved by"):
        load_run(tmp_path / "bad.json")


def test_the_comparison_splits_tuned_and_untuned_and_lists_the_drops_first():
    before = {"eau-kayes": 0.9, "forage-gao": 0.8, "musique": 0.5, "sante-mopti": 0.7}
    after = {"eau-kayes": 1.0, "forage-gao": 0.6, "musique": 0.5, "sante-mopti": 0.7}
    text = comparison(QUERIES, before, after)
    lines = text.splitlines()
    assert lines[0] == "dev (4): 0.7250 -> 0.7000"
    assert lines[1] == "  never tuned on (3): 0.6667 -> 0.6000"
    assert "  batch 2026-12-05, first batch (2): 0.6500 -> 0.5500" in lines
    assert not any("batch split" in line for line in lines)  # sante-mopti, of the split, did not move
    moved = lines[lines.index("2 queries moved:") + 1:]
    assert moved == ["  U -0.200 0.800 -> 0.600 [topic] 'forage gao'", "  T +0.100 0.900 -> 1.000 [topic] 'eau kayes'"]


def test_filters_and_the_action_type_are_shown_and_unshared_queries_left_out():
    text = comparison(QUERIES, {"musique": 0.5, "sante-mopti": 0.7}, {"musique": 0.4, "sante-mopti": 0.9})
    assert "  U -0.100 0.500 -> 0.400 [filter] 'musique' [country=Maroc]" in text
    assert "  U +0.200 0.700 -> 0.900 [action, action] 'sante mopti'" in text
    assert text.endswith("(2 queries not in both runs left out)")


@pytest.mark.parametrize("flag", ["--save", "--against", "--batch"])
def test_never_query_by_query_on_the_test_split(tmp_path, capsys, flag):
    assert main(["--split", "test", flag, str(tmp_path / "run.json")]) == 1
    assert "avec --split dev seulement" in capsys.readouterr().err
    assert not (tmp_path / "run.json").exists()


def test_save_then_against_on_a_small_dev_set(tmp_path, capsys, index_dir):
    queries = tmp_path / "queries.json"
    queries.write_text(json.dumps({"grading_rules": [], "queries": [
        {"id": "eau-kayes", "q": "eau Kayes", "kind": "place+topic", "split": "dev", "note": "",
         "relevant": {"cg-yvelines--kadiolo": 1}}]}), encoding="utf-8")
    run = tmp_path / "run.json"
    args = ["--split", "dev", "--queries", str(queries), "--index", str(index_dir), "--no-report"]
    assert main([*args, "--save", str(run)]) == 0
    assert set(load_run(run)) == {"eau-kayes"}
    capsys.readouterr()
    assert main([*args, "--against", str(run)]) == 0
    out = capsys.readouterr().out
    assert "\ndev (1): " in out and out.rstrip().endswith("0 queries moved")  # the same code: nothing moved


def test_a_batch_by_kind_ours_beside_fts5_named_by_its_end():
    ours = {"eau-kayes": 0.9, "forage-gao": 0.8, "musique": 0.5, "sante-mopti": 0.7}
    base = {"eau-kayes": 0.1, "forage-gao": 0.4, "musique": 0.3, "sante-mopti": 0.2}
    lines = batch_classes(QUERIES, ours, base, "first batch").splitlines()
    assert lines == ["batch 2026-12-05, first batch (2), nDCG@10 ours / FTS5:",
                     "  all            2  0.6500 / 0.3500",
                     "  filter         1  0.5000 / 0.3000",
                     "  topic          1  0.8000 / 0.4000"]
    with pytest.raises(ValueError, match="none matches"):
        batch_classes(QUERIES, ours, base, "second batch")
    two = [*QUERIES, _q("x", added="2026-12-06, first batch")]
    with pytest.raises(ValueError, match="several match"):
        batch_classes(two, {**ours, "x": 1.0}, {**base, "x": 0.0}, "first batch")
