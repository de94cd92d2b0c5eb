"""How alike two partnerships' texts are (indexer/likeness.py), as built with the index."""
from __future__ import annotations

import math

import pytest

from indexer.likeness import likeness, open_likeness, term_bags, unit_vectors, write_likeness


def _doc(rid, pid, kind="partnership", **fields):
    return {"id": rid, "pid": pid, "type": kind, **fields}


def test_a_partnership_s_bag_holds_its_actions_terms_and_no_name_field():
    docs = [_doc("a", "a", title="Forage de puits", parties="Kayes"),
            _doc("a--a01", "a", "action", body="Construction de latrines"),
            _doc("b", "b", sheet="Échanges scolaires")]
    bags = term_bags(docs)
    assert set(bags) == {"a", "b"}
    assert bags["a"] == {"forag": 1, "puit": 1, "construct": 1, "latrin": 1}  # stems, stop words out
    assert bags["b"] == {"echang": 1, "scolair": 1}  # `Kayes` in the parties field is no part of it


def test_vectors_are_unit_length_and_a_term_of_every_partnership_weighs_nothing():
    bags = {"a": {"eau": 3, "coop": 1}, "b": {"ecol": 2, "coop": 1}, "c": {"coop": 4}}
    vectors = unit_vectors(bags)
    for pid in ("a", "b"):
        assert math.isclose(sum(w * w for w in vectors[pid].values()), 1.0)
        assert "coop" not in vectors[pid]
    assert vectors["c"] == {}  # only what everyone says: like nothing


def test_a_rare_term_shared_makes_two_partnerships_more_alike_than_a_common_one():
    bags = {"a": {"aviculteur": 1, "ecol": 1}, "b": {"aviculteur": 1, "sant": 1},
            "c": {"ecol": 1, "sant": 1}, "d": {"ecol": 1, "eau": 1}, "e": {"marche": 1}}
    table = dict(likeness(unit_vectors(bags)))
    assert table["a"]["b"] == pytest.approx(table["b"]["a"])  # symmetric
    assert table["a"]["b"] > table["a"]["c"] > 0  # aviculteur (2 of 5) over ecol (3 of 5)
    assert "e" not in table["a"] and table["e"] == {}  # nothing in common: no entry
    assert all(0 < s <= 1 + 1e-9 for row in table.values() for s in row.values())


def test_the_table_is_stored_by_document_number_and_read_row_by_row(tmp_path):
    docs = [_doc("p1", "p1", body="maraîchage périmètre irrigué"),
            _doc("p2", "p2", body="périmètre irrigué de maraîchage des femmes"),
            _doc("p3", "p3", body="bibliothèque municipale"),
            _doc("p1--a01", "p1", "action", body="bibliothèque")]
    path = tmp_path / "likeness.sqlite"
    write_likeness(path, docs)
    rows = open_likeness(path)
    assert rows is not None
    got = rows([0, 3, 9])
    assert set(got[0]) == {1, 2}  # p1 (doc 0) shares words with p2 and, through its action, p3
    assert got[0][1] > got[0][2]  # three words in common against one
    assert got[3] == {} and got[9] == {}  # an action, a number with no row: like nothing
    assert rows([]) == {}
    assert open_likeness(tmp_path / "missing.sqlite") is None


def test_the_index_holds_the_table_and_alike_sheets_are_neighbours(engine):
    state = engine.state()
    assert state.likeness is not None
    docnum = state.docnum_of
    rows = state.likeness([docnum["cr-nord-pas-de-calais--assemblee-regionale-de-kayes"]])
    row = next(iter(rows.values()))
    assert row and all(state.docs[d].type == "partnership" for d in row)
    # the neighbours are ordered, and the region's other council partner is among the nearest
    nearest = sorted(row, key=lambda d: -row[d])[:10]
    assert docnum["cr-ile-de-france--assemblee-regionale-de-kayes"] in nearest


def test_a_partnership_s_most_alike_partnerships(engine):
    pid = "cr-nord-pas-de-calais--assemblee-regionale-de-kayes"
    alike = engine.alike(pid)
    assert len(alike) == 5 and pid not in {p["id"] for p, _ in alike}
    weights = [w for _, w in alike]
    assert weights == sorted(weights, reverse=True) and all(0 < w <= 1 for w in weights)
    state = engine.state()
    row = state.likeness([state.docnum_of[pid]])[state.docnum_of[pid]]
    assert weights[0] == pytest.approx(max(row.values()))  # the first is the table's nearest
    assert engine.alike("nope") == []


def test_the_page_and_the_api_show_the_alike_partnerships(client):
    pid = "cr-nord-pas-de-calais--assemblee-regionale-de-kayes"
    data = client.get(f"/api/partnerships/{pid}").get_json()
    alike = data["related"]["alike"]
    assert len(alike) == 5 and all(o["url"] == f"/partenariats/{o['id']}" and 0 < o["likeness"] <= 1 for o in alike)
    html = client.get(f"/partenariats/{pid}").get_data(as_text=True)
    section = html[html.index("Partenariats aux fiches semblables"):]
    assert all(f'href="{o["url"]}"' in section for o in alike)
    # the order of the page is the API's
    assert [section.index(f'href="{o["url"]}"') for o in alike] == sorted(
        section.index(f'href="{o["url"]}"') for o in alike)


def test_without_a_likeness_table_a_partnership_has_no_alike_ones(likeness_table):
    from engine import Engine

    copy, table = likeness_table
    table.unlink()
    assert Engine(copy).alike("cr-nord-pas-de-calais--assemblee-regionale-de-kayes") == []
