"""Morocco repertoire parser: verbatim excerpts with exact fields, and the whole document's counts."""
from pathlib import Path

import pytest

from expected_counts import MAROC
from indexer.domains import map_domain
from indexer.parsers import maroc, maroc_projects, maroc_sheet
from indexer.records import ParseResult

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "maroc"
DATA = ROOT / "data" / "maroc-repertoire-2008.txt"


def _parse(name):
    return maroc.parse((FIX / name).read_text(encoding="utf-8"), name)


def _by_id(result):
    return {p.id: p for p in result.partnerships}


def test_looks_like():
    assert maroc.looks_like(DATA.read_text(encoding="utf-8"))
    assert not maroc.looks_like("Répertoire des partenariats franco-maliens")


def test_aix_sheet_fields():
    r = _parse("aix_listed_synthesis.txt")
    p = _by_id(r)["aix-en-provence--oujda"]
    assert p.french_party.name == "Ville d'Aix-en-Provence"
    assert (p.french_party.kind, p.french_party.subdivision, p.french_party.population) == (
        "commune", "Bouches-du-Rhône", 150000)
    mp = p.partner_party
    assert (mp.name, mp.kind, mp.region, mp.subdivision, mp.population, mp.country) == (
        "Commune urbaine d'Oujda", "commune", "Oriental", "Préfecture d'Oujda-Angad", 500000, "Maroc")
    assert p.countries == ["Maroc"]
    assert p.legal_framework == "Convention cadre de coopération décentralisée"
    assert p.formalized == 1998
    assert p.domains_raw[:7] == ["Développement urbain", "Aménagement", "Développement durable",
                                 "Coopération universitaire", "Culture", "Société civile", "Appui institutionnel"]
    # the synthesis files it under transports: the document's own classification
    assert "Urbanisme, aménagement et transports" in p.domain_sources["Synthèse par domaines"]
    assert (p.budget.amount, p.budget.currency) == (200000.0, "EUR")
    assert [(s.first_line, s.last_line) for s in p.sources] == [(13, 217), (290, 290), (312, 312)]
    # the executives' line comes first, then the contact part; names without civility
    assert [c.name for c in p.contacts if c.name][:4] == [
        "Maryse Joissains-Masini", "Lakhdar Haddouche", "Bruno GENZANA", "Michèle COUËTMEUR"]
    c = next(c for c in p.contacts if c.name == "Michèle COUËTMEUR")
    assert (c.email, c.side, c.phone) == ("couetmeurm@mairie-aixenprovence.fr", "french", "+ 33 (0)4.42.91.99.30")
    # column by column: the Moroccan president has no number; his column's address block is Oujda's
    assert next(c for c in p.contacts if c.name == "Noureddine ZERZOURI").side == "partner"
    assert p.other_partnerships.startswith("Aix-en-Provence :")


def test_aix_actions():
    r = _parse("aix_listed_synthesis.txt")
    acts = [a for a in r.actions if a.partnership_id == "aix-en-provence--oujda"]
    assert len(acts) == 21
    a = acts[0]
    assert a.id == "aix-en-provence--oujda--a01"
    assert a.status == "en cours"
    assert a.domain_raw == "DEVELOPPEMENT URBAIN"
    assert a.title == ("Assistance à maîtrise d'ouvrage pour l'élaboration du plan de déplacements "
                       "urbains de la commune urbaine d'Oujda")
    assert (a.start, a.end) == (2007, None)
    assert (a.budget.amount, a.budget.currency) == (2032800.0, "MAD")
    assert a.objectives.startswith("Renforcer les capacités de maîtrise d'ouvrage de la CU d'Oujda")
    assert (a.sources[0].first_line, a.sources[0].last_line) == (32, 92)
    assert {x.status for x in acts[1:]} == {"suivi"}


def test_aix_follow_up_themes_file_their_bullets_as_projects():
    """« SUIVI DES PROJETS ENTRE 2001 ET 2007 » (l.94 of the excerpt, Maroc l.232): each undated theme in lower
    case (`Environnement et espaces verts`) lists its projects as bullets, with no field of a project of its
    own. Each bullet is a project filed under the theme; a lower-case bullet after a `:` goes on with it."""
    r = _parse("aix_listed_synthesis.txt")
    acts = [a for a in r.actions if a.partnership_id == "aix-en-provence--oujda"]
    green = [a for a in acts if a.domain_raw == "Environnement et espaces verts"]
    assert [a.title for a in green] == [
        "Confection d'un document d'aménagement et rénovation du Parc Lalla Aïcha",
        "Assistance pour l'instauration d'un système d'irrigation localisée",
        "Formation du personnel en matière de gestion des espaces verts"]
    assert [(a.sources[0].first_line, a.sources[0].last_line) for a in green] == [(98, 98), (99, 99), (100, 100)]
    # irrigation files its item under water as well
    assert green[1].domains == ["Environnement et déchets", "Eau et assainissement"]
    traffic = [a for a in acts if a.domain_raw == "Circulation et Déplacements"]
    assert len(traffic) == 5
    assert (traffic[-1].title, traffic[-1].start, traffic[-1].end) == ("Projet PAD", 2007, 2007)
    # the convention's themes (`- le SIG`, `- les pratiques d'aménagement`…) are parts of its bullet, and the
    # words announcing them (`sur les thèmes suivants :`) no part of its name
    plan = [a for a in acts if a.domain_raw == "Planification urbaine"]
    signed = ("Signature d'une convention de partenariat le 20 octobre 2005 entre l'Agence Urbaine d'Oujda et "
              "l'Agence d'Urbanisme du Pays d'Aix")
    assert [(a.title, a.start, a.sources[0].last_line) for a in plan] == [(signed, 2005, 140)]
    # a bullet of several sentences is named by its first
    assert any(a.title.endswith("d'un Système d'Information Géographique (SIG) à Oujda") for a in acts)
    # a theme whose body has a field of its own (`Remarque`) stays as it is
    assert "Eau et Assainissement" in [a.title for a in acts]


def test_a_colon_in_a_bullets_dates_does_not_cut_its_title():
    """Aix–Oujda l.288, a bullet under a theme: its dates' bracket writes ` : ` twice. The title is cut at a
    colon outside brackets only (l.282's `… gestion locale : environnement, …`), so the bracket stays whole:
    the project is named without it and dated by both its years."""
    bullet = ("- Projet d'échange de jeunes autour de la photographie (juillet 2006 : les aixois à Oujda, "
              "juillet 2007 : les oujdis à Aix).")
    lines = ["Échanges culturels", "", bullet]
    it = maroc_sheet.Item(first=1, title_raw=lines[0], heading=None, status="suivi", last=3, fields={"free": [bullet]})
    ctx = maroc_sheet.Ctx("maroc-repertoire-2008.txt", lines, ParseResult("maroc-repertoire-2008.txt"))
    [a] = maroc_projects.build_actions([it], ctx, None)
    assert (a.title, a.start, a.end) == ("Projet d'échange de jeunes autour de la photographie", 2006, 2007)


def test_listed_partnerships():
    r = _parse("aix_listed_synthesis.txt")
    ps = _by_id(r)
    assert r.stats["listed"] == 5
    m = ps["maubeuge--ouarzazate"]
    assert m.detail == "listed"
    assert m.legal_framework == "Convention de partenariat et de jumelage, 27 octobre 2006"
    assert m.formalized == 2006
    assert m.partner_party.subdivision == "Province de Ouarzazate"
    assert (m.sources[0].first_line, m.sources[0].page) == (234, 150)
    # two e-mail lines under one contact: both are hers (l.256-258 of the excerpt)
    assert ps["montpellier--fes"].contacts[0].email == (
        "relations.internationales@ville-montpellier.fr; marie-jose.jean@ville-montpellier.fr")
    w = ps["woippy--sale"]
    assert (w.legal_framework, w.formalized) == (None, 2005)
    assert w.extra == {"Date": "14 janvier 2005"}  # `→ 14 janvier 2005`: the day is kept, as a sheet's `Date :`
    assert m.extra == {}  # a framework with its date says it itself
    assert w.contacts[0].name == "SADOCCO"
    # the synthesis names sheets that are not in this excerpt: each is a warning with its line
    assert r.warnings[0].startswith("ligne 292 : entrée de la synthèse sans fiche correspondante : Ville de Bordeaux")


def test_marseille_one_partnership_per_city():
    r = _parse("marseille.txt")
    ps = _by_id(r)
    assert sorted(ps) == ["marseille--fes", "marseille--marrakech", "marseille--meknes", "marseille--rabat"]
    assert r.stats["sheets"] == 1
    mk = ps["marseille--marrakech"]
    assert mk.partner_party.population == 844000
    assert mk.french_party.population == 807000
    assert mk.legal_framework == "Accord de coopération conforté par un Jumelage"
    assert mk.formalized == 2002
    assert (mk.budget.amount, mk.budget.currency) == (4020000.0, "MAD")
    # the common part (Marseille's contacts) is a source of each partnership
    assert [(s.first_line, s.last_line) for s in mk.sources] == [(13, 42), (181, 347)]
    assert mk.contacts[0].name == "Jacques ROCCA SERRA"
    counts = {pid: sum(a.partnership_id == pid for a in r.actions) for pid in ps}
    assert counts == {"marseille--rabat": 2, "marseille--meknes": 2, "marseille--marrakech": 6,
                      "marseille--fes": 2}
    fes = ps["marseille--fes"]
    assert (fes.formalized, fes.status) == (None, None)
    rabat = ps["marseille--rabat"]
    assert any("Marrakech" in n for n in rabat.notes)  # the executive line names the wrong city
    a = next(a for a in r.actions if a.id == "marseille--marrakech--a01")
    assert a.title == "Mise en place d'une maison des associations et initiatives locales"
    assert (a.start, a.end) == (2006, 2008)
    assert (a.budget.amount, a.budget.currency) == (1600000.0, "MAD")


def test_bourgogne_two_partners_actions_told_apart():
    r = _parse("bourgogne.txt")
    ps = _by_id(r)
    assert sorted(ps) == ["cr-bourgogne--marrakech", "cr-bourgogne--meknes"]
    assert ps["cr-bourgogne--meknes"].partner_party.population == 600000
    assert ps["cr-bourgogne--marrakech"].french_party.kind == "région"
    assert [a.title for a in r.actions if a.partnership_id == "cr-bourgogne--meknes"] == [
        "Partenariat ENSAM de Cluny - École d'ingénieurs de Meknès"]
    a = next(a for a in r.actions if a.partnership_id == "cr-bourgogne--marrakech")
    assert (a.title, a.start, a.status) == ("Université de Bourgogne - Université de Marrakech", 1992, "en cours")


def test_contacts_read_row_by_row_sides_by_organisation():
    """Caudebec (l.979-1026): French elected, Moroccan elected, French agent, Moroccan agent,
    then both addresses: the Moroccan president and director are printed among the French."""
    p = _by_id(_parse("caudebec.txt"))["caudebec-les-elbeuf--souk-el-khemis"]
    people = [(c.name, c.side) for c in p.contacts if c.name]
    assert people == [("Noël Caru", "french"), ("Cécile MOINDROT", "french"), ("Elhoussaine JAIZI", "partner"),
                      ("Noémie VIOLETTE", "french"), ("ARGHLANE", "partner")]
    jaizi = next(c for c in p.contacts if c.name == "Elhoussaine JAIZI")
    assert (jaizi.role, jaizi.organisation) == ("Président", "Commune urbaine de Souk el Khémis")
    assert next(c for c in p.contacts if c.name == "Noémie VIOLETTE").phone == "+ 33 (0)2 32 96 02 02"


def test_contacts_doubled_lines_and_trailing_comma():
    """Romans (l.3181-3244): every line doubled by the extraction, `M. Abdelmajid QANQOM,`."""
    p = _by_id(_parse("romans.txt"))["romans--taroudannt"]
    people = [(c.name, c.side) for c in p.contacts if c.name]
    assert people == [("Henri Bertholet", "french"), ("Mustapha Moutaouakil", "partner"),
                      ("Latifa CHAY", "french"), ("Frédéric DESHAYES", "french"), ("Yann CRESPEL", "french"),
                      ("Abdelmajid QANQOM", "partner"), ("Mustapha MOURTAKI", "partner")]
    assert next(c for c in p.contacts if c.name == "Abdelmajid QANQOM").role == "Conseiller municipal"
    assert all(c.name for c in p.contacts if c.side == "partner")  # no address block for Taroudannt


def test_dated_project_lists_one_action_per_entry():
    """Aquitaine (l.5941-6109): `Déroulement` lists under theme headings, one project per entry;
    an entry without dates takes its heading's `(débutés en 2003, achevés en 2005)`."""
    r = _parse("aquitaine.txt")
    acts = [(a.sources[0].first_line, a.title, a.start, a.end) for a in r.actions]
    assert len(acts) == 21
    assert acts[3] == (52, "Appui au développement de l'éco-tourisme dans le Parc National de Souss Massa",
                       2003, 2006)  # its own `(2006)` after the detail that follows ` : `
    assert acts[0][2:] == (2003, 2005)
    assert acts[6][1:] == ("Forum économique Agadir", None, None)  # the explanation in brackets dropped
    # a heading whose list has one entry: the entry is the project, not the heading
    fruits = [a for a in acts
              if a[1] == "Renforcement des filières fruits et légumes d'Aquitaine et du Souss Massa Drâa"]
    assert [(a[0], a[2]) for a in fruits] == [(84, 2005), (86, 2006), (108, None)]
    cinema = next(a for a in r.actions if "cinématographique" in a.title)
    assert cinema.title.endswith("(apprentissage professionnel pour former des techniciens du cinéma et "
                                 "formations universitaires)")  # long names are kept whole


def test_project_years_and_sub_items():
    """Seine-Saint-Denis (l.5722-5938): dates inside a title, years from the description of an
    undated project, and unpunctuated sub-items that stay parts of their project."""
    r = _parse("seine_saint_denis.txt")
    acts = {a.title: a for a in r.actions}
    assert len(r.actions) == 8
    sport = acts["Éducation / Échanges scolaires / Sport"]
    assert (sport.start, sport.end) == (2002, 2005)
    info = acts["Informatisation et mise en réseau des services de Municipalité de Figuiq"]
    assert (info.status, info.start, info.end) == ("en cours", 2003, None)  # runs on: no end
    env = acts["Éducation à l'environnement ; Espace vert"]
    assert (env.start, env.end) == (2003, 2008)
    assert "Accueil de stagiaires à Figuig et en Seine-Saint-Denis" in env.description
    people = [(c.name, c.side) for c in r.partnerships[0].contacts if c.name]
    assert ("Amar ABOU", "partner") in people and ("Brahim BAHOU", "partner") in people
    assert ("Gilbert ROGER", "french") in people


@pytest.fixture(scope="module")
def whole():
    return maroc.parse(DATA.read_text(encoding="utf-8"), DATA.name)


def test_whole_document_counts(whole):
    s = whole.stats
    for key in ("sheets", "pairs_from_sheets", "listed", "partnerships", "actions", "merged"):
        assert s[key] == MAROC[key], key
    assert whole.warnings == []
    statuses = {}
    for a in whole.actions:
        statuses[a.status] = statuses.get(a.status, 0) + 1
    # None: 20 of them Montereau's chronology
    # réalisé: 85 with Bordeaux's three `Autres projets réalisés` (one before they were split)
    # and Midi-Pyrénées' agricultural studies (they were the budget of the project above)
    # suivi: 20, Aix-Oujda's « SUIVI DES PROJETS » one per bullet under its themes (9 when the themes were titles;
    # 18 while its two longer headings, `Échanges entre sociétés civiles (ONG)`…, still titled theirs)
    assert statuses == {"en cours": 94, "réalisé": 85, "suivi": 20, "en projet": 13, None: 32}


def test_a_town_named_like_a_departement_is_the_town():
    """`Ville de Vienne` (l.4239) is Vienne in Isère (`38209 Vienne`, l.4392), not the Vienne
    département of Poitou-Charentes; the Conseil général de l'Hérault is its département."""
    assert (maroc.french_party("Ville de Vienne").region, maroc.french_party("Ville de Vienne").subdivision) == (
        "Rhône-Alpes", "Isère")
    cg = maroc.french_party("Conseil général de l'Hérault")
    assert (cg.kind, cg.region, cg.subdivision) == ("département", "Languedoc-Roussillon", "Hérault")
    cr = maroc.french_party("Conseil régional de Bourgogne")
    assert (cr.kind, cr.region, cr.subdivision) == ("région", "Bourgogne", None)


def test_ids_are_stable(whole):
    again = maroc.parse(DATA.read_text(encoding="utf-8"), DATA.name)
    assert [p.id for p in again.partnerships] == [p.id for p in whole.partnerships]
    assert [a.id for a in again.actions] == [a.id for a in whole.actions]
    assert len({a.id for a in whole.actions}) == len(whole.actions)


def test_every_raw_domain_maps(whole):
    labels = {l for p in whole.partnerships for l in p.domains_raw}
    labels |= {a.domain_raw for a in whole.actions if a.domain_raw}
    assert [l for l in sorted(labels) if not map_domain(l)] == []


def test_synthesis_sub_domains_refine_their_heading():
    """`Synthèse des coopérations par domaines d'intervention` (l.7980-8260): a sub-domain marked
    `➤` says which part of its heading a partnership is filed under."""
    assert maroc.synthesis_domains("Éducation et jeunesse", "Coopération universitaire") == ["Éducation et formation"]
    assert maroc.synthesis_domains("Éducation et jeunesse", "**Chantiers et échanges de jeunes**") == [
        "Jeunesse et sport"]
    assert maroc.synthesis_domains("Environnement", "Circulations douces") == ["Environnement et déchets"]
    assert maroc.synthesis_domains("Développement social", "Santé") == ["Santé"]
    assert maroc.synthesis_domains("Développement social", "Insertion des femmes") == ["Action sociale et solidarité"]
    assert maroc.synthesis_domains("Développement économique", "**Autres**") == ["Développement économique"]
    assert maroc.synthesis_domains("Sport", None) == ["Jeunesse et sport"]


def test_the_documents_own_year_is_planned_only_when_announced():
    """July 2008: `un programme qui va démarrer en 2008` (l.5810) announces 2008; a programme
    established in 2008 is done; the noun `programme` alone announces nothing."""
    from indexer.parsers import dates
    said = "Les études préalables vont permettre de définir un programme qui va démarrer en 2008."
    assert (dates.years(said, 2008).found, dates.years(said, 2008).planned) == ([], [2008])
    done = "Un programme de travail a été établi en 2008."
    assert (dates.years(done, 2008).found, dates.years(done, 2008).planned) == ([2008], [])
    # the sheet's years stop at the document's date; a project's planned start stays its start
    from indexer.corpus import rollup_result
    r = _parse("seine_saint_denis.txt")
    rollup_result(r)
    p = _by_id(r)["cg-seine-saint-denis--figuig"]
    heritage = next(a for a in r.actions if a.title == "Réhabilitation du patrimoine bâti")
    assert (heritage.start, heritage.end) == (2008, None)
    assert 2008 in p.years  # the student placement of February 2008, done (l.5875)


def test_a_chronology_is_the_sheets_actions(whole):
    """Montereau-Safi (l.2324): each dated entry of its CHRONOLOGIE is an action of its year, an
    undated paragraph one of the year above it (`Envoi de matériel médical…`, April 2006), each at
    its own line; the history keeps only what `Historique` says."""
    acts = [a for a in whole.actions if a.partnership_id == "montereau-fault-yonne--safi"]
    assert len(acts) == 20
    by_line = {a.sources[0].first_line: a for a in acts}
    assert by_line[2326].title.startswith("Visite d'une délégation de la municipalité") and by_line[2326].start == 2004
    assert by_line[2330].title.startswith("Délégation du secteur de l'artisanat")  # `164^{ème}` in the raw line
    assert by_line[2336].title.startswith("Séjour d'une équipe de football") and by_line[2336].end == 2006
    assert by_line[2338].title.startswith("Envoi de matériel médical") and by_line[2338].start == 2006
    assert by_line[2364].title == "Inauguration de la Rue de Safi à Montereau" and by_line[2364].start == 2008
    sheet = next(p for p in whole.partnerships if p.id == "montereau-fault-yonne--safi")
    assert sheet.history == "Rencontres entre élus, réseaux de migrants."
    lines = ["Mars 2004 : Visite.", "Suite sans date.", "25 juin 2005 : Signature.", "1^{er} mai 2006 : Fête."]
    assert [maroc_projects._DATED_RE.match(x) is not None for x in lines] == [True, False, True, True]


def test_every_formal_act_of_the_legal_framework_dates_the_partnership(whole):
    """Marseille-Rabat (l.1810): `Cadre juridique : Accord de coopération signé en août 1989 /
    Déclaration commune de coopération signée le 27 juin 1998.` with `Date : 1989.`: formalised in
    1989, and the 1998 declaration is a year of the partnership too."""
    p = next(p for p in whole.partnerships if p.id == "marseille--rabat")
    assert p.formalized == 1989 and {1989, 1998} <= set(p.years)


def _action(whole, pid, title_start):
    return next(a for a in whole.actions if a.partnership_id == pid and a.title.startswith(title_start))


def test_a_description_label_dates_its_project(whole):
    """CG Isère–Tadla-Azilal (l.5239-5243): `Actions de développement intégré au douar Megdaz
    (débuté en 2004)`, then `Description du projet (2004 à 2006)`: the project ran to 2006."""
    megdaz = _action(whole, "cg-isere--cr-tadla-azilal", "Actions de développement intégré au douar Megdaz")
    assert (megdaz.start, megdaz.end) == (2004, 2006)
    assert 2006 in megdaz.years


def test_a_running_project_with_several_dated_steps_runs_from_the_first_to_the_last(whole):
    """CR Nord-Pas de Calais–Doukkala Abda, SRAT (l.7249-7269): no date in its title, its `Déroulement du
    projet` dates its steps 2005, 2006, novembre 2006, février 2007, juillet 2007 -> 2005-2007 (it had no
    end, as a running project dated by one year has). Seine-Saint-Denis–Figuig's informatisation (l.5794,
    `en 2003, puis …`) and patrimoine (l.5806, `qui va démarrer en 2008`) each print one year: open-ended."""
    srat = _action(whole, "cr-nord-pas-de-calais--cr-doukkala-abda", "Appui à la mise en œuvre d'un Schéma")
    assert (srat.status, srat.start, srat.end) == ("en cours", 2005, 2007)
    for first_line, start in ((5794, 2003), (5806, 2008)):
        one = next(a for a in whole.actions if a.sources[0].first_line == first_line)
        assert (one.status, one.start, one.end) == ("en cours", start, None), first_line


def test_what_was_done_for_an_intention_is_activity(whole):
    """CR Nord-Pas de Calais–Doukkala Abda, INTENTIONS DE PROJETS (l.7424-7491), in a document of
    July 2008: the colloquium of 2006 and the delegation of July 2007 took place; 2008 is planned."""
    pid = "cr-nord-pas-de-calais--cr-doukkala-abda"
    littoral = _action(whole, pid, "Gestion Intégrée du Littoral")
    assert (littoral.status, littoral.years, littoral.start, littoral.end) == ("en projet", [2006], 2006, 2006)
    culture = _action(whole, pid, "Culture /patrimoine")
    assert (culture.years, culture.start, culture.end) == ([2007], 2008, 2008)
    gazelles = _action(whole, pid, "Valorisation de la réserve royale de gazelles")
    assert gazelles.years == [2007]  # `2007 : Mission d'expertise`; `Développement de projets en 2008` is a plan


def test_sub_items_under_an_objective_date_the_project(whole):
    """Strasbourg–Fès (l.3844-3851): `Objectif : améliorer la circulation…`, then the project's
    items, one of them `organisée, en avril 2006`: the project's date."""
    bus = _action(whole, "strasbourg--fes", "Transport publics urbains")
    assert (bus.years, bus.start, bus.end) == ([2006], 2006, 2006)


def test_a_later_entry_that_is_only_a_theme_is_filed_under_it(whole):
    """CR Nord-Pas de Calais–Doukkala Abda (l.7426-7444): `Culture /patrimoine (projet d'accord
    culturel pour 2008)` after the project of `AMÉNAGEMENT DU TERRITOIRE, ENVIRONNEMENT` is a theme
    of its own; La Rochelle's `Déplacement de jeunes danseurs (2001)` (l.1468) is a project of its
    heading, CULTURE."""
    culture = _action(whole, "cr-nord-pas-de-calais--cr-doukkala-abda", "Culture /patrimoine")
    assert (culture.domain_raw, culture.domains) == ("Culture /patrimoine", ["Culture et patrimoine"])
    dancers = _action(whole, "rochelle--essaouira", "Déplacement de jeunes danseurs")
    assert dancers.domain_raw == "CULTURE"
    assert maroc_sheet.is_theme("Santé, éducation") and not maroc_sheet.is_theme("Déplacement de jeunes danseurs")


def test_a_later_entry_that_opens_with_a_theme_of_its_own_is_filed_under_it(whole):
    """Mantes-la-Jolie–Rabat (l.1633-1682): `Développement social et urbain, politique de la ville à
    Rabat` follows the project of `RENFORCEMENT DES CAPACITÉS, DÉVELOPPEMENT ÉCONOMIQUE` with no
    heading of its own: it opens with its own theme (the sheet's third domain), not the heading's."""
    pid = "mantes-la-jolie--rabat"
    first = _action(whole, pid, "Appui au renforcement durable")
    social = _action(whole, pid, "Développement social et urbain")
    assert first.domain_raw == "RENFORCEMENT DES CAPACITÉS, DÉVELOPPEMENT ÉCONOMIQUE"
    assert social.domain_raw == "Développement social et urbain"
    assert {"Action sociale et solidarité", "Urbanisme, aménagement et transports"} <= set(social.domains)
    assert "Développement économique" not in social.domains


def test_a_written_sum_gives_the_budget_a_conversion_does_not():
    """CU Nantes-Agadir (l.4656): `543 000€ en numéraire + 145 000€ en valorisé = 688 000 €`
    states the project's total; CG Hérault (l.4886) `5 000 000 Dhs = 440 000€` is one amount
    converted, not a sum."""
    b = maroc_projects.parse_budget("543 000€ en numéraire + 145 000€ en valorisé = 688 000 €. Cofinancement PAD : "
                                    "montant total attribué 273 000 €, dont 208 000 € pour Agadir.")
    assert (b.amount, b.currency, b.kind) == (688000.0, "EUR", "total")
    b = maroc_projects.parse_budget("Souss Massa Drâa : 5 000 000 Dhs = 440 000€")
    assert (b.amount, b.currency) == (5000000.0, "MAD")


def test_a_sub_heading_over_bulleted_projects_gives_one_project_per_bullet(whole):
    """Bordeaux–Casablanca (l.705-709): `Autres projets réalisés` heads three bulleted projects
    (a training week, the lighting of place Mohammed V, the tramway): three actions, none titled
    by the sub-heading."""
    titles = [a.title for a in whole.actions if a.partnership_id == "bordeaux--casablanca"]
    assert "Autres projets réalisés" not in titles
    assert titles[3].startswith("Formation d'une semaine à Bordeaux")
    tram_title = "Appui de la ville de Bordeaux à Casablanca dans la réalisation du Tramway, et par extension les " \
                 "transports en commun"
    assert titles[4:] == ["Projet d'éclairage de la place Mohammed V", tram_title]
    tram = next(a for a in whole.actions if a.partnership_id == "bordeaux--casablanca" and "Tramway" in a.title)
    assert tram.sources[0].first_line == 709 and tram.status == "réalisé"
    assert tram.description.startswith("Appui de la ville")


_NPDC_INTENTIONS = """INTENTIONS DE PROJETS

AMÉNAGEMENT DU TERRITOIRE, ENVIRONNEMENT

Gestion Intégrée du Littoral

Description du projet

Financement et participation en 2006 à un colloque sur la géomorphologie du Littoral organisé par la faculté de Safi.

Culture /patrimoine (projet d'accord culturel pour 2008)

Description du projet

Missions techniques d'échange ; Délégation de 8 professionnels au Maroc en juillet 2007.

Développement de la vie associative (en réflexion pour 2008)

→ *Objectifs : Accompagner le développement de la vie associative en région de Doukkala Abda.*

ENVIRONNEMENT, DÉVELOPPEMENT LOCAL

Valorisation de la réserve royale de gazelles de M'Sabih Talaa - Province de Safi (prévu pour 2008)

Description du projet

2007 : Mission d'expertise de M. P. DHENIN, directeur général d'Espaces Naturels Lille Métropole.
"""


def test_a_project_filed_under_its_own_theme_ends_its_headings_list():
    """CR Nord-Pas de Calais–Doukkala Abda (l.7424-7490, verbatim excerpt): `Culture /patrimoine`
    leaves the heading AMÉNAGEMENT DU TERRITOIRE, ENVIRONNEMENT; the next project, `Développement
    de la vie associative`, is not the heading's either (it names its own theme); the next upper-case
    heading files the following project again."""
    from indexer.records import ParseResult

    lines = _NPDC_INTENTIONS.splitlines()
    ctx = maroc_sheet.Ctx("excerpt", lines, ParseResult(document="excerpt"))
    items = maroc_sheet.read_sheet(maroc_sheet.logical_lines(lines, 0, len(lines)), ctx).items
    assert [(i.title_raw.split(" (")[0], i.heading) for i in items] == [
        ("Gestion Intégrée du Littoral", "AMÉNAGEMENT DU TERRITOIRE, ENVIRONNEMENT"),
        ("Culture /patrimoine", "Culture /patrimoine"),
        ("Développement de la vie associative", "Développement de la vie associative"),
        ("Valorisation de la réserve royale de gazelles de M'Sabih Talaa - Province de Safi",
         "ENVIRONNEMENT, DÉVELOPPEMENT LOCAL"),
    ]
    assert map_domain(items[2].heading) == ["Société civile"]


_MIDI_PYRENEES_ASSOCIATIONS = """PROJETS RÉALISÉS

ASSOCIATIONS

Solidarité - Aide au Financement

→ *Objectif : Appui aux projets de lutte contre la pauvreté.*

Financement

Région Midi-Pyrénées : 100 705 €.

Agriculture Agroalimentaire

Études réalisées par la profession agricole de Midi-Pyrénées pour l'amélioration de la Qualité des produits, \
de l'élevage et des centres collectifs de production.

Financement

Région Midi-Pyrénées : 25 000 €.

Partenaires

Centre hospitalier de Sambre – Avesnois
Associations

Financement

Nord-Pas de Calais : Mise à disposition de personnels médicaux.
"""


def test_a_theme_in_lower_case_after_a_finished_field_heads_the_next_project():
    """CR Midi-Pyrénées–Marrakech (l.7034-7052, verbatim excerpt): `Agriculture Agroalimentaire`
    after the budget of `Solidarité - Aide au Financement` heads the agricultural studies, which were
    that budget's text; a theme word closing a partners list above a field label (`Associations`,
    CR Nord-Pas de Calais l.7294, appended) stays a partner."""
    from indexer.records import ParseResult

    lines = _MIDI_PYRENEES_ASSOCIATIONS.splitlines()
    ctx = maroc_sheet.Ctx("excerpt", lines, ParseResult(document="excerpt"))
    items = maroc_sheet.read_sheet(maroc_sheet.logical_lines(lines, 0, len(lines)), ctx).items
    assert [(i.title_raw[:40], i.heading, i.fields["budget"]) for i in items] == [
        ("Solidarité - Aide au Financement", "ASSOCIATIONS", ["Région Midi-Pyrénées : 100 705 €."]),
        ("Études réalisées par la profession agric", "Agriculture Agroalimentaire",
         ["Région Midi-Pyrénées : 25 000 €.", "Nord-Pas de Calais : Mise à disposition de personnels médicaux."]),
    ]
    assert items[1].fields["partners"] == ["Centre hospitalier de Sambre – Avesnois", "Associations"]


def test_a_long_list_of_domain_labels_is_no_prose():
    """CR Midi-Pyrénées–Marrakech (l.6943): six labels, 155 characters, were filed as objectives;
    Ouarzazate's paragraph (l.6618) stays prose."""
    line = ("Appui et échanges institutionnels ; Développement rural ; Développement économique (tourisme) ; "
            "Éducation-Formation ; Société civile ; Gouvernance locale.")
    assert maroc._split_domains(line, []) == ([
        "Appui et échanges institutionnels", "Développement rural", "Développement économique (tourisme)",
        "Éducation-Formation", "Société civile", "Gouvernance locale"], [])
    prose = ("La finalité de ce programme, qui s'inscrit dans une démarche pluriannuelle, est d'initier une "
             "intercommunalité structurée pour la ville de Ouarzazate et ses communes environnantes ; "
             "l'accompagnement à la mise en place de services administratifs compétents.")
    assert maroc._split_domains(prose, []) == ([], [prose])


def test_an_email_written_after_a_persons_role_is_their_email():
    """Marseille–Marrakech (l.2101): `… et des Relations Internationales - deya_cu@yahoo.fr` is
    Deya BENJELLOUN's e-mail, not the end of her role."""
    from indexer.parsers.maroc_contacts import parse_contacts

    line = ("Mme Deya BENJELLOUN, Responsable de la Division de la Coopération décentralisée et des "
            "Relations Internationales - deya_cu@yahoo.fr")
    [c] = parse_contacts([(2101, line)], maroc.french_party("Ville de Marseille"),
                         [maroc.moroccan_party("Commune urbaine de Marrakech")])
    assert (c.name, c.email) == ("Deya BENJELLOUN", "deya_cu@yahoo.fr")
    assert c.role == "Responsable de la Division de la Coopération décentralisée et des Relations Internationales"


def test_each_person_belongs_to_the_address_block_that_closes_their_group():
    """Bourgogne (l.6178-6197): Meknès's president and address, then Marrakech's: Omar EL JAZOULI
    is Marrakech's, not the first Moroccan organisation of the sheet."""
    records = _by_id(_parse("bourgogne.txt"))
    # (round 56: each Moroccan president is now only in their own pair's record)
    orgs = {c.name: c.organisation for pid in ("cr-bourgogne--marrakech", "cr-bourgogne--meknes")
            for c in records[pid].contacts if c.name}
    assert orgs["Omar EL JAZOULI"] == "Commune urbaine de Marrakech"
    assert orgs["Abou Bakr BELKORA"] == "Commune urbaine de Meknès"
    assert orgs["Emilie CASTEL"] == "Conseil régional de Bourgogne"


def test_two_persons_over_two_emails_each_get_the_one_that_spells_them():
    """Doukkala-Abda (l.7581-7590): two persons, then their numbers and two e-mails; the second
    e-mail is no longer dropped, and each goes to its person (the list is split by its owners)."""
    from indexer.parsers.contacts import owned_emails
    from indexer.parsers.maroc_contacts import parse_contacts

    lines = ["Mme Asma MEFTAH", "M. Mohammed EL IDRISI", "Collaborateurs de M. le Wali", "Tél : + 212 24 62 22 72/75",
             "meftahasma@yahoo.fr", "idrissi05@gmail.com", "M. Jean-François PASCAL",
             "jean-francois.pascal@saint-etienne.fr", "international@saint-etienne.fr"]
    found = owned_emails(parse_contacts(list(enumerate(lines, 7581)), maroc.french_party("Ville de Saint-Étienne"),
                                        [maroc.moroccan_party("Commune urbaine de Safi")]))
    emails = {c.name: c.email for c in found if c.name}
    assert emails["Asma MEFTAH"] == "meftahasma@yahoo.fr"
    assert emails["Mohammed EL IDRISI"] == "idrissi05@gmail.com"
    # Saint-Étienne–Fès (l.3467-3477): his own address and the service's, both under his name
    assert emails["Jean-François PASCAL"] == "jean-francois.pascal@saint-etienne.fr; international@saint-etienne.fr"


def test_the_years_of_a_projects_expected_results_are_plans(whole):
    """CG Loire-Atlantique–Agadir (l.5490-5508): the randonnée plan's `Résultats attendus` end with `un plan
    d'action pluriannuel à proposer aux partenaires pour 2007 à 2009`; what the project should give is no
    year of its work (the document is of 2008), so 2007 is planned. The text stays in its description."""
    walk = next(a for a in whole.actions if a.sources[0].first_line == 5490)
    assert walk.years == [] and "pour 2007 à 2009" in walk.description
    loire = next(p for p in whole.partnerships if p.id == walk.partnership_id)
    assert 2007 not in loire.years and "2007" in loire.extra["Années prévues"]
