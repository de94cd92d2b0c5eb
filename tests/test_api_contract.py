"""Live answers against the OpenAPI document the server serves: each answer of each endpoint, for
its status code, validates against the operation's schema and holds no field the document does
not declare (contract.undeclared). A QA audit (round 40) found `domain_sources` on every
partnership and `kind` on 113 budgets that the document did not describe."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator

from contract import undeclared

SEARCHES = ["q=eau", "q=eau&type=action", "q=eau&explain=1", "q=eau&type=action&explain=1",
            "q=%C3%A9levage&region=Kayes&explain=1", "q=tourisme+cercle+de+Bandiagara&explain=1",
            "q=formation&domain=Tourisme&explain=1", "q=Tiaret", "q=annee:20x5", "q=pays:atlantis",
            "q=statut:r%C3%A9alis%C3%A9", "", "q=kaye", "q=eau&page=999", "q=assainiss*", "q=zzzz&country=Mali"]
URLS = ([f"/api/search?{q}" for q in SEARCHES]
        + ["/api/map?q=sant%C3%A9&country=Mali", "/api/map?type=action", "/api/suggest?q=kou",
           "/api/suggest?q=assain", "/api/facets", "/api/status", "/api/search?page=0", "/api/map?sort=bogus",
           "/api/search.csv?all=yes", "/api/partnerships/nope", "/api/actions/nope"])


@pytest.fixture(scope="module")
def served(app) -> dict:
    return app.test_client().get("/api/openapi.json").get_json()


def answer_schema(served: dict, url: str, status: int) -> dict:
    """The schema the served document gives the answer of `url` with `status`."""
    path = urlsplit(url).path
    for template, item in served["paths"].items():
        pattern = "".join("[^/]+" if part.startswith("{") else re.escape(part)
                          for part in re.split(r"(\{[a-z]+\})", template))
        if re.fullmatch(pattern, path):
            responses = item["get"]["responses"]
            response = responses.get(str(status)) or responses["default"]
            return {**response["content"]["application/json"]["schema"], "components": served["components"]}
    raise AssertionError(f"{path} is no path of the document")


def assert_declared(served: dict, url: str, r) -> None:
    schema = answer_schema(served, url, r.status_code)
    data = r.get_json()
    errors = [f"{list(e.absolute_path)}: {e.message[:200]}" for e in Draft202012Validator(schema).iter_errors(data)]
    assert not errors, (url, errors[:5])
    assert not undeclared(served, schema, data), (url, undeclared(served, schema, data))


@pytest.mark.parametrize("url", URLS)
def test_an_answer_is_what_the_served_document_declares(client, served, url):
    assert_declared(served, url, client.get(url))


def test_every_record_is_what_the_served_document_declares(client, served, engine):
    """Every partnership and every action: a field of one record (a budget's `kind`) is missed by
    a sample."""
    state = engine.state()
    for url in [f"/api/partnerships/{p}" for p in state.partnerships] + [f"/api/actions/{a}" for a in state.actions]:
        r = client.get(url)
        assert r.status_code == 200, url
        assert_declared(served, url, r)


def test_an_undeclared_field_is_found(client, spec):
    """The check can fail: a field the schema does not list, at any depth, is named by its path."""
    data = client.get("/api/partnerships/ca-evry-centre-essonne--kayes").get_json()
    data["surprise"] = 1
    data["actions"][0]["budget"] = {"text": "1 €", "amount": 1.0, "currency": "EUR", "kind": None, "note": ""}
    schema = {"$ref": "#/components/schemas/Partnership", "components": spec["components"]}
    assert sorted(undeclared(spec, schema, data)) == ["$.actions[].budget.note", "$.surprise"]


def test_the_document_names_every_source_of_a_partnership_s_domains(engine, spec):
    """`domain_sources` is keyed by where each domain comes from: the description says what each
    key is, the documents' own classifications by their titles."""
    described = spec["components"]["schemas"]["Partnership"]["properties"]["domain_sources"]["description"]
    keys = {k for p in engine.state().partnerships.values() for k in p["domain_sources"]}
    assert keys and {k for k in keys if f"« {k} »" not in described} == set()


def test_the_document_lists_every_kind_of_budget(engine, spec):
    kinds = {b.get("kind") for p in engine.state().partnerships.values() for b in
             [p["budget"], *(a["budget"] for a in engine.actions_of(p["id"]))] if b}
    budget = next(s for s in spec["components"]["schemas"]["Budget"]["oneOf"] if s.get("type") == "object")
    assert kinds <= set(budget["properties"]["kind"]["enum"]) and {"yearly", "share"} <= kinds


def test_a_prefix_whose_value_names_none_shows_an_empty_list(client):
    """`annee:20x5` showed `"prefix_filters": {"year": ["\\u0000none"]}`, the engine's placeholder;
    the facet is there with no value, nothing passes it, and the notice names what was typed."""
    r = client.get("/api/search?q=annee:20x5")
    data = r.get_json()
    assert data["query"]["prefix_filters"] == {"year": []}
    assert data["total"] == 0
    assert any("« 20x5 »" in n for n in data["query"]["notices"])
    assert b"\\u0000" not in r.data and b"\x00" not in r.data


def test_a_prefix_whose_value_names_none_leaves_the_other_values(client):
    both = client.get("/api/search?q=pays:mali+pays:atlantis&per_page=1").get_json()
    mali = client.get("/api/search?q=pays:mali&per_page=1").get_json()
    assert both["query"]["prefix_filters"] == {"country": ["Mali"]}
    assert both["total"] == mali["total"] > 0
    assert both["query"]["notices"] == ["Aucune valeur de « pays:atlantis » dans le répertoire."]


# --- the page limit: the server, the document and docs/api.md say one thing ----------------

def test_the_server_takes_any_page_up_to_the_limit_whatever_per_page(client):
    """docs/api.md said page × per_page ≤ 10 000 and the document ≤ 10 000 + per_page; the server
    takes any page up to 10000, and a page past the last is empty, with a notice."""
    from search_app.params import WHOLES

    last = WHOLES["page"].hi
    r = client.get(f"/api/search?q=eau&page={last}&per_page=100")
    assert r.status_code == 200 and r.get_json()["results"] == []
    assert client.get(f"/api/search?q=eau&page={last + 1}&per_page=1").get_json()["error"]["code"] == "out_of_range"


@pytest.mark.parametrize("path", ["/api/search", "/api/search.csv", "/api/search.jsonl", "/api/map"])
def test_the_document_gives_the_server_s_bounds(spec, path):
    from search_app.params import WHOLES

    params = {p["name"]: p for p in spec["paths"][path]["get"]["parameters"]}
    for name, whole in WHOLES.items():
        schema, said = params[name]["schema"], params[name]["description"]
        assert (schema["minimum"], schema["maximum"]) == (whole.lo, whole.hi), (path, name)
        assert f"{whole.lo} à {whole.hi}" in said or f"{whole.lo}–{whole.hi}" in said, (path, name, said)
    assert "per_page ne peut" not in params["page"]["description"]


def test_docs_api_md_gives_the_server_s_bounds():
    from pathlib import Path

    from search_app.params import WHOLES

    doc = (Path(__file__).resolve().parents[1] / "docs" / "api.md").read_text(encoding="utf-8")
    rows = {m[1]: m[2] for m in re.finditer(r"^\| ((?:`\w+`(?:, )?)+) \| ([^|]*) \|", doc, re.MULTILINE)}
    for name, whole in WHOLES.items():
        said = next(values for names, values in rows.items() if f"`{name}`" in names)
        assert said == f"{whole.lo}–{whole.hi}", (name, said)
    assert "page × per_page" not in doc
