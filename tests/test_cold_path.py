"""The cold path's shortcuts give the numbers of the paths they replaced: the
length normalisations made whole from a field's length column equal those
made from Whoosh's per-document lengths, and the BM25F shares made on demand
equal the shares made for every part at once."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

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


def _postings_of(ix) -> dict:
    """Every term's postings (document number, weight, encoded value), as Whoosh reads them."""
    out = {}
    with ix.reader() as r:
        for field, text in r.all_terms():
            m = r.postings(field, text)
            postings = []
            while m.is_active():
                postings.append((m.id(), m.weight(), m.value()))
                m.next()
            out[(field, text)] = postings
    return out


def test_postings_pickled_natively_read_as_whooshs_own(tmp_path):
    from whoosh import index as whoosh_index

    from indexer.build import CODEC, native_pickles
    from indexer.schema import build_schema

    words = ["eau", "puits", "forage", "école", "santé", "cercle", "commune", "jumelage"]
    docs = [{"id": f"d{i}", "type": "partnership", "pid": f"d{i}", "parties": "", "places": "",
             "domains_text": "", "sheet": "", "title": f"{words[i % 8]} {words[(i * 3) % 8]}",
             "body": " ".join(words[(i * k) % 8] for k in range(1, 2 + i % 11))} for i in range(300)]

    def build(where, native: bool):
        ix = whoosh_index.create_in(str(where), build_schema())
        if native:
            with native_pickles():
                w = ix.writer(codec=CODEC)
                for d in docs:
                    w.add_document(**d)
                w.commit()
        else:
            w = ix.writer(codec=CODEC)
            for d in docs:
                w.add_document(**d)
            w.commit()
        return ix

    (tmp_path / "p2").mkdir()
    (tmp_path / "p5").mkdir()
    old, new = build(tmp_path / "p2", False), build(tmp_path / "p5", True)
    segment = b"".join(p.read_bytes() for p in (tmp_path / "p5").glob("*.seg"))
    assert b"_codecs" not in segment  # no bytes written as a call to _codecs.encode
    assert b"_codecs" in b"".join(p.read_bytes() for p in (tmp_path / "p2").glob("*.seg"))
    theirs, ours = _postings_of(old), _postings_of(new)
    assert len(ours) > 20 and any(len(v) > 128 for v in ours.values())  # several blocks for common words
    assert ours == theirs


def _reference_filter_and_count(candidates, bits, selection, counted=()):
    """The bitset pass filter_and_count made before (every candidate into a bitset, every value ANDed)."""
    from collections import Counter

    from engine.facets import Selection

    ba = bytearray(bits.n // 8 + 1)
    for d in candidates:
        ba[d >> 3] |= 1 << (d & 7)
    cand = int.from_bytes(ba, "little")
    for facet, sel in (selection.required or {}).items():
        cand &= bits.any_of(facet, sel)
    for facet, sel in (selection.excluded or {}).items():
        cand &= ~bits.any_of(facet, sel)
    masks = {f: m for f in selection.active if (m := bits.selection_mask(f, selection)) is not None}
    final = cand
    for m in masks.values():
        final &= m
    counts = {}
    for f in counted:
        base = cand
        for g, m in masks.items():
            if g != f:
                base &= m
        if f == "year" and selection.has_range:  # a year ticked keeps the period (QA r46, D3)
            base &= bits.selection_mask("year", Selection(values={}, year_from=selection.year_from,
                                                          year_to=selection.year_to))
        c: Counter = Counter()
        for v, vb in bits.values.get(f, {}).items():
            if (base & vb).bit_count():
                c[v] = (base & vb).bit_count()
        counts[f] = c
    return [d for d in range(bits.n) if final >> d & 1], counts


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_filtering_and_counting_match_the_bitset_pass(data):
    from engine.facets import FacetBits, Selection, filter_and_count
    from indexer.doctable import postings_of

    n = data.draw(st.integers(1, 260))
    names = [f"ville {i}" for i in range(data.draw(st.sampled_from([3, 200])))]  # few values, or many
    doc = st.fixed_dictionaries({
        "french": st.lists(st.sampled_from(names), max_size=3).map(tuple),
        "year": st.lists(st.integers(1990, 1996), max_size=3).map(tuple),
        "country": st.sampled_from([("Mali",), ("Maroc",), ()]),
    })
    bits = FacetBits(n, postings_of(data.draw(st.lists(doc, min_size=n, max_size=n))))
    cands = data.draw(st.one_of(st.sets(st.integers(0, n - 1), max_size=12),
                                st.sets(st.integers(0, n - 1), min_size=n // 2)))
    sel = Selection(
        values=data.draw(st.fixed_dictionaries({}, optional={"country": st.just({"Mali"}),
                                                             "french": st.sets(st.sampled_from(names), max_size=2)})),
        year_from=data.draw(st.sampled_from([None, 1993])),
        required=data.draw(st.sampled_from([None, {"country": {"Maroc", "Mali"}}])),
        excluded=data.draw(st.sampled_from([None, {"year": {1991}}])))
    counted = data.draw(st.sampled_from([[], ["french", "year", "country"]]))
    for given_as in (sorted(cands), set(cands), iter(sorted(cands, reverse=True))):
        kept, counts = filter_and_count(given_as, bits, sel, counted)
        want_kept, want_counts = _reference_filter_and_count(cands, bits, sel, counted)
        assert kept == want_kept
        assert counts == want_counts
        assert all(list(counts[f]) == list(want_counts[f]) for f in counts)  # in the same order too
    assert FacetBits.members(bits.of(cands)) == sorted(cands)


def test_a_long_facet_is_cut_to_the_values_a_full_sort_keeps():
    from collections import Counter

    from engine.facets import MAX_FACET_VALUES, _collated, facet_items
    from indexer.facet_registry import registry

    facets = registry()
    name = next(f.name for f in facets if not f.selects_kind and f.order != "value")
    # ties on the count everywhere, a selected value with no count, a selected value among the rare
    c = Counter({f"ville {i:04d}": 1 + (i % 7) for i in range(3 * MAX_FACET_VALUES)})
    c.update({"Égypte": 7, "Yémen": 7, "Zambie": 7})  # accented initials among the ties: French order
    out, info = facet_items(facets, {name: c}, {name: ["ville 0006", "absente"]}, "partnership")
    items = [{"value": v, "count": c.get(v, 0), "selected": v in {"ville 0006", "absente"}}
             for v in set(c) | {"ville 0006", "absente"}]
    items.sort(key=lambda x: (not x["selected"], -x["count"], _collated(str(x["value"]))))
    want = sorted(items[:MAX_FACET_VALUES], key=lambda x: (-x["count"], _collated(str(x["value"]))))
    assert out[name] == want
    assert info[name] == {"values": 3 * MAX_FACET_VALUES + 4, "truncated": True}
    egypt = [it["value"] for it in out[name] if it["value"] in ("Égypte", "Yémen", "Zambie")]
    assert egypt == ["Égypte", "Yémen", "Zambie"]
    assert {"value": "absente", "count": 0, "selected": True} in out[name]


def test_stored_word_places_are_the_scanned_ones(engine):
    from analyzers.wordtables import WordPlaces, snippet_source, word_places

    state = engine.state()
    checked = 0
    for docnum in range(0, len(state.docs), 5):
        text, places = state.body(docnum)
        if not text:
            continue
        assert isinstance(places, WordPlaces)
        assert dict(places) == word_places(text)  # every word, every start, in order
        assert places.common({"zzz-absent", next(iter(places))}) == {next(iter(places))}
        checked += 1
    assert checked > 50
    text, *stored = snippet_source("Les  eaux\n du 200 000  puits, les eaux.")
    places = WordPlaces(*stored)
    assert text == "Les eaux du 200 000 puits, les eaux."
    assert places["eaux"] == [4, 31] and places["200 000"] == [12] and "Les" in places and "zzz" not in places
    assert WordPlaces(*snippet_source("")[1:]) == {}


def test_common_words_are_the_set_intersection_on_both_paths():
    from analyzers.wordtables import _FEW, MarkedWords, WordPlaces, snippet_source

    body = "L'eau potable, les puits et l'assainissement des eaux usées ; puits-citernes."
    _, *stored = snippet_source(body)
    words = set(WordPlaces(*stored))
    few = MarkedWords({"puits": "puit", "eaux": "eau", "absent": "absent"})
    many = MarkedWords({**{f"mot{i}": "mot" for i in range(_FEW)}, "potable": "potabl", "puits": "puit"})
    for marked in (few, many):
        places = WordPlaces(*stored)
        assert places.common(marked) == words & marked.keys()
        assert places.common(marked) == words & marked.keys()  # the kept answer
        other = MarkedWords({"usées": "usé"})  # another request's words: not the kept answer
        assert places.common(other) == {"usées"} and places.common(marked) == words & marked.keys()
    assert WordPlaces(*stored).common({"puits", "absent"}) == {"puits"}  # any collection


def test_postings_read_from_the_segment_are_whooshs(engine):
    from engine.phrases import _read, _read_segment

    reader = engine.state().searcher().reader()
    compared = 0
    for field, text in reader.all_terms():
        ours = _read_segment(reader, field, text)
        assert ours is not None  # the direct path is the one taken
        assert ours == _read(reader.postings(field, text)), (field, text)
        compared += 1
    assert compared > 1000


def test_term_info_probed_as_whoosh_does(engine):
    """phrases._term_info finds each term's info as Whoosh's term_info does, and misses what it misses;
    its hash of a key is Whoosh's; PhraseReader.term_info (matching's BM25F leaves) answers the same."""
    from whoosh.filedb.filetables import md5_hash
    from whoosh.filedb.structfile import BufferFile
    from whoosh.reading import TermNotFound

    from engine.phrases import PhraseReader, _hashed, _term_info

    reader = engine.state().searcher().reader()
    terms, phrases = reader._terms, PhraseReader(reader, reader.schema)
    assert type(terms._tindex.dbfile) is BufferFile  # (the probe is compared, not Whoosh's own look-up)
    found = missing = 0
    for (field, text), info in terms.items():
        key = terms._keycoder(field, text)
        assert _hashed(md5_hash, key) == md5_hash(key), key
        assert vars(_term_info(terms, field, text)) == vars(info), (field, text)
        assert vars(phrases.term_info(field, text)) == vars(info), (field, text)
        found += 1
        for other in (text + b"zq", text[:-1] + b"\x00"):  # (neighbours: slots of other keys probed)
            try:
                theirs = vars(terms.term_info(field, other))
            except TermNotFound:
                with pytest.raises(TermNotFound):
                    _term_info(terms, field, other)
                missing += 1
            else:
                assert vars(_term_info(terms, field, other)) == theirs
    assert found > 1000 and missing > 1000


def test_term_info_tells_apart_the_keys_of_one_hash():
    """Two keys of one hash (CRC-32 gives `plumless` and `buckeroo` one; Whoosh's md5 keys collide as rarely as no
    index shows): phrases._term_info compares the key in the slot, as Whoosh's HashReader does, so each finds its
    own info, and a key written nowhere is missing even where a key of its hash is written."""
    from types import SimpleNamespace

    from whoosh.codec.whoosh3 import W3TermInfo
    from whoosh.filedb.filestore import RamStorage
    from whoosh.filedb.filetables import HashReader, HashWriter, crc_hash
    from whoosh.filedb.structfile import BufferFile
    from whoosh.reading import TermNotFound

    from engine.phrases import _term_info

    assert crc_hash(b"plumless") == crc_hash(b"buckeroo")
    storage = RamStorage()
    for name, written in (("both", (b"plumless", b"buckeroo")), ("one", (b"plumless",))):
        writer = HashWriter(storage.create_file(name), hashtype=1)  # (1: crc_hash)
        for df, key in enumerate(written, 1):
            info = W3TermInfo(weight=float(df), df=df)
            info.set_extent(100 * df, df)
            writer.add(key, info.to_bytes())
        writer.close()
        terms = SimpleNamespace(_tindex=HashReader.open(storage, name), _keycoder=lambda field, text: text)
        assert type(terms._tindex.dbfile) is BufferFile  # (the probe is the one read)
        for df, key in enumerate(written, 1):
            assert _term_info(terms, "f", key).doc_frequency() == df, (name, key)
        if len(written) == 1:
            with pytest.raises(TermNotFound):
                _term_info(terms, "f", b"buckeroo")


def test_compressed_postings_read_as_whooshs(tmp_path):
    from whoosh import index as whoosh_index
    from whoosh.codec.whoosh3 import W3Codec

    from engine.phrases import _read, _read_segment
    from indexer.schema import build_schema

    ix = whoosh_index.create_in(str(tmp_path), build_schema())
    w = ix.writer(codec=W3Codec(compression=3))  # (Whoosh cannot inline postings: its set_inline is missing)
    for i in range(200):
        w.add_document(id=f"d{i}", type="action", pid="p", title=f"puits{i % 50} forage",
                       body=" ".join(["eau"] * (1 + i % 4) + [f"rare{i}"]))
    w.commit()
    with ix.reader() as reader:
        compared = 0
        for field, text in reader.all_terms():
            assert _read_segment(reader, field, text) == _read(reader.postings(field, text)), (field, text)
            compared += 1
        assert compared > 100


def test_a_request_asks_the_word_tables_once_per_word(engine):
    from engine.suggestion import knows

    state = engine.state()
    asked: list[str] = []

    class Tables:
        def __contains__(self, word: str) -> bool:
            asked.append(word)
            return word in state.vocabulary

    known = knows(state)
    known.vocabulary._tables = Tables()
    words = ["eau", "zzzqx", "assainissement", "eau", "zzzqx"]
    assert [w in known.vocabulary for w in words] == [w in state.vocabulary for w in words] == [True, False, True,
                                                                                                True, False]
    assert asked == ["eau", "zzzqx", "assainissement"]


def test_a_written_word_is_known_without_reading_the_place_tables(engine, monkeypatch):
    """Known asks the place tables (in_table_names) only of a word no record writes: most query words
    are written, and the tables' test cost every one of them three table look-ups. The same answers."""
    from engine import suggestion

    real = suggestion.in_table_names
    asked: list[str] = []
    monkeypatch.setattr(suggestion, "in_table_names", lambda word: asked.append(word) or real(word))
    known = suggestion.knows(engine.state())
    words = ["eau", "assainissement", "medea", "tiaret", "zzzqx"]
    assert [known(w) for w in words] == [True, True, True, True, False]
    assert [known.written(w) for w in words] == [True, True, False, False, False]  # the tables know Médéa, Tiaret
    assert asked == ["medea", "tiaret", "zzzqx"]


def test_every_scorer_reads_a_fields_b_and_average_length_in_one_place(engine, monkeypatch):
    """Terms, BM25F leaves and phrases take a field's B and average length from Evaluator._field_norm
    alone: with it shifted, every length normalisation table is asked with the shifted numbers."""
    from whoosh import query as Q

    from engine.matching import Evaluator
    from engine.querybuild import build_query
    from engine.querylang import parse_query

    state = engine.state()
    searcher = state.searcher()
    real_norm, real_norms = Evaluator._field_norm, FieldLengths.norms
    shifted = {}

    def field_norm(self, field):
        B, avgfl = real_norm(self, field)
        shifted[field] = (B + 0.125, avgfl * 2)
        return shifted[field]

    asked: list = []

    def norms(self, searcher, field, B, K1, avgfl, docs):
        asked.append((field, B, avgfl))
        return real_norms(self, searcher, field, B, K1, avgfl, docs)

    monkeypatch.setattr(Evaluator, "_field_norm", field_norm)
    monkeypatch.setattr(FieldLengths, "norms", norms)
    built = build_query(state.schema, parse_query("assainissement Kayes"), state.facet_values)
    fielded = built.groups[0].alternatives[0].scored  # BM25F: the word's frequencies over its fields' norms
    for query in (Q.Term("body", "eau"), Q.Phrase("body", ["eau", "potabl"]), built.query, fielded):
        asked.clear()
        assert Evaluator(searcher, FieldLengths()).scores(query), query
        assert asked, query
        assert all(shifted[field] == (B, avgfl) for field, B, avgfl in asked), query
