"""What a result shows of its record, in HTML with the query's words marked (engine/highlight.py):
its snippet, its title and its parties line (names, places, countries)."""
from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from html import escape

from indexer.column_heads import EUROS, PERIODICITY, head_words
from indexer.partiesline import APART, folded_forms, line_text, party_texts
from indexer.text import redact_contacts

from .highlight import (
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

_FORMS_LOOKED_FOR = 64  # a title is searched for this many forms of the words at most, else tokenized
# spaces between two letters: within no phone number nor e-mail. It opens with the space, not the look-behind of
# the letter before it, so that the regex engine skips to the spaces (a look-behind first is tried at every character)
_BETWEEN_LETTERS = re.compile(r"\s(?<=[^\W\d_]\s)\s*(?=[^\W\d_])")


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
            out = _from_sheet(state, record, sheet_terms, shown, docnum) or out \
                or plain_snippet(redact_contacts(record.get("original_text") or "", ""))
    if caching:
        state.snippet_cache.put(key, out)
    return out


def _from_sheet(state: IndexState, record: Mapping, terms: frozenset, shown: Callable[[], str],
                docnum: int | None = None) -> str | None:
    """The passage of `record`'s sheet (its source text, as the `sheet` field indexed it) with the
    most of the words `terms` match that the result does not show already (`shown`), or None: a
    partnership found by the school of its actions' table showed the start of its body, without
    the word; a place, marked on the parties line, would take the sheet's heading (its contacts).
    The words are looked up where the build found them in the sheet (its `docnum`'s), not searched."""
    marker = state.markers["sheet"]
    sheet = record.get("original_text") or ""
    places = state.vocabulary.sheet(docnum) if sheet and docnum is not None else None
    if places is not None and not marker.found_in(places, words_of(terms), state.vocabulary):
        return None  # (the sheet has none of the words: what the result shows need not be read)
    wanted = terms_not_in(shown(), terms, marker) if sheet else None
    at = best_passage(sheet, terms, marker, among=wanted, places=places, table=state.vocabulary) if wanted else None
    if at is None:
        return None
    start, end = _stretch(sheet, at)
    # cleaned as the index has it, and again once its spaces are collapsed as the snippet shows them
    # (`Tél : 674 42 48    222 34 65` would read as one number)
    cut = redact_contacts(without_column_heads(sheet, start, end), "")
    html = highlight_located(redact_contacts(" ".join(cut.split()), ""), wanted, marker, headings=_headings(cut))
    if html is None:
        return None
    return ("… " if start > 0 and not html.startswith("… ") else "") + html + \
        (" …" if end < len(sheet) and not html.endswith(" …") else "")


# the column heads of the Mali sheets' actions table as the form prints them (their words: indexer/column_heads.py),
# one or several to a line; the table starts where one of its lines names the actions or the dates
_HEAD = head_words(plural="s", apostrophe="['’]")
_COLUMN_HEAD = f"(?:{'|'.join((*_HEAD, EUROS))})"
_COLUMN_HEADS_LINE = re.compile(rf"[ \t]*{_COLUMN_HEAD}(?:[ \t]+{_COLUMN_HEAD})*[ \t]*$")
# (the dates' head by its word alone: it is found where its optional « et » would be, and the search, which
# only asks whether a head is there, runs 20 times faster: an optional start made each « e » of the text a try)
_TABLE_HEAD = re.compile(f"{_HEAD.actions}|{PERIODICITY}")
_HEADS_AROUND = 300  # characters looked at before the passage for the head it starts inside


def without_column_heads(sheet: str, start: int, end: int) -> str:
    """sheet[start:end] with the column heads of an actions table in it (or cut by its start)
    blanked, the lines kept: form furniture, not the sheet's text, which a snippet showed before
    the table's first row (`… réalisées Date de début et périodicité Budget Eau et assainissement
    - Creusement d’un puits …`, Dourdan-Troumgoumbé, l.6124-6131). A line of heads counts only
    in a run of such lines (blank ones between) that names the actions or the dates: a Moroccan
    project's `Budget` alone above its amount is its section's label and stays."""
    lo = sheet.rfind("\n", 0, max(0, start - _HEADS_AROUND)) + 1
    hi = sheet.find("\n", end)  # whole lines: a head cut by the passage's end is read whole
    around = sheet[lo:len(sheet) if hi < 0 else hi]
    if not _TABLE_HEAD.search(around):  # no run of heads here can name the actions or the dates
        return sheet[start:end]
    out: list[str] = []
    run: list[str] = []
    for line in around.split("\n"):
        if _COLUMN_HEADS_LINE.match(line):
            run.append(line)
        elif line.strip() or not run:
            out.extend(_blanked(run))
            run = []
            out.append(line)
        else:
            run.append(line)  # a blank line inside the heads
    out.extend(_blanked(run))
    return "\n".join(out)[start - lo:end - lo]


def _blanked(run: list[str]) -> list[str]:
    """A run of head lines, blanked when it heads an actions table (their lengths kept)."""
    if not any(_TABLE_HEAD.search(x) for x in run):
        return run
    return [" " * len(x) for x in run]


def _headings(text: str) -> list[str]:
    """The lines of `text` written in capitals, their spaces collapsed: the sheets' headings
    (`CULTURE, ÉDUCATION, SOCIÉTÉ CIVILE`, `JEUNESSE`). Not a line with a digit or an @ (an
    address's, a phone's), nor a name in capitals on a line with others in small letters (a
    contact's `Jean BOURGES`, which a search blind to case marked instead of the headings)."""
    return [" ".join(line.split()) for line in text.split("\n")
            if line.isupper() and "@" not in line and not _DIGIT.search(line)
            and sum(c.isalpha() for c in line) > 1]


_DIGIT = re.compile(r"\d")


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


def parties_line(state: IndexState, partnership: Mapping, terms: Mapping[str, Collection] | None,
                 stored: tuple[str, str, str] | None = None) -> dict:
    """The parties line of a result as the page shows it, in HTML with the words the query matched
    in the names and places marked: each side's `name` and `place` (« subdivision, région »), and
    the `countries`. A partner found by its région (`segou`: « San, Ségou ») had no mark at all.
    `stored`: the line as the build stored it, with its two folded forms (indexer.partiesline)."""
    has = [bool(partnership.get("french_party")), bool(partnership.get("partner_party"))]
    # each field's texts marked at once, one a line; both at once when the two fields ask the same
    # words of the same analyzer (nearly always: a query's words are looked for in both)
    if terms is not None and terms.get("parties") == terms.get("places") \
            and state.markers["parties"] is state.markers["places"]:
        if stored is not None:
            lines = _marked_text(state, stored[0], "places", terms, stored[1:])
        else:
            names, places, countries = party_texts(partnership)
            lines = _marked_lines(state, [*names, *places, countries], "places", terms)
        marked_names, marked_places = lines[:2], lines[2:]
    else:
        names, places, countries = party_texts(partnership)
        marked_names = _marked_lines(state, names, "parties", terms)
        marked_places = _marked_lines(state, [*places, countries], "places", terms)
    return {"french_party": {"name": marked_names[0], "place": marked_places[0]} if has[0] else None,
            "partner_party": {"name": marked_names[1], "place": marked_places[1]} if has[1] else None,
            "countries": marked_places[2]}


def _marked_lines(state: IndexState, texts: list[str], field: str, terms: Mapping[str, Collection] | None) -> list[str]:
    """`texts` in HTML, the words `field`'s terms match marked (escaped only without `terms`), in
    one pass: apart by more than a phrase's gap, no phrase is found across two of them."""
    return _marked_text(state, line_text(texts), field, terms)


def _marked_text(state: IndexState, text: str, field: str, terms: Mapping[str, Collection] | None,
                 folded: tuple[str, str] | None = None) -> list[str]:
    """_marked_lines of the texts `line_text` joined; `folded`: the text's folded_forms, when stored."""
    wanted = terms.get(field, set()) if terms is not None else set()
    if not wanted or not _may_hold(folded or folded_forms(text), words_of(wanted)):
        return escape(text, quote=False).split(APART)
    return mark_all(text, wanted, state.markers[field]).split(APART)


_SAINT = re.compile(r"\bste?\b")


def _may_hold(folded: tuple[str, str], words: frozenset[str]) -> bool:
    """False when no word of the names analyzer (folding, no stems) can be in a text whose
    folded_forms are `folded`: each of its words is a piece of the folded text, or of it without
    spaces and signs (a compound joined, `rhonealpes`), but `saint`, which `St` becomes. Most
    results' names have none of a topic's words: marking them, by tokens, cost a cold request
    ~0.3 ms."""
    text, joined = folded
    return any(w in text or w in joined or (w.startswith("saint") and _SAINT.search(text)) for w in words)


def marked_title(state: IndexState, title: str, terms: Mapping[str, Collection] | None) -> str:
    """A result's title in HTML, the words the query matched in it marked. Every word of a title
    is in the word tables (the build reads the titles for them): a title in which none of the
    tables' words the terms mark is written has no mark, and is not tokenized (most have none)."""
    if terms is None:
        return escape(title, quote=False)
    wanted, marker = terms.get("title", set()), state.markers["title"]
    if wanted and marker.table is not None:  # (the analyzer of the tables, which are the generation's)
        forms = marker.marked_words(words_of(wanted), state.vocabulary)
        if len(forms) <= _FORMS_LOOKED_FOR and not any(map(title.__contains__, forms)):
            return escape(title, quote=False)
    return mark_all(title, wanted, marker)
