"""A prefix being typed offers that prefix's values (QA r48, QA17, defect 4). `pays:ma` offered
« Communauté de communes du Pays de la Marche » (the prefix read as the word `pays`), `region:kay`
the collectivities « Assemblée régionale de Kayes » and « Région de Kayes », whose pick replaced the
region filter by a collectivity's; `domaine:sa` and `collectivite:bel` (the help's own example,
`collectivite:belfort`) offered nothing. Now `pays:ma` offers Mali and Maroc, each picked as
`pays:Mali`; `region:kay` offers Kayes, `domaine:assain` « Eau et assainissement », and
`collectivite:bel` the collectivities whose name a word of begins so."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from analyzers import fold_text
from analyzers.stopwords import STOPWORDS
from search_app.views import OPEN_CLAUSE, typed_clause

OPENAPI = json.loads((Path(__file__).resolve().parents[1] / "search_app" / "openapi.json").read_text())


def _suggest(client, q: str) -> list[dict]:
    return client.get(f"/api/suggest?q={quote(q)}").get_json()["suggestions"]


def _begun(values: list[str], typed: str) -> set[str]:
    """The values `typed` begins, whole or by a word but a stop word (the server's rule since 5e42c09:
    `region:d` offers no « Nioro du Sahel » by its « du »)."""
    key = fold_text(typed)
    return {v for v in values if fold_text(v).startswith(key) or any(
        w.startswith(key) for w in re.split(r"[^a-z0-9]+", fold_text(v)) if w and w not in STOPWORDS)}


@pytest.mark.parametrize(("typed", "facet", "kind"), [
    ("pays:ma", "country", "lieu"), ("eau region:kay", "region", "lieu"),
    ("domaine:assain", "domain", "domaine"), ("domaine:sa", "domain", "domaine")])
def test_a_facet_prefix_offers_its_values(client, typed, facet, kind):
    values = [v["value"] for v in client.get("/api/facets").get_json()["facets"][facet]]
    prefix, _, begun = typed.split()[-1].partition(":")
    offered = _suggest(client, typed)
    assert offered and {s["name"] for s in offered} == _begun(values, begun)
    for s in offered:
        assert s["kind"] == kind and s["replaces"] == 1
        value = s["query"].partition(":")[2].strip('"')
        assert s["query"].startswith(prefix + ":") and value == s["name"]
    for s in offered[:3]:  # picked, each lists its count
        r = client.get(f"/api/search?q={quote(s['query'])}").get_json()
        assert r["total"] == s["count"]
        assert s["name"] in r["query"]["filters"].get(facet, []) + r["query"]["prefix_filters"].get(facet, [])


def test_a_quoted_value_being_typed_is_replaced_whole(client):
    offered = _suggest(client, 'eau region:"District de B')
    assert [s["name"] for s in offered] == ["District de Bamako"]
    assert offered[0]["query"] == 'region:"District de Bamako"' and offered[0]["replaces"] == 3


def test_a_name_prefix_offers_collectivities(client):
    offered = _suggest(client, "collectivite:belf")
    assert offered and all(s["kind"] == "collectivité" for s in offered)
    assert any(fold_text(s["name"]).startswith("belf") for s in offered)
    assert all(s["query"].startswith('collectivité:"') for s in offered)


@pytest.mark.parametrize("typed", ["annee:n", "type:ac"])
def test_other_prefixes_offer_no_names(client, typed):
    assert _suggest(client, typed) == []


def test_the_kinds_are_those_the_contract_lists(client):
    items = OPENAPI["components"]["schemas"]["SuggestResponse"]["properties"]["suggestions"]["items"]
    enum = items["properties"]["kind"]["enum"]
    for typed in ("pays:ma", "region:kay", "domaine:sa", "collectivite:bel"):
        assert all(s["kind"] in enum for s in _suggest(client, typed))


@pytest.mark.parametrize("typed", ["pays:ma", "eau -region:kay", 'eau region:"District de B', "eau", "pays:",
                                   'region:"Kayes" eau', "a:b:c", 'eau domaine:"', "-collectivite:bel fo",
                                   "(pays:ma", "eau (region:kay", "domaine:(sa", "region:(Nioro du",
                                   "domaine:(Santé OR cu", 'region:(Kayes OR "District de B', "-domaine:(eau et",
                                   "domaine:(Santé) cu", "(eau potable", "domaine:(pays:ma", "pays:(ma"])
def test_the_box_reads_the_clause_being_typed_as_the_server_does(typed):
    # search.js keeps its own copy of views.OPEN_CLAUSE (it decides before any request what to send): the same
    # clause, or none, and the same text a pick replaces, after a parenthesis and inside a prefix's group too
    js = (Path(__file__).resolve().parents[1] / "search_app" / "static" / "search.js").read_text()
    box = re.compile(re.search(r"var clause = input\.value\.match\(/(.+?)/\);", js)[1])
    server, client_side = OPEN_CLAUSE.search(typed), box.search(typed)
    assert (server and server[0]) == (client_side and client_side[0])
    assert (server and typed_clause(server)) == (client_side and typed_clause(client_side))


@pytest.mark.parametrize(("typed", "name", "replaced", "picked"), [
    ("(pays:ma", "Mali", "pays:ma", "(pays:Mali"),
    ("eau (region:kay", "Kayes", "region:kay", "eau (region:Kayes"),
    ("domaine:(sa", "Santé", "sa", "domaine:(Santé"),
    ("domaine:(Santé OR cu", "Culture et patrimoine", "cu", 'domaine:(Santé OR "Culture et patrimoine"'),
    ("region:(Nioro du", "Nioro du Sahel", "Nioro du", 'region:("Nioro du Sahel"')])
def test_a_prefix_after_a_parenthesis_offers_its_values(client, typed, name, replaced, picked):
    """Review 1, r49, item 2: `(pays:ma` offered a collectivity (the prefix read as `(pays`), `domaine:(sa`
    nothing, `region:(Nioro du` unrelated places. The clause after the parenthesis, or the value being typed in
    the prefix's group, is offered the prefix's values, and a pick replaces it only (the parenthesis stays)."""
    offered = _suggest(client, typed)
    kinds = {"lieu", "domaine"}
    assert offered and all(s["kind"] in kinds for s in offered)
    pick = next(s for s in offered if s["name"] == name)
    assert pick["replaces"] == len(replaced.split())
    assert typed[:len(typed) - len(replaced)] + pick["query"] == picked
    m = OPEN_CLAUSE.search(typed)
    alone = pick["query"] if m[1] is not None else f"{m[7]}:{pick['query']}"  # the value as a filter alone
    assert client.get(f"/api/search?q={quote(alone)}").get_json()["total"] == pick["count"]


def test_a_groups_value_not_begun_is_offered_nothing(client):
    # `replaces` is at least 1 (the contract): a value not begun in a group has no words to replace
    assert _suggest(client, "domaine:(") == [] and _suggest(client, "domaine:(Santé OR ") == []
    assert _suggest(client, "domaine:c")  # else the next assert holds as [] == [] (review 3 r49, L6)
    assert [s["replaces"] for s in _suggest(client, "domaine:(Santé OR c")] == [1] * len(_suggest(client, "domaine:c"))
