"""An action's years when its dates cell and its title disagree on its span."""
from indexer.parsers.sheet import ActionDraft, Document, draft_action
from indexer.records import PLANNED, Partnership


def _action(title: str, when: str):
    doc = Document("mali-repertoire-2008.txt", "", 2008)
    p = Partnership(id="x--y", french_party=None, partner_party=None)
    return draft_action("x--y", 1, ActionDraft(title, 1, 1, when=when), doc, p)


def _span(title: str, when: str) -> tuple[int | None, int | None]:
    a = _action(title, when)
    return a.start, a.end


def test_a_title_printing_its_period_from_the_cells_year_dates_the_action():
    """CR Nord-Pas-de-Calais – Kayes (Mali l.5385-5391): `Projet d’appui aux démarches d’intercommunalité
    … pour le développement du territoire (2007-2009)` beside the dates cell `2007` runs 2007-2009 (2009
    planned, after the document's date); a period from another year, or a cell of two years, says
    nothing of the cell's span."""
    title = "Projet d’appui pour le développement du territoire (2007-2009)"
    a = _action(title, "2007")
    assert (a.start, a.end, a.years) == (2007, 2009, [2007])
    assert _span(title, "2006") == (2006, 2006)
    assert _span(title, "2007, 2008") == (2007, 2008)
    assert _span("Projet d’appui au territoire", "2007") == (2007, 2007)


def test_a_year_before_the_documents_date_that_only_a_plan_names_is_planned():
    """Sète–El Jadida (Maroc l.3532-3539): `Soutien à l'association SOS Village d'enfants` (done in 2005), its
    results `Inauguration prévue pour le dernier trimestre 2007`: 2007 is planned, not a year of work, although
    the document is of 2008. A planned year inside the project's own dates, or also told done, stays."""
    doc = Document("maroc-repertoire-2008.txt", "", 2008)
    p = Partnership(id="x--y", french_party=None, partner_party=None)
    when = "Village construit – Inauguration prévue pour le dernier trimestre 2007."
    a = draft_action("x--y", 1, ActionDraft("Soutien à SOS Village", 1, 1, when=when, start=2005, end=2005,
                                            span=False), doc, p)
    assert (a.start, a.end, a.years) == (2005, 2005, [2005]) and p.extra[PLANNED] == "2007"
    a = draft_action("x--y", 1, ActionDraft("Construction du village", 1, 1, when=when, start=2005, end=2007,
                                            span=False), doc, p)
    assert a.years == [2005, 2007]
    assert _action("Village", "Travaux réalisés en 2007. Inauguration prévue en 2007.").years == [2007]
    # a project stating no dates of its own: its text's years are all it has (Cachan, Roubaix… keep theirs)
    assert _action("Village", "Inauguration prévue pour le dernier trimestre 2007.").years == [2007]


def test_the_years_of_what_a_project_should_give_are_planned():
    """`Résultats attendus` (`plans`): `un plan d'action pluriannuel à proposer aux partenaires pour 2007 à 2009`
    on a document of 2008 plans 2007 to 2009, 2008 too (every year of a range whose both ends are planned:
    `dates.whole_plans`); the same years in the project's own text are years of work."""
    doc = Document("maroc-repertoire-2008.txt", "", 2008)
    p = Partnership(id="x--y", french_party=None, partner_party=None)
    plans = "Résultats attendus : un plan d'action à proposer aux partenaires pour 2007 à 2009."
    a = draft_action("x--y", 1, ActionDraft("Plan de randonnée", 1, 1, when="Plan de randonnée", plans=plans,
                                            span=False), doc, p)
    assert a.years == [] and p.extra[PLANNED] == "2007, 2008, 2009"
    a = draft_action("x--y", 1, ActionDraft("Plan de randonnée", 1, 1, when="Inventaire fait en 2007",
                                            plans=plans, span=False), doc, p)
    assert a.years == [2007]
