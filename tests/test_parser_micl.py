"""The MICL list (Algerian Ministry of the Interior): excerpts with exact
fields, and the counts of the whole document."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from expected_counts import MICL
from indexer.domains import map_domain
from indexer.parsers import micl
from indexer.records import SourceRef

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "micl"
DOC = "algerie-micl-cooperation.txt"


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def start():
    return micl.parse(_read(FIXTURES / "multilateral_and_first_accords.txt"), "start.txt")


@pytest.fixture(scope="module")
def bilateral():
    return micl.parse(_read(FIXTURES / "bilateral.txt"), "bilateral.txt")


@pytest.fixture(scope="module")
def full():
    return micl.parse(_read(ROOT / "data" / DOC), DOC)


def _by_id(result, pid):
    found = [p for p in result.partnerships if p.id == pid]
    assert len(found) == 1, pid
    return found[0]


def test_looks_like():
    assert micl.looks_like(_read(ROOT / "data" / DOC))
    assert not micl.looks_like(_read(ROOT / "data" / "algerie-ambassade-cooperation-technique.txt"))
    assert not micl.looks_like("")


def test_start_excerpt_counts(start):
    kinds = [p.kind for p in start.partnerships]
    # CMAI, CIMO, CGLU, then the accords of lines 36-72 (Adrar .. Tlemcen/Sarayevo)
    assert kinds.count("multilateral") == 3
    assert kinds.count("partnership") == 16
    assert start.warnings == ["ligne 1 : section introuvable : Coopération Bilatérale du MICL"]
    assert start.stats["listed"] == 19
    assert start.stats["merged"] == 0
    assert start.stats["wilayas"] == 10


def test_multilateral_organisation(start):
    cmai = _by_id(start, "conseil-des-ministres-arabes-de-l-interieur--"
                         "ministere-de-l-interieur-et-des-collectivites-locales")
    assert cmai.kind == "multilateral"
    assert cmai.detail == "listed"
    assert cmai.french_party.name == "Conseil des Ministres Arabes de l'Intérieur"
    assert cmai.french_party.kind == "organisation internationale"
    assert cmai.partner_party.name == "Ministère de l'Intérieur et des Collectivités locales"
    assert cmai.partner_party.kind == "État"
    assert cmai.partner_party.country == "Algérie"
    assert cmai.countries == ["Algérie"]
    assert cmai.domains_raw == ["Sécurité", "Protection civile"]
    assert cmai.domains == ["Sécurité et protection civile"]
    assert cmai.extra == {"Sigle": "C.M.A.I"}
    # the web address split over two lines keeps its hyphen
    assert cmai.contacts[0].website == "http://www.aim-council.org"
    assert cmai.objectives.splitlines()[0] == (
        "Conseil des Ministres Arabes de l’Intérieur - C.M.A.I - (site : http://www.aim-council.org)")
    assert "• Protection civile : la prévention des catastrophes" in cmai.objectives
    assert cmai.sources == [SourceRef("start.txt", 15, 16, None, "Coopération Multilatérale du MICL")]


def test_cglu(start):
    cglu = _by_id(start, "cites-et-gouvernements-locaux-unis--"
                         "ministere-de-l-interieur-et-des-collectivites-locales")
    assert cglu.kind == "multilateral"
    assert cglu.extra == {"Sigle": "C.G.L.U"}
    assert cglu.domains == ["Appui institutionnel et gouvernance"]
    # the bullet runs over a blank line (24, blank 25, 26-28)
    assert cglu.sources[0].first_line == 24 and cglu.sources[0].last_line == 28
    assert cglu.objectives.endswith("régissant la coopération décentralisée sur le plan National.")


def test_accord_wilaya_on_same_line(start):
    rec = _by_id(start, "cg-gironde--w-adrar")
    assert rec.kind == "partnership"
    assert rec.detail == "listed"
    assert rec.french_party.name == "Conseil général de la Gironde"
    assert rec.french_party.name_raw == "Conseil Général de Gironde"
    assert rec.french_party.kind == "département"
    assert rec.french_party.country == "France"
    assert (rec.french_party.region, rec.french_party.subdivision) == ("Aquitaine", "Gironde")
    assert rec.partner_party.name == "Wilaya d'Adrar"
    assert rec.partner_party.name_raw == "Wilaya d’Adrar"
    assert rec.partner_party.kind == "wilaya"
    assert rec.partner_party.region == "Adrar"
    assert rec.partner_party.country == "Algérie"
    assert rec.countries == ["Algérie"]
    assert rec.legal_framework == "accord de coopération ou jumelage"
    assert rec.sources == [SourceRef("start.txt", 36, 36, None, "Coopération Décentralisée du MICL")]
    assert rec.original_text == "Adrar Wilaya d’Adrar / Conseil Général de Gironde (France)"


def test_accord_commune_in_other_wilaya(start):
    rec = _by_id(start, "septemes-les-vallons--beni-abbes")
    assert rec.french_party.name == "Septèmes-les-Vallons"
    assert rec.french_party.kind == "commune"
    assert rec.partner_party.name == "Béni Abbes"
    assert rec.partner_party.kind == "commune"
    assert rec.partner_party.region == "Béchar"
    # the French table places the town the list only names
    assert (rec.french_party.region, rec.french_party.subdivision) == (
        "Provence-Alpes-Côte d'Azur", "Bouches-du-Rhône")


def test_accord_wilaya_on_its_own_line_and_foreign_country(start):
    blida = _by_id(start, "dimitrov-grade--blida")
    assert blida.french_party.name == "Dimitrov Grade"
    assert blida.french_party.country == "Bulgarie"
    assert blida.countries == ["Algérie", "Bulgarie"]
    assert blida.partner_party.region == "Blida"
    assert blida.sources[0].first_line == 49
    ulis = _by_id(start, "les-ulis--boufarik")
    assert ulis.french_party.name == "Les Ulis"
    assert ulis.french_party.name_raw == "Mairie des Ulis"
    assert ulis.partner_party.region == "Blida"
    tinza = _by_id(start, "abeibara--tinzaouatine")
    assert tinza.french_party.name == "Abeibara"
    assert tinza.french_party.country == "Mali"
    assert tinza.partner_party.region == "Tamanrasset"
    assert tinza.countries == ["Algérie", "Mali"]


def test_accord_without_country(start):
    kidal = _by_id(start, "kidal--tamanrasset")
    assert kidal.french_party.name == "Kidal"
    assert kidal.french_party.name_raw == "Commune urbaine de Kidal"
    assert kidal.french_party.country == "Mali"
    assert kidal.countries == ["Algérie", "Mali"]
    assert kidal.notes == ["La liste du MICL ne donne pas le pays ; Kidal est au Mali."]


def test_accords_after_blank_lines(start):
    sarajevo = _by_id(start, "sarayevo--tlemcen")
    assert sarajevo.french_party.country == "Bosnie-Herzégovine"
    assert sarajevo.partner_party.region == "Tlemcen"
    assert sarajevo.sources[0].first_line == 72
    fes = _by_id(start, "fes--tlemcen")
    assert fes.countries == ["Algérie", "Maroc"]
    assert fes.french_party.region == "Fès-Boulemane"  # from the Moroccan table
    assert fes.sources[0].first_line == 70


def test_bilateral_excerpt(bilateral):
    assert [p.kind for p in bilateral.partnerships] == ["bilateral"] * 19
    assert bilateral.warnings == [
        "ligne 1 : section introuvable : Coopération Multilatérale du MICL",
        "ligne 1 : section introuvable : Coopération Décentralisée du MICL",
    ]
    yemen = bilateral.partnerships[0]
    assert yemen.id == "yemen--ministere-de-l-interieur-et-des-collectivites-locales"
    assert yemen.french_party.name == "Yémen"
    assert yemen.french_party.kind == "État"
    assert yemen.french_party.country == "Yémen"
    assert yemen.countries == ["Algérie", "Yémen"]
    assert yemen.legal_framework == "Accord Algéro – Yéménite, signé le 20 juillet 1999 (J.O n°74 du 06/12/2000)"
    assert yemen.formalized == 1999
    assert yemen.years == [1999]
    assert yemen.extra == {"Date de signature": "1999-07-20", "Journal officiel": "J.O n°74 du 06/12/2000"}
    assert yemen.domains_raw == ["Sécurité"]
    assert yemen.domains == ["Sécurité et protection civile"]
    assert yemen.sources == [SourceRef("bilateral.txt", 8, 8, None, "Coopération Bilatérale du MICL")]
    france = bilateral.partnerships[2]
    assert france.french_party.name == "France"
    assert france.countries == ["Algérie"]
    assert france.formalized == 2003
    spain = bilateral.partnerships[3]
    assert spain.extra == {"Date de signature": "2008-06-15"}


def test_joint_commissions(bilateral):
    commissions = bilateral.partnerships[4:]
    assert [p.french_party.name for p in commissions] == [
        "Tunisie", "Mauritanie", "Mali", "Niger", "Égypte", "Tanzanie", "Koweït",
        "Émirats arabes unis", "Qatar", "Syrie", "Indonésie", "Viêt Nam", "Iran", "Russie", "Suisse",
    ]
    tunisia = commissions[0]
    assert tunisia.legal_framework == "Commission Algéro-Tunisienne"
    assert tunisia.formalized is None and tunisia.years == []
    assert tunisia.domains_raw == ["sécuritaire", "protection civile"]
    assert tunisia.domains == ["Sécurité et protection civile"]
    assert tunisia.objectives.startswith(
        "Participation au plan bilatéral au niveau des comités et commissions mixtes : Commission Algéro-Tunisienne")
    assert commissions[-1].sources[0].first_line == 27


def test_full_document_counts(full):
    assert full.warnings == []
    assert full.stats == MICL
    assert full.actions == []
    regions = {p.partner_party.region for p in full.partnerships if p.kind == "partnership"}
    assert sorted(regions) == sorted([
        "Adrar", "Laghouat", "Batna", "Béjaïa", "Biskra", "Béchar", "Blida", "Bouira",
        "Tamanrasset", "Tlemcen", "Tizi Ouzou", "Alger", "Jijel", "Sétif", "Annaba",
        "Constantine", "Mascara", "Oran", "Boumerdes", "El Oued", "Tipaza", "Aïn Defla", "Relizane",
    ])
    foreign = [p for p in full.partnerships if p.kind == "partnership" and p.french_party.country != "France"]
    # RASD 1, Bulgarie 1, Niger 1, Mali 2, Italie 2, Espagne 2, Maroc 1, Bosnie 1, Venezuela 1,
    # Corée du Sud 1, Libye 1, Afrique du Sud 2, États-Unis 1, Turquie 1
    assert len(foreign) == 18


def test_full_document_usual_names(full):
    ids = {p.id for p in full.partnerships}
    for pid in ("brest--bejaia", "paris--w-alger", "cg-bouches-du-rhone--w-alger", "cu-lyon--w-setif",
                "cu-lyon--w-oran", "cu-dunkerque--annaba", "saint-etienne--annaba", "vienne--tipasa",
                "la-roche-sur-yon--tizi-ouzou", "saint-jean-de-boiseau--mediouna", "grenoble--constantine"):
        assert pid in ids
    paris = _by_id(full, "paris--w-alger")
    assert paris.partner_party.name == "Wilaya d'Alger"
    assert paris.partner_party.name_raw == "Alger"
    assert paris.notes == ["La liste du MICL écrit « Alger » : compris comme la wilaya d'Alger."]
    elkader = _by_id(full, "el-kader--mascara")
    assert elkader.french_party.country == "États-Unis"


def test_ids_are_stable(full):
    again = micl.parse(_read(ROOT / "data" / DOC), DOC)
    assert [p.id for p in again.partnerships] == [p.id for p in full.partnerships]
    assert len({p.id for p in full.partnerships}) == len(full.partnerships)


def test_every_raw_domain_label_maps(full, start, bilateral):
    labels = {label for r in (full, start, bilateral) for p in r.partnerships for label in p.domains_raw}
    assert labels == {"Sécurité", "Protection civile", "Coopération décentralisée", "sécuritaire",
                      "protection civile"}
    for label in labels:
        assert map_domain(label), label


def test_unknown_lines_become_warnings():
    text = ("Coopération Décentralisée du MICL\n\nWilaya Accords ou jumelages entre\n\n"
            "Commune de Nulle Part / Ville de Quelque Part\n\n"
            "Cette ligne ne ressemble à rien de ce qu'on attend ici\n"
            "Coopération Bilatérale du MICL\n•  Accord Algéro – Martien, signé le 1 mai 2001\n")
    result = micl.parse(text, "odd.txt")
    assert result.warnings == [
        "ligne 1 : section introuvable : Coopération Multilatérale du MICL",
        "ligne 5 : accord avant toute wilaya : Commune de Nulle Part / Ville de Quelque Part",
        "ligne 5 : pays de la partie étrangère non indiqué : Commune de Nulle Part / Ville de Quelque Part",
        "ligne 7 : ligne non comprise dans les accords : Cette ligne ne ressemble à rien de ce qu'on attend ici",
        "ligne 9 : adjectif de pays inconnu : Martien",
    ]
    assert [p.id for p in result.partnerships] == ["quelque-part--nulle-part"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Coopération MICL /()•:;\nWilaya Commune de Accord Algéro–-12")),
               max_size=300))
def test_never_raises(text):
    result = micl.parse(text, "x.txt")
    assert not any("erreur du lecteur" in w for w in result.warnings)
