"""A French collectivity its document names without its place (a line of the Mali lists, « Meylan/Bamako »)
takes its département and région from another record of the same place, else from the France table's
communes, and the page says where they come from (QA audit 6, #3): `q=Isère` missed meylan--bamako,
`q=Charente-Maritime` saintes--tombouctou, as the partner side of the same line had its région."""
from __future__ import annotations

import re

import pytest

from engine import SearchRequest
from indexer import french_places, geography
from indexer.corpus import place_parties
from indexer.parsers.maroc import french_party as maroc_french_party
from indexer.records import Contact, Partnership, Party, SourceRef

TABLE_NOTE = "viennent de la table géographique de la France de Répertoires"


def listed(pid: str, name: str, kind: str = "commune", **place) -> Partnership:
    return Partnership(id=pid, sources=[SourceRef("mali-repertoire-2008.txt", 12630, 12630)],
                       french_party=Party(name=name, kind=kind, country="France", **place),
                       partner_party=Party(name="Bamako", kind="commune", country="Mali"))


def test_a_listed_commune_takes_its_place_from_the_french_table_and_says_so():
    p = listed("meylan--bamako", "Meylan")
    place_parties(p, [])
    french_places.say_table_places([p])
    assert (p.french_party.subdivision, p.french_party.region) == ("Isère", "Rhône-Alpes")
    note = f"Le document ne donne ni le département ni la région de Meylan : « Isère » et « Rhône-Alpes » {TABLE_NOTE}."
    assert p.notes == [note]


def test_a_name_that_is_a_departement_needs_no_note():
    p = listed("cg-isere--x", "Conseil général de l'Isère", kind="département")
    place_parties(p, [])
    french_places.say_table_places([p])
    assert (p.french_party.subdivision, p.notes) == ("Isère", [])


def test_another_record_of_the_same_place_comes_first():
    """Sainte-Maure-de-Touraine (mali l.12640, a list) is placed by the sheet of its communauté de communes
    (mali l.2863: « Département/Région : Indre et Loire (37) »), which the table need not know."""
    sheet = listed("cc-sainte-maure-de-touraine--commune-rurale-du-mande",
                   "Communauté de communes de Sainte Maure de Touraine", kind="intercommunalité",
                   region="Centre", subdivision="Indre-et-Loire")
    town = listed("sainte-maure-de-touraine--nafadji", "Sainte-Maure-de-Touraine")
    french_places.from_other_records([sheet, town])
    assert (town.french_party.subdivision, town.french_party.region) == ("Indre-et-Loire", "Centre")
    assert town.notes[0].startswith("Le document ne donne ni le département ni la région de Sainte-Maure-de-Touraine")
    assert "du partenariat « Communauté de communes de Sainte Maure de Touraine – Bamako »" in town.notes[0]
    assert sheet.notes == []


def test_records_that_disagree_place_nothing():
    a = listed("a--x", "Ville de Foo", region="Centre", subdivision="Cher")
    b = listed("b--x", "Communauté de communes de Foo", kind="intercommunalité", region="Centre",
               subdivision="Indre")
    town = listed("foo--x", "Foo")
    french_places.from_other_records([a, b, town])
    assert (town.french_party.subdivision, town.notes) == (None, [])


@pytest.mark.parametrize(("query", "pid"), [
    ("Isère", "meylan--bamako"), ("Rhône-Alpes", "meylan--bamako"), ("Charente-Maritime", "saintes--tombouctou"),
    ("Puy-de-Dôme", "thiers--baganba"), ("Hauts-de-Seine", "clamart--kidal"),
    ("Pas-de-Calais", "bethune--marena-tringa"), ("Oise", "pierrefonds--pel"),
    ("Indre-et-Loire", "sainte-maure-de-touraine--nafadji")])
def test_a_search_by_departement_or_region_finds_the_listed_commune(engine, query, pid):
    r = engine.search(SearchRequest(q=query, per_page=100))
    assert pid in {h["id"] for h in r["results"]}


def test_the_page_says_where_the_place_comes_from(engine, client):
    requista = engine.partnership("requista--seyna")
    assert (requista["french_party"]["subdivision"], requista["french_party"]["region"]) == (
        "Aveyron", "Midi-Pyrénées")
    page = client.get("/partenariats/requista--seyna").get_data(as_text=True)
    assert "Aveyron" in page and "table géographique de la France de Répertoires" in page


def test_a_place_a_reader_took_from_the_table_is_cited_as_no_records():
    """CA de La Rochelle-Dourou cited « La Rochelle – Commune urbaine d'Essaouira » (maroc l.1400) for
    Charente-Maritime, a line that does not give it: the Morocco reader had taken it from the table (the
    round's review, #1). Such a place is no other record's source; the note names the table."""
    rochelle = Partnership(id="rochelle--essaouira", sources=[SourceRef("maroc-repertoire-2008.txt", 1400, 1404)],
                           french_party=maroc_french_party("Ville de La Rochelle"),
                           partner_party=Party(name="Essaouira", kind="commune", country="Maroc"))
    assert rochelle.french_party.place_from_table and rochelle.french_party.subdivision == "Charente-Maritime"
    ca = listed("ca-rochelle--dourou", "Communauté d'agglomération de la Rochelle", kind="intercommunalité")
    french_places.from_other_records([rochelle, ca])
    assert (ca.french_party.subdivision, ca.notes) == (None, [])
    place_parties(ca, [])
    french_places.say_table_places([ca])
    assert ca.notes == [("Le document ne donne ni le département ni la région de la Communauté d'agglomération de "
                        f"la Rochelle : « Charente-Maritime » et « Poitou-Charentes » {TABLE_NOTE}.")]


def test_the_records_own_address_comes_before_another_record():
    sheet = listed("a--x", "Communauté de communes de Foo", kind="intercommunalité", region="Centre",
                   subdivision="Cher")
    town = listed("foo--x", "Foo")
    town.contacts = [Contact(side="french", address="Mairie, 1 place de la Mairie, 36000 Foo")]
    french_places.from_other_records([sheet, town])
    assert (town.french_party.subdivision, town.notes) == (None, [])
    place_parties(town, [])
    assert town.french_party.subdivision == "Indre"


def test_every_place_the_table_gave_has_the_one_note(corpus):
    """The Morocco and Algeria readers' table places had no note where the Mali lists' had one (the round's
    review, #2): « STRASBOURG TLEMCEN » (algérie l.233) showed Bas-Rhin, Alsace with no remark. What the
    record's own text gives is not said to be the table's: La Rochelle's sheet writes « 17086 La Rochelle »
    and Poitou-Charentes, Ajaccio's « 20 000 Ajaccio »."""
    by_id = {p.id: p for p in corpus.partnerships}
    notes = {pid: [n for n in by_id[pid].notes if TABLE_NOTE.split(" ", 1)[1] in n]
             for pid in ("strasbourg--tlemcen", "ca-rochelle--dourou", "rochelle--essaouira", "ajaccio--marrakech",
                         "meylan--bamako", "les-ulis--boufarik")}
    assert notes["strasbourg--tlemcen"] == [("Le document ne donne ni le département ni la région de Strasbourg : "
                                            f"« Bas-Rhin » et « Alsace » {TABLE_NOTE}.")]
    assert notes["rochelle--essaouira"] == notes["ajaccio--marrakech"] == []
    assert len(notes["meylan--bamako"]) == len(notes["ca-rochelle--dourou"]) == 1
    assert notes["les-ulis--boufarik"][0].startswith("Le document ne donne ni le département ni la région des Ulis")
    for p in corpus.partnerships:  # no note cites a record whose own place came from the table
        for n in p.notes:
            cited = re.search(r"du partenariat « (.+?) » \(", n)
            source = next((q for q in corpus.partnerships if cited and q.title == cited.group(1)), None)
            assert source is None or not source.french_party.place_from_table, (p.id, n)


@pytest.mark.parametrize(("name", "said"), [
    ("Dourou", "de Dourou"), ("Élancourt", "d'Élancourt"), ("Les Ulis", "des Ulis"),
    ("Le Blanc-Mesnil", "du Blanc-Mesnil"), ("Grand Lyon", "du Grand Lyon"),
    ("Communauté d'agglomération de la Rochelle", "de la Communauté d'agglomération de la Rochelle")])
def test_one_sentence_says_an_unstated_place_on_either_side(name, said):
    """The partner's note (mali.py) and the French side's were built apart, « de « Communauté
    d'agglomération de la Rochelle » » beside « de Dourou » (the round's review, #9): one function now."""
    note = geography.unstated_place_note(name, "pas la région", ["Mopti"], geography.table_origin("Mali"))
    assert note == f"Le document ne donne pas la région {said} : « Mopti » vient de la table géographique du Mali " \
                   "de Répertoires."


@pytest.mark.parametrize("address, sub", [("1 place de la Mairie, 36000 Foo", "Indre"),
                                          ("2 rue X, 33 000 Bordeaux", "Gironde"), ("3 rue Y, 36000 foo", None)])
def test_the_place_an_address_gives_and_the_one_a_record_states_read_one_postcode(address, sub):
    """french_places.py wrote the postcode before a town twice, in the contacts' addresses that place a
    party and in the texts that state its département (review r43): one pattern (_POSTCODE) reads both."""
    town = listed("foo--x", "Foo")
    town.contacts = [Contact(side="french", address=address)]
    assert [m.group(1) for m in [french_places._POSTCODE.search(address)] if m] == ([] if sub is None else [
        address.split(", ")[-1][:2]])
    assert (french_places.from_address(town) or (None, None))[1] == sub
    assert french_places._gives_subdivision(town, sub, "") is (sub is not None)
