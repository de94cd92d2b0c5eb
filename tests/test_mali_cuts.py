"""Rows of the Mali actions tables cut wrongly (audit r41 qa3, defect 3): a name cut over two lines, a
dates column's words printed inside the project they date or in a segment of their own, one
programme's yearly amounts spread over its neighbours, a project's description after a colon.

Fixtures are copied unchanged from `data/mali-repertoire-2008.txt` (see `test_mali_tables.py`); the
expected values were read from the source lines, never from the parser's output.
"""
from __future__ import annotations

from indexer.parsers.cuf_cells import Cell, cells_of
from indexer.parsers.cuf_rows import Row, yearly_amounts
from indexer.parsers.cuf_text import title_of
from test_mali_tables import _actions


def _cells(*lines: str) -> list[str]:
    return [c.text for c in cells_of([(i + 1, t) for i, t in enumerate(lines)], 0)]


def test_a_name_cut_over_two_lines_is_one_cell():
    """`Aide attribuée à Handicap` / `International :pour des actions` (CG Ain l.12815-12816): the
    organisation's name goes on, no new project; a project after a finished name still starts one."""
    assert _cells("Aide attribuée à Handicap", "International :pour des actions", "réalisées  à Hamzakoma") == [
        "Aide attribuée à Handicap International :pour des actions réalisées à Hamzakoma"]
    assert len(_cells("Jumelage avec Kati", "Envoi de livres")) == 2


def test_cg_ain_one_project_per_row_its_dates_and_its_yearly_amounts():
    """CG Ain (l.12790-12869): the Handicap International project is one action, not two; its three
    `38 112 € sur l’exercice 2000 / 2001 / 2002` are the yearly amounts of the one programme dated
    `Programme sur 3 ans (2000, 2001 et 2002)`, not one amount per neighbouring cell; `Fin
    consolidation et perspective retrait fin 2007` is the dates cell of the training row, not a
    project. (The first column's two sentences, l.12801-12812, are still read as projects.)"""
    got = {a.sources[0].first_line: a for a in _actions("ain_12790.txt")}
    aid = got[12815]
    assert aid.title.startswith("Aide attribuée à Handicap International :pour des actions réalisées à Hamzakoma")
    assert aid.title.endswith("banques de céréales)") and (aid.start, aid.end) == (2000, 2002)
    assert 12816 not in got and 12867 not in got
    budgets = {n: a.budget.text if a.budget else None for n, a in got.items()}
    assert budgets[12801] == "38 112 € sur l’exercice 2000 38 112 € sur l’exercice 2001 38 112 € sur l’exercice 2002"
    assert budgets[12806] is None and budgets[12815] is None
    training = got[12861]
    assert training.title.startswith("Financement d’actions de formation de 76 responsables")
    assert (training.start, training.end) == (2007, 2007)


def test_yearly_amounts_go_together_only_for_one_shared_dates_cell():
    when = Cell("when", [(1, "Programme sur 3 ans (2000, 2001 et 2002)")], 0, 1, 0)
    amounts = [Cell("budget", [(n, f"38 112 € sur l’exercice {y}")], n, 2, 0) for n, y in ((1, 2000), (3, 2001),
                                                                                           (5, 2002))]
    rows = [Row(None, [Cell("action", [(n, "Projet")], n, 0, 0)], when=[when]) for n in (1, 2, 3)]
    assert yearly_amounts(amounts, rows)
    assert not yearly_amounts(amounts[::-1], rows)  # years out of order: read by position
    own = [Row(None, [Cell("action", [(n, "Projet")], n, 0, 0)],
               when=[Cell("when", [(n, "2000-2002")], n, 1, 0)]) for n in (1, 2, 3)]
    assert not yearly_amounts(amounts, own)  # each project dated on its own


def test_a_dates_cell_printed_inside_the_project_it_dates_allier_niafunke():
    """CG Allier (l.3159-3170): `Création de jardins maraîchers,` / `Actions menées` / `depuis le début et` /
    `poursuivies depuis.` / ` plantations d’arbres – culture de riz + …`: the three narrow lines are the
    AGRICULTURE row's dates column, printed at the project's cut; the project goes on after them."""
    acts = [a for a in _actions("allier_niafunke_3146.txt") if a.domain_raw == "AGRICULTURE"]
    assert [a.title for a in acts] == [
        "Réalisation de périmètres irrigués", "Creusement de puits", "Construction de réseaux d’eau",
        "Création de jardins maraîchers, plantations d’arbres",
        "Culture de riz + quelques cultures de blé (diversification alimentaire)", "Achat de matériels et de bétails"]
    assert {a.status for a in acts} == {"en cours"}  # `poursuivies depuis`


def test_a_projects_description_after_a_colon_is_no_part_of_its_title():
    """Saumur (l.11684-11692): `La construction d’une salle d’observation et d’un laboratoire au Centre de
    Santé` / `Communautaire :` / `La salle d’observation permettra d’accueillir 6 malades…`: the
    centre's name is one, and the sentence after the colon describes the project."""
    assert title_of("La construction d’une salle d’observation et d’un laboratoire au Centre de Santé "
                    "Communautaire : La salle d’observation permettra d’accueillir 6 malades, souffrant du "
                    "paludisme") == ("La construction d’une salle d’observation et d’un laboratoire au Centre "
                                     "de Santé Communautaire")
    place = "A Nana-Kéniéba : Réhabilitation du dispensaire"  # a place in front: no description
    assert title_of(place) == place
    saumur = {a.sources[0].first_line: a.title for a in _actions("saumur_sansanding_11675.txt")}
    assert saumur[11684].endswith("au Centre de Santé Communautaire")


def test_a_label_in_the_rows_own_words_before_its_project_aimf_bamako():
    """`Secteur marchand Formation d’artisans de secteur informel  48 000 €` (AIMF – Bamako l.13096): a row on
    one line, its first column's label, then its project (a noun of doing and its complement), then its
    amount; the label is no part of the title."""
    got = {a.sources[0].first_line: a for a in _actions("aimf_bamako_13052.txt")}
    assert (got[13096].title, got[13096].domain_raw) == ("Formation d’artisans de secteur informel", "Secteur marchand")
    assert got[13096].budget.text == "48 000 €"


def test_a_project_naming_how_many_things_it_makes_then_each_aimf_bamako():
    """`Construction de deux centres multimédias :` / `- École Mamadou Konaté` / `- Maison des jeunes de
    Sogoniko` (l.13088-13090), `60 000 €`: one project and its two centres, not three projects."""
    got = {a.sources[0].first_line: a for a in _actions("aimf_bamako_13052.txt")}
    assert 13089 not in got and 13090 not in got
    centres = got[13088]
    assert centres.title == "Construction de deux centres multimédias" and centres.budget.text == "60 000 €"
    assert "Maison des jeunes de Sogoniko" in centres.description


def test_a_column_of_labels_beside_more_blocks_of_projects_chilly_mazarin():
    """Chilly-Mazarin – Diéma (l.2621-2673): `EAU :`, `SANTE`, `ÉDUCATION`, `DEVELOPPEMENT ECONOMIQUE` stand in a
    column padded with blank lines beside five blocks of projects; each label heads its run of blocks,
    `DEVELOPPEMENT ECONOMIQUE` the last two: `Construction école kundugula` is under ÉDUCATION, `Micro
    crédits` under DEVELOPPEMENT ECONOMIQUE, not each under the label above."""
    got = {a.sources[0].first_line: a.domain_raw for a in _actions("chilly_diema_2608.txt")}
    assert got[2656] == "SANTE"
    assert [got[n] for n in (2659, 2660, 2661, 2662)] == ["ÉDUCATION"] * 4
    assert [got[n] for n in (2664, 2668, 2669, 2672, 2673)] == ["DEVELOPPEMENT ECONOMIQUE"] * 5


def test_a_label_at_its_rows_top_keeps_its_rows_mulhouse():
    """Mulhouse – Sofara (l.9688-9728): `Agriculture` at the top of its two blocks, `Santé` level with its own:
    the farmers' training stays under Agriculture."""
    got = {a.sources[0].first_line: a.domain_raw for a in _actions("mulhouse_sofara_9617.txt")}
    assert (got[9708], got[9719], got[9726]) == ("Agriculture", "Agriculture", "Santé")
