"""The Algerian decentralised-cooperation parser, on verbatim excerpts of the
document (tests/fixtures/algerie/) and on the whole file."""
from pathlib import Path

import pytest

from expected_counts import ALGERIE
from indexer.corpus import rollup_result
from indexer.domains import map_domain
from indexer.parsers import algerie, algerie_blocks, algerie_dates, algerie_domains

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

def test_each_status_row_to_its_own_pair():
    """The row `BELFORT BOUMERDES En contact.` (l.68) is the Belfort–Boumerdès pair, not the
    Belfort–Skikda sheet (l.164-292), whose own state is its Convention line."""
    r = parse_fixture("table_belfort.txt")
    assert r.stats["table_rows"] == 47
    assert r.stats["sheets"] == 1
    assert r.stats["merged"] == 0
    p = by_id(r, "belfort--skikda")
    assert [(s.first_line, s.last_line, s.section) for s in p.sources] == [(164, 292, "sheet")]
    # `Ville de Belfort (90)`: the département's number places it
    assert (p.french_party.region, p.french_party.subdivision) == ("Franche-Comté", "Territoire de Belfort")
    assert p.status is None and p.notes == []
    b = by_id(r, "belfort--boumerdes")
    assert (b.detail, b.status, [(s.first_line, s.section) for s in b.sources]) == (
        "listed", "En contact", [(68, "Etat d'avancement des partenariats")])
    assert p.french_party.population == 53000
    assert p.partner_party.name == "Skikda"
    assert p.formalized == 1986
    assert p.legal_framework == (
        "Jumelage avec la Ville de Skikda signé en 1986 mais aujourd’hui suspendu (impossible relance "
        "du fait de l’absence de volonté de renouer les liens depuis 1992)")
    assert [a.status for a in r.actions] == ["réalisé", "en cours", "en cours"]
    assert r.actions[2].budget.text == "Budget 2005 : 22 000 €"
    assert (r.actions[2].budget.amount, r.actions[2].budget.currency) == (22000.0, "EUR")
    assert r.actions[0].years == [1993, 1997]
    assert "ligne 275 : modèle de contact vide (XX, wilaya de)" in r.warnings


def test_table_rows_split_into_partners_and_repaired_names():
    r = parse_fixture("table_belfort.txt")
    ra = by_id(r, "cr-rhone-alpes--w-annaba")
    assert (ra.detail, ra.status, ra.french_party.kind, ra.french_party.region) == (
        "listed", "Protocole d'accord", "région", "Rhône-Alpes")
    assert (ra.sources[0].first_line, ra.sources[0].last_line) == (22, 25)
    assert by_id(r, "cr-rhone-alpes--w-setif").partner_party.kind == "wilaya"
    assert by_id(r, "ca-grenoble--constantine").partner_party.kind == "commune"
    assert by_id(r, "ca-grenoble--w-constantine").partner_party.kind == "wilaya"
    assert by_id(r, "brest--bejaia").partner_party.name == "Béjaïa"  # the wilaya's spelling
    orly = by_id(r, "orly--dar-el-beida")
    assert (orly.partner_party.name, orly.partner_party.region, orly.status) == (
        "Dar El Beïda", "Alger", "Quelques contacts")  # the geography table's spelling
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
    assert names[3] == ("french", "Marie-Digne Vannouque", "marie.vannouque@cr-franche-comte.fr")
    # names only: no civility, no role (`le Président Raymond Forni`, l.68); the president named again as the
    # elected official in charge is one contact with both roles
    assert names[0] == ("french", "Raymond Forni", None)
    assert p.contacts[0].role == "Président ; Élu en charge des relations internationales"
    assert names[-2] == ("partner", "Asdine Brahimi", "brahimias@yahoo.fr")
    assert names[-1] == ("partner", "Madani", None)  # `Partenaires … Mme Madani, Directrice … de la Wilaya d'Alger`
    first = r.actions[0]
    assert (first.title, first.partners, first.status) == (
        "Formation professionnelle dans le domaine de la Maintenance automobile",
        "Conseil régional de Franche-Comté, PSA et Education nationale", "en cours")
    assert [a.status for a in r.actions] == ["en cours", "en projet", "en projet"]


def test_rhone_alpes_sheet_keeps_content_but_not_empty_templates():
    r = parse_fixture("franche_comte_rhone_alpes.txt")
    assert r.stats == {"table_rows": 0, "sheets": 2, "empty_sheets": 0, "listed": 0, "merged": 0,
                       "introduction": 0, "partnerships": 3, "actions": 3}
    p = by_id(r, "cr-rhone-alpes--w-setif")
    assert p.legal_framework == "Signature de deux protocoles d’intention de coopération en 2004."
    assert p.formalized == 2004
    assert p.contacts == []
    assert p.notes == ["Fiche commune avec : Wilaya d'Annaba."]
    assert [w for w in r.warnings if " vide" in w] == [
        "ligne 202 : modèle de contact vide (XX, département de)",
        "ligne 238 : modèle de contact vide (XX, wilaya de)",
        "ligne 160 : emplacement de projet vide Projet 1 réalisé",
        "ligne 167 : emplacement de projet vide Projet 2 en cours",
        "ligne 174 : emplacement de projet vide Projet 3 en cours",
    ]


# --- Bouches-du-Rhône: a theme cell wrapped around the description ----------

def test_a_name_written_under_titre_is_the_title_however_it_wraps():
    """`Thème` / `environnement` / `Titre` / then the project's name over four lines (l.675-682 of the
    source): the name written in the `Titre` cell is the title (README: « the Titre if present »), not the
    theme, even when it wraps and runs past the 140 characters of a name the text opens with."""
    r = parse_fixture("bouches_du_rhone.txt")
    assert r.actions[0].title.startswith("Accompagnement de la création à Alger, d’un centre de dépistage")
    assert (r.actions[1].title, r.actions[1].domain_raw) == (
        ("Transferts de savoir-faire dans le domaine de la gestion des déchets ménagers, de la préservation des "
         "zones côtières et de la valorisation des zones humides"), "environnement")


def test_bouches_du_rhone_projects():
    r = parse_fixture("bouches_du_rhone.txt")
    p = r.partnerships[0]
    assert p.id == "cg-bouches-du-rhone--w-alger"
    assert (p.partner_party.population, p.partner_party.population_text) == (
        3000000, "PRES DE 3 000 000 habitants")
    assert p.domains_raw == ["santé", "environnement", "renforcement des échanges économiques"]
    # the themes and the actions, and the objectives read as the sheet's own labels
    assert p.domain_sources["actions"] == ["Santé", "Développement économique", "Environnement et déchets",
                                           "Échanges et amitié"]
    assert set(p.domain_sources["fiche"]) > {"Santé", "Environnement et déchets", "Culture et patrimoine",
                                             "Appui institutionnel et gouvernance"}
    # the years run from the first contacts (2002, its history) to its last action, with the
    # history's dated events (2003, 2004); April 2006, the document's own year, is announced
    # (`sera installé … dès le mois d'avril 2006`): planned
    assert (p.first_contact_year, p.formalized, p.years, p.partners) == (
        2002, 2005, [2002, 2003, 2004, 2005], "Association IMED")
    assert (r.actions[2].start, r.actions[2].end) == (2006, 2006)
    a3 = r.actions[2]
    assert a3.title == ("Création à Alger, d’une antenne Bouches-du-Rhône au service des entreprises "
                        "des deux territoires partenaires")
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
    assert [c.name for c in oran.contacts] == ["Gérard COLLOMB", "Jean-Michel DACLIN"]  # DACLIN: Projet 1's text
    assert [c.name for c in setif.contacts] == ["Gérard COLLOMB", "Brahim BELHAOUKI"]
    assert (setif.partner_party.region, setif.formalized) == ("Sétif", 2006)
    a1 = next(a for a in r.actions if a.id == "lyon--w-alger--a01")
    assert (a1.title, a1.status, a1.domain_raw) == ("Sauvegarde et gestion urbaine de la Casbah d’Alger", None, None)
    assert [a.domain_raw for a in r.actions if a.partnership_id == "lyon--setif"] == [
        "Gestion urbaine", "Universités / Recherche", "Culture", "Domaine économique"]


def test_lyon_sheets_take_the_collectivity_the_table_pairs_them_with():
    """The table (l.57, l.101 of the fixture) pairs `CU LYON` with `ALGER ET ORAN` and `LYON`
    with `ALGER / SETIF`: the sheet headed `LYON / ORAN` is the Communauté urbaine's."""
    r = parse_fixture("table_lyon.txt")
    ps = {p.id: p for p in r.partnerships if "lyon" in p.id}
    assert sorted(ps) == ["cu-lyon--oran", "cu-lyon--w-alger", "lyon--setif", "lyon--w-alger"]
    oran = ps["cu-lyon--oran"]
    assert (oran.detail, oran.french_party.name, oran.french_party.kind) == (
        "sheet", "Communauté urbaine de Lyon", "intercommunalité")
    assert [(s.first_line, s.section) for s in oran.sources] == [
        (279, "sheet"), (57, "Etat d'avancement des partenariats")]
    assert [a.id for a in r.actions if a.partnership_id == "cu-lyon--oran"] == ["cu-lyon--oran--a01"]
    assert [s.first_line for s in ps["lyon--setif"].sources] == [340, 101]
    assert ps["cu-lyon--w-alger"].detail == "listed"  # its sheet is the Ville's (row l.101)


def test_project_titles_are_names_never_dates():
    """CG Gironde (l.776-915) and Rennes (l.3021-3215): a single cell that names a project is
    its title, a date line is the years, a trailing date is not part of the name; a role
    (`Wali d'Adrar`) is not a contact's name."""
    r = parse_fixture("gironde_rennes.txt")
    acts = [(a.partnership_id, a.title, a.start, a.end) for a in r.actions]
    assert acts == [
        ("cg-gironde--w-adrar", "Constitution d’un fonds de livres", None, None),
        ("cg-gironde--w-adrar", "Livre et lecture publique", 2004, 2004),
        ("cg-gironde--w-adrar", "Formation d’une documentaliste", None, None),
        ("cg-gironde--w-adrar", ("Soutien au développement rural (palmeraies) et insertion de jeunes girondins "
                                 "à Tinerkouk avec l’Association Adelis"), None, None),
        ("cg-gironde--w-adrar", "Organisation d’une semaine culturelle d’Adrar en Gironde", 2006, 2006),
        ("rennes--setif", "Coopération Municipale dans le domaine des Jardins", 2006, 2006),
        ("rennes--setif", "Déplacement du comité de jumelage Rennes-Sétif en Algérie", 2006, 2006)]
    assert r.actions[2].domain_raw is None and r.actions[3].domain_raw == "Développement rural"
    gironde = r.partnerships[0]
    assert [c.name for c in gironde.contacts if c.side == "partner"] == ["Mehdi MENNAD"]
    assert not any("Wali" in (c.name or "") for c in gironde.contacts)


def test_years_of_a_project_to_come_are_planned_and_history_counts():
    """Gironde's `Projet 5 à venir … du 10 au 17 Septembre 2006` is a plan: its date stays the
    action's, not the partnership's activity (2004-2005); Rennes' history (2000-2004) is."""
    r = parse_fixture("gironde_rennes.txt")
    gironde, rennes = r.partnerships[0], r.partnerships[1]
    assert (gironde.years[0], gironde.years[-1]) == (2004, 2005)
    assert r.actions[4].years == [] and (r.actions[4].start, r.actions[4].end) == (2006, 2006)
    assert {2000, 2001, 2002, 2003, 2004} <= set(rennes.years)


def test_first_contact_is_neither_the_signing_nor_a_later_event():
    """Rennes: `Signée … le 24 avril 1982, la Charte de Jumelage…` is the formalisation, and the
    history's later visits are not a first contact; Franche-Comté's declaration of intent is."""
    rennes = parse_fixture("gironde_rennes.txt").partnerships[1]
    assert (rennes.formalized, rennes.first_contact_year) == (1982, None)
    fc = algerie_dates.first_contact
    assert fc("Déclaration d’intention de coopération du 22 janvier 2004", 2004) == 2004
    assert fc("Du 1er au 9 Septembre 1990 Participation d’une délégation de Sig à la foire.", 1987) is None
    assert fc("Décembre 2001 : première visite du Maire. Accord signé en janvier 2003.", 2003) == 2001


def test_the_first_formal_act_of_the_history_formalises_the_partnership():
    """Saint-Étienne-Annaba: `Historique. Jumelage en 1981.` with a Convention field saying `oui`;
    Isère-Constantine: `Un premier accord date de 1983` before a 2003 declaration of intent. The
    first formal act formalises the partnership, and its year is no first contact; a declaration
    or a letter of intent is no formal act, and joining a network is no contact with the partner."""
    form = algerie_dates.formalisation
    assert form("oui", "Jumelage en 1981.") == 1981
    assert form("Une déclaration d’intention a été signée en Octobre 2003.",
                "Un premier accord date de 1983 mais sans mise en œuvre d’actions. Des contacts ont été "
                "repris en 2003.") == 1983
    assert form("Accord de coopération signé le 23 février 2005.",
                "Une lettre d’intention a été signée en 2004.") == 2005
    assert form("Protocole d’accord signé en 2004.", "Premières visites en 2001.") == 2004
    assert form("Accord de coopération signé le 23 Février 2005", "Le principe de la mise en place d’un accord "
                "de coopération avec une collectivité locale algérienne a été arrêté dès 2004.") == 2005
    fc = algerie_dates.first_contact
    assert fc("Jumelage en 1981.", 1981) is None
    assert fc("Un premier accord date de 1983. Des contacts ont été repris en 2003.", 1983) is None
    assert fc("2002 : Adhésion de Blanquefort à Cités Unies France. 2003 : Année de "
              "l’Algérie à Blanquefort", None) == 2003


def test_first_contact_from_a_first_mission_when_the_history_is_empty():
    """Lyon–Oran: an empty Historique, and `Suite à une première mission politique effectuée … en
    Mai 2003 pour engager une relation` in the project's text."""
    oran = by_id(parse_fixture("lyon.txt"), "lyon--oran")
    assert oran.history is None or not oran.history.strip()
    assert oran.first_contact_year == 2003
    assert algerie_dates.first_contact(None, None, "Des missions techniques ont eu lieu en 2004.") is None


def test_first_contact_from_the_starting_objectives_when_the_history_is_blank():
    """Grenoble–Constantine (l.1659-1828, verbatim): `Historique.` is left blank, and `Objectifs de
    départ. Suite à la mission organisée par Cités Unies France en Algérie en 1999, la ville de
    Grenoble a voulu établir des relations durables avec l’APC de Constantine` tells how the relation
    began; the first contact was None. A history that says something keeps the objectives out."""
    p = by_id(parse_fixture("grenoble.txt"), "grenoble--constantine")
    assert p.history is None or not p.history.strip()
    assert (p.first_contact_year, p.formalized, p.years[0], p.years[-1]) == (1999, 1999, 1999, 2005)
    start = "Les acteurs locaux de Vienne et de Tipasa ont fixé en 2004, à Vienne, certains objectifs"
    assert algerie_dates.first_contact(None, 2004, "", start) == 2004
    relaunch = "Ces rencontres ont permis de relancer le partenariat en 2004."
    assert algerie_dates.first_contact(relaunch, 2004, "", start) is None


def test_project_title_rules():
    t = algerie_blocks.project_title
    assert t(None, "Urbanisme", "Suite à une première mission politique effectuée en Mai 2003 pour engager "
                                "une relation. Ces échanges ont permis d'identifier :") == "Urbanisme"
    assert t(None, "Gestion urbaine", "Modernisation du réseau de transports publics :\nLe Grand Lyon…") == (
        "Modernisation du réseau de transports publics")
    assert t(None, None, "Courant 2005 : Détermination des axes de coopération :") == (
        "Détermination des axes de coopération")
    assert t(None, "Santé", "2004 : programme de formation, de sensibilisation et envoi de matériels.") == (
        "programme de formation, de sensibilisation et envoi de matériels")
    assert t(None, "Culture", "Les deux collectivités s’engagent à rechercher toute forme d’actions.") == "Culture"
    assert t(None, None, "Appui à la mise en place d’une bibliothèque pour enfants malades (2005 : envoi "
                         "d’un fonds de livre / formation)") == ("Appui à la mise en place d’une bibliothèque "
                                                                  "pour enfants malades")
    assert t("2006 : accueil d’un écrivain", None, None) == "accueil d’un écrivain"


def test_a_colon_inside_a_quoted_name_does_not_end_the_heading():
    """Blanquefort–Timimoun Projet 1 (l.1310-1312): the book's name holds a colon, and the
    extraction joined the next dated entry (`fin 2004 : Envoi…`) to it."""
    t = algerie_blocks.project_title
    text = ("2003 : Travail de mémoire « Paroles d’Algériens et français d’Algérie » - Parution du livre\n"
            "« Algérie, Blanquefort : une histoire de mémoire »\n"
            "fin 2004 : Envoi d’une mission technique sur le livre et l’animation jeunesse")
    assert t(None, None, text) == ("Travail de mémoire « Paroles d’Algériens et français d’Algérie » - Parution "
                                   "du livre « Algérie, Blanquefort : une histoire de mémoire »")
    # a colon in brackets neither
    assert t(None, None, "Jumelage (phase 1 : écoles) : envoi de livres") == "Jumelage (phase 1 : écoles)"


def test_a_date_after_a_colon_and_an_aside_in_brackets_do_not_cut_the_name():
    """CU Dunkerque–Annaba Projet 1 (l.1060-1062): `… Tourcoing (dans le cadre d’un réseau …) et
    l’association Touiza Solidarité une formation sur la gestion des déchets : décembre 2004.`"""
    t = algerie_blocks.project_title
    text = ("Organiser en partenariat avec Roubaix et Tourcoing (dans le cadre d’un réseau régional de\n"
            "collectivités locales Nord-Pas de Calais/Algérie) et l’association Touiza Solidarité une\n"
            "formation sur la gestion des déchets : décembre 2004.")
    assert t(None, None, text) == ("Organiser en partenariat avec Roubaix et Tourcoing et l’association Touiza "
                                   "Solidarité une formation sur la gestion des déchets")
    # an aside that ends the phrase is still cut off
    assert t(None, None, "Accompagnement de la création d’un centre de dépistage (coopération entre directions "
                         "de la santé des deux institutions)") == (
        "Accompagnement de la création d’un centre de dépistage")


def test_a_project_named_in_guillemets_is_titled_by_that_name_not_its_theme():
    """Marseille–Wilaya d'Alger (l.2510-2549): the Thème `Séminaire` twice; the text names each
    seminar, or the forum's edition; a quoted body that organises it is not the project."""
    t = algerie_blocks.project_title
    assert t(None, "Séminaire", "Décembre 2003    Organisation à Marseille, par l’Institut de Prévention et de "
                                "Gestion des\nRisques (IPGR), d’un séminaire sur « la gestion des risques urbains », "
                                "participation de\ntechniciens d’Alger.") == (
        "Séminaire sur « la gestion des risques urbains »")
    assert t(None, "Séminaire", "16 et 17 Mars 2004   la ville de Marseille , en collaboration avec la Banque "
                                "mondiale, a\norganisé la seconde édition du « Pharo de la Connaissance », forum "
                                "sur le thème de la\nmise en place de l’Economie fondée sur la connaissance.") == (
        "« Pharo de la Connaissance »")
    assert t(None, "Echange de savoir faire", "Du 14 au 16 Juin 2005   le « Réseau Urbain Europe MENA » copiloté "
                                              "par la ville de\nMarseille, a organisé à Alger un\nséminaire sur "
                                              "« la prévention des risques urbains ».") == (
        "Séminaire sur « la prévention des risques urbains »")
    assert t(None, "Coopération", "le « Réseau Urbain Europe MENA » a accueilli des techniciens.") == "Coopération"


def test_a_date_range_or_a_bare_date_is_cut_whole_and_a_dated_heading_beats_the_theme():
    """Roubaix–Bouira (l.3593-3698): a range whose first date has no year (`du 27 juillet au 17
    août 2004`) is cut whole, a date with no preposition (`cadre de vie 05 - 19 décembre 2004`)
    too; a name closed by its date is the heading line, not the Thème label, however long it is
    (Projet 4); `Poursuite des échanges…` opens with a noun (Projet 13)."""
    t = algerie_blocks.project_title
    assert t(None, "Echange de jeunes", "Participation de jeunes Roubaisiens à un chantier de volontariat à "
                                        "Bouira du 27 juillet au\n17 août 2004.") == (
        "Participation de jeunes Roubaisiens à un chantier de volontariat à Bouira")
    assert t(None, "Environnement", "Session de formation et d’échanges d’expériences autour de l’environnement "
                                    "et du cadre\nde vie 05 - 19 décembre 2004.\nEn partenariat avec la CUD.") == (
        "Session de formation et d’échanges d’expériences autour de l’environnement et du cadre de vie")
    assert t(None, "Rencontres", "Accueil à Roubaix de Monsieur le Président de l’Assemblée Populaire Communale "
                                 "de\nBouira et participation commune aux Assises de la Coopération décentralisée "
                                 "à Paris 10-15 octobre 2004") == (
        "Accueil à Roubaix de Monsieur le Président de l’Assemblée Populaire Communale de Bouira et "
        "participation commune aux Assises de la Coopération décentralisée à Paris")
    assert t(None, "Urbanisme", "Poursuite des échanges et de la coopération dans les domaines de "
                                "l’aménagement, de\nl’urbanisme et de l’habitat.") == (
        "Poursuite des échanges et de la coopération dans les domaines de l’aménagement, de l’urbanisme "
        "et de l’habitat")
    # an undated long description still gives way to its theme
    long = "Aide à la rénovation du théâtre municipal, musée de Constantine, travail social dans les quartiers " \
           "défavorisés, aide à la création d’un planning familial."
    assert t(None, "Urbanisme et Développement social", long) == "Urbanisme et Développement social"


def test_a_study_is_a_project_name():
    """CG Isère–Constantine Projet 2 (l.953): `2004 : étude sur le devenir des franges et berges…`."""
    assert algerie_blocks.project_title(None, "Aménagement urbain", (
        "2004 : étude sur le devenir des franges et berges des oueds Rhummel et Boumerzoug. Le\n"
        "programme aménagement paysager est géré par l’Ecole nationale du paysage de Versailles")) == (
        "étude sur le devenir des franges et berges des oueds Rhummel et Boumerzoug")


# --- The whole document ---------------------------------------------------------

def test_two_projects_of_a_sheet_are_told_apart(whole):
    """Bordeaux–Oran (l.1439-1471): both theme cells read `« Pacte Oran Bordeaux »`; the second
    project's text opens with its own name, `Deuxième phase du « Pacte Oran Bordeaux »`."""
    titles = [a.title for a in whole.actions if a.partnership_id == "bordeaux--oran"]
    assert titles == ["« Pacte Oran Bordeaux »", "Deuxième phase du « Pacte Oran Bordeaux »"]
    assert algerie_blocks.opening_name("Deuxième phase du « Pacte Oran Bordeaux ».\nLes thèmes…") == (
        "Deuxième phase du « Pacte Oran Bordeaux »")
    assert algerie_blocks.opening_name("Les thèmes qui seront abordés à Bordeaux seront :") is None


def test_whole_document_counts(whole):
    assert whole.stats == ALGERIE
    assert sum(1 for w in whole.warnings if "emplacement de projet vide" in w) == 12
    assert sum(1 for w in whole.warnings if "modèle de contact vide" in w) == 5
    assert sum(1 for w in whole.warnings if "aucun projet, seulement une déclaration" in w) == 2


def test_introduction_files_partnerships_under_its_fields(whole):
    """The introduction (l.46-84): `Dans le domaine de la jeunesse, … (Grenoble et Constantine…),
    ces échanges peuvent se faire à travers des activités culturelles … (… Belfort avec la mise en
    place d'une bibliothèque- ludothèque …)`, `(Belfort, Saint-Denis, Roubaix, Bordeaux)` after
    the training of councillors, `(… Brest et Bejaïa …)` after waste, `(le Centre hospitalier de
    Sétif et CHU de Rennes…)` after the hospitals; `(ville de Paris et wilaya d'Alger, …)` after
    `grandes avancées` names no field."""
    intro = {p.id: p.domain_sources.get("Introduction par domaines") for p in whole.partnerships}
    intro = {k: set(v) if v is not None else None for k, v in intro.items()}
    assert intro["belfort--skikda"] == {"Culture et patrimoine", "Jeunesse et sport", "Éducation et formation"}
    assert intro["brest--bejaia"] == {"Environnement et déchets"}
    assert intro["rennes--setif"] == {"Santé"}
    assert intro["paris--w-alger"] == {"Urbanisme, aménagement et transports", "Environnement et déchets"}
    assert intro["cg-gironde--w-adrar"] == {"Culture et patrimoine", "Jeunesse et sport"}
    assert intro["cr-provence-alpes-cote-d-azur--w-alger"] is None
    assert sum(v is not None for v in intro.values()) == ALGERIE["introduction"]
    brest = next(p for p in whole.partnerships if p.id == "brest--bejaia")
    assert (68, "Introduction : Environnement et déchets") in [(s.first_line, s.section) for s in brest.sources]


def test_objectives_are_the_sheets_labels():
    d = algerie_domains.objective_domains
    assert d("Objectifs de départ : Appui institutionnel / Echanges entre représentants de la société civile") == [
        "Appui institutionnel et gouvernance", "Société civile"]  # exchanges: the means, not the field
    assert d("Objectifs actuels : - connaissance réciproque\n- favoriser les échanges et l'accueil") == [
        "Échanges et amitié"]
    assert d(None) == []


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
    assert r.warnings and r.warnings[0].startswith("ligne 1 : ")


def test_contact_numbers_and_names_taken_apart():
    """`Téléphone : 00213.38.86.31.87 OU 00213.71.47.21.42 (portable M. Grine)` (l.1152), `Téléphone :
    idem` (l.997), `Interlocuteur pour le partenariat : Mr le Maire de Timimoun : Mohamel DIFALLAH` (l.1403)."""
    assert algerie_blocks._numbers("00213.38.86.31.87 OU 00213.71.47.21.42 (portable M. Grine) ") == (
        "00213.38.86.31.87; 00213.71.47.21.42")
    assert algerie_blocks._numbers("  ") is None
    c = algerie_blocks.Contact(role="Interlocuteur pour le partenariat")
    algerie_blocks._set_name(c, "Mr le Maire de Timimoun : Mohamel DIFALLAH ")
    assert c.name == "Mohamel DIFALLAH"


def test_idem_phone_is_the_one_above(whole):
    isere = next(p for p in whole.partnerships if p.id == "cg-isere--w-constantine")
    phones = {c.phone for c in isere.contacts if c.side == "french" and c.name != "Jean-Luc GAILLIARD"}
    assert phones == {"04 76 00 38 38"}


def test_project_budgets_total_first_and_dinars():
    money = algerie._money
    b = money("Budget 2005 : 22 000 € : 5% Touiza ; Budget 2006 : 10 000 € : 5% Touiza")  # l.1208-1211
    assert (b.amount, b.currency, b.text) == (22000.0, "EUR", "Budget 2005 : 22 000 €")
    b = money("Phase 1 : 4 000 €, phase 2 : 6 000 €, soit 10 000 € au total")
    assert (b.amount, b.currency) == (10000.0, "EUR")
    b = money("une contribution de 1 500 000 DA de la wilaya")
    assert (b.amount, b.currency) == (1500000.0, "DZD")


def test_a_period_heading_dates_the_projects_after_it(whole):
    """Grenoble-Constantine (l.1714): `ACTIONS 2004- / 2005` heads projects 5-9, which give no
    date of their own; projects 1-4, before it, stay as they were (1: 2002-2003, 2-4: none)."""
    actions = sorted((a for a in whole.actions if a.partnership_id == "grenoble--constantine"), key=lambda a: a.id)
    assert [(a.start, a.end) for a in actions] == [(2002, 2003), (None, None), (None, None), (None, None)] + \
        [(2004, 2005)] * 5
    assert {2004, 2005} <= set(by_id(whole, "grenoble--constantine").years)
    lines = ["ACTIONS 2004- ", "2005 ", "Projet 5 réalisé", "ACTIONS 2006", "Projet 2 réalisé"]
    assert algerie_blocks.period_heading(lines, 0) == [2004, 2005]
    assert algerie_blocks.period_heading(lines, 3) == [2006]
    assert algerie_blocks.period_heading(lines, 2) is None


def test_every_formal_act_dates_the_partnership(whole):
    """`Convention. Convention de jumelage en 1983 à Aïn Defla et à Rezé en 1985.` and Marseille's
    `En 1981, signature d'un protocole d'accord / Le 27 Juin 1998, signature d'une déclaration commune …
    Le 31 Octobre 1999, réactivation du protocole`: the partnership was formalised by the first act,
    and every act is a year of it."""
    reze = by_id(whole, "reze--ain-defla")
    assert reze.formalized == 1983 and {1983, 1985} <= set(reze.years)
    marseille = by_id(whole, "marseille--w-alger")
    assert marseille.formalized == 1981 and {1981, 1998, 1999} <= set(marseille.years)
    assert 1992 not in by_id(whole, "belfort--skikda").years  # `(… depuis 1992)`: when relations stopped


def test_a_year_another_section_tells_of_inside_the_span_is_a_year_of_the_partnership(whole):
    """Rezé-Aïn Defla's `Difficultés`: relations suspended, `Malgré tout, en Octobre 2003, le Président
    de l'APC a été reçu en visite privée à Rezé`: 2003 lies between its 1983 convention and its 2005
    project, so it counts, as a year its history told would."""
    reze = by_id(whole, "reze--ain-defla")
    assert "2003" in reze.extra["Difficultés"] and 2003 in reze.years


def test_a_block_s_e_mail_is_the_person_s_whose_surname_it_spells():
    # Marseille–Alger and Roubaix–Bouira contact blocks (verbatim): one e-mail under three persons is
    # Henri SOGLIUZZO's only; two e-mails under two persons are one each
    marseille = ["CONTACTS et ADRESSES - Collectivité en France ", "Collectivité : MARSEILLE ",
                 "Maire ou Président : Jean Claude GAUDIN ", "Directeur de cabinet : Claude BERTRAND ",
                 "Directeur général des services : Henri SOGLIUZZO ", " ", "Adresse postale : DGRH  ",
                 "Téléphone : 04 91 55 11 11    Fax :  ", "Courriel : hsogliuzzo@mairie-marseille.fr "]
    _, found = algerie_blocks.parse_contacts(marseille, 0, len(marseille) - 1, "french", [])
    assert [(c.name, c.email) for c in found] == [("Jean Claude GAUDIN", None), ("Claude BERTRAND", None),
                                                  ("Henri SOGLIUZZO", "hsogliuzzo@mairie-marseille.fr")]
    roubaix = ["CONTACTS et ADRESSES - Collectivité en France ",
               "Élu en charge des relations internationales : Tounès RAHIM, adjointe au Maire ",
               "                         Céline SCAVENNEC, conseillère municipale déléguée ",
               "Adresse postale : BP 737 – 59 066 ROUBAIX cedex 01  ",
               "Téléphone : 03 20 66 44 85   Fax : 03 20 66 46 28  ", "Courriel : trahim@ville-roubaix.fr ",
               "                cscavennec@cudl-lille.fr "]
    _, found = algerie_blocks.parse_contacts(roubaix, 0, len(roubaix) - 1, "french", [])
    assert [(c.name, c.email) for c in found] == [("Tounès RAHIM", "trahim@ville-roubaix.fr"),
                                                  ("Céline SCAVENNEC", "cscavennec@cudl-lille.fr")]


_BLANQUEFORT_LIKE = """Projet 3 en cours

Thème
Titre

2006 : accueil d'un écrivain, d'un SVE (programme Euromed)
Voyage à Timimoun dans le cadre de l'Association Tabadul
du 11 au 13 septembre 2006 : Semaine de l'ADRAR, co-organisée par le CG 33
Accueil d'artistes de Timimoun
Spectacle « Migrations » - Compagnie Garance dans le cadre
de Scènes d'Eté
"""


def test_an_untitled_project_listing_dated_activities_is_one_project_per_item():
    items = algerie_blocks.dated_items(_BLANQUEFORT_LIKE)
    assert items == ["2006 : accueil d'un écrivain, d'un SVE (programme Euromed)",
                     "Voyage à Timimoun dans le cadre de l'Association Tabadul",
                     "du 11 au 13 septembre 2006 : Semaine de l'ADRAR, co-organisée par le CG 33",
                     "Accueil d'artistes de Timimoun",
                     "Spectacle « Migrations » - Compagnie Garance dans le cadre de Scènes d'Eté"]
    # the parts of an item (a dash list, a quoted title on the next line) stay in it
    assert algerie_blocks.dated_items("Projet 1 réalisé\n2003 : Travail de mémoire - Parution du livre\n"
                                      "« Une histoire de mémoire »\nfin 2004 : Envoi d'une mission\n") == [
        "2003 : Travail de mémoire - Parution du livre « Une histoire de mémoire »",
        "fin 2004 : Envoi d'une mission"]
    # a project that opens with its name, or one dated item alone, is one project
    assert algerie_blocks.dated_items("Projet 1 réalisé\nCoopération médicale\n2005 : accueil de médecins\n") is None
    assert algerie_blocks.dated_items("Projet 1 réalisé\n2004 : programme de formation, géré\npar une ONG\n") is None


def test_each_dated_item_is_an_action_with_its_own_year_and_the_undated_take_their_neighbours():
    proj = {"n": 3, "status_raw": "en cours", "theme": None, "title": "2006 : accueil d'un écrivain",
            "description": "…", "years": [], "partners": None, "first": 100, "last": 112,
            "raw": _BLANQUEFORT_LIKE}
    actions = algerie._distinct_titles([proj])
    assert [a.title for a in actions][:3] == [
        "accueil d'un écrivain, d'un SVE (programme Euromed)",
        "Voyage à Timimoun dans le cadre de l'Association Tabadul",
        "Semaine de l'ADRAR, co-organisée par le CG 33"]
    assert len(actions) == 5 and {(a.start, a.end) for a in actions} == {(2006, 2006)}
    # a project with a theme keeps its dated steps together (Mulhouse's `Coopération médicale`)
    themed = proj | {"theme": "Coopération médicale", "title": None}
    assert len(algerie._distinct_titles([themed])) == 1
