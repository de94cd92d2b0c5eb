"""How the dates and budget cells of the Mali actions tables go to their own rows
(`indexer/parsers/cuf_table.py`, `cuf_rows.py`): verbatim excerpts of
`data/mali-repertoire-2008.txt`, with the source's line numbers; the expected values
were read from the source lines."""
from __future__ import annotations

from indexer.parsers.cuf_table import table_rows


def _numbered(first: int, lines: list[str]) -> list[tuple[int, str]]:
    return [(first + i, t) for i, t in enumerate(lines)]


def _cells(rows):
    return [(r.text[:30], [c.text for c in r.when], [c.text for c in r.budget]) for r in rows]


def test_a_row_written_on_the_lines_after_a_dates_cell_takes_its_own_budget():
    """CR Nord-Pas de Calais–Kayes (l.5608-5620), a table written row by row: the next project
    (` Programme de formation des acteurs de…`) starts on the line after the dates cell
    `2003 +ou- 1500` / `(par pers / sem.)`, without an empty line. It opens a row of its own,
    so `117 340/an (moyenne)` under it is its budget, not the row's above; the dates cell's approximate
    amount is the mission's own (1 500 € per person and week)."""
    body = _numbered(5604, [
        "SANTE ", "DEVELOPPEMENT ", "SOCIAL ", "",
        "Mission d’échanges entre professionnels ", "hospitaliers, à Kayes  ", "",
        "2003 +ou- 1500 ", "(par pers / sem.) ", " Programme de formation des acteurs de ",
        "l’éducation (école fondamentale)  ", "",
        "Depuis 1996,  ", "sur la base de programme triennal ", "",
        "117 340/an ", "(moyenne) ", "",
    ])
    rows = {r.text[:31]: r for r in table_rows(body)}
    mission, formation = rows["Mission d’échanges entre profes"], rows["Programme de formation des acte"]
    assert [c.text for c in mission.when] == ["2003"]
    assert [c.text for c in mission.budget] == ["+ou- 1500 (par pers / sem.)"]
    assert [c.text for c in formation.budget] == ["117 340/an (moyenne)"]


def test_budget_cells_after_a_project_written_in_a_budget_segment_roncq():
    """Roncq–Sélinkégny (l.10848-10890): the last amounts of a band and the next band's first
    project in one segment (`200 000 CFA` / ` Aide à la formation de deux`); the next band's four
    projects take its four dates and four amounts in order."""
    body = _numbered(10848, [
        "600 000 CFA ", " ", " ", "200 000 CFA ", " Aide à la formation de deux  ",
        "couturières et de deux femmes à la ", "fabrication du savon et des pommades à ", "Mahina ", " ",
        "Des parents de l’Association des ", "parents d’élèves (stage à Sélinkégny) ", " ",
        "Des membres des deux Conseils de ", "gestion scolaires (stages à Bafoulabé) ", " ",
        "Des élus du village au conseil ", "municipal de la commune de Bafoulabé ", "",
        "1999 et 2001 ", " ", " ", " ", "2004 ", " ", " ", "2006 ", " ", " ", " ", "Depuis 1999 ", "",
        "800 000 CFA ", " ", " ", " ", "300 000 CFA ", " ", " ", "100 000 CFA ", " ", " ", " ", "300 000 CFA ", "",
    ])
    rows = [r for r in table_rows(body) if r.cells[0].lines[0][0] >= 10852]
    assert [(r.text[:20], [c.text for c in r.when], [c.text for c in r.budget]) for r in rows] == [
        ("Aide à la formation ", ["1999 et 2001"], ["800 000 CFA"]),
        ("Des parents de l’Ass", ["2004"], ["300 000 CFA"]),
        ("Des membres des deux", ["2006"], ["100 000 CFA"]),
        ("Des élus du village ", ["Depuis 1999"], ["300 000 CFA"]),
    ]


def test_a_row_alone_in_its_block_takes_every_dates_cell_of_its_block_chilly_mazarin():
    """Chilly-Mazarin–Diéma (l.2406-2418 beside l.2440-2452): `Micro crédits` / `Avec l’aide de
    KARED…`, a block of its own, stands beside the block `2001-2005` / `2000/2004`: both are its
    dates (2000-2005); the next block of six projects takes the next six dates cells in order."""
    from indexer.parsers.cuf_cells import Cell
    from indexer.parsers.cuf_rows import Row, align

    def row(top: int, block: int, line: int, text: str) -> Row:
        return Row(domain=None, cells=[Cell("action", [(line, text)], top, 0, block)])

    rows = [row(0, 0, 2406, "Micro crédits"), row(4, 1, 2410, "Formation des élus et aide au projets"),
            row(7, 1, 2413, "Stage du secrétaire général"), row(9, 1, 2415, "Electrification Mairie de Diéma"),
            row(10, 1, 2416, "Apport de matériel :photocopieur"), row(11, 1, 2417, "Installation téléphone"),
            row(12, 1, 2418, "Ordinateur")]
    dates = [("2001-2005", 0, 0), ("2000/2004", 1, 0), ("chaque année de 2000 à 2005", 4, 1), ("2002", 7, 2),
             ("2003", 8, 2), ("2002", 10, 3), ("2002", 11, 3), ("2005", 12, 3)]
    cells = [Cell("when", [(2440 + top, text)], top, 1, block) for text, top, block in dates]
    tops = {id(r): r.cells[0].top for r in rows}
    got: dict[str, list[str]] = {}
    for r, c in align(rows, cells, tops):
        got.setdefault(r.text, []).append(c.text)
    assert got["Micro crédits"] == ["2001-2005", "2000/2004"]
    assert got["Ordinateur"] == ["2005"] and got["Stage du secrétaire général"] == ["2002"]


def test_projects_written_one_segment_each_are_stacked_angers():
    """Angers–Bamako (l.849-876): each dash project is a segment of its own (an empty line
    between), the dates column one segment whose lines of spaces keep the gaps. Stacked one under
    the other, the projects stand at lines 0, 4, 6, 8, 10 and the dates at 0, 4, 8: `Programme
    démarré en 2005` is the MIL programme's (l.860), not the sports grounds' (the third in order)."""
    body = _numbered(849, [
        "- Construction de 6 CLAEC ", "(Centre de Lecture et ", "d’Animation pour les Enfants ",
        "des Communes de Bamako). ", "",
        "- 6 CESCOM (Centre de santé ", "communautaire) ", "",
        "- Terrains de sport, aménagement ", "et sécurisation ", "",
        "- Projets en cours de MIL : ", "maisons d’initiatives locales  ", "",
        "- Formation et stages techniques ", " ", " ", "",
        "Entre 1993 et 2000  ", " ", " ", " ", "- Entre1994 et 2005 ", " ", " ", " ",
        "Programme démarré ", "en 2005 ", " ", "",
    ])
    assert [(r.text[:20], [c.text for c in r.when]) for r in table_rows(body)] == [
        ("- Construction de 6 ", ["Entre 1993 et 2000"]),
        ("- 6 CESCOM (Centre d", ["- Entre1994 et 2005"]),
        ("- Terrains de sport,", []),
        ("- Projets en cours d", ["Programme démarré en 2005"]),
        ("- Formation et stage", []),
    ]


ALENCON_ECHANGES = _numbered(418, [
    "ÉCHANGES Chantiers de jeunes : construction de 2 ", "ponts de l’amitié, d’aires de jeux dans ",
    "écoles et camping à Alençon et aide à la ", "construction de 16 classes à Koutiala.  ",
    "Construction. d’1 jardin d’enfants à Kla, ", "d’1 Maison d’accueil (Maison ", "d’Alençon). ",
    "Appui à 1 bibliothèque de Koutiala avec ", "la fourniture de livres et rayonnages.  ",
    "Idem en 2002 par un Chantier Jeunes des ", "4 villes jumelées pour réalisation de ",
    "fresques à l’intérieur et extérieur. ", "Bamko-Musique à Alençon: rencontre de ",
    "30 musiciens des 4 villes jumelées. ", "",
    " ", " ", "De 1978 à 2000 ", " ", "1983-1984 ", "1985-1986 ", "1978 ", " ", "2002 ", " ", " ", " ", "2005 ",
    " ", " ", "",
    " ", " ", " ", " ", "De 10 à 42000Ff ", " ", " ", " ", "78778€ ", " ", " ", " ", "39800€ ", " ", " ", "",
])


def test_a_year_the_next_project_states_is_its_date_and_the_amount_level_with_it_follows():
    """Alençon–Koutiala, ÉCHANGES (l.418-461): the dates column drifts from the projects; `2002`
    (l.441) stands by `Appui à 1 bibliothèque…` but is the date of `Idem en 2002 par un Chantier
    Jeunes…` below, which states it. The budget column is written level with the dates column
    (`2002` / `78778€`, `2005` / `39800€`): the amount goes with the date on its line."""
    rows = {r.text[:12]: r for r in table_rows(ALENCON_ECHANGES)}
    idem, appui = rows["Idem en 2002"], rows["Appui à 1 bi"]
    assert [c.text for c in idem.when] == ["2002"] and [c.text for c in idem.budget] == ["78778€"]
    assert not appui.when and not appui.budget
    assert [c.text for c in rows["Bamko-Musiqu"].budget] == ["39800€"]


def test_a_dates_cell_opening_with_its_date_may_say_more_npdc():
    """CR Nord-Pas de Calais–Kayes (l.5616-5617): `Depuis 1996,` / `sur la base de programme
    triennal` (47 characters) is a dates cell, not a project; a project naming a year in its
    words (`Projet de 8 classes à Gao avec MAE pour 2007 et 2008`) is still a project."""
    from indexer.parsers.cuf_cells import kind_of

    assert kind_of("Depuis 1996, sur la base de programme triennal") == "when"
    assert kind_of("Projet de 8 classes à Gao avec MAE pour 2007 et 2008") == "action"
    assert kind_of("Appui au maraîchage (avec un lien décentralisation depuis 2004)") == "action"


LA_FOUILLOUSE_EDUCATION = _numbered(7326, [
    "Éducation et formation -formation informatique ", "-cantine scolaire ", "-alphabétisation adulte ",
    "-formation de gestionnaires, ", "d’hygiénistes. ", " ", "",
    "2001  ", "2002 ", "2003 ", "2004 ", "2005 ", "",
    "1500 € ", "1500 € ", "3100 € ", "5000 € ", "2200 € ", "",
])


def test_consecutive_years_beside_fewer_items_are_the_rows_calendar_la_fouillouse():
    """La Fouillouse–Sio (l.7326-7344): four dashed items beside five years, one per line, and five
    amounts: the row's yearly programme. Each item runs 2001-2005 and takes no amount (read by
    position, `cantine scolaire` was of 2002 for 1500 € and `d’hygiénistes.` a project of 2005)."""
    rows = table_rows(LA_FOUILLOUSE_EDUCATION)
    assert [r.text.strip("- ") for r in rows] == [
        "formation informatique", "cantine scolaire", "alphabétisation adulte",
        "formation de gestionnaires, d’hygiénistes."]
    for r in rows:
        assert [c.text for c in r.when] == ["2001", "2002", "2003", "2004", "2005"]
        assert not r.budget


def test_as_many_years_as_items_still_go_one_per_item():
    """The calendar rule needs more years than items: with four years for four items, each item
    keeps its own year and amount, in order."""
    body = [ln for ln in LA_FOUILLOUSE_EDUCATION if ln[1] not in ("2005 ", "2200 € ")]
    rows = table_rows(body)
    assert [([c.text for c in r.when], [c.text for c in r.budget]) for r in rows] == [
        (["2001"], ["1500 €"]), (["2002"], ["1500 €"]), (["2003"], ["3100 €"]), (["2004"], ["5000 €"])]


def test_a_short_capitalised_task_is_a_project_not_a_wrapped_tail_evry():
    """CA Évry–Kayes (l.1909-1916): `Construction de puisards` (three words) after the wrapped
    `Réhabilitation de collecteurs et de` / `caniveaux d’eaux pluviales` is a project of its own,
    not the last words of the line above."""
    body = _numbered(1905, [
        "Assainissement et lutte ", "anti-érosive ", " ", "",
        "Réhabilitation de collecteurs et de ", "caniveaux d’eaux pluviales ", "Construction de puisards ",
        "Système de collecte des ordures ", "ménagères ", "Construction de murettes et de barrages ",
        "en gabions ", "Construction d’un réseau de mini-égouts ", " ", "",
        "Depuis 1993 ", " ", "",
    ])
    assert [r.text.strip() for r in table_rows(body)] == [
        "Réhabilitation de collecteurs et de caniveaux d’eaux pluviales", "Construction de puisards",
        "Système de collecte des ordures ménagères", "Construction de murettes et de barrages en gabions",
        "Construction d’un réseau de mini-égouts"]


def test_a_short_line_naming_no_task_still_ends_the_wrapped_line():
    """The exception is for a noun of doing with its complement: `Mulhousienne` after `…de la
    Région` still ends the cell above."""
    from indexer.parsers.cuf_cells import _wrapped_tail
    assert _wrapped_tail("Appui à la coopération de la Région", "Mulhousienne")
    assert not _wrapped_tail("caniveaux d’eaux pluviales", "Construction de puisards")
    assert not _wrapped_tail("et en matériel", "Formations du personnel")


def test_a_bare_development_label_in_front_of_a_dashed_item_is_the_rows_label():
    """La Fouillouse–Sio (l.7361): `Développement -coopératives d’élevages`: the row's label, then
    its first item (the label now names a domain, Développement économique)."""
    from indexer.parsers.cuf_mixed import _leading_label
    assert _leading_label("Développement -coopératives d’élevages", False, False) == (
        "Développement", "-coopératives d’élevages")
