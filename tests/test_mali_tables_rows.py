"""Mali action tables read row by row, continued from test_mali_tables.py (which reached the 600-line
limit): labels on the next row's line, date lines under several labels, first-column-only tables, worded
budgets and the text kept as written."""
from __future__ import annotations

from indexer.registry import get
from test_mali_tables import _actions, _rows


def test_a_label_on_the_next_rows_line_is_that_rows_saint_jean_de_la_ruelle():
    """` Santé Recyclage des personnels de santé` (l.11361) opens the Santé row on its own line: the
    project above it, `Réfection des classes` (l.11360), stays under `Education` (a label standing one
    line below a row's top is that row's only when no other row starts on its line)."""
    acts = _actions("saint_jean_de_la_ruelle_dioila_11337.txt")
    by_title = {a.title: a.domain_raw for a in acts}
    assert by_title["Réfection des classes"] == "Education"
    assert by_title["Recyclage des personnels de santé"] == "Santé"
    assert by_title["Fournitures scolaires"] == "Education"


def test_a_date_line_under_the_projects_of_several_labels_is_the_last_label_s_saint_jean_de_la_ruelle():
    """Read row by row (a label, its projects, then its `date budget` line): `2008/ 2009 3500 Euros` (l.11367),
    under the Education projects (no line of their own) and the Santé ones, dates the Santé row's three
    projects and its amount is the first's (it went to `Alphabétisation`, the table's first project)."""
    rows = {r[1]: r[2:] for r in _rows(_actions("saint_jean_de_la_ruelle_dioila_11337.txt"))}
    assert rows["Alphabétisation"] == rows["Réfection des classes"] == (None, None, None)
    assert rows["Recyclage des personnels de santé"] == (2008, 2009, (3500, "EUR"))
    assert rows["Réfection des locaux :CESCOM"] == rows["Equipements (petits matériels)"] == (2008, 2009, None)
    assert rows["Jardin des femmes"] == (2008, 2009, (2000, "EUR"))


def test_a_lower_case_line_after_a_gap_ends_the_project_above_and_is_no_label_maurepas():
    """Maurepas–Mopti: `- Directeur des services` / (empty line) / `techniques de Mopti` (l.8525-8527)
    is one project; read as a label (`techniques` names a domain), the line cut the row in two and
    the three dates and amounts beside the three trainings all went to the last one."""
    rows = _rows(_actions("maurepas_mopti_8509.txt"))
    assert rows[2:5] == [
        (8542, "Secrétaire Général directeur financier de Mopti", 2000, 2000, (17082.0, "F")),
        (8546, "Directeur des services techniques de Mopti", 2002, 2002, (1004.0, "EUR")),
        (8552, "3 agents Maliens (Finances, D.R.H, informatique)", 2005, 2005, (5089.0, "EUR")),
    ]


def test_a_table_whose_rows_write_only_their_first_column_rennes():
    """Rennes–Bandiagara (l.10564-10583): each row writes its first cell, then a line of spaces for
    its empty projects, dates and budget cells. Each first cell is then the row's project and its label
    (the convention: the first column's text is the title when the second is empty); before, the first
    was read as the second's label and the third was dropped."""
    from indexer.parsers.cuf_table import table_rows
    body = [(1, "Domaines "), (2, "d’intervention "), (3, ""), (4, "                Actions réalisées "), (5, ""),
            (6, " "), (7, "Soutien à la production "), (8, "maraîchère "), (9, " "), (10, ""), (11, "   "), (12, ""),
            (13, " "), (14, "Projets de soutien à la "), (15, "génération de revenus "), (16, " "), (17, ""),
            (18, "   "), (19, ""), (20, " "), (21, "Appui à la "), (22, "décentralisation "), (23, " "), (24, ""),
            (25, "   ")]
    assert [(r.text, r.domain) for r in table_rows(body)] == [
        ("Soutien à la production maraîchère", "Soutien à la production maraîchère"),
        ("Projets de soutien à la génération de revenus", "Projets de soutien à la génération de revenus"),
        ("Appui à la décentralisation", "Appui à la décentralisation")]
    # a label, a gap, then its projects and dates (Montreuil–Yélimané, l.8926-8942): the label stays a label
    body = [(1, " "), (2, "Appui à la "), (3, "décentralisation "), (4, "Citoyenneté "), (5, ""), (6, " "), (7, ""),
            (8, " "), (9, "L’appui aux communes s’est concrétisé par la "), (10, "formation de leurs élus. "),
            (11, ""), (12, "2002-2008  ")]
    rows = table_rows(body)
    assert [r.text for r in rows] == ["L’appui aux communes s’est concrétisé par la formation de leurs élus."]
    assert rows[0].domain is not None and rows[0].domain.startswith("Appui à la décentralisation")
    # after rows with projects, a last label over empty cells is an empty row's label, no project
    body = [(1, "Domaines "), (2, "d’intervention "), (3, ""), (4, "                Actions réalisées "), (5, ""),
            (6, "Santé "), (7, ""), (8, "Construction d'un dispensaire "), (9, ""), (10, "2004 "), (11, ""),
            (12, "3000 € "), (13, ""), (14, "Jeunesse "), (15, ""), (16, "   ")]
    assert [(r.text, r.domain) for r in table_rows(body)] == [("Construction d'un dispensaire", "Santé")]


def test_a_year_in_front_of_a_worded_budget_dates_the_row_allonnes():
    """Allonnes–Sangha (l.706-712): `Matériel scolaire -envoi de deux malles…` beside `2005 Gratuit pour` /
    `notre` / `collectivité`, one cell of the budget column by its words: its year is the row's date (2005),
    the rest its budget, which names no amount; an amount written so stays one (`2005 3000 Euros`)."""
    from indexer.parsers.cuf_table import table_rows
    body = [(706, "Matériel scolaire -envoi de deux malles offertes par les "), (707, "magasins Leclerc lors de la "),
            (708, "signature des partenariats "), (709, ""), (710, "2005 Gratuit pour "), (711, "notre "),
            (712, "collectivité ")]
    (row,) = table_rows(body)
    assert [c.text for c in row.when] == ["2005"]
    assert [c.text for c in row.budget] == ["Gratuit pour notre collectivité"]


def test_an_action_s_text_keeps_each_source_line_and_its_cells_order():
    """original_text as the source writes it: CG Essonne–Douentza l.3402 `Appui institutionnel Cartographie
    2006-2007 12 747` gives `Cartographie 2006-2007 12 747` (was `12 747` / `2006-2007` / `Cartographie`, one
    cell a line, sorted), l.3427-3428's cut cell stands before the dates on its second line; Allonnes–Sangha
    l.706-710's `2005 3000  Euros` stays one line (round 46's review, #7)."""
    essonne = {a.sources[0].first_line: a.original_text for a in _actions("essonne_douentza_3393.txt")}
    assert essonne[3402] == "Cartographie 2006-2007 12 747"
    assert essonne[3427] == "Mise à disposition d’un véhicule et de matériel informatique 2008 en cours"
    reader = get("mali-repertoire-2008.txt").make_reader()
    body = [(697, "Aide d’urgence "), (698, "Education et Santé "), (699, ""),
            (700, "-paiement des salaires en retard des "), (701, "enseignants + aide à l’achat de "),
            (702, "médicaments pour la carte de santé "), (703, ""), (704, "2005 3000  Euros ")]
    (a,) = reader.actions(body)
    assert a.original_text.split("\n")[-1] == "2005 3000 Euros"
