"""How users name places and the councils that govern them, as the records do not always write it.

A French région's or département's council is named by its territory with a kind word before it
(`Région Rhône-Alpes`, `conseil régional Rhône-Alpes`, `CR Bretagne`; `département de l'Isère`,
`CG Isère`), or by its territory alone (`Île-de-France`): the records' name keys are the council's
(`cr-rhone-alpes`, `cg-isere`: indexer/ids.py), so the query builder gives those partnerships the
bonus of a collectivity's name (querybuild._add_bonuses).
"""
from __future__ import annotations

import re

from analyzers import fold_text
from indexer import geography
from indexer.ids import name_key

from .fillers import TOPIC_KINDS

# the words naming a French council before its territory's name (folded), by the level of the place
# it governs, and the article after them: `region`, `conseil regional de`, `departement de l'`, `cg`
_COUNCIL_RE = re.compile(
    r"^(?:(?P<region>region|conseil regional|cr)|(?P<subdivision>departement|conseil general|conseil departemental"
    r"|cg|cd))\s+(?:(?:de l|d)'\s*|(?:de la|du|des|de)\s+)?(?P<name>\S.*)$")


def council_keys(text: str) -> list[str]:
    """The name keys (indexer/ids.py) of the council of the French région or département `text`
    names, alone or after a kind word of the same level, if it names one: `Île-de-France`,
    `Région Île-de-France`: `cr-ile-de-france`; `Essonne`, `CG Essonne`: `cg-essonne`
    (`Région Isère` names none: the Isère is a département)."""
    m = _COUNCIL_RE.match(" ".join(fold_text(text).split()))
    level = next((lvl for lvl in ("region", "subdivision") if m and m.group(lvl)), None)
    name = m.group("name") if m else text
    place = geography.of("France").lookup(name, level)
    if place is None or place.level == "commune" or geography.key(place.name) != geography.key(name):
        return []
    return [("cr-" if place.level == "region" else "cg-") + name_key(place.name)]


# the words between a kind word and the name it comes before (folded): `mairie de Montpellier`, `mairie
# d'Alger`; then the article a name may begin with, which some keep (`La Rochelle`) and others drop
# (`mairie de la Gironde`)
_OF = frozenset({"de", "du", "des", "d'"})
_THE = frozenset({"la", "le", "les", "l'"})
_NAME_WORDS = 3  # the longest collectivity's name looked for after a kind word, in words


def kinds_before_names(pq, known) -> set[int]:
    """The ids of the word clauses that are a kind word naming a collectivity only before its name
    (fillers.TOPIC_KINDS): `mairie` in `mairie de Montpellier`, `mairie Brest`, `mairie d'Alger`,
    not in `construction de la mairie` or `secrétaire de mairie`, where the building or its staff
    is sought. A name: a collectivity's of the records (their name keys) or a place of the tables."""
    clauses = [g[0] if len(g) == 1 and g[0].kind in ("word", "phrase") and not g[0].negated else None
               for g in pq.groups]
    found = set()
    for i, clause in enumerate(clauses):
        if clause is None or clause.kind != "word" or fold_text(clause.text) not in TOPIC_KINDS:
            continue
        rest = _after_of(clauses[i + 1:])
        runs = [rest[:n] for n in range(min(_NAME_WORDS, len(rest)), 0, -1)]
        runs += [run[1:] for run in runs if len(run) > 1 and fold_text(run[0]) in _THE]
        if any(_is_name(" ".join(run), known) for run in runs):
            found.add(id(clause))
    return found


def _after_of(clauses: list) -> list[str]:
    """The texts of the clauses after the `de` that opens them (`d'` of `d'Alger` too), up to the first
    that is not a word or phrase."""
    texts = [c.text for c in clauses[:clauses.index(None)]] if None in clauses else [c.text for c in clauses]
    while texts and fold_text(texts[0]) in _OF:
        texts = texts[1:]
    if texts and fold_text(texts[0]).startswith("d'"):
        texts[0] = texts[0][2:]
    return texts


def _is_name(text: str, known) -> bool:
    """A collectivity's name (a name key of the records) or a place of the geography tables."""
    state = getattr(known, "state", None)  # (a bare predicate, as tests give, knows no names)
    if state is not None and ("name_keys", name_key(text)) in state.searcher().reader():
        return True
    return any(geo.lookup(text) is not None for geo in map(geography.of, geography.TABLES) if geo is not None)
