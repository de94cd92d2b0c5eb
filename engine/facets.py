"""Facet filtering and disjunctive facet counts.

Values of one facet combine with OR, facets with AND. A facet's counts are
computed without that facet's own selection (as Algolia and Meilisearch do),
so ticking a second domain shows how many results it would add. Both are done
in one pass over the candidate documents, reading the per-document value
arrays of the opened index (never stored fields).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from indexer.schema import FACETS


@dataclass
class Selection:
    """The active filters: facet -> selected values, plus a year range."""

    values: dict[str, set]
    year_from: int | None = None
    year_to: int | None = None
    required: dict[str, set] | None = None  # from query prefixes: AND, not part of the counts' logic
    excluded: dict[str, set] | None = None

    def facet_passes(self, facet: str, vals: tuple) -> bool:
        sel = self.values.get(facet)
        if sel and not any(v in sel for v in vals):
            return False
        if facet == "year" and (self.year_from is not None or self.year_to is not None):
            lo = self.year_from if self.year_from is not None else -10**9
            hi = self.year_to if self.year_to is not None else 10**9
            if not any(lo <= v <= hi for v in vals):
                return False
        return True

    def hard_passes(self, facets: dict[str, tuple]) -> bool:
        for facet, sel in (self.required or {}).items():
            if not any(v in sel for v in facets.get(facet, ())):
                return False
        for facet, sel in (self.excluded or {}).items():
            if any(v in sel for v in facets.get(facet, ())):
                return False
        return True

    @property
    def active(self) -> list[str]:
        act = [f for f, v in self.values.items() if v]
        if (self.year_from is not None or self.year_to is not None) and "year" not in act:
            act.append("year")
        return act


def filter_and_count(candidates: Iterable[int], facets_of, selection: Selection,
                     counted: Iterable[str] = FACETS) -> tuple[list[int], dict[str, Counter]]:
    """Return the candidates passing every filter, and each facet's disjunctive counts.

    A document failing exactly one facet still counts for that facet; failing
    two or more, it counts for none.
    """
    counted = [f for f in counted]
    active = [f for f in selection.active if f in FACETS]
    counts = {f: Counter() for f in counted}
    kept: list[int] = []
    for d in candidates:
        fv = facets_of(d)
        if not selection.hard_passes(fv):
            continue
        failing = None
        ok = True
        for f in active:
            if not selection.facet_passes(f, fv.get(f, ())):
                if failing is not None:
                    ok = False
                    break
                failing = f
        if not ok:
            continue
        if failing is None:
            kept.append(d)
            for f in counted:
                counts[f].update(set(fv.get(f, ())))
        elif failing in counts:
            counts[failing].update(set(fv.get(failing, ())))
    return kept, counts
