"""Snippets with the matched words in <mark>, everything else HTML-escaped.

A word is marked when the field's own analyzer (the one the index used for
that field) turns it into one of the query's terms for that field, so what
is highlighted is what matched: `école` marks `écoles`, `Ecole` and
`l'école`, a compound is marked when one of its parts matched, and a stop
word never is. Each distinct word is analysed once and remembered (a
`FieldMarker` per analyzer, shared by the fields and the index generations
that have an equal one); scanning a text is then the field's tokenizer and
one dictionary look-up per word. Every piece of text is
escaped: a `<script>` in a source file or in the query comes out inert.
"""
from __future__ import annotations

import threading
from collections.abc import Collection, Mapping
from html import escape

from whoosh import query as Q

from analyzers import french_analyzer
from analyzers.wordtables import marked_term as pick

SNIPPET_CHARS = 220
WORD_CACHE = 200_000  # distinct words remembered per field
PHRASE_GAP = 16  # characters between two words of a phrase: a stop word and a short word (the phrases' slop)


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
        found = []
        get, keys_of = self._keys.get, self.keys
        pattern = getattr(self.tokenizer, "pattern", None)
        if pattern is None:  # any tokenizer: through its tokens
            words = [(text[t.startchar:t.endchar], t.startchar, t.endchar)
                     for t in self.tokenizer(text, chars=True)]
            for word, start, end in words:
                keys = keys_of(word)
                if keys and not keys.isdisjoint(terms):
                    found.append((start, end, pick(keys & terms)))
            return found
        # A regex tokenizer (the hot path): one scan for the words and where
        # they are, then each distinct word looked up once (texts repeat their
        # words), its terms taken from the generation's table when it is new.
        tokens = [(m.group(), m.start(), m.end()) for m in pattern.finditer(text)]
        distinct = {w for w, _, _ in tokens}
        table = self.table
        if table is not None and len(self._keys) < WORD_CACHE:
            missing = [w for w in distinct if w not in self._keys]
            if missing:
                self._keys.update(table.terms_of(missing))
        marked: dict[str, str] = {}
        for token in distinct:
            known = get(token)
            token_keys = known if known is not None else keys_of(token)
            if token_keys and not token_keys.isdisjoint(terms):
                marked[token] = pick(token_keys & terms)
        if marked:
            found = [(start, end, marked[w]) for w, start, end in tokens if w in marked]
        return found

    def matches_at(self, places: Mapping[str, list[int]], terms: frozenset[str], table) -> list[tuple[int, int, str]]:
        """What `matches` finds in a text whose words and their starts are given
        (`places`), all of them in `table` (a generation's word tables, made
        from the same text): the words `terms` mark are asked of the table once
        for all the texts of a request, then each text is one set intersection."""
        key = (id(table), terms)
        entry = self._marked.get(key)
        if entry is not None and entry[0] is table:  # (the table is kept: its id stays its own)
            marked = entry[1]
        else:
            marked = table.marked_words(terms)
            if len(self._marked) >= 16:  # the term sets of the last requests
                self._marked.pop(next(iter(self._marked)), None)
            self._marked[key] = (table, marked)
        found = []
        common = places.common(marked.keys()) if hasattr(places, "common") else places.keys() & marked.keys()
        for word in common:
            term = marked[word]
            found += [(s, s + len(word), term) for s in places[word]]
        found.sort()
        return found


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


class Markers:
    """The FieldMarker of each field of a schema, found on first use (fields
    with equal analyzers share one, and its word cache). `words`: the
    generation's word tables (analyzers.wordtables), whose terms were made by
    the French analyzer for the words of bodies and titles."""

    def __init__(self, schema, words=None):
        self.schema = schema
        self.words = words
        self._by_field: dict[str, FieldMarker] = {}

    def __getitem__(self, fieldname: str) -> FieldMarker:
        marker = self._by_field.get(fieldname)
        if marker is None:
            analyzer = self.schema[fieldname].analyzer
            marker = self._by_field[fieldname] = marker_for(analyzer)
            if self.words is not None and analyzer == french_analyzer():
                marker.table = self.words
        return marker



def terms_by_field(query) -> dict[str, set]:
    """What each field's words are marked for: a word's term (a str), or a phrase's terms in order
    (a tuple), whose words are marked only where they stand together: an expansion `groupe
    scolaire` of `école` marked every `groupe`, and the snippet went to a « groupe de
    coordination ». A phrase's words joined are a word's term too: a hyphenated word is a phrase
    of its parts, and the analyzer gives a compound its joined form (`St-Étienne`: `saintetien`).
    What the query excludes (`-puits`) marks nothing."""
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
    return out


def _words(terms: Collection) -> frozenset[str]:
    """Every term a word may be marked for: the words' and the phrases' (terms_by_field)."""
    return frozenset(w for t in terms for w in ((t,) if isinstance(t, str) else t))


def _in_phrases(spans: list[tuple[int, int, str]], terms: Collection) -> list[tuple[int, int, str]]:
    """The `spans` of words marked for themselves, and of the words of a phrase of `terms` found
    in order, each within PHRASE_GAP characters of the last."""
    free = {t for t in terms if isinstance(t, str)}
    phrases = [t for t in terms if not isinstance(t, str)]
    if not phrases or all(term in free for _, _, term in spans):
        return spans
    keep = [term in free for _, _, term in spans]
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(spans) - n + 1):
            if all(spans[i + k][2] == phrase[k] for k in range(n)) and all(
                    spans[i + k][0] - spans[i + k - 1][1] <= PHRASE_GAP for k in range(1, n)):
                keep[i:i + n] = [True] * n
    return [s for s, kept in zip(spans, keep, strict=True) if kept]


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
        spans = marker.matches(text, _words(terms))
    else:
        spans = marker.matches_at(places, _words(terms), table)
    spans = _in_phrases(spans, terms)
    if not spans:
        return None
    # A window starting at each match, scored by its distinct terms, then its
    # matches; the window slides (spans are in text order), so a text with
    # many matches costs a pass over them, not one per match.
    best, best_score = 0, -1
    in_window: dict[str, int] = {}  # term -> matches of it in spans[i:j]
    j = 0
    for i, (s, _, term) in enumerate(spans):
        j = max(j, i)
        while j < len(spans) and spans[j][0] < s + limit:
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


def mark_all(text: str | None, terms, marker: FieldMarker) -> str:
    """The whole (short) text with every match marked: for titles and names."""
    if not text:
        return ""
    spans = _in_phrases(marker.matches(text, _words(terms)), terms) if terms else []
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
