"""The name of a French région or département typed alone names its council (`Île-de-France`: the
conseil régional), whose partnerships come first (engine/querybuild.py, `council_keys`)."""
from __future__ import annotations

import dataclasses

import pytest

from engine import Engine, SearchRequest, ranking_profile


def _explained(index_dir, q: str, profile) -> dict:
    with ranking_profile.use_profile(profile):
        return Engine(index_dir).search(SearchRequest(q=q, per_page=100, explain=True))


@pytest.mark.parametrize("text, keys", [("ile de france", ["cr-ile-de-france"]), ("Essonne", ["cg-essonne"]),
                                        ("Seine-Saint-Denis", ["cg-seine-saint-denis"]), ("Kayes", []),
                                        ("Grenoble", []), ("eau Essonne", [])])
def test_a_french_region_or_departement_named_alone_names_its_council(text, keys):
    from engine.querybuild import council_keys

    assert council_keys(text) == keys


def test_the_council_of_a_region_named_alone_comes_first(index_dir):
    p = ranking_profile.current()
    top = _explained(index_dir, "ile de france", p)["results"][0]
    assert top["french_party"]["name"].startswith("Conseil régional")
    off = _explained(index_dir, "ile de france", dataclasses.replace(p, council_names=False))["results"][0]
    assert not off["french_party"]["name"].startswith("Conseil régional")
