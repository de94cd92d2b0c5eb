"""The map of the results: /api/map, the /carte page, and their agreement
with the search (the map is a facet: a mark's count is the total its
région filter gives)."""
from __future__ import annotations

import re

import pytest

from engine import SearchRequest


@pytest.mark.parametrize("q", ["", "eau", "santé Ségou"])
def test_map_counts_the_partnerships_of_the_whole_result_set(client, engine, q):
    data = client.get("/api/map", query_string={"q": q}).get_json()
    res = engine.search(SearchRequest(q=q, per_page=1000))
    assert data["total"] == res["total"]
    st = engine.state()
    partner_placed = sum(m["count"] for m in data["places"] if m["side"] == "partner")
    def abroad(rec):  # the partner, or a body with no partner that stands abroad (Action Mopti)
        return rec.get("partner_party") or rec["french_party"]
    in_map = sum(1 for h in res["results"]
                 if abroad(st.partnerships[h["id"]]).get("country") in ("Mali", "Maroc", "Algérie"))
    assert partner_placed + data["unplaced"]["partner"] == in_map
    assert all(-20 < m["lon"] < 16 and 9 < m["lat"] < 52 for m in data["places"])


def test_a_partner_mark_filters_by_its_region(client, engine):
    data = client.get("/api/map?q=eau").get_json()
    by_region: dict[str, int] = {}
    for m in data["places"]:
        if m["side"] == "partner" and m["region"]:
            by_region[m["region"]] = by_region.get(m["region"], 0) + m["count"]
    facet = {it["value"]: it["count"]
             for it in client.get("/api/search?q=eau").get_json()["facets"]["region"]}
    # the map counts what the region facet counts, less the partners it cannot place
    from search_app.mapview import locations

    where = locations(engine.state())
    unplaced: dict[str, int] = {}
    for h in engine.search(SearchRequest(q="eau", per_page=1000))["results"]:
        region = (engine.partnership(h["id"]).get("partner_party") or {}).get("region")
        if region and where[h["id"]][0] is None:
            unplaced[region] = unplaced.get(region, 0) + 1
    assert {r: by_region.get(r, 0) + unplaced.get(r, 0) for r in facet} == facet
    mark = next(m for m in data["places"] if m["region"] == "Kayes")
    assert mark["toggle_url"] == "/api/map?q=eau&region=Kayes"
    filtered = client.get(mark["toggle_url"]).get_json()
    assert filtered["total"] == facet["Kayes"]
    assert all(m["selected"] for m in filtered["places"] if m["side"] == "partner" and m["region"] == "Kayes")


def test_an_action_search_counts_each_partnership_once(client, engine):
    data = client.get("/api/map?q=puits&type=action").get_json()
    res = engine.search(SearchRequest(q="puits", filters={"type": ["action"]}, per_page=1000))
    assert data["total"] == len({h["partnership_id"] for h in res["results"]}) < res["total"]


def test_map_page_is_inline_svg_with_links_and_a_table(client):
    r = client.get("/carte?q=eau")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert 'style="' not in html and "<script>" not in html
    assert not re.search(r'(src|href)="(https?:)?//', html)  # no tile, font or script from elsewhere
    start = html.index('<figure class="map"')
    svg = html[start:html.index("</figure>", start)]
    assert svg.count('class="land mapped"') == 4
    links = re.findall(r'<a class="mark partner[^"]*" href="([^"]+)"', svg)
    assert links and all(h.startswith("/carte?q=eau&amp;region=") for h in links)
    assert svg.count('class="mark french"') > 5
    assert 'aria-current="page">Carte</a>' in html
    assert "Les " in html and "de la carte, en tableau" in html


def test_map_radius_grows_with_the_count():
    from search_app.mapview import map_geometry, radius

    assert radius(1) < radius(4) < radius(16)
    geo = map_geometry({"places": [
        {"name": "Kayes", "side": "partner", "lat": 14.45, "lon": -11.44, "country": "Mali", "count": 9},
        {"name": "Rennes", "side": "french", "lat": 48.11, "lon": -1.67, "country": "France", "count": 1}]})
    afrique, france = geo["panels"]
    assert [m["name"] for m in afrique["marks"]] == ["Kayes"] and [m["name"] for m in france["marks"]] == ["Rennes"]
    assert 0 < afrique["marks"][0]["x"] < afrique["width"] and 0 < france["marks"][0]["y"] < france["height"]


def test_a_french_mark_filters_by_its_collectivities(client):
    data = client.get("/api/map?q=eau").get_json()
    facet = {it["value"]: it["count"] for it in client.get("/api/search?q=eau").get_json()["facets"]["french"]}
    mark = max((m for m in data["places"] if m["side"] == "french"), key=lambda m: len(m["collectivities"]))
    assert len(mark["collectivities"]) >= 2  # a town and its département or région share a point
    assert mark["count"] == sum(facet[c] for c in mark["collectivities"])
    filtered = client.get(mark["toggle_url"]).get_json()
    assert filtered["total"] == mark["count"]
    again = next(m for m in filtered["places"] if m["side"] == "french" and m["name"] == mark["name"])
    assert again["selected"]
    assert client.get(again["toggle_url"]).get_json()["total"] == data["total"]  # clicking again removes it


def test_a_body_with_no_partner_abroad_is_mapped_where_it_works(client):
    """Action Mopti names no partner and stands in Mopti: it was on neither side of the map (no
    partner; its own party not in France); it is a partners' mark, whose filter is its region."""
    data = client.get("/api/map", query_string={"q": '"Action Mopti"'}).get_json()
    (mark,) = [m for m in data["places"] if "Action Mopti" in m["collectivities"]]
    assert mark["side"] == "partner" and mark["region"] == "Mopti" and mark["country"] == "Mali"
    assert data["unplaced"] == {"partner": 0, "french": 0, "first_party": 0, "elsewhere": 0}


@pytest.mark.parametrize("qs, code", [("page=0", "out_of_range"), ("sort=bogus", "invalid_sort"),
                                      ("per_page=0", "out_of_range"), ("explain=oui", "invalid_boolean")])
def test_the_map_checks_the_parameters_it_has_no_use_for(client, qs, code):
    """The docs said page and sort do not apply to the map, and it refused page=0: they are checked as
    on /api/search (a URL is wrong alike on a search and on its map; mapview.map_view says why)."""
    r = client.get(f"/api/map?q=eau&{qs}")
    assert r.status_code == 400
    assert r.get_json()["error"]["code"] == code
    assert r.get_json()["error"]["parameter"] == qs.split("=")[0]


@pytest.mark.parametrize("q", ["", "eau"])
@pytest.mark.parametrize("qs", ["sort=year_desc", "sort=year_asc", "page=3&per_page=1", "explain=1"])
def test_the_map_is_the_same_whatever_page_sort_and_explain(client, q, qs):
    """Places of equal count and name came in the results' order: the whole map browsed by year
    listed Mostaganem's two marks the other way round."""
    def places(url: str) -> list[dict]:
        return [{k: v for k, v in m.items() if k != "toggle_url"} for m in client.get(url).get_json()["places"]]

    assert places(f"/api/map?q={q}&{qs}") == places(f"/api/map?q={q}")
