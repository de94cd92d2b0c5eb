"""Contacts of the Mali sheets' head (audit r41 qa3, defect 11): a heading is no role, a block under
`Direction des relations internationales` is its own, a second e-mail or number is kept, a surname with
its article is a name. Verbatim lines of `data/mali-repertoire-2008.txt`; the expected values were read
from the source, never from the parser's output."""
from __future__ import annotations

from indexer.parsers.contacts import merged
from indexer.parsers.cuf_contacts import ContactBlock, head_contacts
from indexer.records import Party

FRENCH = Party(name="Conseil général de l'Essonne", country="France")
PARTNER = Party(name="Cercle de Douentza", country="Mali", region="Mopti")


def _head(*lines: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(c.name, c.role, c.side) for c in head_contacts(list(lines), FRENCH, PARTNER, "Mali")]


def test_the_executive_heading_is_no_role():
    """CG Essonne – Douentza l.3304-3316: `Coordonnées de l'exécutif` / `Nom : Michel BERSON, président du CG`
    (the role is the one the line writes), then `Nom : Moussa Ongoiba` with no role written (the
    executive the heading names)."""
    assert _head("Coordonnées de l'exécutif ", "Nom : Michel BERSON, président du CG ",
                 "Adresse : Hôtel du département, bd de France, ", " 91 012 Evry ",
                 "Tél : 01 60 91 91 91        Fax : 01 60 91 91 77 ", "Mail :  ", "",
                 "Coordonnées de l'exécutif ", "Nom : Moussa Ongoiba ", "Adresse :  ",
                 "Tél :   00 223 689 21 14     Fax :   00 223 689 21 14 ", "Mail : conseildecercle@yahoo.fr ") == [
        ("Michel BERSON", "président du CG", "french"), ("Moussa Ongoiba", "Exécutif", "partner")]


def test_a_place_under_the_executive_heading_is_no_office():
    """Saint-Denis – Djélébou, Karakoro et Sahel l.10968-10971: each commune's executive."""
    got = _head("Coordonnées de l’exécutif (maire, président) ", "Djélébou : Gaye GANDEGA ",
                "Karakoro : Amadou KANE ", "Sahel : Koly DIAWARA ")
    assert [(n, r) for n, r, _ in got] == [("Gaye GANDEGA", "Exécutif – Djélébou"),
                                           ("Amadou KANE", "Exécutif – Karakoro"), ("Koly DIAWARA", "Exécutif – Sahel")]


def test_the_international_relations_directorate_is_a_block_of_its_own():
    """Grand Lyon – Bamako l.7790-7799: `Direction des relations internationales :` opens its block; Pascal
    L’HUILLIER is its chargé de mission, not the elected official of the block above, and his role runs
    on to its next line."""
    got = _head("Elu en charge du partenariat : ", " ", "Tél :                                     Fax : ",
                "@ : ", "", "Direction des relations internationales : ",
                "Pascal L’HUILLIER, chargé de mission, Direction ", "des relations internationales, Grand Lyon ",
                "Tél :  + 33 4 78 63 47 23       Fax : +33 4 78 63 48 80 ", "@ : plhuillier@grandlyon.org ")
    role = ("Direction des relations internationales – chargé de mission, Direction des relations "
            "internationales, Grand Lyon")
    assert got == [("Pascal L’HUILLIER", role, "french")]


def test_a_second_address_and_a_second_number_are_kept():
    """CR Centre – Mopti l.4760-4765: `Tél : 0238703032 ou 3232`, `@ : aurelie.milhavet@regioncentre.fr` /
    `pascal.meyer@regioncentre.fr`."""
    (c,) = ContactBlock("Service des relations internationales").read(
        ["Direction de la coopération internationale ", "Tél : 0238703032 ou 3232                      ",
         "Fax :0238703295 ", "@ : aurelie.milhavet@regioncentre.fr ", "       pascal.meyer@regioncentre.fr "], "")
    assert (c.phone, c.fax) == ("0238703032 ou 3232", "0238703295")
    assert c.email == "aurelie.milhavet@regioncentre.fr; pascal.meyer@regioncentre.fr"


def test_a_surname_with_its_article_is_a_name_and_both_roles_are_kept():
    """Pontivy – Ouéléssébougou: `Élu en charge du partenariat :` / `Jean-Michel Le Roux` (l.10017-10018),
    then `personne responsable : Jean-Michel LE ROUX` (l.10041-10042): one person with both roles."""
    got = _head("Élu en charge du partenariat :  ", "Jean-Michel Le Roux ", "Tél :           Fax : ", "@ :  ", "",
                "Président du comité de jumelage et/ou autre ", "personne responsable : Jean-Michel LE ROUX ",
                "Tél : 02 97 28 40 73  Fax : 02 97 28 43 98  ", "@ : jean-michel.leroux@ch-pontivy.fr ")
    assert [n for n, _, _ in got] == ["Jean-Michel Le Roux", "Jean-Michel LE ROUX"]
    (one,) = merged(head_contacts(["Élu en charge du partenariat :  ", "Jean-Michel Le Roux ", "",
                                   "Président du comité de jumelage et/ou autre ",
                                   "personne responsable : Jean-Michel LE ROUX "], FRENCH, PARTNER, "Mali"))
    assert one.role == ("Élu en charge du partenariat ; Président du comité de jumelage et/ou autre personne "
                        "responsable")


def test_the_twinning_committees_presidente_is_a_block_of_the_same_role():
    """Braine – Mandiakuy l.1332-1342: `Présidente du comité de jumelage et/ou autre` / `personne responsable :
    Françoise Mamdy` (a French number), then `Président du comité …` / `Jean Pierre Fané, président de
    l'association Wa Zun We` (a Malian number). The feminine heading opens the French block; the
    masculine one, the same role's second block, is the partner's."""
    got = _head("Présidente du comité de jumelage et/ou autre ", "personne responsable : Françoise Mamdy ",
                "Tél : 03 23 53 01 10           Fax : 03 23 53 01 10 ", "@ : madome@wanadoo.fr ",
                "Site : http://madome.free.fr/madome/ ", "",
                "Président du comité de jumelage et/ou autre ",
                "personne responsable : Jean Pierre Fané, président de ",
                "l’association Wa Zun We et Jean Etienne Dakouo, ", "président de l’association « club espoir » ",
                "Tél :  00 223 680 85 41                                   Fax : ", "@ : ")
    # (round 56: « … et Jean Etienne Dakouo, président de … » is a second person of the block)
    assert [(n, s) for n, _, s in got] == [("Françoise Mamdy", "french"), ("Jean Pierre Fané", "partner"),
                                           ("Jean Etienne Dakouo", "partner")]
