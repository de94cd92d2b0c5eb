"""The dev/test split of the judged set, done once and written into
evaluation/queries.json; this module holds the procedure so that anyone can
check the recorded split (tests/test_evaluation.py does).

Procedure: the queries the ranking was tuned on (`tuned_on` in the file) are
all dev. The others are grouped by kind; kinds are taken in alphabetical
order; within a kind the ids are sorted, then shuffled by one
random.Random(seed) shared across kinds; the first ceil(n/2) of each kind go
to test, the rest to dev. Queries written after the split (`added_to_dev`)
are all dev: they give the tuning fresh queries without moving any query
between splits.
"""
from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterable

SPLITS = ("dev", "test")


def assign_splits(queries: Iterable[tuple[str, str]], tuned_on: Iterable[str], seed: int,
                  added_to_dev: Iterable[str] = ()) -> dict[str, str]:
    """(query id, kind) pairs -> {query id: "dev" | "test"}."""
    tuned = set(tuned_on) | set(added_to_dev)
    out: dict[str, str] = {}
    by_kind: dict[str, list[str]] = defaultdict(list)
    for qid, kind in queries:
        if qid in tuned:
            out[qid] = "dev"
        else:
            by_kind[kind].append(qid)
    rng = random.Random(seed)
    for kind in sorted(by_kind):
        ids = sorted(by_kind[kind])
        rng.shuffle(ids)
        n_test = math.ceil(len(ids) / 2)
        for i, qid in enumerate(ids):
            out[qid] = "test" if i < n_test else "dev"
    return out
