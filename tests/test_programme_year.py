"""A budgeted programme in a sheet's perspectives, against the sheet's own date."""
from indexer.parsers.cuf_programme import programme_actions

_TEXT = """ PROGRAMMATION DES ACTIONS - 2008 BP 2008
Fonctionnement Sévaré 69 300 €
Cofinancement du Festival Régional Dogon 5 000 €"""


def test_a_programme_of_the_sheets_own_year_is_under_way():
    """CG Ille-et-Vilaine – Mopti (Mali l.3892, sheet of 15/10/2008; l.4088-4194): the 2008 programme
    is the year's, its actions run in 2008; a programme of a later year, or with no sheet date, is planned."""
    body = list(enumerate(_TEXT.split("\n"), start=4088))
    assert {a.status for a in programme_actions(body, "2008-10-15")} == {"en cours"}
    assert {a.status for a in programme_actions(body, "2007-10-15")} == {"en projet"}
    assert {a.status for a in programme_actions(body)} == {"en projet"}
    assert [(a.title, a.start, a.end) for a in programme_actions(body, "2008-10-15")] == [
        ("Fonctionnement Sévaré", 2008, 2008), ("Cofinancement du Festival Régional Dogon", 2008, 2008)]
