"""How a query's prefixes and the API's filter parameters combine, and what an empty listing says
of them.

One rule for every facet: a prefix typed in the words (`pays:mali`, `type:action`) and the same
facet's parameter (`country=Maroc`, `type=partnership`) both apply, as two conditions. The kind of
record listed follows it too: `type:action` against `type=partnership` lists nothing, and says why,
where the prefix was silently dropped; `type:foo`, which names no kind, lets no record through, as
`pays:atlantis` does (docs/api.md: « a facet left with no value lets no record through »).
"""
from __future__ import annotations

from collections.abc import Mapping

from indexer.facet_registry import YEAR, Registry, registry

from .querylang import ParsedQuery
from .querymodel import NO_VALUE
from .ranking import missing_notice
from .surroundings import unnamed_place


def listed_kinds(facets: Registry, filters: Mapping[str, list], built) -> set[str]:
    """The kinds of record a search may list: those the kind facet's parameter allows (all when not
    given), of those the query's prefixes allow (`type:action`; a prefix naming none allows none),
    less those it excludes (`-type:action`). Empty: nothing is listed."""
    kind = facets.kind
    if kind is None:
        return {"partnership"}
    kinds = set(kind.closed)
    for chosen in (filters.get(kind.name), built.filters.get(kind.name)):
        if chosen:
            kinds &= set(chosen)
    return kinds - set(built.excluded_filters.get(kind.name, []))


def listing(kinds: set[str]) -> str:
    """What the response lists: actions when they alone may be, else partnerships (with their actions
    nested), and partnerships when nothing may be (the listing is empty then)."""
    return "action" if kinds == {"action"} else "partnership"


def _clauses(pq: ParsedQuery, facet: str, negated: bool) -> str:
    return " ".join(c.render() for c in pq.clauses if c.kind == "field" and c.target == facet
                    and c.negated == negated)


def against_parameters(pq: ParsedQuery, facets: Registry, filters: Mapping[str, list], built,
                       period: bool = False) -> list[str]:
    """For an empty listing: each facet whose prefix in the words and parameter ask what no record
    can be at once (`type:action` with `type=partnership`, a record being of one kind; `-pays:mali`
    with `country=Mali`), said as both applying. Two values of a facet a record may hold several of
    (`annee:2005` with `year=2006`, `domaine:santé` with a domain) are no such pair: many records
    are of both, and something else emptied the listing; a value with the facet's missing value
    alone is (`annee:2005` with `year=none`, `annee:none` with `year=2005`: a record dated 2005 has a year),
    and so is the missing value with a `period` (`annee:none` with `year_from=2000`, no year adding the
    yearless records to it: the parameters' union, `year=none&year_from=2000`, is what lists both)."""
    out = []
    year = facets.get(YEAR)
    if period and year is not None and year.missing is not None and not filters.get(YEAR) \
            and built.filters.get(YEAR) == [year.missing]:
        out.append(f"« {_clauses(pq, YEAR, negated=False)} » dans la recherche et la période demandée s'appliquent "
                   "tous deux : une fiche d'une année de la période en a une. Pour les unes et les autres, cochez "
                   "« Sans année » avec la période.")
    for facet in facets:
        given = filters.get(facet.name)
        if not given:
            continue
        required = [v for v in built.filters.get(facet.name, []) if v != NO_VALUE]
        excluded = set(built.excluded_filters.get(facet.name, []))
        typed = ""
        if required and not set(required) & set(given) and (
                not facet.multi or facet.missing is not None and {facet.missing} in (set(given), set(required))):
            # (one value a record; or none: `annee:2005` with `year=none`, `annee:none` with `year=2005`)
            typed = _clauses(pq, facet.name, negated=False)
        elif set(given) <= excluded:
            typed = _clauses(pq, facet.name, negated=True)
        if typed:
            values = " ou ".join(facet.label_of(v) for v in given)
            out.append(f"« {typed} » dans la recherche et le filtre « {facet.label} : {values} » s'appliquent "
                       "tous deux : aucune fiche ne répond aux deux.")
    return out


def years_outside(known_years, filters: Mapping[str, list], year_from: int | None, year_to: int | None) -> str | None:
    """For an empty listing: the years asked (`year`, `year_from`, `year_to`) hold none of the
    repertoire's (`year=2050`): said with the years it has, as a prefix's year no record has is
    (« Aucune valeur de « année:2050 » »). None otherwise, and when the records with no year are
    asked too (`year=none`): the years are then not why nothing is listed."""
    years = sorted(y for y in known_years if isinstance(y, int))
    asked = filters.get(YEAR)
    if not years or not (asked or year_from is not None or year_to is not None):
        return None
    facet = registry().get(YEAR)
    if facet is not None and facet.missing is not None and facet.missing in (asked or ()):
        return None
    lo = year_from if year_from is not None else years[0]
    hi = year_to if year_to is not None else years[-1]
    # two conditions, as the search applies them: a record of a year asked, and one of the period
    if any(lo <= y <= hi for y in years) and (not asked or any(y in asked for y in years)):
        return None
    return (f"Les fiches du répertoire sont datées de {years[0]} à {years[-1]} : aucune ne l'est de l'année "
            "ou de la période demandée.")


def other_kind_notice(mode: str, other: int) -> str:
    if mode == "action":
        some = "1 partenariat y répond" if other == 1 else f"{other} partenariats y répondent"
        return (f"Aucune action ne répond à ces filtres, mais {some} : choisissez « Partenariats » "
                "dans « Type de fiche » (ou tapez type:partnership).")
    some = "1 action y répond" if other == 1 else f"{other} actions y répondent"
    return (f"Aucun partenariat ne répond à ces filtres, mais {some} : choisissez « Actions » "
            "dans « Type de fiche » (ou tapez type:action).")


def why_empty(pq, facets: Registry, mode: str, other: int, unknown: list[str]) -> list[str]:
    """What an empty listing says: a place no sheet names, typed alone (surroundings.unnamed_place);
    else the words no document has, when none of the query's has any (`unknown`: `Chefchaouen`,
    `water`, with or without filters, said nothing but « Vérifiez l'orthographe »); filters the
    other kind of record meets (`other` of them: `statut:réalisé`, an action's status, in a listing
    of partnerships said nothing, as if nothing had it)."""
    typed = [c.text for c in pq.clauses if c.kind in ("word", "phrase") and not c.negated]
    absent = unnamed_place(typed) if unknown else None  # (`Bamako annee:1950` is no unnamed place)
    out = [absent] if absent else [missing_notice(unknown, searched=False)] if unknown else []
    if facets.kind is not None and other:
        out.append(other_kind_notice(mode, other))
    return out
