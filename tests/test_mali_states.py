"""The state of a Mali action (audit r41 qa3, defect 3): what its row's words say (`Abandonné`, `En cours`
in the budget cell), else what its dates say against the sheet's own date (`Date de mise à jour`).

Expected values were read from `data/mali-repertoire-2008.txt` (line numbers are the source's), never
from the parser's output.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from indexer.parsers import mali
from indexer.parsers.cuf_text import dated_status, status
from indexer.records import Action
from indexer.states import ABANDONED, ACTION_STATES, action_state
from test_mali_rows import _split
from test_mali_tables import _actions

DATA = Path(__file__).resolve().parents[1] / "data" / "mali-repertoire-2008.txt"


@pytest.fixture(scope="module")
def actions() -> dict[str, Action]:
    result = mali.parse(DATA.read_text(encoding="utf-8"), DATA.name)
    return {a.id: a for a in result.actions}


def test_a_project_the_row_says_abandoned_is_not_done_thionville_kenieba():
    """`A Saguélé et à Komanfara ;` / `Nouveaux Forages :` / `Abandonnés.` (l.12290-12292) and `Projet
    d’aviculture :` / `Abandonné` (l.12304-12305): dropped, neither done nor on hold."""
    got = {a.sources[0].first_line: a for a in _actions("thionville_kenieba_12218.txt")}
    assert {n: got[n].status for n in (12290, 12303)} == {12290: "abandonné", 12303: "abandonné"}
    assert {action_state(got[n]) for n in (12290, 12303)} == {ABANDONED}
    assert got[12299].status == "réalisé"  # `Banque de céréales`, the same band's next project


def test_abandoned_is_an_action_state_of_the_closed_set():
    assert ABANDONED in ACTION_STATES
    assert status("Projet d’aviculture : Abandonné") == "abandonné"
    assert status("Un projet abandonné en 2004") == "abandonné"
    assert status("Prise en charge des enfants abandonnés") == "réalisé"  # a word of the project, no state


def test_en_cours_written_with_the_amount_states_the_row_and_leaves_the_amount():
    """`En cours 45 000 €` (CR Centre – Mopti l.4875): the dates column's words and the budget on one
    line; the budget is the amount alone, the words the row's state."""
    assert _split("En cours 45 000 €") == [("when", "En cours"), ("budget", "45 000 €")]
    assert _split("Chaque année 50 000 €") == [("when", "Chaque année"), ("budget", "50 000 €")]
    assert _split("45 000 €") == [("budget", "45 000 €")]


def test_the_row_of_en_cours_45000_is_ongoing_with_its_amount(actions):
    a = next(a for a in actions.values() if a.sources[0].first_line == 4871)
    assert a.title.startswith("Appariements entre établissements scolaires")
    assert a.status == "en cours"
    assert (a.budget.text, a.budget.amount, a.budget.currency) == ("45 000 €", 45000.0, "EUR")


@pytest.mark.parametrize(("when", "updated", "state"), [
    ("Nov 2008", "2008-10-03", "en projet"),  # Grand Lyon – Bamako l.7899, a sheet of 03/10/2008
    ("Décembre 2008", "2008-10-03", "en projet"),
    ("Septembre 2008", "2008-10-03", None),
    ("2008", "2007-07-01", "en projet"),  # Pontivy l.10133, a sheet of 01/07/2007
    ("2008-2010", "2008-11-04", "en cours"),  # CG Essonne l.3433, a sheet of 04/11/2008
    ("2007 pour 3 ans : 2007-2009", "2007-04-01", "en cours"),
    ("2008", "2008-10-03", None),  # the sheet's own year, no month: either side
    ("2004, 2008", "2007-05-01", None),  # two dates, not a period: done, then more
    ("2006-2007", "2008-10-03", None),
    ("", "2008-10-03", None),
    ("Nov 2008", None, None),
])
def test_a_row_dated_after_its_sheet_was_still_to_come(when, updated, state):
    assert dated_status(when, updated) == state


def test_rows_dated_after_their_sheet_are_planned_and_keep_their_years(actions):
    """Grand Lyon – Bamako (03/10/2008): `Envoi de 2 bennes` `Nov 2008` (l.7893-7899), `Envoi de
    matériels informatiques` `Décembre 2008` (l.7972-7976); Pontivy (01/07/2007): `Deuxième partie`
    2008 (l.10133). CG Essonne (04/11/2008): `2008-2010` runs on (l.3432-3435). Their 2008 is still
    the partnership's year."""
    got = {a.sources[0].first_line: a for a in actions.values()}
    assert [(got[n].status, got[n].start, got[n].end) for n in (7893, 7972, 10133)] == [("en projet", 2008, 2008)] * 3
    assert [(got[n].status, got[n].start, got[n].end) for n in (3432, 3435)] == [("en cours", 2008, 2010)] * 2
    assert got[7890].status == "réalisé"  # `Envoi d’une benne tasseuse…` 2002, on the same sheet


@pytest.mark.parametrize(("text", "state"), [
    ("Nouveaux Forages : Abandonnés", "abandonné"), ("Abandon du projet en 2004", "abandonné"),
    ("Aide aux enfants (abandonnés, orphelins)", "réalisé"), ("Accueil d'enfants, abandonnés", "réalisé"),
    ("Chantier abandonné puis repris en 2005", "réalisé"),
])
def test_abandoned_is_said_of_the_project_not_of_people_nor_of_work_taken_up_again(text, state):
    """The review of the round: `enfants (abandonnés…` (Morocco's wording) read as a dropped project."""
    assert status(text) == state
