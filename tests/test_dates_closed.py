"""One closer for a project's sentences (`dates.closed`), read by the Algerian and the Moroccan first contact."""
from indexer.parsers import algerie_dates, dates, maroc
from indexer.parsers.sheet import ActionDraft


def test_a_text_is_closed_by_one_stop():
    """Its last stops, semicolons and spaces become one stop: a text with no stop of its own is then parted
    from the next by `dates.sentences` (Blanquefort-Timimoun's `2003 : Travail de mémoire …`)."""
    assert dates.closed("2003 : Travail de mémoire") == "2003 : Travail de mémoire."
    assert dates.closed("Visite d'une délégation ; ") == "Visite d'une délégation."
    assert dates.closed("Mission d'experts...") == "Mission d'experts."
    assert dates.closed("Echanges (1998). ;") == "Echanges (1998)."
    run_together = " ".join(dates.closed(t) for t in ("2003 : Travail de mémoire", "fin 2004 : Envoi d’une mission"))
    assert dates.sentences(run_together) == ["2003 : Travail de mémoire.", "fin 2004 : Envoi d’une mission."]


def test_the_algerian_and_moroccan_projects_are_closed_alike(monkeypatch):
    """Both readers close a project's sentences with `dates.closed`, not with a closer of their own."""
    closed = []

    def spy(text):
        closed.append(text)
        return text + " <fin>"

    monkeypatch.setattr(dates, "closed", spy)
    assert algerie_dates.project_sentences([{"raw": "2003 : Travail de mémoire\nfin 2004 : Envoi d’une mission"},
                                            {"raw": "Formation des élus ;"}]) == \
        "2003 : Travail de mémoire <fin>\nfin 2004 : Envoi d’une mission <fin>\nFormation des élus ; <fin>"
    passed = []

    def first_contact(history, formalized, until, elsewhere=""):
        passed.append(elsewhere)

    monkeypatch.setattr(dates, "first_contact", first_contact)
    visit = ActionDraft(title="Visite d'une délégation à Montereau", first=1, last=1, start=2004, end=2004,
                        description="Accueil des élus. Journée du Maroc ;")
    maroc._first_contact({"Historique": ["Rencontres entre élus."]}, 2005, [visit])
    assert passed == [("2004 : Visite d'une délégation à Montereau <fin> 2004 : Accueil des élus. <fin> "
                       "2004 : Journée du Maroc ; <fin>")]
    assert closed[3:] == ["Visite d'une délégation à Montereau", "Accueil des élus.", "Journée du Maroc ;"]


def test_a_days_date_with_a_two_digit_year_is_that_year():
    """Montady – Baramandougou's only action is dated « Du 03/02/07 / au / 21/03/07 » (Mali l.8715-8717);
    CR Aquitaine's history « par délibération de la Commission Permanente du 15/07/02 » (Maroc l.5954). A
    day and a month before two digits are a date, and those digits its year; a full year, a phone number or
    an update's date are read as before."""
    assert dates.years("Du 03/02/07 \nau \n21/03/07 ", 2008).found == [2007]
    assert dates.years("s'est engagé, par délibération de la Commission Permanente du 15/07/02, dans un "
                       "programme de coopération", 2008).found == [2002]
    assert dates.years("Date de mise à jour : 09/10/2008", 2008).found == [2008]
    assert dates.years("Tél : 04/42/91/91/29", 2008).found == []
