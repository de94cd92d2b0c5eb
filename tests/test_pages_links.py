"""Addresses that keep the user's place, and lists in the reader's order (round 39 QA audit)."""
from __future__ import annotations

import re

import pytest

from engine import SearchRequest

POINTED = "pontivy--ouelessebougou"


def test_a_redirect_to_a_partnership_keeps_the_page_of_results(client):
    """An upper-case id or an action's id redirects to the partnership's page; `page` went missing
    there, so « Retour aux résultats » went back to page 1."""
    r = client.get(f"/partenariats/{POINTED.upper()}?q=eau&country=Mali&per_page=5&page=2")
    assert r.status_code == 301 and "page=2" in r.headers["Location"] and "per_page=5" in r.headers["Location"]
    r = client.get(f"/partenariats/{POINTED}--a04?q=eau&page=2")
    assert r.status_code == 301 and r.headers["Location"] == f"/partenariats/{POINTED}?q=eau&page=2#{POINTED}--a04"
    page = client.get(r.headers["Location"]).get_data(as_text=True)
    assert f'href="/?q=eau&amp;page=2#hit-{POINTED}"' in page  # the way back is to the same page, at the result


def test_an_unknown_partnership_goes_back_to_the_search(client):
    html = client.get("/partenariats/nope?q=eau&page=2").get_data(as_text=True)
    assert re.search(r'<a href="/\?q=eau&amp;page=2">Retour à la recherche</a>', html)


@pytest.mark.parametrize("path", ["/a-propos/", "/carte/", f"/partenariats/{POINTED}/",
                                  f"/api/partnerships/{POINTED}/"])
def test_a_trailing_slash_redirects_to_the_address_without_it(client, path):
    r = client.get(path + "?q=eau")
    assert r.status_code == 301 and r.headers["Location"] == path.rstrip("/") + "?q=eau"
    assert 'lang="fr"' in r.get_data(as_text=True)  # not Werkzeug's English « Redirecting… »
    assert client.get(r.headers["Location"]).status_code == 200


def test_an_unknown_address_with_a_slash_is_still_not_found(client):
    assert client.get("/nulle-part/").status_code == 404


@pytest.mark.parametrize("year_from, year_to", [(1990, 2000), (2000, 1990), (2005, None)])
def test_the_year_facet_lists_only_the_years_of_the_period(engine, year_from, year_to):
    """With a period, a record active in 1995 and 2014 passes 1990-2000, but ticking 2014 then
    lists nothing: each year offered leads to as many results as its count says."""
    r = engine.search(SearchRequest(q="eau", year_from=year_from, year_to=year_to, per_page=1))
    lo, hi = sorted((year_from, year_to or 9999))
    years = [it for it in r["facets"]["year"] if it["value"] != "none"]  # (« Sans année »: test_year_none)
    assert years and all(lo <= it["value"] <= hi for it in years)
    for it in years[:: max(1, len(years) // 4)]:
        ticked = engine.search(SearchRequest(q="eau", year_from=year_from, year_to=year_to,
                                             filters={"year": [it["value"]]}, per_page=1, facets=False))
        assert ticked["total"] == it["count"]


def test_facet_values_of_equal_count_are_in_french_order(engine):
    """« … Yémen, Égypte, Émirats arabes unis »: the ties were ordered by code point."""
    items = engine.search(SearchRequest(q="", per_page=1))["facets"]["country"]
    by_count: dict[int, list[str]] = {}
    for it in items:
        by_count.setdefault(it["count"], []).append(it["value"])
    ties = [names for names in by_count.values() if any(n[0] in "ÉÈÀÎÔ" for n in names)]
    assert ties
    for names in ties:
        assert names == sorted(names, key=lambda n: (n.lower().replace("é", "e").replace("è", "e"), n))


def test_a_source_of_one_line_says_ligne(client, engine):
    html = client.get(f"/partenariats/{POINTED}").get_data(as_text=True)
    assert not re.search(r"lignes (\d+)–\1\b", html)
    assert re.search(r"— ligne \d+", html)


def test_a_year_selected_outside_the_period_keeps_its_count(engine):
    r = engine.search(SearchRequest(q="eau", year_from=2000, year_to=2005, filters={"year": [2014]}))
    ticked = [it for it in r["facets"]["year"] if it["selected"]]
    assert r["total"] > 0 and ticked == [{"value": 2014, "count": r["total"], "selected": True}]


def test_an_error_page_says_how_many_values_it_drops(client):
    html = client.get("/?q=eau&year=20x5&year=19x0&year=2005").get_data(as_text=True)
    assert re.search(r'href="/\?q=eau&amp;year=2005" id="fix-link">Rechercher sans ces valeurs<', html)


def test_no_control_character_is_echoed_into_a_page(client):
    """An unknown parameter's name was copied raw into the search form; an unknown id into the 404."""
    for url in ("/?q=eau&x%00y=1", "/partenariats/ab%00c", "/?q=eau&page=0&zz%01z=1", "/?q=%00eau&zz%01z=1",
                "/?q=eau&country=Atlantis&zz%01z=1"):
        html = client.get(url).get_data(as_text=True)
        assert "\x00" not in html and "\x01" not in html, url
    assert 'name="x' not in client.get("/?q=eau&x%01y=1").get_data(as_text=True)


def test_the_same_unit_written_otherwise_is_the_same_partner(client):
    """« Voir aussi » joined partners by their name only: Grand Lyon's « Mairie du district de Bamako »
    and the AIMF's « Bamako (District) » did not see each other, nor « Région de Kayes » the « Assemblée
    régionale de Kayes » (QA r42, audit 5, defect 10). A unit of one kind and place is one partner; a
    commune is told apart by its name (Bamako, typed a commune, is not the district)."""
    def same_partner(pid: str) -> set[str]:
        data = client.get(f"/api/partnerships/{pid}").get_json()
        return {p["id"] for p in data["related"]["same_partner"]}

    assert "aimf--bamako-district" in same_partner("cu-lyon--district-de-bamako")
    assert {"cr-ile-de-france--assemblee-regionale-de-kayes", "cg-hauts-de-seine--cr-kayes"} <= same_partner(
        "cr-bretagne--cr-kayes")
    assert "paris--cercle-yelimane" in same_partner("montreuil--yelimane")
    assert not {"cu-lyon--district-de-bamako", "aix-en-provence--bamako-commune-v"} & same_partner("angers--bamako")


def test_clearing_every_filter_keeps_the_order_and_the_page_size(client):
    """« Retirer tous les filtres » linked to `/?q=eau`: the sort and the page size (no filters, and
    kept by each chip) were lost, and the page number stays out as a chip's link leaves it."""
    html = client.get("/?q=eau&country=Mali&domain=Santé&per_page=7&sort=year_desc&page=2").get_data(as_text=True)
    link = re.search(r'<a class="clear-all" href="([^"]*)"', html).group(1)
    assert link == "/?q=eau&amp;sort=year_desc&amp;per_page=7"
    assert re.search(r'<a class="clear-all" href="/">', client.get("/?country=Mali").get_data(as_text=True))


def test_both_links_without_filters_keep_the_same_things(client):
    """« Sans les filtres, la recherche donne … » dropped the sort and the page size, « Retirer tous
    les filtres » the kind of record listed (review 3, r43, #5): one rule keeps the words, the order,
    the page size and the kind for both, and the API's link; the kind alone is no filter to remove."""
    empty = client.get("/?q=puits&country=Algérie&domain=Santé&sort=year_desc&per_page=50").get_data(as_text=True)
    assert re.search(r'id="without-filters"', empty)
    assert re.search(r'href="/\?q=puits&amp;sort=year_desc&amp;per_page=50" id="without-filters"', empty)
    actions = client.get("/?q=eau&type=action&country=Mali&sort=year_desc").get_data(as_text=True)
    link = re.search(r'<a class="clear-all" href="([^"]*)"', actions).group(1)
    assert link == "/?q=eau&amp;sort=year_desc&amp;type=action"
    api = client.get("/api/search?q=puits&country=Algérie&domain=Santé&sort=year_desc&per_page=50").get_json()
    assert api["links"]["without_filters"] == "/api/search?q=puits&sort=year_desc&per_page=50"
    assert 'class="clear-all"' not in client.get("/?q=eau&type=action").get_data(as_text=True)


def test_the_kind_of_record_listed_is_no_filter_chip(client):
    """« Retirer tous les filtres » kept `type=action` (the kind is no filter) while its chip « Type
    de fiche : Actions » stayed among the active filters (review 3, r43, #13): the kind has no chip."""
    html = client.get("/?q=eau&type=action&country=Mali").get_data(as_text=True)
    chips = re.findall(r'aria-label="Retirer le filtre ([^"]*)"', html)
    assert [c.replace("\u202f", " ") for c in chips] == ["Pays : Mali"]
    assert 'class="active-filters"' not in client.get("/?q=eau&type=action").get_data(as_text=True)
