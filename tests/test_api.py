"""The JSON API through Flask's test client, on the session index of the real corpus.

Counts are checked against the engine itself (the API must neither add nor
lose results) and against each other (a facet count is the total you get when
you tick it), so that the tests hold whatever the parsers find tomorrow.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from contract import check_schema
from engine import SearchRequest

KAYES = "assainissement Kayes"
EVRY = "ca-evry-centre-essonne--kayes"



def response_schema(spec: dict, path: str, status: str) -> str:
    ref = spec["paths"][path]["get"]["responses"][status]["content"]["application/json"]["schema"]["$ref"]
    return ref.rsplit("/", 1)[1]


# --- the OpenAPI document ---------------------------------------------------

def test_openapi_document_is_valid_and_served(client, spec):
    from openapi_spec_validator import validate

    validate(spec)
    r = client.get("/api/openapi.json")
    assert r.status_code == 200
    assert r.mimetype == "application/json"
    served = r.get_json()
    validate(served)
    assert served["paths"].keys() == spec["paths"].keys()
    # the facet values of the served index are listed as enums
    params = {p["name"]: p for p in served["paths"]["/api/search"]["get"]["parameters"]}
    assert "Mali" in params["country"]["schema"]["items"]["enum"]
    assert "Kayes" in params["region"]["schema"]["items"]["enum"]


def test_openapi_describes_every_api_route(app, spec):
    routes = {str(rule) for rule in app.url_map.iter_rules() if str(rule).startswith("/api/")}
    documented = {p.replace("{id}", "<aid>" if p.startswith("/api/actions") else "<pid>") for p in spec["paths"]}
    assert routes == documented


def test_openapi_search_parameters_match_the_validator(spec):
    from search_app.exports import CSV_PARAMS, EXPORT_PARAMS
    from search_app.params import known_params

    for path in ("/api/search", "/api/map"):
        names = {p["name"] for p in spec["paths"][path]["get"]["parameters"]}
        assert names == known_params()
    for path, own in (("/api/search.csv", CSV_PARAMS), ("/api/search.jsonl", EXPORT_PARAMS)):
        names = {p["name"] for p in spec["paths"][path]["get"]["parameters"]}
        assert names == known_params() | set(own)


def test_openapi_lists_every_error_code_the_validator_raises(spec):
    import re

    codes = set(spec["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"])
    source = (Path(__file__).resolve().parents[1] / "search_app").glob("*.py")
    raised = set()
    for f in source:
        raised |= set(re.findall(r'ParamError\(\s*"([a-z_]+)"', f.read_text(encoding="utf-8")))
        raised |= set(re.findall(r'error_response\(\s*\d+,\s*"([a-z_]+)"', f.read_text(encoding="utf-8")))
    assert raised and raised <= codes


# --- /api/search ------------------------------------------------------------

def test_search_answers_as_documented(client, engine, spec):
    r = client.get("/api/search", query_string={"q": KAYES})
    assert r.status_code == 200
    data = r.get_json()
    check_schema(spec, response_schema(spec, "/api/search", "200"), data)
    expected = engine.search(SearchRequest(q=KAYES))
    assert data["total"] == expected["total"] > 0
    assert [h["id"] for h in data["results"]] == [h["id"] for h in expected["results"]]
    assert data["query"]["q"] == KAYES
    assert data["query"]["type"] == "partnership"
    assert (data["page"], data["per_page"]) == (1, 20)
    assert data["suggestion"] is None
    ids = [h["id"] for h in data["results"]]
    assert EVRY in ids
    evry = data["results"][ids.index(EVRY)]
    assert evry["url"] == f"/partenariats/{EVRY}"
    assert evry["partner_party"]["name"] == "Commune de Kayes"
    assert evry["countries"] == ["Mali"]
    assert evry["source"]["document"] == "mali-repertoire-2008.txt"
    assert "<mark>Kayes</mark>" in evry["snippet"]
    assert all(a["id"].startswith(EVRY + "--a") for a in evry["actions"])


def test_action_results_link_to_their_anchor(client, spec):
    data = client.get("/api/search", query_string={"q": KAYES, "type": "action"}).get_json()
    check_schema(spec, "SearchResponse", data)
    assert data["query"]["type"] == "action"
    assert data["results"]
    for h in data["results"]:
        assert h["type"] == "action"
        assert h["url"] == f"/partenariats/{h['partnership_id']}#{h['id']}"
        assert "actions" not in h


def test_facets_have_value_count_selected_and_toggle_url(client):
    data = client.get("/api/search", query_string={"q": KAYES}).get_json()
    assert set(data["facets"]) == {"country", "domain", "year", "region", "french", "type", "source", "detail",
                                   "status"}
    domains = data["facets"]["domain"]
    counts = [d["count"] for d in domains]
    assert counts == sorted(counts, reverse=True)
    years = [y["value"] for y in data["facets"]["year"]]
    assert years[-1] == "none" and years[:-1] == sorted(years[:-1])  # the years in order, then « Sans année »
    for item in domains:
        assert set(item) == {"value", "count", "selected", "toggle_url"}
        assert item["selected"] is False
        query = parse_qs(urlsplit(item["toggle_url"]).query)
        assert query == {"q": [KAYES], "domain": [item["value"]]}


def test_ticking_a_facet_value_gives_its_count_and_unticking_restores(client):
    first = client.get("/api/search", query_string={"q": KAYES}).get_json()
    item = next(d for d in first["facets"]["domain"] if d["count"] < first["total"])
    ticked = client.get(item["toggle_url"]).get_json()
    assert ticked["total"] == item["count"]
    assert ticked["query"]["filters"] == {"domain": [item["value"]]}
    sel = [d for d in ticked["facets"]["domain"] if d["selected"]]
    assert [d["value"] for d in sel] == [item["value"]]
    # Disjunctive: the other values of the ticked facet keep their counts.
    assert {d["value"]: d["count"] for d in ticked["facets"]["domain"]} == \
        {d["value"]: d["count"] for d in first["facets"]["domain"]}
    back = client.get(sel[0]["toggle_url"]).get_json()
    assert back["total"] == first["total"]
    assert back["query"]["filters"] == {}


def test_two_values_of_one_facet_combine_with_or(client, engine):
    data = client.get("/api/search?country=Mali&country=Maroc&per_page=1").get_json()
    mali = engine.search(SearchRequest(filters={"country": ["Mali"]}, per_page=1))["total"]
    maroc = engine.search(SearchRequest(filters={"country": ["Maroc"]}, per_page=1))["total"]
    countries = engine.state().facet_bits.values_per_doc("country")
    both = sum(1 for i, d in enumerate(engine.state().docs)
               if d.type == "partnership" and {"Mali", "Maroc"} <= set(countries[i]))
    assert data["total"] == mali + maroc - both
    assert data["query"]["filters"] == {"country": ["Mali", "Maroc"]}


def test_year_filter_and_range(client):
    data = client.get("/api/search?year=2005&per_page=100").get_json()
    assert data["total"] > 0
    assert all(2005 in h["years"] for h in data["results"])
    ranged = client.get("/api/search?year_from=2000&year_to=2001&per_page=100").get_json()
    assert ranged["query"]["year_from"] == 2000 and ranged["query"]["year_to"] == 2001
    assert ranged["total"] > 0
    assert all(any(2000 <= y <= 2001 for y in h["years"]) for h in ranged["results"])
    # given backwards, the period is read the right way, and said (it was swapped silently)
    backwards = client.get("/api/search?year_from=2001&year_to=2000&per_page=100").get_json()
    assert [h["id"] for h in backwards["results"]] == [h["id"] for h in ranged["results"]]
    assert backwards["query"]["year_from"] == 2000 and backwards["query"]["year_to"] == 2001
    assert backwards["query"]["notices"] == ["La période de 2001 à 2000 est lue de 2000 à 2001."]


@pytest.mark.parametrize("sort", ["name", "year_asc", "year_desc"])
def test_sorts(client, sort):
    data = client.get("/api/search", query_string={"q": "Kayes", "sort": sort, "per_page": 100}).get_json()
    assert data["query"]["sort"] == sort
    hits = data["results"]
    assert len(hits) > 5
    if sort == "year_asc":
        keys = [min(h["years"] or [9999]) for h in hits]
        assert keys == sorted(keys)
    elif sort == "year_desc":
        keys = [max(h["years"] or [-1]) for h in hits]
        assert keys == sorted(keys, reverse=True)


def test_paging_is_a_partition_with_next_link(client):
    full = client.get("/api/search", query_string={"q": "Kayes", "per_page": 100}).get_json()
    n = full["total"]
    assert n > 10
    p1 = client.get("/api/search", query_string={"q": "Kayes", "per_page": 5}).get_json()
    assert p1["pages"] == -(-n // 5)
    p2 = client.get(p1["links"]["next"]).get_json()
    assert p2["page"] == 2
    assert [h["id"] for h in p1["results"] + p2["results"]] == [h["id"] for h in full["results"][:10]]
    last = client.get("/api/search", query_string={"q": "Kayes", "per_page": 5, "page": p1["pages"]}).get_json()
    assert "next" not in last["links"]
    beyond = client.get("/api/search", query_string={"q": "Kayes", "per_page": 5, "page": p1["pages"] + 1}).get_json()
    assert beyond["results"] == [] and beyond["total"] == n


def test_did_you_mean(client):
    data = client.get("/api/search", query_string={"q": "assainisement kaye"}).get_json()
    # written as the documents write it (Kayes is a name), the rest as the user typed it
    assert data["suggestion"] == "assainissement Kayes"
    assert data["corrections"] == [{"typed": "assainisement", "shown": "assainissement"},
                                   {"typed": "kaye", "shown": "Kayes"}]


def test_did_you_mean_leaves_out_the_html_tags_it_ignored(client):
    """The notice said the tags were ignored, then the suggestion put them back (« Vouliez-vous dire :
    <b>Tombouctou</b> <i>ecole</i> ? », its link searching them again: UX r56)."""
    data = client.get("/api/search", query_string={"q": "<b>tombouctu</b> <i>ecole</i>"}).get_json()
    assert any(n.startswith("Balises HTML ignorées") for n in data["query"]["notices"])
    assert data["suggestion"] == "Tombouctou ecole"
    assert data["corrections"] == [{"typed": "tombouctu", "shown": "Tombouctou"}]


@pytest.mark.parametrize("q,suggestion", [
    ("tombouctu", "Tombouctou"), ("TOMBOUCTU", "TOMBOUCTOU"), ("developement pays:mali", "développement pays:mali"),
    ('"eau potable" segu -puits', '"eau potable" Ségou -puits'),
])
def test_suggestion_keeps_the_users_query_and_the_documents_spelling(client, q, suggestion):
    data = client.get("/api/search", query_string={"q": q}).get_json()
    assert data["suggestion"] == suggestion


def test_an_acronym_no_sheet_writes_is_read_not_corrected(client):
    # MICL is never written beside the ministry's records: the vocabulary reads it as the
    # ministry's name, and « Vouliez-vous dire : MIL ? » would send the user away from them
    data = client.get("/api/search", query_string={"q": "MICL"}).get_json()
    assert data["total"] >= 20 and data["suggestion"] is None
    assert all("Ministère de l'Intérieur" in h["title"] for h in data["results"])


def test_query_echo_is_json_not_html(client):
    data = client.get("/api/search", query_string={"q": "<script>alert(1)</script>"}).get_json()
    assert data["query"]["q"] == "<script>alert(1)</script>"
    for h in data["results"]:
        assert "<script" not in h["snippet"]


# --- errors -----------------------------------------------------------------

ERRORS = [
    ("page=0", "out_of_range", "page"),
    ("page=abc", "invalid_integer", "page"),
    ("per_page=1000", "out_of_range", "per_page"),
    ("per_page=0", "out_of_range", "per_page"),
    ("page=10001", "out_of_range", "page"),
    ("year=abc", "invalid_year", "year"),
    ("year=20055", "out_of_range", "year"),
    ("year=02005", "invalid_year", "year"),
    ("year_from=abc", "invalid_year", "year_from"),
    ("year_to=%2B2005", "invalid_year", "year_to"),
    ("year_from=1800", "out_of_range", "year_from"),
    ("sort=random", "invalid_sort", "sort"),
    ("type=contact", "invalid_type", "type"),
    ("country=Narnia", "unknown_facet_value", "country"),
    ("domain=Astronautique", "unknown_facet_value", "domain"),
    ("source=secret.txt", "unknown_facet_value", "source"),
    ("q=a&q=b", "repeated_parameter", "q"),
    ("sort=name&sort=name", "repeated_parameter", "sort"),
    ("colour=blue", "unknown_parameter", "colour"),
    ("q=" + "a" * 501, "query_too_long", "q"),
    ("q=kayes%00", "invalid_characters", "q"),
    ("q=%1b%5B31m", "invalid_characters", "q"),
    ("q=%FF", "invalid_encoding", "q"),
    ("q=%ED%A0%80", "invalid_encoding", "q"),
    ("q=caf%E9", "invalid_encoding", "q"),
    ("country=%FF", "invalid_encoding", "country"),
    ("&".join(["domain=Santé"] * 51), "too_many_values", "domain"),
]


@pytest.mark.parametrize("path", ["/api/search", "/api/search.csv", "/api/search.jsonl", "/api/map"])
@pytest.mark.parametrize("qs,code,parameter", ERRORS)
def test_wrong_parameters_answer_400_json(client, spec, path, qs, code, parameter):
    r = client.get(f"{path}?{qs}")
    assert r.status_code == 400
    assert r.mimetype == "application/json"
    body = r.get_json()
    check_schema(spec, "Error", body)
    assert body["error"]["code"] == code
    assert body["error"]["parameter"] == parameter
    assert body["error"]["message"]
    assert not re.search(r"(^|[\s(:])'", body["error"]["message"])  # French quotes, no Python repr
    assert r.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("qs, message", [
    ("page=abc", "Le paramètre « Page » (page) doit être un nombre entier (reçu : « abc »)."),
    ("year=20x5", ("Le paramètre « Année » (year) doit être une année de 1900 à 2100 écrite en chiffres, "
                   "sans signe ni zéro devant, comme « 2005 » (reçu : « 20x5 »).")),
    ("explain=oui", "Le paramètre « Explication des scores » (explain) vaut 1 ou 0 (reçu : « oui »)."),
    # a facet value wrong only by case, accents or a typo says the one meant
    ("country=mali", "Valeur inconnue pour le filtre « Pays » (country) : « mali ». Vouliez-vous dire « Mali » ?"),
    ("domain=sante", "Valeur inconnue pour le filtre « Domaine » (domain) : « sante ». Vouliez-vous dire « Santé » ?"),
    ("country=Marroc", "Valeur inconnue pour le filtre « Pays » (country) : « Marroc ». Vouliez-vous dire « Maroc » ?"),
    ("country=Narnia", "Valeur inconnue pour le filtre « Pays » (country) : « Narnia »."),
    # a département named alone: the collectivity that holds the word, not « Sète » (QA r44, audit 9, defect 12)
    ("french=Isère", ("Valeur inconnue pour le filtre « Collectivité française » (french) : « Isère ». "
                      "Vouliez-vous dire « Conseil général de l'Isère » ?")),
])
def test_a_wrong_value_is_quoted_the_french_way(client, qs, message):
    """The value was shown as Python writes it, `(reçu : 'abc')`. (The values a facet's message lists
    between the value and the one meant are tests/test_param_error_values.py's.)"""
    said = client.get(f"/api/search?{qs}").get_json()["error"]["message"]
    assert re.sub(r" ; valeurs possibles.* et [0-9]+ autres", "", said) == message


def test_a_query_of_500_characters_is_accepted(client):
    assert client.get("/api/search?q=" + "a" * 500).status_code == 200


def test_a_literal_percent_sign_is_not_an_encoding_error(client):
    r = client.get("/api/search?q=100%25")
    assert r.status_code == 200
    assert r.get_json()["query"]["q"] == "100%"


@pytest.mark.parametrize("path,kind", [("/api/partnerships/nope", "partenariat"), ("/api/actions/nope", "action"),
                                       ("/api/partnerships/%FF", "partenariat"), ("/api/actions/%00x", "action")])
def test_unknown_ids_answer_404_json(client, spec, path, kind):
    r = client.get(path)
    assert r.status_code == 404
    body = r.get_json()
    check_schema(spec, response_schema(spec, path.rsplit("/", 1)[0] + "/{id}", "404"), body)
    assert body["error"]["code"] == "not_found"
    assert body["error"]["parameter"] == "id"
    assert kind in body["error"]["message"]


def test_unknown_api_path_and_method(client):
    r = client.get("/api/nothing")
    assert (r.status_code, r.get_json()["error"]["code"]) == (404, "not_found")
    r = client.post("/api/search")
    assert (r.status_code, r.get_json()["error"]["code"]) == (405, "method_not_allowed")


# --- records ----------------------------------------------------------------

def test_partnership_record(client, engine, spec):
    r = client.get(f"/api/partnerships/{EVRY}")
    assert r.status_code == 200
    data = r.get_json()
    check_schema(spec, response_schema(spec, "/api/partnerships/{id}", "200"), data)
    assert data["id"] == EVRY
    assert data["title"] == "Communauté d'agglomération d'Evry Centre Essonne – Commune de Kayes"
    assert data["url"] == f"/partenariats/{EVRY}"
    assert [a["id"] for a in data["actions"]] == [a["id"] for a in engine.actions_of(EVRY)]
    assert data["formalized"] == 1991


def test_action_record(client, engine, spec):
    aid = engine.actions_of(EVRY)[0]["id"]
    r = client.get(f"/api/actions/{aid}")
    assert r.status_code == 200
    data = r.get_json()
    check_schema(spec, response_schema(spec, "/api/actions/{id}", "200"), data)
    assert data["partnership_id"] == EVRY
    assert data["url"] == f"/partenariats/{EVRY}#{aid}"


def test_every_record_matches_the_schema(client, engine, spec):
    st = engine.state()
    for pid in st.partnerships:
        check_schema(spec, "Partnership", client.get(f"/api/partnerships/{pid}").get_json())
    for aid in list(st.actions)[::7]:
        check_schema(spec, "Action", client.get(f"/api/actions/{aid}").get_json())


def test_hidden_contacts(index_dir):
    from search_app import create_app

    app = create_app({"INDEX_DIR": str(index_dir), "TESTING": True, "HIDE_CONTACTS": True})
    data = app.test_client().get(f"/api/partnerships/{EVRY}").get_json()
    assert data["contacts"]
    assert all(c["phone"] is None and c["email"] is None for c in data["contacts"])
    assert "0169915858" not in json.dumps(data)
    assert "[masqué]" in data["original_text"]


# --- suggest, facets, status ------------------------------------------------

def test_suggest(client, spec):
    r = client.get("/api/suggest?q=kay")
    assert r.status_code == 200
    data = r.get_json()
    check_schema(spec, response_schema(spec, "/api/suggest", "200"), data)
    names = [s["name"] for s in data["suggestions"] if s["kind"] != "mot"]
    assert names[0] == "Kayes"
    assert "Commune de Kayes" in names
    assert all("kayes" in n.lower() for n in names)
    assert client.get("/api/suggest?q=").get_json() == {"q": "", "suggestions": []}
    # Case and accents do not matter: "SÉGOU" finds the names written Segou or Ségou.
    segou = [s["name"] for s in client.get("/api/suggest?q=SÉGOU").get_json()["suggestions"]]
    assert segou and {n.replace("é", "e").split()[-1] for n in segou} <= {"Segou"}
    # A name is shown as it is most often written: one record's partner is « Segou », ten
    # records' region « Ségou » (the first spelling met was shown, without its accent).
    assert segou[0] == "Ségou"
    assert client.get("/api/suggest?q=segou").get_json()["suggestions"][0]["name"] == "Ségou"


def test_suggest_offers_the_domains_a_beginning_names_as_their_filter(client, spec, engine):
    """`assain` suggested nothing: only names were offered. A domain with a word beginning so comes
    after the names, with its partnership count and the clause that filters by it, which the
    search reads as the facet."""
    data = client.get("/api/suggest?q=assain").get_json()
    check_schema(spec, response_schema(spec, "/api/suggest", "200"), data)
    domain = next(s for s in data["suggestions"] if s["kind"] == "domaine")
    assert domain["name"] == "Eau et assainissement"
    assert domain["kind"] == "domaine" and domain["query"] == 'domaine:"Eau et assainissement"'
    everything = engine.search(SearchRequest(filters={"domain": ["Eau et assainissement"]}, per_page=1))
    assert domain["count"] == everything["total"]
    read = engine.search(SearchRequest(q="Kayes " + domain["query"], per_page=1))
    assert read["query"]["prefix_filters"] == {"domain": ["Eau et assainissement"]}
    # names first; two letters name no domain (`e` begins five of them)
    kinds = [s["kind"] for s in client.get("/api/suggest?q=san").get_json()["suggestions"]]
    assert kinds[0] == "collectivité" and "domaine" in kinds
    assert kinds.index("domaine") > max(i for i, k in enumerate(kinds) if k in ("collectivité", "lieu"))
    assert all(s["kind"] != "domaine" for s in client.get("/api/suggest?q=ea").get_json()["suggestions"])


def test_suggest_completes_the_sheets_words_as_they_spell_them(client, spec, engine):
    """`latr` and `maraî` suggested nothing: only names and domains were offered. The sheets' words
    beginning so come last, accented as written, one per stem, each with what its search lists."""
    data = client.get("/api/suggest?q=latr").get_json()
    check_schema(spec, response_schema(spec, "/api/suggest", "200"), data)
    assert [(s["name"], s["kind"], s["query"]) for s in data["suggestions"]] == [("latrines", "mot", "latrines")]
    assert data["suggestions"][0]["count"] == engine.search(SearchRequest(q="latrines", per_page=1))["total"] > 0
    # typed without accents, offered as the sheets write them; maraîchages, of maraîchage's stem, is not
    words = [s["name"] for s in client.get("/api/suggest?q=MARAI").get_json()["suggestions"] if s["kind"] == "mot"]
    assert words[:2] == ["maraîchage", "maraîchers"] and "maraîchages" not in words and "maraichage" not in words
    assert len(words) <= 3
    # the words come after the names and domains, and none repeats a word of a name offered
    kay = client.get("/api/suggest?q=kay").get_json()["suggestions"]
    kinds = [s["kind"] for s in kay]
    assert kinds == sorted(kinds, key=lambda k: k == "mot")
    assert not any(s["kind"] == "mot" and s["name"].lower() == "kayes" for s in kay)
    # no stop word, nor the word typed whole, nor a word from two letters
    assert all(s["name"] not in ("dans", "eau") for q in ("dan", "eau")
               for s in client.get(f"/api/suggest?q={q}").get_json()["suggestions"])
    assert all(s["kind"] != "mot" for s in client.get("/api/suggest?q=la").get_json()["suggestions"])
    # after an elision, the word: `l'assain` offers « assainissement »
    assert "assainissement" in [s["name"] for s in client.get("/api/suggest?q=l'assain").get_json()["suggestions"]]


@pytest.mark.parametrize("qs,code", [("q=" + "k" * 101, "query_too_long"), ("q=%FF", "invalid_encoding"),
                                     ("q=ka%07", "invalid_characters"), ("q=ka&q=ko", "repeated_parameter")])
def test_suggest_errors(client, qs, code):
    r = client.get(f"/api/suggest?{qs}")
    assert r.status_code == 400
    assert r.get_json()["error"] == {"code": code, "message": r.get_json()["error"]["message"], "parameter": "q"}


@pytest.mark.parametrize("path", ["/api/suggest?prefix=kou", "/api/facets?q=eau", "/api/status?verbose=1"])
def test_the_other_endpoints_refuse_a_parameter_they_do_not_read(client, path):
    """`/api/suggest?prefix=kou` answered an empty list, as if no name began so; `/api/facets?q=eau`
    the whole corpus's counts, as if they were those of `eau`."""
    r = client.get(path)
    name = path.split("?")[1].split("=")[0]
    assert r.status_code == 400
    assert r.get_json()["error"] == {"code": "unknown_parameter", "message": f"Paramètre inconnu : « {name} ».",
                                     "parameter": name}
    assert client.get(path.split("?")[0] + "?_=1").status_code == 200  # a cache buster is no parameter


def test_facets_over_the_corpus(client, engine, spec):
    data = client.get("/api/facets").get_json()
    check_schema(spec, "FacetsResponse", data)
    total = engine.search(SearchRequest(per_page=1))["total"]
    assert sum(v["count"] for v in data["facets"]["detail"]) == total
    assert {v["value"] for v in data["facets"]["source"]} == {
        "mali-repertoire-2008.txt", "maroc-repertoire-2008.txt", "algerie-cooperation-decentralisee.txt",
        "algerie-micl-cooperation.txt", "algerie-ambassade-cooperation-technique.txt"}
    assert data["facets"]["country"][0]["value"] == "Mali"
    assert set(data["facet_info"]) == set(data["facets"])
    assert data["facet_info"]["country"] == {"values": len(data["facets"]["country"]), "truncated": False}


def test_a_cut_facet_list_says_so(client, spec, monkeypatch):
    import sys

    monkeypatch.setattr(sys.modules["engine.facets"], "MAX_FACET_VALUES", 2)
    data = client.get("/api/search", query_string={"q": "eau"}).get_json()
    check_schema(spec, "SearchResponse", data)
    assert len(data["facets"]["region"]) == 2
    assert data["facet_info"]["region"]["truncated"] is True
    assert data["facet_info"]["region"]["values"] > 2
    html = client.get("/", query_string={"q": "eau"}).get_data(as_text=True)
    n = data["facet_info"]["region"]["values"]
    assert f"Seules les 2 valeurs les plus fréquentes sur {n} sont listées" in html


def test_status(client, engine, spec):
    r = client.get("/api/status")
    check_schema(spec, "Status", r.get_json())
    assert r.get_json()["version"] == engine.state().version
    assert r.headers["Cache-Control"] == "no-store"


# --- caching ----------------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/search?q=Kayes", "/api/search.csv?q=Kayes", f"/api/partnerships/{EVRY}",
                                  "/api/suggest?q=kay", "/api/facets"])
def test_etag_and_304(client, engine, path):
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["Cache-Control"] == "public, max-age=60"
    etag = r.headers["ETag"]
    assert etag.startswith('W/"')
    again = client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    assert again.headers["ETag"] == etag
    assert client.get(path, headers={"If-None-Match": 'W/"other"'}).status_code == 200


def test_etag_depends_on_the_request_and_the_index_version(client, app, monkeypatch):
    a = client.get("/api/search?q=Kayes").headers["ETag"]
    b = client.get("/api/search?q=Segou").headers["ETag"]
    assert a != b
    state = app.extensions["engine"].state()
    monkeypatch.setattr(type(state), "version", property(lambda self: "gen-other"))
    assert client.get("/api/search?q=Kayes").headers["ETag"] != a


# --- CSV --------------------------------------------------------------------

def test_csv(client, export_day):
    r = client.get("/api/search.csv", query_string={"q": KAYES, "per_page": 100})
    assert r.status_code == 200
    assert r.mimetype == "text/csv"
    named = f"repertoires-assainissement-kayes-par-100-{export_day.isoformat()}.csv"  # words, page size, day
    assert r.headers["Content-Disposition"] == f'attachment; filename="{named}"'
    text = r.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    data = client.get("/api/search", query_string={"q": KAYES, "per_page": 100}).get_json()
    assert [row["id"] for row in rows] == [h["id"] for h in data["results"]]
    evry = next(row for row in rows if row["id"] == EVRY)
    assert evry["partner_party"] == "Commune de Kayes"
    assert evry["countries"] == "Mali"
    assert evry["url"] == f"http://localhost/partenariats/{EVRY}"
    assert evry["document"] == "mali-repertoire-2008.txt"
    assert evry["years"].split(" ")[0] == "1990"  # first contacts (the sheet, line 1804); signed in 1991


# --- no input gives a 500 ---------------------------------------------------

NASTY = ["", " ", '"', '"""', "(((", ")", "*", "?", "OR", "AND", "NOT", "-", "--", "+", "pays:", "pays:narnia",
         "annee:abc", "annee:99999", "domaine:", "type:foo", "a OR OR b", '"kayes', "\\", "%", "é" * 300,
         "{}", "[]", "<>", "&amp;", "\u202e", "\U0001F600", "ﬁ", "Ⅻ", "x:y:z", "region:\"\"", "-pays:mali",
         "collectivite:belfort OR", "kayes*", "k?yes", "~2", "^3", "'", "l'", "aujourd'hui"]


def test_no_query_gives_a_500(client):
    for q in NASTY:
        for path in ("/api/search", "/api/search.csv", "/api/search.jsonl", "/api/map", "/api/suggest"):
            r = client.get(path, query_string={"q": q})
            assert r.status_code in (200, 400), (path, q, r.status_code)
        r = client.get("/", query_string={"q": q})
        assert r.status_code in (200, 400), ("/", q, r.status_code)


def test_no_parameter_combination_gives_a_500(client):
    from hypothesis import HealthCheck, given, settings, strategies as st

    names = st.sampled_from(["q", "country", "domain", "year", "region", "type", "source", "year_from", "year_to",
                             "sort", "page", "per_page", "x"])
    values = st.one_of(st.text(max_size=12), st.sampled_from(["Mali", "2005", "0", "-1", "action", "name"]))

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.tuples(names, values), max_size=5))
    def run(pairs):
        for path in ("/api/search", "/"):
            r = client.get(path, query_string=pairs)
            assert r.status_code in (200, 400), (path, pairs, r.status_code)

    run()


def test_reversed_year_range_is_read_the_right_way(client):
    reversed_ = client.get("/api/search?year_from=2006&year_to=2004&per_page=1").get_json()
    right = client.get("/api/search?year_from=2004&year_to=2006&per_page=1").get_json()
    assert reversed_["total"] == right["total"] > 0
    assert (reversed_["query"]["year_from"], reversed_["query"]["year_to"]) == (2004, 2006)
