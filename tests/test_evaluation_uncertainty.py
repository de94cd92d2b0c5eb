"""The bootstrap interval beside each reported mean: its arithmetic on samples
whose spread is known, and where the reports show it (every split, dev's
kinds, never test's kinds)."""
from __future__ import annotations

import random

import pytest

from evaluation.judged import JudgedQuery
from evaluation.report import System, figures, markdown_report, text_report
from evaluation.uncertainty import bootstrap_interval

NAMES = ("nDCG@10", "MRR", "R@10", "P@5")


def test_interval_of_a_half_and_half_sample_is_two_standard_errors_wide():
    # 50 ones and 50 zeros: mean 0.5, standard error 0.05, so about 0.40-0.60 at 95 %
    iv = bootstrap_interval([1.0] * 50 + [0.0] * 50)
    assert abs(iv.low - 0.40) < 0.015 and abs(iv.high - 0.60) < 0.015
    assert iv.contains(0.5) and not iv.contains(0.35) and not iv.contains(0.65)


def test_interval_narrows_with_more_queries_and_vanishes_without_spread():
    rng = random.Random(7)
    population = [rng.random() for _ in range(400)]
    few, many = bootstrap_interval(population[:5]), bootstrap_interval(population)
    assert (many.high - many.low) < (few.high - few.low) / 4
    same = bootstrap_interval([0.8] * 12)
    assert same.low == pytest.approx(0.8) and same.high == pytest.approx(0.8)


def test_interval_is_the_same_on_every_run_and_brackets_the_mean():
    rng = random.Random(3)
    xs = [rng.random() ** 3 for _ in range(31)]  # skewed, as nDCG values near 1 are
    assert bootstrap_interval(xs) == bootstrap_interval(xs)
    mean = sum(xs) / len(xs)
    iv = bootstrap_interval(xs)
    assert iv.low < mean < iv.high
    assert iv.text() == f"{iv.low:.3f}–{iv.high:.3f}"


def test_interval_of_one_or_no_value_is_the_value_itself():
    one = bootstrap_interval([0.42])
    assert (one.low, one.high) == (0.42, 0.42)
    none = bootstrap_interval([])
    assert (none.low, none.high) == (0.0, 0.0)


def _systems():
    queries = ([JudgedQuery(f"d{i}", f"puits {i}", "topic", {"x": 2}, split="dev") for i in range(6)]
               + [JudgedQuery(f"t{i}", f"forage {i}", "topic", {"x": 2}, split="test") for i in range(6)])
    values = [1.0, 0.2, 0.9, 0.6, 1.0, 0.5]
    per = {q.id: {n: values[i % 6] for n in NAMES} for i, q in enumerate(queries)}
    runs = {q.id: ["x"] for q in queries}
    ours = System("ours", per, {n: 0.7 for n in NAMES}, runs)
    base = System("FTS5", {q: {n: 0.1 for n in NAMES} for q in per}, {n: 0.1 for n in NAMES}, runs)
    meta = {"index_version": "v", "partnerships": 1, "actions": 0, "ir_measures": "0", "depth": 10,
            "action_depth": 100, "baseline": "b"}
    return queries, values, ours, base, meta


def test_reports_give_every_split_an_interval_and_only_dev_kinds_one():
    queries, values, ours, base, meta = _systems()
    iv = bootstrap_interval(values).text()
    data = figures(queries, ours, base, meta)["splits"]
    assert data["test"]["ours_nDCG@10_interval"] == data["dev"]["ours_nDCG@10_interval"]
    assert data["dev"]["ours_nDCG@10_interval"][0] < 0.7 < data["dev"]["ours_nDCG@10_interval"][1]
    assert "ours_nDCG@10_interval" in data["dev"]["kinds"]["topic"]
    # a test kind of a few queries would show its worst query's figure as the low end
    assert "ours_nDCG@10_interval" not in data["test"]["kinds"]["topic"]
    md = markdown_report(queries, ours, base, meta)
    test_part, dev_part = md.split("## Dev")[0].split("## Test")[1], md.split("## Dev")[1]
    assert f"nDCG@10 {iv}:" in test_part and f"nDCG@10 {iv}:" in dev_part
    assert f"| {iv} |" in dev_part and f"| {iv} |" not in test_part
    text = text_report(queries, ours, base)
    assert text.count(f"nDCG@10 95% interval (ours): {iv}") == 2  # test and dev
    both = bootstrap_interval(values * 2).text()  # twelve queries: narrower than either split's six
    assert f"nDCG@10 95% interval (ours): {both}" in text and both != iv
