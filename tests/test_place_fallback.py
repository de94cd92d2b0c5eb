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
