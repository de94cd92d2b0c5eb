"""Layout readers, one small class per document layout over the shared
parsing layer (recipe-scrapers style):

- `sheet.py`: the sheet model every reader fills (`Document`, `Sheet`,
  `ActionDraft`) and the one place that turns a sheet into records;
- `fields.py`: money, population, short titles;
- `dates.py`: years, periods, a sheet's date, first contact and formal act;
- `contacts.py`: contact lines taken apart, sides by organisation;
- `indexer/geography/`: one table per country (régions, subdivisions, communes);
- `indexer/registry.py`: which document is read by which reader.

A reader subclasses `Reader`: `looks_like(text)` (a cheap check that the text
is the document it expects, so a misplaced file gets a clear message) and
`read(doc, result)`, which fills `result` and may raise: `parse()` runs it
under the never-raise guard. Each module also keeps `parse(text, document)`
and `looks_like(text)` for its registry entry.
"""
from __future__ import annotations

from ..records import ParseResult
from ..registry import REPERTOIRES, Repertoire, get


def run_guarded(parse_body, text: str, document: str) -> ParseResult:
    """Run a parser's body on a fresh result: a bug in it becomes a warning,
    and what was parsed before the bug is kept (parsers never raise)."""
    result = ParseResult(document=document)
    try:
        parse_body(text or "", document, result)
    except Exception as exc:  # noqa: BLE001 (parsers never raise: a bug becomes a warning)
        result.warnings.append(f"erreur du lecteur, lecture interrompue : {type(exc).__name__}: {exc}")
        result.interrupted = f"{type(exc).__name__}: {exc}"
    return result


class Reader:
    """Base of the layout readers."""

    def __init__(self, repertoire: Repertoire):
        self.repertoire = repertoire
        self.options = repertoire.options

    def looks_like(self, text: str) -> bool:
        raise NotImplementedError

    def read(self, doc, result: ParseResult) -> None:
        raise NotImplementedError

    def document(self, text: str, name: str):
        from .sheet import Document

        return Document(name, text, self.repertoire.year)

    def parse(self, text: str, document: str | None = None) -> ParseResult:
        name = document or self.repertoire.file

        def body(text: str, name: str, result: ParseResult) -> None:
            self.read(self.document(text, name), result)

        result = run_guarded(body, text, name)
        result.stats.setdefault("partnerships", len(result.partnerships))
        result.stats.setdefault("actions", len(result.actions))
        return result


def reader_for(document: str, repertoires: list[Repertoire] | None = None) -> Reader:
    return get(document, repertoires).make_reader()


# file name -> module, kept for callers that list the documents
DOCUMENTS: dict[str, str] = {r.file: r.reader.partition(":")[0] for r in REPERTOIRES}


def parser_for(document: str) -> Reader:
    return reader_for(document)
