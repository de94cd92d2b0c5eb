"""The README's counts of what the tests and measures run on are the counts of the files: it said
« the 45 gold sheets of `tests/gold/` » when there were 144 (120 of them dev), and « the 324 judged
queries » when there were 1,701 (QA r42, audit 5, defect 11). A figure that changes with the
files is checked here, so that the README is updated with them."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from indexer.check import load_gold, select_split

ROOT = Path(__file__).resolve().parents[1]
README = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())


def _said(pattern: str) -> tuple[int, ...]:
    found = re.search(pattern, README)
    assert found, f"the README no longer says {pattern!r}: update this test"
    return tuple(int(g.replace(",", "")) for g in found.groups())


def test_the_readme_counts_the_gold_sheets():
    golds = load_gold(ROOT / "tests" / "gold")  # read as `index --check` reads them: their split only
    counts = (len(golds), len(select_split(golds, "dev")), len(select_split(golds, "heldout")))
    assert _said(r"the ([\d,]+) gold sheets of `tests/gold/`, ([\d,]+) dev and ([\d,]+) heldout") == counts


def test_the_readme_counts_the_judged_queries():
    from evaluation.judged import load_queries

    splits = Counter(q.split for q in load_queries())
    counts = (sum(splits.values()), splits["dev"], splits["test"])
    assert _said(r"runs the ([\d,]+) judged queries of `evaluation/queries.json`, ([\d,]+) dev and ([\d,]+) test") \
        == counts
