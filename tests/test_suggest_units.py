"""`region:` also accepts a cercle or a province (its value, no region's, is looked for in the records'
places: `region:"Nioro du Sahel"`), and now offers them as they are typed (QA r48, QA17, defect 8:
`region:"Nioro du` offered nothing): the partners' subdivisions a word of begins so, after the regions,
each with what its pick lists."""
from __future__ import annotations

import pytest

from test_suggest_prefixes import _begun, _suggest


def _total(client, q: str) -> int:
    return client.get("/api/search", query_string={"q": q}).get_json()["total"]


@pytest.mark.parametrize(("typed", "name", "query", "replaces"), [
    ('region:"Nioro du', "Nioro du Sahel", 'region:"Nioro du Sahel"', 2),  # the clause typed, both its words
    ("eau region:nior", "Nioro du Sahel", 'region:"Nioro du Sahel"', 1),
    ('-région:"Nioro', "Nioro du Sahel", '-région:"Nioro du Sahel"', 1),
    ("region:ouarz", "Province de Ouarzazate", 'region:"Province de Ouarzazate"', 1),
    ("wilaya:bandia", "Bandiagara", "wilaya:Bandiagara", 1),
])
def test_a_region_prefix_offers_the_cercles_and_provinces_it_accepts(client, typed, name, query, replaces):
    offered = {s["name"]: s for s in _suggest(client, typed)}
    assert name in offered, sorted(offered)
    s = offered[name]
    assert s["query"] == query and s["kind"] == "lieu" and s["replaces"] == replaces
    assert s["count"] == _total(client, query.lstrip("-")) > 0  # the count offered is the count met


def test_the_regions_come_first_and_none_twice(client):
    regions = {v["value"] for v in client.get("/api/facets").get_json()["facets"]["region"]}
    for typed in ("region:k", "region:ka", "region:s", "region:m"):
        names = [s["name"] for s in _suggest(client, typed)]
        assert len(names) == len(set(names)) and len(names) <= 10
        kinds = [n in regions for n in names]
        assert kinds == sorted(kinds, reverse=True), names  # every region before any cercle
    assert not _suggest(client, "region:zzq")


@pytest.mark.parametrize("typed", ["region:d", "region:de", "region:du", "-region:d", 'region:"d'])
def test_a_stop_word_begins_no_place(client, typed):
    """`region:d` offered « Nioro du Sahel », « Préfecture de Fès », « Préfecture d'Agadir… » by du, de,
    d, and the ten places left out Dioïla, Djenné, Douentza (review 2 r49, M3): a place is offered by
    its beginning or by a word of it that is not a stop word."""
    begun = typed.split(":", 1)[1].lstrip('"')
    names = [s["name"] for s in _suggest(client, typed)]
    assert set(names) <= _begun(names, begun), names
    if begun == "d":
        assert {"Dioïla", "Djenné", "Douentza"} <= set(names), names
