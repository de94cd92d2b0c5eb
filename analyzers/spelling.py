"""Spelling suggestions from the index vocabulary, and the typo budget.

`Speller` uses the symmetric-delete method (SymSpell): every word of the
vocabulary is indexed under the strings obtained by deleting up to two of its
letters; a typed word's own deletes then meet those of every word within two
edits, so a lookup costs a few dictionary probes instead of a scan of the
vocabulary (a pure-Python scan of ~10,000 words takes ~100 ms a word)."""
from __future__ import annotations

import re

from .folding import fold_text

MAX_DISTANCE = 2
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
    """How far a suggestion may be: farther than `max_typos`, since a
    suggestion is only offered, not applied (`kays` -> `kayes`)."""
    n = len(word)
    if n <= 2:
        return 0
    if n <= 4:
        return 1
    return MAX_DISTANCE


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


class Speller:
    """Suggestions from `terms`: folded, unstemmed word -> document frequency
    (the lexicon of the index's `spell` field)."""

    def __init__(self, terms: dict[str, int]):
        self.terms = {fold_text(w): f for w, f in terms.items() if f > 0 and _WORD_RE.fullmatch(fold_text(w))}
        self._index: dict[str, list[str]] = {}
        for word in self.terms:
            for d in _deletes(word, MAX_DISTANCE):
                self._index.setdefault(d, []).append(word)

    def __contains__(self, word: str) -> bool:
        return fold_text(word) in self.terms

    def candidates(self, word: str, max_distance: int, limit: int = 10) -> list[str]:
        """Known words within `max_distance` edits of `word`, closest and most
        frequent first: the terms a typo-tolerant query should also look for."""
        w = fold_text(word).strip()
        if max_distance <= 0 or not _WORD_RE.fullmatch(w):
            return []
        max_distance = min(max_distance, MAX_DISTANCE)
        found: dict[str, int] = {}
        for d in _deletes(w, max_distance):
            for cand in self._index.get(d, ()):
                if cand not in found:
                    found[cand] = edit_distance(w, cand, max_distance)
        ranked = sorted((dist, -self.terms[c], c) for c, dist in found.items() if dist <= max_distance)
        return [c for _, _, c in ranked[:limit]]

    def suggest(self, word: str) -> str | None:
        """The closest known word (fewest edits, then most frequent, then
        alphabetical), folded; None when the word is known or nothing is close."""
        w = fold_text(word).strip()
        if w in self.terms or not _WORD_RE.fullmatch(w):
            return None
        limit = suggestion_distance(w)
        if limit == 0:
            return None
        seen: set[str] = set()
        best: tuple[int, int, str] | None = None
        for d in _deletes(w, limit):
            for cand in self._index.get(d, ()):
                if cand in seen:
                    continue
                seen.add(cand)
                dist = edit_distance(w, cand, limit)
                if dist > limit:
                    continue
                key = (dist, -self.terms[cand], cand)
                if best is None or key < best:
                    best = key
        return best[2] if best else None

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
