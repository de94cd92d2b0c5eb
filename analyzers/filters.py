"""Filters for French text, in the order the chains apply them: elision,
(folding lives in folding.py), saint normalisation, leading article, compound
splitting. Each is a module-level class so that Whoosh can pickle the schema."""
from __future__ import annotations

import re
from functools import lru_cache

from whoosh.analysis import Filter

from .folding import fold_text

# `l'eau`, `d'Ille-et-Vilaine`, `qu'il`, `jusqu'à`: the article is elided only
# before a vowel or a mute h, so `N'Gabakoro` (consonant) is left whole.
ELIDED = frozenset({
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
})
_VOWELS = frozenset("aeiouyh")

SAINTS = frozenset({"saint", "sainte", "st", "ste", "saints", "saintes", "sts", "stes"})
LEADING_ARTICLES = frozenset({"le", "la", "les", "l"})


@lru_cache(maxsize=65536)  # called for every token of every field: the same words again and again
def elide(text: str) -> str:
    """`l'école` -> `école`; `N'Gabakoro` and `aujourd'hui` unchanged;
    a bare `l'` becomes empty."""
    head, sep, rest = text.partition("'")
    if not sep or fold_text(head) not in ELIDED:
        return text.rstrip("'") if text.endswith("'") and text.count("'") == 1 else text
    if not rest:
        return ""
    if fold_text(rest[0])[:1] in _VOWELS:
        return rest
    return text


class ElisionFilter(Filter):
    """Removes the elided article of `l'assainissement`; drops a lone `l'`."""

    def __call__(self, tokens):
        for t in tokens:
            text = elide(t.text)
            if text:
                t.text = text
                yield t


@lru_cache(maxsize=65536)
def normalize_saint(text: str) -> str:
    """`st-etienne`, `ste-foy`, `sainte-foy` -> `saint-etienne`, `saint-foy`
    (folded text expected): users write every form."""
    parts = text.split("-")
    if not any(p in SAINTS for p in parts):
        return text
    return "-".join("saint" if p in SAINTS else p for p in parts)


_SPELLED_OUT = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
_ABBREVIATED = re.compile(r"\b(sts?|stes?)\b\.?", re.IGNORECASE)


def spell_out_saints(text: str) -> str:
    """`St Etienne` -> `saint Etienne`, `Ste-Foy` -> `sainte-Foy`: the abbreviations written out, each
    gender kept (a collectivity's name key, indexer/ids.py, keeps `sainte` apart from `saint`)."""
    return _ABBREVIATED.sub(lambda m: _SPELLED_OUT[m.group(1).lower()], text)


class SaintFilter(Filter):
    """Normalises Saint/Sainte/St/Ste, alone or inside a hyphenated name."""

    def __call__(self, tokens):
        for t in tokens:
            t.text = normalize_saint(t.text)
            yield t


class LeadingArticleFilter(Filter):
    """Drops the article that opens a name (`Le Blanc-Mesnil` = `Blanc-Mesnil`);
    positions after it move back by one. At indexing time a name that is only
    an article keeps it; a query word that is only an article is dropped
    (query parsers analyse `le` and `blanc-mesnil` separately)."""

    def __call__(self, tokens):
        first = True
        shift = 0
        pending = None
        for t in tokens:
            if first:
                first = False
                if t.text in LEADING_ARTICLES:
                    pending = t.copy()
                    shift = 1
                    continue
            pending = None
            if shift and t.positions:
                t.pos -= shift
            yield t
        if pending is not None and pending.mode != "query":  # the only token
            yield pending


class CompoundSplitFilter(Filter):
    """Splits `aix-en-provence`, `n'gabakoro` and the amount `15 000` into
    their parts, at consecutive positions. At indexing time the joined form
    (`aixenprovence`, `ngabakoro`, `15000`) is also emitted at the first
    part's position, so a query typed either way matches; queries only get
    the parts, so that a hyphenated query still matches a document that
    spaced the words (and `15 000` split by the query parser still matches)."""

    def __init__(self, joined: bool = True):
        self.joined = joined

    def __call__(self, tokens):
        shift = 0
        for t in tokens:
            if t.positions:
                t.pos += shift
            text = t.text
            if "-" not in text and "'" not in text and " " not in text:
                yield t
                continue
            parts = [p for p in text.replace("'", "-").replace(" ", "-").split("-") if p]
            if len(parts) <= 1:
                t.text = parts[0] if parts else text
                yield t
                continue
            base = t.pos if t.positions else 0
            if self.joined and t.mode != "query":
                t.text = "".join(parts)
                yield t
            for i, part in enumerate(parts):
                t.text = part
                if t.positions:
                    t.pos = base + i
                yield t
            shift += len(parts) - 1
