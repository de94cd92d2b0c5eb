"""How far a mean over judged queries can be trusted: a bootstrap interval.

A split's nDCG@10 is a mean over a few dozen queries, a kind's over three to
sixteen. Resampling the queries with replacement (the percentile bootstrap,
Efron & Tibshirani ch. 13) gives the range the mean would likely fall in on
another draw of queries like these: 0.9205 over 59 queries against a target
of 0.92, or 0.790 over 5, reads differently once the range is beside it.
Pure Python with a fixed seed, so the report is the same on every run.
"""
from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

RESAMPLES = 10_000  # enough for the 2.5th and 97.5th percentiles to move by < 0.002 between seeds
LEVEL = 0.95
SEED = 20261203


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def text(self) -> str:
        return f"{self.low:.3f}–{self.high:.3f}"


def bootstrap_interval(values: Sequence[float], resamples: int = RESAMPLES, level: float = LEVEL,
                       seed: int = SEED) -> Interval:
    """The percentile bootstrap interval of the mean of `values` (one per query).

    With fewer than two values there is nothing to resample: the interval is
    the value itself (or 0 for none), which the report shows as such."""
    return _interval(tuple(values), resamples, level, seed)


@lru_cache(maxsize=256)  # the terminal, Markdown and JSON reports ask for the same intervals
def _interval(xs: tuple[float, ...], resamples: int, level: float, seed: int) -> Interval:
    if not xs:
        return Interval(0.0, 0.0)
    if len(xs) == 1:
        return Interval(xs[0], xs[0])
    rng = random.Random(seed)
    n = len(xs)
    means = sorted(sum(rng.choices(xs, k=n)) / n for _ in range(resamples))
    tail = (1.0 - level) / 2.0
    low = means[int(tail * (resamples - 1))]
    high = means[int((1.0 - tail) * (resamples - 1) + 0.5)]
    return Interval(low, high)
