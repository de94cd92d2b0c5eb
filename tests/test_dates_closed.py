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
