"""The Algerian reader's first contact, on verbatim sheets and table rows of the document (tests/fixtures/algerie/)."""
from pathlib import Path

from indexer.corpus import rollup_result
from indexer.parsers import algerie, algerie_dates, dates

FIXTURES = Path(__file__).parent / "fixtures" / "algerie"


def parse_fixture(name):
    result = algerie.parse((FIXTURES / name).read_text(encoding="utf-8"), name)
    rollup_result(result)  # years are rolled up by the merge
    return result


def by_id(result, pid):
    return next(p for p in result.partnerships if p.id == pid)


def test_the_projects_are_read_for_a_first_contact_one_project_and_one_dated_item_at_a_time(monkeypatch):
    """Blanquefort–Timimoun (l.1283-1410, verbatim): its projects' texts end without a stop, and each
    lists dated items one per line (`2003 : Travail de mémoire …` / `fin 2004 : Envoi d’une mission
    technique …`). Read run together, as one sentence, a year of one item or project dated the
    others' (a visit, a first mission) for `dates.first_contact`."""
    passed = []
    first_contact = dates.first_contact

    def spy(history, formalized, until, elsewhere=""):
        passed.append(elsewhere)
        return first_contact(history, formalized, until, elsewhere)

    monkeypatch.setattr(dates, "first_contact", spy)
    p = by_id(parse_fixture("blanquefort.txt"), "blanquefort--timimoun")
    dated = [s for s in dates.sentences(passed[0]) if dates.years(s, algerie_dates.YEAR).found]
    assert [dates.years(s, algerie_dates.YEAR).found for s in dated] == [[2003], [2004], [2005], [2006], [2006]]
    assert dated[1].startswith("fin 2004 : Envoi d’une mission technique")
    assert not any("Projet" in s[1:] for s in dates.sentences(passed[0]))  # a project never runs into the next
    assert (p.first_contact_year, p.formalized, p.years[0], p.years[-1]) == (None, None, 2002, 2006)


def test_a_table_rows_state_dates_the_relations_start():
    """`CR HAUTE NORMANDIE WILAYA DE BEJAÏA Quelques contacts depuis 2004.` (l.18 here, the document's l.108): the
    contacts, so the relation, go back to 2004, its first contact as a history's `Premiers contacts en 1987` would
    be. Not a signing's year (Vaulx-en-Velin, `Accord de coopération signé en Novembre 1998`), nor a relaunch's
    (Nanterre, `En Novembre 2005, les élus ont tenté de reprendre contact`), nor a row with no year."""
    r = parse_fixture("table_belfort.txt")
    assert [(pid, by_id(r, pid).first_contact_year) for pid in (
        "cr-haute-normandie--w-bejaia", "vaulx-en-velin--cheraga", "nanterre--tlemcen", "belfort--boumerdes",
        "orly--dar-el-beida")] == [("cr-haute-normandie--w-bejaia", 2004), ("vaulx-en-velin--cheraga", None),
                                   ("nanterre--tlemcen", None), ("belfort--boumerdes", None),
                                   ("orly--dar-el-beida", None)]
    assert by_id(r, "cr-haute-normandie--w-bejaia").years == [2004]
