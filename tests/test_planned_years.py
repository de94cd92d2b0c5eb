"""The years a partnership's texts plan, apart from the years its actions run in."""
from indexer.corpus import rollup
from indexer.records import PLANNED, Action, Partnership, Party


def _sheet(**kw) -> Partnership:
    return Partnership(id="x--y", french_party=Party(name="X"), partner_party=Party(name="Y"), **kw)


def test_a_year_its_actions_run_in_is_not_planned():
    """CG Ille-et-Vilaine – Mopti (Mali l.4088, sheet of 15/10/2008): its perspectives print the programme
    `2008`, a year that, on the sheet's own date, they may plan, but the programme's actions run in 2008.
    A perspective's year that no action runs in stays planned."""
    perspectives = "PROGRAMMATION DES ACTIONS - 2008 BP 2008. Une nouvelle convention en 2009."
    p = _sheet(formalized=1987, perspectives=perspectives, updated="2008-10-15")
    rollup(p, [Action(id="x--y--a01", partnership_id="x--y", title="Fonctionnement", years=[2008])], until=2008)
    assert 2008 in p.years and p.extra[PLANNED] == "2009"
    p = _sheet(formalized=1987, perspectives=perspectives, updated="2008-10-15")
    rollup(p, [], until=2008)
    assert p.extra[PLANNED] == "2008, 2009"


def test_every_year_of_a_planned_period_is_planned():
    """La Talaudière–Somadougou (Mali l.7566): `prévision du plan 2008-2010` plans 2009 too, which the text
    does not print; two planned years side by side (`en 2008 et en 2010`) are two dates, no period."""
    p = _sheet(formalized=1989, perspectives="- Renouvellement des conventions et prévision du plan 2008-2010",
               updated="2007-05-01")
    rollup(p, [], until=2008)
    assert p.extra[PLANNED] == "2008, 2009, 2010"
    p = _sheet(formalized=1989, perspectives="Des missions prévues en 2008 et en 2010.", updated="2007-05-01")
    rollup(p, [], until=2008)
    assert p.extra[PLANNED] == "2008, 2010"


def test_a_year_a_sheet_only_writes_does_not_pass_the_year_filter(engine):
    # docs/api.md, `year`: a record matches when the year is one of its `years`, not any year its text
    # writes: Aix-en-Provence – Bamako-Commune V writes 2000 (a heading, « réalisées depuis 2000 ») and
    # 2008 (its update's date); its years are 2003 and 2006
    from engine import SearchRequest
    pid = "aix-en-provence--bamako-commune-v"
    record = engine.state().partnerships[pid]
    assert "2000" in record["original_text"] and record["years"] == [2003, 2006]

    def listed(year: int) -> bool:
        r = engine.search(SearchRequest(q="Aix-en-Provence Bamako", filters={"year": [year]}, per_page=100,
                                        facets=False, snippets=False, completions=False))
        return pid in {h["id"] for h in r["results"]}
    assert listed(2003) and not listed(2000)
