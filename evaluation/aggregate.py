"""Means of per-query measures by split and by kind of query.

Pure arithmetic over what metrics.score_runs returns, so that each split and
each class is reported on its own (a class's mean is over that class's
queries only; a split's overall mean is over all of its queries).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .judged import JudgedQuery

ALL = "all"  # the key of a split's (or the whole set's) overall figures


@dataclass(frozen=True)
class Cell:
    n: int
    means: dict[str, float]


def mean_of(queries: Iterable[JudgedQuery], per_query: dict[str, dict[str, float]], measures: Iterable[str]) -> Cell:
    qs = list(queries)
    names = list(measures)
    if not qs:
        return Cell(0, {m: 0.0 for m in names})
    return Cell(len(qs), {m: sum(per_query[q.id][m] for q in qs) / len(qs) for m in names})


def breakdown(queries: list[JudgedQuery], per_query: dict[str, dict[str, float]], measures: Iterable[str]
              ) -> dict[str, dict[str, Cell]]:
    """{split: {kind: Cell}}, each split with an ALL kind, plus an ALL split over every query.
    Splits and kinds come in the order the query list first shows them (the
    same kind order in every split; a kind absent from a split is left out)."""
    names = list(measures)
    splits: dict[str, list[JudgedQuery]] = {}
    kind_order: dict[str, None] = {}
    for q in queries:
        splits.setdefault(q.split, []).append(q)
        kind_order.setdefault(q.kind)
    out: dict[str, dict[str, Cell]] = {}
    for split, qs in [*splits.items(), (ALL, queries)]:
        cells = {ALL: mean_of(qs, per_query, names)}
        for kind in kind_order:
            of_kind = [q for q in qs if q.kind == kind]
            if of_kind:
                cells[kind] = mean_of(of_kind, per_query, names)
        out[split] = cells
    return out
