"""The order of a listing's hits (`sort`: relevance, year either way, name) up to the page shown."""
from __future__ import annotations

import heapq

from indexer.facet_registry import YEAR

from .state import IndexState


def top(hits: list[int], key, upto: int) -> list[int]:
    """The first `upto` hits in `key` order: a heap when the page is a small
    part of the hits (a broad query at scale has tens of thousands)."""
    if upto * 4 < len(hits):
        return heapq.nsmallest(upto, hits, key=key)
    return sorted(hits, key=key)


def sort_hits(state: IndexState, hits: list[int], scores: dict[int, float], sort: str, browsing: bool,
              upto: int) -> list[int]:
    """The hits up to position `upto`, in the requested order."""
    docs = state.docs
    if sort == "name" or (sort == "relevance" and browsing):
        return top(hits, lambda d: docs[d].sort_name, upto)
    if sort in ("year_desc", "year_asc"):
        years = state.facet_bits.values_per_doc(YEAR)
    if sort == "year_desc":
        return top(hits, lambda d: (-max(years[d] or (-1,)), -scores.get(d, 0.0), docs[d].sort_name), upto)
    if sort == "year_asc":
        return top(hits, lambda d: (min(years[d] or (9999,)), -scores.get(d, 0.0), docs[d].sort_name), upto)
    return top(hits, lambda d: (-scores.get(d, 0.0), docs[d].sort_name), upto)
