"""Contacts of a record's own party were shown under « Côté non précisé dans le document » (r43's « Left
alone », from earlier rounds): PACA-Tanger-Tétouan's address block « Conseil régional PACA / 27 place Jules
Guesde / 13481Marseille Cedex 20 » (maroc l.7784-7786: a French postcode the extraction glued to its town)
and the Conseil des Ministres Arabes de l'Intérieur's own website on its MICL record (the record's first
party). The export now has no contact without a side."""
from __future__ import annotations

from indexer.parsers.contacts import side_of
from indexer.records import Contact

PACA = "cr-provence-alpes-cote-d-azur--cr-tanger-tetouan"
CMAI = "conseil-des-ministres-arabes-de-l-interieur--ministere-de-l-interieur-et-des-collectivites-locales"


def test_a_postcode_glued_to_its_town_is_french():
    def side(address: str) -> str | None:
        contact = Contact(organisation="Conseil régional PACA", address=address)
        return side_of(contact, ["Provence"], ["Tanger"], "Maroc")

    assert side("27 place Jules Guesde, 13481Marseille Cedex 20") == "french"
    assert side("27 place Jules Guesde, 13481 Marseille Cedex 20") == "french"
    assert side("BP 123456 Rabat") is None  # a longer number is no postcode


def test_the_records_own_party_has_its_side(corpus):
    records = {p.id: p for p in corpus.partnerships}
    paca = next(c for c in records[PACA].contacts if c.organisation == "Conseil régional PACA" and c.name is None)
    assert paca.side == "french"
    cmai = records[CMAI].contacts
    assert [(c.organisation, c.side) for c in cmai] == [("Conseil des Ministres Arabes de l'Intérieur", "french")]
    assert [(p.id, c.organisation) for p in corpus.partnerships for c in p.contacts
            if c.side not in ("french", "partner")] == []


def test_the_page_gives_the_side(client):
    page = client.get(f"/partenariats/{CMAI}").get_data(as_text=True)
    assert "Côté Conseil des Ministres Arabes de l" in page and "Côté non précisé" not in page
    page = client.get(f"/partenariats/{PACA}").get_data(as_text=True)
    assert "Côté non précisé" not in page
