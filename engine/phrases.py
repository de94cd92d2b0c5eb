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

from bisect import bisect_left
from itertools import accumulate
from math import log

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.compat import loads
from whoosh.formats import Positions
from whoosh.reading import TermNotFound
from whoosh.system import _INT_SIZE

Postings = tuple[list[int], list[float], list]  # document numbers, frequencies, encoded values


def _read(m) -> Postings:
    ids: list[int] = []
    weights: list[float] = []
    values: list = []
    if type(m) is W3LeafMatcher:
        while m.is_active():
            # W3LeafMatcher._read_ids, with the deltas added up in C (its delta_decode is a generator)
            if m._data is None:
                m._read_data()
            m._ids = m._data[0] if m._byteids else tuple(accumulate(m._data[0]))
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


def _decoder(fmt):
    """The format's `decode_positions`; for Whoosh's `Positions`, the same
    decoding (pickled deltas, added up) with the adding done in C."""
    if type(fmt) is not Positions:
        return fmt.decode_positions

    def decode(value: bytes):
        if not value.endswith(b"."):
            value += b"."
        return accumulate(loads(value[_INT_SIZE:]))
    return decode


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
        """The words as bytes, per word docnum -> index in its postings (for the
        documents having every word), and
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
        # the documents having every word, from the rarest word's on (sets, not a
        # dict per word: a common word's postings are long); then where each of
        # those documents is in each word's postings (document numbers increase)
        order = sorted(range(len(posts)), key=lambda i: len(posts[i][0]))
        rarest = posts[order[0]][0]
        common = set(rarest) if docs is None else set(docs).intersection(rarest)
        for i in order[1:]:
            if not common:
                break
            common.intersection_update(posts[i][0])
        where = [{d: bisect_left(p[0], d) for d in common} for p in posts]
        decode = _decoder(fieldobj.format)
        counts: dict[int, int] = {}
        for d in common:
            # the start positions p with word k at p + k for every k
            starts = set(decode(posts[0][2][where[0][d]]))
            for k in range(1, len(posts)):
                starts.intersection_update(map((-k).__add__, decode(posts[k][2][where[k][d]])))
                if not starts:
                    break
            if starts:
                counts[d] = len(starts)
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
