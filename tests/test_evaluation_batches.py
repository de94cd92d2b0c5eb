"""`repertoires judged`: checking and adding a batch of fresh dev queries."""
import json
import shutil

import pytest

from evaluation.batches import add_batch, main, problems, same_query_key
from evaluation.judged import QUERIES_FILE, JudgedSetError, load_queries


def _new(qid, q="forage Gao", **extra):
    return {"id": qid, "q": q, "kind": "topic", "note": "wells and boreholes", "relevant": {"thionville--gao": 2},
            **extra}


@pytest.fixture
def judged(tmp_path):
    path = tmp_path / "queries.json"
    shutil.copy(QUERIES_FILE, path)
    return path


def test_the_same_question_whatever_its_case_accents_and_punctuation():
    assert same_query_key({"q": "Santé, Mopti !"}) == same_query_key({"q": "sante mopti"})
    assert same_query_key({"q": "santé Mopti"}) != same_query_key({"q": "santé Mopti", "type": "action"})
    assert same_query_key({"q": "santé"}) != same_query_key({"q": "santé", "filters": {"country": ["Mali"]}})


def test_problems_name_what_is_wrong_and_never_show_an_existing_query():
    existing = [{"id": "secret-test-query", "q": "latrines Bamako", "kind": "place+topic", "split": "test"}]
    found = problems([
        _new("a1", q="Latrines, BAMAKO"),                          # an existing query, written otherwise
        _new("a2", q="q2", kind="poem"),                           # unknown kind
        _new("a3", q="q3", filters={"year": ["2005"]}),            # years are integers
        _new("a4", q="q4", relevant={"thionville--gao": 3}),       # grades are 1 or 2
        {"id": "a5", "q": "eau Kayes", "kind": "topic", "relevant": {"x": 1}},  # no note
        _new("a6"), _new("a6", q="puits Gao"),                     # an id twice
        _new("a7", q="forage  gao"),                               # the same as a6 in this batch
        _new("a8", q="q8", relevant={"nobody--nowhere": 2}),       # not a partnership of the corpus
    ], existing, known_ids={"thionville--gao"})
    text = "\n".join(found)
    assert "a1: the same query (text, type and filters) is already in the set" in text
    assert "a2: unknown kind 'poem'" in text
    assert "filter 'year' takes four-digit integers" in text
    assert "needs judgments graded 1 or 2" in text
    assert 'a5: missing "note"' in text
    assert "a6: this id is already used" in text
    assert "a7: the same query as a6 in this batch" in text
    assert "a8: unknown partnership id 'nobody--nowhere'" in text
    assert "secret-test-query" not in text and "latrines Bamako" not in text
    assert problems([_new("b1")], existing, known_ids={"thionville--gao"}) == []


def test_a_batch_goes_to_dev_under_its_name_and_leaves_the_rest_of_the_file_as_it_was(judged):
    before = judged.read_text(encoding="utf-8")
    n_before = len(load_queries(judged))
    assert add_batch("2026-12-04", [_new("fresh-1", q="forage Gao puits"), _new("fresh-2", q="pompes solaires")],
                     judged) == 2
    after = judged.read_text(encoding="utf-8")
    queries = load_queries(judged)
    assert len(queries) == n_before + 2
    added = {q.id: q for q in queries if q.added == "2026-12-04"}
    assert set(added) == {"fresh-1", "fresh-2"} and all(q.split == "dev" and not q.tuned for q in added.values())
    # the queries before are untouched, line for line; only the batch list and the new rows are new
    old_lines, new_lines = before.splitlines(), after.splitlines()
    assert len(new_lines) == len(old_lines) + 2 and new_lines[-2:] == old_lines[-2:]  # `  ]` and `}`
    changed = [i for i, (a, b) in enumerate(zip(old_lines[:-2], new_lines, strict=False)) if a != b]
    assert len(changed) == 2  # the batch list, and a comma after the query that was last
    assert '"2026-12-04": ["fresh-1", "fresh-2"]' in new_lines[changed[0]]
    assert new_lines[changed[1]] == old_lines[changed[1]] + ","


def test_a_batch_with_problems_or_a_name_already_used_is_refused_and_nothing_is_written(judged):
    before = judged.read_text(encoding="utf-8")
    with pytest.raises(JudgedSetError, match="problem"):
        add_batch("2026-12-04", [_new("fresh-1", relevant={})], judged)
    name = next(iter(json.loads(before)["split_procedure"]["added_to_dev"]))
    with pytest.raises(JudgedSetError, match="already in"):
        add_batch(name, [_new("fresh-1")], judged)
    assert judged.read_text(encoding="utf-8") == before


def test_the_command_checks_and_adds(judged, tmp_path, capsys):
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps([_new("fresh-1", q="forage Gao puits")]), encoding="utf-8")
    assert main(["check", str(batch), "--queries", str(judged)]) == 0
    assert "1 queries checked, 0 problem(s)" in capsys.readouterr().out
    assert main(["add", "--batch", "2026-12-04", str(batch), "--queries", str(judged)]) == 0
    assert main(["check", str(batch), "--queries", str(judged)]) == 1  # now already in the set
    assert "fresh-1: this id is already used" in capsys.readouterr().out
    assert main(["check", str(batch), "--queries", str(tmp_path / "missing.json")]) == 1
    assert "cannot read the judged set" in capsys.readouterr().err
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    assert main(["check", str(tmp_path / "bad.json"), "--queries", str(judged)]) == 1
    assert "cannot read a JSON list of queries" in capsys.readouterr().err


def test_sealed_batches_can_be_added_as_they_are():
    """Batches written and kept unmeasured for whoever tunes next (evaluation/sealed/): each stays
    valid against the set and the sealed batches before it (they are added in name order), so it
    can be added and measured before any tuning."""
    from evaluation.batches import SEALED_DIR, _read

    existing = [q.__dict__ for q in load_queries()]
    for path in sorted(SEALED_DIR.glob("*.json")):
        batch = _read([path])
        assert problems(batch, existing) == [], path.name
        existing += batch
