"""Query-time expansion of the field's acronyms, synonyms and word families.

The data is `vocabulary.json`; this module only matches it. A query word and
an entry's phrases are compared through the French analyzer's parts (folded,
elided, stop words out, stemmed), so `écoles`, `Ecole` and `l'école` all
trigger the `école` entry, and `centre de sante communautaire` triggers CSCOM.
Each expansion says what it is (`SYNONYM`, `NARROWER`, `FAMILY`): the ranking
profile weights them differently, below the word itself.

The tables matched (`Expansions`) are made once by the index build and
stored in its generation; a process makes them itself only for an index
without them.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .filters import CompoundSplitFilter, ElisionFilter, SaintFilter
from .folding import FoldFilter, fold_text
from .stemming import FrenchStemFilter
from .stopwords import FrenchStopFilter
from .tokenizers import HYPHENS, FrenchTokenizer

_PATH = Path(__file__).with_name("vocabulary.json")


SYNONYM = "synonym"  # the same thing under another name (an acronym and its expansion)
NARROWER = "narrower"  # a kind or part of what the query names (assainissement -> latrines)
FAMILY = "family"  # another word of the same root (agriculture -> agricole)
PLACE = "place"  # the units of a territory the terms name (Kabylie -> Tizi Ouzou, Béjaïa, Bouira)
KINDS = (SYNONYM, NARROWER, PLACE)


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
        if kind in (NARROWER, PLACE) and not e.get("oneway"):
            raise ValueError(f"vocabulary.json: a {kind} entry is one-way: {e['terms']}")
        out.append(Entry(tuple(e["terms"]), tuple(e.get("means", ())), bool(e.get("oneway", False)), kind))
    return out


@lru_cache(maxsize=1)
def territory_names() -> frozenset[str]:
    """The names of the territories of `place` entries, folded (`kabylie`, `nord du mali`)."""
    return frozenset(fold_text(t) for e in ENTRIES if e.kind == PLACE for t in e.terms)


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


Trigger = tuple[tuple[str, ...], list[tuple[str, str]]]  # (key of a phrase, (alternative, kind) to OR with it)


def _triggers() -> list[Trigger]:
    """(key of a triggering phrase, (alternative, kind) to OR with it), longest first.
    The terms of an entry are synonyms of each other whatever its kind."""
    out: list[Trigger] = []
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


@dataclass
class Expansions:
    """The vocabulary as the query side matches it: the triggers (longest
    first) and each stem's family. Making them analyses every phrase of
    vocabulary.json (Snowball), 40 ms that every new process paid before its
    first search; a build stores them in its generation (`write_expansions`)
    and opening it installs them (`load_expansions`)."""

    triggers: list[Trigger]
    families: dict[str, list[str]]  # stem -> one word for each other stem of its family
    # the triggers by their first term, longest first: a query word is compared with
    # the few triggers that can start with it, not with all of them
    by_first: dict[str, list[Trigger]] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        self.by_first = {}
        for key, alts in self.triggers:
            self.by_first.setdefault(key[0], []).append((key, alts))

    @classmethod
    def build(cls) -> Expansions:
        return cls(_triggers(), _family_index())

    def to_json(self) -> dict:
        return {"triggers": [[list(k), [list(a) for a in alts]] for k, alts in self.triggers],
                "families": self.families}

    @classmethod
    def from_json(cls, data: dict) -> Expansions:
        """The tables `to_json` wrote; ValueError when `data` has another shape."""
        try:
            triggers = [(tuple(_strings(key)), [(a, kind) for a, kind in alts]) for key, alts in data["triggers"]]
            families = {stem: _strings(words) for stem, words in data["families"].items()}
        except (TypeError, KeyError, AttributeError) as exc:
            raise ValueError(f"not the expansion tables: {exc!r}") from None
        if not all(key and alts and all(isinstance(a, str) and kind in KINDS for a, kind in alts)
                   for key, alts in triggers) or not all(isinstance(stem, str) for stem in families):
            raise ValueError("not the expansion tables")
        return cls(triggers, families)


def _strings(value) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"not a list of strings: {value!r}")
    return value


_installed: Expansions | None = None


def expansions() -> Expansions:
    """The tables in use: the ones a generation installed, else built now (once per process)."""
    global _installed
    if _installed is None:
        _installed = Expansions.build()
    return _installed


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """SHA-256 of what the tables are made from: this package's code and data
    (the vocabulary, the analyzer's filters, the stem exceptions, the stop
    words), Whoosh's version (its Snowball stemmer) and Python's Unicode
    tables. Tables stored under another fingerprint are stale, not used. (An
    upgrade of unidecode calls for a rebuild, as it does for the index's terms.)"""
    import hashlib
    import unicodedata

    import whoosh

    h = hashlib.sha256(f"{whoosh.versionstring()} {unicodedata.unidata_version}".encode())
    for path in sorted(Path(__file__).parent.iterdir()):
        if path.suffix in (".py", ".json", ".txt"):
            h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def write_expansions(path: Path) -> None:
    """Store the tables at `path` (JSON) under this code's fingerprint, made
    from the vocabulary now (not the ones a generation may have installed)."""
    data = {"fingerprint": fingerprint(), **Expansions.build().to_json()}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def load_expansions(path: Path) -> bool:
    """Install the tables stored at `path`; False (the tables are built when
    first needed) when the file is missing, unreadable, of another shape or
    stored by other code: an older index, or one built before the vocabulary
    or the analyzer changed."""
    global _installed
    try:
        data = json.loads(path.read_bytes())
        if not isinstance(data, dict) or data.get("fingerprint") != fingerprint():
            return False
        tables = Expansions.from_json(data)
    except (OSError, ValueError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return False
    _installed = tables
    return True


def find_expansions(words: list[str]) -> list[tuple[int, int, list[str]]]:
    """Spans `(start, end)` of the query words (end exclusive) that match an
    entry, each with the phrases to OR with it. Leftmost-longest, spans do
    not overlap; stop words inside a span are skipped (`centre de santé`).
    So a phrase's entry stands in for its words' own: `petite enfance` brings
    crèches, not the orphanages of `enfance`, and its typed words are looked for
    as typed, without their own synonyms (round 53 found 72 of the 276 phrase
    entries hiding a word's entry; keeping the words' synonyms failed the noise
    rule). A new phrase entry changes how its first word reads inside it."""
    return [(s, e, [a for a, _ in alts]) for s, e, alts in find_graded_expansions(words)]


def _word_key(word: str) -> tuple[str, ...]:
    """A typed word's key terms; a hyphenated word that no entry writes so is its joined form when
    an entry writes that (`micro-finance` is `microfinance`, whose synonyms it lacked: 2 results
    for 19), as the index finds a compound either way."""
    key = phrase_key(word)
    if len(key) < 2:
        return key
    joined = phrase_key(re.sub(f"[{re.escape(HYPHENS)}]", "", word))
    by_first = expansions().by_first
    if len(joined) != 1 or any(k == key[:len(k)] for k, _ in by_first.get(key[0], ())) \
            or _entry_of(joined) is None:
        return key
    return joined


def _entry_of(key: tuple[str, ...]) -> list[tuple[str, str]] | None:
    """The alternatives of the entry whose phrase key is exactly `key`; None when no entry's is."""
    return next((list(alts) for k, alts in expansions().by_first.get(key[0], ()) if k == key), None) if key else None


def find_graded_expansions(words: list[str]) -> list[tuple[int, int, list[tuple[str, str]]]]:
    """`find_expansions` with each phrase's kind (SYNONYM or NARROWER)."""
    flat: list[tuple[str, int]] = []  # (key term, index of the word it came from)
    for i, word in enumerate(words):
        for term in _word_key(word):
            flat.append((term, i))
    spans: list[tuple[int, int, list[tuple[str, str]]]] = []
    k = 0
    while k < len(flat):
        for key, alts in expansions().by_first.get(flat[k][0], ()):
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


# the prefixes a compound is written with, typed apart (`micro finance`, `agro alimentaire`): any two
# words joined would read `mi el` as miel and `or dure` as ordures
_PREFIXES = frozenset({"micro", "macro", "co", "eco", "agro", "bio", "inter", "multi", "pluri", "auto", "tele",
                       "hydro", "electro", "photo", "radio", "neo", "post", "pre", "anti", "extra", "para", "poly",
                       "mono", "semi", "mini", "maxi", "cyber", "geo", "socio", "psycho", "agri", "aqua", "sylvo"})


def joined_entry(first: str, second: str) -> list[tuple[str, str]] | None:
    """Two one-term words typed apart (`micro finance`) that an entry writes as one word: that word
    and its entry's alternatives (2 results for 19: `micro` and `finance` are both found, so the index
    never tried `microfinance`); None otherwise. The query builder asks it of two words standing
    alone side by side only (not across an `OR`), as it joins the words a record writes as one."""
    if fold_text(first).lower() not in _PREFIXES or any(len(phrase_key(w)) != 1 for w in (first, second)):
        return None
    word = first + second
    joined = phrase_key(word)
    alts = _entry_of(joined) if len(joined) == 1 else None
    return None if alts is None else [(word, SYNONYM), *alts]


def family_of(word: str) -> list[str]:
    """The other words of `word`'s family (one per stem), [] when it has none:
    `agriculteurs` -> [`agriculture`, `agricole`, `agricultrice`]."""
    key = phrase_key(word)
    if len(key) != 1:
        return []
    return list(expansions().families.get(key[0], ()))
