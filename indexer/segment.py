"""The build's Whoosh writer: Whoosh's own segment writer, with its postings
kept by term and each document's field lengths read once per field when the
postings are written.

- Whoosh's pool keeps every posting (about 130,000 at 1x) as a tuple
  (field, term, document, weight, value), works out its size in bytes as it
  comes, and sorts them all at the commit. Documents are added in order, so
  a term's postings come in document order: kept in a list per term, only
  the terms need sorting, and the postings come out in the same order.
- Writing the postings, Whoosh asks the length of the document's field for
  every posting, and each answer seeks and reads one byte of the lengths
  column just written: a third of the commit. Here each field's column is
  read once, through the same reader (the lengths are the stored,
  byte-rounded ones), and the postings ask a list.

The segment written is the same (tests/test_build_writer.py).
"""
from __future__ import annotations

from whoosh.codec.whoosh3 import _lenfield
from whoosh.writing import SegmentWriter


class _ReadOnce:
    """A per-document reader's `doc_field_length`, each field's column read whole on first use."""

    def __init__(self, reader, doccount: int):
        self._reader = reader
        self._doccount = doccount
        self._columns: dict[str, list[int]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        if default != 0 or not 0 <= docnum < self._doccount:
            return self._reader.doc_field_length(docnum, fieldname, default)
        column = self._columns.get(fieldname)
        if column is None:
            if not self._reader.has_column(_lenfield(fieldname)):
                # no lengths (a field that is not scorable): the reader answers 0, after looking for the file
                column = self._columns[fieldname] = [0] * self._doccount
            else:
                read = self._reader.doc_field_length
                column = self._columns[fieldname] = [read(d, fieldname) for d in range(self._doccount)]
        return column[docnum]


class _TermPool:
    """Whoosh's posting pool's `add` and `iter_postings`, the postings kept by term."""

    def __init__(self) -> None:
        self._terms: dict[tuple[str, bytes], list[tuple[int, float, bytes]]] = {}
        self._unordered: set[tuple[str, bytes]] = set()  # terms whose postings came out of document order
        self.fieldnames: set[str] = set()

    def add(self, item: tuple[str, bytes, int, float, bytes]) -> None:
        fieldname, tbytes, docnum, weight, vbytes = item
        key = (fieldname, tbytes)
        postings = self._terms.get(key)
        if postings is None:
            self._terms[key] = [(docnum, weight, vbytes)]
            self.fieldnames.add(fieldname)
            return
        if docnum <= postings[-1][0]:
            self._unordered.add(key)
        postings.append((docnum, weight, vbytes))

    def iter_postings(self):
        """The postings in the order of `sorted()` over the tuples (Whoosh's pool's)."""
        for key in sorted(self._terms):
            postings = self._terms[key]
            if key in self._unordered:
                postings.sort()
            fieldname, tbytes = key
            for docnum, weight, vbytes in postings:
                yield fieldname, tbytes, docnum, weight, vbytes

    def cleanup(self) -> None:
        self._terms.clear()


class BuildWriter(SegmentWriter):
    """`ix.writer(procs=1, ...)` with the postings kept by term, and the field
    lengths read once when committing."""

    def __init__(self, ix, **kwargs):
        super().__init__(ix, **kwargs)
        self.pool = _TermPool()

    def _flush_segment(self):  # Whoosh's, with the lengths read once
        self.perdocwriter.close()
        pdr = self.per_document_reader() if self.codec.length_stats else None
        lengths = _ReadOnce(pdr, pdr.doc_count_all()) if pdr is not None else None
        self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()
        if pdr is not None:
            pdr.close()
