"""The name of a French région or département typed alone, or after a kind word of its level
(`Région Rhône-Alpes`, `département Isère`), names its council (`Île-de-France`: the conseil
régional), whose partnerships come first (engine/placenames.py, `council_keys`)."""
from __future__ import annotations

import dataclasses

import pytest

from engine import Engine, SearchRequest, ranking_profile


def _explained(index_dir, q: str, profile) -> dict:
    with ranking_profile.use_profile(profile):
        return Engine(index_dir).search(SearchRequest(q=q, per_page=100, explain=True))


@pytest.mark.parametrize("text, keys", [("ile de france", ["cr-ile-de-france"]), ("Essonne", ["cg-essonne"]),
                                        ("Seine-Saint-Denis", ["cg-seine-saint-denis"]), ("Kayes", []),
                                        ("Grenoble", []), ("eau Essonne", []),
                                        ("Région Rhône-Alpes", ["cr-rhone-alpes"]),
                                        ("region ile-de-france", ["cr-ile-de-france"]),
                                        ("conseil régional Bretagne", ["cr-bretagne"]),
                                        ("département de l’Isère", ["cg-isere"]), ("département Isère", ["cg-isere"]),
                                        ("Région Isère", []), ("Région de Kayes", [])])
def test_a_french_region_or_departement_named_alone_names_its_council(text, keys):
    from engine.placenames import council_keys

    assert council_keys(text) == keys


def test_the_council_of_a_region_named_alone_comes_first(index_dir):
    p = ranking_profile.current()
    top = _explained(index_dir, "ile de france", p)["results"][0]
    assert top["french_party"]["name"].startswith("Conseil régional")
    off = _explained(index_dir, "ile de france", dataclasses.replace(p, council_names=False))["results"][0]
    assert not off["french_party"]["name"].startswith("Conseil régional")


@pytest.mark.parametrize("q, council", [("Région Rhône-Alpes", "cr-rhone-alpes--"), ("Région Bretagne", "cr-bretagne"),
                                        ("Région Île-de-France", "cr-ile-de-france--")])
def test_region_before_a_name_ranks_the_councils_partnerships_first(engine, q, council):
    """« Région X » is how users name the regional council: its partnerships ranked below communes'
    and other councils' (`Région Rhône-Alpes`: 1st, then 6th to 8th), as high as for « X » alone now."""
    mine = [r["id"] for r in engine.search(SearchRequest(q=q, per_page=100))["results"]]
    alone = [r["id"] for r in engine.search(SearchRequest(q=q.split(" ", 1)[1], per_page=100))["results"]]
    ranks = [i for i, rid in enumerate(mine) if rid.startswith(council)]
    assert ranks and ranks == list(range(len(ranks))) and len(ranks) == len([r for r in alone if r.startswith(council)])


@pytest.mark.parametrize("q", ["conseil départemental de l'Essonne", "conseil départemental Essonne"])
def test_the_councils_name_since_2015_lists_what_its_other_names_list(engine, q):
    """« conseil départemental de l'Essonne » listed 1 where « CD Essonne » lists 15: its fill kept only
    the records having its rarest word, « départemental », not « Essonne » (review 2 r43, #5)."""
    ids = {r["id"] for r in engine.search(SearchRequest(q=q, per_page=100))["results"]}
    assert ids == {r["id"] for r in engine.search(SearchRequest(q="CD Essonne", per_page=100))["results"]}


@pytest.mark.parametrize("q, council", [("Assemblée régionale de Mopti", "Région de Mopti"),
                                        ("Assemblée régionale de Kayes", "Région de Kayes")])
def test_a_council_typed_as_its_sheet_names_it_keeps_its_name_bonus(engine, q, council):
    """A Malian regional council the records name « Région de X » (round 48) is still named by the words
    its sheet writes: typed so, its partnerships get the name bonus and the name's short listing (the
    bonus read the new name only: « Assemblée régionale de Mopti » listed 22, its name bonus 0; review 4)."""
    r = engine.search(SearchRequest(q=q, per_page=100, explain=True))
    named = [h for h in r["results"] if h["partner_party"]["name"] == council]
    assert named and r["results"][:len(named)] == named and r["total"] <= 4
