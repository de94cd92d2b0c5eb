"""A collectivity picked in the autocomplete is put in the box as the query language's prefix,
collectivité:"…" (QA r41, defect 9: « eau Assemblée régionale de Kayes » broadened the search, its
words being optional once softened). What the page's script inserts, and what the server answers.
The browser journey is in test_browser_history.py."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from engine.querylang import NAME_PREFIXES, NAMES, prefix_target

SCRIPT = Path(__file__).resolve().parents[1] / "search_app" / "static" / "search.js"
ASSEMBLY = "Région de Kayes"  # its name on every record, whichever its sheet writes (corpus._council_name)
ITS_PARTNERSHIPS = {"cr-ile-de-france--assemblee-regionale-de-kayes",
                    "cr-nord-pas-de-calais--assemblee-regionale-de-kayes",
                    "cg-hauts-de-seine--cr-kayes", "cr-bretagne--cr-kayes"}


def _ids(client, q: str, **filters) -> list[str]:
    data = client.get("/api/search", query_string={"q": q, "per_page": 100, **filters}).get_json()
    assert data["total"] <= 100
    return [r["id"] for r in data["results"]]


def test_the_script_inserts_the_suggestions_query_and_the_server_the_query_languages_prefix(client):
    """What picking puts in the box has one place, the server's `query` (engine/autocomplete.py):
    search.js wrote a prefix of its own too, which said otherwise for Koulikoro. The server's prefix
    is the one the query language shows for party names, read as such."""
    script = SCRIPT.read_text("utf-8")
    assert "s.query || s.name" in script and "NAME_PREFIX" not in script
    offered = client.get("/api/suggest", query_string={"q": "kay"}).get_json()["suggestions"]
    picked = {s["name"]: s["query"] for s in offered}
    prefix = re.match(r'([^:]+):"', picked[ASSEMBLY]).group(1)
    assert prefix == NAME_PREFIXES[0] and prefix_target(prefix) == NAMES


def test_the_prefix_alone_finds_the_collectivitys_partnerships(client):
    assert set(_ids(client, f'collectivité:"{ASSEMBLY}"')) == ITS_PARTNERSHIPS
    assert set(_ids(client, f'collectivité:"{ASSEMBLY}"', country="Mali")) == ITS_PARTNERSHIPS


def test_the_name_a_sheet_writes_still_finds_its_partnerships(client):
    """Two sheets write « Assemblée régionale de Kayes » (mali l.4899, l.5096): their words, kept in
    name_raw, still name them."""
    assert set(_ids(client, 'collectivité:"Assemblée régionale de Kayes"')) == {
        "cr-ile-de-france--assemblee-regionale-de-kayes", "cr-nord-pas-de-calais--assemblee-regionale-de-kayes"}


def test_a_topic_with_a_picked_collectivity_lists_only_its_partnerships(client):
    """What picking the collectivity after « eau » asks: its partnerships that speak of water, not 45
    others of Mali that do."""
    assert set(_ids(client, f'eau collectivité:"{ASSEMBLY}"', country="Mali")) <= ITS_PARTNERSHIPS
    assert set(_ids(client, f'eau collectivite:"{ASSEMBLY}"', country="Mali")) == ITS_PARTNERSHIPS


def test_a_prefix_clause_is_never_softened_away(engine):
    """From three words on a result needs only most of the words, and a short filtered listing is
    completed by records like its results: a prefix's clause is a condition, kept by both."""
    from engine import SearchRequest

    r = engine.search(SearchRequest(q='puits forages latrines collectivité:"Koulikoro"', per_page=100, facets=False))
    assert r["results"] and all("koulikoro" in h["id"] for h in r["results"])
    assert r["completions"] == []  # nor completed by records like its results: it names what it asks for


def test_the_suggestion_says_what_picking_it_puts_in_the_box(client):
    """A collectivity that is no region's or cercle's name is picked as its prefix; one that is
    (Koulikoro) as the place, which holds it; a count is of partnerships, what picking lists."""
    def offered(q):
        return {s["name"]: s for s in client.get("/api/suggest", query_string={"q": q}).get_json()["suggestions"]}
    kay = offered("kay")
    assert kay[ASSEMBLY]["query"] == f'collectivité:"{ASSEMBLY}"'
    assert kay["Kayes"]["kind"] == "lieu" and kay["Kayes"]["query"] == "Kayes"
    koulikoro = offered("koul")["Koulikoro"]
    assert koulikoro["query"] == "Koulikoro"
    listed = client.get("/api/search", query_string={"q": koulikoro["query"]}).get_json()["total"]
    assert koulikoro["count"] == listed  # it counted mentions: 22 for 21 partnerships
    assert kay[ASSEMBLY]["count"] == len(ITS_PARTNERSHIPS)
    picked_as_prefix = client.get("/api/search", query_string={"q": 'collectivité:"Koulikoro"'}).get_json()["total"]
    assert listed > picked_as_prefix


def test_two_collectivities_picked_are_either(client):
    """Picked one after the other, two collectivities listed nothing: each a condition of its own
    (the round's review). Two of one kind are either, as two values of one facet are."""
    both = set(_ids(client, f'eau collectivité:"Bamako" collectivité:"{ASSEMBLY}"'))
    assert ITS_PARTNERSHIPS <= both
    assert both - ITS_PARTNERSHIPS and all("bamako" in p for p in both - ITS_PARTNERSHIPS)


def test_a_condition_nothing_meets_says_so(client):
    """A collectivity no sheet names said « la recherche porte sur les autres mots » over an empty
    listing, and one that leaves none of the other words' records said nothing (the round's review)."""
    def said(q):
        r = client.get("/api/search", query_string={"q": q}).get_json()
        return r["total"], r["query"]["notices"]
    assert said('eau collectivité:"Assemblé régional de Kayes"') == (
        0, ["Aucune fiche ne nomme « Assemblé régional de Kayes » : rien ne répond à cette condition."])
    total, notices = said('eau Kayes collectivité:"Bamako"')
    assert total == 0 and "Aucun document de « Bamako » n'a aussi les autres mots de la recherche." in notices


def test_a_hyphenated_name_is_not_the_tail_of_a_longer_one(client):
    """`Saint-Denis` picked is the town, not the Seine-Saint-Denis département, whose name holds
    it glued after another word; typed with a space it is the same name. A longer name it begins
    (`Saint-Jean` for Saint-Jean-de-Boiseau) and the longer name itself are still found."""
    town = set(_ids(client, 'collectivité:"Saint-Denis"'))
    assert town and all(i.startswith("saint-denis--") for i in town)
    assert set(_ids(client, 'collectivité:"Saint Denis"')) == town
    departement = set(_ids(client, 'collectivité:"Seine-Saint-Denis"'))
    assert departement and all(i.startswith("cg-seine-saint-denis--") for i in departement)
    assert not town & departement
    assert any(i.startswith("saint-jean-de-boiseau--") for i in _ids(client, 'collectivité:"Saint-Jean"'))
    assert "aix-en-provence--oujda" in _ids(client, "collectivité:Aix-en-Provence")


def test_a_one_word_name_is_not_the_tail_of_a_longer_one(client):
    """`France` is not the Conseil régional d'Île-de-France (QA r42, defect 2)."""
    ids = _ids(client, 'collectivité:"France"')
    assert "france--ministere-de-l-interieur-et-des-collectivites-locales" in ids
    assert not any("ile-de-france" in i for i in ids)


def test_a_collectivitys_count_is_what_picking_it_lists(client):
    """The count offered beside a collectivity is its search's total: Bamako was offered with the
    partnerships bearing the name exactly (6) and listed 9, the name being also found in longer ones
    (« Mairie du district de Bamako »); nine names differed so (QA r42, defect 2), and 63 names picked
    as words (Paris: 8 bear the name, 18 list it; the round's review)."""
    checked = 0
    for beginning in ("bamak", "saint-d", "franc", "greno", "nant", "roch", "pari", "kit", "cent", "alg"):
        for s in client.get("/api/suggest", query_string={"q": beginning}).get_json()["suggestions"]:
            if s["kind"] in ("collectivité", "lieu"):  # a place, or a collectivity picked as words
                total = client.get("/api/search", query_string={"q": s["query"], "per_page": 1}).get_json()["total"]
                assert s["count"] == total, s
                checked += 1
    assert checked >= 20


@pytest.mark.parametrize("q, query, replaces", [
    ("puits Nioro Sahel", "Nioro du Sahel", 2), ("Rhone A", "Rhône-Alpes", 2),
    ("eau Saint D", 'collectivité:"Saint-Denis"', 2), ("CG Isère", "collectivité:\"Conseil général de l'Isère\"", 2),
    ("eau Timb", "Tombouctou", 1), ("kou", "Koulikoro", 1),
    ("Conseil général de l’I", "collectivité:\"Conseil général de l'Isère\"", 4)])
def test_a_suggestion_says_how_many_typed_words_it_replaces(client, q, query, replaces):
    """The box sends the name's words typed, not the last one only (review 3, r43, #2): each
    suggestion says how many of q's last words its query replaces, the longest reading that
    offers something being the answer."""
    offered = client.get("/api/suggest", query_string={"q": q}).get_json()["suggestions"]
    assert {s["query"]: s["replaces"] for s in offered}.get(query) == replaces
    assert {s["replaces"] for s in offered} == {replaces}
