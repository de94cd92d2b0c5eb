"""What a result shows of its record, in HTML with the query's words marked (engine/highlight.py):
its snippet, its title and its parties line (names, places, countries)."""
from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from html import escape

from analyzers import fold_text
from indexer.text import redact_contacts

from .highlight import (
    PHRASE_GAP,
    SNIPPET_CHARS,
    best_passage,
    highlight,
    highlight_located,
    mark_all,
    plain_snippet,
    terms_not_in,
    words_of,
)
from .state import IndexState

_BETWEEN_LETTERS = re.compile(r"(?<=[^\W\d_])\s+(?=[^\W\d_])")  # within no phone number nor e-mail
_APART = "\n" + " " * PHRASE_GAP  # between texts marked at once (_marked_lines)


def snippet(state: IndexState, docnum: int, terms: Mapping[str, Collection] | None, bodies: Mapping | None = None,
            record: Mapping | None = None, shown: Callable[[], str] = str) -> str:
    """The passage of the body with the most matched words ("" when snippets are not asked for).
    A result's own snippet (its `record` given, and what it `shows` besides, made when needed:
    title, names, places) falls back on the record's sheet when the body has none of the words (_from_sheet),
    and, with no match at all, on the start of the body, or of the sheet when the body is empty:
    a record with text always shows some. `bodies`: docnum -> body, where the page's were read
    at once."""
    if terms is None:
        return ""
    body_terms = frozenset(terms.get("body", ()))
    sheet_terms = frozenset(terms.get("sheet", ())) if record is not None else None
    caching = state.snippet_cache.size > 0
    key = (docnum, body_terms, sheet_terms)
    cached = state.snippet_cache.get(key) if caching else None
    if cached is not None:
        return cached
    read = bodies.get(docnum) if bodies else None
    body, places = read if read is not None else state.body(docnum)
    out = highlight(body, body_terms, state.markers["body"], places=places, table=state.vocabulary)
    if out is None:
        out = plain_snippet(body, collapsed=True)
        if record is not None and sheet_terms is not None:
            out = _from_sheet(state, record, sheet_terms, shown) or out \
                or plain_snippet(redact_contacts(record.get("original_text") or "", ""))
    if caching:
        state.snippet_cache.put(key, out)
    return out


def _from_sheet(state: IndexState, record: Mapping, terms: frozenset, shown: Callable[[], str]) -> str | None:
    """The passage of `record`'s sheet (its source text, as the `sheet` field indexed it) with the
    most of the words `terms` match that the result does not show already (`shown`), or None: a
    partnership found by the school of its actions' table showed the start of its body, without
    the word; a place, marked on the parties line, would take the sheet's heading (its contacts)."""
    marker = state.markers["sheet"]
    sheet = record.get("original_text") or ""
    wanted = terms_not_in(shown(), terms, marker) if sheet else None
    at = best_passage(sheet, terms, marker, among=wanted) if wanted else None
    if at is None:
        return None
    start, end = _stretch(sheet, at)
    # cleaned as the index has it, and again once its spaces are collapsed as the snippet shows them
    # (`Tél : 674 42 48    222 34 65` would read as one number)
    html = highlight_located(redact_contacts(" ".join(redact_contacts(sheet[start:end], "").split()), ""),
                             wanted, marker)
    if html is None:
        return None
    return ("… " if start > 0 and not html.startswith("… ") else "") + html + \
        (" …" if end < len(sheet) and not html.endswith(" …") else "")


def _stretch(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the passage of `text` about a snippet long around position `at`, cut between
    two letters, or else at a line's end: no phone number nor e-mail address is cut, so that
    cleaning the passage (redact_contacts) cleans it as cleaning the whole text does, at a
    fraction of its cost, and only the passage is tokenized."""
    lead, tail = at - SNIPPET_CHARS // 4, at + SNIPPET_CHARS * 3 // 4
    cuts = [m.end() for m in _BETWEEN_LETTERS.finditer(text, max(0, lead - SNIPPET_CHARS // 2), max(0, lead))]
    after = _BETWEEN_LETTERS.search(text, tail, tail + SNIPPET_CHARS // 2)
    start = cuts[-1] if cuts else text.rfind("\n", 0, max(0, lead)) + 1
    end = after.start() if after else text.find("\n", tail)
    return start, len(text) if end < 0 else end


def names_and_places(partnership: Mapping) -> str:
    """A partnership's names and places as its result shows them, in one text."""
    parties = [p for p in (partnership.get("french_party"), partnership.get("partner_party")) if p]
    return " ; ".join([str(p.get(k) or "") for p in parties for k in ("name", "subdivision", "region")]
                      + list(partnership.get("countries") or []))


def parties_line(state: IndexState, partnership: Mapping, terms: Mapping[str, Collection] | None) -> dict:
    """The parties line of a result as the page shows it, in HTML with the words the query matched
    in the names and places marked: each side's `name` and `place` (« subdivision, région »), and
    the `countries`. A partner found by its région (`segou`: « San, Ségou ») had no mark at all."""
    sides = [partnership.get("french_party") or None, partnership.get("partner_party") or None]
    names = [(p or {}).get("name") or "" for p in sides]
    places = [", ".join(x for x in ((p or {}).get("subdivision"), (p or {}).get("region")) if x) for p in sides]
    countries = ", ".join(partnership.get("countries") or [])
    # each field's texts marked at once, one a line; both at once when the two fields ask the same
    # words of the same analyzer (nearly always: a query's words are looked for in both)
    if terms is not None and terms.get("parties") == terms.get("places") \
            and state.markers["parties"] is state.markers["places"]:
        lines = _marked_lines(state, [*names, *places, countries], "places", terms)
        marked_names, marked_places = lines[:2], lines[2:]
    else:
        marked_names = _marked_lines(state, names, "parties", terms)
        marked_places = _marked_lines(state, [*places, countries], "places", terms)
    return {"french_party": {"name": marked_names[0], "place": marked_places[0]} if sides[0] else None,
            "partner_party": {"name": marked_names[1], "place": marked_places[1]} if sides[1] else None,
            "countries": marked_places[2]}


def _marked_lines(state: IndexState, texts: list[str], field: str, terms: Mapping[str, Collection] | None) -> list[str]:
    """`texts` in HTML, the words `field`'s terms match marked (escaped only without `terms`), in
    one pass: apart by more than a phrase's gap, no phrase is found across two of them."""
    text = _APART.join(" ".join(t.split()) for t in texts)
    wanted = terms.get(field, set()) if terms is not None else set()
    if not wanted or not _may_hold(text, words_of(wanted)):
        return escape(text, quote=False).split(_APART)
    return mark_all(text, wanted, state.markers[field]).split(_APART)


_UNWORDED = re.compile(r"[\W_]+")
_SAINT = re.compile(r"\bste?\b")


def _may_hold(text: str, words: frozenset[str]) -> bool:
    """False when no word of the names analyzer (folding, no stems) can be in `text`: each of its
    words is a piece of the folded text, or of it without spaces and signs (a compound joined,
    `rhonealpes`), but `saint`, which `St` becomes. Most results' names have none of a topic's
    words: marking them, by tokens, cost a cold request ~0.3 ms."""
    folded = fold_text(text)
    joined = _UNWORDED.sub("", folded)
    return any(w in folded or w in joined or (w.startswith("saint") and _SAINT.search(folded)) for w in words)


def marked_title(state: IndexState, title: str, terms: Mapping[str, Collection] | None) -> str:
    if terms is None:
        return escape(title, quote=False)
    return mark_all(title, terms.get("title", set()), state.markers["title"])
