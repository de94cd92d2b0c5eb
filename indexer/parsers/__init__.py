"""One parser per source document.

Each module exposes `parse(text: str, document: str) -> ParseResult` and
`looks_like(text: str) -> bool` (a cheap check that the text is the document
it expects, so a misplaced file gets a clear message rather than garbage).
"""
from __future__ import annotations

from importlib import import_module

from ..records import ParseResult

# file name in data/ -> parser module (in the order documents are merged)
DOCUMENTS: dict[str, str] = {
    "mali-repertoire-2008.txt": "mali",
    "maroc-repertoire-2008.txt": "maroc",
    "algerie-cooperation-decentralisee.txt": "algerie",
    "algerie-micl-cooperation.txt": "micl",
    "algerie-ambassade-cooperation-technique.txt": "ambassade",
}


def parser_for(document: str):
    return import_module(f"{__name__}.{DOCUMENTS[document]}")


def run_guarded(parse_body, text: str, document: str) -> ParseResult:
    """Run a parser's body on a fresh result: a bug in it becomes a warning,
    and what was parsed before the bug is kept (parsers never raise)."""
    result = ParseResult(document=document)
    try:
        parse_body(text or "", document, result)
    except Exception as exc:
        result.warnings.append(f"parser error, stopped early: {type(exc).__name__}: {exc}")
    return result
