"""The facet registry: one entry makes a facet exist everywhere.

The main test registers a facet that the project does not have (the kind of
partner collectivity: commune, wilaya, cercle…) in a temporary registry,
builds a small index with it, and finds it in the API, its validation, the
OpenAPI document, the query language, the command line and the search page.
"""
from __future__ import annotations

import shutil
from collections import Counter

import pytest

from engine import SearchRequest
from indexer.facet_registry import FACETS, Facet, Registry, registry, using

SMALL_DOCS = ("algerie-micl-cooperation.txt", "algerie-ambassade-cooperation-technique.txt")

PARTNER_KIND = Facet(
    "partner_kind", "Nature du partenaire",
    lambda p: [p.partner_party.kind] if p.partner_party else [],
    prefixes=("nature",), multi=False, query_example="nature:wilaya",
    description="Nature de la collectivité partenaire (commune, wilaya…). Répétable.")


@pytest.fixture(scope="module")
def extended(tmp_path_factory, data_dir):
    """A registry with one more facet, an index built with it, and an app on that index."""
    from indexer.build import build_index
    from search_app import create_app

    root = tmp_path_factory.mktemp("registry")
    data = root / "data"
    data.mkdir()
    for name in SMALL_DOCS:
        shutil.copy(data_dir / name, data / name)
    reg = FACETS.with_facets(PARTNER_KIND)
    with using(reg):
        build_index(data, root / "index")
    return reg, create_app({"INDEX_DIR": str(root / "index"), "TESTING": True})


def _kinds(client) -> Counter:
    """The partner kinds of every partnership of the index, read from the records."""
    data = client.get("/api/search", query_string={"per_page": 100}).get_json()
    ids = [h["id"] for h in data["results"]]
    page = 2
    while len(ids) < data["total"]:
        more = client.get("/api/search", query_string={"per_page": 100, "page": page}).get_json()
        ids += [h["id"] for h in more["results"]]
        page += 1
    kinds = Counter()
    for pid in ids:
        party = client.get(f"/api/partnerships/{pid}").get_json()["partner_party"]
        if party and party["kind"]:
            kinds[party["kind"]] += 1
    return kinds


def test_a_registered_facet_is_counted_and_filters_in_the_api(extended):
    reg, app = extended
    with using(reg):
        client = app.test_client()
        kinds = _kinds(client)
        assert len(kinds) >= 2  # a facet worth having: it splits the records
        facets = client.get("/api/search").get_json()["facets"]
        assert list(facets) == list(reg.names)
        counted = {v["value"]: v["count"] for v in facets["partner_kind"]}
        assert counted == dict(kinds)
        value, n = kinds.most_common(1)[0]
        r = client.get("/api/search", query_string={"partner_kind": value, "per_page": 100}).get_json()
        assert r["total"] == n
        for hit in r["results"]:
            assert hit["partner_party"]["kind"] == value
        chosen = next(v for v in r["facets"]["partner_kind"] if v["value"] == value)
        assert chosen["selected"] and "partner_kind" not in chosen["toggle_url"]  # the link removes it
        assert all("partner_kind=" in v["toggle_url"] for v in facets["partner_kind"])
        bad = client.get("/api/search", query_string={"partner_kind": "nulle part"})
        assert bad.status_code == 400
        assert bad.get_json()["error"]["code"] == "unknown_facet_value"
        assert bad.get_json()["error"]["parameter"] == "partner_kind"


def test_a_registered_facet_is_in_the_openapi_document(extended):
    from openapi_spec_validator import validate

    reg, app = extended
    with using(reg):
        client = app.test_client()
        doc = client.get("/api/openapi.json").get_json()
        validate(doc)
        params = {p["name"]: p for p in doc["paths"]["/api/search"]["get"]["parameters"]}
        assert set(params["partner_kind"]["schema"]["items"]["enum"]) == set(_kinds(client))
        assert "partner_kind" in doc["components"]["schemas"]["Facets"]["required"]
        assert "nature:" in params["q"]["description"]
    # the default registry's document is the file on disk, untouched by the temporary facet
    from search_app import openapi

    assert "partner_kind" not in openapi.generated()["components"]["schemas"]["Facets"]["properties"]


def test_a_registered_facet_has_its_query_prefix(extended):
    from engine.querylang import parse_query

    reg, app = extended
    with using(reg):
        clause = parse_query("nature:wilaya eau").clauses[0]
        assert (clause.kind, clause.target, clause.render()) == ("field", "partner_kind", "nature:wilaya")
        client = app.test_client()
        value = _kinds(client).most_common(1)[0][0]
        by_param = client.get("/api/search", query_string={"partner_kind": value}).get_json()
        by_prefix = client.get("/api/search", query_string={"q": f"nature:{value}"}).get_json()
        assert by_prefix["total"] == by_param["total"] > 0
        assert by_prefix["query"]["prefix_filters"] == {"partner_kind": [value]}
        excluded = client.get("/api/search", query_string={"q": f"-nature:{value}"}).get_json()
        everything = client.get("/api/search").get_json()
        assert excluded["total"] == everything["total"] - by_param["total"]
    assert parse_query("nature:wilaya").clauses[0].kind == "word"  # unknown once the block ends


def test_a_registered_facet_is_on_the_search_page_and_the_command_line(extended):
    from repertoires.cli import build_parser

    reg, app = extended
    with using(reg):
        html = app.test_client().get("/").get_data(as_text=True)
        assert 'data-facet="partner_kind"' in html
        assert "Nature du partenaire" in html
        assert "<code>nature:wilaya</code>" in html  # the query help lists its prefix
        args = build_parser().parse_args(["search", "--partner-kind", "wilaya"])
        assert args.partner_kind == ["wilaya"]


def test_the_registry_refuses_ambiguous_declarations():
    with pytest.raises(ValueError, match="same name"):
        FACETS.with_facets(Facet("country", "Pays bis", lambda p: []))
    with pytest.raises(ValueError, match="prefix"):
        FACETS.with_facets(Facet("country2", "Pays bis", lambda p: [], prefixes=("Pays",)))
    with pytest.raises(ValueError, match="kind"):
        FACETS.with_facets(Facet("kind2", "Sorte", lambda p: [], selects_kind=True))
    with pytest.raises(ValueError, match="lower-case"):
        Facet("Country", "Pays", lambda p: [])


def test_using_restores_the_registry_after_an_error():
    before = registry()
    with pytest.raises(RuntimeError), using(Registry([])):
        assert len(registry()) == 0
        raise RuntimeError
    assert registry() is before


def test_single_valued_facets_hold_at_most_one_value(engine):
    """`multi=False` is a promise the page and the API rely on; the real corpus keeps it."""
    single = [f.name for f in registry() if not f.multi]
    assert single
    for name in single:
        for doc, values in zip(engine.state().docs, engine.state().facet_bits.values_per_doc(name), strict=True):
            assert len(values) <= 1, (doc.id, name, values)


def test_facet_values_are_parsed_as_declared():
    year = FACETS["year"]
    assert year.parse(" 2005 ") == 2005
    for bad in ("05", "二〇〇五", "2005a"):
        with pytest.raises(ValueError, match="Valeur invalide pour le filtre « Année »"):
            year.parse(bad)
    kind = FACETS["type"]
    assert kind.parse("action") == "action"
    with pytest.raises(ValueError, match="Valeur inconnue pour le filtre « Type de fiche » \\(type\\)"):
        kind.parse("Action")
    assert FACETS["country"].from_index and not year.from_index and not kind.from_index


def test_the_openapi_file_is_generated_from_the_registry():
    from search_app import openapi

    assert openapi.main(["--check"]) == 0, "run `python -m search_app.openapi`"


def test_a_body_with_no_partner_abroad_is_filed_under_its_own_region(client):
    """Action Mopti, an NGO with no partner collectivity, works in Mopti: the region filter finds it,
    and its result says so, in the API as in the facet (facet_registry.partner_region)."""
    data = client.get("/api/search", query_string={"q": "Action Mopti", "region": "Mopti"}).get_json()
    hit = next(h for h in data["results"] if h["id"] == "action-mopti")
    assert hit["partner_party"] is None and hit["region"] == "Mopti"
    # a French town with no partner (Bron's grants to two associations) is under no region
    bron = client.get("/api/search", query_string={"q": "Bron Malira"}).get_json()["results"][0]
    assert bron["id"] == "bron" and bron["region"] is None


def test_a_year_given_as_text_is_parsed_as_the_api_parses_it(engine):
    # a program passing the API's strings got a TypeError from the year facet's sort
    as_int = engine.search(SearchRequest(q="puits", filters={"year": [2005]}, per_page=100))
    as_text = engine.search(SearchRequest(q="puits", filters={"year": ["2005"]}, per_page=100))
    assert as_text["total"] == as_int["total"] > 0
    assert [h["id"] for h in as_text["results"]] == [h["id"] for h in as_int["results"]]
    with pytest.raises(ValueError, match="Valeur invalide pour le filtre « Année » \\(year\\) : « 20x5 »"):
        SearchRequest(q="puits", filters={"year": ["20x5"]})
    alone = engine.search(SearchRequest(q="puits", filters={"year": "2005", "country": "Mali"}, per_page=100))
    assert alone["total"] > 0 and all("Mali" in h["countries"] and 2005 in h["years"] for h in alone["results"])
