"""The places a query names, in its ranking: what a place word is (mostly in the records' places or
names), what it adds at most beside a topic (its cap, the gate), and which records are in the places
named (a partner country selects its records; another place beside a topic or a country).

The ranker (`ranking.py`) caps, selects and narrows its fallback and fill with these; the actions'
share (`actionshare.py`) and an empty listing's seeds (`seeds.py`) ask whether a word says who or where.
Its own module since ranking.py reached the 600-line limit: one place to find it.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from analyzers import fold_text
from indexer.geography import PARTNER_COUNTRIES
from indexer.schema import NAME_FIELDS

from . import ranking_profile
from .bm25f import Fielded, idf
from .fillers import place_named
from .groupscores import ScoreFn, all_of, inherited_scores
from .querymodel import LITERAL, BuiltQuery, Group


def place_cap(group: Group, score: ScoreFn, doc_count: int) -> float | None:
    """For a word that names a place (most records having it have it as one of their
    `places`: `centre`, also the French région Centre, is a word),
    what one mention in that field alone scores: the most the word adds to a
    result that has the rest of the query. None for a word that names no place."""
    w = ranking_profile.current().field_weights.get("places")
    for a in group.alternatives:
        if a.via in LITERAL and isinstance(a.scored, Fielded) and w:
            df = _mostly_in(a.scored, score, ("places",))
            if df:
                k1 = a.scored.k1
                return a.scored.scale * idf(doc_count, df) * (k1 + 1) * w / (k1 + w)
    return None


def names_who_or_where(group: Group, score: ScoreFn) -> bool:
    """A word most records having it have in their names or places (`Kayes`, `Marseille`):
    it says who or where, not what was done."""
    for a in group.alternatives:
        if a.via in LITERAL and isinstance(a.scored, Fielded):
            return bool(_mostly_in(a.scored, score, NAME_FIELDS))
    return False


def _mostly_in(scored: Fielded, score: ScoreFn, fields) -> int:
    """The number of records a word's literal match is in, when at least the profile's
    `place_share` of them have it in `fields`; 0 otherwise."""
    df = len(score(scored))
    return df if df and len(score(scored.share_in(fields))) >= ranking_profile.current().place_share * df else 0


def gate_places(built: BuiltQuery, parts: list[Mapping[int, float]], caps: list[float | None]
                 ) -> tuple[list[Mapping[int, float]], list[float | None], set[int]]:
    """In a query asking for a topic in a place (`eau Gao`), the place gates and
    the topic orders: among the documents that have every other word, each
    place word adds at most its `place_cap`, so that a sheet of the town named
    Gao that mentions water once does not outrank a sheet of the Gao region
    about water. Documents lacking a topic word keep the place's full score
    (how strongly they are in the place is all that orders them); a light word
    (`construction`) is no topic word here: lacking it must not bring the
    place's full score back. Returns the
    parts, each word's cap (None: not a place; `caps`, each group's place_cap) and the documents capped."""
    if all(c is None for c in caps) or all(c is not None for c in caps):  # no place, or only places
        return parts, [None] * len(parts), set()
    topic = all_of([p for p, c, g in zip(parts, caps, built.groups, strict=True) if c is None and not g.light]
                    or [p for p, c in zip(parts, caps, strict=True) if c is None])
    gated = [p if c is None else {d: min(x, c) if d in topic else x for d, x in p.items()}
             for p, c in zip(parts, caps, strict=True)]
    return gated, caps, topic


_COUNTRY_KEYS = frozenset(fold_text(c) for c in PARTNER_COUNTRIES)


def _names_country(group: Group) -> bool:
    """A word naming a partner country, or its adjective (`Mali`, `maliennes`)."""
    return fold_text(group.text) in _COUNTRY_KEYS or place_named(group.text) in PARTNER_COUNTRIES


COUNTRY, PLACE = "country", "place"  # what a word names, where it selects (place_roles)


@dataclass
class Places:
    """Per word group, what it names (`roles`: place_roles), and the records naming it in their names
    or places fields (`named_in(i)`, _named_in), found once a request: the roles and the selections in
    the places (in_the_places, up to twice more) each found them again."""
    roles: list[str | None]
    named_in: Callable[[int], set[int]]


def place_roles(built: BuiltQuery, caps: list[float | None], score: ScoreFn, doc_count: int,
                 listed: Callable[[set], int], few: Callable[[set, int], bool], notices: list[str]) -> Places:
    """Per word group, COUNTRY for a partner country (`Mali`, `maliennes`) that selects the results,
    PLACE for another place (`Kayes`, `Hérault`), None for any other word. A country the filters
    list none of the records of (`… (Mali, Sénégal …)` with `country=Maroc` listed nothing) is
    searched as a word, and a notice says so if the filters keep some records (review 2 r43, #6).
    None selects without the profile's `place_required`,
    nor in a query of one word."""
    named_in = functools.cache(lambda i: _named_in(built.groups[i], score, doc_count))
    if not ranking_profile.current().place_required or len(built.groups) < 2:
        return Places([None] * len(built.groups), named_in)
    roles: list[str | None] = []
    for i, (g, cap) in enumerate(zip(built.groups, caps, strict=True)):
        role = PLACE if cap is not None else None
        if _names_country(g):
            role = COUNTRY
            if few(named_in(i), 1):
                if listed(set(range(doc_count))):  # (no word is to blame when the filters keep nothing)
                    notices.append(f"Aucun résultat de « {g.text} » ne passe les filtres : "
                                   "ce mot est cherché comme les autres.")
                role = None
        roles.append(role)
    return Places(roles, named_in)


def _named_in(group: Group, score: ScoreFn, doc_count: int) -> set[int]:
    """The records naming a group's words in their names or places fields (in the place)."""
    return {d for d, x in inherited_scores(group, score, doc_count, NAME_FIELDS).items() if x > 0}


def in_the_places(built: BuiltQuery, places_of: Places, docs: set[int], countries_only: bool = False) -> set[int]:
    """Those of `docs` in the places the query names (in their names or places fields, not only
    mentioned in their text; `places_of`: place_roles). A partner country named selects its records
    whatever the other words are (`conseil régional Mali` listed Moroccan councils naming Mali in
    passing, `Hérault Maroc` Hérault's Algerian and Malian records). Another place selects beside
    a country or a topic (not `countries_only`): having most of the query's word weight may drop a
    topic word, not the place (`qui construit des centres de santé dans la région de Kayes` listed
    a Moroccan sheet that names Kayes in passing); `région Rhône-Alpes` alone is a name. With
    both, a record is in a country and one of the other places (`jumelage Bretagne Mali` listed
    Rennes-Sétif), unless none is (`villes bretonnes … au Maroc`: either)."""
    places = not countries_only and any(r == COUNTRY or (r is None and not g.light)
                                        for r, g in zip(places_of.roles, built.groups, strict=True))
    inside: set[int] = set()  # in one of the places (`eau Kayes Mopti`: either)
    named: set[int] = set()  # ... and in one of the countries named, if any (`jumelage Bretagne Mali`)
    selecting = False
    for i, r in enumerate(places_of.roles):
        if r == COUNTRY or (places and r == PLACE):
            selecting = True
            (named if r == COUNTRY else inside).update(places_of.named_in(i))
    if not selecting:
        return docs  # no place, or a place that is a name
    both = inside & named  # none: the places are in no country named (`villes bretonnes … au Maroc`)
    return docs & (both or inside | named)
