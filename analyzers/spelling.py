"""Spelling suggestions from the index vocabulary, and the typo budget.

`Speller` uses the symmetric-delete method (SymSpell): every word of the
vocabulary is indexed under the strings obtained by deleting up to two of its
letters; a typed word's own deletes then meet those of every word within two
edits, so a lookup costs a few dictionary probes instead of a scan of the
vocabulary (a pure-Python scan of ~10,000 words takes ~100 ms a word).

That table (~270,000 strings for the corpus) takes a second to compute, so it
is computed when an index is built and stored in the generation
(analyzers.wordtables), which a search process opens without reading it."""
from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from .folding import fold_text

MAX_DISTANCE = 2
_KEPT_LOOKUPS = 8  # a request's words, looked up by the plan and again by the suggestion
_WORD_RE = re.compile(r"[a-z]+")


def max_typos(word: str) -> int:
    """Typos tolerated when matching a name (Meilisearch's policy):
    0 up to 4 letters, 1 from 5 to 8, 2 above."""
    n = len(fold_text(word).strip())
    if n <= 4:
        return 0
    if n <= 8:
        return 1
    return 2


def suggestion_distance(word: str) -> int:
    """How far a suggestion may be: `max_typos`, and one edit from 3 letters, since a
    suggestion is only offered, not applied (`kays` -> `kayes`). Two edits in a word of
    8 letters or fewer offered another word, not the one meant (`oasis` -> `paris`,
    `haies` -> `kayes`, `médias` -> `medical`); a transposition is one edit
    (`Oudja` -> `oujda`)."""
    n = len(word)
    if n <= 2:
        return 0
    return max(1, min(max_typos(word), MAX_DISTANCE))


def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        out |= frontier
    return out


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (a transposition is one edit);
    any value above `limit` is reported as `limit + 1`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if limit == 1:  # the usual question (is it a typo of it?) without the table: ~6 times faster
        return _one_edit(a, b)
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[len(b)], limit + 1)


def letters_apart(a: str, b: str) -> int:
    """How many letters one of `a`, `b` has that the other has not (counted with repeats): an edit
    changes it by two at most (a transposition not at all), so `edit_distance(a, b, ...)` is at least
    half of it. Counted in C, it spares a caller nearly every alignment table of a query's key against
    names of two typos' budget (surroundings.named_place: 545 of 547 on the cold requests, ~19 ms of CPU)."""
    return sum(abs(a.count(c) - b.count(c)) for c in set(a) | set(b))


def within_typos(a: str, b: str, budget: int) -> bool:
    """Whether `a` and `b` are at most `budget` edits apart, the cheap bounds asked first: their
    lengths, then (from two typos) their letters counted, before the alignment table."""
    return abs(len(a) - len(b)) <= budget and (budget < 2 or letters_apart(a, b) <= 2 * budget) \
        and edit_distance(a, b, budget) <= budget


def _one_edit(a: str, b: str) -> int:
    """`edit_distance(a, b, 1)` of two words at most a letter apart in length: 0, 1 (a letter
    added, dropped or changed, or two neighbours swapped) or 2."""
    if a == b:
        return 0
    i = next((k for k, (p, q) in enumerate(zip(a, b, strict=False)) if p != q), min(len(a), len(b)))
    if len(a) != len(b):
        return 1 if a[i:] == b[i + 1:] or a[i + 1:] == b[i:] else 2
    return 1 if a[i + 1:] == b[i + 1:] or (a[i + 1:i + 2] == b[i:i + 1] and a[i:i + 1] == b[i + 1:i + 2]
                                           and a[i + 2:] == b[i + 2:]) else 2


# first letters a French speaker writes for one another (`Kasablanca`, `Yfrane`); a c and an s only
# where the c sounds as an s, before e, i or y (`Cenegal`, `Cétif`; `coins` is no `soins`)
_SAME_SOUND = frozenset({frozenset("ck"), frozenset("cq"), frozenset("kq"), frozenset("iy")})


def typo_distance(a: str, b: str, limit: int) -> int:
    """`edit_distance`, where a new first letter counts two (Meilisearch's rule): typing hits the
    first letter least, and `sanitation` is no `animation` (one letter dropped in front, one
    changed: 31 results about cultural events), nor `Foy` (Sainte Foy) a `Roy`. What is no new
    first letter counts one, as anywhere else: the first two letters of a word of five letters or
    more swapped (`akyes`; `ami` is no `mai`), a silent h dropped or added (`opital`), a letter of
    the same sound (`Kasablanca`, `Cikasso`)."""
    d = edit_distance(a, b, limit)
    return min(d + 1, limit + 1) if _new_start(a, b) else d


def _new_start(a: str, b: str) -> bool:
    if a[:1] == b[:1]:
        return False
    swapped = min(len(a), len(b)) >= 5 and a[0] == b[1] and a[1] == b[0]
    silent_h = (a[:1] == "h" and a[1:2] == b[:1]) or (b[:1] == "h" and b[1:2] == a[:1])
    pair = frozenset((a[:1], b[:1]))
    soft_c = pair == frozenset("cs") and (a if a[:1] == "c" else b)[1:2] in ("e", "i", "y")
    return not (swapped or silent_h or soft_c or pair in _SAME_SOUND)


class _MemoryTables:
    """The speller's tables built in memory (small vocabularies, tests)."""

    def __init__(self, terms: dict[str, int]):
        self.terms = terms
        self.index: dict[str, list[str]] = {}
        for word, keys in delete_keys(terms):
            for d in keys:
                self.index.setdefault(d, []).append(word)

    def __contains__(self, word: str) -> bool:
        return word in self.terms

    def freqs(self, words) -> dict[str, int]:
        return {w: self.terms[w] for w in words if w in self.terms}

    def words_under(self, keys) -> set[str]:
        out: set[str] = set()
        for k in keys:
            out.update(self.index.get(k, ()))
        return out


def speller_terms(vocabulary: dict[str, int], unsuggested: Collection[str] = ()) -> dict[str, int]:
    """The words a suggestion may be: letters only, found in some document, not `unsuggested`."""
    left_out = {fold_text(w) for w in unsuggested}
    folded = ((fold_text(w), f) for w, f in vocabulary.items() if f > 0)
    return {w: f for w, f in folded if _WORD_RE.fullmatch(w) and w not in left_out}


def delete_keys(terms: dict[str, int]):
    """(word, the strings its deletes of up to MAX_DISTANCE letters give), word by word."""
    for word in terms:
        yield word, _deletes(word, MAX_DISTANCE)


class Speller:
    """Suggestions from a vocabulary: folded, unstemmed word -> document
    frequency, given as a dict or opened from a generation's stored tables."""

    def __init__(self, terms: dict[str, int] | None = None, tables=None):
        """`tables`: a generation's stored tables (analyzers.wordtables.WordTables)."""
        self._tables = tables if tables is not None else _MemoryTables(speller_terms(terms or {}))
        # a typo's request asks its close words twice, for its typo alternatives (`candidates`) and for
        # « Vouliez-vous dire » (`suggest`), nearly always with the same limit: the last few answers are kept
        self._within = lru_cache(maxsize=_KEPT_LOOKUPS)(self._within_anew)

    def _within_anew(self, w: str, limit: int) -> dict[str, int]:
        """The known words within `limit` typos of the folded word `w`, each with its distance."""
        under = self._tables.words_under(_deletes(w, limit))
        return {c: d for c in under if (d := typo_distance(w, c, limit)) <= limit}

    def __contains__(self, word: str) -> bool:
        w = fold_text(word)
        return bool(_WORD_RE.fullmatch(w)) and w in self._tables

    def candidates(self, word: str, max_distance: int, limit: int = 10) -> list[str]:
        """Known words within `max_distance` edits of `word`, closest and most
        frequent first: the terms a typo-tolerant query should also look for."""
        w = fold_text(word).strip()
        if max_distance <= 0 or not _WORD_RE.fullmatch(w):
            return []
        found = self._within(w, min(max_distance, MAX_DISTANCE))
        close = list(found)
        freq = self._tables.freqs(close)
        ranked = sorted((found[c], -freq[c], c) for c in close)
        return [c for _, _, c in ranked[:limit]]

    def suggest(self, word: str) -> str | None:
        """The closest known word (fewest edits, then most frequent, then
        alphabetical), folded; None when the word is known or nothing is close."""
        w = fold_text(word).strip()
        if not _WORD_RE.fullmatch(w) or w in self._tables:
            return None
        limit = suggestion_distance(w)
        if limit == 0:
            return None
        found = self._within(w, limit)
        close = list(found)
        if not close:
            return None
        freq = self._tables.freqs(close)
        return min((found[c], -freq[c], c) for c in close)[2]

    def suggest_query(self, text: str) -> str | None:
        """The query with every unknown word replaced by its suggestion
        (elided articles, hyphens and known words kept as typed); None when
        nothing changes."""
        changed = False

        def fix(match: re.Match) -> str:
            nonlocal changed
            s = self.suggest(match.group(0))
            if s is None:
                return match.group(0)
            changed = True
            return s

        out = []
        for word in text.split():
            head, sep, rest = word.rpartition("'") if "'" in word or "’" in word else ("", "", word)
            if "’" in word and not sep:
                head, sep, rest = word.rpartition("’")
            out.append(head + sep + re.sub(r"[^\W\d_]+", fix, rest))
        return " ".join(out) if changed else None
