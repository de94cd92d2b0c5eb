"""Query-time expansion of the field's acronyms, synonyms and word families.

The data is `vocabulary.json`; this module only matches it. A query word and
an entry's phrases are compared through the French analyzer's parts (folded,
elided, stop words out, stemmed), so `écoles`, `Ecole` and `l'école` all
trigger the `école` entry, and `centre de sante communautaire` triggers CSCOM.
Each expansion says what it is (`SYNONYM`, `NARROWER`, `FAMILY`): the ranking
profile weights them differently, below the word itself.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .filters import CompoundSplitFilter, ElisionFilter, SaintFilter
from .folding import FoldFilter
from .stemming import FrenchStemFilter
from .stopwords import FrenchStopFilter
from .tokenizers import FrenchTokenizer

_PATH = Path(__file__).with_name("vocabulary.json")


SYNONYM = "synonym"  # the same thing under another name (an acronym and its expansion)
NARROWER = "narrower"  # a kind or part of what the query names (assainissement -> latrines)
FAMILY = "family"  # another word of the same root (agriculture -> agricole)
KINDS = (SYNONYM, NARROWER)


@dataclass(frozen=True)
class Entry:
    terms: tuple[str, ...]
    means: tuple[str, ...]
    oneway: bool = False
    kind: str = SYNONYM


def _data() -> dict:
    return json.loads(_PATH.read_text(encoding="utf-8"))


def load_entries() -> list[Entry]:
    out = []
    for e in _data()["entries"]:
        kind = e.get("kind", SYNONYM)
        if kind not in KINDS:
            raise ValueError(f"vocabulary.json: unknown kind {kind!r} in {e['terms']}")
        if kind == NARROWER and not e.get("oneway"):
            raise ValueError(f"vocabulary.json: a narrower entry is one-way: {e['terms']}")
        out.append(Entry(tuple(e["terms"]), tuple(e.get("means", ())), bool(e.get("oneway", False)), kind))
    return out


def load_families() -> list[tuple[str, ...]]:
    return [tuple(f) for f in _data().get("families", [])]


ENTRIES = load_entries()
FAMILIES = load_families()

# The key of a phrase: the French analyzer in query mode (parts, no joined form).
_KEY_ANALYZER = (FrenchTokenizer() | ElisionFilter() | FoldFilter() | SaintFilter()
                 | CompoundSplitFilter() | FrenchStopFilter() | FrenchStemFilter())


@lru_cache(maxsize=20000)
def phrase_key(text: str) -> tuple[str, ...]:
    return tuple(t.text for t in _KEY_ANALYZER(text, mode="query"))


def _triggers() -> list[tuple[tuple[str, ...], list[tuple[str, str]]]]:
    """(key of a triggering phrase, (alternative, kind) to OR with it), longest first.
    The terms of an entry are synonyms of each other whatever its kind."""
    out: list[tuple[tuple[str, ...], list[tuple[str, str]]]] = []
    for e in ENTRIES:
        for phrase in e.terms:
            alts = [(p, SYNONYM) for p in e.terms if p != phrase] + [(p, e.kind) for p in e.means]
            out.append((phrase_key(phrase), alts))
        if not e.oneway:
            for phrase in e.means:
                out.append((phrase_key(phrase), [(t, e.kind) for t in e.terms]))
    merged: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for key, alts in out:
        if not key:
            continue
        bucket = merged.setdefault(key, [])
        for a, kind in alts:
            if all(a != b for b, _ in bucket) and phrase_key(a) != key:
                bucket.append((a, kind))
    return sorted(((k, v) for k, v in merged.items() if v), key=lambda kv: -len(kv[0]))


TRIGGERS = _triggers()
# the triggers by their first term, longest first: a query word is compared with
# the few triggers that can start with it, not with all of them
_BY_FIRST: dict[str, list[tuple[tuple[str, ...], list[tuple[str, str]]]]] = {}
for _key, _alts in TRIGGERS:
    _BY_FIRST.setdefault(_key[0], []).append((_key, _alts))


def find_expansions(words: list[str]) -> list[tuple[int, int, list[str]]]:
    """Spans `(start, end)` of the query words (end exclusive) that match an
    entry, each with the phrases to OR with it. Leftmost-longest, spans do
    not overlap; stop words inside a span are skipped (`centre de santé`)."""
    return [(s, e, [a for a, _ in alts]) for s, e, alts in find_graded_expansions(words)]


def find_graded_expansions(words: list[str]) -> list[tuple[int, int, list[tuple[str, str]]]]:
    """`find_expansions` with each phrase's kind (SYNONYM or NARROWER)."""
    flat: list[tuple[str, int]] = []  # (key term, index of the word it came from)
    for i, word in enumerate(words):
        for term in phrase_key(word):
            flat.append((term, i))
    spans: list[tuple[int, int, list[tuple[str, str]]]] = []
    k = 0
    while k < len(flat):
        for key, alts in _BY_FIRST.get(flat[k][0], ()):
            n = len(key)
            if tuple(term for term, _ in flat[k:k + n]) == key:
                start, end = flat[k][1], flat[k + n - 1][1] + 1
                if spans and start < spans[-1][1]:
                    continue
                spans.append((start, end, list(alts)))
                k += n
                break
        else:
            k += 1
    return spans


def _family_index() -> dict[str, list[str]]:
    """stem -> one word for each other stem of its family."""
    out: dict[str, list[str]] = {}
    for family in FAMILIES:
        stems: dict[str, str] = {}
        for word in family:
            key = phrase_key(word)
            if len(key) != 1:
                raise ValueError(f"vocabulary.json: a family holds single words: {word!r}")
            stems.setdefault(key[0], word)
        for stem, word in stems.items():
            if stem in out:
                raise ValueError(f"vocabulary.json: {word!r} is in two families")
            out[stem] = [w for s, w in stems.items() if s != stem]
    return out


_FAMILY_OF = _family_index()


def family_of(word: str) -> list[str]:
    """The other words of `word`'s family (one per stem), [] when it has none:
    `agriculteurs` -> [`agriculture`, `agricole`, `agricultrice`]."""
    key = phrase_key(word)
    if len(key) != 1:
        return []
    return list(_FAMILY_OF.get(key[0], ()))
