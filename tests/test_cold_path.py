"""The cold path's shortcuts give the numbers of the paths they replaced: the
length normalisations made whole from a field's length column equal those
made from Whoosh's per-document lengths, and the BM25F shares made on demand
equal the shares made for every part at once."""
from __future__ import annotations

from engine.bm25f import combine
from engine.matching import FieldLengths, _length_bytes


class _PerDocument:
    """A searcher whose reader is not a Whoosh segment: FieldLengths falls back to per-document lengths."""

    def __init__(self, searcher):
        self._s = searcher

    def reader(self):
        return object()

    def __getattr__(self, name):
        return getattr(self._s, name)


def test_lengths_from_the_column_are_whooshs(engine):
    searcher = engine.state().searcher()
    n = searcher.doc_count_all()
    compared = 0
    for field in engine.state().schema.scorable_names():
        avgfl = searcher.avg_field_length(field) or 1
        assert _length_bytes(searcher.reader(), field, n) is not None  # the fast path is the one taken
        # a document without the field has no length (Whoosh gives None): no normalisation either
        docs = [d for d in range(n) if searcher.doc_field_length(d, field) is not None]
        assert 0 < len(docs) <= n
        whole = FieldLengths().norms(searcher, field, 0.75, 1.2, avgfl, [])
        lazy = FieldLengths().norms(_PerDocument(searcher), field, 0.75, 1.2, avgfl, docs)
        assert len(whole) == n
        assert whole == lazy, field
        compared += 1
    assert compared >= 4


def test_shares_made_on_demand_are_the_eager_ones():
    tfs = [{1: 1.0, 2: 10.0, 4: 0.0}, {}, {1: 1.5, 3: 100.0, 4: 0.0}]
    weights = (2.0, 0.5, 1.0)
    scores, shares = combine(tfs, weights, doc_count=100, k1=5.0, scale=0.5)
    total: dict[int, float] = {}
    for tf, w in zip(tfs, weights, strict=True):  # the formula the shares were made with before
        for d, x in tf.items():
            total[d] = total.get(d, 0.0) + w * x
    assert scores.keys() == total.keys()
    eager = [{d: scores[d] * w * x / total[d] for d, x in tf.items() if total[d] > 0}
             for tf, w in zip(tfs, weights, strict=True)]
    assert len(shares) == 3
    assert [shares[2], shares[0], shares[1]] == [eager[2], eager[0], eager[1]]
    assert list(shares) == eager
    assert combine([{}, {}], (1.0, 1.0), 10, 1.2)[1][1] == {}
