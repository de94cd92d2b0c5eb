"""Facet counts that are the totals their clicks list, when the filters decide the ranking.

A query of several words lists partial matches when fewer than `fill_below` records of the
listing, after the filters, have enough of the words; a partner country named selects unless the
filters list none of its records (engine/ranking.py, `Ranking.decisions`). A facet value's click
changes the filters, so its listing may decide otherwise: `coopération décentralisée` showed
« Sécurité et protection civile » 1, and its click listed 23 (the one record with both words, then
the partial matches). Each value's decisions are taken again under its filters (bitsets, no search);
the values deciding as the listing shown did keep its counts, the others are counted by one search
per set of decisions (the same query, the listing's filters, the ranking told those decisions), whose
counts serve every value that decides as it did.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable

from .facets import Selection, beside, filter_and_count, prefix_mask, selection_masks
from .state import IndexState

MAX_PASSES = 4  # searches per request; values left past them keep the listing's count
Decisions = list[tuple[set[int], int, bool]]


def listed_counter(state: IndexState, selection: Selection, mode: str):
    """How many results a set of matching documents would list (after the
    filters; actions, or the partnerships they and the partnership documents
    stand for): the ranker widens a query that would list too few."""
    docs = state.docs

    def listed(docnums) -> int:
        kept, _ = filter_and_count(docnums, state.facet_bits, selection)
        if mode == "action":
            return sum(1 for d in kept if docs[d].type == "action")
        return len({docs[d].pid for d in kept})
    return listed


def _both(everything: int, *masks: int | None) -> int:
    """The documents every mask keeps (None: a mask keeping all)."""
    keep = everything
    for m in masks:
        if m is not None:
            keep &= m
    return keep


def _answers(decisions: Decisions) -> tuple[bool, ...]:
    return tuple(answer for _, _, answer in decisions)


def _bitsets(state: IndexState, decisions: Decisions) -> list[tuple[int, int]]:
    """Each decision's documents as a bitset, with its `n` (made once, read for every facet)."""
    return [(state.facet_bits.of(docs), n) for docs, n, _ in decisions]


class _Listed:
    """How many results a set of documents lists under the filters with one facet's selection
    replaced by one value (what `listed_counter` says under that value's filters). `pre` and `masks`:
    the request's prefixes and selections (`prefix_mask`, `selection_masks`)."""

    def __init__(self, state: IndexState, selection: Selection, mode: str, facet: str, kinds: tuple[int, int],
                 pre: int | None, masks: dict[str, int]):
        bits = self.bits = state.facet_bits
        self.state, self.mode = state, mode
        everything = (1 << bits.n) - 1
        self.keep, self.facet = _both(everything, pre, beside(bits, masks, facet, selection)), facet
        self.none = bits.missing_value(facet)  # (None: the facet has no missing value)
        self.keep_none = 0
        if self.none is not None:  # its click lists its documents and the period's (FacetBits.selection_mask)
            alone = Selection(values={facet: {self.none}}, year_from=selection.year_from, year_to=selection.year_to)
            self.keep_none = _both(everything, pre, beside(bits, masks, facet, selection, missing=True),
                                   bits.selection_mask(facet, alone))
        self.actions, self.partnerships = kinds  # (bitsets of the action and partnership documents)

    def few(self, docs: tuple[int, int], value: Hashable, n: int) -> bool:
        """Fewer than `n` results among `docs` (a bitset under the filters, and one under the
        missing value's click: `answers`) with `value` of the facet (as its click lists them)."""
        if self.none is not None and value == self.none:
            b = docs[1]
        else:
            b = docs[0] & self.bits.values.get(self.facet, {}).get(value, 0)
        if self.mode == "action":
            return (b & self.actions).bit_count() < n
        if b.bit_count() < n:  # (a partnership per document at most)
            return True
        if (b & self.partnerships).bit_count() >= n:
            return False
        docs_ = self.state.docs
        return len({docs_[d].pid for d in self.bits.members(b)}) < n

    def answers(self, decided: list[tuple[int, int]], values: Iterable[Hashable]) -> dict[Hashable, tuple[bool, ...]]:
        """Each value's decisions, of those `decided` (`_bitsets`) takes, under its click's filters."""
        sets = [((b & self.keep, b & self.keep_none), n) for b, n in decided]
        return {v: tuple(self.few(b, v, n) for b, n in sets) for v in values}


def exact_counts(state: IndexState, selection: Selection, mode: str, decisions: Decisions,
                 counts: dict[str, Counter], facets: Iterable[str],
                 recount: Callable[[tuple[bool, ...]], tuple[dict[str, Counter], Decisions]]) -> int:
    """Makes `counts` (of `facets`) the totals each value's click lists, given the listing's
    `decisions`; `recount(answers)` counts the listing under the ranking those answers make. Returns
    how many values keep a count that may differ (past MAX_PASSES)."""
    if not decisions:
        return 0
    shown = _answers(decisions)
    bits = state.facet_bits
    by_kind = bits.values["type"]  # (the type facet's bitsets: the action and partnership documents)
    kinds = by_kind.get("action", 0), by_kind.get("partnership", 0)
    pre, masks = prefix_mask(bits, selection), selection_masks(bits, selection)  # (once: the same for every facet)
    listed = {f: _Listed(state, selection, mode, f, kinds, pre, masks) for f in facets}
    shown_sets = _bitsets(state, decisions)
    pending: dict[str, dict[Hashable, tuple[bool, ...]]] = {}
    for f, lst in listed.items():
        # (the missing value too when the listing shown holds no record of it: `algérie ménagères Sarthe`
        # with Mali and a period holds no yearless record, its « Sans année » click lists three)
        none = lst.none
        values = set(counts.get(f, ())) | set(selection.values.get(f, ())) | ({none} if none is not None else set())
        pending[f] = {v: a for v, a in lst.answers(shown_sets, values).items() if a != shown}
    tried: set[tuple[bool, ...]] = {shown}
    passes = 0
    while any(pending.values()) and passes < MAX_PASSES:
        # the answers most values give (values not listed yet join below)
        wanted = Counter(a for p in pending.values() for a in p.values() if a not in tried).most_common(1)
        if not wanted:
            break
        forced = wanted[0][0]
        tried.add(forced)
        passes += 1
        other, made = recount(forced)
        got, made_sets = _answers(made), _bitsets(state, made)
        for f, lst in listed.items():
            # values the listing shown holds none of may be listed under the other decisions
            unseen = [v for v in other.get(f, ()) if v not in counts.get(f, ()) and v not in pending[f]]
            fresh = {v: a for v, a in lst.answers(shown_sets, unseen).items() if a != shown}
            candidates = {**pending[f], **fresh}
            for v, a in lst.answers(made_sets, candidates).items():
                if a == got:
                    n = other.get(f, Counter()).get(v, 0)
                    c = counts.setdefault(f, Counter())
                    if n:
                        c[v] = n
                    else:
                        c.pop(v, None)
                    pending[f].pop(v, None)
    return sum(len(p) for p in pending.values())
