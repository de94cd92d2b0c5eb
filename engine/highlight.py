"""Snippets with the matched words in <mark>, everything else HTML-escaped.

A word is marked when the field's own analyzer (the one the index used for
that field) turns it into one of the query's terms for that field, so what
is highlighted is what matched: `école` marks `écoles`, `Ecole` and the
`école` of `l'école` (not the elided article), a compound is marked when one
of its parts matched, and a stop word never is. Each distinct word is
analysed once and remembered (a `FieldMarker` per analyzer, shared by the
fields and the index generations that have an equal one); scanning a text is
then the field's tokenizer and one dictionary look-up per word. A long text not
in the word tables (a result's whole sheet) is searched for the tables' forms as
strings instead (`locate`), and only its passage is shown. Every piece of text is
escaped: a `<script>` in a source file or in the query comes out inert.
"""
from __future__ import annotations

import copy
import threading
from collections.abc import Collection, Mapping
from functools import lru_cache
from html import escape
from operator import itemgetter

from whoosh import query as Q

from analyzers import french_analyzer
from analyzers.filters import ElisionFilter, elide
from analyzers.tokenizers import APOSTROPHES, HYPHENS, normalize_token
from analyzers.wordtables import WordPlaces, found_apart, marked_term as pick
from indexer.partiesline import PHRASE_GAP
from indexer.schema import NAME_FIELDS

SNIPPET_CHARS = 220
WORD_CACHE = 200_000  # distinct words remembered per field


@lru_cache(maxsize=65536)  # once per distinct marked word
def kept_part(word: str) -> tuple[int, int]:
    """(start, end) in `word`, as the tokenizer cut it, of what the analyzer keeps of it: not its
    elided article (`l’école`, `d'eau`, `qu’il`, `jusqu’à`, with any apostrophe: filters.elide) nor
    a trailing apostrophe (« -école` », a backtick closing a quote), both of which the mark took in:
    `<mark>l’école</mark>`, `<mark>école`</mark>`. (normalize_token keeps the word's length.)"""
    written = normalize_token(word)
    kept = elide(written)
    at = written.find(kept) if kept else -1
    return (at, at + len(kept)) if at >= 0 else (0, len(word))


class FieldMarker:
    """Finds the words of a text that a field's query terms match."""

    def __init__(self, analyzer):
        self.analyzer = analyzer
        # the analyzer's tokenizer gives the words and where they are
        self.tokenizer = analyzer.items[0] if hasattr(analyzer, "items") else analyzer
        self._keys: dict[str, frozenset[str]] = {}
        # a generation's word tables (analyzers.wordtables), whose word terms
        # this analyzer made when the index was built: taken instead of
        # analysing new words (any generation's: the analyzer is the same)
        self.table = None
        # (table, terms) -> the words those terms mark: asked once for all the
        # snippets of a request
        self._marked: dict[tuple, tuple] = {}
        # an analyzer that drops elided articles: its marks leave them out (kept_part)
        self.elides = any(isinstance(f, ElisionFilter) for f in getattr(analyzer, "items", ()))

    def bounds(self, word: str) -> tuple[int, int]:
        """Where the mark of `word` starts and ends within it (kept_part, when the analyzer elides)."""
        return kept_part(word) if self.elides else (0, len(word))

    def keys(self, word: str) -> frozenset[str]:
        """The terms the index holds for `word` in this field (cached)."""
        keys = self._keys.get(word)
        if keys is None:
            try:
                keys = frozenset(t.text for t in self.analyzer(word))
            except Exception:  # noqa: BLE001  an analyzer fault must not cost the snippet
                keys = frozenset()
            if len(self._keys) < WORD_CACHE:
                self._keys[word] = keys
        return keys

    def matches(self, text: str, terms: frozenset[str]) -> list[tuple[int, int, str]]:
        """(start, end, term) of every word of `text` that a term matches."""
        pattern = getattr(self.tokenizer, "pattern", None)
        if pattern is None:  # any tokenizer: through its tokens
            found = []
            for t in self.tokenizer(text, chars=True):
                word, start = text[t.startchar:t.endchar], t.startchar
                keys = self.keys(word)
                if keys and not keys.isdisjoint(terms):
                    a, b = self.bounds(word)
                    found.append((start + a, start + b, pick(keys & terms)))
            return found
        # A regex tokenizer (the hot path): the text's words and where they start, in one
        # pass of the tokenizer (a second, for the places of the words marked, cost the
        # three quarters of texts with one as much as the first: the pattern is slow), each
        # distinct word looked up once (texts repeat their words).
        tokens = [(m.group(), m.start()) for m in pattern.finditer(text)]
        marked = self.marked_in({w for w, _ in tokens}, terms)
        if not marked:
            return []
        return [(s + marked[w][1], s + marked[w][2], marked[w][0]) for w, s in tokens if w in marked]

    def marked_in(self, distinct: set[str], terms: frozenset[str]) -> dict[str, tuple[str, int, int]]:
        """Those of the words `distinct` that `terms` mark, each with the term it is marked for
        and where its mark starts and ends within it; the new words' terms are taken from
        the generation's table."""
        get, keys_of = self._keys.get, self.keys
        table = self.table
        if table is not None and len(self._keys) < WORD_CACHE:
            missing = [w for w in distinct if w not in self._keys]
            if missing:
                self._keys.update(table.terms_of(missing))
        marked: dict[str, tuple[str, int, int]] = {}
        for token in distinct:
            known = get(token)
            token_keys = known if known is not None else keys_of(token)
            if token_keys and not token_keys.isdisjoint(terms):
                marked[token] = (pick(token_keys & terms), *self.bounds(token))
        return marked

    def marked_words(self, terms: frozenset[str], table) -> dict[str, str]:
        """The words of `table` that `terms` mark, with the term each is marked for: asked of the
        table once for all the texts of a request (the term sets of the last requests are kept)."""
        key = (id(table), terms)
        entry = self._marked.get(key)
        if entry is not None and entry[0] is table:  # (the table is kept: its id stays its own)
            return entry[1]
        marked = table.marked_words(terms)
        if len(self._marked) >= 16:
            try:  # (another thread may insert meanwhile: a lost eviction is harmless)
                self._marked.pop(next(iter(self._marked)), None)
            except (RuntimeError, StopIteration):
                pass
        self._marked[key] = (table, marked)
        return marked

    def matches_at(self, places: Mapping[str, list[int]], terms: frozenset[str], table) -> list[tuple[int, int, str]]:
        """What `matches` finds in a text whose words and their starts are given
        (`places`), all of them in `table` (a generation's word tables, made
        from the same text): the words `terms` mark are asked of the table once
        for all the texts of a request, then each text is one set intersection."""
        marked = self.marked_words(terms, table)
        common = places.common(marked) if hasattr(places, "common") else places.keys() & marked.keys()
        if not common:  # (most texts of a page)
            return []
        found = []
        for word in common:
            term = marked[word]
            a, b = self.bounds(word)
            found += [(s + a, s + b, term) for s in places[word]]
        found.sort()
        return found

    def found_in(self, places: WordPlaces, terms: frozenset[str], table) -> bool:
        """Whether a text whose words' `places` the build stored with `table` (a sheet's) has a
        word `terms` mark: `locate` would find one there."""
        return bool(terms and places.common(self.marked_words(terms, table)))

    def locate(self, text: str, terms: frozenset[str], only: Collection[str] | None = None,
               places: Mapping[str, list[int]] | None = None, table=None) -> list[tuple[int, int, str]]:
        """Roughly what `matches` finds (of the terms in `only`, when given), for the words the
        generation's tables know (their forms in bodies and titles), each looked for in `text` as a
        string rather than by tokenizing it: where in a long text not in the tables (a whole sheet)
        the passage to show is, so that only that passage is tokenized ([] without tables). The
        forms are those `matches_at` asked the tables for the same terms. Not a regular expression
        of the forms: compiling one per request cost more than the search. `places`: where the
        tables' words stand in `text`, as the build stored them for a sheet (wordtables.Locator
        finds them as this search does), looked up rather than searched; `table`: the tables of
        the text's generation, when another's may be this marker's."""
        table = self.table if table is None else table
        if table is None or not terms:
            return []
        found = []
        marked = self.marked_words(terms, table)
        common = places.common(marked) if isinstance(places, WordPlaces) else None
        for form, term in marked.items():
            if only is not None and term not in only:
                continue
            if places is None:
                if form not in text:  # (most are not: no call for them)
                    continue
                starts = found_apart(text, form)
            elif common is None or form in common:
                starts = places.get(form) or []
            else:
                continue
            a, b = self.bounds(form)
            found += [(at + a, at + b, term) for at in starts]
        return _apart(found)


def _apart(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans in text order, none inside another: two forms found at one place (`L’adduction` and
    `adduction`, `Rhône` and `Rhône-Alpes`) are one mark, the longest."""
    out: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda x: (x[0], -x[1])):
        if out and span[0] < out[-1][1]:
            continue
        out.append(span)
    return out


_SHARED: list[FieldMarker] = []  # one per distinct analyzer, kept across index generations
_SHARED_LOCK = threading.Lock()


def marker_for(analyzer) -> FieldMarker:
    """The marker of an analyzer equal to `analyzer` (a rebuilt index has equal
    analyzers: its words need not be analysed again), made on first use."""
    with _SHARED_LOCK:
        for marker in _SHARED:
            if marker.analyzer == analyzer:
                return marker
        marker = FieldMarker(analyzer)
        _SHARED.append(marker)
        return marker


class Markers(dict[str, FieldMarker]):
    """The FieldMarker of each field of a schema, found on first use (fields
    with equal analyzers share one, and its word cache). `words`: the
    generation's word tables (analyzers.wordtables), whose terms were made by
    the French analyzer for the words of bodies and titles. A dict, filled by
    `__missing__`: a page asks it for a field's marker for every text it marks."""

    def __init__(self, schema, words=None):
        super().__init__()
        self.schema = schema
        self.words = words
        self._own: dict[int, FieldMarker] = {}  # id of a shared marker -> this generation's copy

    def __missing__(self, fieldname: str) -> FieldMarker:
        analyzer = self.schema[fieldname].analyzer
        marker = marker_for(analyzer)
        if self.words is not None and analyzer == french_analyzer():
            # this generation's own, holding its tables: they were set on the shared marker by
            # whichever generation asked last, and another's words were looked for in this one's
            # sheets (the word caches stay shared, and fields with equal analyzers one copy)
            own = self._own.get(id(marker))  # (the shared markers live as long as the process)
            if own is None:
                own = self._own[id(marker)] = copy.copy(marker)
                own.table = self.words
            marker = own
        self[fieldname] = marker
        return marker



def terms_by_field(query, markers=None) -> dict[str, frozenset]:
    """What each field's words are marked for: a word's term (a str), or a phrase's terms in order
    (a tuple), whose words are marked only where they stand together: an expansion `groupe
    scolaire` of `école` marked every `groupe`, and the snippet went to a « groupe de
    coordination ». A phrase's words joined are a word's term too: a hyphenated word is a phrase
    of its parts, and the analyzer gives a compound its joined form (`St-Étienne`: `saintetien`).
    What the query excludes (`-puits`) marks nothing. With the fields' `markers`, a phrase whose
    words the query also asks for alone in the names marks them alone too (_asked_in_names)."""
    out: dict[str, set] = {}

    def walk(q) -> None:
        if isinstance(q, Q.Not):
            return
        if isinstance(q, Q.Phrase):
            words = tuple(w.decode("utf-8", "replace") if isinstance(w, bytes) else w for w in q.words)
            out.setdefault(q.fieldname, set()).update({words, "".join(words)} if len(words) > 1 else {words[0]})
        elif isinstance(q, Q.Term):
            text = q.text.decode("utf-8", "replace") if isinstance(q.text, bytes) else q.text
            out.setdefault(q.fieldname, set()).add(text)
        else:
            for child in q.children():
                walk(child)
    if query is not None:
        try:
            walk(query)
        except Exception:  # noqa: BLE001  a query that cannot list its terms gets plain snippets
            return {}
    if markers is not None:
        _asked_in_names(out, markers)
    return {field: frozenset(terms) for field, terms in out.items()}


def _asked_in_names(terms: dict[str, set], markers) -> None:
    """Adds, as words of their own, the words of each phrase of `terms` that the query also asks
    for alone in the names (parties, places), as each field's analyzer makes them. A hyphen no
    record writes (`Evry-Kayes`) is a phrase in every field but also its parts each anywhere in
    the names (querybuild._pair_of_names): the result it found by its names (« … d'Evry Centre
    Essonne – Commune de Kayes », whose text says « la ville de Kayes ») had no mark at all."""
    alone = {t for f in NAME_FIELDS for t in terms.get(f, ()) if isinstance(t, str)}
    made: dict[int, set[str]] = {}  # a marker's terms of `alone` (the French fields share one)
    for field, field_terms in terms.items():
        phrases = [t for t in field_terms if not isinstance(t, str)]
        if not alone or not phrases:
            continue
        marker = markers[field]
        as_field = made.get(id(marker))
        if as_field is None:
            as_field = made[id(marker)] = {k for word in alone for k in marker.keys(word)}
        for phrase in phrases:
            if all(word in as_field for word in phrase):
                field_terms.update(phrase)


def words_of(terms: Collection) -> frozenset[str]:
    """Every term a word may be marked for: the words' and the phrases' (terms_by_field)."""
    return _frozen_words(terms if isinstance(terms, frozenset) else frozenset(terms))


@lru_cache(maxsize=64)  # a request marks many texts for the same terms
def _frozen_words(terms: frozenset) -> frozenset[str]:
    return frozenset(w for t in terms for w in ((t,) if isinstance(t, str) else t))


def terms_not_in(text: str, terms: Collection, marker: FieldMarker) -> frozenset:
    """`terms` but the words that match a word of `text` (phrases are kept)."""
    seen = {term for _, _, term in marker.matches(text, words_of(terms))} if text and terms else set()
    return frozenset(t for t in terms if t not in seen)


def _in_phrases(spans: list[tuple[int, int, str]], terms: Collection) -> list[tuple[int, int, str]]:
    """The `spans` of words marked for themselves, and of the words of a phrase of `terms` found
    in order, each within PHRASE_GAP characters of the last."""
    if not spans:
        return spans
    free, phrases = _free_and_phrases(terms if isinstance(terms, frozenset) else frozenset(terms))
    if not phrases or free.issuperset(map(_TERM, spans)):
        return spans
    keep = [term in free for _, _, term in spans]
    for phrase in phrases:
        n, first = len(phrase), phrase[0]
        for i in range(len(spans) - n + 1):  # (most spans start no phrase: its first word is looked at first)
            if spans[i][2] == first and all(spans[i + k][2] == phrase[k] for k in range(1, n)) and all(
                    spans[i + k][0] - spans[i + k - 1][1] <= PHRASE_GAP for k in range(1, n)):
                keep[i:i + n] = [True] * n
    return [s for s, kept in zip(spans, keep, strict=True) if kept]


_TERM = itemgetter(2)  # a span's term


@lru_cache(maxsize=64)  # a request's texts are marked for the same terms
def _free_and_phrases(terms: frozenset) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """The words of `terms` marked for themselves, and its phrases."""
    return frozenset(t for t in terms if isinstance(t, str)), tuple(t for t in terms if not isinstance(t, str))


def _render(text: str, start: int, end: int, spans) -> str:
    """text[start:end] in HTML, escaped, the `spans` within it marked."""
    out: list[str] = []
    pos = start
    if not _special(text[start:end]):  # (most passages: nothing to escape)
        for s, e, _ in spans:
            if s < start or e > end:
                continue
            out += (text[pos:s], "<mark>", text[s:e], "</mark>")
            pos = e
        out.append(text[pos:end])
        return "".join(out)
    for s, e, _ in spans:
        if s < start or e > end:
            continue
        out.append(escape(text[pos:s], quote=False))
        out.append("<mark>" + escape(text[s:e], quote=False) + "</mark>")
        pos = e
    out.append(escape(text[pos:end], quote=False))
    return "".join(out)


def _special(text: str) -> bool:
    """Whether `text` has a character html.escape(quote=False) replaces: three string searches,
    not a regular expression's class, which cost a passage ~12,000 instructions (nine times theirs)."""
    return "&" in text or "<" in text or ">" in text


def highlight(text: str | None, terms, marker: FieldMarker, limit: int = SNIPPET_CHARS,
              places: Mapping[str, list[int]] | None = None, table=None) -> str | None:
    """The passage of `text` (about `limit` characters) holding the most
    distinct matched terms, with marks; None when no word matches. `places`:
    the text's words and where they start, as `table` (the word tables of the
    generation the text comes from) keeps them with the text, whose spaces are
    then collapsed already."""
    if not text or not terms:
        return None
    if places is None or table is None or marker.table is None:  # (None: not the tables' analyzer)
        text = " ".join(text.split())
        spans = marker.matches(text, words_of(terms))
    else:
        spans = marker.matches_at(places, words_of(terms), table)
    return passage(text, _in_phrases(spans, terms), limit)


def highlight_located(text: str | None, terms, marker: FieldMarker, limit: int = SNIPPET_CHARS,
                      headings: Collection[str] = ()) -> str | None:
    """`highlight` of a short text not in the word tables (a stretch of a sheet), its words found
    by `marker.locate` (the tables' forms looked up as strings) rather than by tokenizing it:
    tokenizing a page's sheet stretches, each word new to a cold process, cost more than the
    search. The words of `headings`, lines of the text written in capitals (`CULTURE, ÉDUCATION`,
    which the tables, made of bodies and titles, seldom have), are tokenized and marked too
    (_heading_spans); a form found inside a compound marks the compound, as `matches` does
    (_whole_words), once the phrases' words are found together."""
    if not text or not terms:
        return None
    text = " ".join(text.split())
    words = words_of(terms)
    spans = marker.locate(text, words)
    if headings:
        spans = _apart(spans + _heading_spans(text, headings, words, marker))
    return passage(text, _whole_words(text, _in_phrases(spans, terms), words, marker), limit)


_JOINERS = frozenset(APOSTROPHES + HYPHENS)  # what joins the parts of a word (`Ile-de-France`, `l'eau`)


def _whole_words(text: str, spans: list[tuple[int, int, str]], words: frozenset[str],
                 marker: FieldMarker) -> list[tuple[int, int, str]]:
    """`spans` found by `locate` inside a longer word of `text` widened to the word (those in one
    word, one span), marked for its own terms, as `matches` marks a word: `Ile` and `France`,
    which the tables know alone, were marked apart in a sheet's « Ile-de-France », which a body
    marks whole."""
    if not any((s and text[s - 1] in _JOINERS) or (e < len(text) and text[e] in _JOINERS) for s, e, _ in spans):
        return spans
    pattern = getattr(marker.tokenizer, "pattern", None)
    if pattern is None:
        return spans
    tokens = [(m.start(), m.group()) for m in pattern.finditer(text)]
    out: list[tuple[int, int, str]] = []
    i = 0
    for span in spans:
        while i < len(tokens) and tokens[i][0] + len(tokens[i][1]) <= span[0]:
            i += 1
        if i == len(tokens) or tokens[i][0] > span[0]:
            out.append(span)
            continue
        start, word = tokens[i]
        a, b = marker.bounds(word)
        keys = marker.keys(word) & words
        whole = (start + a, start + b, pick(keys)) if keys else span
        if not out or out[-1] != whole:
            out.append(whole)
    return _apart(out)


def _heading_spans(text: str, headings: Collection[str], words: frozenset[str],
                   marker: FieldMarker) -> list[tuple[int, int, str]]:
    """The words `words` mark in the capitals' lines `headings` where they stand in `text` (their
    spaces collapsed), as `matches` marks them. A heading found in the text more often than it is
    a line of it (the same capitals elsewhere: a name in a contact's line) marks nothing."""
    pattern = getattr(marker.tokenizer, "pattern", None)
    if pattern is None:
        return []
    spans = []
    for heading in set(headings):
        at = found_apart(text, heading)
        if len(at) != sum(h == heading for h in headings):
            continue
        for m in pattern.finditer(heading):
            keys = marker.keys(m.group()) & words
            if keys:
                a, b = marker.bounds(m.group())
                spans += [(p + m.start() + a, p + m.start() + b, pick(keys)) for p in at]
    return spans


def passage(text: str, spans: list[tuple[int, int, str]], limit: int = SNIPPET_CHARS) -> str | None:
    """The passage of `text` (about `limit` characters) holding the most distinct terms of
    `spans`, with marks; None without spans."""
    if not spans:
        return None
    best = _best_window(spans, limit)
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


def _best_window(spans: list[tuple[int, int, str]], limit: int) -> int:
    """The span starting the window of `limit` characters with the most distinct terms, then the
    most matches. A window starting at each match; the window slides (spans are in text order),
    so a text with many matches costs a pass over them, not one per match."""
    if len(spans) == 1:
        return 0
    best, best_score = 0, -1
    in_window: dict[str, int] = {}  # term -> matches of it in spans[i:j]
    j, n = 0, len(spans)
    for i, (s, _, term) in enumerate(spans):
        j = max(j, i)
        while j < n and spans[j][0] < s + limit:
            in_window[spans[j][2]] = in_window.get(spans[j][2], 0) + 1
            j += 1
        score = len(in_window) * 10 + (j - i)
        if score > best_score:
            best, best_score = i, score
        if j > i:  # span i leaves the window
            if in_window[term] == 1:
                del in_window[term]
            else:
                in_window[term] -= 1
    return best


def best_passage(text: str, terms, marker: FieldMarker, among=None, limit: int = SNIPPET_CHARS,
                 places: Mapping[str, list[int]] | None = None, table=None) -> int | None:
    """Where in a long `text` its passage with the most of `terms` (those `among`, when given)
    starts, found by `marker.locate` (the word tables' forms, or their `places` in the text, when
    stored with `table`) rather than by tokenizing the text: the whole sheets of a page, tokenized, cost more
    than its search; `highlight_located` then marks the passage only. None when no word is found."""
    wanted = terms if among is None else among
    spans = _in_phrases(marker.locate(text, words_of(terms), words_of(wanted), places, table), wanted)
    return spans[_best_window(spans, limit)][0] if spans else None


def mark_all(text: str | None, terms, marker: FieldMarker) -> str:
    """The whole (short) text with every match marked: for titles and names."""
    if not text:
        return ""
    spans = _in_phrases(marker.matches(text, words_of(terms)), terms) if terms else []
    return _render(text, 0, len(text), spans) if spans else escape(text, quote=False)


def plain_snippet(text: str | None, limit: int = SNIPPET_CHARS, collapsed: bool = False) -> str:
    """The start of a text, escaped, cut at a word boundary; `collapsed`: its spaces are already
    collapsed (a body from the word tables), and collapsing again would change nothing."""
    if not text:
        return ""
    if not collapsed:
        text = " ".join(text.split())
    if len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        text = text[: cut if cut > limit // 2 else limit] + " …"
    return escape(text, quote=False)
