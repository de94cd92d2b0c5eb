"""A commune, cercle or province named alone lists, after its own partnerships, those of the
units enclosing it (engine/surroundings.py): never above the place's own, with a notice."""
from __future__ import annotations

import dataclasses

import pytest

from engine import Engine, SearchRequest, ranking_profile
from engine.fillers import is_name_particle, is_place_kind
from engine.querybuild import build_query
from engine.querylang import parse_query
from engine.surroundings import (
    Unit,
    named_place,
    notice,
    partner_places,
    place_phrases,
    unit_of_partner,
)
from indexer.schema import build_schema


def _place(q: str, more=None):
    return named_place(parse_query(q).text_words(), build_query(build_schema(), parse_query(q), {}), more)


@pytest.mark.parametrize("q, place, units", [
    ("Chéraga", "Chéraga", [("Algérie", "region", "Alger")]),
    ("cheraga", "Chéraga", [("Algérie", "region", "Alger")]),
    ("Douentza", "le cercle de Douentza", [("Mali", "region", "Mopti")]),
    ("Douenza", "le cercle de Douentza", [("Mali", "region", "Mopti")]),  # within the typo budget
    ("souk el khemis", "Souk El Khémis", [("Maroc", "subdivision", "Province de Ouarzazate"),
                                          ("Maroc", "region", "Souss-Massa-Drâa")]),
])
def test_a_place_below_a_region_is_enclosed_by_its_units(q, place, units):
    assert _place(q) == (place, [Unit(*u) for u in units])


@pytest.mark.parametrize("q", ["Kayes", "Alger", "Souss-Massa-Drâa", "eau Douentza", "école",
                               "Douentza -santé", "Grenoble", ""])
def test_a_region_a_topic_or_a_french_town_has_no_surroundings(q):
    # a région encloses nothing listed; a topic word makes it a place + topic query, whose
    # place already stands for its territory; France is not a partner country
    assert _place(q) is None


def test_the_records_place_the_communes_the_tables_do_not_list():
    parties = [{"name": "Nedroma", "kind": "commune", "country": "Algérie", "region": "Tlemcen"},
               {"name": "Chéraga", "kind": "commune", "country": "Algérie", "region": "Alger"},  # in the table
               {"name": "Bondy", "kind": "commune", "country": "France", "region": "Île-de-France"}]
    more = partner_places(parties)
    assert set(more) == {"nedroma"}
    assert _place("Nedroma", more.get) == ("Nedroma", [Unit("Algérie", "region", "Tlemcen")])
    assert _place("Nedroma") is None


@pytest.mark.parametrize("party, unit", [
    ({"kind": "wilaya", "country": "Algérie", "region": "Alger", "name": "Wilaya d'Alger"},
     Unit("Algérie", "region", "Alger")),
    ({"kind": "cercle", "country": "Mali", "region": "Mopti", "subdivision": "Douentza", "name": "Cercle de Douentza"},
     Unit("Mali", "subdivision", "Douentza")),
    ({"kind": "commune", "country": "Mali", "region": "Kayes", "name": "Kayes"}, None),
    ({"kind": "région", "country": "France", "region": "Bretagne", "name": "Bretagne"}, None),
    (None, None),
])
def test_the_partner_that_is_a_unit(party, unit):
    assert unit_of_partner(party) == unit


def test_the_notice_names_the_units_in_french():
    assert notice("Sangha", [Unit("Mali", "subdivision", "Bandiagara"), Unit("Mali", "region", "Mopti")]) == (
        "Après les résultats pour Sangha : les partenariats du cercle de Bandiagara et de la région de Mopti, "
        "qui l'englobent.")
    assert notice("Chéraga", [Unit("Algérie", "region", "Alger")]) == (
        "Après les résultats pour Chéraga : les partenariats de la wilaya d'Alger, qui l'englobe.")
    assert Unit("Maroc", "subdivision", "Province de Ouarzazate").label() == "la province de Ouarzazate"


def _search(index_dir, q, profile=None, **kw):
    with ranking_profile.use_profile(profile or ranking_profile.current()):
        return Engine(index_dir).search(SearchRequest(q=q, per_page=100, explain=True, **kw))


def test_the_wilaya_follows_the_commune_and_says_why(index_dir):
    r = _search(index_dir, "cheraga")
    ids = [h["id"] for h in r["results"]]
    assert ids[0] == "vaulx-en-velin--cheraga"
    around = [h for h in r["results"] if "surrounds" in h["explain"]]
    assert around and all((h["partner_party"] or {}).get("region") == "Alger" for h in around)
    assert all(h["explain"]["surrounds"] == "la wilaya d'Alger" for h in around)
    # after every one of the place's own results
    own = [h["score"] for h in r["results"] if "surrounds" not in h["explain"]]
    assert max(h["score"] for h in around) < min(own)
    assert ids.index(around[0]["id"]) == len(own)
    assert any("wilaya d'Alger" in n for n in r["query"]["notices"])
    off = _search(index_dir, "cheraga", dataclasses.replace(ranking_profile.current(), surroundings=False))
    assert off["total"] < r["total"] and not off["query"]["notices"]


def test_a_place_of_the_tables_no_sheet_names_is_said_so(engine):
    """No sheet names the wilayas of Médéa, Tiaret or Mila: they found, by stem or by typo, the EU
    programme MEDA, `titre` or millet (`mil`), and « Vouliez-vous dire : titre ? ». Now nothing,
    and a notice that says why; a place some sheet names is searched as before."""
    for q, said in (("Médéa", "la wilaya de Médéa (Algérie)"), ("Tiaret", "la wilaya de Tiaret (Algérie)"),
                    ("mila", "la wilaya de Mila (Algérie)"),
                    ("Niono", "le cercle de Niono (Mali)")):  # offered `nioro`, another cercle's name
        r = engine.search(SearchRequest(q=q, per_page=5))
        assert r["total"] == 0 and r["suggestion"] is None, q
        assert r["query"]["notices"] == [f"Aucune fiche des répertoires ne nomme {said}."]
    assert engine.search(SearchRequest(q="mil", per_page=1))["total"] > 0  # millet, as before
    named = engine.search(SearchRequest(q="Bouira", per_page=5))
    assert named["results"][0]["id"] == "roubaix--bouira" and not named["query"]["notices"]
    # with a filter too: no document has it, whatever the filter (it said nothing)
    r = engine.search(SearchRequest(q="Tiaret", filters={"country": ["Mali"]}, per_page=5))
    assert r["total"] == 0 and r["query"]["notices"] == [("Aucune fiche des répertoires ne nomme la wilaya de "
                                                          "Tiaret (Algérie).")]
    # an empty listing that is the filter's doing says nothing of the words
    r = engine.search(SearchRequest(q="Bouira", filters={"country": ["Mali"]}, per_page=5))
    assert r["total"] == 0 and r["query"]["notices"] == []
    # with other words that find nothing either, the place is named all the same (it said nothing)
    r = engine.search(SearchRequest(q="ksour Tiaret", per_page=5))
    assert r["total"] == 0 and r["query"]["notices"] == [("Aucune fiche des répertoires ne nomme la wilaya de "
                                                         "Tiaret (Algérie).")]


@pytest.mark.parametrize("q, scope, there", [
    ("école Tiaret", {"country": ["Algérie"]}, "la wilaya de Tiaret (Algérie) : voici les résultats d'Algérie ayant"),
    ("santé Niono", {"region": ["Ségou"]},
     "le cercle de Niono (Mali) : voici les résultats de la région de Ségou, qui l'englobe, ayant"),
])
@pytest.mark.parametrize("kind", [{}, {"type": ["action"]}])
def test_the_other_words_are_looked_for_where_the_unnamed_place_is(engine, q, scope, there, kind):
    """`école Tiaret` listed schools of every country, Bures-sur-Yvette – Korera Koré (Mali) first, under
    « Aucun document ne contient « Tiaret » ». No sheet names the wilaya, but it is in Algeria, and the
    cercle of Niono in the région of Ségou: the other words are looked for there ("the surrounding region
    for a place name"), as that filter would list them, and the notice says so."""
    r = engine.search(SearchRequest(q=q, filters=dict(kind), per_page=100, facets=False))
    there_only = engine.search(SearchRequest(q=q.split()[0], filters={**scope, **kind}, per_page=100, facets=False))
    everywhere = engine.search(SearchRequest(q=q.split()[0], filters=dict(kind), per_page=100, facets=False))
    assert [h["id"] for h in r["results"]] == [h["id"] for h in there_only["results"]]
    assert 0 < r["total"] < everywhere["total"]
    assert r["query"]["notices"] == [f"Aucune fiche des répertoires ne nomme {there} les autres mots de la recherche."]


def test_an_unnamed_place_whose_territory_lacks_the_other_words_lets_them_be_found_elsewhere(engine):
    """No Algerian partnership names Kayes: `eau Médéa Kayes` keeps the other words everywhere, and says
    why; another word no document has keeps its own notice."""
    r = engine.search(SearchRequest(q="eau Médéa Kayes", per_page=100, facets=False))
    assert r["total"] > 0 and all("Mali" in h["countries"] for h in r["results"])
    assert r["query"]["notices"] == [("Aucune fiche des répertoires ne nomme la wilaya de Médéa (Algérie), et "
                                     "aucun résultat d'Algérie n'a les autres mots de la recherche : voici ceux "
                                     "d'ailleurs.")]
    r = engine.search(SearchRequest(q="ksour eau Tiaret", per_page=100, facets=False))
    assert r["total"] > 0 and all("Algérie" in h["countries"] for h in r["results"])
    assert r["query"]["notices"][1:] == [
        "Aucun document ne contient « ksour » : la recherche porte sur les autres mots."]


def test_surroundings_obey_the_filters_and_stay_out_of_action_listings(index_dir):
    # the Kayes region's partnerships after Diéma's, unless a filter rules them out
    r = _search(index_dir, "Diéma")
    around = {h["id"] for h in r["results"] if "surrounds" in h["explain"]}
    assert "cg-hauts-de-seine--cr-kayes" in around
    filtered = _search(index_dir, "Diéma", filters={"country": ["Maroc"]})
    assert not any("surrounds" in h["explain"] for h in filtered["results"])
    actions = _search(index_dir, "Diéma", filters={"type": ["action"]})
    assert all(h["type"] == "action" for h in actions["results"])
    assert not any("englobe" in n for n in actions["query"]["notices"])


def test_the_api_and_the_cli_explain_why_a_surrounding_partnership_is_listed(client, check_search_contract):
    from repertoires.output import explain_lines

    r = client.get("/api/search", query_string={"q": "Chéraga", "explain": "1"})
    assert r.status_code == 200
    data = r.get_json()
    check_search_contract(data)
    around = [h for h in data["results"] if "surrounds" in h["explain"]]
    assert around and around[0]["explain"]["surrounds"] == "la wilaya d'Alger"
    text = "\n".join(explain_lines(around[0]["explain"]))
    assert "le partenaire est la wilaya d'Alger, qui l'englobe" in text
    assert "trouvé par ses actions" not in text



def test_a_place_named_with_a_topic_is_followed_by_the_enclosing_units_with_the_topic(index_dir):
    # tourism in the cercle of Bandiagara, then the Région de Mopti's partnerships that speak of it
    q = "tourisme cercle de Bandiagara"
    r = _search(index_dir, q)
    around = [h for h in r["results"] if "surrounds" in h["explain"]]
    assert around and all(h["explain"]["surrounds"] == "la région de Mopti" for h in around)
    assert all((h["partner_party"] or {}).get("region") == "Mopti" for h in around)
    assert r["results"][0]["id"] == "rennes--cercle-bandiagara"
    assert any("ayant aussi les autres mots de la recherche" in n for n in r["query"]["notices"])
    off = _search(index_dir, q, dataclasses.replace(ranking_profile.current(), surroundings_with_topic=False))
    assert not any("surrounds" in h["explain"] for h in off["results"])
    # only those with the topic: the Région de Mopti's two partnerships follow `Douentza`, but
    # neither speaks of health, so none follows `santé Douentza`
    assert any("surrounds" in h["explain"] for h in _search(index_dir, "Douentza")["results"])
    assert not any("surrounds" in h["explain"] for h in _search(index_dir, "santé Douentza")["results"])


@pytest.mark.parametrize("kind_and_place, place", [("cercle Bandiagara", "Bandiagara"),
                                                   ("cercle de Bandiagara", "Bandiagara"),
                                                   ("wilaya Tizi-Ouzou", "Tizi-Ouzou"),
                                                   ("province Taroudannt", "Taroudannt")])
def test_the_kind_of_a_place_before_its_name_lists_the_place_alone(index_dir, kind_and_place, place):
    """`cercle Bandiagara` listed Bandiagara's records, then every `Cercle de …` of the repertoires
    (70 results, Tiflet in Morocco among them): the kind is a light word, and the few results were
    filled with the records having it alone. It lists what `Bandiagara` lists, its région after it."""
    with_kind, alone = _search(index_dir, kind_and_place), _search(index_dir, place)
    assert {h["id"] for h in with_kind["results"]} == {h["id"] for h in alone["results"]}
    assert with_kind["total"] == alone["total"] < 10
    assert [n for n in with_kind["query"]["notices"] if n.startswith("Après")] == \
        [n for n in alone["query"]["notices"] if n.startswith("Après")]


@pytest.mark.parametrize("word, kind", [("commune", True), ("Communes", True), ("wilayas", True), ("ville", True),
                                        ("création", False), ("communal", False), ("villageois", False)])
def test_the_kinds_of_places_are_known_by_any_inflection(word, kind):
    assert is_place_kind(word) is kind


@pytest.mark.parametrize("kind_and_word, word", [("commune de Sévaré", "Sévaré"), ("ville de Tanger", "Tanger"),
                                                 ("la ville de Stains", "Stains")])
def test_the_kind_of_a_place_no_table_lists_adds_no_record_saying_the_kind_alone(index_dir, kind_and_word, word):
    """Sévaré is written in two sheets but in no table: `commune de Sévaré` listed those two, then
    every record saying « commune » (147 results); `ville de Tanger` found no record with both
    words and listed every record with either (149). The kind alone says nothing of what is asked."""
    with_kind, alone = _search(index_dir, kind_and_word), _search(index_dir, word)
    assert alone["total"] > 0
    assert {h["id"] for h in with_kind["results"]} == {h["id"] for h in alone["results"]}
    assert with_kind["total"] == alone["total"] < 10


@pytest.mark.parametrize("q", ["commune de Zzzqx", "la wilaya de Zzzqx", "cercle Zzzqx"])
def test_the_kind_of_a_place_no_record_names_finds_nothing_and_says_so(index_dir, q):
    """`commune de Zzzqx` listed every record saying « commune », under a notice that the search
    was on the other words: the place asked for is in no record, which the notice now says alone."""
    r = _search(index_dir, q)
    assert r["total"] == 0 and r["results"] == []
    assert r["query"]["notices"] == ["Aucun document ne contient « Zzzqx »."]
    # a topic beside the unknown word is still searched, and said to be
    assert _search(index_dir, "jumelage Zzzqx")["query"]["notices"] == [
        "Aucun document ne contient « Zzzqx » : la recherche porte sur les autres mots."]


@pytest.mark.parametrize("word, particle", [("Sainte", True), ("ste", True), ("El", True), ("Aït", True),
                                             ("Ain", False), ("santé", False), ("Sidibé", False)])
def test_the_words_opening_names_are_known_as_typed(word, particle):
    assert is_name_particle(word) is particle


@pytest.mark.parametrize("q, unknown", [("Sainte Foy", "Foy"), ("Ste Foy", "Foy"), ("Al Hoceima", "Hoceima"),
                                        ("Sidi Kacem", "Kacem")])
def test_a_name_whose_only_known_word_opens_names_finds_nothing_and_says_so(index_dir, q, unknown):
    """`Sainte Foy` listed 45 records (every Saint-Étienne, Saint-Denis…) under a notice that the
    search was on the other words, and `Al Hoceima` 15 with an « Al »: a name no record has is no
    answer in the names that only begin alike."""
    r = _search(index_dir, q)
    assert r["total"] == 0 and r["results"] == []
    assert r["query"]["notices"] == [f"Aucun document ne contient « {unknown} »."]
    # the word alone still finds what names it (`Saint Etienne`), and a topic beside it is searched
    assert _search(index_dir, "Saint Etienne")["total"] > 0
    assert _search(index_dir, f"jumelage {unknown}")["total"] > 0


@pytest.mark.parametrize("q, said", [
    ("Ain Temouchent", "la wilaya d'Aïn Témouchent (Algérie)"),
    ("El Bayadh", "la wilaya d'El Bayadh (Algérie)"),
    ("Oum El Bouaghi", "la wilaya d'Oum el Bouaghi (Algérie)"),
    ("Bordj Bou Arreridj", "la wilaya de Bordj Bou Arréridj (Algérie)"),
    ("Sidi Bel Abbès", "la wilaya de Sidi Bel Abbès (Algérie)"),  # each word written, but no partner's place
])
def test_a_place_of_several_words_no_sheet_names_is_said_so_as_when_hyphenated(engine, q, said):
    """`El Bayadh` listed 38 partnerships of El Jadida, El Khroub…, `Ain Temouchent` Rezé – Aïn Defla,
    found by their shared `el` or `ain`, under « Aucun document ne contient « Bayadh » », where
    `Ain-Temouchent` said that no sheet names the wilaya. Typed with spaces, it says so too."""
    for typed in (q, q.replace(" ", "-")):
        r = engine.search(SearchRequest(q=typed, per_page=5))
        assert r["total"] == 0 and r["suggestion"] is None, typed
        assert r["query"]["notices"] == [f"Aucune fiche des répertoires ne nomme {said}."], typed


def test_the_other_words_of_a_place_of_several_words_are_looked_for_where_it_is(engine):
    r = engine.search(SearchRequest(q="eau Ain Temouchent", per_page=100, facets=False))
    there = engine.search(SearchRequest(q="eau", filters={"country": ["Algérie"]}, per_page=100, facets=False))
    assert 0 < r["total"] and [h["id"] for h in r["results"]] == [h["id"] for h in there["results"]]
    assert r["query"]["notices"] == [("Aucune fiche des répertoires ne nomme la wilaya d'Aïn Témouchent (Algérie) : "
                                     "voici les résultats d'Algérie ayant les autres mots de la recherche.")]


@pytest.mark.parametrize("q, phrases", [
    ("eau Ain Temouchent", ["ain temouchent"]),
    ("Ain Temouchent OR Tiaret", []),  # a word of an OR group is no run of the name
    ("Ain Defla", []),  # a partner's place, each word written: read as typed
    ("Sidi Bel Abbes", ["sidi bel abbes"]),  # each word written, but no partner's place
    ("el bayadh -ain", ["el bayadh"]),
    ("eau potable Kayes", []),
])
def test_a_whole_name_of_the_tables_becomes_a_phrase_unless_a_partner_is_there_by_its_words(q, phrases):
    written = {"eau", "potable", "kayes", "ain", "defla", "el", "sidi", "bel", "abbes", "tiaret"}
    partners = {"aindefla", "kayes", "tiaret"}
    pq = place_phrases(parse_query(q), lambda w: w in written, lambda key: key in partners)
    assert [c.text.lower() for c in pq.clauses if c.kind == "phrase"] == phrases


@pytest.mark.parametrize("q, meant", [("Ain Temouchnet", "Aïn Témouchent"), ("El Bayad", "El Bayadh"),
                                      ("Oum El Bouaghu", "Oum el Bouaghi")])
def test_a_place_of_several_words_with_a_typo_in_a_word_no_record_writes_is_that_place(engine, q, meant):
    """`Ain Temouchnet` listed Rezé – Aïn Defla and Milan – Aïn Smara for their `ain`, under a notice that no
    document has « Temouchnet »: the index has neither spelling, so no typo alternative could mend it.
    The words are the table's place within a name's typos, read as its exact spelling is, and said so."""
    r = engine.search(SearchRequest(q=q, per_page=5))
    exact = engine.search(SearchRequest(q=meant, per_page=5))
    assert r["total"] == exact["total"] == 0
    assert r["query"]["notices"] == [f"« {q} » est lu comme « {meant} »."] + exact["query"]["notices"]
    other = engine.search(SearchRequest(q=f"eau {q}", per_page=100, facets=False))
    same = engine.search(SearchRequest(q=f"eau {meant}", per_page=100, facets=False))
    assert other["total"] > 0 and [h["id"] for h in other["results"]] == [h["id"] for h in same["results"]]


@pytest.mark.parametrize("q, phrases", [
    ("Ain Temouchnet", ["aïn témouchent"]),
    ("Tizi Ouzu", []),  # a partner's place: its typo is corrected by the typo alternatives, the listing kept
    ("Sidi Bel Abess", []),  # two typos in a word of five letters: no guess
    ("Ain Temouchnet OR Tiaret", []),
])
def test_a_misspelt_name_of_the_tables_becomes_its_phrase_only_within_a_names_typos(q, phrases):
    written = {"ain", "tizi", "ouzou", "sidi", "bel", "abbes", "tiaret"}
    partners = {"tiziouzou", "tiaret"}
    pq = place_phrases(parse_query(q), lambda w: w in written, lambda key: key in partners)
    assert [c.text.lower() for c in pq.clauses if c.kind == "phrase"] == phrases


@pytest.mark.parametrize("q, first, then", [("Tizi Ouzou", "la-roche-sur-yon--tizi-ouzou", "longuyon--tizi-rached"),
                                            ("Souk El Khemis", "cleon--souk-el-khemis", None)])
def test_a_partners_place_named_in_several_words_keeps_its_listing(engine, q, first, then):
    r = engine.search(SearchRequest(q=q, per_page=100, facets=False))
    ids = [h["id"] for h in r["results"]]
    assert ids[0] == first and (then is None or then in ids)
    assert not any("ne nomme" in n for n in r["query"]["notices"])


def test_a_word_of_a_place_name_of_the_tables_is_no_typo(engine):
    """`Bordj Menaiel` (a commune the tables do not list) was offered « Bord Menaiel » and listed two
    records with `bord`: `bordj` is a word of the tables' names (Bordj Bou Arréridj), as `temouchent`,
    never a typo of another word."""
    from engine.surroundings import in_table_names

    assert in_table_names("bordj") and in_table_names("temouchent") and not in_table_names("bord")
    r = engine.search(SearchRequest(q="Bordj Menaiel", per_page=5))
    assert r["suggestion"] is None and r["total"] == 0
    # a typo of a place the records name is still corrected
    assert engine.search(SearchRequest(q="Tombouctu", per_page=1))["suggestion"] == "tombouctou"


def test_the_letters_apart_leave_the_close_names_as_they_were(monkeypatch):
    """Named with two typos or fewer, a place of the tables is found as without the letters' bound."""
    from indexer import geography

    names = [p.name for c in ("Mali", "Maroc", "Algérie") for ps in geography.of(c).places.values() for p in ps
             if len(geography.key(p.name)) > 8][:80]
    typed = [n[:3] + n[4:] for n in names] + [n[:2] + n[3] + n[2] + n[4:-1] for n in names] + \
        [n + " eau" for n in names[:20]] + ["assainissement Kayes", "formation des élus", "Tombouctouu"]
    found = [_place(q) for q in typed]
    monkeypatch.setattr("analyzers.spelling.letters_apart", lambda a, b: 0)
    assert found == [_place(q) for q in typed]
    assert sum(f is not None for f in found) > 40
