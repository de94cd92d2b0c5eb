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
