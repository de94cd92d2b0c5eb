"""Snippets with the matched words in <mark>, everything else HTML-escaped.

Whoosh re-analyses the text with the field's analyzer, so a query for
`école` marks `écoles` and `Ecole` alike. The formatter escapes the text
between and inside marks: a `<script>` in a source file or in the query comes
out inert.
"""
from __future__ import annotations

import re
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


WINDOW_BEFORE, WINDOW_AFTER = 120, 280

# Accent folding done by str.translate (C speed) for screening paragraphs;
# characters outside the table fall back to nothing worse than a missed screen.
_FAST_FOLD = str.maketrans({
    **{c: "a" for c in "àâäáãå"}, **{c: "e" for c in "éèêë"}, **{c: "i" for c in "îïíì"},
    **{c: "o" for c in "ôöóòõ"}, **{c: "u" for c in "ùûüú"}, "ç": "c", "ÿ": "y", "ñ": "n",
    "œ": "oe", "æ": "ae", "’": "'",
})


def fast_fold(text: str) -> str:
    return text.lower().translate(_FAST_FOLD)


def candidate_window(text: str, terms: set[str]) -> str | None:
    """The parts of a long text worth handing to the highlighter.

    Re-analysing a whole sheet for every result is the slow path of a search
    (the French chain costs tens of microseconds a token), so the paragraphs
    are first screened by a plain search of the folded terms (stems are
    prefixes of the words they come from), and only a window around the first
    hits is analysed."""
    keys = [t for t in terms if t and len(t) >= 2]
    if not keys:
        return None
    rx = re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) + ")")
    pieces: list[str] = []
    for para in text.split("\n"):
        m = rx.search(fast_fold(para))
        if m is None:
            continue
        if len(para) > WINDOW_BEFORE + WINDOW_AFTER:
            lo = max(0, m.start() - WINDOW_BEFORE)
            para = para[lo:m.start() + WINDOW_AFTER]
        pieces.append(para)
        if len(pieces) == 2:
            break
    return "\n".join(pieces) if pieces else None


def highlight(text: str | None, terms: set[str], analyzer, top: int = 2) -> str | None:
    """The best fragments of `text` with marks, or None when nothing matches."""
    if not text or not terms:
        return None
    window = candidate_window(text, terms)
    if window is None:
        return None
    try:
        out = H.highlight(window, frozenset(terms), analyzer, _FRAGMENTER, _FORMATTER, top=top)
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
