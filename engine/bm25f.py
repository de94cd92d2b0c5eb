"""BM25F: one saturation per query word over all the fields it is found in.

Summing a per-field BM25 counts a word found in the title, the body and the
whole sheet three times over (the sheet repeats everything the parsed fields
hold), each with its own saturation, so a record saying a word once in three
fields outranks one saying it three times in its body. BM25F (Robertson,
Zaragoza & Taylor 2004) instead adds the word's length-normalised frequencies
across fields, each times its field weight, and saturates that sum once:

    tf' = sum over fields f of  w_f * tf_f / (1 - b_f + b_f * len_f / avglen_f)
    score = idf * tf' * (k1 + 1) / (k1 + tf')

with one idf for the word over whole documents (a document has the word when
any field has it). A phrase or a multi-token word counts as one term: its
frequency in a field is its number of occurrences there. The parameters are
the ranking profile's (`bm25f_k1`, `field_b`, `bm25_b`, `field_weights`).

`Fielded` is the node of a query plan scored this way; `FieldShare` is one
field's share of that score (explain: the shares add up to the score).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from math import log

from whoosh import query as Q


class _SameByRepr(Q.Query):
    """Equal and hashed by the text form, which names every part: two queries built alike are one
    (Whoosh's query classes compare this way too)."""

    def __eq__(self, other) -> bool:
        return type(other) is type(self) and repr(other) == repr(self)

    def __hash__(self) -> int:
        return hash(repr(self))


class Fielded(_SameByRepr):
    """One way of finding a word, in several fields, scored as one BM25F term,
    times `scale` (the profile's grade for that way). Evaluated by
    matching.Evaluator; Whoosh itself would read it as the OR of its parts."""

    def __init__(self, parts: tuple[tuple[str, Q.Query], ...], weights: tuple[float, ...], k1: float,
                 scale: float = 1.0):
        self.parts = tuple(parts)
        self.weights = tuple(weights)
        self.k1 = k1
        self.scale = scale
        self.boost = 1.0
        self._text: str | None = None

    def __repr__(self) -> str:
        # made once (its parts, weights, k1 and scale are never changed): the text form keys the match cache,
        # and an explanation asks each part's share; a truncation's 264 parts, written out 10,606 times, made
        # `co*`'s explanation take 6 s of CPU (round 46)
        if self._text is None:
            self._text = f"Fielded({self.parts!r}, {self.weights!r}, {self.k1!r}, {self.scale!r})"
        return self._text

    def share(self, i: int) -> FieldShare:
        """Part `i`'s share of the score."""
        return FieldShare(self, (i,))

    def share_in(self, fields) -> FieldShare:
        """The share of the score the parts in `fields` bring."""
        return FieldShare(self, tuple(i for i, (f, _) in enumerate(self.parts) if f in fields))


class FieldShare(_SameByRepr):
    """The share of a `Fielded` score its parts `indexes` bring (their part of tf')."""

    def __init__(self, fielded: Fielded, indexes: tuple[int, ...]):
        self.fielded = fielded
        self.indexes = indexes
        self.boost = 1.0
        self._text: str | None = None

    def __repr__(self) -> str:
        if self._text is None:
            self._text = f"FieldShare({self.fielded!r}, {self.indexes})"
        return self._text



def idf(doc_count: int, df: int) -> float:
    """Whoosh's BM25 idf, over whole documents."""
    return log(doc_count / (df + 1)) + 1


def combine(tfs: Sequence[Mapping[int, float]], weights: tuple[float, ...], doc_count: int, k1: float,
            scale: float = 1.0) -> tuple[dict[int, float], Shares]:
    """docnum -> BM25F score from each part's length-normalised frequencies,
    and per part, docnum -> its share of that score."""
    total: dict[int, float] = {}
    for tf, w in zip(tfs, weights, strict=True):  # one weight per part
        if not total:  # 0.0 + w * x is w * x: the first part's products as they are
            total = {d: w * x for d, x in tf.items()}
            continue
        get = total.get
        for d, x in tf.items():
            total[d] = get(d, 0.0) + w * x
    if not total:
        return {}, Shares(tfs, weights, {}, {})
    base = scale * idf(doc_count, len(total)) * (k1 + 1)
    scores = {d: base * t / (k1 + t) for d, t in total.items()}
    return scores, Shares(tfs, weights, scores, total)


class Shares(Sequence):
    """Per part of a `combine`, docnum -> its share of the score, each made when
    first read: only explain, the place gate and the actions' own-text test read
    shares, of a few parts, and making them all for every word's every way of
    being found was a fifth of the BM25F arithmetic of a cold query."""

    def __init__(self, tfs: Sequence[Mapping[int, float]], weights: tuple[float, ...],
                 scores: dict[int, float], total: dict[int, float]):
        self._tfs = tfs
        self._weights = weights
        self._scores = scores
        self._total = total
        self._made: list[dict[int, float] | None] = [None] * len(tfs)

    def __len__(self) -> int:
        return len(self._made)

    def __getitem__(self, i):  # parts by position (no slices)
        made = self._made[i]
        if made is None:
            scores, total, w = self._scores, self._total, self._weights[i]
            made = self._made[i] = {d: scores[d] * w * x / total[d] for d, x in self._tfs[i].items()
                                    if total[d] > 0}
        return made
