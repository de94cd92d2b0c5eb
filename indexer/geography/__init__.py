"""One geography table per country: régions (the large unit), the unit below
them (French départements, Malian cercles, Moroccan provinces/préfectures) and
the communes of the corpus whose place a sheet does not always state.

The tables are data (`<country>.tsv` beside this file, one entry a line:
`level, name, parent, aliases, source`), so that a new repertoire brings its own
table without code, and so that every entry says where it comes from: the
header of each file expands the source keys (`ISO-ML`, `DOC:1291`, …).

Names are the official spellings of the period the documents describe (2008):
one spelling per unit, with its accents (`Sétif`, `Béjaïa`, `Ségou`); every
other spelling the documents use is an alias. `Geography.region(name)` gives
the official spelling of a région written any way, `locate(*texts)` finds the
(région, subdivision) a free-text field names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal, overload

from ..text import fold

HERE = Path(__file__).resolve().parent

# country (as the records write it) -> table file
TABLES: dict[str, Path] = {
    "France": HERE / "france.tsv",
    "Mali": HERE / "mali.tsv",
    "Maroc": HERE / "maroc.tsv",
    "Algérie": HERE / "algerie.tsv",
}

# the countries the repertoires' partners are in: the tables but France's
PARTNER_COUNTRIES = tuple(c for c in TABLES if c != "France")
_LEVEL_ORDER = {"region": 0, "subdivision": 1, "commune": 2}  # the largest unit first


@lru_cache(maxsize=65536)  # read for every word of every query (engine/surroundings.py)
def key(text: str) -> str:
    """Letters and digits only, folded: `Bouches-du-Rhône` = `bouches du rhone`."""
    return re.sub(r"[^a-z0-9]", "", fold(text or ""))


def key_words(text: str) -> list[str]:
    """The folded words of a name: `Aïn Témouchent` -> ain, temouchent."""
    return [w for w in re.split(r"[^a-z0-9]+", fold(text or "")) if w]


# the words of a collectivity's name before its place's (folded): `conseil general de la`,
# `communaute d'agglomeration de`, `ville de`, `grand` (the Grand Lyon is Lyon's communauté)
_INSTITUTION = re.compile(
    r"^(?:(?:conseil (?:general|regional)|departement|region|communaute (?:urbaine|d'agglomeration|de communes)"
    r"|agglomeration|ville|mairie|commune|metropole)(?P<article> de la | de l'| du | des | de | d'| )"
    r"|grand )")


def seat_keys(name: str) -> list[str]:
    """The keys of the place a collectivity's name designates whole, its institution's words taken off or
    not (`Communauté de communes de Sainte Maure de Touraine`: the whole name, `saintemauredetouraine`):
    two records whose names share one name the same place."""
    folded = re.sub(r"\s+", " ", fold(name or "").replace("’", "'")).strip()
    candidates = [folded]
    m = _INSTITUTION.match(folded)
    if m and m.end() < len(folded):
        rest = folded[m.end():]
        article = (m.group("article") or "").replace("de ", "").replace("d'", "").strip()
        candidates += [rest] + ([f"{article} {rest}"] if article in ("la", "le", "les", "l'") else [])
    return list(dict.fromkeys(key(c) for c in candidates))


@dataclass
class Place:
    level: str  # "region", "subdivision" or "commune"
    name: str
    region: str | None
    subdivision: str | None
    source: str


@dataclass
class Geography:
    country: str
    places: dict[str, list[Place]] = field(default_factory=dict)  # key -> places of that name
    regions: list[str] = field(default_factory=list)  # official spellings, in table order
    sources: dict[str, str] = field(default_factory=dict)  # source key -> what it is
    spellings: dict[str, str] = field(default_factory=dict)  # key -> the spelling as the table writes it
    # keys of the aliases the table marks `~`: the documents' misspellings (`~Rhônes-Alpes`), read as the
    # unit, never offered as another name of it (other_spellings)
    misspellings: set[str] = field(default_factory=set)

    @classmethod
    def from_tsv(cls, country: str, path: Path | str) -> Geography:
        geo = cls(country)
        for raw in Path(path).read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            m = re.match(r"^#\s*source\s+(\S+):\s*(.*)$", raw)
            if m:
                geo.sources[m.group(1)] = m.group(2)
            if raw.startswith("#"):
                continue
            level, name, parent, aliases, source = (raw.split("\t") + [""] * 5)[:5]
            region, _, partition_sub = parent.partition("/")
            sub: str | None = partition_sub
            if level == "region":
                region, sub = name, None
                geo.regions.append(name)
            elif level == "subdivision":
                sub = name
            place = Place(level, name, region or None, sub or None, source)
            for spelling in [name] + [a for a in aliases.split("|") if a]:
                if spelling.startswith("~"):
                    spelling = spelling[1:]
                    geo.misspellings.add(key(spelling))
                geo.places.setdefault(key(spelling), []).append(place)
                geo.spellings.setdefault(key(spelling), spelling)
        return geo

    def lookup(self, name: str, level: str | None = None) -> Place | None:
        """The unit of exactly that name (any spelling), preferring the largest."""
        named = self.places.get(key(name))
        if not named:  # most names asked (every word of a query, in every table): no list made
            return None
        found = [p for p in named if level in (None, p.level)]
        return min(found, key=lambda p: _LEVEL_ORDER[p.level]) if found else None

    def region(self, name: str | None) -> str | None:
        """Official spelling of a région written any way (None if not one)."""
        p = self.lookup(name or "", "region")
        return p.name if p else None

    def spelling(self, name: str) -> str | None:
        """The table's spelling of a unit written with the same letters, accents, capitals and
        hyphens aside (`SAINT DIE DES VOSGES`: Saint-Dié-des-Vosges), the largest unit first; None
        for another name, an alias among them (`Romans` stays as written, not Romans-sur-Isère)."""
        found = [p for p in self.places.get(key(name), []) if key(p.name) == key(name)]
        return min(found, key=lambda p: _LEVEL_ORDER[p.level]).name if found else None

    def knows(self, name: str) -> bool:
        return bool(self.places.get(key(name)))

    def named_in(self, text: str, levels: tuple[str, ...] = ("subdivision", "commune")) -> Place | None:
        """The first unit of the given levels whose name stands in a text
        (longest names first): `Communauté urbaine de Lyon` -> Lyon."""
        words = key_words(text)
        for n in (4, 3, 2, 1):
            for i in range(len(words) - n + 1):
                for p in self.places.get("".join(words[i:i + n]), []):
                    if p.level in levels:
                        return p
        return None

    def designated_by(self, name: str, levels: tuple[str, ...] = ("subdivision", "commune")) -> Place | None:
        """The unit a collectivity's name designates: the whole name once the institution's words
        are taken off (`Communauté d'agglomération de la Rochelle`: La Rochelle, `Grand Lyon`: Lyon,
        `Conseil général de l'Isère`: Isère). Never a word inside it: Monistrol-sur-Loire is not
        in the Loire, nor is Essonne Sahel a town of the Essonne."""
        for candidate in seat_keys(name):
            found = [p for p in self.places.get(candidate, []) if p.level in levels]
            if found:
                return min(found, key=lambda p: _LEVEL_ORDER[p.level])
        return None

    def locate(self, *texts: str | None) -> tuple[str | None, str | None]:
        """(région, subdivision) named in free text, région first: an explicit
        `Région de X` wins over the région implied by a subdivision, and a
        capital that is both (`Kayes`) is the subdivision after `cercle de`."""
        region = sub = None
        communes: list[Place] = []
        for text in texts:
            words = key_words(text or "")
            i = 0
            while i < len(words):
                for n in (4, 3, 2, 1):
                    places = self.places.get("".join(words[i:i + n])) if i + n <= len(words) else None
                    if not places:
                        continue
                    before = words[max(0, i - 2):i]
                    as_sub = before[-1:] == ["de"] and before[:1] in (["cercle"], ["province"]) \
                        or before[-1:] in (["cercle"], ["province"])
                    for p in places:
                        if p.level == "region" and region is None and not as_sub:
                            region = p.name
                        elif p.level == "subdivision" and sub is None and (
                                as_sub or not any(q.level == "region" for q in places)):
                            sub = p.name
                        elif p.level == "commune":
                            communes.append(p)
                    i += n - 1
                    break
                i += 1
        if region is None and sub is not None:
            found = self.lookup(sub, "subdivision")  # always found: `sub` is the name of one
            region = found.region if found else None
        if region is None and communes:
            region, sub = communes[0].region, sub or communes[0].subdivision
        return region, sub


_LOADED: dict[str, Geography] = {}


def register(country: str, path: Path | str) -> None:
    """Declare the table of a country (a new repertoire's, say)."""
    TABLES[country] = Path(path)
    _LOADED.pop(country, None)
    other_spellings.cache_clear()


# The countries whose table ships with the package: `of()` always finds these.
Shipped = Literal["France", "Mali", "Maroc", "Algérie"]


@overload
def of(country: Shipped) -> Geography: ...
@overload
def of(country: str | None) -> Geography | None: ...
def of(country: str | None) -> Geography | None:
    """The table of a country, read once (None for a country without one)."""
    if not country or country not in TABLES:
        return None
    if country not in _LOADED:
        _LOADED[country] = Geography.from_tsv(country, TABLES[country])
    return _LOADED[country]


def de_before(name: str) -> str:
    """The French `de` a name takes, elided before a vowel: `de ` (Kayes, Yélimané), `d'` (Adrar,
    Île-de-France). The parsers naming a wilaya, a region or a province all ask it here."""
    return "d'" if opens_with_vowel(name) else "de "


def opens_with_vowel(name: str) -> bool:
    """Whether French elides before the name (`d'Adrar`, `de l'Algérie`, `en Israël`): its first
    letter, accents folded, is a vowel. The one test of `de_before`, `of_country` and `in_country`."""
    return fold(name[:1]) in tuple("aeiou")


def with_de(name: str) -> str:
    """`de Kayes`, `d'Adrar`."""
    return de_before(name) + name


# the article an institution's name takes after `de` (`de la Communauté d'agglomération de la Rochelle`,
# `du Conseil général du Nord`), by its first word, folded
_INSTITUTION_DE = {"communaute": "de la ", "commune": "de la ", "ville": "de la ", "mairie": "de la ",
                   "region": "de la ", "province": "de la ", "prefecture": "de la ", "wilaya": "de la ",
                   "conseil": "du ", "syndicat": "du ", "district": "du ", "cercle": "du ", "grand": "du ",
                   "assemblee": "de l'", "agglomeration": "de l'"}


def of_name(name: str) -> str:
    """A collectivity's name after `de`: a place's elided (`de Kayes`, `d'Élancourt`), its own article
    contracted (`des Ulis`, `du Blanc-Mesnil`), an institution's with its article (`de la Communauté
    d'agglomération de la Rochelle`)."""
    article = re.match(r"(Les|Le) (?=\w)", name)
    if article:
        return ("des " if article.group(1) == "Les" else "du ") + name[article.end():]
    first = fold(re.split(r"[\s'’-]", name, maxsplit=1)[0])
    return _INSTITUTION_DE.get(first, de_before(name)) + name


def unstated_place_note(name: str, missing: str, values: list[str], origin: str) -> str:
    """What a record's notes say of a place its document does not give, on either side (`missing`: `pas la
    région`, `ni le département ni la région`): the values, and where they come from (`origin`)."""
    said = " et ".join(f"« {v} »" for v in values)
    verb = "viennent" if len(values) > 1 else "vient"
    return f"Le document ne donne {missing} {of_name(name)} : {said} {verb} {origin}."


def table_origin(country: str) -> str:
    """Where a value taken from a country's geography table comes from, as a note says it."""
    return f"de la table géographique {of_country(country, article=True)} de Répertoires"


# how French names a country after `de`: `du Mali`; with its article, `de l'Algérie`; plural, `des
# États-Unis`; the others (Cuba, Madagascar, Israël, and any name not listed) without article
_MASCULINE_COUNTRIES = frozenset({"Mali", "Maroc", "Niger", "Sénégal", "Burkina", "Burkina Faso", "Portugal",
                                  "Japon", "Liban", "Yémen", "Qatar", "Koweït", "Vietnam", "Bénin", "Brésil",
                                  "Cameroun", "Canada", "Tchad", "Royaume-Uni", "Venezuela"})
_FEMININE_COUNTRIES = frozenset({"Algérie", "France", "Tunisie", "Mauritanie", "Libye", "Égypte", "Italie",
                                 "Espagne", "Allemagne", "Belgique", "Chine", "Russie", "Syrie", "Turquie",
                                 "Grèce", "Pologne", "Roumanie", "Hongrie", "Indonésie", "Guinée", "Palestine"})
_PLURAL_COUNTRIES = frozenset({"États-Unis", "Émirats arabes unis", "Pays-Bas"})


def of_country(name: str, article: bool = False) -> str:
    """`de` before a country's name, as French says it: `du Mali`, `des États-Unis` always; a
    feminine name with its article (`de l'Algérie`: « la coopération de l'Algérie ») or without it
    (`d'Algérie`: « les résultats d'Algérie »); any other name without article (`de Cuba`)."""
    if name in _MASCULINE_COUNTRIES:
        return "du " + name
    if name in _PLURAL_COUNTRIES:
        return "des " + name
    if not article or name not in _FEMININE_COUNTRIES:
        return with_de(name)
    return ("de l'" if opens_with_vowel(name) else "de la ") + name


def in_country(name: str) -> str:
    """`en`/`au` before a country's name, as French says where a place is: `au Mali`, `au Maroc`,
    `en Algérie`, `aux États-Unis`; a masculine name opening with a vowel (`Israël`) and a
    feminine one take `en`, any other name `à` (`à Cuba`)."""
    if name in _PLURAL_COUNTRIES:
        return "aux " + name
    if name in _MASCULINE_COUNTRIES and not opens_with_vowel(name):
        return "au " + name
    if name in _MASCULINE_COUNTRIES or name in _FEMININE_COUNTRIES:
        return "en " + name
    return "à " + name


def spelled_otherwise(word: str) -> str | None:
    """The name a table gives the unit a word names by another spelling (`Timbuktu`: Tombouctou,
    `Algiers`: Alger, `Fez`: Fès), the largest unit first, but the town when it names one (`Mogador`:
    the commune Essaouira, not its province); None for a table's own name or no unit."""
    if not re.fullmatch(r"[^\W\d_][^\d]+", word.strip()):  # a département's number (`38`) is no spelling
        return None
    order = {"commune": 0, "region": 1, "subdivision": 2}
    found = [p for country in TABLES if (geo := of(country)) for p in geo.places.get(key(word), [])]
    if any(key(p.name) == key(word) for p in found):  # a unit's own name (`Marrakech`, a commune)
        return None
    return min(found, key=lambda p: order[p.level]).name if found else None


@lru_cache(maxsize=1)  # read at every keystroke of the autocomplete; `register` clears it
def other_spellings() -> dict[str, tuple[str, str]]:
    """Each other name of the tables' units that `spelled_otherwise` reads as a name (`Timbuktu`, `Fez`,
    `Bône`, `Mogador`) -> that name and its country: the autocomplete offers the name for it, as the
    search reads it. Not the documents' misspellings the tables mark (`Rhônes-Alpes`): no name to offer."""
    out: dict[str, tuple[str, str]] = {}
    for country in TABLES:
        geo = of(country)
        if geo is None:
            continue
        for k, spelling in geo.spellings.items():
            name = spelled_otherwise(spelling)
            if name is None or k in geo.misspellings:
                continue
            out.setdefault(spelling, (name, country_of_place(name, [country, *TABLES]) or country))
    return out


def canonical_region(country: str | None, name: str | None) -> str | None:
    """A région's official spelling when its country's table knows it, else the name as given."""
    geo = of(country)
    return (geo.region(name) if geo else None) or name


def canonical_subdivision(country: str | None, name: str | None) -> str | None:
    """A département's (cercle's, province's) official spelling when its country's table knows it,
    else the name as given: `Meurthe et Moselle` is Meurthe-et-Moselle, one value in the facets."""
    place = geo.lookup(name or "", "subdivision") if (geo := of(country)) else None
    return place.name if place else name


def country_of_place(name: str, candidates: list[str]) -> str | None:
    """The first of `candidates` whose table names this place."""
    for country in candidates:
        geo = of(country)
        if geo is not None and geo.knows(name):
            return country
    return None
