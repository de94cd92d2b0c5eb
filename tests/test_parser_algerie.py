"""The Algerian decentralised-cooperation parser, on verbatim excerpts of the
document (tests/fixtures/algerie/) and on the whole file."""
from pathlib import Path

import pytest

from indexer.domains import map_domain
from expected_counts import ALGERIE
from indexer.corpus import rollup_result
from indexer.parsers import algerie

FIXTURES = Path(__file__).parent / "fixtures" / "algerie"
DATA = Path(__file__).parent.parent / "data" / "algerie-cooperation-decentralisee.txt"


def parse_fixture(name):
    result = algerie.parse((FIXTURES / name).read_text(encoding="utf-8"), name)
    rollup_result(result)  # domains and years are rolled up by the merge
    return result


def by_id(result, pid):
    return next(p for p in result.partnerships if p.id == pid)


@pytest.fixture(scope="module")
def whole():
    result = algerie.parse(DATA.read_text(encoding="utf-8"), DATA.name)
    rollup_result(result)
    return result


# --- State table + the Belfort sheet (table and sheet disagree) -------------

def test_table_rows_and_belfort_sheet_merge():
    r = parse_fixture("table_belfort.txt")
    assert r.stats["table_rows"] == 47
    assert r.stats["sheets"] == 1
    assert r.stats["merged"] == 1
    p = by_id(r, "belfort--skikda")
    assert [(s.first_line, s.last_line, s.section) for s in p.sources] == [
        (164, 292, "sheet"), (68, 68, "Etat d'avancement des partenariats")]
    assert p.status == "En contact"
    assert p.notes == ["Le tableau d'avancement associe BELFORT à BOUMERDES ; la fiche est intitulée SKIKDA."]
    assert p.french_party.population == 53000
    assert p.partner_party.name == "Skikda"
    assert p.formalized == 1986
    assert p.legal_framework == (
        "Jumelage avec la Ville de Skikda signé en 1986 mais aujourd’hui suspendu (impossible relance "
        "du fait de l’absence de volonté de renouer les liens depuis 1992)")
    assert not any(x.partner_party and x.partner_party.name == "Boumerdes" for x in r.partnerships)
    assert [a.status for a in r.actions] == ["réalisé", "en cours", "en cours"]
    assert r.actions[2].budget.text == "Budget 2005 : 22 000 €"
    assert (r.actions[2].budget.amount, r.actions[2].budget.currency) == (22000.0, "EUR")
    assert r.actions[0].years == [1993, 1997]
    assert "line 275: empty contact template (XX, wilaya de)" in r.warnings


def test_table_rows_split_into_partners_and_repaired_names():
    r = parse_fixture("table_belfort.txt")
    ra = by_id(r, "cr-rhone-alpes--w-annaba")
    assert (ra.detail, ra.status, ra.french_party.kind, ra.french_party.region) == (
        "listed", "Protocole d'accord", "région", "Rhône-Alpes")
    assert (ra.sources[0].first_line, ra.sources[0].last_line) == (22, 25)
    assert by_id(r, "cr-rhone-alpes--w-setif").partner_party.kind == "wilaya"
    assert by_id(r, "ca-grenoble--constantine").partner_party.kind == "commune"
    assert by_id(r, "ca-grenoble--w-constantine").partner_party.kind == "wilaya"
    assert by_id(r, "brest--bejaia").partner_party.name == "Bejaïa"
    orly = by_id(r, "orly--dar-el-beida")
    assert (orly.partner_party.name, orly.partner_party.region, orly.status) == (
        "Dar el Beïda", "Alger", "Quelques contacts")
    assert by_id(r, "cg-nord").partner_party is None
    assert by_id(r, "nantes").status == "En recherche de partenariat"
    nanterre = by_id(r, "nanterre--tlemcen")
    assert nanterre.status == ("Aucun contact n'avait été effectué depuis une dizaine d'années. "
                               "En Novembre 2005, les élus ont tenté de reprendre contact")
    vaulx = by_id(r, "vaulx-en-velin--cheraga")
    assert (vaulx.formalized, vaulx.partner_party.region) == (1998, "Alger")
    assert by_id(r, "blanc-mesnil--beni-douala").partner_party.region == "Tizi Ouzou"
    assert by_id(r, "cr-provence-alpes-cote-d-azur--w-alger").french_party.name == (
        "Conseil régional de Provence-Alpes-Côte d'Azur")


# --- Franche-Comté (full sheet) and Rhône-Alpes (empty slots) ---------------

def test_franche_comte_sheet():
    r = parse_fixture("franche_comte_rhone_alpes.txt")
    p = by_id(r, "cr-franche-comte--w-alger")
    assert p.french_party.name == "Conseil régional de Franche-Comté"
    assert p.french_party.name_raw == "CONSEILREGIONAL DE FRANCHE-COMTE"
    assert (p.french_party.population, p.partner_party.population) == (1130500, 31220000)
    assert (p.legal_framework, p.formalized, p.first_contact_year) == (
        "Protocole de partenariat du 18 mars 2004", 2004, 2004)
    assert p.objectives == ("Objectifs de départ : Formation professionnelle\n"
                            "Objectifs actuels : Formation professionnelle")
    assert p.extra["Sources de financement"] == (
        "En cours Conseil régional de Franche-Comté, Education Nationale, PSA, MEDA")
    assert (p.sources[0].first_line, p.sources[0].last_line) == (3, 121)
    names = [(c.side, c.name, c.email) for c in p.contacts]
    assert names[4] == ("french", "Marie-Digne Vannouque", "marie.vannouque@cr-franche-comte.fr")
    assert names[3] == ("french", "Raymond Forni", None)  # the name only (gold format)
    assert names[-1] == ("partner", "Asdine Brahimi", "brahimias@yahoo.fr")
    first = r.actions[0]
    assert (first.title, first.partners, first.status) == (
        "Formation professionnelle dans le domaine de la Maintenance automobile",
        "Conseil régional de Franche-Comté, PSA et Education nationale", "en cours")
    assert [a.status for a in r.actions] == ["en cours", "en projet", "en projet"]


def test_rhone_alpes_sheet_keeps_content_but_not_empty_templates():
    r = parse_fixture("franche_comte_rhone_alpes.txt")
    assert r.stats == {"table_rows": 0, "sheets": 2, "empty_sheets": 0, "listed": 0, "merged": 0,
                       "partnerships": 3, "actions": 3}
    p = by_id(r, "cr-rhone-alpes--w-setif")
    assert p.legal_framework == "Signature de deux protocoles d’intention de coopération en 2004."
    assert p.formalized == 2004
    assert p.contacts == []
    assert p.notes == ["Fiche commune avec : Wilaya d'Annaba."]
    assert [w for w in r.warnings if "empty" in w] == [
        "line 202: empty contact template (XX, département de)",
        "line 238: empty contact template (XX, wilaya de)",
        "line 160: empty project slot Projet 1 réalisé",
        "line 167: empty project slot Projet 2 en cours",
        "line 174: empty project slot Projet 3 en cours",
    ]


# --- Bouches-du-Rhône: a theme cell wrapped around the description ----------

def test_bouches_du_rhone_projects():
    r = parse_fixture("bouches_du_rhone.txt")
    p = r.partnerships[0]
    assert p.id == "cg-bouches-du-rhone--w-alger"
    assert (p.partner_party.population, p.partner_party.population_text) == (
        3000000, "PRES DE 3 000 000 habitants")
    assert p.domains_raw == ["santé", "environnement", "renforcement des échanges économiques"]
    assert p.domains == ["Santé", "Développement économique", "Environnement et déchets", "Échanges et amitié"]
    # the years run from the first contacts (2002, its history) to its last action
    assert (p.first_contact_year, p.formalized, p.years, p.partners) == (2002, 2005, [2002, 2005, 2006], "Association IMED")
    a3 = r.actions[2]
    assert a3.title == "Création à Alger, d’une antenne Bouches-du-Rhône au service des entreprises des deux territoires partenaires"
    assert a3.description.endswith("dès le mois d’avril 2006. Ce projet est proposé par l’association Institut "
                                   "méditerranéen pour l’Economie et le développement-MED et soutenu par les "
                                   "deux collectivités.")
    assert [(a.sources[0].first_line, a.sources[0].last_line) for a in r.actions] == [(42, 49), (51, 60), (62, 76)]


# --- Lyon: three sheets sharing one contact section -------------------------

def test_lyon_sheets_share_contacts():
    r = parse_fixture("lyon.txt")
    assert [p.id for p in r.partnerships] == ["lyon--w-alger", "lyon--oran", "lyon--setif"]
    alger, oran, setif = r.partnerships
    assert [c.name for c in alger.contacts] == ["Gérard COLLOMB", "Mohamed KEBIR ADDOU"]
    assert [c.name for c in oran.contacts] == ["Gérard COLLOMB"]
    assert [c.name for c in setif.contacts] == ["Gérard COLLOMB", "Brahim BELHAOUKI"]
    assert (setif.partner_party.region, setif.formalized) == ("Sétif", 2006)
    a1 = next(a for a in r.actions if a.id == "lyon--w-alger--a01")
    assert (a1.title, a1.status, a1.domain_raw) == ("Sauvegarde et gestion urbaine de la Casbah d’Alger", None, None)
    assert [a.domain_raw for a in r.actions if a.partnership_id == "lyon--setif"] == [
        "Gestion urbaine", "Universités / Recherche", "Culture", "Domaine économique"]


# --- The whole document ---------------------------------------------------------

def test_whole_document_counts(whole):
    assert whole.stats == ALGERIE
    assert sum(1 for w in whole.warnings if "empty project slot" in w) == 12
    assert sum(1 for w in whole.warnings if "empty contact template" in w) == 5
    assert sum(1 for w in whole.warnings if "no project, only a statement" in w) == 2


def test_whole_document_ids_are_stable():
    text = DATA.read_text(encoding="utf-8")
    one, two = algerie.parse(text, DATA.name), algerie.parse(text, DATA.name)
    assert [p.id for p in one.partnerships] == [p.id for p in two.partnerships]
    assert [a.id for a in one.actions] == [a.id for a in two.actions]
    assert len({p.id for p in one.partnerships}) == len(one.partnerships)


def test_every_raw_domain_label_maps(whole):
    labels = {a.domain_raw for a in whole.actions if a.domain_raw}
    assert len(labels) > 30
    assert [label for label in labels if not map_domain(label)] == []


def test_roubaix_and_vienne_sheets(whole):
    roubaix = by_id(whole, "roubaix--bouira")
    assert len([a for a in whole.actions if a.partnership_id == "roubaix--bouira"]) == 15
    a14 = next(a for a in whole.actions if a.id == "roubaix--bouira--a14")
    assert (a14.domain_raw, a14.title) == ("Culture / Education", "Programme de coopération éducative et culturelle")
    assert roubaix.french_party.subdivision == "Nord"
    vienne = by_id(whole, "vienne--tipasa")
    assert vienne.notes == ["Le tableau d'avancement associe VIENNE à TIPAZA ; la fiche est intitulée TIPASA."]
    larbaa = by_id(whole, "saint-denis--larbaa-nath-irathen")
    assert (larbaa.partner_party.region, larbaa.partner_party.population) == ("Tizi Ouzou", 30000)


def test_looks_like_and_never_raises():
    assert algerie.looks_like(DATA.read_text(encoding="utf-8"))
    assert not algerie.looks_like("Répertoire de la coopération franco-malienne")
    r = algerie.parse("Projet 1 réalisé\nLe partenariat\n", "odd.txt")
    assert r.warnings and r.warnings[0].startswith("line 1:")
