"""A printed period counts for each of its years up to the date its text was written (QA audit 4, #1):
« Projet REMPART (2006-2009) » in a document of July 2008 ran in 2006, 2007 and 2008, a period written
with months (« septembre 2006 - décembre 2008 ») keeps its middle year, and a start with a length
(« 2007 pour 3 ans ») is a period too. Later years are planned, never years of activity."""
import pytest

from indexer.corpus import fill_periods
from indexer.parsers import dates
from indexer.records import Action


def action(text: str, years: list[int], start: int, end: int, status: str | None = "en cours") -> Action:
    return Action(id="x--y--a01", partnership_id="x--y", title="Projet", original_text=text,
                  status=status, years=years, start=start, end=end)


@pytest.mark.parametrize("text, expected", [
    ("Mise en place d'une maison des associations (septembre 2006 - décembre 2008) -", [(2006, 2008)]),  # maroc l.1958
    ("(déc. 2005 - mars 2006)", [(2005, 2006)]),  # maroc l.5360
    ("2007 pour 3 ans", [(2007, 2009)]),  # Marly-le-Roi-Kita, mali l.8136
    ("2002(expérimentation\n2004 sur 3 ans", [(2004, 2006)]),  # CR Nord-Pas-de-Calais-ARK, mali l.5364
    ("Envoi en octobre 2006 avec AFVP pour 2 ans", [(2006, 2008)]),  # started in the year's course
    ("2007 pour 3 ans : 2007-2009", [(2007, 2009)]),  # a dates cell that states it once more: one period
    ("Visites en 2004 et mars 2006", []),  # two dates
    ("« Pas d'école, pas d'avenir » (débuté en 2003, achevé en 2006)", [(2003, 2006)]),  # maroc l.3548
    ("(débutés en 2003, achevés en 2005)", [(2003, 2005)]),  # maroc l.5970
])
def test_a_period_with_months_or_a_length_is_a_period(text, expected):
    assert dates.periods(text) == expected


def test_a_period_past_the_documents_date_counts_up_to_it():
    """Romans-Taroudannt (maroc l.3023, a document of July 2008): REMPART `(2006-2009)` was read [2006];
    it ran in 2007 and 2008 too, and 2009 (its end, planned) is no year of activity."""
    rempart = action("Projet REMPART (2006-2009) - Cofinancement PAD", [2006], 2006, 2009)
    assert (fill_periods(rempart, 2008), rempart.years) == ([], [2006, 2007, 2008])
    assert (rempart.start, rempart.end) == (2006, 2009)


def test_the_years_of_a_period_after_the_date_are_planned():
    """Paris-Alger (alg l.2895, a document of about 2006): `2005-2008` ran in 2005 and 2006; 2007 is
    planned, as its end 2008 already is."""
    garden = action("Projet 3 en cours\n2005-2008\nProjet de réhabilitation du Jardin d'essais", [2005], 2005, 2008)
    assert (fill_periods(garden, 2006), garden.years) == ([2007], [2005, 2006])


def test_a_project_still_to_come_runs_none_of_the_documents_year():
    plan = action("Formation (2007-2010)", [2007], 2007, 2010, status="en projet")
    assert (fill_periods(plan, 2008), plan.years) == ([2008, 2009], [2007])


def test_a_single_year_or_two_dates_stay_as_printed():
    """`Depuis 2000` (open-ended: not extended to the document's date), `2005 et 2009` (two dates,
    the later one planned) and a period printed beyond the action's own stated end add no year."""
    since = action("Puits Depuis 2000", [2000], 2000, 2000)
    two = action("Missions en 2005 et 2009", [2005], 2005, 2009)
    beyond = action("2005\nDans le cadre du plan 2005-2010", [2005], 2005, 2005)
    for a in (since, two, beyond):
        years = list(a.years)
        assert (fill_periods(a, 2008), a.years) == ([], years)


def test_the_corpus_counts_every_year_of_a_printed_period(corpus):
    """The audit's table: the actions and their partnerships are under the year facet's 2007 and 2008."""
    by_id = {r.id: r for r in (*corpus.partnerships, *corpus.actions)}
    for aid in ("romans--taroudannt--a01", "cg-isere--cr-tadla-azilal--a01",
                "cr-nord-pas-de-calais--cr-doukkala-abda--a01"):  # (2006-2009), « Novembre 2006 à 2009 »
        assert {2006, 2007, 2008} <= set(by_id[aid].years), aid
        assert 2009 not in by_id[aid].years and by_id[aid].end == 2009, aid
    assert by_id["cg-herault--cr-souss-massa-draa--a01"].years == [2007, 2008]  # (2007-2009)
    assert by_id["marseille--marrakech--a01"].years == [2006, 2007, 2008]  # septembre 2006 - décembre 2008
    assert by_id["paris--w-alger--a03"].years == [2005, 2006]  # 2005-2008 in a document of about 2006
    assert 2005 in by_id["cr-nord-pas-de-calais--assemblee-regionale-de-kayes--a11"].years  # 2004 sur 3 ans
    for pid in ("romans--taroudannt", "cg-isere--cr-tadla-azilal", "cg-herault--cr-souss-massa-draa"):
        assert 2008 in by_id[pid].years, pid


def test_a_period_runs_to_its_documents_date_whatever_its_sheets(corpus):
    """Marly-le-Roi-Kita (mali l.8136): `2007 pour 3 ans` on a sheet updated on 1 April 2007, in the
    repertoire of 2008, runs in 2007 and 2008; 2009, after the document's date, is planned (À propos:
    « les années … prévues, après la date du document, ne comptent pas »). A sheet's own date decides a
    row's state, not its years: Saint-Denis–Djeloubou's `2004-2008` (mali l.11052, a sheet of May 2007)
    runs to 2008, as its gold's year range and the judges' year filters read it (the round's second
    reading, a sheet's date for the years, was taken back)."""
    by_id = {r.id: r for r in (*corpus.partnerships, *corpus.actions)}
    fountains = by_id["marly-le-roy--kita--a05"]
    assert (fountains.years, fountains.start, fountains.end) == ([2007, 2008], 2007, 2009)
    assert by_id["marly-le-roy--kita"].extra["Années prévues"] == "2009"
    care = by_id["saint-denis--djeloubou-karokoro-et-sahel--a02"]
    assert (care.years, care.start, care.end) == ([2004, 2005, 2006, 2007, 2008], 2004, 2008)
    assert 2008 in by_id["saint-denis--djeloubou-karokoro-et-sahel"].years
    classes = by_id["thionville--gao--a13"]  # `2007 et 2008`, a sheet of June 2007
    assert (classes.years, classes.end) == ([2007, 2008], 2008)


def test_the_years_are_read_against_the_documents_date():
    assert dates.written_year("2007-05-01", 2008) == 2008
    assert dates.written_year(None, 2008) == 2008
    assert dates.written_year("2007-05-01", None) == 2007
    assert dates.sheet_date("2007-05-01") == (2007, 5)


def test_a_period_written_started_and_finished_counts_every_year(corpus):
    """Sète-El Jadida (maroc l.3548, QA audit 6, #12): « (débuté en 2003, achevé en 2006) » ran in 2005
    too (À propos: « Une période écrite comme telle compte pour chacune de ses années »); it was read
    [2003, 2004, 2006], so a year filter on 2005 missed it."""
    school = next(a for a in corpus.actions if a.id == "sete--el-jedida--a02")
    assert (school.years, school.start, school.end) == ([2003, 2004, 2005, 2006], 2003, 2006)
