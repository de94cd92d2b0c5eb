"""A sixth repertoire by configuration: a synthetic Cités Unies France repertoire
for Burkina Faso (invented collectivities, tests/fixtures/burkina/), read by
declaring it in the registry with its geography table; no parser code."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indexer import geography
from indexer.corpus import load_corpus
from indexer.registry import Repertoire

FIX = Path(__file__).resolve().parent / "fixtures" / "burkina"
FILE = "burkina-repertoire-test.txt"

BURKINA = Repertoire(
    FILE, "Répertoire franco-burkinabè (test)", ("Burkina Faso",), "mali:CufRepertoireReader", 2009,
    options={"country": "Burkina Faso", "adjective": r"burkinab[èe]", "marker": "franco-burkinabè"},
)


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setitem(geography.TABLES, "Burkina Faso", FIX / "burkina.tsv")
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIX / FILE, data / FILE)
    yield load_corpus(data, repertoires=[BURKINA])
    geography._LOADED.pop("Burkina Faso", None)


def test_sheets_list_and_summary_read_by_configuration(corpus):
    (report,) = corpus.reports
    assert report.ok and report.stats["sheets"] == 2 and report.stats["listed"] == 2
    ps = {p.id: p for p in corpus.partnerships}
    assert set(ps) == {"bellerive-sur-oise--kalenko", "cg-vallee-haute--sanwega", "aubenas-le-vieux--kalenko"}
    p = ps["bellerive-sur-oise--kalenko"]
    assert (p.french_party.region, p.french_party.subdivision) == ("Île-de-France", "Val-d'Oise")
    pp = p.partner_party
    assert (pp.name, pp.country, pp.region, pp.subdivision) == ("Kalenko", "Burkina Faso", "Centre-Ouest", "Boulkiemdé")
    assert (p.first_contact_year, p.formalized, p.countries) == (1994, 1996, ["Burkina Faso"])
    assert [(c.name, c.side) for c in p.contacts] == [("Odile VARNIER", "french"), ("OUEDRAOGO Issaka", "partner")]
    # the summary table is the document's own classification
    assert p.domain_sources["Tableau récapitulatif par domaines"] == ["Eau et assainissement", "Santé"]
    listed = ps["aubenas-le-vieux--kalenko"]
    assert listed.detail == "listed" and listed.partner_party.region == "Centre-Ouest"


def test_actions_row_by_row_with_their_own_dates_and_budgets(corpus):
    acts = [(a.title, a.start, a.end, a.budget.amount if a.budget else None, a.domain_raw)
            for a in corpus.actions if a.partnership_id == "bellerive-sur-oise--kalenko"]
    assert acts == [
        ("Construction du centre de santé de Kalenko", 2001, 2002, 45000, "SANTE"),
        ("Dotation en médicaments", None, None, 3000, "SANTE"),
        ("Forage du quartier Nord", 2004, 2004, 12500, "EAU"),
        ("Réhabilitation de deux puits", 2006, 2006, 4800, "EAU"),
    ]
    (one,) = [a for a in corpus.actions if a.partnership_id == "cg-vallee-haute--sanwega"]
    assert (one.title, one.start, one.budget.amount, one.budget.currency, one.domain_raw) == (
        "Formation de six matrones", 2006, 8000, "EUR", "Santé")


def test_the_planned_year_is_reported_not_in_the_years(corpus):
    p = next(p for p in corpus.partnerships if p.id == "bellerive-sur-oise--kalenko")
    assert max(p.years) <= 2009
