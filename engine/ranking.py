"""Scores from a query plan: which documents match, and how much each part adds.

The query builder hands over one group per query word, each with its
alternatives (the word, its family, synonyms, typos); the ranker reads each
group's scores (BM25F, leaf by leaf, `matching.py`), decides which documents
have enough of the words, and adds the bonuses. Every number comes from the
ranking profile. `explain` retraces one document's score part by part.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from whoosh import query as Q

from . import ranking_profile
from .querybuild import Alternative, BuiltQuery, Group

ScoreFn = Callable[[object], dict]  # a Whoosh query -> {docnum: score}

FALLBACK_NOTICE = "Aucun résultat ne contient tous les mots : voici ceux qui en contiennent au moins un."
PARTIAL_NOTICE = ("Peu de résultats contiennent tous les mots : ceux qui n'en contiennent "
                  "qu'une partie suivent.")


@dataclass
class Ranking:
    scores: dict[int, float] | None  # None: no text, every document (browsing)
    fallback: bool = False  # no document had all the words: any word did
    partial: bool = False  # documents with only some of the words are listed
    notices: list[str] = field(default_factory=list)


def _sum(parts: list[dict[int, float]], keys) -> dict[int, float]:
    return {d: sum(p.get(d, 0.0) for p in parts) for d in keys}


def _all_of(parts: list[dict[int, float]]) -> set[int]:
    if not parts or any(not p for p in parts):
        return set()
    ordered = sorted(parts, key=len)
    keys = set(ordered[0])
    for p in ordered[1:]:
        keys.intersection_update(p)
    return keys


def _any_of(parts: list[dict[int, float]]) -> set[int]:
    keys: set[int] = set()
    for p in parts:
        keys.update(p)
    return keys


def rank(built: BuiltQuery, score: ScoreFn) -> Ranking:
    """docnum -> score for the documents that match `built`."""
    if not built.has_text:
        return Ranking(None)
    profile = ranking_profile.current()
    out = Ranking({})
    parts = [score(g.query) for g in built.groups]
    excluded = set(score(built.excluded)) if built.excluded is not None else set()
    prox = score(built.proximity) if built.proximity is not None else {}
    name = score(built.name) if built.name is not None else {}

    if not parts:  # only exclusions: everything else
        every = score(Q.Every())
        out.scores = {d: s for d, s in every.items() if d not in excluded}
        return out

    complete = _all_of(parts) - excluded
    scores = {d: s + prox.get(d, 0.0) + name.get(d, 0.0) for d, s in _sum(parts, complete).items()}
    n = len(parts)
    if n > 1 and (not scores or (len(scores) < profile.partial_below and n >= profile.partial_min_words)):
        some = _any_of(parts) - excluded
        some_scores = {d: s + prox.get(d, 0.0) for d, s in _sum(parts, some).items()}
        if not scores and some_scores:
            scores, out.fallback = some_scores, True
            out.notices.append(FALLBACK_NOTICE)
        elif len(some_scores) > len(scores):
            lift = max(some_scores.values()) + 1.0
            scores = {**some_scores, **{d: s + lift for d, s in scores.items()}}
            out.partial = True
            out.notices.append(PARTIAL_NOTICE)
    out.scores = scores
    return out


# -- explain --------------------------------------------------------------------------

def _round(x: float) -> float:
    return round(x, 4)


def _alternative(alt: Alternative, doc: int, score: ScoreFn) -> dict | None:
    total = score(alt.query).get(doc) if alt.query is not None else None
    if total is None:
        return None
    out = {"via": alt.via, "text": alt.text, "score": _round(total)}
    if alt.children:
        out["words"] = [g for g in (_group(c, doc, score) for c in alt.children) if g is not None]
    else:
        fields: dict[str, float] = {}
        for fname, q in alt.parts:
            s = score(q).get(doc)
            if s is not None:
                fields[fname] = _round(fields.get(fname, 0.0) + s)
        out["fields"] = fields
    return out


def _group(group: Group, doc: int, score: ScoreFn) -> dict | None:
    total = score(group.query).get(doc) if group.query is not None else None
    if total is None:
        return None
    alts = [a for a in (_alternative(a, doc, score) for a in group.alternatives) if a is not None]
    return {"text": group.text, "score": _round(total), "matches": alts}


def explain(built: BuiltQuery, doc: int, score: ScoreFn) -> dict:
    """How `doc`'s own score (before any action share) was made: each query
    word, each way it was found, in which field, and each bonus."""
    words = []
    for g in built.groups:
        e = _group(g, doc, score)
        words.append(e if e is not None else {"text": g.text, "score": 0.0, "matches": []})
    matched = sum(1 for w in words if w["matches"])
    prox = score(built.proximity).get(doc, 0.0) if built.proximity is not None else 0.0
    name = score(built.name).get(doc, 0.0) if built.name is not None else 0.0
    return {
        "words": words,
        "words_matched": matched,
        "words_total": len(built.groups),
        "proximity": _round(prox),
        "name": _round(name),
    }
