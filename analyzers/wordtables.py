"""The words of an index generation, computed when it is built and stored in
it (`words.sqlite`), so that a search process never computes them: opening
the file reads nothing, each lookup is one indexed query.

- `vocabulary`: every word as written (folded, unstemmed, the spelling
  analyzer's) with its document frequency: whether a query word is known, and
  what the speller may suggest;
- `deletes`: the speller's symmetric-delete table (analyzers.spelling), a
  second of work at every start when it was built in memory;
- `terms` (and `term_words`, the other way round): each distinct word of the
  bodies (as snippets show them) and titles with the terms the French
  analyzer makes of it: what the highlighter marks, without analysing every
  word it shows the first time it meets it;
- `bodies`: each document's body as snippets show it (spaces collapsed) with
  where each of its words starts, so that a snippet finds its words without
  running the tokenizer over the text.

The build analyses each distinct token once for the whole corpus (the
filters work token by token, so a text's words are the union of its tokens'
words): the texts are not analysed a second time.
"""
from __future__ import annotations

import re
import sqlite3
import threading
from array import array
from collections.abc import Callable, Collection, Mapping
from pathlib import Path

from .chains import french_analyzer, spelling_analyzer
from .folding import fold_text
from .indexing import plan_for
from .spelling import MAX_DISTANCE, delete_keys, speller_terms
from .tokenizers import TOKEN_RE

_CHUNK = 500  # parameters per query, well under SQLite's bound
_OFFSET = "I"  # a word's start in a body, as stored (4 bytes on the platforms the index is built on)
_TERMS_KEPT = 50_000  # terms whose words marked_words keeps
_FEW = 24  # words looked for in a body's word list as a string (WordPlaces.common)


def count_vocabulary(documents, apart: int | None = None, elsewhere: set[str] | None = None) -> dict[str, int]:
    """Document frequency of every word the spelling analyzer yields, for
    `documents` (each an iterable of texts); `elsewhere`, when given, gets the
    words of every text but the one at index `apart` of each document."""
    words = _words_of(spelling_analyzer())
    words_of: dict[str, tuple[str, ...]] = {}
    df: dict[str, int] = {}
    for texts in documents:
        doc_words: set[str] = set()
        for i, text in enumerate(texts):
            if not text:
                continue
            seen: set[str] = set()
            for raw in set(TOKEN_RE.findall(text)):
                found = words_of.get(raw)
                if found is None:
                    found = words_of[raw] = tuple(words(raw))
                seen.update(found)
            doc_words |= seen
            if elsewhere is not None and i != apart:
                elsewhere |= seen
        for w in doc_words:
            df[w] = df.get(w, 0) + 1
    return df


def word_terms(texts) -> dict[str, frozenset[str]]:
    """Each distinct word (as the French tokenizer cuts it) of `texts`, with the
    terms the French analyzer gives it alone, as the highlighter asks it."""
    words = _words_of(french_analyzer())
    out: dict[str, frozenset[str]] = {}
    for text in texts:
        if text:
            for raw in set(TOKEN_RE.findall(text)):
                if raw not in out:
                    out[raw] = frozenset(words(raw))
    return out


def _words_of(analyzer) -> Callable[[str], set[str]]:
    """The set of words `analyzer` makes of a text: its indexing plan's
    (analyzers.indexing: the same words, each distinct token's filtered once)
    when it has one, else its token stream's."""
    plan = plan_for(analyzer)
    if plan is None:
        return lambda text: {t.text for t in analyzer(text)}
    return lambda text: set(plan.positions(text))


def word_places(text: str) -> dict[str, list[int]]:
    """Each word of `text` (as the French tokenizer cuts it) with the offsets
    where it starts, in increasing order."""
    places: dict[str, list[int]] = {}
    for m in TOKEN_RE.finditer(text):
        places.setdefault(m.group(), []).append(m.start())
    return places


def snippet_source(body: str) -> tuple[str, str, bytes, bytes]:
    """A body as snippets show it, and its words' places as WordPlaces reads
    them: the distinct words (one a line: the text's spaces are collapsed, so
    no word holds a line break), every start of each in turn (unsigned
    32-bit), and where each word's starts end in that array."""
    text = " ".join(body.split())
    return (text, *stored_places(word_places(text)))


def stored_places(places: Mapping[str, list[int]]) -> tuple[str, bytes, bytes]:
    """Words and their starts as WordPlaces reads them (snippet_source); no word holds a line break."""
    starts, bounds = array(_OFFSET), array(_OFFSET)
    for w in places.values():
        starts.extend(w)
        bounds.append(len(starts))
    return "\n".join(places), starts.tobytes(), bounds.tobytes()


_RUN = re.compile(r"[^\W_]+")  # letters and digits: the characters str.isalnum accepts


class Locator:
    """Where the tables' words stand in a text as `FieldMarker.locate` (engine/highlight.py) finds
    them by string search, for the build to store with a sheet: each word's occurrences from left
    to right, each looked for from the end of the last (str.find), kept when no letter or digit
    touches it on either side. A word of letters and digits alone is then exactly a run of them
    (none of its occurrences can hide another), so a pass over the text's runs finds those; a
    word with more (`Rhône-Alpes`, `l'eau`, `15 000`) is looked for as `locate` does, in the texts
    where a run starts with it."""

    def __init__(self, words: Collection[str]):
        self.words = frozenset(words)
        # a compound's first run -> its length -> the compounds: a run met (`l`, `de`) is followed by
        # one of them when the text's next characters are one, a slice looked up for each length
        # (testing each compound there cost the build a second: `l` starts hundreds)
        self._after_run: dict[str, dict[int, set[str]]] = {}
        self._anywhere: list[str] = []  # words not starting with a letter or digit (the tokenizer makes none)
        for w in self.words:
            run = _RUN.match(w)
            if run is None:
                self._anywhere.append(w)
            elif run.end() < len(w):
                self._after_run.setdefault(run.group(), {}).setdefault(len(w), set()).add(w)

    def places(self, text: str) -> dict[str, list[int]]:
        """Each of the words found in `text`, with its starts in increasing order."""
        out: dict[str, list[int]] = {}
        compounds = set(self._anywhere)
        words, after_run = self.words, self._after_run
        for m in _RUN.finditer(text):
            run = m.group()
            if run in words:
                out.setdefault(run, []).append(m.start())
            by_length = after_run.get(run)
            if by_length is not None:
                start = m.start()
                for length, compounds_of_run in by_length.items():
                    if (piece := text[start:start + length]) in compounds_of_run:
                        compounds.add(piece)
        for w in sorted(compounds):
            if starts := found_apart(text, w):
                out[w] = starts
        return out


def found_apart(text: str, word: str) -> list[int]:
    """The starts of `word` in `text` that `FieldMarker.locate` keeps: found left to right, each
    search from the end of the last find, no letter or digit just before or after."""
    out = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and text[at - 1].isalnum()) and not (end < len(text) and text[end].isalnum()):
            out.append(at)
        at = text.find(word, end)
    return out


class MarkedWords(dict):
    """word -> the term it is marked for (WordTables.marked_words), and each word between line
    breaks as WordPlaces keeps it (`lined`: made once for all the texts of a request)."""

    def lined(self) -> dict[str, str]:
        lined = self.__dict__.get("_lined")
        if lined is None:
            lined = self.__dict__["_lined"] = {f"\n{w}\n": w for w in self if w and "\n" not in w}
        return lined


class WordPlaces(Mapping):
    """word -> the offsets where it starts in a body, read from the stored
    arrays only for the words asked for: decoding every word's list of a body
    (a marshalled dict) cost three times what a snippet needs, which is the
    few words the query marks."""

    __slots__ = ("_arrays", "_bounds", "_common", "_list", "_padded", "_starts", "_words")

    def __init__(self, words: str, starts: bytes, bounds: bytes):
        self._words, self._starts, self._bounds = words, starts, bounds
        self._list: list[str] | None = None
        self._padded: str | None = None
        self._arrays: tuple[array, array] | None = None
        self._common: tuple[MarkedWords, set[str]] | None = None  # the last `common` of MarkedWords, and its answer

    def _all(self) -> list[str]:
        if self._list is None:
            self._list = self._words.split("\n") if self._words else []
        return self._list

    def common(self, words: Collection[str]) -> set[str]:
        """Those of `words` the body has: a request's few MarkedWords are looked for in the stored
        list of words as it is, a line each (a string search costs less than splitting the list,
        which many words would need anyway); many are looked up by each of the body's words, a
        dict lookup each rather than a set made of the body's words (a cold request's bodies have
        ~100 words, its marked words ~40). The answer for the last MarkedWords is kept: a sheet is
        asked whether it has the words (FieldMarker.found_in), then where (`locate`). Not to be
        changed by the caller."""
        if isinstance(words, MarkedWords):
            if self._common is not None and self._common[0] is words:
                return self._common[1]
            if len(words) <= _FEW and self._list is None:
                lined = words.lined()
                found = {lined[w] for w in filter(self._lines().__contains__, lined)}
            else:
                found = set(filter(words.__contains__, self._all()))
            self._common = (words, found)
            return found
        return set(self._all()).intersection(words)

    def _lines(self) -> str:
        """The stored words between line breaks, the first and the last too."""
        if self._padded is None:
            self._padded = f"\n{self._words}\n"
        return self._padded

    def __getitem__(self, word: str) -> list[int]:
        if self._list is None:  # its line's number, counted rather than listed
            lines = self._lines()
            at = lines.find(f"\n{word}\n") if word and "\n" not in word else -1
            if at < 0:
                raise KeyError(word)
            i = lines.count("\n", 0, at)
        else:
            try:
                i = self._list.index(word)
            except ValueError:
                raise KeyError(word) from None
        if self._arrays is None:
            self._arrays = (array(_OFFSET, self._starts), array(_OFFSET, self._bounds))
        starts, bounds = self._arrays
        return starts[bounds[i - 1] if i else 0:bounds[i]].tolist()

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def write_tables(path: Path | str, vocabulary: dict[str, int], terms: dict[str, frozenset[str]] | None = None,
                 bodies: list[str] | None = None, unsuggested: Collection[str] = (),
                 lines: Mapping[int, tuple[str, str, str]] | None = None,
                 sheets: Mapping[int, Mapping[str, list[int]]] | None = None) -> None:
    """A new SQLite file at `path` with the vocabulary (word -> document
    frequency), the symmetric-delete table of its speller words but
    `unsuggested` (known words no correction may be), `terms`, and the snippet
    source of `bodies`, by document number; what else a result shows, by
    document number too: the parties `lines` of partnerships, each with its two
    folded forms (indexer.partiesline), and where the tables' words stand in
    the records' `sheets` (Locator)."""
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode = OFF")  # a new file in an unpublished generation
        db.execute("PRAGMA synchronous = OFF")  # the build fsyncs the generation before publishing it
        db.execute("CREATE TABLE vocabulary (word TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID")
        # each speller word with its deletes as the "words" of a full-text row:
        # SQLite's FTS5 builds the delete -> words index in C, three times
        # faster than inserting one row per delete (the empty delete, which
        # only the words of up to MAX_DISTANCE letters have, is left out:
        # `words_under` finds those words by their length)
        db.execute("CREATE VIRTUAL TABLE deletes USING fts5(word UNINDEXED, keys, tokenize='ascii', detail=none)")
        db.execute("CREATE TABLE terms (word TEXT PRIMARY KEY, terms TEXT NOT NULL) WITHOUT ROWID")
        db.execute("CREATE TABLE term_words (term TEXT, word TEXT, PRIMARY KEY (term, word)) WITHOUT ROWID")
        db.execute("CREATE TABLE bodies (docnum INTEGER PRIMARY KEY, body TEXT NOT NULL, words TEXT NOT NULL, "
                   "starts BLOB NOT NULL, bounds BLOB NOT NULL)")
        db.execute("CREATE TABLE lines (docnum INTEGER PRIMARY KEY, line TEXT NOT NULL, folded TEXT NOT NULL, "
                   "joined TEXT NOT NULL)")
        db.execute("CREATE TABLE sheets (docnum INTEGER PRIMARY KEY, words TEXT NOT NULL, starts BLOB NOT NULL, "
                   "bounds BLOB NOT NULL)")
        db.executemany("INSERT INTO vocabulary VALUES (?, ?)", sorted(vocabulary.items()))
        db.executemany("INSERT INTO deletes VALUES (?, ?)",
                       ((w, " ".join(k for k in keys if k))
                        for w, keys in delete_keys(speller_terms(vocabulary, unsuggested))))
        db.execute("INSERT INTO deletes(deletes) VALUES ('optimize')")
        db.executemany("INSERT INTO terms VALUES (?, ?)",
                       ((w, " ".join(sorted(t))) for w, t in sorted((terms or {}).items())))
        db.executemany("INSERT INTO term_words VALUES (?, ?)",
                       sorted((t, w) for w, ts in (terms or {}).items() for t in ts))
        db.executemany("INSERT INTO bodies VALUES (?, ?, ?, ?, ?)",
                       ((d, *snippet_source(b or "")) for d, b in enumerate(bodies or [])))
        db.executemany("INSERT INTO lines VALUES (?, ?, ?, ?)", ((d, *line) for d, line in (lines or {}).items()))
        db.executemany("INSERT INTO sheets VALUES (?, ?, ?, ?)",
                       ((d, *stored_places(places)) for d, places in (sheets or {}).items() if places))
        db.commit()
    finally:
        db.close()


def marked_term(terms: Collection[str]) -> str:
    """The term a word is marked for, of those it has among a query's: the longest (a compound's
    joined form, `saintetien` of `St-Étienne`, which a hyphenated query word asks for whole),
    then the least."""
    if len(terms) == 1:  # nearly always: no key to compute
        return next(iter(terms))
    return min(terms, key=lambda t: (-len(t), t))


class WordTables:
    """A generation's word tables, opened read-only. Safe to share between threads."""

    def __init__(self, path: Path | str):
        self._db = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro&immutable=1", uri=True,
                                   check_same_thread=False)
        self._lock = threading.Lock()
        self._lowercase: dict[str, str] | None = None
        self._term_words: dict[str, list[str]] = {}  # term -> the words it marks (marked_words)
        self.words = self._db.execute("SELECT count(*) FROM vocabulary").fetchone()[0]
        self._db.execute("SELECT 1 FROM deletes LIMIT 1").fetchall()
        self._db.execute("SELECT 1 FROM terms LIMIT 1").fetchall()
        self._db.execute("SELECT 1 FROM bodies LIMIT 1").fetchall()
        self._db.execute("SELECT 1 FROM lines LIMIT 1").fetchall()
        self._db.execute("SELECT 1 FROM sheets LIMIT 1").fetchall()

    def _rows(self, sql: str, keys: list) -> list[tuple]:
        out: list[tuple] = []
        with self._lock:
            for i in range(0, len(keys), _CHUNK):
                chunk = keys[i:i + _CHUNK]
                out += self._db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
        return out

    # -- the speller's, and whether a word is known -------------------------
    def __contains__(self, word: str) -> bool:
        return bool(self._rows("SELECT 1 FROM vocabulary WHERE word IN ({})", [word]))

    def freqs(self, words) -> dict[str, int]:
        return dict(self._rows("SELECT word, df FROM vocabulary WHERE word IN ({})", list(words)))

    def starting_with(self, prefix: str, limit: int) -> tuple[list[str], int]:
        """The words beginning with `prefix` (folded), at most `limit` of them, the most frequent
        first, and how many there are: a truncated query word (`assainiss*`) is these words."""
        if not prefix:
            return [], 0
        bounds = (prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1))  # the words sorting between: the prefix's
        with self._lock:
            total = self._db.execute("SELECT count(*) FROM vocabulary WHERE word >= ? AND word < ?",
                                     bounds).fetchone()[0]
            rows = self._db.execute("SELECT word FROM vocabulary WHERE word >= ? AND word < ? "
                                    "ORDER BY df DESC, word LIMIT ?", (*bounds, limit)).fetchall()
        return [w for (w,) in rows], total

    def words_under(self, keys) -> set[str]:
        """The speller words having one of `keys` among their deletes."""
        keys = set(keys)
        out: set[str] = set()
        if "" in keys:  # every word of up to MAX_DISTANCE letters
            keys.discard("")
            with self._lock:
                out.update(w for (w,) in self._db.execute(
                    "SELECT word FROM deletes WHERE length(word) <= ?", (MAX_DISTANCE,)))
        if keys:
            match = " OR ".join(f'"{k}"' for k in sorted(keys))  # deletes are letters only
            with self._lock:
                out.update(w for (w,) in self._db.execute("SELECT word FROM deletes WHERE deletes MATCH ?", (match,)))
        return out

    # -- the autocomplete's -----------------------------------------------------
    def lowercase_forms(self) -> dict[str, str]:
        """Each word the build met written in lower case somewhere (`maraîchage`; not a contact's
        `Daniel`), by its folded spelling, as written: its accented spelling when it has one
        (`maraîchage` beside a sheet's `maraichage`). Read once per generation, at the first call."""
        with self._lock:
            if self._lowercase is None:
                forms: dict[str, str] = {}
                for (word,) in self._db.execute("SELECT word FROM terms"):
                    if word != word.lower():
                        continue
                    key = fold_text(word)
                    if forms.get(key, key) == key:  # none yet, or only the unaccented one
                        forms[key] = word
                self._lowercase = forms
            return self._lowercase

    # -- the highlighter's ----------------------------------------------------
    def terms_of(self, words) -> dict[str, frozenset[str]]:
        """The French analyzer's terms of those of `words` the build met."""
        return {w: frozenset(t.split()) for w, t in self._rows("SELECT word, terms FROM terms WHERE word IN ({})",
                                                                list(words))}

    def marked_words(self, terms) -> MarkedWords:
        """Every word the build met that one of `terms` marks, with the term the
        highlighter marks it for (`marked_term` of its terms among them), in the
        order of the words by term (SQLite's, of the table's key). Each term's
        words are asked of the table once (`_term_words`): a request asks for its
        words of the body, of the sheet and of what the sheet has that the result
        does not show, each a query when they were asked as sets."""
        known = self._term_words
        words = {t: known.get(t) for t in terms}  # (taken at once: another thread may clear `known`)
        missing = sorted(t for t, w in words.items() if w is None)
        if missing:
            read: dict[str, list[str]] = {t: [] for t in missing}
            for term, word in self._rows("SELECT term, word FROM term_words WHERE term IN ({})", missing):
                read[term].append(word)
            if len(known) + len(read) > _TERMS_KEPT:
                known.clear()
            known.update(read)
            words.update(read)
        found: dict[str, list[str]] = {}
        for term in sorted(terms):
            for word in words[term] or ():
                found.setdefault(word, []).append(term)
        return MarkedWords((word, marked_term(ts)) for word, ts in found.items())

    # -- the snippets' ------------------------------------------------------------
    def body(self, docnum: int) -> tuple[str, Mapping[str, list[int]]]:
        """A document's body as snippets show it, and where each of its words starts."""
        with self._lock:
            row = self._db.execute("SELECT body, words, starts, bounds FROM bodies WHERE docnum = ?",
                                   (docnum,)).fetchone()
        if row is None:
            return "", {}
        return row[0], WordPlaces(row[1], row[2], row[3])

    def bodies(self, docnums) -> dict[int, tuple[str, Mapping[str, list[int]]]]:
        """`body` of each of `docnums` (those the table has), in one query: a page's
        snippets asked their bodies one by one, a third of the time they took."""
        return {d: (body, WordPlaces(words, starts, bounds)) for d, body, words, starts, bounds in self._rows(
            "SELECT docnum, body, words, starts, bounds FROM bodies WHERE docnum IN ({})", sorted(set(docnums)))}

    def lines(self, docnums) -> dict[int, tuple[str, str, str]]:
        """The parties line of each of `docnums` (partnerships) with its two folded forms, in one query."""
        return {d: (line, folded, joined) for d, line, folded, joined in self._rows(
            "SELECT docnum, line, folded, joined FROM lines WHERE docnum IN ({})", sorted(set(docnums)))}

    def sheet(self, docnum: int) -> WordPlaces:
        """Where the tables' words stand in a document's sheet (Locator): read when a snippet
        searches the sheet (a page's few), not with every body."""
        with self._lock:
            row = self._db.execute("SELECT words, starts, bounds FROM sheets WHERE docnum = ?", (docnum,)).fetchone()
        return WordPlaces(*row) if row else WordPlaces("", b"", b"")

    def close(self) -> None:
        self._db.close()
