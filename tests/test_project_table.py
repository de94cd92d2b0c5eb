"""An actions table written row by row, `PROJET / OBJECTIF SPECIFIQUE / ACTIVITES PRINCIPALES PREVUES`
(`indexer/parsers/cuf_projects.py`): one action per project row, whatever the sheet.

`tests/fixtures/mali/layouts/project_rows.txt` is a made-up table of that layout (no sheet of the
corpus), with what the extraction does to the real one (Montreuil–Yélimané's PADDY sheet, Mali
l.9279-9480): cells glued on one line, states written as cells, a heading cut over a blank line, a
row written twice. The real table's 18 projects were read from the source (QA18, round 49, an audit of
the sheets without gold records), never from the parser's output.
"""
from __future__ import annotations

import re
from pathlib import Path

from indexer.parsers.cuf_projects import project_table_actions
from test_mali_tables import _actions as _read

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "mali" / "layouts" / "project_rows.txt"
PADDY = ("mali-repertoire-2008.txt", 9112, 9511)  # the PADDY sheet, merged into montreuil--yelimane


def test_one_action_per_project_row_of_the_layout():
    """Each row's project is the title, its objective and activities the description; `Bibliothèques
    Equiper les écoles en` (project and objective on one line) is two cells; `Volet 1 : …` and `VOLET 2 :
    … DES` / `VILLAGES` are the rows' domain labels."""
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    assert project_table_actions(list(enumerate(lines, 1))[1:]) is not None  # the layout's header is found
    rows = [(a.sources[0].first_line, a.title, a.domain_raw, a.status) for a in _read(FIXTURE)]
    assert rows[:3] == [
        (8, "Construction de salles de classe", "Volet 1 : EDUCATION ET FORMATION", "en cours"),
        (17, "Bibliothèques", "Volet 1 : EDUCATION ET FORMATION", "en cours"),
        (25, "Centre de santé communautaire", "VOLET 2 : SANTE ET HYGIENE DES VILLAGES", "en cours"),
    ]
    books = _read(FIXTURE)[1]
    assert books.description == ("Objectif : Equiper les écoles en livres et en manuels. "
                                 "Activités : Achat de manuels scolaires et création de deux bibliothèques.")


def test_states_headings_and_repeated_rows_are_no_actions():
    """`À l’étude À l’étude` are the row's cells, `Radio rurale À l’étude À l’étude` a project and its
    two states; `AUTRES VOLETS A L’ETUDE` is a heading (it names no domain: its rows have none, and its
    state); `Radio rurale`, written twice, is one action, where it stands under that heading."""
    actions = _read(FIXTURE)
    assert [(a.title, a.status, a.domain_raw, a.description) for a in actions[3:]] == [
        ("Radio rurale", "en projet", None, None), ("Latrines scolaires", "en projet", None, None)]
    assert [a.sources[0].first_line for a in actions[3:]] == [39, 40]


def test_the_paddy_table_s_projects_are_its_actions(corpus):
    """Montreuil–Yélimané's PADDY sheet: its 18 project rows, not its 37 cells, states and headings
    (QA18 r49: 11 of 18 found, 26 of 37 invented)."""
    doc, first, last = PADDY
    paddy = [a for a in corpus.actions if a.partnership_id == "montreuil--yelimane"
             and any(s.document == doc and first <= s.first_line <= last for s in a.sources)]
    assert [(a.sources[0].first_line, a.title) for a in paddy] == [
        (9289, "Appui à l’agriculture et à l’élevage"),
        (9299, "Protection et régénération du milieu"),
        (9309, "Diversification agricole et valorisation des productions agricoles"),
        (9322, "Renforcement du tissu associatif"),
        (9331, "Renforcement des capacités des conseils communaux et du conseil de cercle"),
        (9344, "Appui à l’investissement des communes"),
        (9354, "Appui à l’insertion des jeunes"),
        (9367, "Appui aux services déconcentrés de l’Etat"),
        (9379, "Appui à la création de Caisses villageoises d'épargne et de crédit autogérées"),
        (9391, "Réalisation & appui conseil à la réalisation d’adductions d’eau potable (AEP)"),
        (9407, "Aménagements hydrauliques"),
        (9417, "Traitement des déchets liquides et solides"),
        (9429, "Recyclages des déchets"),
        (9462, "Plantation de pourghère et de ricin"),
        (9467, "Valorisation énergétique du pourghère et du ricin"),
        (9473, "Santé"),
        (9474, "Nouvelles technologies de l’information et de la communication (NTIC)"),
        (9480, "Echanges d’expériences"),
    ]
    assert not [a for a in paddy if "étude" in a.title.lower() or not re.search(r"[a-zà-ÿ]", a.title)]
    caisses = next(a for a in paddy if a.sources[0].first_line == 9379)
    assert caisses.description.startswith("Objectif : Répondre au besoin de crédit à court terme")
    assert "Création de 30 caisses villageoises" in caisses.description
    assert [a.status for a in paddy if a.sources[0].first_line in (9407, 9429, 9473)] == [
        "en projet", "en cours", "en projet"]  # `(à l’étude)`, `Finalisation du projet en cours`, `À l’étude`
    # a project cell read as a label gives its domain (`Renforcement du tissu associatif`: Société civile)
    assert "Société civile" in next(a for a in paddy if a.sources[0].first_line == 9322).domains


def test_a_row_said_done_stays_done(tmp_path):
    """A row's state cell `Terminé` or `Réalisé` is done: only a row stating no state is taken as under way
    (review 1 r49, item 1: « Réalisé » was read, then overwritten with « en cours »)."""
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    assert lines[35].startswith("À l’étude")  # the first Radio rurale row's state cells
    for done in ("Terminé Terminé", "Réalisé Réalisé"):
        lines[35] = done
        path = tmp_path / "project_rows.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        first = next(a for a in _read(path) if a.title == "Radio rurale")
        assert first.status == "réalisé"


def test_a_done_word_in_an_activity_is_no_state(tmp_path):
    """« réalisées » written in a row's activities says nothing of the row's state: only a state cell does
    (review 3 r49, M1)."""
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    at = next(i for i, t in enumerate(lines) if t.startswith("Achat de manuels scolaires"))
    lines[at] = lines[at].rstrip() + " réalisées"
    path = tmp_path / "project_rows.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert next(a for a in _read(path) if a.title == "Bibliothèques").status == "en cours"
