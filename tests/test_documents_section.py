"""The `Documents de capitalisation, évaluations et études réalisées` section of
the Mali sheets: kept as the partnership's `documents`, apart from its
perspectives, shown, served, searched, and its years counted from the span's
start up to the repertoire's date. Expected values are read in
data/mali-repertoire-2008.txt (line numbers below)."""
from __future__ import annotations

from pathlib import Path

import pytest

from engine import SearchRequest
from indexer.corpus import rollup
from indexer.documents import partnership_document
from indexer.parsers import mali
from indexer.parsers.cuf_documents import documents
from indexer.records import Partnership, Party

DATA = Path(__file__).resolve().parents[1] / "data" / "mali-repertoire-2008.txt"
MOPTI = "cr-centre--assemblee-regionale-de-mopti"
FOUILLOUSE = "la-fouillouse--sio"
HEAD = "Documents de capitalisation, évaluations et études réalisées  "


@pytest.fixture(scope="module")
def sheets():
    result = mali.parse(DATA.read_text(encoding="utf-8"), DATA.name)
    return {p.id: p for p in result.partnerships}


def _by_id(corpus, pid):
    return next(p for p in corpus.partnerships if p.id == pid)


# --- the parser -----------------------------------------------------------------

def test_the_section_is_kept_up_to_the_next_sheet(sheets):
    """Lines 4884-4894: the reports of CR Centre – Mopti, then the next sheet's date and title."""
    docs = sheets[MOPTI].documents
    for text in ("Programme d’actions 2006-2007", "« Programmation 2008 »", "Formation des pinassiers à Mopti",
                 "L’Assemblée régionale de Mopti constitue le lieu de capitalisation."):
        assert text in docs, text
    assert "Date de mise à jour" not in docs and "Île-de-France" not in docs
    assert not docs.startswith("Documents de capitalisation")
    assert sheets[FOUILLOUSE].documents == "- un document « Historique et bilan de 20 années de coopération 1986-2006 »"


def test_a_list_written_one_document_per_line_keeps_one_per_line(sheets):
    """Lines 4886-4888 and 1985-1987: each of Mopti's programmes and Evry's evaluations is a short
    line of its own; run together they read as one title. A line that wrapped is still joined."""
    mopti = sheets[MOPTI].documents.split("\n")
    assert "« Programme d’actions 2006-2007 »" in mopti and "« Programmation 2008 »" in mopti
    assert mopti[0] == ("« Coopération décentralisée Région de Mopti / Région Centre, Le Delta Intérieur du "
                        "fleuve Niger : diagnostic ».")
    evry = sheets["ca-evry-centre-essonne--kayes"].documents.split("\n")
    assert evry[:2] == ["Bilan annuel des actions réalisées de 1991 à nos jours.",
                        "Evaluation de l’action de coopération, CIEDEL, 2002."]
    assert len(sheets["chilly-mazarin--diema"].documents.split("\n")) == 3

def test_the_section_stops_at_a_second_actions_table(sheets):
    """Chilly-Mazarin – Diéma (lines 2601-2608): three studies, then a second actions table."""
    docs = sheets["chilly-mazarin--diema"].documents
    assert docs.startswith("Etude pour débit de certains puits")
    assert docs.endswith("Etudes techniques en vue de la création du barrage avec culture dans le bas fond")
    assert "Actions de coopération" not in docs and "Domaines" not in docs


def test_the_page_footer_is_not_kept(sheets):
    """Aix – Bamako (lines 309-317): one study, then the page footer; CU Bordeaux – Bamako
    (line 5852): the footer alone, so no documents."""
    assert sheets["aix-en-provence--bamako-commune-v"].documents == "Etude sur le système de santé au Mali."
    assert sheets["cu-bordeaux--bamako"].documents is None
    assert not any("Cités Unies France" in (p.documents or "") for p in sheets.values())


def test_an_empty_section_gives_none(sheets):
    """Allonnes – Sangha (line 740) and Thionville – Gao (line 12115) have the heading only."""
    assert sheets["allonnes--sangha"].documents is None
    assert sheets["thionville--gao"].documents is None
    assert sum(p.documents is not None for p in sheets.values()) >= 25


@pytest.mark.parametrize("lines, expected", [
    ([HEAD, "Néant", ""], None),
    ([HEAD, " - ", "aucun"], None),
    ([HEAD.strip() + ".", ""], None),  # the heading ends with a stop (line 12115)
    ([HEAD, "Rapport de mission 2005", "Perspectives du partenariat", "Projet"], "Rapport de mission 2005"),
])
def test_the_section_reader(lines, expected):
    assert documents(lines, 0, lambda ls: " ".join(x.strip() for x in ls if x.strip()) or None) == expected


def test_the_documents_do_not_leak_into_the_other_texts(sheets):
    """No line of a documents section is in the perspectives, history or objectives of its sheet."""
    leaks = []
    for p in sheets.values():
        others = "\n".join(t for t in (p.perspectives, p.history, p.objectives) if t)
        leaks += [(p.id, line) for line in (p.documents or "").split("\n") if len(line) > 15 and line in others]
    assert leaks == []
    assert "Programme d’actions" not in sheets[MOPTI].perspectives
    assert "Maison du Delta" in sheets[MOPTI].perspectives
    assert "Historique et bilan" not in sheets[FOUILLOUSE].perspectives


# --- the years ------------------------------------------------------------------

def test_the_years_the_documents_name_are_the_partnerships(corpus):
    """CR Centre – Mopti: contacts and protocol in 2005; its programme 2006-2007 only in the
    documents. La Fouillouse – Sio: contacts 1986, actions 2001-2005; its 1986-2006 report."""
    assert {2005, 2006, 2007} <= set(_by_id(corpus, MOPTI).years)
    assert min(_by_id(corpus, MOPTI).years) == 2005
    assert 2006 in _by_id(corpus, FOUILLOUSE).years
    # Sainte-Maure – Mandé (lines 3045-3052): a 2001/2002 feasibility study, the first year the rest
    # documents being 2002: 2001 is not added
    mande = _by_id(corpus, "cc-sainte-maure-de-touraine--commune-rurale-du-mande")
    assert "2001/2002" in mande.documents and min(mande.years) == 2002


def test_the_documents_rule_is_bounded_by_the_span_start_and_the_date():
    def sheet(**kw):
        return Partnership(id="x--y", french_party=Party(name="X"), partner_party=Party(name="Y"), **kw)

    report = "« Historique et bilan de 20 années de coopération 1986-2006 ». « Programmation 2009 »."
    p = sheet(formalized=2001, documents=report)
    rollup(p, [], until=2008)
    assert p.years == [2001, 2006]  # not 1986 (before the documented work), not 2009 (after the date)
    p = sheet(documents=report)
    rollup(p, [], until=2008)
    assert p.years == []  # nothing else documented: the documents alone give no year
    p = sheet(formalized=2001, first_contact_year=2004, documents=report)
    rollup(p, [])
    assert p.years == [2001, 2004]  # no date known: the span's end bounds them


def test_a_forthcoming_documents_date_is_no_year_of_work():
    """CA Évry – Kayes (lines 1985-1988): `Évaluation du programme 2003-2006 …, Gret, 2007 (à paraître)`
    on a sheet whose actions end in 2002: the programme's years count, the report's, not out yet, does not."""
    def sheet(**kw):
        return Partnership(id="x--y", french_party=Party(name="X"), partner_party=Party(name="Y"), **kw)

    report = ("Evaluation de l’action de coopération, CIEDEL, 2002.\nÉvaluation du programme 2003-2006 de "
              "coopération décentralisée, Gret, 2007 (à paraître)")
    p = sheet(formalized=1991, documents=report)
    rollup(p, [], until=2008)
    assert p.years == [1991, 2002, 2003, 2006]
    p = sheet(formalized=1991, documents=report.replace(" (à paraître)", ""))
    rollup(p, [], until=2008)
    assert p.years == [1991, 2002, 2003, 2006, 2007]


# --- the index, the page and the API ----------------------------------------------

def test_a_word_only_in_the_documents_finds_the_sheet(engine, corpus):
    """`pinassiers` is written only in Mopti's documents section: in the indexed body, found,
    and shown in the snippet."""
    assert "pinassiers" in partnership_document(_by_id(corpus, MOPTI))["body"]
    r = engine.search(SearchRequest(q="pinassiers"))
    assert r["results"][0]["id"] == MOPTI
    assert "<mark>pinassiers</mark>" in r["results"][0]["snippet"]
    r = engine.search(SearchRequest(q="évaluation CIEDEL"))
    assert r["results"][0]["id"] == "ca-evry-centre-essonne--kayes"
    assert "CIEDEL" in r["results"][0]["snippet"]


def test_the_year_filter_finds_a_year_the_documents_name(engine):
    r = engine.search(SearchRequest(q="", filters={"year": [2007]}, per_page=500, facets=False))
    assert MOPTI in {h["id"] for h in r["results"]}


def test_the_page_shows_the_documents_after_the_perspectives(client):
    html = client.get(f"/partenariats/{MOPTI}").get_data(as_text=True)
    assert "<h2>Documents de capitalisation</h2>" in html
    assert html.index("<h2>Perspectives</h2>") < html.index("<h2>Documents de capitalisation</h2>")
    assert html.index("<h2>Documents de capitalisation</h2>") < html.index("pinassiers")
    html = client.get("/partenariats/thionville--gao").get_data(as_text=True)
    assert "<h2>Documents de capitalisation</h2>" not in html


def test_the_api_returns_the_documents(client):
    data = client.get(f"/api/partnerships/{FOUILLOUSE}").get_json()
    assert data["documents"] == "- un document « Historique et bilan de 20 années de coopération 1986-2006 »"
    assert client.get("/api/partnerships/thionville--gao").get_json()["documents"] is None
