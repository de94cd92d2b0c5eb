"""Facet filtering and disjunctive facet counts.

Values of one facet combine with OR, facets with AND. A facet's counts are
computed without that facet's own selection (as Algolia and Meilisearch do),
so ticking a second domain shows how many results it would add. Both are done
in one pass over the candidate documents, reading the per-document value
arrays of the opened index (never stored fields).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from indexer.facet_registry import YEAR


@dataclass
class Selection:
    """The active filters: facet -> selected values, plus a year range."""

    values: dict[str, set]
    year_from: int | None = None
    year_to: int | None = None
    required: dict[str, set] | None = None  # from query prefixes: AND, not part of the counts' logic
    excluded: dict[str, set] | None = None

    @property
    def has_range(self) -> bool:
        return self.year_from is not None or self.year_to is not None

    @property
    def active(self) -> list[str]:
        act = [f for f, v in self.values.items() if v]
        if self.has_range and YEAR not in act:
            act.append(YEAR)
        return act


class FacetBits:
    """Per facet value, the set of documents holding it, as a Python int used
    as a bitset (bit d = document number d).

    Filtering and counting then run as C-level AND and popcount over machine
    words, whatever the size of the result set: a pass over the candidates in
    Python was the slow path of a search at 10x the corpus."""

    def __init__(self, doc_facets: list[dict[str, tuple]]):
        self.n = len(doc_facets)
        nbytes = self.n // 8 + 1
        raw: dict[str, dict] = {}
        for d, facets in enumerate(doc_facets):
            byte, bit = d >> 3, 1 << (d & 7)
            for f, vals in facets.items():
                table = raw.setdefault(f, {})
                for v in vals:
                    ba = table.get(v)
                    if ba is None:
                        ba = table[v] = bytearray(nbytes)
                    ba[byte] |= bit
        self.values: dict[str, dict] = {
            f: {v: int.from_bytes(ba, "little") for v, ba in table.items()} for f, table in raw.items()}

    def of(self, docnums) -> int:
        ba = bytearray(self.n // 8 + 1)
        for d in docnums:
            ba[d >> 3] |= 1 << (d & 7)
        return int.from_bytes(ba, "little")

    @staticmethod
    def members(bits: int) -> list[int]:
        """Document numbers of a bitset, in increasing order."""
        out = []
        data = bits.to_bytes((bits.bit_length() + 7) // 8 or 1, "little")
        for i, byte in enumerate(data):
            if byte:
                base = i << 3
                for j in range(8):
                    if byte >> j & 1:
                        out.append(base + j)
        return out

    def any_of(self, facet: str, values) -> int:
        table = self.values.get(facet, {})
        acc = 0
        for v in values:
            acc |= table.get(v, 0)
        return acc

    def selection_mask(self, facet: str, selection: Selection) -> int | None:
        """Documents passing the selection of one facet; None when it selects nothing."""
        mask = None
        sel = selection.values.get(facet)
        if sel:
            mask = self.any_of(facet, sel)
        if facet == YEAR and selection.has_range:
            lo = selection.year_from if selection.year_from is not None else -10**9
            hi = selection.year_to if selection.year_to is not None else 10**9
            in_range = self.any_of(YEAR, [y for y in self.values.get(YEAR, {}) if lo <= y <= hi])
            mask = in_range if mask is None else mask & in_range
        return mask


def filter_and_count(candidates: Iterable[int], bits: FacetBits, selection: Selection,
                     counted: Iterable[str] = ()) -> tuple[list[int], dict[str, Counter]]:
    """Return the candidates passing every filter, and each facet's disjunctive counts.

    A facet's counts are taken over the candidates that pass every other
    facet's selection (and the query's own prefixes), whatever this facet's.
    """
    cand = bits.of(candidates)
    for facet, sel in (selection.required or {}).items():
        cand &= bits.any_of(facet, sel)
    for facet, sel in (selection.excluded or {}).items():
        cand &= ~bits.any_of(facet, sel)
    masks = {f: m for f in selection.active if (m := bits.selection_mask(f, selection)) is not None}
    final = cand
    for m in masks.values():
        final &= m
    counts: dict[str, Counter] = {}
    for f in counted:
        base = cand
        for g, m in masks.items():
            if g != f:
                base &= m
        c: Counter = Counter()
        if base:
            for v, vb in bits.values.get(f, {}).items():
                n = (base & vb).bit_count()
                if n:
                    c[v] = n
        counts[f] = c
    return bits.members(final), counts
