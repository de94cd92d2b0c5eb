"""A territory that is no unit of the geography tables (`Kabylie`, `nord du Mali`, `Sahara algérien`,
`pays dogon`) is its units, as a place typed: the vocabulary's `place` entries. `Kabylie` found the one
sheet that writes the word; `nord du Mali` ranked Nord-Pas-de-Calais's partnerships with Kayes second,
through « nord » and « Mali » anywhere."""
import pytest

from engine import SearchRequest

KABYLIE = {"Tizi Ouzou", "Béjaïa", "Bouira"}
NORTH = {"Tombouctou", "Gao", "Kidal"}


def _search(engine, q, **kw):
    return engine.search(SearchRequest(q=q, per_page=100, facets=False, **kw))


def _in(engine, regions):
    return {h["id"] for h in engine.search(SearchRequest(q="", per_page=300, facets=False))["results"]
            if h["region"] in regions}


def test_a_territory_lists_the_partnerships_of_its_units(engine):
    kabylie = _search(engine, "Kabylie")
    assert {h["id"] for h in kabylie["results"]} == _in(engine, KABYLIE) and kabylie["total"] >= 10
    # said, with the French elision before a vowel
    assert "« Kabylie » : les résultats de Tizi Ouzou, Béjaïa et Bouira sont inclus." in kabylie["query"]["notices"]
    sahara = _search(engine, "Sahara algérien")
    assert any(n.startswith("« Sahara algérien » : les résultats d'Adrar, ") for n in sahara["query"]["notices"])
    north = _search(engine, "nord du Mali")
    assert {h["region"] for h in north["results"]} <= NORTH | {"Tamanrasset"}  # Kidal – Tamanrasset
    assert not any(h["id"].startswith("cr-nord-pas-de-calais") for h in north["results"])
    dogon = _search(engine, "pays dogon")
    assert dogon["results"] and all(h["region"] == "Mopti" for h in dogon["results"])


def test_a_territory_with_a_topic_is_the_place_of_the_topic(engine):
    r = _search(engine, "santé nord du Mali", explain=True)
    assert r["results"] and r["results"][0]["region"] in NORTH
    top = r["results"][0]["explain"]["own"]["words"]
    assert any(m["via"] == "place" for w in top for m in w["matches"])


def test_only_the_territorys_name_triggers_it_not_an_adjective_of_its_stem(engine):
    """`culture kabyle` asks for Kabyle culture: the Kabyle sheets lacking culture are not its
    answers, as Tizi Ouzou's would be for `culture Kabylie`."""
    adjective = _search(engine, "culture kabyle", explain=True)
    assert not any(m["via"] == "place" for h in adjective["results"]
                   for w in h["explain"]["own"]["words"] for m in w["matches"])
    name = _search(engine, "culture Kabylie")
    assert name["results"] and {h["region"] for h in name["results"]} <= KABYLIE


def test_a_place_spelled_otherwise_is_the_place_the_records_spell(engine):
    """`Timbuktu` and `Algiers` found nothing and said « Aucune fiche des répertoires ne nomme la région
    de Tombouctou (Mali) »: the geography tables knew the spelling, the records do not use it. A spelling
    the records use (`Marrakech`) is searched as typed, with no notice."""
    for typed, name in (("Timbuktu", "Tombouctou"), ("Algiers", "Alger"), ("Fez", "Fès")):
        r = _search(engine, typed)
        same = _search(engine, name)
        assert r["total"] and {h["id"] for h in r["results"]} <= {h["id"] for h in same["results"]}
        assert r["query"]["notices"][0] == f"« {typed} » est lu comme « {name} »."
        assert not any("ne nomme" in n for n in r["query"]["notices"])
    assert not any("est lu comme" in n for n in _search(engine, "Marrakech")["query"]["notices"])


@pytest.mark.parametrize("typed, name, today", [("Bône", "Annaba", "Annaba"), ("Philippeville", "Skikda", "Skikda"),
                                                ("Mogador", "Essaouira", "Essaouira"),  # the town, not
                                                ("Mazagan", "El Jadida", "El Jadida")])  # its province
def test_a_name_of_the_colonial_era_is_the_place_it_named(engine, typed, name, today):
    """`Bône` (Annaba) listed 15 records, a Malian Boni and the sheets with a `bon`, and `Mogador`
    (Essaouira) nothing: French twinning committees still write the old names. The tables know them
    now, and the word is read as that place only (its own stem, `bon`, finds nothing more)."""
    r = _search(engine, typed)
    assert r["total"] and r["query"]["notices"][0] == f"« {typed} » est lu comme « {name} »."
    assert {h["id"] for h in r["results"]} == {h["id"] for h in _search(engine, today)["results"]}


def test_a_territory_is_offered_by_autocomplete_with_its_partnerships_count(engine):
    """Typing `Kaby` offered nothing: the territories are names a user can pick, counted by the
    partnerships of their units."""
    offered = {s["name"]: s for s in engine.suggest("Kaby")}
    assert offered["Kabylie"]["count"] == len(_in(engine, KABYLIE)) and offered["Kabylie"]["kind"] == "lieu"
    # the count is what the search lists: Kidal-Tamanrasset's Malian party is in the north of Mali
    north = {s["name"]: s for s in engine.suggest("nord du")}["nord du Mali"]
    assert north["count"] == _search(engine, "nord du Mali")["total"] and north["country"] == "Mali"
