"""The CUF sheets' twinning-committee contact block: its heading goes on to `personne responsable`,
whose value, up to the next labelled line, names the persons, one per line, each with their role
(verbatim lines of the Mali repertoire)."""
from __future__ import annotations

from indexer.parsers.cuf_contacts import ContactBlock

HEADING = "Président du comité de jumelage et/ou autre"


def read(*lines: str) -> list[tuple[str | None, str | None]]:
    return [(c.name, c.role) for c in ContactBlock(HEADING).read(list(lines))]


def test_a_name_without_capitals_and_its_role():
    # Quetigny–Koulikoro l.10231-10234: the name was lost (no upper-case surname)
    assert read("personne responsable : Moistapha Fofana, secrétaire ", " ",
                "Tél : 00 223 637 79 57     Fax : ") == [
        ("Moistapha Fofana", f"{HEADING} personne responsable – secrétaire")]


def test_a_role_cut_at_its_hyphen_goes_on_on_the_next_line():
    # Quetigny–Koulikoro l.10225-10227: the role was `Vice`
    assert read("personne responsable : Josette LESSAVRE, Vice-", "présidente ",
                "Tél : 03 80 46 35 22     Fax : ") == [
        ("Josette LESSAVRE", f"{HEADING} personne responsable – Vice-présidente")]


def test_an_unfinished_role_goes_on_and_a_civility_is_no_name():
    # Dourdan–Troumgoumbé l.6080-6083; Rennes–Bandiagara l.10516
    assert read("personne responsable : Oualy KONTE, Président de ",
                "l’Association de Développement Urbain de la ", "Commune de Troumgoumbé (ADUCT) ",
                "Tél : 00 223 675 50 11       Fax : 00 223 223 02 47 ") == [
        ("Oualy KONTE", (f"{HEADING} personne responsable – Président de l’Association de Développement "
                         "Urbain de la Commune de Troumgoumbé (ADUCT)"))]
    assert read("personne responsable : M. Perrussel ")[0][0] == "Perrussel"


def test_one_person_per_line_and_an_organisation_line():
    # Ivry-sur-Seine–Dianguirdé l.6861-6865; La Fouillouse–Sio l.7274-7276
    contacts = ContactBlock(HEADING).read(["personne responsable :  ", "ONG AMSCID  ",
                                            "Bassirou Diarra, Président ", "Francis Dembélé, Secrétaire ",
                                            "Tél : (223) 220 65 58 Fax : (223) 222 2392 "])
    assert [(c.name, c.role.rsplit(" – ", 1)[-1], c.organisation) for c in contacts] == [
        ("Bassirou Diarra", "Président", "ONG AMSCID"), ("Francis Dembélé", "Secrétaire", None)]
    assert contacts[0].phone == "(223) 220 65 58"
    names = [n for n, _ in read("personne responsable : Félix Forestier  ", "Francois JACOUTET ",
                                "Tél : 04 77 30 53 92 Fax : 04 77 30 53 92 ")]
    assert names == ["Félix Forestier", "Francois JACOUTET"]


def test_no_one_named():
    # Marolles-Lakamane's and the AIMF sheets' empty value; `Le Maire` is a role
    assert read("personne responsable :  ", "Tél :                                     Fax : ") == [
        (None, f"{HEADING} personne responsable")]
    assert read("personne responsable : Le Maire ", "Tél :                             Fax : ")[0][0] is None
