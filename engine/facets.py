"""Facet filtering and disjunctive facet counts.

Values of one facet combine with OR, facets with AND. A facet's counts are
computed without that facet's own selection (as Algolia and Meilisearch do),
so ticking a second domain shows how many results it would add. Both read the
per-value bitsets the opened index makes from its document table
(indexer.doctable), never stored fields.
"""
from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from typing import Any

from analyzers import fold_text
from indexer.facet_registry import YEAR, Registry

SPARSE = 64  # a bitset with fewer than one document in this many is made and read document by document
MANY_VALUES = 64  # a facet with more values may be counted from the documents' own values
_DIGIT_FLAGS = bytes.maketrans(b"01", b"\x00\x01")  # binary digits -> false/true bytes


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
    def has_years(self) -> bool:
        """A year is filtered: a facet value, a range or a query prefix."""
        return self.has_range or bool(self.values.get(YEAR)) or bool((self.required or {}).get(YEAR))

    def without_years(self) -> Selection:
        """The same filters but for the year (its exclusions kept)."""
        return Selection(values={f: v for f, v in self.values.items() if f != YEAR},
                         required={f: v for f, v in self.required.items() if f != YEAR} if self.required else None,
                         excluded=self.excluded)

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
    Python was the slow path of a search at 10x the corpus. A facet with
    thousands of values (the French collectivities at 10x) is counted from the
    documents' own values when few documents are counted: one AND per value
    cost more than that."""

    def __init__(self, n: int, postings: Mapping[str, Mapping[Any, Collection[int]]],
                 missing: Mapping[str, Any] | None = None):
        """`postings`: facet -> value -> the documents holding it (indexer.doctable),
        whose values' order is the order counts are given in; `missing`: facet -> the value
        selecting the documents holding none of its values (Facet.missing: `year=none`)."""
        self.n = n
        self._postings = postings
        self._per_doc: dict[str, list[tuple]] = {}
        self._order: dict[str, dict] = {}
        self.values: dict[str, dict] = {f: {v: self.of(docs) for v, docs in per_value.items()}
                                        for f, per_value in postings.items()}
        everything = (1 << n) - 1
        # facet -> (its missing value, the documents holding none of its values): kept out of
        # `values`, whose keys the period and the counts read as the facet's own values (years)
        self.missing: dict[str, tuple[Any, int]] = {
            f: (token, everything & ~self.any_of(f, self.values.get(f, {}))) for f, token in (missing or {}).items()}

    def missing_value(self, facet: str) -> Any:
        """The facet's value for the documents holding none of its values (None: it has none)."""
        held = self.missing.get(facet)
        return held[0] if held is not None else None

    def of(self, docnums: Collection[int]) -> int:
        """The bitset of `docnums`: bit by bit for a few; for many, one "1"
        character per document read as a base-2 number (the loop then only
        stores a byte, the bits are packed in C)."""
        if not docnums:
            return 0
        if len(docnums) * SPARSE < self.n:
            ba = bytearray(self.n // 8 + 1)
            for d in docnums:
                ba[d >> 3] |= 1 << (d & 7)
            return int.from_bytes(ba, "little")
        chars = bytearray(b"0") * self.n
        for d in docnums:
            chars[d] = 49  # "1"
        chars.reverse()  # the last document is the most significant digit
        return int(chars, 2)

    @staticmethod
    def members(bits: int) -> list[int]:
        """Document numbers of a bitset, in increasing order (from its binary
        digits: found one by one when few, picked out in C when many)."""
        if not bits:
            return []
        digits = bin(bits)[:1:-1]  # digit d is bit d
        if bits.bit_count() * SPARSE < len(digits):
            out = []
            find = digits.find
            i = find("1")
            while i >= 0:
                out.append(i)
                i = find("1", i + 1)
            return out
        flags = digits.encode("ascii").translate(_DIGIT_FLAGS)
        return list(compress(range(len(flags)), flags))

    def kept(self, docnums: Collection[int], keep: int | None) -> list[int]:
        """Those of `docnums` (distinct) whose bit is set in `keep` (None: all), in increasing order."""
        ordered = sorted(docnums)
        if keep is None:
            return ordered
        if keep < 0:  # exclusions alone: every document but theirs
            keep &= (1 << self.n) - 1
        if not keep:
            return []
        flags = keep.to_bytes(self.n // 8 + 1, "little")
        return [d for d in ordered if flags[d >> 3] >> (d & 7) & 1]

    def any_of(self, facet: str, values) -> int:
        table = self.values.get(facet, {})
        acc = 0
        for v in values:
            acc |= table.get(v, 0)
        return acc

    def holding(self, facet: str, values) -> int:
        """Documents holding one of `values`, the facet's missing value (`none`) selecting those holding
        none of its values: a prefix (`annee:none`, `-annee:none`) reads it as the parameter does."""
        held = self.missing.get(facet)
        if held is None or held[0] not in values:
            return self.any_of(facet, values)
        return self.any_of(facet, [v for v in values if v != held[0]]) | held[1]

    def selection_mask(self, facet: str, selection: Selection) -> int | None:
        """Documents passing the selection of one facet; None when it selects nothing. Its missing
        value (`year=none`) adds the documents holding no value, to the period's too: no document
        of a period is yearless, and `year=none&year_from=2006` lists both."""
        mask = None
        sel = selection.values.get(facet) or set()
        none = self.missing_value(facet)
        holds_none = none is not None and none in sel
        held = [v for v in sel if v != none] if holds_none else sel
        if held:
            mask = self.any_of(facet, held)
        if facet == YEAR and selection.has_range:
            in_range = self.period_mask(selection)
            mask = in_range if mask is None else mask & in_range
        if holds_none:
            mask = (mask or 0) | self.missing[facet][1]
        return mask

    def period_mask(self, selection: Selection) -> int:
        """Documents of a year of the selection's period (`year_from`/`year_to`)."""
        lo = selection.year_from if selection.year_from is not None else -10**9
        hi = selection.year_to if selection.year_to is not None else 10**9
        return self.any_of(YEAR, [y for y in self.values.get(YEAR, {}) if lo <= y <= hi])

    def count(self, facet: str, base: int) -> Counter:
        """value -> how many documents of `base` hold it (values held by none left
        out), in the order of the facet's table."""
        table = self.values.get(facet, {})
        c: Counter = Counter()
        if not base:
            return c
        if len(table) > MANY_VALUES and base.bit_count() * 4 < len(table):
            per_doc = self.values_per_doc(facet)
            order = self._order[facet]
            tally: dict = {}
            for d in self.members(base):
                for v in per_doc[d]:
                    tally[v] = tally.get(v, 0) + 1
            c.update(dict(sorted(tally.items(), key=lambda item: order[item[0]])))
            return c
        for v, vb in table.items():
            n = (base & vb).bit_count()
            if n:
                c[v] = n
        return c

    def values_per_doc(self, facet: str) -> list[tuple]:
        """Per document, its distinct values of `facet` in the facet's order, made
        from the postings on first use (what a year sort or a count over few
        documents reads)."""
        out = self._per_doc.get(facet)
        if out is None:
            lists: list[list] = [[] for _ in range(self.n)]
            for v, docs in self._postings.get(facet, {}).items():
                for d in docs:
                    lists[d].append(v)
            out = self._per_doc[facet] = [tuple(values) for values in lists]
            self._order[facet] = {v: i for i, v in enumerate(self.values.get(facet, {}))}
        return out


def prefix_mask(bits: FacetBits, selection: Selection) -> int | None:
    """What the query's own prefixes require and exclude (None: nothing)."""
    pre: int | None = None
    for facet, sel in (selection.required or {}).items():
        m = bits.holding(facet, sel)
        pre = m if pre is None else pre & m
    for facet, sel in (selection.excluded or {}).items():
        m = ~bits.holding(facet, sel)
        pre = m if pre is None else pre & m
    return pre


def selection_masks(bits: FacetBits, selection: Selection) -> dict[str, int]:
    """Each active facet's selection as a bitset (a facet whose selection keeps everything: none)."""
    return {f: mask for f in selection.active if (mask := bits.selection_mask(f, selection)) is not None}


def beside(bits: FacetBits, masks: Mapping[str, int], facet: str, selection: Selection,
           missing: bool = False) -> int | None:
    """The other facets' filters, over which `facet`'s values are counted (disjunctive); a year
    ticked keeps the period, so a year's count is of both (None: nothing filters). `missing`: over
    which its missing value is counted, without the period, to which ticking it adds its documents
    (its count is what it adds, as a second year's is)."""
    out: int | None = None
    for g, m in masks.items():
        if g != facet:
            out = m if out is None else out & m
    if facet == YEAR and selection.has_range and not missing:
        p = bits.period_mask(selection)
        out = p if out is None else out & p
    return out


def count_missing(bits: FacetBits, masks: Mapping[str, int], facet: str, selection: Selection,
                  cand: int, counts: Counter) -> None:
    """Adds to `counts` (after its values) how many of `cand` hold none of `facet`'s values and
    pass the other facets' filters, when the facet has a missing value and some do."""
    if facet not in bits.missing:
        return
    token, none = bits.missing[facet]
    others = beside(bits, masks, facet, selection, missing=True)
    n = (cand & none if others is None else cand & others & none).bit_count()
    if n:
        counts[token] = n


def filter_and_count(candidates: Iterable[int], bits: FacetBits, selection: Selection,
                     counted: Iterable[str] = ()) -> tuple[list[int], dict[str, Counter]]:
    """Return the (distinct) candidates passing every filter, in increasing
    order, and each facet's disjunctive counts.

    A facet's counts are taken over the candidates that pass every other
    facet's selection (and the query's own prefixes), whatever this facet's.
    Without counts, the candidates are filtered one by one against the
    filters' combined bitset (no bitset of the candidates is made).
    """
    cands = candidates if isinstance(candidates, Collection) else list(candidates)
    pre = prefix_mask(bits, selection)
    masks = selection_masks(bits, selection)
    keep: int | None = pre
    for m in masks.values():
        keep = m if keep is None else keep & m
    counted = list(counted)
    if not counted:
        return bits.kept(cands, keep), {}
    cand = bits.of(cands)
    if pre is not None:
        cand &= pre
    final = cand
    for m in masks.values():
        final &= m
    counts: dict[str, Counter] = {}
    for f in counted:
        others = beside(bits, masks, f, selection)
        counts[f] = bits.count(f, cand if others is None else cand & others)
        count_missing(bits, masks, f, selection, cand, counts[f])
    return (bits.members(final) if keep is not None else sorted(cands)), counts


MAX_FACET_VALUES = 200  # values listed per facet


def _within_period(counts: Counter, year_from: int | None, year_to: int | None, selected: set,
                   missing: Any = None) -> Counter:
    """The year facet's counts under a period (`year_from`/`year_to`): only its years, and the years
    selected. A record active in 1995 and 2014 passes 1990-2000, but ticking 2014 there lists
    nothing: a year outside the period would be a count that leads to no result. A selected year is
    counted in the period (filter_and_count): `year=2005&year_from=2006` said 2005 of records of 2005
    with no year from 2006 on, which the listing leaves out. The records with no year (`missing`)
    stay: ticking « Sans année » adds them to the period's."""
    lo, hi = year_from if year_from is not None else -10**9, year_to if year_to is not None else 10**9
    return Counter({y: n for y, n in counts.items() if y == missing or lo <= y <= hi or y in selected})


@lru_cache(maxsize=8192)
def _collated(value: str) -> tuple[str, str]:
    """A facet value's place among values of equal count, in French order: « Égypte » after
    « Corée du Sud », not after « Yémen » (as the sort by name already lists them)."""
    return fold_text(value), value


def facet_items(facets: Registry, counts: dict[str, Counter], filters: Mapping[str, list], mode: str,
                year_from: int | None = None, year_to: int | None = None
                ) -> tuple[dict[str, list[dict]], dict[str, dict]]:
    """Each facet's values with their counts and whether they are selected (`filters`), and for
    each facet how many values it has and whether the list was cut at MAX_FACET_VALUES."""
    out: dict[str, list[dict]] = {}
    info: dict[str, dict] = {}
    for facet in facets:
        c = counts.get(facet.name, Counter())
        if facet.selects_kind:
            selected = {mode} if filters.get(facet.name) else set()
        else:
            selected = set(filters.get(facet.name, []))
        if facet.name == YEAR and (year_from is not None or year_to is not None):
            c = _within_period(c, year_from, year_to, selected, facet.missing)
        values = set(c) | selected
        info[facet.name] = {"values": len(values), "truncated": len(values) > MAX_FACET_VALUES}
        if len(values) > MAX_FACET_VALUES:  # bounded answer: the most frequent, and every selected one
            # chosen before any item is made (thousands of values at 10x); nsmallest is sorted()[:n]
            shown = heapq.nsmallest(MAX_FACET_VALUES, values,
                                    key=lambda v: (v not in selected, -c.get(v, 0), _collated(str(v))))
        else:
            shown = list(values)
        items: list[dict[str, Any]] = [{"value": v, "count": c.get(v, 0), "selected": v in selected}
                                       for v in shown]
        if facet.order == "value":  # (its missing value last: « Sans année » after the years)
            items.sort(key=lambda x: (x["value"] == facet.missing, x["value"]))
        else:
            items.sort(key=lambda x: (-x["count"], _collated(str(x["value"]))))
        out[facet.name] = items
    return out, info
