"""Query-time expansion of the field's acronyms and synonyms.

The data is `vocabulary.json`; this module only matches it. A query word and
an entry's phrases are compared through the French analyzer's parts (folded,
elided, stop words out, stemmed), so `écoles`, `Ecole` and `l'école` all
trigger the `école` entry, and `centre de sante communautaire` triggers CSCOM.
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


@dataclass(frozen=True)
class Entry:
    terms: tuple[str, ...]
    means: tuple[str, ...]
    oneway: bool = False


def load_entries() -> list[Entry]:
    data = json.loads(_PATH.read_text(encoding="utf-8"))
    return [Entry(tuple(e["terms"]), tuple(e.get("means", ())), bool(e.get("oneway", False)))
            for e in data["entries"]]


ENTRIES = load_entries()

# The key of a phrase: the French analyzer in query mode (parts, no joined form).
_KEY_ANALYZER = (FrenchTokenizer() | ElisionFilter() | FoldFilter() | SaintFilter()
                 | CompoundSplitFilter() | FrenchStopFilter() | FrenchStemFilter())


@lru_cache(maxsize=20000)
def phrase_key(text: str) -> tuple[str, ...]:
    return tuple(t.text for t in _KEY_ANALYZER(text, mode="query"))


def _triggers() -> list[tuple[tuple[str, ...], list[str]]]:
    """(key of a triggering phrase, alternatives to OR with it), longest first."""
    out: list[tuple[tuple[str, ...], list[str]]] = []
    for e in ENTRIES:
        for phrase in e.terms:
            alts = [p for p in e.terms + e.means if p != phrase]
            out.append((phrase_key(phrase), alts))
        if not e.oneway:
            for phrase in e.means:
                out.append((phrase_key(phrase), list(e.terms)))
    merged: dict[tuple[str, ...], list[str]] = {}
    for key, alts in out:
        if not key:
            continue
        bucket = merged.setdefault(key, [])
        for a in alts:
            if a not in bucket and phrase_key(a) != key:
                bucket.append(a)
    return sorted(((k, v) for k, v in merged.items() if v), key=lambda kv: -len(kv[0]))


TRIGGERS = _triggers()
# the triggers by their first term, longest first: a query word is compared with
# the few triggers that can start with it, not with all of them
_BY_FIRST: dict[str, list[tuple[tuple[str, ...], list[str]]]] = {}
for _key, _alts in TRIGGERS:
    _BY_FIRST.setdefault(_key[0], []).append((_key, _alts))


def find_expansions(words: list[str]) -> list[tuple[int, int, list[str]]]:
    """Spans `(start, end)` of the query words (end exclusive) that match an
    entry, each with the phrases to OR with it. Leftmost-longest, spans do
    not overlap; stop words inside a span are skipped (`centre de santé`)."""
    flat: list[tuple[str, int]] = []  # (key term, index of the word it came from)
    for i, word in enumerate(words):
        for term in phrase_key(word):
            flat.append((term, i))
    spans: list[tuple[int, int, list[str]]] = []
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
