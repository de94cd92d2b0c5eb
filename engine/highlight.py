"""Snippets with the matched words in <mark>, everything else HTML-escaped.

Whoosh re-analyses the text with the field's analyzer, so a query for
`école` marks `écoles` and `Ecole` alike. The formatter escapes the text
between and inside marks: a `<script>` in a source file or in the query comes
out inert.
"""
from __future__ import annotations

from html import escape

from whoosh import highlight as H

SNIPPET_CHARS = 220


class MarkFormatter(H.Formatter):
    between = " … "

    def format_token(self, text, token, replace=False):
        return "<mark>" + H.htmlescape(H.get_text(text, token, replace), quote=False) + "</mark>"

    def _text(self, text):
        return H.htmlescape(text, quote=False)


_FRAGMENTER = H.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=70)
_FORMATTER = MarkFormatter()


def terms_by_field(query) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    if query is None:
        return out
    try:
        for fieldname, text in query.iter_all_terms(phrases=True):
            if isinstance(text, bytes):
                text = text.decode("utf-8", "replace")
            out.setdefault(fieldname, set()).add(text)
    except Exception:
        pass
    return out


def highlight(text: str | None, terms: set[str], analyzer, top: int = 2) -> str | None:
    """The best fragments of `text` with marks, or None when nothing matches."""
    if not text or not terms:
        return None
    try:
        out = H.highlight(text, frozenset(terms), analyzer, _FRAGMENTER, _FORMATTER, top=top)
    except Exception:
        return None
    return out or None


def mark_all(text: str | None, terms: set[str], analyzer) -> str:
    """The whole (short) text with every match marked: for titles and names."""
    if not text:
        return ""
    if terms:
        try:
            out = H.highlight(text, frozenset(terms), analyzer, H.WholeFragmenter(), _FORMATTER, top=1)
            if out:
                return out
        except Exception:
            pass
    return escape(text, quote=False)


def plain_snippet(text: str | None, limit: int = SNIPPET_CHARS) -> str:
    """The start of a text, escaped, cut at a word boundary."""
    if not text:
        return ""
    text = " ".join(text.split())
    if len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        text = text[: cut if cut > limit // 2 else limit] + " …"
    return escape(text, quote=False)
