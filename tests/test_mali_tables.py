"""The Mali actions tables, one layout per verbatim excerpt of `data/mali-repertoire-2008.txt`.

Each fixture under `tests/fixtures/mali/tables/` is copied unchanged from the source, from its
`Actions de coopération…` line to the last line of the table; the number in its name is that
first line's number in the source, so the line numbers below are the source's. The expected
values were read from the source lines, the way the gold records are written.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer.parsers.cuf_cells import Cell, cells_of, column_cells
from indexer.parsers.cuf_mixed import split_mixed
from indexer.parsers.cuf_text import durations, title_of, year_lists
from indexer.parsers.sheet import Document, Sheet
from indexer.records import Party
from indexer.registry import get
from indexer.text import repaired

FIX = Path(__file__).resolve().parent / "fixtures" / "mali" / "tables"


def _actions(name: str | Path):
    """The actions of a table excerpt: `name` under FIX (its first line's number from the stem) or a
    path as is (numbered from 1 when its stem ends in no number)."""
    path = name if isinstance(name, Path) else FIX / name
    tail = path.stem.rsplit("_", 1)[-1]
    first = int(tail) if tail.isdigit() else 1
    reader = get("mali-repertoire-2008.txt").make_reader()
    noise = reader.document("", path.name)
    lines = repaired(path.read_text(encoding="utf-8")).split("\n")  # as a document is read
    body = [(first + i, t) for i, t in enumerate(lines) if i and not noise.is_noise(t)]
    sheet = Sheet(french=Party(name="A", country="France"), partner=None, first=first,
                  last=first + len(lines), actions=reader.actions(body))
    _, actions = sheet.records(Document(path.name, "", 2008))
    return actions


def _rows(actions):
    return [(a.sources[0].first_line, a.title, a.start, a.end,
             (a.budget.amount, a.budget.currency) if a.budget else None) for a in actions]


def test_paragraph_cells_dates_column_and_first_column_yvelines_kadiolo():
    """Each project is a paragraph (its first sentence names it, the rest describes it); the
    dates column holds sentences (`Novembre 2006 premiers travaux…`); a first column of two
    lines (`ÉDUCATION / FORMATION des JF / Déscolarisées`) is a label, not a project; a dates
    cell carries its amount (`Juillet 2007 4 000 €`); a later year in a dates cell is planned."""
    rows = _rows(_actions("yvelines_kadiolo_4455.txt"))
    assert rows == [
        (4482, "1 Maraîchage de 1 ha", 2006, 2007, (10000.0, "EUR")),
        (4528, "Création d’un centre de couture et tricot", 2007, 2007, (1000.0, "EUR")),
        (4549, "Ce Ciné Kadiolo sera lancé par les jeunes Yvelinois au cours de leur mission", 2007, 2007,
         (4000.0, "EUR")),
        (4557, "Agrandissement et restauration du Jardin d’Enfants de Kadiolo", 2008, 2008, (20000.0, "EUR")),
        (4578, "Médiathèque", 2009, 2009, None),
        (4579, "Coopérative Beurre de Karité", 2009, 2009, None),
        (4580, "Création d’un nouveau Maraîchage fort du succès du précédent", 2009, 2009, None),
        (4582, "Consolidation des précédentes réalisations", 2009, 2009, None),
    ]


def test_one_dates_cell_per_table_row_allier_niafunke():
    """One table row per domain, its projects separated by dashes: a domain cell after projects
    opens a new row (the AGRICULTURE row has no date), and the row's one dates cell, a date
    with a comment (`Dès 1992 – Vaccinations arrêtées…`), dates every project of the row."""
    acts = _actions("allier_niafunke_3146.txt")
    by_domain: dict[str, set] = {}
    for a in acts:
        by_domain.setdefault(a.domain_raw, set()).add((a.start, a.end))
    assert by_domain == {"AGRICULTURE": {(None, None)}, "SANTE": {(1992, 1992)}, "FORMATION": {(2006, 2006)},
                         "EDUCATION/ JEUNESSE": {(2000, 2000)}, "ECONOMIE": {(2004, 2004)},
                         "TOURISME SOLIDAIRE": {(2004, 2006)}}
    assert "Dès 1992" not in " ".join(a.title for a in acts)
    assert len([a for a in acts if a.domain_raw == "SANTE"]) == 6


def test_row_on_one_line_narrow_first_column_and_budget_labels_marolles():
    """`Alphabétisation  Réhabilitation Ecole  20 000 Fr` is a row on one line; a narrow segment
    before the projects is their first column; `Exploitation` comments the date above it;
    `Phase 1` over `20 000 Euros` is a label, `Attente devis` no amount."""
    assert _rows(_actions("marolles_lakamane_13803.txt")) == [
        (13817, "Réhabilitation Ecole", None, None, (20000.0, "F")),
        (13822, "Amélioration Aviculture", 2002, 2002, (11000.0, "F")),
        (13823, "Constitution d’une banque de céréales", None, None, None),
        (13824, "Soutien maraîchage", 1998, 1998, (1500.0, "EUR")),
        (13839, "Aménagement des équipements en fonction de la capacité achat de matériel sur place", 1993, 1993,
         (20000.0, "EUR")),
        (13842, "Rénovation des bassins", 2004, 2004, None),
        (13856, "Subvention d’associations locales", 2003, 2003, (1200.0, "EUR")),
        (13859, "Achat d’outillage", 2003, 2003, None),
        (13860, "Micro-crédits", 2003, 2003, None),
    ]


def test_wrapped_cells_and_budget_comments_mulhouse():
    """`…de la Région` / `Mulhousienne` is one cell; an amount's comment (`8004,27 € / pour 2006 /
    cofinancés par…`) stays in its budget cell; `Agriculture` … `Santé` label the projects level
    with them."""
    acts = _actions("mulhouse_sofara_9617.txt")
    first = acts[0]
    assert first.title.endswith("l’Agence d’Urbanisme de la Région Mulhousienne")
    assert (first.start, first.budget.amount, first.budget.currency) == (2004, 150000.0, "EUR")
    tail = _rows(acts[-3:])
    assert tail == [
        (9708, ("Mise en place d’un crédit agricole suite à une récolte défavorable pour permettre l’achat de "
                "semences de riz"), 2003, 2006, (8004.27, "EUR")),
        (9719, ("Formation de 10 agriculteurs aux principes coopératifs par un institut de formation malien et "
                "appui à la mise en place d’une coopérative agricole"), 2006, 2006, (5145.15, "EUR")),
        (9726, "Accueil en formation de personnel et équipement du Centre de Santé Communautaire de Sofara",
         2004, 2004, (4500.0, "EUR")),
    ]
    assert [a.domain_raw for a in acts[-3:]] == ["Agriculture", "Agriculture", "Santé"]


def test_a_band_headings_label_is_its_projects_domain_thionville_kenieba():
    """`Projets 2004 :` / `Pour les femmes` (l.12244-12245): the band's year and its label; the
    2004 projects are filed under it (support to women: civil society)."""
    acts = [a for a in _actions("thionville_kenieba_12218.txt") if a.start == 2004 and a.sources[0].first_line > 12290]
    assert [a.domain_raw for a in acts] == ["Pour les femmes"] * 3
    assert all("Société civile" in a.domains for a in acts)


def test_lines_with_their_own_dates_are_actions_of_their_own():
    """Alençon–Koutiala (l.522-524 beside l.539-540 and l.552-554): `Centre de santé de référence
    :rénovations` / `maternité, chirurgie, bureaux…` / `constructions : labo. et cabinet dentaire.`
    with `de 1977 à 1994` / `1976 et 2000` and `15245€` / `4832€`: two actions."""
    from indexer.parsers.cuf_rows import Row, split_dated_lines

    cell = Cell("action", [(522, "Centre de santé de référence :rénovations  "),
                           (523, "maternité, chirurgie, bureaux… "),
                           (524, "constructions : labo. et cabinet dentaire. ")], 5, 0, 0)
    dates = [Cell("when", [(539, "de 1977 à 1994 ")], 6, 1, 0), Cell("when", [(540, "1976 et 2000 ")], 7, 1, 0)]
    money = [Cell("budget", [(552, "15245€ ")], 5, 2, 0), Cell("budget", [(554, "4832€ ")], 7, 2, 0)]
    parts = split_dated_lines(Row(domain="SANTE", cells=[cell], when=dates, budget=money))
    assert [(p.text, p.when[0].text, p.budget[0].text) for p in parts] == [
        ("Centre de santé de référence :rénovations maternité, chirurgie, bureaux…", "de 1977 à 1994", "15245€"),
        ("constructions : labo. et cabinet dentaire.", "1976 et 2000", "4832€")]
    # `Matériel médical, dans conteneurs` / `précités` beside three dates cells: one project
    one = Cell("action", [(517, "Matériel médical, dans conteneurs "), (518, "précités ")], 0, 0, 0)
    three = [Cell("when", [(533 + i, t)], i, 1, 0) for i, t in enumerate(["2003", "de 1989 à 2002", "2002 et 2004"])]
    assert len(split_dated_lines(Row(domain="SANTE", cells=[one], when=three))) == 1


def test_a_lead_in_over_projects_is_no_project():
    """Alençon–Koutiala (l.567-588): `ÉQUIPEMENTS Par la ville d’Alençon, à Koutiala:` then the
    projects; the lead-in is no project, and the amount level with it (`978342Fcfa`) stays its
    own, so that the château d'eau keeps `177625€`."""
    from indexer.parsers.cuf_table import table_rows

    body = [(567, "ÉQUIPEMENTS Par la ville d’Alençon, à Koutiala: "), (568, " "),
            (569, "Réalisation d’un château d’eau et appui au "), (570, "2ème. "),
            (571, "Envoi de matériel administratif, de voirie "), (572, "et de véhicules.  "), (573, ""),
            (574, " 978342Fcfa "), (575, " "), (576, "177625€ "), (577, "94562 ")]
    rows = table_rows(body)
    assert [r.lead for r in rows][:2] == [True, False]
    assert rows[1].text.startswith("Réalisation d’un château d’eau")
    assert rows[1].budget and rows[1].budget[0].text.startswith("177625€")


def test_proposals_under_a_diagnostic_are_not_projects_mulhouse():
    """`Diagnostic et propositions d’actions…` (l.9638) then `- Adaptations aux besoins…` and
    `- Envisager un dispositif…`: what the diagnostic proposes, not projects done. The dates
    column's `2008-2009` and `Démarrage des travaux en 2007` then go to the two projects that
    follow (l.9655, l.9660)."""
    rows = _rows(_actions("mulhouse_sofara_9617.txt"))
    assert not [r for r in rows if r[1].startswith(("Adaptations", "Envisager"))]
    by_line = {r[0]: r for r in rows}
    assert by_line[9655][2:4] == (2008, 2009)
    assert by_line[9660][2:4] == (2007, 2007)


def test_per_village_table_with_a_first_column_of_headings_thionville_kenieba():
    """The first column holds band headings (`Projets 2000`) and delegation labels, the actions
    column one cell per village; projects take their band's year, delegations their dates (the
    dates column is level with the first column), budgets come per project from a column
    stretched to the projects column; a delegation with a date and no project is a project."""
    assert _rows(_actions("thionville_kenieba_12218.txt")) == [
        (12265, "A Nana-Kéniéba : Réhabilitation du dispensaire", 2000, 2000, (36000.0, "F")),
        (12268, "A Saguélé : Bosquet scolaire dans la cour de l’école", 2000, 2000, (33840.0, "F")),
        (12271, "A Komanfara : Installations solaires dans la case de santé", 2000, 2000, (23047.0, "F")),
        (12274, "A Karamokola : Motopompe pour culture de contre-saison", 2000, 2000, (29000.0, "F")),
        (12278, "Passerelle vers Nana-Kéniéba", 2000, 2000, (34600.0, "F")),
        (12280, "Visite des quatre villages", 2002, 2002, None),
        (12286, "À Nana-Kéniéba et à Karamokola : Bosquets scolaires dans la cour de l’école", 2002, 2002,
         (3940.0, "EUR")),
        (12290, "A Saguélé et à Komanfara ; Nouveaux Forages : Abandonnés", 2002, 2002, (0.0, None)),
        (12239, "Délégation de trois villageois : Mady CAMARA Djigui KEITA et Mamadou KEITA", 2004, 2004, None),
        (12299, "A Nana-Kéniéba : Banque de céréales", 2004, 2004, (4230.0, "EUR")),
        (12301, "A Saguélé et à Komanfara : Deux moulins à grains", 2004, 2004, (2477.0, "EUR")),
        (12303, "A Karamokola : Projet d’aviculture : Abandonné", 2004, 2004, (0.0, None)),
        (12307, "Visites des projets en cours", 2005, 2005, None),
        (12310, "Etude critique du Projet d’aviculture Et de son éventuel remplacement", 2005, 2005, None),
        (12316, "Visites des projets en cours", 2007, 2007, None),
    ]


def test_labels_in_front_of_rows_and_a_length_of_years_marly():
    """Rows carry their label in front (`Accès à l’eau Financement…`, a page footer between two
    rows); the one date `2007 pour 3 ans` is the last row's and gives 2007-2009. The project keeps
    its lines once its label is split off: `sages-` / `femmes` (l.8126-8127) is `sages-femmes`."""
    assert [(a.domain_raw, a.title, a.start, a.end) for a in _actions("marly_kita_8099.txt")] == [
        ("Infrastructures", "Construction de salles de classes", None, None),
        ("Infrastructures", "Adduction d’eau et électrification des marchés", None, None),
        ("Médical", "Délégation médicinale et de sages-femmes", None, None),
        ("Médical", "Envoi de médicaments et matériel médical", None, None),
        ("Accès à l’eau", "Financement de l’installation de bornes-fontaines dans différents quartiers de Kita",
         2007, 2009),
    ]


def test_dates_cell_with_its_amount_quetigny():
    """`2003-2007 4 millions de / FcfA` is the Education row's dates cell (both projects) and its
    amount (the first project's); the Santé dates stand line by line."""
    assert _rows(_actions("quetigny_koulikoro_10254.txt")) == [
        (10271, "Construction d’une bibliothèque", 1999, 2001, (25500000.0, "FCFA")),
        (10272, "Maternité", 2003, 2005, None),
        (10273, "Rénovation d’un CeSCom", None, None, None),
        (10284, "Construction de 9 classes", 2003, 2007, (4000000.0, "FCFA")),
        (10285, "Container de matériel pédagogique", 2003, 2007, None),
    ]


def test_periodicity_cell_with_its_amount_is_no_project_ille_et_vilaine():
    """`Chaque année 50 000 €` (l.4015, 4027, 4044) is the row's periodicity and its amount,
    written on one line after the project: two fields of the row above, never a project."""
    rows = _rows(_actions("ille_et_vilaine_mopti_3993.txt"))
    assert not [r for r in rows if "chaque" in r[1].lower()]
    by_line = {r[0]: r for r in rows}
    assert by_line[4011][4] == (50000.0, "EUR") and by_line[4011][2:4] == (None, None)
    assert by_line[4022][4] == (30000.0, "EUR")
    assert by_line[4039][4] == (30000.0, "EUR")
    assert by_line[4033][2:] == (2003, 2004, (60000.0, "EUR"))


# --- cell grammar, one rule at a time ----------------------------------------------------

def _seg(*lines: str) -> list[tuple[int, str]]:
    return [(100 + i, t) for i, t in enumerate(lines)]


def test_dates_column_keeps_comments_with_their_date():
    cells = cells_of(_seg("Début 1993 ", "Exploitation ", "Rénovation 2004 "), 0, "action")
    assert [(c.kind, c.text) for c in cells] == [("when", "Début 1993 Exploitation"), ("when", "Rénovation 2004")]
    cells = cells_of(_seg("Du 14 au 24 janvier  ", "2002 "), 0, "action")
    assert [(c.kind, c.text) for c in cells] == [("when", "Du 14 au 24 janvier 2002")]
    # a periodicity then a year are two dates cells
    cells = cells_of(_seg("Chaque année ", "2005 "), 0, "action")
    assert [c.text for c in cells] == ["Chaque année", "2005"]


def test_budget_column_label_is_no_amount():
    cells = cells_of(_seg("Phase 1 ", "20 000 Euros ", "Phase 2 ", "Attente devis "), 0, "when")
    assert [(c.kind, c.text) for c in cells] == [("label", "Phase 1"), ("budget", "20 000 Euros"),
                                                 ("label", "Phase 2"), ("budget", "Attente devis")]
    assert column_cells([], "when") == []


def test_dates_cell_ending_with_an_amount_is_split():
    def split(text):
        return [(c.kind, c.text) for c in split_mixed(Cell("when", [(1, text)], 0, 0, 0))]
    assert split("Juillet 2007 4 000 €") == [("when", "Juillet 2007"), ("budget", "4 000 €")]
    assert split("Livré en mars 2007 pour 19600 €") == [("when", "Livré en mars 2007"),
                                                        ("budget", "pour 19600 €")]
    assert split("2000 à 2005") == [("when", "2000 à 2005")]


def test_dates_cell_ending_with_a_bare_amount_is_split():
    """CR Nord-Pas de Calais–Kayes (`Budget (Euros)` column, l.5543-5560): `2004  10 000`,
    `2004-2005  32 015`, `2007 220 000` are a row's dates and its amount; two years stay dates."""
    def split(text):
        return [(c.kind, c.text) for c in split_mixed(Cell("when", [(1, text)], 0, 0, 0))]
    assert split("2004  10 000") == [("when", "2004"), ("budget", "10 000")]
    assert split("2004-2005  32 015") == [("when", "2004-2005"), ("budget", "32 015")]
    assert split("2007 220 000") == [("when", "2007"), ("budget", "220 000")]
    assert split("2003 2006") == [("when", "2003 2006")]
    assert split("1988,2002, 03, 04") == [("when", "1988,2002, 03, 04")]


def test_a_yearly_amount_with_its_comment_is_a_budget_cell():
    from indexer.parsers.cuf_cells import is_budget

    assert is_budget("117 340/an (moyenne)", False)  # l.5619-5620: never a project's title
    assert is_budget("44 500/an", False)
    assert not is_budget("Programme de formation des acteurs de l’éducation (école fondamentale)", False)


def test_a_total_over_a_period_gives_the_partnerships_years():
    """CR Île-de-France–Kayes, budget column header (l.5008-5012): `Total affectations : 3 677 549 €
    sur 7 ans (2000 à 2006)`: funding years, no project's budget; a total alone gives none."""
    from indexer.parsers.cuf import total_years

    body = _seg("Budget  ", "Total ", "affectations : ", "3 677 549 € sur ", "7 ans (2000 à ", "2006) ")
    assert total_years(body, 2008) == [2000, 2006]
    assert total_years(_seg("TOTAL 104 000"), 2008) == []
    assert total_years(_seg("Forage (2003 à 2005)"), 2008) == []


def test_periodicity_and_amount_in_one_cell_are_two_fields():
    def split(text):
        return [(c.kind, c.text) for c in split_mixed(Cell("action", [(1, text)], 0, 0, 0))]
    assert split("Chaque année 50 000 €") == [("when", "Chaque année"), ("budget", "50 000 €")]
    assert split("Démarrage fin 2006 28 800 euros") == [("when", "Démarrage fin 2006"), ("budget", "28 800 euros")]
    # a project's name before its amount stays a project
    assert split("Accueil des artisans à la foire de Rennes 2005 27 000 €")[0] == (
        "action", "Accueil des artisans à la foire de Rennes")


@pytest.mark.parametrize("text,title", [
    ("1 Maraîchage de 1 ha. Les femmes de l’Association sont en charge", "1 Maraîchage de 1 ha"),
    ("Construction. d’1 jardin d’enfants à Kla", "Construction. d’1 jardin d’enfants à Kla"),
    ("Envoi en octobre 2006 avec AFVP d’un jeune ingénieur", "Envoi avec AFVP d’un jeune ingénieur"),
    ("Achat-Transport d’un camion multibenne et de 4 bennes amovibles(14854 €)",
     "Achat-Transport d’un camion multibenne et de 4 bennes amovibles"),
])
def test_title_of_a_cell(text, title):
    assert title_of(text) == title


def test_durations_give_the_last_year():
    assert durations("2007 pour 3 ans").endswith("2007-2009")
    assert durations("Envoi en octobre 2006 avec AFVP pour 2 ans").endswith("2006-2008")
    assert durations("2000 à 2005") == "2000 à 2005"


def test_year_lists_are_read_whole():
    assert year_lists("1988,2002, 03, 04") == "1988, 2002, 2003, 2004"
    assert year_lists("1993,1997") == "1993, 1997"
    assert year_lists("56,50") == "56,50"


def test_an_amount_and_its_unit_on_the_next_line_are_one_cell():
    cells = cells_of(_seg("25 millions ", "CFA ", " ", "30 millions ", "CFA "), 0, "when")
    assert [(c.kind, c.text) for c in cells] == [("budget", "25 millions CFA"), ("budget", "30 millions CFA")]


def test_row_on_one_line_with_a_bare_amount_after_its_dates():
    row = "Sécurité alimentaire Plantation de néré en terres domaniales 2006-2007 1276"
    parts = split_mixed(Cell("action", [(1, row)], 0, 0, 0))
    assert [(c.kind, c.text) for c in parts] == [("domain", "Sécurité alimentaire"),
                                                 ("action", "Plantation de néré en terres domaniales"),
                                                 ("when", "2006-2007"), ("budget", "1276")]


def test_header_lines_go_on_in_lower_case():
    cells = cells_of(_seg("Domaines d’intervention               Actions réalisées ",
                          "par des opérateurs du NPDC et de Kayes ", "avec le soutien de la RNPDC "), 0, None)
    assert cells == []


def test_a_rows_label_printed_between_its_projects():
    """AIMF sheets print a row's label level with the row's middle, between its two projects."""
    from indexer.parsers.cuf_table import table_rows
    body = _seg("Appui à la modernisation et à la ", "fiabilisation de l’état civil ", "", "État civil ",
                "Formation de cadres municipaux  ", "", "2002 – 2004  40 000 € ")
    rows = table_rows(body)
    assert [(r.text, r.domain) for r in rows] == [
        ("Appui à la modernisation et à la fiabilisation de l’état civil", "État civil"),
        ("Formation de cadres municipaux", "État civil")]
    assert [c.text for c in rows[0].when] == ["2002 – 2004"] and [c.text for c in rows[0].budget] == ["40 000 €"]


def test_a_rows_label_between_its_projects_after_a_gap_or_on_the_projects_line():
    """The label printed level with its row's middle may end the first project's segment, its next
    project after a gap (AIMF–Sikasso l.13582-13586), or stand in a segment of its own, between
    gaps (AIMF–Mopti l.13448-13455, AIMF–Bamako's `Santé` l.13098-13111): it is the row's label,
    not a project, and it labels the projects above it; the row's amount is its first project's,
    as on the sheets where the label and the next project share a segment."""
    from indexer.parsers.cuf_table import table_rows
    sikasso = table_rows(_seg("Appui à la modernisation de l’état civil ", "État civil ", "",
                              "Formation de cadres municipaux ", " 33 000 € ", "",
                              "Bonne gouvernance Modernisation des services financiers  11 500 € "))
    assert [(r.text, r.domain) for r in sikasso] == [
        ("Appui à la modernisation de l’état civil", "État civil"),
        ("Formation de cadres municipaux", "État civil"),
        ("Modernisation des services financiers", "Bonne gouvernance")]
    mopti = table_rows(_seg(" ", "", "Appui à la modernisation et à la ", "fiabilisation de l’état civil ", "",
                            "État civil ", "", "Formation de cadres municipaux  ", "", " 33 000 € ", ""))
    assert [(r.text, r.domain) for r in mopti] == [
        ("Appui à la modernisation et à la fiabilisation de l’état civil", "État civil"),
        ("Formation de cadres municipaux", "État civil")]
    assert [c.text for c in mopti[0].budget] == ["33 000 €"] and not mopti[1].budget
    bamako = table_rows(_seg("Secteur marchand Formation d’artisans de secteur informel  48 000 € ", "",
                             "Construction et équipement de deux centres de ", "santé ", "",
                             "Formation de personnels de santé ", "2000 ", "",
                             "Création et équipement d’un centre de chirurgie ", "ophtalmologique Depuis 2003 ", "",
                             "Santé ", "", "Don de matériel médical 1999 ", "", "350 000 € ", ""))
    assert [r.domain for r in bamako] == ["Secteur marchand", "Santé", "Santé", "Santé", "Santé"]
    assert [[c.text for c in r.budget] for r in bamako] == [["48 000 €"], ["350 000 €"], [], [], []]


def test_dangling_cells_go_on_past_a_header_word_roncq_ivry_saint_denis():
    """A cell whose line ends on a dangling word goes on with the next line, even when that line
    reads like a header word or a date: `En continu depuis` / `1987` (l.10835, 10925) is a dates
    cell, `Intégré dans un` / `budget global` / `du projet` (l.6958) a budget cell, and
    `Campagne de sensibilisation dans le` / `domaine du suivi prénatal…` (l.11054) one project."""
    roncq = _rows(_actions("roncq_selinkegny_10700.txt"))
    assert not [r for r in roncq if r[1].startswith("En continu")]
    # 18 projects of the table's rows, and the awareness items at Roncq: `- Participation au réseau Liane` /
    # `Coopération et au CRDTM.` (l.10902-10903) is one item (its second line has no dash); the first two
    # items (`A Roncq - Sensibilisation…` / `- - Aides ponctuelles…`, l.10892-10894) are still read as one
    assert len(roncq) == 22
    assert "Participation au réseau Liane Coopération et au CRDTM" in [r[1] for r in roncq]
    by_line = {r[0]: r for r in roncq}
    assert by_line[10825][2:4] == (1987, 1987)  # `Des membres de l’association…`, level with it
    assert by_line[10892][2] == 1987  # `A Roncq - Sensibilisation…`: the row `En continu depuis 1987`
    ivry = _actions("ivry_dianguirde_6905.txt")
    assert not [a for a in ivry if a.title.startswith("Intégré")]
    assert len(ivry) == 11  # `Echanges culturels / animation…` (l.6992): the first column, no project
    assert "budget global" in next(a for a in ivry if a.sources[0].first_line == 6945).original_text
    denis = _rows(_actions("saint_denis_djelebou_11027.txt"))
    assert [r[1] for r in denis] == [
        "Approvisionnement en médicaments génériques dans les 6 centres de santé communautaires",
        "Amélioration de la qualité des soins dispensés",
        "Campagne de sensibilisation dans le domaine du suivi prénatal et de la prévention du sida",
        "Développement d’une formation agricole, construction de puits"]


def test_an_amount_closing_a_range_is_the_projects_words_bures():
    """`Micros crédits Prêts individuels sur un an de 75 à 150 €` (l.1534): `150 €` ends the
    range of the loans, not the row's budget; the budget column's `750 €` / `1 500 €` (l.1540-1541)
    go to the two rows level with them."""
    rows = _rows(_actions("bures_korera_kore_1468.txt"))
    assert len(rows) == 14
    assert rows[-2:] == [(1534, "Prêts individuels sur un an de 75 à 150 €", 1999, 1999, (750.0, "EUR")),
                         (1535, "Accord avec caisse locale de crédit", 2006, 2006, (1500.0, "EUR"))]


def test_an_acronym_alone_ends_the_line_above_la_fleche():
    """`fonctionnement des services : échange` / `D.G.S` (l.7154-7155): one project; `-commune`
    (l.7152) stays, a one-word bullet of the source."""
    titles = [r[1] for r in _rows(_actions("la_fleche_markala_7136.txt"))]
    assert "Fonctionnement des services : échange D.G.S" in titles
    assert "D.G.S" not in titles and len(titles) == 11


def test_a_project_cut_by_its_date_or_amount_goes_on_montreuil_saumur():
    """Montreuil–Yélimané: `… associations de jeunes du cercle de` / `2008` / `Yélimané.` (l.9036-
    9040) is one project, and the `-` of its budget column (l.9047) no project; the PADDY table's
    `VOLET 3 : … LIQUIDES ET` / `SOLIDES` (l.9414-9416) is one heading, over the project of l.9417.
    Saumur–Sansanding: the paragraphs cut by their amounts (`(Il existe déjà` / `4 500,00 €` / `d’autres périmètres…`,
    `permettraient de` / `6 000,00 €` / `mieux faire connaître…`) are four projects, each with
    the amount written in it."""
    mont = _rows(_actions("montreuil_yelimane_8880.txt"))
    assert len(mont) == 11 and all(r[1] for r in mont)
    assert not [r for r in mont if r[1].startswith("Yélimané")]
    assert next(r for r in mont if r[0] == 9032)[1].endswith("du cercle de Yélimané")
    paddy = _actions("montreuil_yelimane_paddy_9279.txt")
    assert not [a for a in paddy if a.title == "SOLIDES"]
    # the heading's two parts are one domain label; l.9417 is the first project under it, not the heading
    at_9417 = [(a.title, a.domain_raw) for a in paddy if a.sources[0].first_line == 9417]
    assert at_9417 == [("Traitement des déchets liquides et solides",
                        "VOLET 3 : VOLET ASSAINISSEMENT ET TRAITEMENT DES DECHETS LIQUIDES ET SOLIDES")]
    saumur = _rows(_actions("saumur_sansanding_11675.txt"))
    assert [(r[0], r[4]) for r in saumur] == [(11684, (10000.0, "EUR")), (11710, (4500.0, "EUR")),
                                              (11763, (3000.0, "EUR")), (11792, (6000.0, "EUR"))]


def test_a_lead_in_over_items_with_their_own_dates_names_each_item_nord_pas_de_calais():
    """CR Nord-Pas de Calais–Kayes: `Appui institutionnel à l’ARK :` / `- en  logistique` / `- en
    animations territoriales` (l.5334-5336) beside `2001(au démarrage)` / `2003 sur 2 ans`
    (l.5341-5342) and `18 295` / `15 245` (l.5346-5347): two projects, each named by the lead-in
    and its item, each with its own dates and amount; the lead-in is no project of its own. The
    amounts are bare, and the column's heading says what they are: `Budget` / `(Euros)` (l.5330-5331)."""
    rows = _rows(_actions("nord_pas_de_calais_kayes_5321.txt"))
    ark = [r for r in rows if "ARK" in r[1] or r[1].startswith("en ")]
    assert ark == [(5335, "Appui institutionnel à l’ARK : en logistique", 2001, 2001, (18295.0, "EUR")),
                   (5336, "Appui institutionnel à l’ARK : en animations territoriales", 2003, 2004, (15245.0, "EUR"))]
    assert next(r for r in rows if r[0] == 5349)[1] == "Missions d’échanges institutionnels entre les 2 Régions"


def test_numbered_row_labels_are_no_amounts_lyon_bamako():
    """CU Lyon–District de Bamako: the first column numbers its rows (`1. Déplacements et` … `7.
    Finances locales`). A numbered label after a dates column is no amount (`2. Gestion des
    déchets Envoi d’une benne…`, l.7890), a numbered label in front of its project is split off
    (`4. Développement urbain Séminaire…`, l.7954), and `3. Assainissement … pauvreté »` / `avec à
    terme la création d’une direction des projets…` (l.7904-7916), narrow, is the row's label."""
    acts = _actions("lyon_bamako_7865.txt")
    got = [(a.sources[0].first_line, a.title[:40].strip(), a.start, a.domain_raw and a.domain_raw[:22]) for a in acts]
    assert got == [
        (7883, "5 carrefours ont été équipés", 2005, "1. Déplacements et sig"),
        (7890, "Envoi d’une benne tasseuse et formation", 2002, "2. Gestion des déchets"),
        (7893, "Envoi de 2 bennes", 2008, "2. Gestion des déchets"),
        (7922, "Renforcement des capacités d’action du d", 2003, "3. Assainissement et l"),
        (7928, "Opération pilote dans un quartier de la", 2005, "3. Assainissement et l"),
        (7936, "Recherche de financement PPTE", 2008, "3. Assainissement et l"),
        (7954, "Séminaire sur le développement urbain et", 2008, "4. Développement urbai"),
        (7961, "Dossier de demande de financement auprès", 2008, "5. Eau potable"),
        (7970, "Analyse de la situation locale et précon", 2007, None),
        (7972, "Envoi de matériels informatiques", 2008, None),
        (7980, "Analyse du budget et des capacités finan", 2008, "7. Finances locales"),
        (7984, "Dossier suivi en partenariat avec Montré", 2008, "7. Finances locales")]
    assert all(a.budget is None for a in acts)


def test_a_long_label_wrapped_narrow_is_the_first_column_montreuil():
    """Montreuil–Yélimané: `Autres initiatives de` / `micro-projets déposés` / `par les migrants ou les`
    / `populations du cercle` (l.9050-9053), 88 characters wrapped at 23, before `Depuis 2008, le
    PJCMY soutient financièrement les micro-projets…` (l.9056): the row's label, not a project."""
    mont = _rows(_actions("montreuil_yelimane_8880.txt"))
    assert not [r for r in mont if r[1].startswith("Autres initiatives")]
    assert next(r for r in mont if r[0] == 9056)[2] == 2008


def test_rows_written_on_their_lines_with_the_label_above_essonne():
    """CG Essonne writes each row on its own lines, label first: a label on a line of its own over
    the project (`Sécurité alimentaire` / `Programme d'appui…`) labels it and is no project; a label
    before a project of one word (`Appui institutionnel Cartographie`) is split off; the budget
    column's `en cours` after the dates (`… 2008 en cours`, `… collèges en cours  en cours`) is no
    part of the title, and it tells the status. Its bare amounts (`12 747`) are euros: the column's
    heading says so (`Budget` / `(en euros)`, l.3399-3400)."""
    acts = _actions("essonne_douentza_3393.txt")
    assert {a.budget.currency for a in acts if a.budget} == {"EUR"}
    rows = [(a.sources[0].first_line, a.title, a.domain_raw, a.start, a.end,
             a.budget.amount if a.budget else None, a.status) for a in acts]
    assert len(rows) == 14
    assert rows[0] == (3402, "Cartographie", "Appui institutionnel", 2006, 2007, 12747.0, "réalisé")
    assert rows[2] == (3407, "Programme d'appui pour la promotion de semences et la sécurité alimentaire",
                       "Sécurité alimentaire", 2006, 2007, 7958.0, "réalisé")
    assert rows[4][1:3] == ("Valorisation de l'institution du Conseil de Cercle", "Appui institutionnel")
    assert rows[7] == (3420, "Mise à disposition d'un agent malien", "Appui institutionnel", 2006, 2007, None,
                       "en cours")
    assert rows[9][1:] == ("Mise à disposition d’un véhicule et de matériel informatique", "Appui institutionnel",
                           2008, 2008, None, "en cours")
    assert rows[13][1:] == ("Planification, construction et équipement de collèges", "Appui institutionnel",
                            None, None, None, "en cours")
    assert not any(title in ("Appui institutionnel", "Sécurité alimentaire") for _, title, *_ in rows)


@pytest.mark.parametrize("line, labelled, label, project", [
    # Pontcharra–Dembella (l.9902, 9915): a row written on one line, its label in front
    ("Désenclavement Pistes, ponts, ponts-radiers  ", False, "Désenclavement", "Pistes, ponts, ponts-radiers"),
    ("Promotion féminine Plateforme multifonctionnelle, électricité  ", True, "Promotion féminine",
     "Plateforme multifonctionnelle, électricité"),
])
def test_a_rows_label_in_front_of_its_project_pontcharra(line, labelled, label, project):
    parts = split_mixed(Cell("action", [(1, line)], 0, 0, 0), labelled)
    assert [(c.kind, c.text.strip()) for c in parts] == [("domain", label), ("action", project)]


def test_dashed_items_and_the_lines_under_them_cachan():
    """Cachan–Diakon lists its projects with dashes, each followed by lines about it: those lines,
    without a dash, are the item's description (`-Réalisation de la Mairie de Diakon` / `Aide de la ville
    de Cachan au montage technique du dossier (2001-2002)`, `-Construction de 7 puits…` / `Prise en
    charge de l’étude technique…`), not projects of their own: seven projects, as seven dashes."""
    acts = _actions("cachan_diakon_1664.txt")
    assert [a.title for a in acts] == [
        "Le Barrage de Trantimou", "Réalisation d’un pont en béton à la demande du village de Kembélé",
        ("Aménagement de la route entre Diakon et Guiedigui permettant de préserver le site pendant la saison "
         "des pluies"), "Réalisation de la Mairie de Diakon",
        "Construction de 7 puits à grand diamètre pour les différents villages", "Le désenclavement du Soroma",
        "Le puit de Kabida"]
    mairie, puits = acts[3], acts[4]
    assert "montage technique du dossier" in mairie.description
    assert "Prise en charge de l’étude technique" in puits.description and (puits.start, puits.end) == (2001, 2002)
