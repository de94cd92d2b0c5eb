"""The score of every document matching a query, leaf by leaf.

Whoosh answers a query by marching a tree of matchers along the documents
together; with six fields per word, every expansion and the proximity phrase,
setting up that tree and stepping through it cost more than reading the
postings (on a small index it also preloads a 2,048-slot array per OR).
Here the same query tree is evaluated bottom-up instead: each leaf (a term
of a field, a phrase) becomes a dict docnum -> score read from its postings
in one pass, and the dicts are combined with Whoosh's own arithmetic:

- OR: the documents matching any part, scored by the sum of the parts that match;
- AND: the documents matching every part, scored by the sum of the parts;
- AND MAYBE: the first part's documents, plus the second's score where it
  matches (read only for those documents);
- an excluded part removes its documents and adds the 1.0 Whoosh's inverse
  matcher scores; a boost multiplies.

A term's score is Whoosh's BM25F scorer applied to the posting's weight and
the document's field length (the same function, on the same numbers), so the
scores, and the rankings, are Whoosh's. An exact phrase is read from its
words' postings and positions (phrases.py), with the occurrences and the
score Whoosh's span matcher gives it. Parts shared by several queries of a
request (the all-words query, its any-word fallback, the proximity phrase),
and each term's postings, are read once per request (`Evaluator`).
"""
from __future__ import annotations

import time

from whoosh import query as Q
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocReader, _lenfield
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

from . import phrases
from .bm25f import Fielded, FieldShare, Shares, combine, idf as bm25_idf

INVERSE_SCORE = 1.0  # what Whoosh's InverseMatcher gives each document it lets through


class TimeLimit(Exception):
    """Matching took longer than the request's budget."""


class FieldLengths:
    """Per field, each document's BM25 length normalisation `K1 * ((1 - B) +
    B * length / average length)`, from the length the scorer reads: one
    table per field, parameters and generation. With Whoosh's own segment
    format the table is made whole from the field's length column, read in
    one piece (a length is a byte, so few distinct values are computed):
    asking Whoosh for each document's length cost more than the arithmetic
    (67,000 calls on the 360 cold requests at 10x). Otherwise it is filled
    for the documents the postings read name."""

    def __init__(self):
        self._tables: dict[tuple, list] = {}
        self._lazy: dict[tuple, dict] = {}

    def norms(self, searcher, field: str, B: float, K1: float, avgfl: float, docs: list[int]) -> list:
        """The table of `field`, with (at least) the entries of `docs` filled."""
        key = (field, B, K1, avgfl)
        table = self._tables.get(key)
        if table is None:
            raw = _length_bytes(searcher.reader(), field, searcher.doc_count_all())
            if raw is None:
                table = [None] * searcher.doc_count_all()
                self._lazy[key] = {}
            elif not raw:  # no lengths kept: Whoosh's default length, 1, for every document
                table = [K1 * ((1 - B) + B * 1 / avgfl)] * searcher.doc_count_all()
            else:  # as in whoosh.scoring.bm25; a zero byte gives no length (Whoosh returns None)
                by_byte = {b: K1 * ((1 - B) + B * byte_to_length(b) / avgfl) if b else None for b in set(raw)}
                table = [by_byte[b] for b in raw]
            self._tables[key] = table
        by_length = self._lazy.get(key)
        if by_length is not None:
            missing = [d for d in docs if table[d] is None]
            if missing:
                dfl = searcher.doc_field_length
                for d in missing:
                    fl = dfl(d, field, 1)
                    n = by_length.get(fl)
                    if n is None:
                        n = by_length[fl] = K1 * ((1 - B) + B * fl / avgfl)  # as in whoosh.scoring.bm25
                    table[d] = n
        return table


def _length_bytes(reader, field: str, doc_count: int) -> bytes | None:
    """Each document's length byte in `field` (b"": the field keeps no lengths,
    every document counts as length 1), read from the segment's length column
    in one piece; None when the reader is not a single Whoosh 3 segment."""
    perdoc = getattr(reader, "_perdoc", None)
    if perdoc is None or type(perdoc) is not W3PerDocReader:
        return None
    col = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
    if col is None:
        return b""
    if getattr(col, "_fixedlen", None) != 1:
        return None
    count = min(col._count, doc_count)
    # documents past the column's end have the column's default, 0 (Whoosh then gives no length)
    return col._dbfile.get(col._basepos, count) + bytes(doc_count - count)


def _collect(m) -> dict[int, float]:
    out = {}
    while m.is_active():
        out[m.id()] = m.score()
        m.next()
    return out


def _collect_within(m, docs: list[int]) -> dict[int, float]:
    """The scores of a matcher on the given documents (increasing), skipping the others."""
    out = {}
    for d in docs:
        if not m.is_active():
            break
        if m.id() < d:
            m.skip_to(d)
            if not m.is_active():
                break
        if m.id() == d:
            out[d] = m.score()
    return out


class Evaluator:
    """Evaluates query trees on one searcher; results of identical parts are
    shared within the evaluator's life (one request)."""

    def __init__(self, searcher, lengths: FieldLengths, deadline: float | None = None):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.schema = searcher.schema
        self.weighting = searcher.weighting
        self.lengths = lengths
        self.deadline = deadline
        self.doc_count = searcher.doc_count_all()
        self._fields: dict = {}
        self._memo: dict[int, tuple[object, dict[int, float]]] = {}
        self._fielded_memo: dict[int, tuple[object, tuple[dict[int, float], Shares]]] = {}
        self._phrases = phrases.PhraseReader(self.reader, self.schema)
        self._tf_norms: dict[str, tuple[float, float]] = {}  # field -> (B, average length): _field_norm

    def scores(self, q) -> dict[int, float]:
        """docnum -> score for every document `q` matches."""
        key = id(q)
        hit = self._memo.get(key)
        if hit is not None and hit[0] is q:
            return hit[1]
        if self.deadline is not None and time.perf_counter() > self.deadline:
            raise TimeLimit()
        out = self._eval(q)
        self._memo[key] = (q, out)  # the query is kept alive so that its id stays its own
        return out

    # -- the node kinds our query builder produces ------------------------------
    def _eval(self, q) -> dict[int, float]:
        cls = type(q)
        if cls is Q.Term:
            return self._term(q)
        if cls is Q.Or:
            return self._or(q)
        if cls is Q.And:
            return self._and(q)
        if cls is Q.AndMaybe:
            return self._andmaybe(q)
        if cls is Q.ConstantScoreQuery:
            return dict.fromkeys(self.scores(q.child), q.score)
        if cls is Fielded:
            return self._fielded(q)[0]
        if cls is FieldShare:
            shares = self._fielded(q.fielded)[1]
            if len(q.indexes) == 1:
                return shares[q.indexes[0]]
            out: dict[int, float] = {}
            for i in q.indexes:
                for d, x in shares[i].items():
                    out[d] = out.get(d, 0.0) + x
            return out
        if cls is Q.Every and not q.fieldname:
            return dict.fromkeys(self.reader.all_doc_ids(), q.boost)
        if cls is Q.Phrase and self._own_phrase(q):
            return self._phrase_scores(q)
        # anything else (a sloppy phrase, ...): Whoosh's own matcher, read once
        return _collect(q.matcher(self.searcher, self.searcher.context()))

    def _field(self, field: str):
        """The schema's field object (None: no such field), looked up once per request: each term asks."""
        fieldobj = self._fields.get(field)
        if fieldobj is None and field in self.schema:
            fieldobj = self._fields[field] = self.schema[field]
        return fieldobj

    def _term(self, q) -> dict[int, float]:
        field = q.fieldname
        fieldobj = self._field(field)
        if fieldobj is None:
            return {}
        try:
            text = fieldobj.to_bytes(q.text)
            info = self._phrases.term_info(field, text)
        except (ValueError, TermNotFound):
            return {}
        w = self.weighting
        if type(w) is BM25F and fieldobj.scorable:
            # BM25FScorer's arithmetic on the same numbers, from the term info
            # read once (Whoosh's scorer looks the term up three more times)
            ids, weights, _ = self._phrases.postings(field, text)  # type: ignore[misc]  # (read once per request)
            idf = bm25_idf(self.doc_count, info.doc_frequency())
            K1 = w.K1
            norm = self._norm_table(field, K1, ids)
            k1p1 = K1 + 1
            # whoosh.scoring.bm25(idf, tf, fl, avgfl, B, K1), operation for operation
            base = {d: idf * ((tf * k1p1) / (tf + norm[d])) for d, tf in zip(ids, weights, strict=True)}
        elif type(w) is BM25F:
            # a field without lengths (a facet's: domain, country): BM25F's WeightScorer, the posting's weight,
            # read from the same postings (Whoosh's matcher was a dozen Python calls a posting)
            ids, weights, _ = self._phrases.postings(field, text)  # type: ignore[misc]  # (read once per request)
            base = dict(zip(ids, weights, strict=True))
        else:
            base = _collect(self.searcher.postings(field, text, weighting=w))
        boost = q.boost
        if boost == 1.0:
            return base
        return {d: s * boost for d, s in base.items()}

    # -- BM25F (bm25f.py): frequencies, not scores, added across fields ----------
    def _fielded(self, q: Fielded) -> tuple[dict[int, float], Shares]:
        hit = self._fielded_memo.get(id(q))
        if hit is not None and hit[0] is q:
            return hit[1]
        tfs = [self.field_tf(f, leaf) for f, leaf in q.parts]
        out = combine(tfs, q.weights, self.doc_count, q.k1, q.scale)
        self._fielded_memo[id(q)] = (q, out)
        return out

    def field_tf(self, field: str, q) -> dict[int, float]:
        """docnum -> the leaf's frequency in `field` over the field's length
        normalisation `(1 - B) + B * length / average length` (B: the field's)."""
        if type(q) is Q.Term:  # the common leaf: straight from its postings (document numbers increase)
            found = self._term_postings(field, q)
            if not found or not found[0]:
                return {}
            ids, tfs = found[0], found[1]
        else:
            raw = self._raw_tf(field, q)
            if not raw:
                return {}
            ids = sorted(raw)
            tfs = [raw[d] for d in ids]
        norm = self._norm_table(field, 1.0, ids)
        return {d: tf / norm[d] for d, tf in zip(ids, tfs, strict=True)}

    def _norm_table(self, field: str, K1: float, ids) -> list:
        """The field's length normalisation table (FieldLengths.norms) with its B and average length
        from `_field_norm`: every scorer of a field's words (terms, BM25F leaves, phrases) asks here."""
        B, avgfl = self._field_norm(field)
        return self.lengths.norms(self.searcher, field, B, K1, avgfl, ids)

    def _field_norm(self, field: str) -> tuple[float, float]:
        """The field's B (BM25F's, else 0.75) and average length, read once per request: the one place
        they are read."""
        args = self._tf_norms.get(field)
        if args is None:
            w = self.weighting
            B = w._field_B.get(field, w.B) if type(w) is BM25F else 0.75
            args = self._tf_norms[field] = (B, self.searcher.avg_field_length(field) or 1)
        return args

    def _term_postings(self, field: str, q) -> phrases.Postings | None:
        """A term's postings (read once per request); None for a term the field does not have."""
        fieldobj = self._field(field)
        if fieldobj is None:
            return None
        try:
            text = fieldobj.to_bytes(q.text)
        except ValueError:
            return None
        # read once per request (the word's phrases and proximity read them too)
        return self._phrases.postings(field, text)

    def _raw_tf(self, field: str, q) -> dict[int, float]:
        """docnum -> how often the leaf occurs in `field`: a term's frequency, a
        phrase's number of occurrences, a multi-token word's rarest token's."""
        cls = type(q)
        if cls is Q.Term:
            found = self._term_postings(field, q)
            if not found:
                return {}
            return dict(zip(found[0], found[1], strict=True))
        if cls is Q.And:
            parts = [self._raw_tf(field, s) for s in q.subqueries]
            if not parts or any(not p for p in parts):
                return {}
            keys = set(parts[0]).intersection(*parts[1:])
            return {d: min(p[d] for p in parts) for d in keys}
        if cls is Q.Phrase:
            if self.deadline is not None and time.perf_counter() > self.deadline:
                raise TimeLimit()
            if phrases.handles(self.schema, q):
                return self._phrases.occurrences(q)
            m = Q.Phrase(q.fieldname, q.words, slop=q.slop).matcher(self.searcher, self.searcher.context())
            out = {}
            while m.is_active():
                out[m.id()] = float(len(m.spans()) or 1)
                m.next()
            return out
        return dict.fromkeys(self.scores(q), 1.0)  # anything else: present or not

    def _or(self, q) -> dict[int, float]:
        parts = [self.scores(s) for s in q.subqueries]
        parts = [p for p in parts if p]
        if not parts:
            return {}
        if len(parts) == 1:
            out = parts[0]
        else:
            out = dict(parts[0])
            for p in parts[1:]:
                for d, s in p.items():
                    prev = out.get(d)
                    out[d] = s if prev is None else prev + s
        return self._boosted(out, q.boost, len(q.subqueries) == 1)

    def _and(self, q) -> dict[int, float]:
        positive = [s for s in q.subqueries if type(s) is not Q.Not]
        negative = [s.query for s in q.subqueries if type(s) is Q.Not]
        if not positive or len(q.subqueries) == 1:
            return _collect(q.matcher(self.searcher, self.searcher.context()))
        parts = []
        for s in positive:
            p = self.scores(s)
            if not p:
                return {}
            parts.append(p)
        keys = set(parts[0])
        for p in parts[1:]:
            keys.intersection_update(p)
        for n in negative:
            keys.difference_update(self.scores(n))
        if negative:
            out = {d: sum(p[d] for p in parts) + INVERSE_SCORE * len(negative) for d in keys}
        else:
            out = {d: sum(p[d] for p in parts) for d in keys}
        return self._boosted(out, q.boost, len(q.subqueries) == 1)

    def _andmaybe(self, q) -> dict[int, float]:
        a = self.scores(q.a)
        if not a:
            return {}
        b = self.within(q.b, a)
        return {d: (s + b[d]) if d in b else s for d, s in a.items()}

    def within(self, q, docs) -> dict[int, float]:
        """`scores(q)` restricted to `docs`, reading phrases' positions only
        for those documents (the optional proximity phrase of an AND MAYBE
        only matters where the words already matched)."""
        hit = self._memo.get(id(q))
        if hit is not None and hit[0] is q:
            return {d: hit[1][d] for d in docs if d in hit[1]}
        cls = type(q)
        if cls is Q.Or and len(q.subqueries) > 1:
            out: dict[int, float] = {}
            for sub in q.subqueries:  # in order: the sums are those of _or
                for d, v in self.within(sub, docs).items():
                    prev = out.get(d)
                    out[d] = v if prev is None else prev + v
            return self._boosted(out, q.boost, False)
        if cls is Q.Phrase:
            if self.deadline is not None and time.perf_counter() > self.deadline:
                raise TimeLimit()
            if self._own_phrase(q):
                return self._phrase_scores(q, docs)
            return _collect_within(q.matcher(self.searcher, self.searcher.context()), sorted(docs))
        full = self.scores(q)
        return {d: full[d] for d in docs if d in full}

    def _own_phrase(self, q) -> bool:
        return type(self.weighting) is BM25F and phrases.handles(self.schema, q) \
            and self.schema[q.fieldname].scorable

    def _phrase_scores(self, q, docs=None) -> dict[int, float]:
        """Whoosh's phrase matcher's scores, from postings read once (phrases.py)."""
        return self._phrases.scores(q, self.weighting.K1, self._norm_table, self.doc_count, docs)

    @staticmethod
    def _boosted(out: dict[int, float], boost: float, single: bool) -> dict[int, float]:
        # Whoosh applies a compound's boost with a wrapping matcher, except over a
        # single part (whose own boost then counts alone)
        if boost == 1.0 or single:
            return out
        return {d: s * boost for d, s in out.items()}
