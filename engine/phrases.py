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

import zlib
from array import array
from bisect import bisect_left
from hashlib import md5
from io import BytesIO
from itertools import accumulate
from math import log
from pickle import load as load_pickle
from struct import Struct

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3LeafMatcher, W3TermInfo, W3TermsReader
from whoosh.compat import loads
from whoosh.filedb.filetables import HashReader, OrderedHashReader, md5_hash
from whoosh.filedb.structfile import BufferFile
from whoosh.formats import Positions
from whoosh.reading import TermNotFound
from whoosh.system import _INT_SIZE

_unpack_int = Struct("!i").unpack_from  # a block's length, as Whoosh's StructFile.read_int reads it
_POINTER, _LENGTHS = Struct("!Iq"), Struct("!ii")  # a hash slot (key hash, item), an item's key and data lengths

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


def _read_segment(reader, field: str, text: bytes) -> Postings | None:
    """A term's postings read straight from a Whoosh 3 segment's postings file:
    the term's whole extent in one read, then block by block as
    W3LeafMatcher reads them (block info, then the pickled ids, weights and
    values), without building a matcher, seeking for every block or asking
    the segment for its deleted documents each time (half of a cold query's
    postings reads went there). None when this reader is not such a segment
    (or has deletions, or the term is inlined): the caller asks Whoosh.
    TermNotFound for a term the field does not have."""
    terms = getattr(reader, "_terms", None)
    if terms is None or type(terms) is not W3TermsReader or reader.has_deletions():
        return None
    try:
        fieldobj = reader.schema[field]
    except KeyError:  # (no such field)
        return None
    info = _term_info(terms, field, text)
    if info.is_inlined():
        return _read(terms._codec.postings_reader(terms._postfile, info, fieldobj.format, term=(field, text)))
    offset, length = info.extent()
    if isinstance(length, tuple):  # Whoosh's W3TermInfo.from_bytes keeps the unpacked tuple
        length = length[0]
    buf = terms._postfile.get(offset, length)
    if buf[:_INT_SIZE] != WHOOSH3_HEADER_MAGIC:
        return None
    fixedsize = fieldobj.format.fixed_value_size()
    stream = BytesIO(buf)
    ids: list[int] = []
    weights: list[float] = []
    values: list = []
    pos = _INT_SIZE
    while True:
        blocklength = _unpack_int(buf, pos)[0]
        last = blocklength < 0
        end = pos + _INT_SIZE + abs(blocklength)
        stream.seek(pos + _INT_SIZE)
        count, _, _, compression, _, _ = load_pickle(stream)
        data = buf[stream.tell():end]
        block_ids, block_weights, block_values = loads(zlib.decompress(data) if compression else data)
        ids.extend(accumulate(block_ids))
        if block_weights is None:  # as W3LeafMatcher._read_weights
            weights.extend(array("f", [1.0]) * count)
        elif isinstance(block_weights, float):
            weights.extend(array("f", [block_weights]) * count)
        else:
            weights.extend(block_weights)
        if fixedsize is None or fixedsize < 0:  # as W3LeafMatcher._read_values
            values.extend(block_values)
        elif fixedsize == 0:
            values.extend((None,) * count)
        else:
            values.extend(block_values[i:i + fixedsize] for i in range(0, len(block_values), fixedsize))
        if last:
            return ids, weights, values
        pos = end


def _term_info(terms: W3TermsReader, field: str, text: bytes) -> W3TermInfo:
    """`terms.term_info(field, text)`, its hash table probed as Whoosh's HashReader.ranges_for_key
    probes it (the same slots, in the same order, the first key equal), without the four calls and
    two generators each look-up went through: a cold request looks up ~25 terms, 4 in 10 of them
    missing from their field. The slots are read in place from the mapped file (a `get` copied
    each, 4 per look-up). TermNotFound for those, as Whoosh raises it."""
    index = terms._tindex
    dbfile = index.dbfile
    if type(index) not in (HashReader, OrderedHashReader) or type(dbfile) is not BufferFile:
        return terms.term_info(field, text)
    key = terms._keycoder(field, text)
    keyhash = _hashed(index.hashfn, key)
    start, slots = index.tables[keyhash & 255]
    buf, size = dbfile._buf, _POINTER.size
    pos = start + ((keyhash >> 8) % slots) * size if slots else start
    for _ in range(slots):
        slothash, itempos = _POINTER.unpack_from(buf, pos)
        if not itempos:  # an empty slot: the key is not there
            break
        if slothash == keyhash:
            keylen, datalen = _LENGTHS.unpack_from(buf, itempos)
            keystart = itempos + _LENGTHS.size
            if keylen == len(key) and buf[keystart:keystart + keylen] == key:
                return W3TermInfo.from_bytes(bytes(buf[keystart + keylen:keystart + keylen + datalen]))
        pos += size
        if pos == start + slots * size:  # the table's end: on from its start
            pos = start
    raise TermNotFound(f"No term {field}:{text!r}")


def _hashed(hashfn, key: bytes) -> int:
    """`hashfn(key)`; Whoosh's md5_hash (the low 32 bits of the digest read as a number) from the
    digest's last 4 bytes rather than through its hex text."""
    if hashfn is md5_hash:
        return int.from_bytes(md5(key).digest()[-4:], "big")
    return hashfn(key)


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
            out: Postings | None = _read_segment(self.reader, field, text)
            if out is None:
                out = _read(self.reader.postings(field, text))
        except TermNotFound:
            out = None
        self._postings[key] = out
        return out

    def term_info(self, field: str, text: bytes):
        """The reader's `term_info(field, text)` (TermNotFound for a term the field does not have), probed
        straight (_term_info) when the reader is a Whoosh 3 segment's: Whoosh's own look-up cost ~23,000
        instructions each."""
        terms = getattr(self.reader, "_terms", None)
        if type(terms) is not W3TermsReader:
            return self.reader.term_info(field, text)
        return _term_info(terms, field, text)

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

    def scores(self, q, K1: float, norms, doc_count: int, docs=None) -> dict[int, float]:
        """docnum -> Whoosh's score of the phrase (BM25F weighting, its K1), for `docs` if given.
        `norms(field, K1, docs)` gives the field's length normalisation table (its B and average
        length are the evaluator's: matching.Evaluator._field_norm)."""
        found = self._matches(q, docs)
        if found is None or not found[2]:
            return {}
        texts, where, counts = found
        field = q.fieldname
        docs_in = sorted(counts)
        norm = norms(field, K1, docs_in)
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
