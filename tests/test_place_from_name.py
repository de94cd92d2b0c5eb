"""A collectivity's place is never guessed from a word inside its name, and an association is never
typed a commune (QA r41 qa3, defect 4): Monistrol-sur-Loire, which no document places and the French
table did not know then (it has its entry now: QA audit 6, #3), was shown « Région Rhône-Alpes,
Subdivision Loire » for the « Loire » of its name (it is in the Haute-Loire); Essonne-Sahel,
« Association Essonne Sahel : réseau de villes jumelées », was typed « commune »."""
from __future__ import annotations

import pytest

from indexer import geography
from indexer.corpus import place_parties
from indexer.kinds import called_association, named_associations, retype_associations
from indexer.parsers.micl import _foreign_party
from indexer.parsers.parties import french_party
from indexer.records import Partnership, Party, SourceRef

FRANCE = geography.of("France")


@pytest.mark.parametrize("name", ["Chalonnes-sur-Loire", "Essonne Sahel", "Bar-sur-Seine",
                                  "Syndicat d'agglomération nouvelle de Saint-Quentin-en-Yvelines",
                                  "Communauté d'agglomération d'Evry Centre Essonne"])
def test_a_word_inside_a_name_designates_no_place(name):
    assert FRANCE.designated_by(name, ("region", "subdivision", "commune")) is None


@pytest.mark.parametrize(("name", "place"), [
    ("Communauté d'agglomération de la Rochelle", "La Rochelle"), ("Grand Lyon", "Lyon"),
    ("Communauté urbaine de Lyon", "Lyon"), ("Conseil général de l'Isère", "Isère"),
    ("Conseil général Hauts de Seine", "Hauts-de-Seine"), ("Conseil régional de Bretagne", "Bretagne"),
    ("Ville de Belfort", "Belfort"), ("Saint-Dié-des-Vosges", "Saint-Dié-des-Vosges")])
def test_a_name_designates_the_place_it_names_whole(name, place):
    found = FRANCE.designated_by(name, ("region", "subdivision", "commune"))
    assert found is not None and found.name == place


@pytest.mark.parametrize("name", ["Monistrol-sur-Loire", "Monistrol sur Loire"])
def test_a_commune_of_the_table_is_placed_by_its_entry_not_by_a_word_of_its_name(name):
    found = FRANCE.designated_by(name, ("region", "subdivision", "commune"))
    assert found is not None and (found.name, found.subdivision) == ("Monistrol-sur-Loire", "Haute-Loire")


def test_a_listed_town_unknown_to_the_table_has_no_place():
    p = Partnership(id="chalonnes-sur-loire--tondidji", sources=[SourceRef("mali-repertoire-2008.txt", 12630, 12632)],
                    french_party=Party(name="Chalonnes-sur-Loire", kind="commune", country="France"),
                    partner_party=Party(name="Tondidji", kind="commune", country="Mali"))
    place_parties(p, [])
    assert (p.french_party.region, p.french_party.subdivision) == (None, None)


def test_a_party_read_by_the_parsers_takes_no_place_from_a_word_of_its_name():
    assert (french_party("Monistrol sur Loire").region, french_party("Monistrol sur Loire").subdivision) == (None, None)
    cg = french_party("Conseil général de la Loire")
    assert (cg.kind, cg.region, cg.subdivision) == ("département", "Rhône-Alpes", "Loire")
    given = french_party("Pont sur Yonne", "Yonne")  # Annexe 1 gives its département
    assert (given.region, given.subdivision) == ("Bourgogne", "Yonne")
    party, _ = _foreign_party("Mairie de Chalonnes sur Loire", "France")
    assert (party.region, party.subdivision) == (None, None)


def test_a_name_the_documents_call_an_association_is_one():
    after = named_associations(["Partenaires techniques : Agence KARED\nAssociation Essonne Sahel : réseau de villes",
                                ("Convention tripartite avec l’association Essonne-Sahel et l’association Pour le "
                                "développement du Soroma"), "l'association Montreuil-Yélimané pour la santé"])
    assert called_association("Essonne-Sahel", after) and called_association("Essonne Sahel", after)
    assert not called_association("Montreuil", after)  # `association Montreuil-Yélimané` is another name
    assert not called_association("Soroma", after)


def test_only_a_commune_by_default_is_retyped():
    def record(pid, name, text=None):
        return Partnership(id=pid, french_party=Party(name=name, kind="commune", country="France"),
                           partner_party=Party(name="Nioro", kind="commune", country="Mali"), partners=text)
    sahel = record("essonne-sahel--nioro", "Essonne-Sahel")
    lyon = record("lyon--nioro", "Lyon", "Association Lyon : le comité")  # the French table's commune
    other = record("bures--nioro", "Bures-sur-Yvette", "Association Essonne Sahel : réseau de villes jumelées")
    retype_associations([sahel, lyon, other])
    assert (sahel.french_party.kind, lyon.french_party.kind, other.french_party.kind) == (
        "association", "commune", "commune")


def test_the_records_the_audit_saw(engine, client):
    monistrol = engine.partnership("monistrol-sur-loire--tondidji")["french_party"]  # the table's commune (audit 6, #3)
    assert (monistrol["region"], monistrol["subdivision"]) == ("Auvergne", "Haute-Loire")
    page = client.get("/partenariats/monistrol-sur-loire--tondidji").get_data(as_text=True)
    card = page[page.index("Collectivité française"):page.index("</section>", page.index("Collectivité française"))]
    assert "Monistrol-sur-Loire" in card and "Haute-Loire" in card and "Rhône-Alpes" not in card
    sahel = engine.partnership("essonne-sahel--diema-nioro")["french_party"]
    assert sahel["kind"] == "association"
    assert sahel["subdivision"] == "Essonne"  # Annexe 1 gives it: `Essonne Sahel / Essonne Diema/Nioro`


def test_a_region_the_document_does_not_give_says_where_it_comes_from(engine, client):
    """Tondidji's « Région Tombouctou » comes from the project's table of Mali, not from the
    document (« Monistrol sur / Loire/Tondidji » in a list): the page said it as a fact (QA r41). A
    region a name already says (Conseil régional de Koulikoro) needs no such note."""
    tondidji = engine.partnership("monistrol-sur-loire--tondidji")
    assert tondidji["partner_party"]["region"] == "Tombouctou"
    note = "Le document ne donne pas la région de Tondidji : « Tombouctou » vient de la table géographique"
    assert any(n.startswith(note) for n in tondidji["notes"])
    page = client.get("/partenariats/monistrol-sur-loire--tondidji").get_data(as_text=True)
    assert "Tombouctou\u202f» vient de la table géographique du Mali" in page  # French spacing on the page
    assert not any("table géographique" in n for n in engine.partnership("cr-basse-normandie--cr-koulikoro")["notes"])
    laxou = engine.partnership("laxou--andermboukane")["notes"]
    assert any("la région d'Andermboukane" in n for n in laxou)


def test_the_map_places_every_local_kind_at_its_own_place():
    """Review r42 part 1, #6: kinds.LOCAL_KINDS said the map read it; the map reads no list of local
    kinds, it places at its own place first every kind that is no administrative unit. So a local
    kind is never a unit to the map, and one found in both lists would be placed two ways."""
    from indexer.kinds import LOCAL_KINDS
    from search_app.gazetteer import UNIT_KINDS, gazetteer
    assert not set(LOCAL_KINDS) & set(UNIT_KINDS)
    for kind in LOCAL_KINDS:
        place = gazetteer().locate({"country": "Mali", "kind": kind, "name": "Kayes", "region": "Kayes"})
        assert place is not None and place.precision == "lieu", kind
