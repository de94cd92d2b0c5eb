"""The map of a search: a mark per place, sized by its matching partnerships.

`map_view` is the data function (the page `/carte` and `/api/map` render it):
the partner places in Mali, Morocco and Algeria and the French collectivities,
each with its coordinates, precision, country, région and count, over the
whole result set of the search. The map is a facet: a partner mark toggles
its région, a French mark its collectivities (facet `french`). `map_geometry` turns it into SVG coordinates: two panels
(the Maghreb and Mali; France, at a larger scale), side by side on a desktop
and one above the other on a phone, drawn from `geo/countries.json`, with no
tile, font or script from elsewhere.
"""
from __future__ import annotations

import functools
import json
import math
import threading
import time
from collections import Counter
from dataclasses import dataclass

from werkzeug.datastructures import MultiDict

from indexer.facet_registry import FRENCH, REGION, abroad_party, is_french
from indexer.geography import of_name

from .formatting import plural
from .gazetteer import GEO, MAP_COUNTRIES, Place, gazetteer
from .index import get_engine
from .links import toggle_url, url_with
from .views import all_results, search_request

# the parties with no mark, by why (_left_off): the page's words for each (left_off_note)
UNPLACED_WORDS = (
    ("partner", "partenaire sans lieu connu", "partenaires sans lieu connu", ""),
    ("french", "collectivité française sans lieu connu", "collectivités françaises sans lieu connu", ""),
    ("first_party", "collectivité non française liée à un partenaire d'un autre pays",
     "collectivités non françaises liées à un partenaire d'un autre pays",
     " (la carte ne place que les partenaires et les collectivités françaises)"),
    ("elsewhere", "partie d'un autre pays ou d'une organisation internationale",
     "parties d'autres pays ou d'organisations internationales", ""))
UNPLACED = tuple(key for key, *_ in UNPLACED_WORDS)
PRECISION_ORDER = ("lieu", "cercle", "département", "province", "wilaya", "région", "pays")
# a State's accords (no région) stand inside the country, not on its capital's mark
COUNTRY_POINTS = {"Algérie": (27.0, 2.5), "Mali": (19.5, -1.5), "Maroc": (32.5, -6.5), "France": (46.6, 2.4)}
_locations: dict[str, dict[str, tuple[Place | None, Place | None]]] = {}
_lock = threading.Lock()


def locations(state) -> dict[str, tuple[Place | None, Place | None]]:
    """Partnership id -> (partner place, French place), once per index version."""
    found = _locations.get(state.version)
    if found is None:
        with _lock:
            found = _locations.get(state.version)
            if found is None:
                g = gazetteer()
                found = {pid: (g.locate(p.get("partner_party")), g.locate(p.get("french_party")))
                         for pid, p in state.partnerships.items()}
                _locations.clear()
                _locations[state.version] = found
    return found


def _sides(rec: dict, where: tuple[Place | None, Place | None]) -> tuple[tuple[str, Place | None, dict | None], ...]:
    """A record's parties by the side of the map they stand on. A body with no partner that stands
    abroad (Action Mopti, in Mopti) is on the partners' side, where its region's filter finds it."""
    own, partner = rec.get("french_party"), rec.get("partner_party")
    if partner is None and abroad_party(None, own) is not None:
        return (("partner", where[1], own),)
    return (("partner", where[0], partner), ("french", where[1], own))


def map_view(args: MultiDict, path: str) -> dict:
    """Places of the whole result set of the search in `args`.

    The map takes every parameter of /api/search and checks each as the search does, those it
    has no use for too: `page`, `per_page`, `sort` and `explain` change nothing here (the whole
    result set, places in a fixed order), but `page=0` or `sort=bogus` answer 400 as on
    /api/search. So does Datasette, whose table JSON refuses `_sort=bogus` (« Cannot sort table
    by bogus ») whatever the caller does with the rows, a map plugin included; and so does
    Meilisearch, which refuses a wrong value of any parameter it is sent. Ignoring them instead
    would make one URL right here and wrong on the search it is the map of, and a mistyped value
    go unnoticed until the same parameters reach /api/search. Refusing them as unknown, as
    Meilisearch refuses a field a route does not read, would break the links that carry a search's
    parameters to its map as they are (`links.map`, the page's « Carte »)."""
    started = time.perf_counter()
    engine = get_engine()
    state = engine.state()
    req = search_request(args, strict=path.startswith("/api/"))
    where = locations(state)
    selected = set(req.filters.get(REGION, []))
    marks: dict[tuple, dict] = {}
    pids: set[str] = set()
    unplaced: Counter[str] = Counter()
    for hit in all_results(state, req):
        pid = hit["partnership_id"]
        if pid in pids:  # an action search counts each partnership once
            continue
        pids.add(pid)
        rec = state.partnerships[pid]
        for side, place, party in _sides(rec, where[pid]):
            if party is None:
                continue
            if place is None or (side == "french" and not is_french(party)):
                unplaced[_left_off(side, party)] += 1
                continue
            lat, lon = COUNTRY_POINTS.get(place.country, (place.lat, place.lon)) if place.precision == "pays" \
                else (place.lat, place.lon)
            region = party.get("region") if side == "partner" else None
            # one mark per point and région: a town and its région share one
            key = (side, lat, lon, region)
            mark = marks.get(key)
            if mark is None:
                mark = marks[key] = {"names": {}, "side": side, "lat": lat, "lon": lon,
                                     "country": place.country, "regions": Counter(), "count": 0,
                                     "collectivities": set()}
            mark["names"][place.name] = place.precision
            mark["count"] += 1
            mark["collectivities"].add(party["name"])
            if side == "partner" and party.get("region"):
                mark["regions"][party["region"]] += 1
    chosen = set(req.filters.get(FRENCH, []))
    places = []
    for m in marks.values():
        names = sorted(m.pop("names").items(), key=lambda kv: (PRECISION_ORDER.index(kv[1]), kv[0]))
        m["name"], m["precision"] = names[0]  # the most precise: "Kayes" rather than "Kayes (région)"
        region = m.pop("regions").most_common(1)
        m["region"] = region[0][0] if region else None
        m["collectivities"] = sorted(m["collectivities"])
        if m["side"] == "french":  # a French mark toggles its collectivities (facet `french`)
            m["selected"] = set(m["collectivities"]) <= chosen
            m["toggle_url"] = toggle_values(path, args, FRENCH, m["collectivities"], m["selected"])
        else:
            m["selected"] = m["region"] in selected if m["region"] else False
            m["toggle_url"] = toggle_url(path, args, REGION, m["region"]) if m["region"] else None
        places.append(m)
    # a total order, whatever the order of the results (`sort` has no effect on the map)
    places.sort(key=lambda m: (-m["count"], m["name"], m["side"], m["region"] or "", m["lat"], m["lon"]))
    return {"total": len(pids), "places": places,
            "unplaced": {k: unplaced[k] for k in UNPLACED},
            "index_version": state.version, "took_ms": round((time.perf_counter() - started) * 1000, 2)}


def _left_off(side: str, party: dict) -> str:
    """Why a party has no mark (a key of `unplaced`): another country than the map's (Caracas,
    Milan) or none (an international organisation); a first party that is no French collectivity
    (Kidal and Fès, with an Algerian partner: the map's marks are the partners and the French
    collectivities, QA r43 audit 7 #9); else no place the gazetteer knows."""
    if party.get("country") not in MAP_COUNTRIES:
        return "elsewhere"
    return "first_party" if side == "french" and not is_french(party) else side


ARTICLED_REGIONS = {"Oriental": "de l'Oriental"}  # a région named with its article (« l'Oriental »)


def region_words(country: str | None, region: str) -> str:
    """A partner's région as the map's links name it: « wilaya de Tlemcen » (an Algerian région is a
    wilaya), « région de Kayes », « région de l'Oriental » (it said « la région Tlemcen », then « région
    d'Oriental »: the région's name takes its article)."""
    return ("wilaya " if country == "Algérie" else "région ") + ARTICLED_REGIONS.get(region, of_name(region))


def left_off_note(unplaced: dict[str, int]) -> str | None:
    """What the page says of the parties with no mark, or None when every party has one."""
    parts = [plural(unplaced[key], one, many) + why for key, one, many, why in UNPLACED_WORDS if unplaced.get(key)]
    return "Hors de la carte : " + " ; ".join(parts) + "." if parts else None


def toggle_values(path: str, args: MultiDict, facet: str, values: list[str], selected: bool) -> str:
    """This search with all `values` of `facet` added, or removed when they all are selected."""
    new = MultiDict(args)
    new.pop("page", None)
    current = new.poplist(facet)
    kept = [v for v in current if v not in values] if selected else current + [v for v in values if v not in current]
    for v in kept:
        new.add(facet, v)
    return url_with(path, new)


# --- SVG geometry -----------------------------------------------------------------

@dataclass(frozen=True)
class Panel:
    id: str
    title: str
    lon0: float
    lon1: float
    lat0: float
    lat1: float
    scale: float  # units per degree of latitude

    @property
    def kx(self) -> float:
        return self.scale * math.cos(math.radians((self.lat0 + self.lat1) / 2))

    @property
    def width(self) -> float:
        return round((self.lon1 - self.lon0) * self.kx, 1)

    @property
    def height(self) -> float:
        return round((self.lat1 - self.lat0) * self.scale, 1)

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        """Equirectangular, true to scale at the panel's middle latitude, in panel units."""
        return round((lon - self.lon0) * self.kx, 1), round((self.lat1 - lat) * self.scale, 1)

    def holds(self, lon: float, lat: float) -> bool:
        return self.lon0 <= lon <= self.lon1 and self.lat0 <= lat <= self.lat1


PANELS = (Panel("afrique", "Mali, Maroc, Algérie", -17.8, 12.2, 10.0, 37.6, 20.0),
          Panel("france", "France", -5.3, 9.9, 41.2, 51.2, 28.0))
LABELS = {"Mali": (-2.5, 18.2), "Algérie": (2.5, 28.5), "Maroc": (-7.6, 31.7), "France": (2.3, 46.9)}


@functools.lru_cache(maxsize=1)
def _shapes() -> dict:
    return json.loads((GEO / "countries.json").read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=4)
def panel_paths(panel: Panel) -> tuple[tuple[str, str, bool], ...]:
    """(country, SVG path data, mapped?) of every country in a panel's frame."""
    data = _shapes()
    out = []
    for country, rings in data["countries"].items():
        parts = []
        for ring in rings:
            lons = [p[0] for p in ring]
            lats = [p[1] for p in ring]
            if max(lons) < panel.lon0 - 1 or min(lons) > panel.lon1 + 1 or max(lats) < panel.lat0 - 1 \
                    or min(lats) > panel.lat1 + 1:
                continue
            pts = [panel.project(lon, lat) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in pts) + "Z")
        if parts:
            out.append((country, "".join(parts), country in data["mapped"]))
    out.sort(key=lambda t: t[2])  # mapped countries drawn last, over their neighbours
    return tuple(out)


def radius(count: int) -> float:
    """Mark radius: its area grows with the count."""
    return round(2.5 + 2.2 * math.sqrt(count), 1)


def map_geometry(view: dict) -> dict:
    """The view's places as SVG circles in the two panels, largest first (small
    marks drawn over large ones stay clickable)."""
    panels = []
    for panel in PANELS:
        marks = []
        for m in view["places"]:
            if panel.holds(m["lon"], m["lat"]) and (panel.id == "france") == (m["country"] == "France"):
                x, y = panel.project(m["lon"], m["lat"])
                marks.append(dict(m, x=x, y=y, r=radius(m["count"])))
        marks.sort(key=lambda m: -m["r"])
        labels = [{"text": c, "x": panel.project(*LABELS[c])[0], "y": panel.project(*LABELS[c])[1]}
                  for c in LABELS if panel.holds(*LABELS[c])]
        panels.append({"id": panel.id, "title": panel.title, "width": panel.width, "height": panel.height,
                       "paths": panel_paths(panel), "marks": marks, "labels": labels})
    top = max((m["count"] for m in view["places"]), default=1)
    legend = sorted({1, max(1, round(top / 4)), top})
    return {"panels": panels,
            "legend": [{"count": n, "r": radius(n)} for n in legend]}
