"""« Sans année » (`year=none`): the records no year dates, which a year or a period filter hides, are a
value of the year facet: counted as the others are (the total its click lists), OR'd with the years,
listed last, and added to a period's records when ticked with it (round 47, U1)."""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from engine import SearchRequest
from engine.facets import FacetBits, Selection, filter_and_count
from indexer.facet_registry import FACETS, YEAR

NONE = "none"  # the API token (the registry declares it: first test)
CASES = [  # (q, filters): browsing and words, each kind of listing, other filters
    ("", {}),
    ("", {"type": ["action"]}),
    ("", {"type": ["action"], "country": ["Mali"]}),
    ("eau", {}),
    ("coopération décentralisée", {"type": ["action"]}),
    ("formation des élus", {"country": ["Mali"]}),
    ("formation des élus", {"country": ["Mali"], "type": ["action"]}),
    ("assainissement Kayes", {"type": ["action"], "detail": ["sheet"]}),
]


def _none_item(response: dict) -> dict | None:
    return next((i for i in response["facets"][YEAR] if i["value"] == NONE), None)


def _search(engine, q, filters, **kw) -> dict:
    return engine.search(SearchRequest(q=q, filters=filters, snippets=False, **kw))


def _every(engine, q, filters, **kw) -> list[dict]:
    """Every result of a search, page after page."""
    out: list[dict] = []
    page = 1
    while True:
        r = _search(engine, q, filters, per_page=100, page=page, facets=False, **kw)
        out += r["results"]
        if page >= r["pages"]:
            return out
        page += 1


def test_the_year_facet_declares_a_missing_value():
    assert FACETS[YEAR].missing == NONE and FACETS[YEAR].label_of(NONE) == "Sans année"
    assert FACETS[YEAR].parse(" none ") == NONE


@pytest.mark.parametrize(("q", "filters"), CASES)
def test_sans_annee_counts_what_its_click_lists(engine, q, filters):
    r = _search(engine, q, filters, per_page=1)
    item = _none_item(r)
    assert item is not None and item["count"] > 0, (q, filters)
    assert r["facets"][YEAR][-1] is item  # after the years
    click = _search(engine, q, {**filters, YEAR: [NONE]}, per_page=1)
    assert click["total"] == item["count"]
    assert not any(h["years"] for h in _every(engine, q, {**filters, YEAR: [NONE]}))  # (its own years)
    # ticked, it keeps its count, and each year counts what its click lists
    assert _none_item(click)["selected"] and _none_item(click)["count"] == item["count"]
    for year in click["facets"][YEAR][:-1][::7]:
        alone = _search(engine, q, {**filters, YEAR: [year["value"]]}, per_page=1, facets=False)
        assert alone["total"] == year["count"], year


@pytest.mark.parametrize(("q", "filters"), CASES)
def test_with_a_period_it_counts_the_yearless_records_and_adds_them(engine, q, filters):
    period = {"year_from": 2000, "year_to": 2004}
    r = _search(engine, q, filters, per_page=1, **period)
    item = _none_item(r)
    count = item["count"] if item is not None else 0  # (a query may list no yearless record)
    assert count > 0 or q
    assert all(i["value"] == NONE or 2000 <= i["value"] <= 2004 for i in r["facets"][YEAR])
    click = _search(engine, q, {**filters, YEAR: [NONE]}, per_page=1, **period)
    listed = _every(engine, q, {**filters, YEAR: [NONE]}, **period)
    assert len(listed) == click["total"]
    assert len([h for h in listed if not h["years"]]) == count
    dated = [h for h in listed if h["years"]]
    assert all(any(2000 <= y <= 2004 for y in h["years"]) for h in dated)
    if not q:  # browsing (no ranking deciding anew): the period's records and the yearless ones
        assert click["total"] == r["total"] + count


def test_a_year_and_none_list_both(engine):
    kind = {"type": ["action"]}
    y2005 = _search(engine, "", {**kind, YEAR: [2005]}, per_page=1)
    both = _search(engine, "", {**kind, YEAR: [2005, NONE]}, per_page=1)
    assert both["total"] == y2005["total"] + _none_item(y2005)["count"]
    assert both["query"]["filters"][YEAR] == [2005, NONE]


def test_a_yearless_record_passes_no_year_nor_period(engine):
    none = _search(engine, "", {"type": ["action"], YEAR: [NONE]}, per_page=100)
    ids = {h["id"] for h in none["results"]}
    for req in ({"filters": {"type": ["action"], YEAR: [2005]}}, {"filters": {"type": ["action"]}, "year_from": 1950}):
        listed = engine.search(SearchRequest(per_page=100, page=1, snippets=False, **req))
        assert listed["total"] and not ids & {h["id"] for h in listed["results"]}


def test_the_api_takes_none_and_keeps_the_year_error(client, check_search_contract):
    data = client.get("/api/search?type=action&year=none").get_json()
    check_search_contract(data)
    item = data["facets"][YEAR][-1]
    assert item["value"] == NONE and item["selected"] and item["count"] == data["total"]
    assert item["toggle_url"] == "/api/search?type=action"
    unticked = client.get("/api/search?type=action&year=2005").get_json()["facets"][YEAR][-1]
    assert unticked["value"] == NONE and unticked["toggle_url"] == "/api/search?type=action&year=2005&year=none"
    for bad in ("NONE", "None", "nan", "20x5"):
        error = client.get("/api/search", query_string={"year": bad}).get_json()["error"]
        assert (error["code"], error["parameter"]) == ("invalid_year", YEAR)
        assert error["message"] == ("Le paramètre « Année » (year) doit être une année de 1900 à 2100 écrite en "
                                    f"chiffres, sans signe ni zéro devant, comme « 2005 » (reçu : « {bad} »).")
    # the period's bounds are years only
    assert client.get("/api/search?year_from=none").get_json()["error"]["code"] == "invalid_year"


def test_the_exports_list_what_the_count_says(client):
    count = client.get("/api/search?type=action").get_json()["facets"][YEAR][-1]["count"]
    text = client.get("/api/search.csv?type=action&year=none&all=1").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == count and all(r["years"] == "" for r in rows)
    lines = client.get("/api/search.jsonl?type=action&year=none&all=1").get_data(as_text=True).splitlines()
    assert len(lines) == count and all(not json.loads(line)["years"] for line in lines)


def test_the_page_shows_sans_annee_last_with_its_toggle(client):
    page = client.get("/?type=action").get_data(as_text=True)
    count = client.get("/api/search?type=action").get_json()["facets"][YEAR][-1]["count"]
    yearless = re.search(r'<ul class="values yearless">(.*?)</ul>', page, re.DOTALL)
    assert yearless and 'href="/?type=action&amp;year=none"' in yearless[1]
    assert f'<span class="label">Sans année</span> <span class="count">{count}</span>' in yearless[1]
    assert page.index("Liste des années") < yearless.start()  # after the years
    ticked = client.get("/?type=action&year=none").get_data(as_text=True)
    assert 'aria-label="Retirer le filtre Année\u202f: Sans année"' in ticked  # its chip
    assert '<details class="more" open><summary>Liste des années' not in ticked  # no year ticked


def test_the_page_draws_no_chart_without_years():
    from search_app.pages import year_bars, year_items

    items = [{"value": 2003, "count": 2, "selected": False, "toggle_url": "/?year=2003"},
             {"value": NONE, "count": 5, "selected": True, "toggle_url": "/"}]
    years, yearless = year_items(FACETS[YEAR], items)
    assert [i["value"] for i in years] == [2003] and [i["value"] for i in yearless] == [NONE]
    assert year_bars(years)["first"] == 2003
    assert year_items(FACETS[YEAR], items[1:]) == ([], items[1:])


def test_an_empty_listing_says_why(client):
    data = client.get("/api/search", query_string={"q": "annee:2005", "year": NONE}).get_json()
    assert data["total"] == 0
    assert data["query"]["notices"] == [("« année:2005 » dans la recherche et le filtre « Année : Sans année » "
                                         "s'appliquent tous deux : aucune fiche ne répond aux deux.")]
    # no « the repertoire's records are dated from … to … »: yearless records were asked
    words = client.get("/api/search", query_string={"q": "xyzzyq", "year": NONE}).get_json()
    assert not any("sont datées" in n for n in words["query"]["notices"])


def test_the_bitsets_keep_the_missing_value_apart():
    bits = FacetBits(6, {YEAR: {2001: [0, 1], 2002: [1, 2]}, "domain": {"eau": [0, 3, 4]}}, {YEAR: NONE})
    assert bits.missing[YEAR] == (NONE, 0b111000) and set(bits.values[YEAR]) == {2001, 2002}
    everyone = range(6)

    def run(values, **period):
        kept, counts = filter_and_count(everyone, bits, Selection(values=values, **period), [YEAR, "domain"])
        return kept, dict(counts[YEAR]), dict(counts["domain"])
    assert run({}) == ([0, 1, 2, 3, 4, 5], {2001: 2, 2002: 2, NONE: 3}, {"eau": 3})
    assert run({YEAR: {NONE}}) == ([3, 4, 5], {2001: 2, 2002: 2, NONE: 3}, {"eau": 2})
    assert run({YEAR: {NONE, 2001}, "domain": {"eau"}}) == ([0, 3, 4], {2001: 1, NONE: 2}, {"eau": 3})
    # a period keeps its years; none counts, and adds, the yearless documents
    assert run({}, year_from=2002) == ([1, 2], {2001: 1, 2002: 2, NONE: 3}, {})
    assert run({YEAR: {NONE}}, year_from=2002) == ([1, 2, 3, 4, 5], {2001: 1, 2002: 2, NONE: 3}, {"eau": 2})


def test_the_documents_say_it():
    root = Path(__file__).resolve().parents[1]
    api = (root / "docs" / "api.md").read_text(encoding="utf-8")
    assert "`none` is the records no year dates, « Sans année »" in api
    assert "`missing`" in (root / "docs" / "facets.md").read_text(encoding="utf-8")
    spec = json.loads((root / "search_app" / "openapi.json").read_text(encoding="utf-8"))
    year = next(p for p in spec["paths"]["/api/search"]["get"]["parameters"] if p["name"] == YEAR)
    assert {"type": "string", "enum": [NONE], "description": "« Sans année »"} in year["schema"]["items"]["oneOf"]


def test_the_documented_figures_are_the_engine_s(client):
    """docs/api.md's `year` row gives the yearless records' counts and a period's totals: replayed."""
    api = (Path(__file__).resolve().parents[1] / "docs" / "api.md").read_text(encoding="utf-8")
    m = re.search(r"« Sans année » on the page \((\d+) actions, (\d+) partnerships\).*?"
                  r"`type=action&year_from=2000&year_to=2004` lists (\d+) actions, with `year=none` (\d+)", api)
    assert m, "the year row no longer gives the figures"
    actions, partnerships, period, both = map(int, m.groups())
    get = client.get
    assert get("/api/search?type=action").get_json()["facets"][YEAR][-1]["count"] == actions
    assert get("/api/search").get_json()["facets"][YEAR][-1]["count"] == partnerships
    assert get("/api/search?type=action&year_from=2000&year_to=2004").get_json()["total"] == period
    assert get("/api/search?type=action&year_from=2000&year_to=2004&year=none").get_json()["total"] == both


@pytest.mark.parametrize("typed", ["annee:none", 'annee:"sans année"', "année:sans", "an:NONE"])
@pytest.mark.parametrize(("q", "filters"), [("", {}), ("", {"type": ["action"]}), ("formation", {"country": ["Mali"]})])
def test_a_prefix_selects_the_yearless_records_as_the_parameter_does(engine, typed, q, filters):
    """`annee:none` typed in the words lists what `year=none` lists, where it was « Année invalide » and nothing."""
    by_prefix = _every(engine, f"{q} {typed}".strip(), filters, sort="name")
    by_parameter = _every(engine, q, {**filters, YEAR: [NONE]}, sort="name")
    assert by_prefix and [r["id"] for r in by_prefix] == [r["id"] for r in by_parameter]
    said = _search(engine, f"{q} {typed}".strip(), filters)["query"]["notices"]
    assert not [n for n in said if "Année invalide" in n or "Aucune valeur" in n]


@pytest.mark.parametrize("typed", ["annee:non", "annee:no", "annee:sa"])
def test_a_value_short_of_none_or_sans_annee_is_still_no_year(engine, typed):
    r = _search(engine, typed, {})
    assert r["total"] == 0 and any("Année invalide" in n for n in r["query"]["notices"])


def test_annee_none_with_a_period_says_both_apply(engine):
    r = engine.search(SearchRequest(q="assainissement annee:none", year_from=2000, year_to=2004, snippets=False))
    assert r["total"] == 0
    assert any("« année:none » dans la recherche et la période demandée" in n for n in r["query"]["notices"])
    both = engine.search(SearchRequest(q="assainissement", filters={YEAR: [NONE]}, year_from=2000, year_to=2004))
    assert both["total"] > 0  # the parameters' union, which the notice points to


def test_excluding_the_yearless_records_keeps_every_dated_one(engine):
    everything = _search(engine, "", {}, per_page=1)["total"]
    dated = _search(engine, "-annee:none", {}, per_page=1)["total"]
    yearless = _search(engine, "", {YEAR: [NONE]}, per_page=1)["total"]
    assert 0 < dated < everything and dated + yearless == everything


def test_annee_none_with_a_year_parameter_says_both_apply(engine):
    r = _search(engine, "eau annee:none", {YEAR: ["2005"]})
    assert r["total"] == 0
    assert any("« année:none » dans la recherche et le filtre « Année : 2005 »" in n for n in r["query"]["notices"])
