"""The words of the sheets offered as a typed beginning's completions (`latr` -> latrines,
`maraî` -> maraîchage, maraîchers): a topic is found before it is typed whole, spelled as
the sheets spell it. Names and domains are offered by Engine.suggest before them."""
from __future__ import annotations

import re
from collections.abc import Callable

from .querylang import NAME_PREFIXES
from .state import IndexState, NameEntry

SHORTEST = 3  # letters typed before words are offered: `ma` begins too many to be a hint
CANDIDATES = 60  # the most frequent words of a beginning looked at, for `most` of them kept


def words_starting(state: IndexState, key: str, listed: Callable[[str], int], most: int = 3) -> list[dict]:
    """At most `most` words beginning with the folded `key`, the most frequent first, one per
    stem (`maraîchage`, not also `maraîchages`), each as written in lower case (a contact's
    `Daniel` or a place's `Kayes` is no topic: names are offered apart) with the number of
    partnerships its search lists (`listed`). Left out: stop words, the word typed whole and a
    word whose search lists nothing."""
    key = re.split(r"['’]", key)[-1]  # `l'assain`: the word after its elision
    if len(key) < SHORTEST:
        return []
    tables = state.vocabulary
    forms = tables.lowercase_forms()
    found, _ = tables.starting_with(key, CANDIDATES)
    written = [forms[w] for w in found if w in forms and w != key]
    stems = tables.terms_of(written)
    seen: set[frozenset[str]] = set()
    out: list[dict] = []
    for word in written:
        terms = stems.get(word)
        if not terms or terms in seen:  # a stop word (no terms), or a stem already offered
            continue
        seen.add(terms)
        count = listed(word)
        if count:
            out.append({"name": word, "kind": "mot", "country": None, "count": count, "query": word})
        if len(out) >= most:
            break
    return out


def picked_name(entry: NameEntry) -> str:
    """What picking a name puts in the box: a collectivity's prefix, `collectivité:"…"`, which
    restricts the search to it (its bare words were optional once softened: « eau Assemblée régionale
    de Kayes » listed 47); a place's name as typed, and so a collectivity's that is also a region's
    or a cercle's (Koulikoro): the place holds the collectivity."""
    if entry.kind == "lieu" or entry.place:
        return entry.name
    return f'{NAME_PREFIXES[0]}:"{entry.name.replace(chr(34), "")}"'
