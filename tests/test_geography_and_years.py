"""Geography and years over the whole corpus: one spelling per région, each
party placed by its own geography, no year after a document's date unless
planned (and then listed in the report)."""
from __future__ import annotations

import re
from collections import defaultdict

import pytest

from indexer import geography, registry
from indexer.facet_registry import FACETS
from indexer.text import fold

DOC_YEAR = {r.file: r.year for r in registry.REPERTOIRES}


def _facet_values(corpus, name):
    facet = next(f for f in FACETS if f.name == name)
    values = set()
    for p in corpus.partnerships:
        values |= {v for v in facet.of_partnership(p) if v}
    return values


def test_no_region_or_country_value_differs_from_another_only_by_accents_or_case(corpus):
    for name in ("region", "country"):
        by_key = defaultdict(set)
        for v in _facet_values(corpus, name):
            by_key[fold(v).replace("-", " ").strip()].add(v)
        assert not [vs for vs in by_key.values() if len(vs) > 1], name
    regions = {p.partner_party.region for p in corpus.partnerships if p.partner_party}
    assert "Sétif" in regions and "Setif" not in regions and "Béjaïa" in regions


def test_no_mali_partnership_whose_partner_is_outside_mali(corpus):
    mali = [p for p in corpus.partnerships if "Mali" in p.countries and p.kind == "partnership"
            and any(s.document.startswith("mali") for s in p.sources)]
    outside = [p.id for p in mali if p.partner_party is not None and p.partner_party.country != "Mali"]
    assert outside == []
    figuig = next(p for p in corpus.partnerships if p.id == "cg-seine-saint-denis--figuig")
    assert figuig.countries == ["Maroc"] and figuig.partner_party.country == "Maroc"
    assert figuig.partner_party.region == "Oriental"
    mali_report = next(r for r in corpus.reports if r.document.startswith("mali"))
    assert any("Figuig est au Maroc, pas au Mali" in w for w in mali_report.warnings)


def test_no_partnership_year_after_its_documents_date_unless_planned(corpus):
    late = []
    for p in corpus.partnerships:
        until = max(DOC_YEAR[s.document] or 9999 for s in p.sources)
        late += [(p.id, y) for y in p.years if y > until]
    assert late == []
    for a in corpus.actions:
        until = DOC_YEAR[a.sources[0].document] or 9999
        assert all(y <= until for y in a.years), a.id
    # the planned ones are listed in the report, with their line
    planned = [line for r in corpus.reports for line in r.planned]
    assert planned and all(re.match(r"ligne \d+ : années? prévues? \d{4}", line) for line in planned)


def test_budget_and_phone_digits_are_never_years(corpus):
    chilly = next(p for p in corpus.partnerships if p.id == "chilly-mazarin--diema")
    assert max(chilly.years) <= 2008 and 2018 not in chilly.years  # 2018 is a budget cell (euros)
    marly = next(p for p in corpus.partnerships if p.id.startswith("marly"))
    assert marly.years[0] == 1983 and marly.first_contact_year == 1983  # "premiers contacts" in 1983


def test_index_report_says_which_source_gave_domains(corpus):
    mali = next(r for r in corpus.reports if r.document.startswith("mali"))
    assert mali.stats["domains: Tableau récapitulatif par domaines"] >= 45
    maroc = next(r for r in corpus.reports if r.document.startswith("maroc"))
    assert maroc.stats["domains: Synthèse par domaines"] >= 30


def test_planned_years_are_kept_apart_from_every_action_and_from_the_sheets_own_texts(corpus):
    """`Années prévues` lists what a sheet plans: every action's planned years (not only the
    first action's), and the years its perspectives name after the document's date or its other
    texts mark as planned; never a year of activity."""
    from indexer.corpus import rollup
    from indexer.records import PLANNED, Partnership, Party

    p = Partnership(id="x--y", french_party=Party(name="X"), partner_party=Party(name="Y"), formalized=2004,
                    first_contact_year=2006,
                    perspectives="Réflexion sur une programmation 2009 en cours ; le plan 2008-2010.",
                    history="Une rencontre est prévue à Guelma en mai 2008. Visite en 2005.")
    p.add_planned([2011])
    rollup(p, [], until=2008)
    assert p.extra[PLANNED] == "2008, 2009, 2010, 2011"
    assert 2005 in p.years and not {2009, 2010, 2011} & set(p.years)
    # Paris-Alger: two actions each plan a year of their own; both are listed
    paris = next(p for p in corpus.partnerships if p.id == "paris--w-alger")
    assert {2007, 2008} <= {int(y) for y in paris.extra[PLANNED].split(", ")}


@pytest.mark.parametrize("name,de", [("Adrar", "d'Adrar"), ("Île-de-France", "d'Île-de-France"),
                                     ("Oran", "d'Oran"), ("Kayes", "de Kayes"), ("Yélimané", "de Yélimané"),
                                     ("Tizi Ouzou", "de Tizi Ouzou")])
def test_de_is_elided_before_a_vowel_only(name, de):
    """The one French elision rule the parsers use to name a wilaya, a region or a province
    (four of them kept their own, with `y` counted as a vowel: « Wilaya d'Yélimané »)."""
    assert geography.with_de(name) == de
    assert geography.de_before("") == "de "


@pytest.mark.parametrize("name", ["Algérie", "Égypte", "Israël", "Ûkraine", "Mali", "Yémen", ""])
def test_every_country_phrase_elides_as_de_before_does(name):
    """Review r42 part 1, #5: `of_country` and `in_country` kept their own vowel list (`aeiouéèâîô`,
    no `û`); the one rule is `geography.opens_with_vowel`, which `de_before` reads too."""
    vowel = geography.de_before(name) == "d'"
    assert geography.opens_with_vowel(name) == vowel
