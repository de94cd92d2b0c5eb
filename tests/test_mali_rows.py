"""Rows of the Mali actions tables, second pass (audit round 18, `mali1.md` and `mali2.md`): amounts
written on their dates' line, cells split at a line wrap, headings and date cells taken as projects.

Fixtures are copied unchanged from `data/mali-repertoire-2008.txt` (see `test_mali_labels.py`); the
expected values were read from the source lines, never from the parser's output.
"""
from __future__ import annotations

from indexer.parsers.cuf_cells import Cell, kind_of
from indexer.parsers.cuf_mixed import split_mixed
from test_mali_tables import _actions


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
    from indexer.parsers import fields
    assert fields.years("années 1990 par le comité de jumelage", 2008).found == []
    assert fields.years("se sont multipliés dans les années 1990 et 2000 pour", 2008).found == []
    assert fields.years("au cours des années 2004 et 2005", 2008).found == [2004, 2005]
    assert fields.years("années 2000 et 2001", 2008).found == [2000, 2001]


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
