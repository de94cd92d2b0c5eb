"""The build's Whoosh writer: Whoosh's own segment writer, with each
document's field lengths read once per field when the postings are written.

Writing the postings, Whoosh asks the length of the document's field for
every posting (about 130,000 at 1x), and each answer seeks and reads one byte
of the lengths column just written: a third of the commit. Here each field's
column is read once, through the same reader (the lengths are the stored,
byte-rounded ones), and the postings ask a list. The segment written is the
same.
"""
from __future__ import annotations

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
            read = self._reader.doc_field_length
            column = self._columns[fieldname] = [read(d, fieldname) for d in range(self._doccount)]
        return column[docnum]


class BuildWriter(SegmentWriter):
    """`ix.writer(procs=1, ...)` with the field lengths read once when committing."""

    def _flush_segment(self):  # Whoosh's, with the lengths read once
        self.perdocwriter.close()
        pdr = self.per_document_reader() if self.codec.length_stats else None
        lengths = _ReadOnce(pdr, pdr.doc_count_all()) if pdr is not None else None
        self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()
        if pdr is not None:
            pdr.close()
