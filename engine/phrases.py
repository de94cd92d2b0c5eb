"""Exact phrases (slop 1) read from their words' postings, without Whoosh's span matchers.

Whoosh answers a phrase with a tree of intersection matchers and a span
matcher that rebuilds `Span` objects for every candidate document; on a cold
query that set-up and stepping cost more than reading the postings. Here each
word's postings (document numbers, frequencies, encoded positions) are read
block by block once, the documents having every word are intersected first,
and positions are decoded only for those. The results are Whoosh's:

- occurrences: Whoosh's `SpanNear2(slop=1, ordered=True, mindist=1)` keeps a
  span for each start position p with word i at p + i for every i (the
  distance between consecutive spans must be exactly 1), so a phrase's number
  of spans in a document is the number of such p;
- score: the phrase matcher's score is its intersection tree's, the sum of its
  words' BM25F scores in the field (summed as `make_binary_tree` nests them),
  times the phrase's boost.
"""
from __future__ import annotations

from math import log

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.reading import TermNotFound

Postings = tuple[list[int], list[float], list]  # document numbers, frequencies, encoded values


def _read(m) -> Postings:
    ids: list[int] = []
    weights: list[float] = []
    values: list = []
    if type(m) is W3LeafMatcher:
        while m.is_active():
            m._read_ids()
            m._read_weights()
            m._read_values()
            ids.extend(m._ids[m._i:])
            weights.extend(m._weights[m._i:])
            values.extend(m._values[m._i:])
            m._next_block()
        return ids, weights, values
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        values.append(m.value())
        m.next()
    return ids, weights, values


def handles(schema, q) -> bool:
    """Whether `q` (a Phrase) is one this module answers as Whoosh would."""
    if q.slop != 1 or not q.words or q.fieldname not in schema:
        return False
    fmt = schema[q.fieldname].format
    return bool(fmt and fmt.supports("positions"))


class PhraseReader:
    """Reads phrases, and terms' postings for matching.Evaluator, once per reader (one request)."""

    def __init__(self, reader, schema):
        self.reader = reader
        self.schema = schema
        self._postings: dict[tuple[str, bytes], Postings | None] = {}

    def postings(self, field: str, text: bytes) -> Postings | None:
        """A term's postings, read once per reader; None for a term the field does not have."""
        key = (field, text)
        if key in self._postings:
            return self._postings[key]
        try:
            out: Postings | None = _read(self.reader.postings(field, text))
        except TermNotFound:
            out = None
        self._postings[key] = out
        return out

    def _matches(self, q, docs=None) -> tuple[list[bytes], list[dict[int, int]], dict[int, int]] | None:
        """The words as bytes, per word docnum -> index in its postings, and
        docnum -> the phrase's number of occurrences (documents having it)."""
        field = q.fieldname
        fieldobj = self.schema[field]
        texts: list[bytes] = []
        posts: list[Postings] = []
        for w in q.words:
            try:
                text = fieldobj.to_bytes(w)
            except ValueError:
                return None
            p = self.postings(field, text)
            if p is None:
                return None
            texts.append(text)
            posts.append(p)
        where = [{d: i for i, d in enumerate(p[0])} for p in posts]
        order = sorted(range(len(where)), key=lambda i: len(where[i]))
        common = set(where[order[0]]) if docs is None else {d for d in docs if d in where[order[0]]}
        for i in order[1:]:
            if not common:
                break
            common.intersection_update(where[i])
        decode = fieldobj.format.decode_positions
        counts: dict[int, int] = {}
        for d in common:
            first = decode(posts[0][2][where[0][d]])
            rest = [set(decode(p[2][w[d]])) for p, w in zip(posts[1:], where[1:], strict=True)]
            n = sum(1 for s in set(first) if all((s + k) in r for k, r in enumerate(rest, 1)))
            if n:
                counts[d] = n
        return texts, where, counts

    def occurrences(self, q) -> dict[int, float]:
        """docnum -> the phrase's number of occurrences in its field."""
        found = self._matches(q)
        if found is None:
            return {}
        return {d: float(n) for d, n in found[2].items()}

    def scores(self, q, weighting, norms, doc_count: int, docs=None) -> dict[int, float]:
        """docnum -> Whoosh's score of the phrase (BM25F weighting), for `docs` if given.
        `norms(field, B, K1, docs)` gives the length normalisation table."""
        found = self._matches(q, docs)
        if found is None or not found[2]:
            return {}
        texts, where, counts = found
        field = q.fieldname
        docs_in = sorted(counts)
        B, K1 = weighting._field_B.get(field, weighting.B), weighting.K1
        norm = norms(field, B, K1, docs_in)
        k1p1 = K1 + 1
        per_word = []
        for text, w in zip(texts, where, strict=True):
            idf = log(doc_count / (self.reader.doc_frequency(field, text) + 1)) + 1
            weights = self._postings[(field, text)][1]  # type: ignore[index]
            per_word.append({d: idf * ((weights[w[d]] * k1p1) / (weights[w[d]] + norm[d])) for d in docs_in})
        boost = q.boost
        out = {}
        for d in docs_in:
            s = _tree_sum([p[d] for p in per_word])
            out[d] = s * boost if boost != 1.0 else s
        return out


def _tree_sum(xs: list[float]) -> float:
    """A sum nested as whoosh.util.make_binary_tree nests intersection matchers."""
    if len(xs) == 1:
        return xs[0]
    half = len(xs) // 2
    return _tree_sum(xs[:half]) + _tree_sum(xs[half:])
