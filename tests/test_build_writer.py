"""The build's Whoosh writer (indexer/segment.py) writes the segment Whoosh's
own writer writes: the same postings, term statistics and field lengths."""
from __future__ import annotations

from whoosh import fields, index as whoosh_index
from whoosh.codec.whoosh3 import _lenfield
from whoosh.writing import SegmentWriter

from indexer.segment import BuildWriter, _ReadOnce, _TermPool

DOCS = [
    {"id": "a", "body": "eau potable à Kayes, eau et assainissement", "title": "Kayes"},
    {"id": "b", "body": "formation des élus " * 30, "title": "Ségou – Angers"},
    {"id": "c", "title": "sans corps"},
    {"id": "d", "body": "eau " + "mot " * 300, "title": "une très longue fiche sur l'eau"},
]


def _written(tmp_path, writer_class) -> list:
    tmp_path.mkdir()
    schema = fields.Schema(id=fields.ID(stored=True), body=fields.TEXT(), title=fields.TEXT())
    ix = whoosh_index.create_in(str(tmp_path), schema)
    writer = writer_class(ix, limitmb=16)
    for doc in DOCS:
        writer.add_document(**doc)
    writer.commit(optimize=True)
    out = []
    with whoosh_index.open_dir(str(tmp_path)).reader() as reader:
        for field in ("body", "title"):
            out.append([reader.doc_field_length(d, field) for d in range(reader.doc_count_all())])
            for term in reader.lexicon(field):
                info = reader.term_info(field, term)
                out.append((field, term, info.weight(), info.doc_frequency(), info.min_length(),
                            info.max_length(), info.max_weight()))
                postings = reader.postings(field, term)
                while postings.is_active():
                    out.append((postings.id(), postings.weight(), postings.value(),
                                postings.block_min_length(), postings.block_max_length()))
                    postings.next()
    return out


def test_same_segment_as_whooshs_writer(tmp_path):
    ours = _written(tmp_path / "ours", BuildWriter)
    whooshs = _written(tmp_path / "whoosh", SegmentWriter)
    assert ours == whooshs
    assert any(isinstance(x, tuple) and len(x) == 7 and x[4] != x[5] for x in ours)  # lengths that differ were compared


def test_read_once_answers_as_the_reader():
    class Reader:
        calls = 0

        def has_column(self, name):
            return name in (_lenfield("body"), _lenfield("title"))

        def doc_field_length(self, docnum, fieldname, default=0):
            Reader.calls += 1
            if docnum >= 3:
                raise IndexError(docnum)
            return {"body": 10 * docnum, "title": docnum}.get(fieldname, default)

    lengths = _ReadOnce(Reader(), 3)
    assert [lengths.doc_field_length(d, "body") for d in (2, 0, 1, 2)] == [20, 0, 10, 20]
    assert lengths.doc_field_length(1, "title") == 1
    assert lengths.doc_field_length(1, "other", 7) == 7  # another default: the reader's own answer
    assert lengths.doc_field_length(2, "other") == 0  # no lengths column: not asked per document
    assert Reader.calls == 3 + 3 + 1


def test_term_pool_gives_the_postings_sorted():
    items = [("title", b"eau", 3, 1.0, b"a"), ("body", b"eau", 1, 2.0, b"b"), ("body", b"bamako", 2, 1.0, b"c"),
             ("body", b"eau", 4, 1.0, b"d"), ("body", b"eau", 2, 1.0, b"e"),  # out of document order
             ("body", b"bamako", 5, 1.0, b"f"), ("title", b"ecole", 0, 1.0, b"g")]
    pool = _TermPool()
    for item in items:
        pool.add(item)
    assert list(pool.iter_postings()) == sorted(items)
    assert pool.fieldnames == {"title", "body"}
