"""A collectivity the records now name otherwise than the document (round 48 named Mali's regional
councils « Région de Kayes » where sheets write « Assemblée régionale de Kayes », « Conseil Régional de
Tombouctou »: corpus._council_name) is still found and offered by the document's name (review 4 r48,
M2 and L1). The autocomplete offered only the word « assemblées » for `Assembl`, nothing for
`collectivité:Assem`, and for `Assemblée régionale de K` « Région de Kayes » replacing two words of four
(« Assemblée régionale collectivité:"Région de Kayes" »); a bookmarked collectivité:"Conseil Régional de
Tombouctou" listed one of that council's two partnerships and said nothing of its name."""
from __future__ import annotations

import pytest

from test_suggest_prefixes import _suggest

KAYES = "Région de Kayes"


def _search(client, q: str) -> dict:
    return client.get("/api/search", query_string={"q": q}).get_json()


def _the_council(offered: list[dict]) -> dict:
    found = [s for s in offered if s["query"] == f'collectivité:"{KAYES}"']
    assert len(found) == 1, [s["name"] for s in offered]
    return found[0]


@pytest.mark.parametrize(("typed", "replaces"), [
    ("Assembl", 1), ("collectivité:Assem", 1), ("Assemblée régionale de K", 4), ("eau Assemblée régionale de Kay", 4)])
def test_the_documents_name_is_offered_as_another_spelling(client, typed, replaces):
    s = _the_council(_suggest(client, typed))
    assert s["name"] == f"{KAYES} (Assemblée régionale de Kayes)" and s["kind"] == "collectivité"
    assert s["replaces"] == replaces  # all that was typed of the name, not its last two words
    assert s["count"] == _search(client, s["query"])["total"] >= 4  # both spellings' partnerships


def test_the_name_itself_is_offered_once(client):
    offered = _suggest(client, "Région de Kay")
    assert _the_council(offered)["name"] == KAYES  # not also « Région de Kayes (Assemblée…) »


def test_an_old_name_still_finds_its_records_and_says_the_name(client):
    old = _search(client, 'collectivité:"Conseil Régional de Tombouctou"')
    new = _search(client, 'collectivité:"Région de Tombouctou"')
    assert 0 < old["total"] < new["total"]  # the sheets that write it so, of the council's partnerships
    notices = [n for n in old["query"]["notices"] if "Région de Tombouctou" in n]
    assert notices == [(f"« Conseil Régional de Tombouctou » est le nom que le document donne à « Région de "
                        f"Tombouctou » dans {old['total']} de ses {new['total']} partenariats : "
                        f'collectivité:"Région de Tombouctou" les liste tous.')]
    assert not any("le nom que le document donne" in n for n in new["query"]["notices"])
    kayes = _search(client, 'collectivité:"Assemblée régionale de Kayes"')["query"]["notices"]
    assert any(f"« {KAYES} »" in n for n in kayes)


@pytest.mark.parametrize(("typed", "not_offered"), [
    ("jumel", "Marolles"), ("Jumelage", "Marolles"), ("amis", "Marolles"), ("collectivité:jumel", "Marolles"),
    ("Vil", "Ville de"), ("collectivité:Vil", "Ville de"), ("Vil", "Ville et Communauté urbaine")])
def test_an_association_or_a_town_is_no_other_name_of_a_collectivity(client, typed, not_offered):
    """« Marolles – Les amis du Jumelage » is a twinning association, not Marolles-en-Hurepoix: `jumel`
    offered the town first, above the word « jumelage » (review 2 r49, H1); « Ville de Fes » is no name
    of the « Commune urbaine de Fès », nor « Ville et Communauté urbaine de Lyon » of Grand Lyon (M1)."""
    names = [s["name"] for s in _suggest(client, typed)]
    assert not any(not_offered in n for n in names), names


def test_a_kind_word_s_other_spelling_is_still_offered(client):
    """What is left: the place and words of a collectivity's kind (`CU LYON` for Grand Lyon)."""
    names = [s["name"] for s in _suggest(client, "CU LY")]
    assert "Grand Lyon (CU LYON)" in names, names


@pytest.mark.parametrize("typed", ["conseil regional de tombouctou", "CONSEIL RÉGIONAL DE TOMBOUCTOU"])
def test_the_notice_quotes_the_name_as_the_document_writes_it(client, typed):
    """The notice quoted the clause as typed: « conseil regional de tombouctou » est le nom que le
    document donne… (review 2 r49, L4); it quotes the sheet's « Conseil Régional de Tombouctou »."""
    notices = _search(client, f'collectivité:"{typed}"')["query"]["notices"]
    named = [n for n in notices if "le nom que le document donne" in n]
    assert len(named) == 1 and named[0].startswith("« Conseil Régional de Tombouctou » est"), notices
