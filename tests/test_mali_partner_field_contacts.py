"""The Mali presentation's `Partenaires :` field names a partner's person under the partner's name:
`Prénom Nom, role`, then their numbers and e-mail (verbatim lines of the Mali repertoire)."""
from __future__ import annotations

from indexer.parsers.cuf_contacts import partner_field_persons
from indexer.records import Contact, Party

LYON = Party(name="Communauté urbaine de Lyon", kind="communauté urbaine", country="France")
BAMAKO = Party(name="District de Bamako", kind="district", country="Mali")

# Grand Lyon–Bamako l.7833-7845
LINES = ["", "Agence d’urbanisme de Lyon ", "Développement urbain et intercommunalité ",
         "Patrice Berger, Directeur adjoint ", "Tel : + 33 4 78 63 43 09 ", "p.berger@urbalyon.org ", " ",
         "Ville Unies contre la Pauvreté (VUP) ", "Eau, lutte contre le paludisme et assainissement ",
         "Philippe Di Loreto, chargé de mission ", "Tel : +33 4 26 99 77 11       Fax : +33 4 26 99 77 15 ",
         "@ : philippe.diloreto@mairie-lyon.org ", "3eme convention VUP jusqu’en décembre 2008 ", " "]


def test_the_partners_field_names_persons_with_their_numbers():
    found = partner_field_persons(LINES, LYON, BAMAKO, "Mali", [])
    assert [(c.name, c.role, c.organisation, c.side) for c in found] == [
        ("Patrice Berger", "Directeur adjoint", "Agence d’urbanisme de Lyon", "french"),
        ("Philippe Di Loreto", "chargé de mission", "Ville Unies contre la Pauvreté (VUP)", "french")]
    assert [(c.phone, c.fax, c.email) for c in found] == [
        ("+ 33 4 78 63 43 09", None, "p.berger@urbalyon.org"),
        ("+33 4 26 99 77 11", "+33 4 26 99 77 15", "philippe.diloreto@mairie-lyon.org")]


def test_organisations_and_their_themes_are_no_persons():
    # `Eau, lutte contre …`: a theme, no person; a person of the head is not repeated
    found = partner_field_persons(["Eau, lutte contre le paludisme et assainissement", "Cités Unies France, Paris"],
                                  LYON, BAMAKO, "Mali", [])
    assert found == []
    assert partner_field_persons(LINES, LYON, BAMAKO, "Mali", [Contact(name="Patrice BERGER")])[0].name == \
        "Philippe Di Loreto"
