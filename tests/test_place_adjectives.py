"""Place adjectives (engine/fillers.py): the country, French région or other country an adjective
names is looked for as a place (`algériennes`: Algérie, `bretonnes`: Bretagne, `chinoises`: Chine)."""
from __future__ import annotations

import dataclasses

import pytest

from engine import SearchRequest, ranking_profile


def _explained(index_dir, q: str, profile) -> dict:
    """Up to 100 explained results of `q` under a ranking profile."""
    with ranking_profile.use_profile(profile):
        from engine import Engine
        return Engine(index_dir).search(SearchRequest(q=q, per_page=100, explain=True))


@pytest.mark.parametrize("word, country", [("algériens", "Algérie"), ("algériennes", "Algérie"),
                                           ("marocaine", "Maroc"), ("maliens", "Mali"),
                                           ("Algérie", None), ("Mali", None), ("écoles", None),
                                           ("bretonnes", "Bretagne"), ("alsaciens", "Alsace"),
                                           ("franciliennes", "Île-de-France"), ("rhônalpine", "Rhône-Alpes"),
                                           ("Bretagne", None), ("France", None),
                                           ("chinoises", "Chine"), ("allemande", "Allemagne"),
                                           ("turcs", "Turquie"), ("grecque", "Grèce"), ("Chine", None),
                                           # the place's own name: found as the word, never named twice
                                           ("Lorraine", None), ("lorraines", "Lorraine"), ("Russie", None),
                                           # feminines the stemmer splits from their masculine; a continent is no place
                                           ("japonaises", "Japon"), ("polonaise", "Pologne"), ("africaines", None)])
def test_a_place_adjective_names_the_country_or_the_region(word, country):
    from engine.fillers import place_named

    assert place_named(word) == country


def test_a_french_region_adjective_is_the_french_sides_region(index_dir):
    # `collectivités bretonnes`: the records say Bretagne in their places, never `bretonnes`
    q = "quelles collectivités bretonnes coopèrent avec le Mali ?"
    p = ranking_profile.current()
    top = _explained(index_dir, q, p)["results"][:5]
    assert top and all((h["french_party"] or {}).get("region") == "Bretagne" for h in top)
    off = _explained(index_dir, q, dataclasses.replace(p, place_adjectives=False))["results"][:5]
    assert any((h["french_party"] or {}).get("region") != "Bretagne" for h in off)


def test_a_regions_adjective_of_its_own_stem_still_names_it(index_dir):
    # `lorraines` shares Lorraine's stem; counting Lorraine once must not make the adjective a word
    # like any other: « communes lorraines Mali » listed 148 records, from the Centre and elsewhere
    top = _explained(index_dir, "communes lorraines Mali", ranking_profile.current())["results"]
    assert 0 < len(top) < 20 and all((h["french_party"] or {}).get("region") == "Lorraine" for h in top)


def test_a_place_sharing_its_adjectives_stem_counts_once(index_dir):
    # `Lorraine` was found as the word and again as the place its adjective `lorrain` names
    hit = _explained(index_dir, "jumelage Lorraine", ranking_profile.current())["results"][0]
    word = next(w for w in hit["explain"]["own"]["words"] if w["text"] == "Lorraine")
    assert [m["via"] for m in word["matches"]] == ["word"]


def test_a_third_countrys_adjective_finds_the_country_named(index_dir):
    # the sheets list other twinnings by country (« Hang Zhou (Chine) »), never `chinoises`
    q = "jumelages avec des villes chinoises"
    p = ranking_profile.current()

    def chine(hit) -> float:
        word = next(w for w in hit["explain"]["own"]["words"] if w["text"] == "chinoises")
        return sum(m["score"] for m in word["matches"] if m["text"] == "Chine")

    top = _explained(index_dir, q, p)["results"][:3]
    assert len(top) == 3 and all(chine(h) > 0 for h in top)
    off = _explained(index_dir, q, dataclasses.replace(p, place_adjectives=False))["results"][:3]
    assert not any(chine(h) for h in off)


def test_a_country_adjective_is_a_place_even_when_few_results_have_every_word(index_dir):
    # `échanges scolaires entre écoles algériennes`: the adjective names Algeria, which gates and
    # is required; few Algerian records have every word, and the ones filling the page must be
    # Algerian too (profile.place_fills), not Malian school exchanges
    q = "échanges scolaires et jumelages entre écoles françaises et algériennes"

    p = ranking_profile.current()
    r = _explained(index_dir, q, p)
    assert r["results"] and all("Algérie" in h["countries"] for h in r["results"])
    vias = {m["via"] for h in r["results"] for w in h["explain"]["own"]["words"] for m in w["matches"]}
    assert "place" in vias
    for off in (dataclasses.replace(p, place_adjectives=False), dataclasses.replace(p, place_fills=False)):
        assert any("Algérie" not in h["countries"] for h in _explained(index_dir, q, off)["results"])
