"""/api/suggest knows what the search knows (QA r43, audit 6): a hyphen and a space part words alike,
`St`, `Ste` and the vocabulary's acronyms are read as the search reads them (defect 2), and a place's
other spelling that the search reads as its name offers that name (defect 10)."""
from __future__ import annotations

import pytest

from contract import check_schema
from engine import SearchRequest
from test_suggest_prefixes import _suggest as _offered


def _names(client, typed: str) -> list[str]:
    return [s["name"] for s in _offered(client, typed)]


@pytest.mark.parametrize("typed,name", [
    ("Tizi-", "Tizi Ouzou"), ("Tizi-Ouzou", "Tizi Ouzou"), ("Rhone A", "Rhône-Alpes"), ("Ile d", "Île-de-France"),
    ("Ile de France", "Île-de-France"), ("Saint D", "Saint-Denis"), ("saint denis", "Saint-Denis"),
    ("St", "Saint-Denis"), ("St D", "Saint-Denis"), ("St-", "Saint-Denis"), ("St-D", "Saint-Denis"),
    ("CG", "Conseil général de l'Isère"), ("CG Isère", "Conseil général de l'Isère"),
    ("CG Is", "Conseil général de l'Isère"), ("CR", "Conseil régional de Bretagne"),
    ("CU", "Communauté urbaine de Bordeaux"), ("CU", "Commune urbaine de Fès"),
    ("CA", "Communauté d'agglomération de Grenoble"), ("Bamako c", "Bamako-Commune V"),
    ("Bamako-C", "Bamako-Commune V"), ("Nioro Sahel", "Nioro du Sahel"),
])
def test_a_name_is_offered_as_the_search_reads_the_typed_words(client, engine, typed, name):
    """Each was offered nothing (or, for `St`, only Strasbourg and Stains) at the very character where
    the user's spelling left the stored name's, although the search finds it so."""
    offered = {s["name"]: s for s in _offered(client, typed)}
    assert name in offered, (typed, list(offered))
    picked = offered[name]
    assert picked["count"] == engine.search(SearchRequest(q=picked["query"], per_page=1))["total"] > 0


def test_the_readings_keep_the_typed_words_apart(client):
    """Read as the search reads them, the words still say which name: `St-` is Saint, typed whole (not
    Strasbourg), `CG Isère` no other council, `Rhone A` not the Bouches-du-Rhône; and what was offered
    before is still offered (`Strasbourg` for `St`, the Wilaya d'Alger for `wilaya d’`)."""
    assert "Strasbourg" in _names(client, "St") and "Strasbourg" not in _names(client, "St-")
    assert _names(client, "CG Isère") == ["Conseil général de l'Isère"]
    assert "Bouches-du-Rhône" not in _names(client, "Rhone A")
    assert _names(client, "wilaya d’")[0] == "Wilaya d'Alger"
    assert _names(client, "Conseil général de l’I") == ["Conseil général de l'Isère"]
    assert _names(client, "nord du")[0] == "nord du Mali"


@pytest.mark.parametrize("typed,name,query", [
    ("Timb", "Tombouctou (Timbuktu)", "Tombouctou"), ("Timbuktu", "Tombouctou (Timbuktu)", "Tombouctou"),
    ("Fez", "Fès (Fez)", "Fès"), ("Marrakesh", "Marrakech (Marrakesh)", "Marrakech"),
    ("Algi", "Alger (Algiers)", "Alger"), ("Bougie", "Béjaïa (Bougie)", "Béjaïa"),
    ("Mogador", "Essaouira (Mogador)", "Essaouira"), ("Mazagan", "El Jadida (Mazagan)", "El Jadida"),
])
def test_another_spelling_the_search_reads_offers_the_name(client, engine, spec, typed, name, query):
    """The search reads `Timbuktu`, `Fez`, `Marrakesh`, `Algiers`, `Bougie`, `Mogador` as the tables' names,
    with a notice; the autocomplete offered nothing for them. It offers the name, the spelling said beside
    it, and picking it puts the name in the box."""
    data = client.get("/api/suggest", query_string={"q": typed}).get_json()
    check_schema(spec, "SuggestResponse", data)
    offered = {s["name"]: s for s in data["suggestions"]}
    assert name in offered, (typed, list(offered))
    assert offered[name]["query"] == query
    assert offered[name]["count"] == engine.search(SearchRequest(q=query, per_page=1))["total"] > 0
    spelling = name[name.index("(") + 1:-1]
    read = engine.search(SearchRequest(q=spelling, per_page=1))["query"]["notices"]
    assert any(f"« {spelling} » est lu comme « {name[:name.index(' (')]} »" in n for n in read), read


def test_a_name_already_offered_is_not_offered_again_for_another_spelling(client):
    """`Bam` begins « District de Bamako » itself: no « District de Bamako (Bamako) » beside it."""
    names = _names(client, "Bam")
    assert "District de Bamako" in names and not any("(Bamako)" in n for n in names)


@pytest.mark.parametrize("typed,offered", [
    ("Clichy-la", "Clichy-la-Garenne"), ("Tipasa", "Tipasa"),
])
def test_a_spelling_that_is_an_offered_collectivitys_name_is_not_offered_again(client, typed, offered):
    """`Clichy-la` offered « Clichy-la-Garenne » and « Clichy (Clichy-la-Garenne) », the same two
    partnerships twice (the round's review, #7): the collectivity is offered, not also the spelling."""
    names = _names(client, typed)
    assert offered in names and not any(n.endswith(")") and n.split(" (")[-1][:-1] in offered for n in names), names


def test_a_misspelling_of_the_documents_is_not_offered_as_another_name(client, engine):
    """`Rhônes` offered « Rhône-Alpes (Rhônes-Alpes) » and « Bouches-du-Rhône (Bouches-du-Rhônes) », typos
    of the documents the tables keep to read them (marked `~`), as if they were other names."""
    from indexer import geography

    spellings = geography.other_spellings()
    for typo in ("Rhônes-Alpes", "Bouches-du-Rhônes", "Eure-et-Loire", "Koulikouro", "Languedoc-Rousillon"):
        assert typo not in spellings, typo
    assert _names(client, "Rhônes") == []
    assert geography.of("France").lookup("Rhônes-Alpes").name == "Rhône-Alpes"  # still read as the région
    assert {"Timbuktu", "Mogador", "Fez", "PACA"} <= set(spellings)


def test_a_long_run_of_acronyms_answers_at_once(client):
    """Each `CU` multiplied the readings built before they were cut to READINGS: 13 words took 4 s,
    the 33 that MAX_SUGGEST_CHARS lets through never ended (review 2 r43, #1)."""
    import time

    from engine.autocomplete import READINGS, typed_readings

    typed = " ".join(["CU"] * 33)
    began = time.perf_counter()
    assert client.get("/api/suggest", query_string={"q": typed}).status_code == 200
    assert time.perf_counter() - began < 0.5
    assert len(typed_readings("cu cu cg ca cr aep")) == READINGS


def test_a_final_space_ends_the_typed_word(client):
    """`St ` (typed whole) still offered Strasbourg and Stains, which `St-` does not: the key lost its
    final space before the last word was read as being typed (review 3 r43, #10)."""
    names = _names(client, "St ")
    assert "Strasbourg" not in names and "Saint-Denis" in names, names


def test_a_spelling_listing_more_than_the_collectivity_it_ends_is_still_offered(client):
    """`El Jed` offered only « Commune urbaine d'El Jedida » (1 partnership): « El Jadida (El Jedida) »,
    which lists 2, was left out as if it listed the same ones (review 3 r43, #12)."""
    offered = {s["name"]: s["count"] for s in _offered(client, "El Jed")}
    assert offered.get("Commune urbaine d'El Jedida") == 1 and offered.get("El Jadida (El Jedida)") == 2, offered


@pytest.mark.parametrize("typed", [
    "eau potable Conseil général de l'I", "coopération décentralisée CG CU CR CC St", "adduction d'eau Ségou CR",
    "formation des agents de la commune de Nio", "eau assainissement CU CR CG CC CD St Ste", "jumelage Lyon Alg",
    "Région Rhône-Alpes Tomb", "lycée franco ", "Grand Lyon Al", "a b c d e f", "santé Bamaco", "St D", "Kou",
    "Clichy-la", "El Jed", "CU CU CU CU CU CU", "nord du", "ma",
])
def test_one_scan_of_the_names_answers_as_each_run_of_last_words_tried_in_turn(client, engine, monkeypatch, typed):
    """The box tried the last six, five… one words each with a scan of the names of its own (up to
    149 ms a keystroke with acronyms: review r43); the names are now scanned once for all the runs
    (autocomplete.names_begun), and the answer is the one trying each run in turn gives."""
    from engine import autocomplete

    words, end = typed.split(), typed[len(typed.rstrip()):]
    expected: list[dict] = []
    for n in range(min(len(words), 6), 0, -1):
        if n == 1 < len(words) and len(words[-1]) < 2:
            continue
        offered = engine.suggest(" ".join(words[-n:]) + end)
        if offered:
            expected = [{**s, "replaces": n} for s in offered]
            break
    scans = []
    scan = autocomplete.names_begun
    monkeypatch.setattr(autocomplete, "names_begun", lambda st, keys, most: scans.append(keys) or scan(st, keys, most))
    assert _offered(client, typed) == expected
    assert len(scans) == 1


def test_the_other_spellings_are_read_once_per_generation(client, engine, monkeypatch):
    """Each keystroke split the ~580 other spellings of the geography tables again and rebuilt a table
    of the names to look their names up (review r43): they are read once per generation
    (IndexState.other_spelled), and offer the same names."""
    from indexer import geography

    before = _offered(client, "Timb")
    assert "Tombouctou (Timbuktu)" in [s["name"] for s in before]
    monkeypatch.setattr(geography, "other_spellings", lambda: pytest.fail("read again at a keystroke"))
    assert _offered(client, "Timb") == before and "Fès (Fez)" in _names(client, "Fez")
