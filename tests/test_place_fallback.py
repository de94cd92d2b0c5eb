"""A place + topic query that no record of the place answers whole (`école primaire Gao`) lists
the records of the place that have the most of its words, and says so. The any-word fallback
listed Moroccan and Algerian schools among Gao's records, under « voici ceux qui en contiennent
au moins un »."""
import dataclasses

from engine import SearchRequest, ranking_profile
from engine.ranking import FALLBACK_NOTICE

NOTICE = "Aucun résultat du lieu « Gao » ne contient tous les mots : voici ceux de ce lieu qui en ont le plus."


def _search(engine, q):
    return engine.search(SearchRequest(q=q, per_page=100, facets=False))


def test_the_fallback_of_a_place_and_a_topic_stays_in_the_place(engine):
    r = _search(engine, "école primaire Gao")
    assert r["results"] and {h["region"] for h in r["results"]} == {"Gao"}
    assert r["query"]["notices"] == [NOTICE] and r["query"]["fallback_any_word"]
    # those of Gao with a school first (a school in Ménaka, a school in Gao), then Gao's others
    explained = engine.search(SearchRequest(q="école primaire Gao", per_page=100, facets=False, explain=True))
    cover = [h["explain"]["own"]["coverage"] for h in explained["results"]]
    assert cover == sorted(cover, reverse=True) and cover[0] > cover[-1]
    off = dataclasses.replace(ranking_profile.current(), place_fills=False)
    with ranking_profile.use_profile(off):
        assert {h["region"] for h in _search(engine, "école primaire Gao")["results"]} > {"Gao"}


def test_two_places_are_named_and_no_place_keeps_the_fallback_everywhere(engine):
    both = _search(engine, "école primaire Gao Kidal")
    assert {h["region"] for h in both["results"]} <= {"Gao", "Kidal", "Tamanrasset"}  # Kidal – Tamanrasset
    assert any("des lieux « Gao » et « Kidal » ne contient" in n for n in both["query"]["notices"])
    anywhere = _search(engine, "tramway apiculture")
    assert anywhere["query"]["notices"] == [FALLBACK_NOTICE] and anywhere["total"] > 1


def test_a_partner_country_named_beside_other_places_keeps_the_results_in_it(engine):
    """`jumelage Bretagne Mali` listed Rennes-Sétif third (Algérie): it is in Bretagne, one of the
    places named, and lacked only « Mali ». A record must be in a partner country the query names,
    besides being in one of its other places; with a country alone, in one of the countries."""
    for q in ("jumelage Bretagne Mali", "jumelage breton malien"):  # the adjective names the country too
        r = _search(engine, q)
        assert r["results"] and {c for h in r["results"] for c in h["countries"]} == {"Mali"}, q
    assert "rennes--setif" in {h["id"] for h in _search(engine, "jumelage Bretagne")["results"]}
    either = _search(engine, "santé Maroc Mali")
    assert {c for h in either["results"] for c in h["countries"]} == {"Maroc", "Mali"}
    # the country does not widen a place inside it: `eau Kayes Mali` is Kayes's
    assert {h["region"] for h in _search(engine, "eau Kayes Mali")["results"]} == {"Kayes"}


def test_places_in_no_country_named_keep_either(engine):
    """No Breton partnership is in Morocco: `villes bretonnes jumelées au Maroc` lists those of
    Bretagne or of Morocco (10), not, under the any-word fallback, every record with any word (168)."""
    r = _search(engine, "villes bretonnes jumelées au Maroc")
    assert 0 < r["total"] < 20 and not r["query"]["fallback_any_word"]
    assert all(h["french_party"].get("region") == "Bretagne" or h["countries"] == ["Maroc"] for h in r["results"])
    assert {h["french_party"].get("region") for h in r["results"]} > {"Bretagne"}
