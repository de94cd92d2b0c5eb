"""Collectivity names shared by the layouts: French parties written the way
the repertoires abbreviate them (`CG Allier`, `CR Ile de France`), their kind,
and the loose name keys that match the same collectivity across the parts of
a document (`CG Allier` / `Conseil Général de l'Allier`)."""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

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


_GENERIC = {
    "sous", "arrondissement", "conseil", "general", "generale", "regional", "regionale", "de", "du",
    "des", "la", "le", "les", "l", "d", "cg", "cr", "ca", "cc", "cu", "c", "u", "communaute", "urbaine",
    "agglomeration", "communes", "ville", "commune", "mairie", "region", "cercle", "assemblee",
    "departement", "rurale", "communal", "district", "village", "et", "sur", "en", "syndicat", "nouvelle",
}


@lru_cache(maxsize=8192)
def loose(name: str, french: bool = False) -> tuple[str, ...]:
    """Words that identify a collectivity, generic words removed (bounded cache:
    the names of one document, matched many times against each other)."""
    words = [w for w in re.split(r"[^a-z0-9]+", fold(re.sub(r"\(.*?\)", " ", name or ""))) if w]
    words = [w for w in words if w not in _GENERIC]
    if french and words and words[0] == "san":
        words = words[1:]
    words = [{"st": "saint", "ste": "sainte", "sainte": "saint"}.get(w, w) for w in words]
    return tuple(w[:-1] if len(w) > 4 and w.endswith("s") else w for w in words)


def same(a: tuple[str, ...], b: tuple[str, ...], ratio: float = 0.84) -> bool:
    """Same collectivity: one word set inside the other, or spellings close
    enough (`Voujeaucourt`/`Vaujeaucourt`, `Troumgoumbé`/`Troungoumbé`)."""
    if not a or not b:
        return False
    sa, sb = set(a), set(b)
    if sa <= sb or sb <= sa:
        return True
    ja, jb = "".join(a), "".join(b)
    return ja[0] == jb[0] and close(ja, jb, ratio)  # spelling slips keep the first letter


@lru_cache(maxsize=4096)
def close(a: str, b: str, ratio: float) -> bool:
    """Spelling similarity; cheap upper bounds first (matching every list entry
    against every record is the slow path). Bounded cache: one document's names."""
    sm = SequenceMatcher(None, a, b)
    return sm.real_quick_ratio() >= ratio and sm.quick_ratio() >= ratio and sm.ratio() >= ratio


def place_key(party: Party | None, french: bool = False) -> tuple[str, ...]:
    """The words naming a collectivity's place, its kind left out: `CU LYON` = `LYON`,
    `WILAYA D'ORAN` = `Commune d'Oran` = `ORAN`."""
    if party is None:
        return ()
    return loose(re.sub(r"^(wilaya|apc|apw)\s+(de\s+|d['’]\s*)?", "", party.name, flags=re.IGNORECASE), french)


def same_kind_of_place(a: Party, b: Party) -> bool:
    """Kinds that can name one partner: equal, or a town and its own intercommunality
    (`Ville de Lyon` / `Communauté urbaine de Lyon`), or a commune and its wilaya."""
    kinds = {a.kind or "commune", b.kind or "commune"}
    return len(kinds) == 1 or kinds in ({"commune", "intercommunalité"}, {"commune", "wilaya"})
