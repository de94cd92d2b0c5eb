"""The guards of round 56's contact rules (R6), each on the line it keeps from a wrong reading;
REV3 planted each guard's removal and no test failed (the corpus has no such line today)."""
from __future__ import annotations

from indexer.parsers.cuf_contacts import ContactBlock, _persons
from indexer.parsers.maroc import _pair_of, moroccan_party
from indexer.records import Contact


def _read(label: str, value: str | None, *lines: str) -> list[tuple[str | None, str | None]]:
    return [(c.name, c.role) for c in ContactBlock(label).read(list(lines), value)]


def test_a_second_name_after_et_needs_a_role_after_its_comma():
    # `… et Sahel Solidarité, Mandiakuy`: an organisation and its place, no second person
    got = _read("Elu en charge du partenariat",
                "Jean Pierre Fané, président de l’association Wa Zun We et Sahel Solidarité, Mandiakuy")
    assert [name for name, _ in got] == ["Jean Pierre Fané"]


def test_a_plural_civility_followed_by_other_words_is_not_split():
    # the words after the surnames (`de la mairie de Ségou`) would be lost in no one's role
    got = _persons("Messieurs DIARRA et KONE de la mairie de Ségou")
    assert any("mairie de Ségou" in f"{name} {role}" for name, role in got)


def test_a_capitals_line_after_first_names_is_no_surname_when_it_is_an_organisation_word():
    assert _read("Coordonnées de l’exécutif (maire, président)", None,
                 "Nom : Ibrahim Coumba ", "MAIRIE ", "Fonction : Maire ")[0][0] == "Ibrahim Coumba"


def test_a_capitals_line_after_a_whole_name_is_no_surname():
    assert _read("Coordonnées de l’exécutif (maire, président)", None,
                 "Nom : Ibrahim DOUCOURE ", "ADDY ", "Fonction : Maire ")[0][0] == "Ibrahim DOUCOURE"


def test_a_shared_sheets_contact_naming_both_partners_is_both_pairs():
    marrakech, meknes = moroccan_party("Commune urbaine de Marrakech"), moroccan_party("Commune urbaine de Meknès")
    both = [marrakech, meknes]
    staff = Contact(name="Jean MARTIN", role="Coordinateur des programmes de Marrakech et de Meknès", side="french")
    assert _pair_of(staff, marrakech, both) and _pair_of(staff, meknes, both)
