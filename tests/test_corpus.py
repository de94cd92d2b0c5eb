"""The merged corpus: the counts per document, one record per partnership,
one spelling per collectivity, stable ids, complete domain mapping."""
from __future__ import annotations

from collections import Counter

from indexer.corpus import load_corpus, merge
from indexer.domains import DOMAINS, map_domain
from indexer.records import Partnership, Party, SourceRef

MALI_REGIONS = {"Kayes", "Koulikoro", "Sikasso", "Ségou", "Mopti", "Tombouctou", "Gao", "Kidal",
                "District de Bamako"}


def reports(corpus):
    return {r.document: r for r in corpus.reports}


def test_every_document_parses(corpus):
    assert all(r.ok for r in corpus.reports), [r.error for r in corpus.reports if not r.ok]


def test_counts_per_document(corpus):
    r = reports(corpus)
    mali = r["mali-repertoire-2008.txt"].stats
    assert (mali["sheets"], mali["listed"]) == (70, 70)
    maroc = r["maroc-repertoire-2008.txt"].stats
    assert maroc["sheets"] == 42 and maroc["listed"] == 5 and maroc["actions"] >= 200
    alg = r["algerie-cooperation-decentralisee.txt"].stats
    assert alg["sheets"] == 31
    micl = r["algerie-micl-cooperation.txt"].stats
    assert micl["listed"] == 78  # 56 accords + 3 multilateral + 19 bilateral
    emb = r["algerie-ambassade-cooperation-technique.txt"].stats
    assert (emb["partnerships"], emb["actions"]) == (1, 8)


def test_ids_are_unique_and_actions_belong_to_a_partnership(corpus):
    pids = [p.id for p in corpus.partnerships]
    assert len(pids) == len(set(pids))
    aids = [a.id for a in corpus.actions]
    assert len(aids) == len(set(aids))
    known = set(pids)
    assert all(a.partnership_id in known for a in corpus.actions)
    assert all(a.id.startswith(a.partnership_id + "--a") for a in corpus.actions)


def test_ids_are_stable_across_builds(corpus, data_dir):
    again = load_corpus(data_dir)
    assert [p.id for p in again.partnerships] == [p.id for p in corpus.partnerships]
    assert [a.id for a in again.actions] == [a.id for a in corpus.actions]


def test_every_record_has_a_source(corpus):
    for p in corpus.partnerships:
        assert p.sources, p.id
        for s in p.sources:
            assert s.first_line >= 1 and s.last_line >= s.first_line
    assert all(a.sources for a in corpus.actions)


def test_no_record_shows_a_broken_character(corpus):
    # the Mali repertoire's extraction left U+FFFD for five euro signs (« 4500 \ufffd »)
    budgets = [a.budget.text for a in corpus.actions if a.budget and a.budget.text]
    assert any("€" in t for t in budgets)
    texts = budgets + [a.original_text or "" for a in corpus.actions] + \
        [p.original_text or "" for p in corpus.partnerships]
    assert not [t for t in texts if "\ufffd" in t]


def test_titles_and_names_begin_with_a_capital(corpus):
    # the documents' lists write some in lower case (`le puit de Kabida`, `formation informatique`,
    # `Faucon / Vaucluse kamatingué`); a list of results shows them as titles and names
    assert [a.id for a in corpus.actions if a.title[:1].islower()] == []
    parties = [q for p in corpus.partnerships for q in (p.french_party, p.partner_party) if q is not None]
    assert [q.name for q in parties if q.name[:1].islower()] == []


def test_every_malian_partnership_has_its_region(corpus):
    mali = [p for p in corpus.partnerships
            if p.countries == ["Mali"] and p.partner_party is not None and p.partner_party.country == "Mali"]
    assert len(mali) > 100
    missing = [p.id for p in mali if p.partner_party.region not in MALI_REGIONS]
    assert missing == []


def test_one_spelling_per_collectivity_across_countries(corpus):
    belfort = [p for p in corpus.partnerships if p.id.startswith("belfort--")]
    assert {p.french_party.name for p in belfort} == {"Belfort"}
    assert {"Maroc", "Algérie"} <= {c for p in belfort for c in p.countries}


def test_a_commune_the_tables_know_is_spelt_as_they_spell_it(corpus):
    """The Algerian table writes `SAINT DIE DES VOSGES` (alg l.227), `REZE`: the French table's
    Saint-Dié-des-Vosges and Rezé, as `BOUMERDES` is Boumerdès; the Mali list's `Djenne`, Djenné.
    An alias stays as written (`Romans`, not Romans-sur-Isère)."""
    by_id = {p.id: p for p in corpus.partnerships}
    assert by_id["saint-die-des-vosges--m-chedallah"].french_party.name == "Saint-Dié-des-Vosges"
    assert by_id["reze--ain-defla"].french_party.name == "Rezé"
    assert by_id["vitre--djenne"].partner_party.name == "Djenné"
    assert by_id["romans--taroudannt"].french_party.name == "Romans"


def test_a_departement_has_one_spelling_in_every_record(corpus):
    """`Meurthe et Moselle` (alg l.2033), `Loire Atlantique`, `Seine Saint Denis`… were facet values
    beside the French table's Meurthe-et-Moselle, Loire-Atlantique, Seine-Saint-Denis."""
    from indexer import geography

    written = {(party.country, party.subdivision) for p in corpus.partnerships
               for party in (p.french_party, p.partner_party) if party is not None and party.subdivision}
    assert ("France", "Meurthe-et-Moselle") in written
    assert [(c, s) for c, s in sorted(written) if geography.canonical_subdivision(c, s) != s] == []


def test_partnership_domains_and_years_include_their_actions(corpus):
    by_id = {p.id: p for p in corpus.partnerships}
    for a in corpus.actions:
        p = by_id[a.partnership_id]
        assert set(a.domains) <= set(p.domains), a.id
        assert set(a.years) <= set(p.years), a.id
    assert all(set(p.domains) <= set(DOMAINS) for p in corpus.partnerships)


def test_the_years_a_history_tells_of_count_inside_the_span_only(corpus):
    """Thionville-Gao's history: a Gao dance troupe in Thionville in May 1989, a mission in
    February 1999: years of the partnership for a year filter. A year a history tells of outside
    the span the rest documents (a town's founding, a law) is not added: the span stays as it was."""
    from indexer.corpus import rollup
    from indexer.records import Partnership, Party

    def sheet(**kw):
        return Partnership(id="x--y", french_party=Party(name="X"), partner_party=Party(name="Y"), **kw)

    gao = next(p for p in corpus.partnerships if p.id == "thionville--gao")
    assert {1989, 1999} <= set(gao.years)
    p = sheet(formalized=1995, history="Fondée en 1960. En 1998, visite ; 2001 : mission.",
              objectives="Échanges depuis 1997.")
    rollup(p, [])
    assert p.years == [1995]  # 1997, 1998 and 2001 are outside a span of one year
    p = sheet(formalized=1995, first_contact_year=2000,
              history="Fondée en 1960. En 1998, visite ; 2001 : mission.", objectives="Échanges depuis 1997.")
    rollup(p, [])
    assert p.years == [1995, 1997, 1998, 2000]


def test_a_printed_period_counts_every_year_of_it(corpus):
    """Viroflay-Kolokani (Mali l.12570): `Maternité- centre de santé  De 2001 à 2006` ran in 2003-2005
    too, so the action and its partnership are under the year facet's 2005; Roncq-Sélinkégny (l.10841):
    `1999 et 2004` are two dates, not the years between; CG Ain (l.12780): its history's `de 1993 à 1998`
    dates the partnership in 1994-1997, inside the span its other dates give."""
    by_id = {r.id: r for r in (*corpus.partnerships, *corpus.actions)}
    maternity = by_id["viroflay--cercle-kolokani--a09"]
    assert (maternity.start, maternity.end, maternity.years) == (2001, 2006, list(range(2001, 2007)))
    assert 2005 in by_id["viroflay--cercle-kolokani"].years
    assert by_id["roncq--selinkegny--a14"].years == [1999, 2004]
    assert {1994, 1995, 1996, 1997} <= set(by_id["cg-ain"].years)


def test_a_period_fills_only_the_years_an_action_is_dated_between():
    """A period printed beyond the action's own dates (a plan `2008-2010` in a sheet of 2008, whose later
    years the parser keeps as planned or drops) adds no year; one inside them adds those between."""
    from indexer.corpus import fill_periods
    from indexer.records import Action

    planned = Action(id="x--y--a01", partnership_id="x--y", title="Appel à projets paysans 2008-2010", years=[2008])
    fill_periods(planned)
    assert planned.years == [2008]
    ran = Action(id="x--y--a02", partnership_id="x--y", title="Appui", description="Actions de 2002 à 2005.",
                 years=[2002, 2005], start=2002, end=2005)
    fill_periods(ran)
    assert (ran.years, ran.start, ran.end) == ([2002, 2003, 2004, 2005], 2002, 2005)
    pair = Action(id="x--y--a03", partnership_id="x--y", title="Missions en 2002 et 2005", years=[2002, 2005])
    fill_periods(pair)
    assert pair.years == [2002, 2005]


def test_an_ongoing_action_dated_since_a_year_runs_to_its_partnerships_last_year(corpus):
    """CG Allier-Niafunké (Mali l.3224-3234): `mise en place de cantines … Depuis 2000`, still running
    (`en cours`), fed school canteens in 2003 too, so the action and its partnership are under the year
    facet's 2003; its printed date stays 2000 (start and end, as the gold records read `Depuis YYYY`), and
    the partnership's span (1988-2008) is what it was."""
    by_id = {r.id: r for r in (*corpus.partnerships, *corpus.actions)}
    canteens = by_id["cg-allier--cercle-niafunke--a19"]
    assert (canteens.start, canteens.end) == (2000, 2000)
    assert canteens.years == list(range(2000, 2009))
    allier = by_id["cg-allier--cercle-niafunke"]
    assert 2003 in allier.years and (allier.years[0], allier.years[-1]) == (1988, 2008)


def test_a_listed_partner_takes_the_cercle_another_record_of_it_states(corpus):
    """Cheny-Sangha and Pont-sur-Yonne-Sangha are lines of the Mali annex (l.13978, l.13983) that name
    no cercle; Allonnes-Sangha's sheet puts Sangha in the cercle of Bandiagara: all three are there,
    so a search for Bandiagara finds them. A place two records put in different cercles keeps none."""
    from indexer.corpus import _one_place
    from indexer.records import Partnership, Party

    by_id = {p.id: p for p in corpus.partnerships}
    assert {by_id[i].partner_party.subdivision
            for i in ("cheny--sangha", "pont-sur-yonne--sangha", "allonnes--sangha")} == {"Bandiagara"}

    def record(pid, sub):
        return Partnership(id=pid, french_party=Party(name="X"),
                           partner_party=Party(name="Kassa", country="Mali", region="Mopti", subdivision=sub))
    records = [record("a--kassa", "Mopti"), record("b--kassa", "Djenné"), record("c--kassa", None)]
    _one_place(records)
    assert records[2].partner_party.subdivision is None


def test_only_an_ongoing_action_since_its_first_year_is_filled():
    """`Depuis 2000` fills the years to the partnership's last only for an action still running whose
    first year it is; a finished one, one dated later than its `depuis` or one at the last year adds none."""
    from indexer.corpus import fill_since
    from indexer.records import Action

    def action(status, years, text="Puits Depuis 2000"):
        return Action(id="x--y--a01", partnership_id="x--y", title=text, status=status, years=years,
                      start=years[0] if years else None, end=years[-1] if years else None)

    running = action("en cours", [2000])
    assert (fill_since(running, 2004), running.years) == ({2001, 2002, 2003, 2004}, [2000, 2001, 2002, 2003, 2004])
    assert (running.start, running.end) == (2000, 2000)
    dès = action("en cours", [1992], "Vaccinations Dès 1992")
    assert fill_since(dès, 1994) == {1993, 1994}
    # Pontcharra-Dembella (Mali l.9935): « Depuis le démarrage du projet en 1995 et chaque année »
    started = action("en cours", [1995], "Informatisation des maires Depuis le démarrage du projet en 1995")
    assert fill_since(started, 1998) == {1996, 1997, 1998}
    # a year some words after `depuis` that no `en` dates is not where the action started
    assert fill_since(action("en cours", [1995], "Puits depuis la crise de 1995"), 1998) == set()
    for status, years, text in (("réalisé", [2000], "Puits Depuis 2000"), ("en cours", [2003], "Puits Depuis 2000"),
                                ("en cours", [2004], "Puits Depuis 2004"), ("en cours", [2000], "Puits en 2000")):
        a = action(status, years, text)
        assert fill_since(a, 2004) == set() and a.years == years


def test_the_start_of_its_own_work_counts_before_the_span():
    """CR Franche-Comté-Ouarzazate (Maroc l.6620, convention of autumn 2007): `Un premier projet … de
    l'intercommunalité, initié en 2004, … a été réalisé avec succès` dates work before the convention;
    a year the same prose tells of otherwise stays outside the span (`retour, en 1988, de migrants`)."""
    from indexer.corpus import rollup
    from indexer.records import Partnership, Party

    p = Partnership(id="x--y", french_party=Party(name="X"), partner_party=Party(name="Y"), formalized=2007,
                    objectives="Un premier projet de développement de la filière laitière de l'intercommunalité, "
                               "initié en 2004, avec la mise à niveau de la laiterie a été réalisé avec succès. "
                               "Les premières actions sont liées au retour, en 1988, de migrants.")
    rollup(p, [], 2008)
    assert p.years == [2004, 2007]


def test_perspectives_read_against_the_sheets_own_date():
    """Aix-Bamako V (Mali l.305, a sheet updated 10/10/2008): `Identification en novembre 2006 d'une
    thématique santé` was done; CC Sainte-Maure-Mandé (l.3038, 09/10/2008): `Tournée retour … en novembre
    2008` is planned; AIMF-Mopti (l.13482, 01/04/2006): `Construction de salles de classe en 2006`, in
    its perspectives with no month, is planned too. A sheet with no date of its own keeps the document's."""
    from indexer.corpus import rollup
    from indexer.records import Partnership, Party

    def sheet(perspectives, updated):
        return Partnership(id="x--y", french_party=Party(name="X"), partner_party=Party(name="Y"), formalized=2003,
                           perspectives=perspectives, updated=updated)

    p = sheet("Identification en novembre 2006 d’une thématique santé. Tournée retour des musiciens en "
              "novembre 2008 en France.", "2008-10-10")
    rollup(p, [], 2008)
    assert (p.years, p.extra.get("Années prévues")) == ([2003, 2006], "2008")
    p = sheet("Construction de salles de classe en 2006 : 54 000 €", "2006-04-01")
    rollup(p, [], 2008)
    assert (p.years, p.extra.get("Années prévues")) == ([2003], "2006")
    p = sheet("Identification en novembre 2006. Réunion prévue en 2009.", None)
    rollup(p, [], 2008)
    assert (p.years, p.extra.get("Années prévues")) == ([2003], "2009")


def test_every_raw_domain_label_maps(corpus):
    labels = Counter(label for p in corpus.partnerships for label in p.domains_raw)
    labels.update(a.domain_raw for a in corpus.actions if a.domain_raw)
    unmapped = [label for label in labels if not map_domain(label)]
    assert unmapped == []


def test_wells_are_water_even_when_filed_under_health(corpus):
    wells = [a for a in corpus.actions if "puits" in (a.title + " " + (a.description or "")).lower()]
    assert wells
    assert all("Eau et assainissement" in a.domains for a in wells)


def test_merge_joins_sources_and_fills_gaps():
    def party(name):
        return Party(name=name, kind="commune", country="France")

    sheet = Partnership(id="x--y", french_party=party("Ville de Saint Leu la Forêt"),
                        partner_party=Party(name="Y", country="Mali"), countries=["Mali"],
                        sources=[SourceRef("a.txt", 10, 20)], detail="sheet")
    listed = Partnership(id="x--y", french_party=party("Saint Leu la Forêt"),
                         partner_party=Party(name="Y", country="Mali", region="Kayes"), countries=["Mali"],
                         status="actif", sources=[SourceRef("a.txt", 500, 500)], detail="listed", years=[1999])
    [merged], _ = merge([sheet, listed], [])
    assert [s.first_line for s in merged.sources] == [10, 500]
    assert merged.years == [1999]  # a year the second appearance states is kept
    assert merged.detail == "sheet" and merged.status == "actif"
    assert merged.partner_party.region == "Kayes"
    assert merged.french_party.name == "Saint-Leu-la-Forêt"
    assert merged.french_party.name_raw == "Ville de Saint Leu la Forêt"


def test_a_malian_regional_council_has_one_name_whatever_its_sheet_calls_it():
    """Kayes's council is « Région de Kayes » in the Mali list and annex (l.12620, l.13942-13944) and
    « Assemblée régionale de Kayes » on two sheets (l.4899, l.5096); Tombouctou's, « Région de
    Tombouctou » for CR Rhône-Alpes (l.12622, l.14023) and « Conseil Régional de Tombouctou » on CR
    Auvergne's sheet (l.4612): one name each, the document's words kept in name_raw, ids unchanged."""
    def record(pid, partner, detail, line):
        return Partnership(id=pid, french_party=Party(name="Conseil régional X", kind="région", country="France"),
                           partner_party=Party(name=partner, kind="région", country="Mali", region="Kayes"),
                           countries=["Mali"], sources=[SourceRef("m.txt", line, line)], detail=detail)

    merged, _ = merge([record("cr-x--assemblee-regionale-de-kayes", "Assemblée Régionale de Kayes", "sheet", 1),
                       record("cr-y--cr-kayes", "Région de Kayes", "listed", 9),
                       record("cr-z--cr-kayes", "Conseil régional de Kayes", "sheet", 5)], [])
    assert [p.partner_party.name for p in merged] == ["Région de Kayes"] * 3
    assert [p.partner_party.name_raw for p in merged] == [
        "Assemblée Régionale de Kayes", "Région de Kayes", "Conseil régional de Kayes"]
    assert [p.id for p in merged] == ["cr-x--assemblee-regionale-de-kayes", "cr-y--cr-kayes", "cr-z--cr-kayes"]
    # a council named after another place than its région's, or a commune, keeps its name
    other = record("x--y", "Assemblée régionale de Nioro", "sheet", 1)
    town = record("x--kayes", "Kayes", "sheet", 1)
    town.partner_party.kind = "commune"
    assert [p.partner_party.name for p in merge([other, town], [])[0]] == ["Assemblée régionale de Nioro", "Kayes"]


def test_malian_regional_councils_are_named_alike_in_the_corpus(corpus):
    by_id = {p.id: p for p in corpus.partnerships}
    kayes = [by_id[i].partner_party for i in ("cg-hauts-de-seine--cr-kayes", "cr-bretagne--cr-kayes",
                                              "cr-ile-de-france--assemblee-regionale-de-kayes",
                                              "cr-nord-pas-de-calais--assemblee-regionale-de-kayes")]
    assert {party.name for party in kayes} == {"Région de Kayes"}
    assert by_id["cr-ile-de-france--assemblee-regionale-de-kayes"].partner_party.name_raw == \
        "Assemblée régionale de Kayes"
    tombouctou = [by_id[i].partner_party for i in ("cr-auvergne--cr-tombouctou", "cr-rhone-alpes--cr-tombouctou")]
    assert {party.name for party in tombouctou} == {"Région de Tombouctou"}


def test_merge_keeps_the_domains_each_appearance_was_given():
    """CG Seine-Saint-Denis – Figuig: the Mali list names it, the Morocco sheet and synthesis file it
    under water; the merged record keeps the synthesis as where its domain comes from."""
    def appearance(doc, sources):
        return Partnership(id="cg-x--figuig", french_party=Party(name="Conseil général X", kind="département",
                                                                  country="France"),
                           partner_party=Party(name="Figuig", kind="commune", country="Maroc"),
                           countries=["Maroc"], sources=[SourceRef(doc, 1, 2)], detail="sheet",
                           domain_sources=sources)

    listed = appearance("mali.txt", {})
    sheet = appearance("maroc.txt", {"Synthèse par domaines": ["Eau et assainissement"]})
    [merged], _ = merge([listed, sheet], [])
    assert merged.domain_sources.get("Synthèse par domaines") == ["Eau et assainissement"]
    assert "Eau et assainissement" in merged.domains


def test_a_pair_listed_otherwise_joins_the_sheet_of_another_document():
    """The ministry lists `Wilaya d'Oran / Mairie du Grand Lyon`; the other document's sheet is
    the Communauté urbaine de Lyon with the commune of Oran: one partnership. A pair with two
    possible sheets, or the same document's own list, is left alone."""
    def p(pid, french, fkind, partner, pkind, doc, detail):
        return Partnership(id=pid, french_party=Party(name=french, kind=fkind, country="France"),
                           partner_party=Party(name=partner, kind=pkind, country="Algérie"),
                           sources=[SourceRef(doc, 1, 2)], detail=detail)

    sheet = p("cu-lyon--oran", "Communauté urbaine de Lyon", "intercommunalité", "Oran", "commune", "a.txt", "sheet")
    micl = p("cu-lyon--w-oran", "Grand Lyon", "intercommunalité", "Wilaya d'Oran", "wilaya", "m.txt", "listed")
    own = p("x--w-oran", "Lyon", "commune", "Wilaya d'Oran", "wilaya", "a.txt", "listed")
    other = p("bordeaux--oran", "Bordeaux", "commune", "Oran", "commune", "m.txt", "listed")
    warnings: list[str] = []
    merged, _ = merge([sheet, micl, own, other], [], warnings)
    assert [x.id for x in merged] == ["cu-lyon--oran", "x--w-oran", "bordeaux--oran"]
    assert [s.document for s in merged[0].sources] == ["a.txt", "m.txt"]
    assert warnings == [("m.txt: ligne 1 : Grand Lyon – Wilaya d'Oran est le partenariat cu-lyon--oran "
                         "(mêmes collectivités, écrites autrement)")]
    sheet = p("cu-lyon--oran", "Communauté urbaine de Lyon", "intercommunalité", "Oran", "commune", "a.txt", "sheet")
    two = p("lyon--oran", "Lyon", "commune", "Oran", "commune", "b.txt", "sheet")
    micl = p("cu-lyon--w-oran", "Grand Lyon", "intercommunalité", "Wilaya d'Oran", "wilaya", "m.txt", "listed")
    merged, _ = merge([sheet, two, micl], [])
    assert len(merged) == 3  # two sheets could be meant: no guess


def test_health_centres_and_schools_are_filed_by_their_words(corpus):
    cscom = [a for a in corpus.actions if "cscom" in (a.title + " " + (a.description or "")).lower()]
    assert cscom and all("Santé" in a.domains for a in cscom)
    schools = [a for a in corpus.actions if "école" in (a.title + " " + (a.description or "")).lower()]
    assert schools and all("Éducation et formation" in a.domains for a in schools)


def test_a_parser_bug_becomes_a_warning_and_keeps_what_was_parsed():
    from indexer.parsers import run_guarded

    def body(text, document, result):
        result.partnerships.append(Partnership(id="a--b", french_party=Party(name="A"), partner_party=None))
        raise KeyError("oops")

    result = run_guarded(body, "text", "doc.txt")
    assert [p.id for p in result.partnerships] == ["a--b"]
    assert result.warnings == ["erreur du lecteur, lecture interrompue : KeyError: 'oops'"]
