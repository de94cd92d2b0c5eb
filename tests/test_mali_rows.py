"""Rows of the Mali actions tables, second pass (audit round 18, `mali1.md` and `mali2.md`): amounts
written on their dates' line, cells split at a line wrap, headings and date cells taken as projects.

Fixtures are copied unchanged from `data/mali-repertoire-2008.txt` (see `test_mali_labels.py`); the
expected values were read from the source lines, never from the parser's output.
"""
from __future__ import annotations

from indexer.parsers.cuf_cells import Cell, kind_of
from indexer.parsers.cuf_mixed import split_mixed
from indexer.registry import get
from test_mali_tables import _actions, _rows


def _split(*lines: str) -> list[tuple[str, str]]:
    text = " ".join(lines)
    return [(c.kind, c.text) for c in split_mixed(Cell(kind_of(text), [(i + 1, t) for i, t in enumerate(lines)],
                                                       0, 0, 0))]


def test_an_amount_on_its_dates_line():
    """`1998 2500€/an` (Chaumont–San l.2098), `Depuis 2002,  80 014/an` / `(moyenne)` (CR Nord-Pas-de-Calais
    l.5655), `2006 (18 mois)  60 000` (l.5509), `2000 annuel 50` (Quimperlé–Nara l.10449): the row's dates,
    then its amount; another year or a small bare number is no amount."""
    assert _split("1998 2500€/an") == [("when", "1998"), ("budget", "2500€/an")]
    assert _split("Depuis 2002,  80 014/an", "(moyenne)") == [("when", "Depuis 2002"),
                                                              ("budget", "80 014/an (moyenne)")]
    assert _split("2006 (18 mois)  60 000") == [("when", "2006 (18 mois)"), ("budget", "60 000")]
    assert _split("2000 annuel 50") == [("when", "2000 annuel"), ("budget", "50")]
    assert _split("2003 2006") == [("when", "2003 2006")]
    assert _split("2004, 2005") == [("when", "2004, 2005")]
    assert _split("2002 - 2003 45") == [("when", "2002 - 2003 45")]


def test_an_approximate_amount_per_person_nord_pas_de_calais():
    """`+ou-` / `1 500 (par` / `pers/sem.)` in the budget column (l.5356-5358), `2005 +ou- 1500` / `par pers/sem`
    after the dates (l.5441), `2003, 2005, 2006 +ou- 1500` / `(par pers /mission` / `d'une sem.)` (l.5536): each
    mission's amount, about 1 500 € per person and week; a year after `+ou-` is none."""
    assert _split("2005 +ou- 1500", "par pers/sem") == [("when", "2005"), ("budget", "+ou- 1500 par pers/sem")]
    assert _split("2003, 2005, 2006 +ou- 1500", "(par pers /mission", "d’une sem.)") == [
        ("when", "2003, 2005, 2006"), ("budget", "+ou- 1500 (par pers /mission d’une sem.)")]
    assert kind_of("+ou- 1 500 (par pers/sem.)") == "budget"
    assert kind_of("+ou- 2005") != "budget"
    got = {a.sources[0].first_line: a.budget.amount if a.budget else None
           for a in _actions("nord_pas_de_calais_kayes_5321.txt")}
    assert [got[line] for line in (5349, 5438, 5531, 5608)] == [1500.0] * 4


def test_a_project_written_with_its_dates_and_amount_nord_pas_de_calais():
    """`Appui au CCC de Diéma  2004, 2005, 2006,  35 520 /an` / `(moyenne)` (l.5375-5376): the project, its
    years 2004-2006 and its yearly amount, none of them in the title; the next row's `2005, 2006,   88 540 /an`
    (l.5382) keeps its amount."""
    got = {a.sources[0].first_line: (a.title, a.start, a.end, a.budget.amount if a.budget else None)
           for a in _actions("nord_pas_de_calais_kayes_5321.txt")}
    assert got[5375] == ("Appui au CCC de Diéma", 2004, 2006, 35520.0)
    assert got[5378][1:] == (2005, 2006, 88540.0)
    assert got[5649][1:] == (2002, 2002, 80014.0)


def test_a_decade_is_no_year():
    """`Date de début des contacts : années 1990 par le comité de jumelage` (Ivry–Dianguirdé l.6869) and
    `dans les années 1990 et 2000` (Maroc l.91) name decades, not the years 1990 and 2000; `les années 2004
    et 2005` are two years."""
    from indexer.parsers import dates
    assert dates.years("années 1990 par le comité de jumelage", 2008).found == []
    assert dates.years("se sont multipliés dans les années 1990 et 2000 pour", 2008).found == []
    assert dates.years("au cours des années 2004 et 2005", 2008).found == [2004, 2005]
    assert dates.years("années 2000 et 2001", 2008).found == [2000, 2001]


def test_a_length_goes_with_the_nearest_year_nord_pas_de_calais():
    """`2002(expérimentation` / `2004 sur 3 ans` (CR Nord-Pas-de-Calais l.5409-5410): three years from 2004
    end in 2006, the experimental phase of 2002 opening the action."""
    from indexer.parsers.cuf_text import durations
    assert durations("2002(expérimentation 2004 sur 3 ans").endswith(": 2004-2006")
    got = {a.sources[0].first_line: (a.start, a.end) for a in _actions("nord_pas_de_calais_kayes_5321.txt")}
    assert got[5404] == (2002, 2006)


def test_a_label_before_a_column_gap_or_an_adjective_in_front_ivry_quimperle():
    """`Accès à l’eau  En cours de réalisation : campagne…` (Ivry–Dianguirdé l.6918): a label naming a
    domain, then the wide gap between two columns; `Scolaire Bibliothèques scolaires` (Quimperlé–Nara
    l.10394): an adjective before a capitalised word can only be the label (a French adjective of this kind
    never stands before its noun), and labels the row's next project too."""
    ivry = _actions("ivry_dianguirde_6905.txt")[0]
    assert (ivry.domain_raw, ivry.title[:40]) == ("Accès à l’eau", "En cours de réalisation : campagne de 18")
    got = [(a.sources[0].first_line, a.title, a.domain_raw) for a in _actions("quimperle_nara_10380.txt")]
    assert got[:2] == [(10394, "Bibliothèques scolaires", "Scolaire"),
                       (10395, "Construction école primaire", "Scolaire")]


def test_a_label_alone_goes_on_in_front_of_the_project_below_quimperle():
    """Quimperlé–Nara (l.10422-10426): `Handicapés` alone, then `Maraichage Chaussettes d’irrigation`, in a
    table whose rows above had their label on a line of its own (`Femmes`): one label on two lines over the
    three projects, not a new label replacing it. Where the rows carry their label in front (Bures-sur-Yvette
    l.1504-1511: `Scolaire Rénovation…`, `Jeunes` alone, `Eau Creusement…`), the lone label is an empty row's."""
    got = [(a.sources[0].first_line, a.title, a.domain_raw) for a in _actions("quimperle_nara_10380.txt")]
    assert got[5:8] == [(10424, "Chaussettes d’irrigation", "Handicapés Maraichage"),
                        (10425, "Spiruline (diffusion)", "Handicapés Maraichage"),
                        (10426, "Ortemise (diffusion)", "Handicapés Maraichage")]
    bures = {a.sources[0].first_line: a.domain_raw for a in _actions("bures_korera_kore_1468.txt")}
    assert bures[1511] == "Eau"


def test_a_periodicity_with_its_aside_is_a_dates_cell_nord_pas_de_calais():
    """`Tous les ans` / `(dispositif bourse ou appel à projets)` (l.5525-5527) is the dates cell of
    `Projets d’échanges de jeunes et de lycées agricoles du NPDC`, not a project; an aside in brackets
    after a project is still a project."""
    assert kind_of("Tous les ans (dispositif bourse ou appel à projets)") == "when"
    assert kind_of("Formation des élus (dispositif régional)") == "action"
    titles = [a.title for a in _actions("nord_pas_de_calais_kayes_5321.txt")]
    assert not [t for t in titles if t.startswith("Tous les ans")]
    assert "Projets d’échanges de jeunes et de lycées agricoles du NPDC" in titles


def test_a_rows_one_date_below_its_projects_dates_them_all_bures():
    """Bures' `Santé` row: three projects (l.1482-1487), then, after blank lines, its one date `2005` and
    one amount `2 000 €`, set lower to centre them on the row; its `Eau` row the same, `2004-2005` under
    three water works (l.1511-1514), with the empty `Jeunes` row's label above it. The date dates every
    project of its row (read level with the last project, it dated that one only); the amount stays one
    project's: a row's total is not each project's budget."""
    rows = {a.sources[0].first_line: (a.start, a.end, a.budget.amount if a.budget else None)
            for a in _actions("bures_korera_kore_1468.txt")}
    assert [rows[n][:2] for n in (1482, 1483, 1485)] == [(2005, 2005)] * 3
    assert [rows[n][:2] for n in (1511, 1513, 1514)] == [(2004, 2005)] * 3
    for row in ((1482, 1483, 1485), (1511, 1513, 1514)):
        assert sum(1 for n in row if rows[n][2]) == 1


def test_a_label_of_revenue_earning_activities_heads_its_row_saint_jean_de_la_ruelle():
    """`Activités` / `Rémunératrices` (l.11371-11372) is the last row's label, Développement économique:
    read as no domain, it left `Jardin des femmes` and `Plateforme Multi fonctionnelle` without one."""
    acts = _actions("saint_jean_de_la_ruelle_dioila_11337.txt")
    labels = {a.title: (a.domain_raw, a.domains[:1]) for a in acts}
    assert labels["Jardin des femmes"] == ("Activités Rémunératrices", ["Développement économique"])
    assert labels["Plateforme Multi fonctionnelle"][0] == "Activités Rémunératrices"


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


def test_a_rows_one_item_is_described_without_its_list_mark_allonnes_sangha():
    """Allonnes-Sangha (l.683-730) writes each row of its actions cell as an item (`-paiement des
    salaires en retard des`, `- rencontre avec la population, des`): each is an action of its own,
    titled without the mark; its description began with the dash before any list (79 such actions).
    A row of several items keeps their marks."""
    from indexer.parsers.cuf import _one_item_unmarked

    descriptions = [a.description for a in _actions("allonnes_sangha_683.txt")]
    assert descriptions == [
        "paiement des salaires en retard des enseignants + aide à l’achat de médicaments pour la carte de santé",
        "envoi de deux malles offertes par les magasins Leclerc lors de la signature des partenariats",
        "rencontre avec la population, des associations",
        "correspondance entre les enfants scolarisés en primaire (une classe)"]
    # Dourdan-Troumgoumbé l.6133-6136, two items in one cell
    two = ["- Surcreusement de trois puits au ", "périmètre maraîcher des femmes. ", "",
           "- Extension du réseau d’eau potable "]
    assert _one_item_unmarked(two) == ("- Surcreusement de trois puits au périmètre maraîcher des femmes. "
                                       "- Extension du réseau d’eau potable")
