"""Snippets with the matched words in <mark>, everything else HTML-escaped.

A word is marked when its key (folded, then stemmed as the French analyzer
stems) is one of the query's terms, so `école` marks `écoles` and `Ecole`
alike. This light re-analysis replaced Whoosh's highlighter, which ran the
whole French chain over every snippet and cost two thirds of a search. Every
piece of text is escaped: a `<script>` in a source file or in the query comes
out inert.
"""
from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from analyzers import fold_text
from analyzers.stemming import stem_word

SNIPPET_CHARS = 220
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=200_000)
def word_keys(word: str) -> tuple[str, str]:
    """The folded form and the stem of a word, as the index has them."""
    folded = fold_text(word)
    return folded, stem_word(folded)


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


def _matches(text: str, terms: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, term) of every word of `text` that a term matches."""
    found = []
    for m in _WORD.finditer(text):
        folded, stem = word_keys(m.group())
        if stem in terms:
            found.append((m.start(), m.end(), stem))
        elif folded in terms:
            found.append((m.start(), m.end(), folded))
    return found


def _render(text: str, start: int, end: int, spans) -> str:
    out, pos = [], start
    for s, e, _ in spans:
        if s < start or e > end:
            continue
        out.append(escape(text[pos:s], quote=False))
        out.append("<mark>" + escape(text[s:e], quote=False) + "</mark>")
        pos = e
    out.append(escape(text[pos:end], quote=False))
    return "".join(out)


def highlight(text: str | None, terms, limit: int = SNIPPET_CHARS) -> str | None:
    """The passage of `text` (about `limit` characters) holding the most
    distinct matched terms, with marks; None when no word matches."""
    if not text or not terms:
        return None
    text = " ".join(text.split())
    spans = _matches(text, frozenset(terms))
    if not spans:
        return None
    best, best_score = 0, -1
    for i, (s, _, _) in enumerate(spans):  # a window starting at each match
        distinct = {t for s2, _, t in spans[i:] if s2 < s + limit}
        score = len(distinct) * 10 + sum(1 for s2, _, _ in spans[i:] if s2 < s + limit)
        if score > best_score:
            best, best_score = i, score
    first = spans[best][0]
    start = max(0, first - limit // 4)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + limit)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > spans[best][1] else end
    html = _render(text, start, end, spans)
    return ("… " if start > 0 else "") + html + (" …" if end < len(text) else "")


def mark_all(text: str | None, terms) -> str:
    """The whole (short) text with every match marked: for titles and names."""
    if not text:
        return ""
    spans = _matches(text, frozenset(terms)) if terms else []
    return _render(text, 0, len(text), spans) if spans else escape(text, quote=False)


def plain_snippet(text: str | None, limit: int = SNIPPET_CHARS) -> str:
    """The start of a text, escaped, cut at a word boundary."""
    if not text:
        return ""
    text = " ".join(text.split())
    if len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        text = text[: cut if cut > limit // 2 else limit] + " …"
    return escape(text, quote=False)
