"""Collectivity names shared by the layouts: French parties written the way
the repertoires abbreviate them (`CG Allier`, `CR Ile de France`) and their kind.
The loose name keys that match the same collectivity across the parts of a
document are namekeys.py's."""
from __future__ import annotations

import re

from .. import geography
from ..records import Party
from ..text import fold, normal_case, squash_spaces
from . import fields

_FR_ABBR = [
    (r"^CG\s+", "Conseil général "), (r"^CR\s+", "Conseil régional "),
    (r"^CA\s+", "Communauté d'agglomération "), (r"^CC\s+", "Communauté de communes "),
    (r"^C\.?U\.?\s+", "Communauté urbaine "),
]
_REGION_ARTICLE = {"Nord-Pas-de-Calais": "du ", "Centre": "du ", "Limousin": "du ",
                   "Pays de la Loire": "des "}


def french_name(raw: str) -> str:
    """The French party's name as usually written: abbreviations spelled
    out, generic words in lower case, numbering like `(2)` dropped."""
    s = squash_spaces(raw).replace("’", "'")
    s = re.sub(r"\(\s*\d+\s*\)", "", s)
    s = re.split(r"\s*[-–]\s*(?:Association|Les amis)\b", s)[0]
    for pat, rep in _FR_ABBR:
        s = re.sub(pat, rep, s)
    s = squash_spaces(s)
    s = s if re.fullmatch(r"[A-Z]{2,5}", s) else normal_case(s)
    s = re.sub(r"\b(Conseil|Communauté) (Général|Régional|Urbaine|d'Agglomération|de Communes)\b",
               lambda m: m.group(1) + " " + m.group(2).lower(), s)
    m = re.match(r"^(Conseil général |Conseil régional |Département )(de la |de l'|du |des |d'|de )?(.*)$", s)
    if m:
        rest = m.group(3)
        france = geography.of("France")
        place = france.lookup(rest)
        canon = place.name if place and place.level in ("region", "subdivision") else None
        if canon:
            rest = canon
        article = m.group(2)
        if not article and (place is None or place.level == "region"):
            article = ((_REGION_ARTICLE.get(canon) if canon else None)
                       or geography.de_before(canon or rest))
        s = m.group(1) + (article or "") + rest
    return s


# A collectivity's kind from its (folded) name: the first pattern found gives it, else a commune.
_FRENCH_KINDS = (
    (re.compile(r"conseil general|departement"), "département"),
    (re.compile(r"conseil regional|^region"), "région"),
    (re.compile(r"communaute|^ca |^cc |^cu |grand lyon|syndicat|^san |agglomeration"), "intercommunalité"),
    (re.compile(r"association|federation|aimf|\bong\b|action mopti|amis"), "association"),
)
_PARTNER_KINDS = (
    (re.compile(r"district"), "district"),
    (re.compile(r"^(conseil de )?cercle|\(cercle\)"), "cercle"),
    (re.compile(r"^province|\(province\)"), "province"),
    (re.compile(r"region|assemblee regionale|conseil regional"), "région"),
)


def _kind(name: str, kinds) -> str:
    f = fold(name)
    return next((kind for pattern, kind in kinds if pattern.search(f)), "commune")


def french_kind(name: str) -> str:
    """The kind of a French collectivity, from its name."""
    return _kind(name, _FRENCH_KINDS)


def partner_kind(name: str) -> str:
    """The kind of a partner collectivity abroad, from its name."""
    return _kind(name, _PARTNER_KINDS)


def french_party(raw: str, place: str = "", population: str = "") -> Party:
    """A French party from its written name, its `Département/Région` field and
    its population field; région and département from the French table (a
    département gives its région)."""
    name = french_name(raw)
    kind = french_kind(name)
    region, dep = geography.of("France").locate(place) if place else (None, None)
    if kind in ("département", "région") and not (dep if kind == "département" else region):
        # the département or région its name designates whole, never a word inside it
        own = geography.of("France").designated_by(name, ("subdivision",) if kind == "département" else ("region",))
        r2, d2 = (own.region, own.subdivision) if own is not None else (None, None)
        region, dep = region or r2, dep or (d2 if kind == "département" else None)
    return Party(name=name, name_raw=squash_spaces(raw), kind=kind, country="France", region=region,
                 subdivision=dep, population=fields.population(population) if population else None,
                 population_text=population or None)
