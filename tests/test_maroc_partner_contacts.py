"""Morocco sheets: the persons a project's partners list names, by the side heading they are
written under (`En France :`, `Au Maroc :`, `Partenaires au Maroc :`), or after a label that
announces the person to ask (`→ Contact :`, `Nom du responsable :`). Verbatim source lines."""
from indexer.parsers.maroc_contacts import partner_persons
from indexer.records import Contact, Party

AIX = Party(name="Aix-en-Provence", kind="commune", country="France")
OUJDA = Party(name="Oujda", kind="commune", country="Maroc")
BOULOGNE = Party(name="Boulogne-sur-Mer", kind="commune", country="France")
SAFI = Party(name="Safi", kind="commune", country="Maroc")
MANTES = Party(name="Mantes-la-Jolie", kind="commune", country="France")
RABAT = Party(name="Rabat", kind="commune", country="Maroc")
ISERE = Party(name="Conseil général de l'Isère", kind="département", country="France")
TADLA = Party(name="Conseil régional de Tadla-Azilal", kind="région", country="Maroc")


def _lines(*texts: str) -> list[tuple[int, str]]:
    return list(enumerate(texts, 1))


def _got(found: list[Contact]) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.name, c.side, c.role) for c in found]


def test_side_headings_of_a_projects_partners_name_persons_boulogne_and_aix():
    """Boulogne-Safi l.784-788 and l.820-824; Aix-Oujda l.190-192 (a civility after the
    organisation, the role word after the name, the address after the role)."""
    found = partner_persons(_lines(
        "Partenaires",
        "En France : Karine JAY, Directrice de la Bibliothèque municipale de Boulogne-sur-Mer.",
        "Au Maroc : Service compétent du Conseil régional de Doukkala Abda.",
        "Partenaires",
        "En France : Philippe Valette, Directeur du Centre National de la Mer à Boulogne-sur-Mer.",
        "Au Maroc : Association « les amis de Thor Heyerdahl » chargée de piloter le comité local de réflexion.",
        "Au Maroc : INDH, associations locales.",  # CG Hérault l.7390: organisations, no person
    ), BOULOGNE, [SAFI], [])
    assert _got(found) == [
        ("Karine JAY", "french", "Directrice de la Bibliothèque municipale de Boulogne-sur-Mer"),
        ("Philippe Valette", "french", "Directeur du Centre National de la Mer à Boulogne-sur-Mer")]
    found = partner_persons(_lines(
        "Partenaires au Maroc : Agence Urbaine, M. Fahti Directeur, Bd Med V BP 812 Oujda.",
        "Partenaires en France : Agence d'Urbanisme du Pays d'Aix → *Contact : M. Manini Directeur, 26 rue du "
        "Puits neuf 13100 Aix en Provence.*"), AIX, [OUJDA], [])
    assert _got(found) == [("Fahti", "partner", "Directeur"), ("Manini", "french", "Directeur")]
    assert [(c.organisation, c.address) for c in found] == [
        ("Agence Urbaine", "Bd Med V BP 812 Oujda"),
        ("Agence d'Urbanisme du Pays d'Aix", "26 rue du Puits neuf 13100 Aix en Provence")]


def test_a_contact_label_under_a_side_heading_mantes():
    """Mantes-la-Jolie-Rabat l.1650-1662: `- Au Maroc :` over a list of organisations, the
    association's line, then `→ Contact : …` with the person's role, address and numbers."""
    found = partner_persons(_lines(
        "- Au Maroc :", "Wilaya de Rabat Salé Zemmour Zaer", "→ Tél. : + 212 37 70 70 72 / Fax : + 212 37 70 79 11.",
        "L'Association « Ateliers Sans Frontières »",
        "→ Contact : Patrick Karim Ouriaghli, Délégué Général Maroc Résidence El Hadj Thami – App n°20, 2 bis, "
        "avenue Zerktouni – Kebibat – Rabat ; Tel / Fax : + 212 (0) 37 69 93 58 ; "
        "p.ouriaghli@ateliersansfrontieres.org",
        "Les Associations de Rabat"), MANTES, [RABAT], [])
    assert _got(found) == [
        ("Patrick Karim Ouriaghli", "partner", "Délégué Général Maroc Résidence El Hadj Thami")]
    c = found[0]
    assert (c.organisation, c.phone, c.email) == (
        "L'Association « Ateliers Sans Frontières »", "+ 212 (0) 37 69 93 58", "p.ouriaghli@ateliersansfrontieres.org")


def test_the_responsible_of_the_mandated_structure_isere():
    """CG Isère-Tadla-Azilal l.5407-5410: the structure's name above, its address and numbers
    below; no heading, so the side is the one the numbers tell (+33: French)."""
    found = partner_persons(_lines(
        "Structure mandatée pour la mise en œuvre", "Nom de la structure : Tétraktys",
        "Nom du responsable : Françoise Guinot",
        "5, Rue Gallice 38 100 Grenoble ; Tél : + 33 (0)4 38 70 02 14 ; administratif@tetraktys-ong.org.",
        "Ressources humaines pour la coopération décentralisée"), ISERE, [TADLA], [])
    assert _got(found) == [("Françoise Guinot", "french", None)]
    c = found[0]
    assert (c.organisation, c.address, c.phone, c.email) == (
        "Tétraktys", "5, Rue Gallice 38 100 Grenoble", "+ 33 (0)4 38 70 02 14", "administratif@tetraktys-ong.org")


def test_a_person_already_read_is_not_repeated():
    """CR Champagne-Ardenne l.6552: ZAOUI is the information part's (who_persons) already."""
    found = partner_persons(_lines("Contact : M. Mohammed ZAOUI (Délégué Général, Antenne Maroc)"),
                            ISERE, [TADLA], [Contact(name="Mohammed ZAOUI", side="french")])
    assert found == []


def test_a_shared_sheets_contact_naming_one_partner_is_that_pairs_only():
    """CR Bourgogne l.6110-6199: one sheet for Marrakech and Meknès; `M. Omar EL JAZOULI` /
    `Président de la Commune urbaine de Marrakech` and Marrakech's address block are not Meknès's
    contacts; the French president and a contact naming no partner are both pairs'."""
    from indexer.parsers.maroc import _pair_of, moroccan_party
    marrakech, meknes = moroccan_party("Commune urbaine de Marrakech"), moroccan_party("Commune urbaine de Meknès")
    both = [marrakech, meknes]
    jazouli = Contact(name="Omar EL JAZOULI", role="Président de la Commune urbaine de Marrakech",
                      organisation="Commune urbaine de Marrakech", side="partner")
    address = Contact(organisation="Commune urbaine de Marrakech", phone="+212 24 38 50 00", side="partner")
    patriat = Contact(name="François Patriat", role="Président du Conseil Régional de Bourgogne", side="french")
    assert [_pair_of(c, meknes, both) for c in (jazouli, address, patriat)] == [False, False, True]
    assert [_pair_of(c, marrakech, both) for c in (jazouli, address, patriat)] == [True, True, True]
    assert _pair_of(jazouli, meknes, [meknes])  # a sheet of one partner keeps everyone
