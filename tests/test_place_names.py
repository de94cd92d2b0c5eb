"""How users name places and collectivities (engine/placenames.py): a kind word before a name
(`mairie de Montpellier`, as `ville de Montpellier`). QA audit 6 (round 43)."""
from __future__ import annotations

import pytest

from engine import SearchRequest


def _ids(engine, q: str) -> list[str]:
    return [r["id"] for r in engine.search(SearchRequest(q=q, per_page=100))["results"]]


@pytest.mark.parametrize("typed, same", [("mairie de Montpellier", "ville de Montpellier"),
                                         ("mairie Montpellier", "Montpellier"),
                                         ("mairie de la Rochelle", "ville de La Rochelle"),
                                         ("mairie d’Alger", "ville d'Alger")])
def test_mairie_before_a_name_is_a_kind_word_as_ville_is(engine, typed, same):
    """« mairie de Montpellier » listed 89 records, the 84 that only say « mairie » after the 5 of
    Montpellier; « ville de Montpellier » lists those 5."""
    assert sorted(_ids(engine, typed)) == sorted(_ids(engine, same))


@pytest.mark.parametrize("q, kind", [("mairie de Montpellier", True), ("mairie d'Alger", True),
                                     ("construction de la mairie", False), ("secrétaire général de mairie", False),
                                     ("mairies d'arrondissement", False), ("mairie partenaire", False)])
def test_mairie_is_a_kind_word_only_before_a_name(engine, q, kind):
    """Elsewhere « mairie » is the building or its staff, what is sought (`construction de la mairie`)."""
    from engine.placenames import kinds_before_names
    from engine.querylang import parse_query
    from engine.suggestion import knows

    assert bool(kinds_before_names(parse_query(q), knows(engine.state()))) is kind


@pytest.mark.parametrize("typed, read", [("Rhone Alpes", "Rhône-Alpes"), ("Tiziouzou", "Tizi Ouzou"),
                                         ("eau Seine Saint Denis", "eau Seine-Saint-Denis"),
                                         ("Rhône-Alpes", "Rhône-Alpes"), ("Tizi Ouzou", "Tizi Ouzou"),
                                         ("Tizi-Ouzou", "Tizi-Ouzou"), ("Fes", "Fes"), ("eau potable", "eau potable")])
def test_a_place_typed_with_other_separators_is_read_as_the_tables_spell_it(typed, read):
    from engine.querylang import parse_query

    pq = parse_query(typed)
    assert pq.render() == read
    assert bool(pq.notices) is (typed != read)


@pytest.mark.parametrize("typed, written", [("Tiziouzou", "Tizi Ouzou"), ("Rhone Alpes", "Rhône-Alpes")])
def test_a_place_typed_joined_or_spaced_finds_what_its_name_finds(engine, typed, written):
    """« Tiziouzou » found 1 of Tizi Ouzou's 6 partnerships (the one record writing it joined), and
    « Rhone Alpes » 42 records, Bouches-du-Rhône's and Provence-Alpes-Côte d'Azur's among them, for
    Rhône-Alpes's 31. Now the same records, and the notice says how the words were read."""
    response = engine.search(SearchRequest(q=typed, per_page=100))
    assert sorted(_ids(engine, typed)) == sorted(_ids(engine, written))
    assert f"« {typed} » est lu comme « {written} »." in response["query"]["notices"]
