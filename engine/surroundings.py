"""A place named alone also lists, after its own results, the partnerships of what encloses it.

Someone who types `Chéraga` or `Douentza` wants that commune's or cercle's partnerships first,
then those of its cercle or province and of its région or wilaya (the Wilaya d'Alger's, the
Région de Mopti's): the judged queries grade them so ("the surrounding region for a place
name"), and a sheet rarely names the communes a regional partnership covers. They come after
every result of the place itself, each below the last of those, and a notice says why they
are there. The enclosing units are those of the geography tables (indexer/geography), which the
records' places were read with. A place named with a topic (`tourisme cercle de Bandiagara`) is
followed the same way by those of the enclosing units' partnerships that have the topic's words.
A place of the tables that no sheet names is said so, and the query's other words are looked for
where it is: in its région, or its country (`école Tiaret`: the Algerian results with `école`).
"""
from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice, product

from analyzers import fold_text, max_typos
from analyzers.spelling import within_typos
from indexer import geography
from indexer.facet_registry import COUNTRY, REGION
from indexer.geography import PARTNER_COUNTRIES
from indexer.kinds import LOCAL_KINDS
from indexer.text import french_list

from .facets import FacetBits
from .placenames import MAX_PLACE_WORDS
from .querylang import Clause, ParsedQuery
from .querymodel import VIA_TYPO, BuiltQuery
from .ranking import missing_notice

# a partner that is a unit enclosing communes, by its kind as the records write it
UNIT_KINDS = {"région": "region", "wilaya": "region", "district": "region",
              "cercle": "subdivision", "province": "subdivision", "préfecture": "subdivision"}
MAX_SPELLINGS = 27  # three corrections for each of three words: a place name is short


@dataclass(frozen=True)
class Unit:
    country: str
    level: str  # "region" or "subdivision", as in the geography tables
    name: str  # the table's spelling

    def label(self) -> str:
        """`la wilaya d'Alger`, `le cercle de Douentza`, `la province de Ouarzazate`."""
        if self.level == "subdivision" and self.country == "Maroc":  # the table says `Province de …`
            return "la " + self.name[0].lower() + self.name[1:]
        if self.name.startswith("District"):
            return "le d" + self.name[1:]
        noun = {("Algérie", "region"): "la wilaya", ("Mali", "subdivision"): "le cercle"}.get(
            (self.country, self.level), "la région")
        return f"{noun} {geography.with_de(self.name)}"




def partner_place_keys(parties) -> frozenset[str]:
    """The places the partners are, keys of geography.key: each partner's name, région and cercle
    or province, and the place of the tables each names (`Commune urbaine de Rabat`: rabat)."""
    out: set[str] = set()
    for party in parties:
        geo = geography.of((party or {}).get("country"))
        for text in filter(None, (party.get("name"), party.get("region"), party.get("subdivision"))):
            out.add(geography.key(text))
            place = geo.named_in(text, ("region", "subdivision", "commune")) if geo is not None else None
            if place is not None:
                out.add(geography.key(place.name))
    return frozenset(out)


def unit_of_partner(party: dict | None) -> Unit | None:
    """The unit a partnership's partner is, when it is one that encloses communes (a region, a wilaya,
    a cercle…: UNIT_KINDS), as the geography tables name it: the search's surroundings and « Voir
    aussi » (Engine.related) read it; None for a commune, a village or an association, which a name
    tells apart."""
    if not party:
        return None
    level = UNIT_KINDS.get(party.get("kind") or "")
    geo = geography.of(party.get("country")) if party.get("country") in PARTNER_COUNTRIES else None
    if level is None or geo is None:
        return None
    name = party.get("region") if level == "region" else party.get("subdivision")
    place = geo.lookup(name or "", level)
    return Unit(geo.country, level, place.name) if place else None


def _spellings(typed: list[str], built: BuiltQuery):
    """The query as typed, then with each word as typed or as one of its corrections."""
    yield " ".join(typed)
    options = [[g.text] + [a.text for a in g.alternatives if a.via == VIA_TYPO][:3] for g in built.groups]
    yield from (" ".join(words) for words in islice(product(*options), MAX_SPELLINGS))


def partner_places(parties) -> dict[str, tuple[str, geography.Place]]:
    """key -> (country, place) of the partner communes (and villages) the geography tables do not list, as the
    records place them (Nedroma in the wilaya of Tlemcen: the Algerian table lists the wilayas and
    only some communes)."""
    out: dict[str, tuple[str, geography.Place]] = {}
    for party in parties:
        geo = geography.of((party or {}).get("country"))
        if geo is None or party.get("kind") not in LOCAL_KINDS or not party.get("region") or geo.knows(party["name"]):
            continue
        out.setdefault(geography.key(party["name"]), (geo.country, geography.Place(
            "commune", party["name"], geo.region(party["region"]) or party["region"],
            party.get("subdivision"), "records")))
    return out


def named_place(typed: list[str], built: BuiltQuery,
                more: Callable[[str], tuple[str, geography.Place] | None] | None = None
                ) -> tuple[str, list[Unit]] | None:
    """(the place as the notice names it, the units enclosing it, nearest first) when the whole
    query names a commune, cercle or province of a partner country (in the tables, else by `more`,
    key -> the records' commune): as typed, as corrected by the query's typo alternatives, else within
    the typo budget of one name of the tables (`Yelimani`, a spelling some sheet uses, has no
    correction). None for anything else, a région included."""
    if not typed or not built.groups or built.excluded is not None:
        return None
    spellings = list(dict.fromkeys(geography.key(s) for s in _spellings(typed, built)))
    tables = [geo for geo in map(geography.of, PARTNER_COUNTRIES) if geo is not None]
    for spelling in spellings:
        for geo in tables:
            place = geo.lookup(spelling)
            if place is not None:
                return _enclosing(geo.country, place)
        found = more(spelling) if more is not None else None
        if found is not None:
            return _enclosing(*found)
    typed_key, budget = spellings[0], max_typos(spellings[0])
    close = {(country, place.name): place for country, k, places in _keys_by_initial().get(typed_key[:1], ())
             if within_typos(typed_key, k, budget)
             for place in places}
    if len(close) == 1:  # one place only: a guess among several would be noise
        (country, _), place = close.popitem()
        return _enclosing(country, place)
    return None


def named_in_tables(word: str) -> bool:
    """A (folded) word is the whole name of a place of the partner countries' tables."""
    return any(geo is not None and geo.knows(word) for geo in map(geography.of, PARTNER_COUNTRIES))


def in_table_names(word: str) -> bool:
    """A (folded) word is a place of the tables or one of the words of such a name (`bordj`,
    `temouchent`, `bayadh`): no typo of another word, whose correction (`bord`) would mislead."""
    return named_in_tables(word) or word in _table_name_words()


@lru_cache(maxsize=1)
def _table_name_words() -> frozenset[str]:
    # the longer words only: `el`, `ain`, `oum` are written everywhere and are words of many names
    return frozenset(w for geo in map(geography.of, PARTNER_COUNTRIES) if geo is not None
                     for places in geo.places.values() for p in places
                     for w in geography.key_words(p.name) if len(w) >= 4)


@lru_cache(maxsize=1)
def _keys_by_initial() -> dict[str, list[tuple[str, str, list[geography.Place]]]]:
    """The tables' (country, key, places), by the key's first letter, in the tables' order: a typo
    keeps its first letter (named_place), and each request went through all ~220 keys for it."""
    out: dict[str, list[tuple[str, str, list[geography.Place]]]] = {}
    for geo in filter(None, map(geography.of, PARTNER_COUNTRIES)):
        for k, places in geo.places.items():
            out.setdefault(k[:1], []).append((geo.country, k, places))
    return out


@lru_cache(maxsize=1)
def _table_keys() -> frozenset[str]:
    """Every spelling's key of the partner countries' tables."""
    return frozenset(k for geo in map(geography.of, PARTNER_COUNTRIES) if geo is not None for k in geo.places)


def _table_place(typed: list[str]) -> tuple[str, geography.Place] | None:
    """(country, place) of the partner countries' tables that the words name whole."""
    for geo in map(geography.of, PARTNER_COUNTRIES):
        place = geo.lookup(" ".join(typed)) if geo is not None and typed else None
        if geo is not None and place is not None:
            return geo.country, place
    return None


@lru_cache(maxsize=1)
def _names_by_word() -> dict[tuple[int, int, str], tuple[tuple[tuple[str, ...], geography.Place], ...]]:
    """The tables' names of several words, as their words' keys, under (number of words, position,
    word) for each of their words: a misspelt name has all its words but one as written."""
    out: dict[tuple[int, int, str], dict[int, tuple[tuple[str, ...], geography.Place]]] = {}
    for geo in map(geography.of, PARTNER_COUNTRIES):
        for places in (geo.places.values() if geo is not None else ()):
            for place in places:  # (a place stands under each of its spellings' keys: kept once)
                words = tuple(geography.key_words(place.name))
                for j, word in enumerate(words if len(words) > 1 else ()):
                    out.setdefault((len(words), j, word), {})[id(place)] = (words, place)
    return {k: tuple(names.values()) for k, names in out.items()}


def _misspelled_place(keys: list[str], written: Callable[[str], bool],
                      partner: Callable[[str], bool]) -> geography.Place | None:
    """The one place of the tables whose name the words spell but for a typo in one word that
    the index has nowhere (`Ain Temouchnet`, `El Bayad`): every other word as the table
    spells it, the odd one within the typos a name tolerates, and the place one that
    `place_phrases` reads as a phrase (a word of its name written nowhere, or no partner's). A
    partner's place stays words, which the typo alternatives correct (`Tizi Ouzu`)."""
    found: dict[str, geography.Place] = {}
    named = _names_by_word()
    for words, place in {id(c[1]): c for j, k in enumerate(keys) for c in named.get((len(keys), j, k), ())}.values():
        odd = [j for j, (typed, meant) in enumerate(zip(keys, words, strict=True)) if typed != meant]
        if len(odd) != 1:
            continue
        typed, meant = keys[odd[0]], words[odd[0]]
        budget = max_typos(typed)
        if budget and not written(typed) and within_typos(typed, meant, budget) \
                and (not all(map(written, words)) or not partner(geography.key(place.name))):
            found[place.name] = place
    return next(iter(found.values())) if len(found) == 1 else None  # a guess among several would be noise


def _known_words(groups: list, keys: list[str], written: Callable[[str], bool]) -> Callable[[int], bool]:
    """Whether the index has the word of group `j` (one word, with a key), asked when a run of two words
    or more needs it and once: a query of one word, the most common, asked the tables for nothing."""
    known: dict[int, bool] = {}

    def of(j: int) -> bool:
        if j not in known:
            known[j] = bool(keys[j]) and written(fold_text(groups[j][0].text))
        return known[j]
    return of


def place_phrases(pq: ParsedQuery, written: Callable[[str], bool],
                  partner: Callable[[str], bool] = lambda key: True) -> ParsedQuery:
    """The query with each run of its words that names a place of the tables whole, read as one
    phrase, as `Ain-Temouchent` is, when one of its words is written nowhere (`Ain Temouchent`,
    `El Bayadh`: `temouchent`, `bayadh`) or when the place is no partner's (`partner`: whether a
    key of geography.key is a partner's place, its région or its cercle or province; `Sidi Bel
    Abbès`). Else its other words (`ain`, `el`, `sidi`) listed the places sharing them (Aïn Defla,
    El Jadida, Béni Abbès) as if they were the one typed; the phrase finds the sheets that name the
    place in their text, and where none does, says that no sheet names it (`unnamed_place`), its
    other words looked for where it is (`within_unnamed_place`). `written`: whether the index
    has a word. A partner's place (`Tizi Ouzou`, `Souk El Khemis`) stays words, with its surroundings.
    A name typed with a typo in a word no record writes is read as the place (`_misspelled_place`), and said."""
    groups, out, notices, i, typed = pq.groups, [], [], 0, dict(pq.typed)
    keys = [geography.key(g[0].text) if len(g) == 1 and g[0].kind == "word" and not g[0].negated else ""
            for g in groups]  # a run's key is its words' keys joined: each word read once, on every query
    known = _known_words(groups, keys, written)
    while i < len(groups):
        run = 1
        for n in range(min(MAX_PLACE_WORDS, len(groups) - i), 1, -1):
            if "" in keys[i:i + n]:
                continue
            words = [g[0].text for g in groups[i:i + n]]
            if "".join(keys[i:i + n]) not in _table_keys():  # (most runs, cheaply)
                misspelled = _misspelled_place(keys[i:i + n], written, partner) \
                    if not all(map(known, range(i, i + n))) else None
                if misspelled is not None:  # `Ain Temouchnet`: the place, as its exact spelling is read
                    out.append([Clause("phrase", misspelled.name)])
                    notices.append(f"« {' '.join(words)} » est lu comme « {misspelled.name} ».")
                    typed[misspelled.name] = " ".join(words)
                    run = n
                    break
                continue
            found = _table_place([" ".join(words)])
            if found is not None and (not all(map(known, range(i, i + n)))
                                      or not partner(geography.key(found[1].name))):
                out.append([Clause("phrase", " ".join(words))])
                run = n
                break
        else:
            out.append(groups[i])
        i += run
    if len(out) == len(groups) and not notices:
        return pq
    return replace(pq, groups=out, notices=pq.notices + notices, typed=typed)


def _unnamed(country: str, place: geography.Place) -> str:
    unit = Unit(country, place.level, place.name).label() if place.level != "commune" \
        else f"la commune {geography.with_de(place.name)}"
    return not_named(unit, country)


def not_named(label: str, country: str) -> str:
    """« Aucune fiche des répertoires ne nomme le cercle de Niono (Mali) »: the one wording of a place
    of the tables that no sheet names, alone or with other words."""
    return f"Aucune fiche des répertoires ne nomme {label} ({country})"


def _place_among(words: list[str]) -> tuple[list[str], str, geography.Place] | None:
    """The place of the tables the words name, all together or one of them: (its words, country, place)."""
    for typed in [words] + ([[w] for w in words] if len(words) > 1 else []):
        found = _table_place(typed)
        if found is not None:
            return typed, *found
    return None


def unnamed_place(typed: list[str]) -> str | None:
    """The notice for a query that finds nothing and is the name of a place of the tables, or has
    one among its words: no sheet names it (a wilaya without partnership, `Médéa`). Else None."""
    found = _place_among(typed)
    return _unnamed(*found[1:]) + "." if found else None


@dataclass(frozen=True)
class Scope:
    """The territory a query's place no sheet names stands in, as a facet's value."""
    facet: str  # REGION or COUNTRY
    value: str
    unnamed: str  # « Aucune fiche des répertoires ne nomme le cercle de Niono (Mali) »
    there: str  # « de la région de Ségou, qui l'englobe », « d'Algérie »
    place: str  # the words naming the place, as typed

    def notice(self, found: bool) -> str:
        """What the listing is: the other words in the territory, or (`found` False: none there
        has them) everywhere."""
        if found:
            return f"{self.unnamed} : voici les résultats {self.there} ayant les autres mots de la recherche."
        return (f"{self.unnamed}, et aucun résultat {self.there.split(',')[0]} n'a les autres mots "
                "de la recherche : voici ceux d'ailleurs.")


def unnamed_place_scope(missing: list[str], regions: Collection[str]) -> Scope | None:
    """For a query naming, beside other words, a place of the tables no document names (`eau Niono`,
    `école Tiaret`): the territory enclosing it that the records know, its région (`regions`: the
    region facet's values) or else its country, where its other words are looked for. The judged
    queries grade "the surrounding region for a place name"; the other words anywhere, as the query
    was read before, listed Malian schools for an Algerian wilaya."""
    found = _place_among(missing)
    if found is None:
        return None
    words, country, place = found
    region = next((r for r in regions if place.level != "region" and place.region
                   and geography.key(r) == geography.key(place.region)), None)
    if region is not None:
        label = Unit(country, "region", region).label()
        there = ("du " + label[3:] if label.startswith("le ") else "de " + label) + ", qui l'englobe,"
    else:
        there = geography.of_country(country)
    return Scope(REGION if region else COUNTRY, region or country, _unnamed(country, place), there,
                 " ".join(words))


def within_unnamed_place(missing: list[str], bits: FacetBits, action_cands: list[int],
                         part_scores: dict[int, float], notices: list[str],
                         promised: dict[str, str]) -> tuple[list[int], dict[int, float]]:
    """The candidates within the territory of a place of the query that no sheet names
    (`unnamed_place_scope`; `missing`: the query's words no document has), with its notice in
    place of the missing words' one; all of them, said so, when none there has the other words.
    `promised` gets what the notice says of a listing a filter empties: that no sheet names it."""
    scope = unnamed_place_scope(missing, bits.values.get(REGION, {}))
    if scope is None:
        return action_cands, part_scores
    said = (missing_notice(missing), missing_notice(missing, searched=False))
    at = next((i for i, n in enumerate(notices) if n in said), len(notices))
    if not part_scores:  # nothing else to search (`cercle de Tessalit`): no « voici ceux d'ailleurs »
        notices[at:at + 1] = [scope.unnamed + "."]
        return action_cands, part_scores
    others = [w for w in missing if w != scope.place and w not in scope.place.split()]
    inside = bits.any_of(scope.facet, [scope.value])
    kept_parts = bits.kept(part_scores, inside)
    notices[at:at + 1] = [scope.notice(bool(kept_parts))] + ([missing_notice(others)] if others else [])
    promised[notices[at]] = scope.unnamed + "."
    if not kept_parts:
        return action_cands, part_scores
    return bits.kept(action_cands, inside), {d: part_scores[d] for d in kept_parts}


def _enclosing(country: str, place: geography.Place) -> tuple[str, list[Unit]] | None:
    if place.level == "region":
        return None
    units = []
    if place.level == "commune" and place.subdivision:
        units.append(Unit(country, "subdivision", place.subdivision))
    if place.region and geography.key(place.region) != geography.key(place.name):
        units.append(Unit(country, "region", place.region))
    if not units:
        return None
    return (Unit(country, place.level, place.name).label() if place.level == "subdivision" else place.name), units


def notice(place: str, units: list[Unit], topic: bool = False, own: bool = True) -> str:
    """The notice saying why the enclosing units' partnerships follow (`topic`: a place + topic
    query, whose other words they have; `own` False: the place had no result of its own, and
    « Après les résultats pour le cercle de Tessalit » spoke of results there were not)."""
    labels = [u.label() for u in units]
    said = french_list([("du " + x[3:]) if x.startswith("le ") else "de " + x for x in labels])
    verb = "l'englobent" if len(units) > 1 else "l'englobe"
    lead = f"Après les résultats pour {place}" if own else \
        f"Aucun résultat pour {place}" if topic else not_named(place, units[0].country)
    if topic:
        return (f"{lead} : {'ceux' if own else 'voici ceux'} {said}, qui {verb}, "
                "ayant aussi les autres mots de la recherche.")
    return f"{lead} : {'les' if own else 'voici les'} partenariats {said}, qui {verb}."
