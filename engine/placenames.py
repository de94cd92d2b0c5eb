"""How users name places and the councils that govern them, as the records do not always write it.

A French région's or département's council is named by its territory with a kind word before it
(`Région Rhône-Alpes`, `conseil régional Rhône-Alpes`, `CR Bretagne`; `département de l'Isère`,
`CG Isère`), or by its territory alone (`Île-de-France`): the records' name keys are the council's
(`cr-rhone-alpes`, `cg-isere`: indexer/ids.py), so the query builder gives those partnerships the
bonus of a collectivity's name (querybuild._add_bonuses). A kind word that also names a building
(`mairie`) is a kind only before a name (`kinds_before_names`).

Places typed otherwise than the records and tables write them are read as written there, and
said (querylang.parse_query): Bamako's numbered communes (`commune 5 Bamako`: `bamako_communes`),
a name typed with spaces for its hyphens or joined (`Rhone Alpes`, `Tiziouzou`: `spelled_apart`).
"""
from __future__ import annotations

import re

from analyzers import fold_text
from indexer import geography
from indexer.ids import name_key

from .fillers import FOREIGN_ADJECTIVES, PLACE_KINDS, is_action, is_topic_kind

# the longest names of the geography tables, in words (`Laayoune Boujdour Sakia El Hamra`, `Provence Alpes
# Cote d Azur`): how far the query's readers look for one
MAX_PLACE_WORDS = 5

# the words naming a French council before its territory's name (folded), by the level of the place
# it governs, and the article after them: `region`, `conseil regional de`, `departement de l'`, `cg`
_COUNCIL_RE = re.compile(
    r"^(?:(?P<region>region|conseil regional|cr)|(?P<subdivision>departement|conseil general|conseil departemental"
    r"|cg|cd))\s+(?:(?:de l|d)'\s*|(?:de la|du|des|de)\s+)?(?P<name>\S.*)$")


# the words of those kind words (folded), which name no council alone
_COUNCIL_WORDS = frozenset({"region", "conseil", "regional", "cr", "departement", "general", "departemental",
                            "cg", "cd"})


def is_council_word(word: str) -> bool:
    """A word of the kind words naming a council (`conseil`, `départemental`), not of its territory."""
    return fold_text(word) in _COUNCIL_WORDS


# the words (folded) naming a collectivity's kind, of any country: a council's (`_COUNCIL_WORDS`), a
# place's that is a collectivity (fillers.PLACE_KINDS but `ville`, `mairie`, which also name a town and
# a building), their plurals and adjectives, and the initials the sheets write (`CA`, `CC`, `CU`)
_COLLECTIVITY_WORDS = _COUNCIL_WORDS | {fold_text(k) for k in PLACE_KINDS if k not in ("ville", "mairie")} | {
    "regions", "regionale", "regionaux", "assemblee", "departements", "departementale", "generale",
    "communes", "communaute", "communautes", "communale", "urbaine", "rurale", "agglomeration", "cercles",
    "provinces", "provinciale", "prefectures", "wilayas", "ca", "cc", "cu"}


def is_collectivity_word(word: str) -> bool:
    """A word naming a collectivity's kind (`assemblée`, `communauté`, `urbaine`, `CU`), not its place:
    a council's word (is_council_word) or a commune's, cercle's, province's, wilaya's… Not `ville`."""
    return fold_text(word) in _COLLECTIVITY_WORDS


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
    is sought, nor with an action word (`construction mairie Kayes`: the building at Kayes) or before
    a country (`mairie Mali`: the Malian records all name Mali). A name: a collectivity's of the
    records (their name keys) or a place of the tables. Review 2 r43, #4."""
    clauses = [g[0] if len(g) == 1 and g[0].kind in ("word", "phrase") and not g[0].negated else None
               for g in pq.groups]
    if any(c is not None and c.kind == "word" and is_action(c.text) for c in clauses):
        return set()
    found = set()
    for i, clause in enumerate(clauses):
        if clause is None or clause.kind != "word" or not is_topic_kind(clause.text):
            continue
        rest = _after_of(clauses[i + 1:])
        runs = [rest[:n] for n in range(min(_NAME_WORDS, len(rest)), 0, -1)]
        runs += [run[1:] for run in runs if len(run) > 1 and fold_text(run[0]) in _THE]
        if any(_is_name(" ".join(run), known) for run in runs) and not _names_country(rest):
            found.add(id(clause))
    return found


_COUNTRIES = frozenset(fold_text(c) for c in (*geography.TABLES, *FOREIGN_ADJECTIVES.values()))


def _names_country(rest: list[str]) -> bool:
    """Whether the words after a kind word begin with a country's name (`Mali`, `le Maroc`)."""
    words = [w for w in map(fold_text, rest[:2]) if w not in _THE]
    return bool(words) and words[0] in _COUNTRIES


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


# Bamako's six communes, numbered in roman numerals (the records' « Bamako-Commune V »), as users also
# type them: `commune 5`, `commune V Bamako`, `commune 5 de Bamako`
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V", "6": "VI"}
_BAMAKO_COMMUNE_RE = re.compile(
    r"\b(?:(?P<before>bamako)[\s-]+)?commune[\s-]+(?P<n>[1-6]|iii|ii|iv|vi|i|v)\b(?!\s+\d{3}\b)"
    r"(?:\s+(?:de\s+|du\s+district\s+de\s+)?(?P<after>bamako)\b)?", re.IGNORECASE)


def bamako_communes(text: str, notices: list[str]) -> str:
    """`commune 5` as `commune V`, and a numbered commune with Bamako after it as the records write it
    (`commune V Bamako`: `Bamako commune V`), said: the number in figures found the district's
    partnerships only, and Bamako typed last found them all (9) where Bamako first found the commune's
    own, then the district's (3). Only Bamako's: with Bamako named, or no other place after it
    (`commune 3 de Kayes` as typed); never a number's first digits (`commune 2 000 habitants`), nor
    within quotes or a prefix's value, read as typed (review 2 r43, #3)."""
    bamako = re.search(r"\bbamako\b", text, re.IGNORECASE) is not None

    def named(m: re.Match) -> str:
        roman = _ROMAN.get(m.group("n"), m.group("n").upper())
        town = m.group("before") or m.group("after")  # read as the records write it, not in the user's case
        read = f"Bamako commune {roman}" if town else f"commune {roman}"  # (`COMMUNE v BAMAKO`, review 2 r43, #8)
        if m.group("n").isalpha() and not m.group("after"):
            return m.group(0)  # as typed: `commune V`, `Bamako commune V`
        if m.string[:m.start()].endswith(":") or not bamako and _place_follows(m.string[m.end():]):
            return m.group(0)
        notices.append(f"« {m.group(0)} » est lu comme « {read} ».")
        return read
    parts = re.split(r'("[^"]*"?)', text)  # the quoted parts, at the odd indices
    return "".join(part if k % 2 else _BAMAKO_COMMUNE_RE.sub(named, part) for k, part in enumerate(parts))


def _place_follows(rest: str) -> bool:
    """Whether the words after a numbered commune begin with a place of the tables (`de Kayes`)."""
    words = re.findall(r"[\w'’-]+", rest)[:_NAME_WORDS + 1]
    while words and fold_text(words[0]) in _OF | _THE:
        words = words[1:]
    return any(_is_name(" ".join(words[:n]), None) for n in range(len(words), 0, -1))


def spelled_apart(words: list[str]) -> str | None:
    """The table's name of the place the words spell with other separators than its own: spaces
    for its hyphens (`Ile de France`), or one word for several (`Tiziouzou`); None for any other
    words, a name typed as the tables write it (`Tizi Ouzou`, `Rhône-Alpes`) included."""
    typed = " ".join(words)
    if not words[0][:1].isalpha() or (len(words) == 1 and not words[0].isalpha()):
        return None
    for geo in map(geography.of, geography.TABLES):
        place = geo.lookup(typed) if geo is not None else None
        if place is None or geography.key(place.name) != geography.key(typed):
            continue
        parts = re.split(r"[\s\-]+", place.name)
        spaced = len(words) > 1 and "-" in place.name and fold_text(typed) == fold_text(place.name.replace("-", " "))
        if spaced or (len(words) == 1 and len(parts) > 1):
            return place.name
    return None
