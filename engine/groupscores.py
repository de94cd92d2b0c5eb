"""A word group's scores: what each of its alternatives (the word, its family, synonyms, typos)
scores in each document, blended so that a rare expansion cannot outscore the word itself.

The ranker (`ranking.py`) reads one part per word group from here, the places a query names
(`queryplaces.py`) the share of it that some fields brought, and `explain.py` retraces it
alternative by alternative. Its own module since ranking.py reached the 600-line limit: one place to find it.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from .bm25f import Fielded
from .querymodel import LITERAL, VIA_TYPO, Alternative, Group

ScoreFn = Callable[[object], Mapping[int, float]]  # a Whoosh query -> {docnum: score} (read-only)


def rarity(doc_count: int, df: int) -> float:
    """A group-level idf: log(1 + N/df)."""
    return math.log(1.0 + max(doc_count, df) / df) if df else 0.0


def expansion_factors(group: Group, score: ScoreFn, doc_count: int) -> list[float]:
    """Per alternative of `group`, what its BM25F score is multiplied by: an
    expansion rarer than the typed word counts as if it were as common as the
    word (Lucene blends a synonym's statistics the same way), so a rare
    synonym, family word or close spelling cannot outscore the word itself
    on rarity alone; the profile's grade for it applies on top."""
    literal = [a for a in group.alternatives if a.via in LITERAL]
    if len(literal) == len(group.alternatives):
        return [1.0] * len(group.alternatives)
    seen: set[int] = set()
    for a in literal:
        seen.update(_matched_by(a, score))
    word = rarity(doc_count, len(seen))
    corrected: dict[str, float] = {}  # a correction's rarity, for its own expansions (querybuild._corrected_expansions)
    out = []
    for a in group.alternatives:
        # blended against the correction, as a typed word's expansions are against the word; a phrase a correction
        # completes (spans.py), against its typed words, as a typed phrase's are
        if a.corrects and any(b.via == VIA_TYPO and b.text == a.corrects for b in group.alternatives):
            if a.corrects not in corrected:
                found = {d for b in group.alternatives if b.via == VIA_TYPO and b.text == a.corrects
                         for d in _matched_by(b, score)}
                corrected[a.corrects] = rarity(doc_count, len(found))
            reference = corrected[a.corrects]
        elif a.via in LITERAL or not seen:
            out.append(1.0)
            continue
        else:
            reference = word
        other = rarity(doc_count, len(_matched_by(a, score)))
        out.append(min(1.0, reference / other) if other > 0 and reference > 0 else 1.0)
    return out


def _matched_by(alt: Alternative, score: ScoreFn) -> Mapping[int, float]:
    """The documents `alt.query` matches (as keys). A BM25F-scored alternative
    matches the same documents as its query (the OR of the same parts) and its
    scores are read for the ranking anyway: reading them spares reading every
    field's BM25 scores of the query only to count its documents."""
    return score(alt.scored) if isinstance(alt.scored, Fielded) else score(alt.query)


def alternative_scores(alt: Alternative, score: ScoreFn, doc_count: int) -> Mapping[int, float]:
    """docnum -> the alternative's score: the sum of its fields' (BM25F), or for
    the typed words of a vocabulary span, of its words' groups (all required)."""
    if alt.children:
        parts = [group_scores(c, score, doc_count) for c in alt.children]
        return {d: sum(p[d] for p in parts) for d in all_of(parts)}
    return score(alt.scored)


def group_scores(group: Group, score: ScoreFn, doc_count: int) -> Mapping[int, float]:
    """docnum -> the group's score: the sum of its alternatives', each times its factor."""
    factors = expansion_factors(group, score, doc_count)
    if len(group.alternatives) == 1:
        return alternative_scores(group.alternatives[0], score, doc_count)
    out: dict[int, float] = {}
    for a, f in zip(group.alternatives, factors, strict=True):  # one factor per alternative
        found = set(out) if a.otherwise else ()
        for d, x in alternative_scores(a, score, doc_count).items():
            if d not in found:
                out[d] = out.get(d, 0.0) + x * f
    return out


def inherited_scores(group: Group, score: ScoreFn, doc_count: int, fields) -> dict[int, float]:
    """docnum -> the part of the group's score its `fields` brought (BM25F
    shares, times each alternative's factor; 0 for what is not BM25F-scored)."""
    factors = expansion_factors(group, score, doc_count)
    out: dict[int, float] = {}
    tracks = any(a.otherwise for a in group.alternatives)  # (nearly never: a compound's joined form)
    seen: set[int] = set()  # the documents the alternatives so far found
    for a, f in zip(group.alternatives, factors, strict=True):  # one factor per alternative
        found = set(seen) if a.otherwise else ()
        if tracks:
            seen.update(alternative_scores(a, score, doc_count))
        own: Mapping[int, float]
        if a.children:
            docs = set(alternative_scores(a, score, doc_count))
            parts = [inherited_scores(c, score, doc_count, fields) for c in a.children]
            own = {d: sum(p.get(d, 0.0) for p in parts) for d in docs}
        elif isinstance(a.scored, Fielded):
            own = score(a.scored.share_in(fields))
        else:
            continue
        for d, x in own.items():
            if d not in found:
                out[d] = out.get(d, 0.0) + x * f
    return out


def all_of(parts: list[Mapping[int, float]]) -> set[int]:
    if not parts or any(not p for p in parts):
        return set()
    ordered = sorted(parts, key=len)
    keys = set(ordered[0])
    for p in ordered[1:]:
        keys.intersection_update(p)
    return keys
