"""Mali repertoire parser, on verbatim excerpts and on the whole document."""
from __future__ import annotations

from pathlib import Path

import pytest

from expected_counts import MALI
from indexer.corpus import rollup_result
from indexer.domains import map_domain
from indexer.parsers import mali
from indexer.records import RI_BUDGET

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "mali"
DATA = ROOT / "data" / "mali-repertoire-2008.txt"


def _parse(name: str):
    result = mali.parse((FIX / name).read_text(encoding="utf-8"), name)
    rollup_result(result)  # domains and years are rolled up by the merge
    return result


def test_aix_sheet_fields():
    r = _parse("aix_sheet.txt")
    assert r.stats["sheets"] == 1 and r.stats["actions"] == 1
    (p,) = r.partnerships
    assert p.id == "aix-en-provence--bamako-commune-v"
    assert (p.french_party.name, p.french_party.kind, p.french_party.subdivision) == (
        "Aix-en-Provence", "commune", "Bouches-du-Rhône")
    assert p.french_party.population == 139800
    pp = p.partner_party
    assert (pp.name, pp.kind, pp.country, pp.region, pp.population) == (
        "Bamako-Commune V", "commune", "Mali", "District de Bamako", 250000)
    assert p.legal_framework == "Convention signé en 2003"
    # 2006: `Identification en novembre 2006 d'une thématique santé`, done before the sheet's date
    assert p.formalized == 2003 and p.years == [2003, 2006]
    assert p.updated == "2008-10-10"
    # its cooperation's budget line is empty (fixture l.73-74, source l.254-255); « 200 000 euros » is the town's whole
    # international-relations budget (l.257-258), under its own label, never the partnership's
    assert p.budget is None and p.extra == {RI_BUDGET: "200 000 euros"}
    assert p.partners == "techniques : Centre Hospitalier Général"
    assert p.domains == ["Appui institutionnel et gouvernance", "Société civile"]
    assert p.contacts[0].name == "Maryse JOISSAINS-MASINI" and p.contacts[0].side == "french"
    assert p.contacts[1].name == "Demba FANE" and p.contacts[1].side == "partner"
    assert "Cités Unies France - Répertoire" not in p.perspectives
    assert p.objectives.startswith("Pour la partie française : Les liens historiques")
    assert (p.sources[0].first_line, p.sources[0].last_line, p.sources[0].page) == (1, 136, 13)
    (a,) = r.actions
    assert a.id == "aix-en-provence--bamako-commune-v--a01"
    assert a.domain_raw == "Gouvernement et société civile"
    assert a.title == "Accompagnement, renforcement des capacités des acteurs locaux"
    assert a.status == "réalisé"
    assert (a.sources[0].first_line, a.sources[0].last_line) == (109, 110)  # from its title line


def test_list_pairs_and_sheet_without_partner():
    r = _parse("list_and_bron.txt")
    assert r.stats["listed"] == 70 and r.stats["sheets"] == 1
    bron = r.partnerships[0]
    assert bron.id == "bron" and bron.partner_party is None and bron.countries == ["Mali"]
    assert bron.french_party.population == 39000 and bron.french_party.region == "Rhône-Alpes"
    assert bron.history.startswith("La Ville de Bron subventionne deux associations")
    ids = {p.id: p for p in r.partnerships}
    # a comma inside a pair: `Djelebou, Karakoro et Sahel` is one partner
    djel = ids["communaute-de-communes-asterienne-isle-et-vern--djelebou-karakoro-et-sahel"]
    assert djel.partner_party.name == "Djelebou, Karakoro et Sahel"
    assert djel.sources[0].first_line == 14 and djel.detail == "listed"
    cg = ids["cg-haute-marne--san"]
    assert cg.french_party.name == "Conseil général de la Haute-Marne"
    assert cg.french_party.kind == "département" and cg.partner_party.region == "Ségou"
    # two list entries are two partnerships, even with close names
    assert "aurillac--bougouni" in ids and "ca-bassin-d-aurillac--bougouni" in ids


def test_menaka_annex_disagreement_sheet_wins():
    r = _parse("menaka_and_annex.txt")
    assert r.stats["annex_rows"] == 52
    p = r.partnerships[0]
    assert p.partner_party.name == "Cercle de Ménaka" and p.partner_party.kind == "cercle"
    assert p.partner_party.region == "Gao" and p.partner_party.subdivision == "Ménaka"
    assert [s.section for s in p.sources] == ["sheet", "Annexe 1"]
    assert p.sources[1].first_line == 182
    assert p.notes == ["L'annexe 1 (ligne 182) classe ce partenariat sous Kidal ; la fiche indique Gao."]
    ids = {q.id: q for q in r.partnerships}
    angers = ids["angers--bamako"]
    assert angers.detail == "listed" and angers.french_party.subdivision == "Maine-et-Loire"
    assert angers.partner_party.region == "District de Bamako"
    assert ids["cg-morbihan--kidal-region"].partner_party.region == "Kidal"


@pytest.fixture(scope="module")
def whole():
    return mali.parse(DATA.read_text(encoding="utf-8"), DATA.name)


def test_whole_document_counts(whole):
    s = whole.stats
    assert (s["sheets"], s["listed"], s["annex_rows"]) == (MALI["sheets"], MALI["listed"], MALI["annex_rows"])
    assert s["partnerships"] == len(whole.partnerships) == MALI["partnerships"]
    assert s["actions"] == len(whole.actions) == MALI["actions"]
    assert sum(p.detail == "sheet" for p in whole.partnerships) == MALI["sheet_partnerships"]
    assert len({p.id for p in whole.partnerships}) == len(whole.partnerships)


def test_every_sheet_parses_without_an_error(whole):
    # the never-raise guard turns a bug into a warning and an empty sheet: none may be hidden that way
    assert not [w for w in whole.warnings if "non lue" in w]


def test_whole_document_regions_and_merges(whole):
    ids = {p.id: p for p in whole.partnerships}
    assert [s.section for s in ids["montreuil--yelimane"].sources] == ["sheet", "sheet", "Annexe 1"]
    # the PADDY sheet's presentation (l.9181-9189): its contacts field tells `En 2001, Montreuil … a
    # souhaité initier une coopération`, its formalisation field the quadripartite accord of 2005
    assert {1985, 2001, 2005} <= set(ids["montreuil--yelimane"].years)
    mal = [p for p in whole.partnerships if p.partner_party is not None]
    missing = [p.id for p in mal if not p.partner_party.region]
    assert missing == ["cg-seine-saint-denis--figuig"]  # Figuig is in Morocco
    assert ids["federation-france-cercle-de-menaka--cercle-menaka"].partner_party.region == "Gao"


def test_two_parses_same_ids(whole):
    again = mali.parse(DATA.read_text(encoding="utf-8"), DATA.name)
    assert [p.id for p in again.partnerships] == [p.id for p in whole.partnerships]
    assert [a.id for a in again.actions] == [a.id for a in whole.actions]


def test_every_domain_label_maps(whole):
    labels = {a.domain_raw for a in whole.actions if a.domain_raw}
    labels |= {d for p in whole.partnerships for d in p.domains_raw}
    assert labels and all(map_domain(label) for label in labels)


def test_looks_like():
    assert mali.looks_like(DATA.read_text(encoding="utf-8"))
    assert not mali.looks_like("Répertoire des partenariats franco-marocains")


def test_parse_never_raises_on_odd_input():
    r = mali.parse("Date de mise à jour : 01/01/2008\n", "x.txt")
    assert r.stats["sheets"] in (0, 1) and isinstance(r.warnings, list)
    assert mali.parse("", "x.txt").partnerships == []


def test_a_profile_in_prose_keeps_its_text_domains_and_years(corpus):
    """`Autres types de partenariats`, lines 12909-12954: Action Mopti has no identity blocks and no
    presentation heading, only prose (`créée en 1986`, `PDLU pour la période 1999-2001`, `L'éducation
    (appui à la lecture …)`, `La santé (…)`). Bron (lines 12651-12677) dates its grants in its
    presentation only (`aide depuis 1999`, `aide depuis 1992`). With no other dated field, what their
    text tells is all that dates and files them."""
    by_id = {p.id: p for p in corpus.partnerships}
    mopti = by_id["action-mopti"]
    assert mopti.history and mopti.history.startswith("Action Mopti, créée en 1986")
    assert "cours du soir alphabétisation" in mopti.history
    assert {"Éducation et formation", "Santé"} <= set(mopti.domains)
    assert {1986, 1999, 2001, 2005} <= set(mopti.years)
    # its periods whole: the PADL `pour la période 2002-2005`, the PADCM `pour la période 2005-2008`
    assert {2003, 2004, 2006, 2007} <= set(mopti.years)
    assert max(mopti.years) <= 2008  # nothing after the repertoire's date
    assert {1992, 1999} <= set(by_id["bron"].years)
    # its kind line `ONG de développement (Mali, Mopti)` says where it stands (the gold sheet's reading);
    # Bron, with its `Département/Région` field, stays the French town it is
    assert (mopti.french_party.country, mopti.french_party.region) == ("Mali", "Mopti")
    assert (by_id["bron"].french_party.country, by_id["bron"].french_party.region) == ("France", "Rhône-Alpes")
    # CU Nancy - Anderamboukane, no date in its presentation: `Depuis mars 2004, ce groupe …`, `une première
    # action s'est déroulée le 7 mars 2005` (what its history section tells, read as its objectives)
    assert {2004, 2005} <= set(by_id["cu-nancy--conseil-communal-d-anderamboukane"].years)


_PROGRAMME = """Perspectives du partenariat
Une nouvelle convention tripartite pour trois ans. Budget annuel : 331 000 €.

 PROGRAMMATION DES ACTIONS - 2008 BP 2008
Ingénierie de projets et appui technique (Sévaré) des projets des 4 axes prioritaires :
Fonctionnement Sévaré 69 300 €
Axe prioritaire n°1 : Sécurité alimentaire et hydraulique villageoise
Barrage
Construction d'un barrage de retenue d'eau pluviale sur la commune de Kassa. Financement en
2007 de la première tranche (50 %).

Actualisation de l'étude hydraulique (3 000 €) et deuxième tranche des travaux.  22 000 €
Périmètres irrigués villageois
Réhabilitation d'un périmètre irrigué à Konna en vue de relancer les activités de production.

Réhabilitation d'un périmètre irrigué à Diantakaye en vue de relancer les activités de
production (rizicole notamment). Il s'agit également de renforcer les capacités.

34 000 €
Axe prioritaire n°2 : Tourisme solidaire
Il s'agit dans un premier temps de définir un cadre (objectifs :
promouvoir le tourisme d'hivernage).

1) Education formelle : projet lecture, appui à la scolarisation des filles. 2)
Education non formelle : création de centres d'alphabétisation.

25 000 €
TOTAL PROJETS MALI 195 000 €
"""


def test_a_budgeted_programme_in_the_perspectives_gives_its_planned_actions():
    from indexer.parsers.cuf_programme import programme_actions

    body = list(enumerate(_PROGRAMME.split("\n"), start=4080))
    actions = programme_actions(body)
    assert [a.title for a in actions] == [
        "Fonctionnement Sévaré",
        "Actualisation de l'étude hydraulique et deuxième tranche des travaux",  # its study's own amount dropped
        ("Réhabilitation d'un périmètre irrigué à Diantakaye en vue de relancer les activités de production "
        "(rizicole notamment)"),  # the paragraph before an amount alone, not the one describing Konna
        "Education formelle : projet lecture, appui à la scolarisation des filles",
        "Education non formelle : création de centres d'alphabétisation"]
    assert [a.budget for a in actions] == ["69 300 €", "22 000 €", "34 000 €", "25 000 €", None]
    assert {(a.start, a.end, a.status) for a in actions} == {(2008, 2008, "en projet")}
    assert actions[0].domain_raw == ("Ingénierie de projets et appui technique (Sévaré) des projets des 4 axes "
                                     "prioritaires")
    assert actions[2].domain_raw.startswith("Axe prioritaire n°1")
    assert actions[3].domain_raw.startswith("Axe prioritaire n°2")  # `(objectifs :` wraps a sentence, no heading
    assert actions[1].first == 4080 + _PROGRAMME.split("\n").index(
        "Actualisation de l'étude hydraulique (3 000 €) et deuxième tranche des travaux.  22 000 €")


def test_perspectives_without_a_programme_give_no_action():
    from indexer.parsers.cuf_programme import programme_actions

    text = "Perspectives\nConstruction de salles de classe en 2006 : 54 000 €\n"
    assert programme_actions(list(enumerate(text.split("\n")))) == []


def test_a_presentation_label_cut_over_two_lines_is_no_part_of_its_value():
    """Dourdan-Troumgoumbé (l.6091-6104): `Budget consacré à la coopération` / `décentralisée/an :`
    gave the budget « décentralisée/an : 4517 euros … »; the label's second line is the label's."""
    from indexer.parsers.cuf_presentation import presentation

    lines = DATA.read_text(encoding="utf-8").splitlines()[6090:6104]
    assert lines[0].startswith("Budget consacré à la coopération")
    found, _ = presentation(lines)
    assert " ".join(found["budget_dc"]).strip().startswith("4517 euros en moyenne par an")
    assert [x for x in found["budget_ri"] if x] == ["Variable"]
    # a label and its value on one line, as in most sheets, are read as before
    found, _ = presentation(["Budget consacré à la coopération décentralisée/an: 12 000 €"])
    assert found["budget_dc"] == ["12 000 €"]


def test_a_budget_line_the_form_does_not_print_holds_its_value_alone():
    """AIMF-Kayes (l.13305-13307, verbatim): `Budget de l’AIMF : 5 millions d’euros`, a blank, then
    `Depuis 2002, 104 000 € ont été investis à Kayes`: the second is what went to Kayes, not the
    AIMF's budget; it is the presentation's free text. Montreuil (l.8832-8833): a label whose value
    stands on the next line keeps it."""
    from indexer.parsers.cuf_presentation import other_budget, presentation

    found, free = presentation(["Budget de l’AIMF : 5 millions d’euros ", " ",
                                "Depuis 2002, 104 000 € ont été investis à Kayes ", " "])
    assert other_budget({k: " ".join(x for x in v if x) for k, v in found.items()}) == {
        "Budget de l’AIMF": "5 millions d’euros"}
    assert [x.strip() for x in free if x.strip()] == ["Depuis 2002, 104 000 € ont été investis à Kayes"]
    found, free = presentation(["Budget consacré à ce projet :  ", "50.000 euros / an "])
    assert found["budget:Budget consacré à ce projet"] == ["", "50.000 euros / an"] and not free


def test_side_labels_left_blank_are_no_objectives():
    """AIMF sheets (l.13317-13320): `Pour l’AIMF :` and `Pour la partie malienne :` with nothing after
    them are no objectives; a side label with its text is kept."""
    from indexer.parsers.cuf import _objectives

    clean = lambda ls: "\n".join(x.strip() for x in ls if x.strip()) or None
    assert _objectives(["Motivations & objectifs de départ :", "Pour l’AIMF : ", "", "Pour la partie malienne : "],
                       clean) is None
    assert _objectives(["Pour l’AIMF : former les cadres"], clean) == "Pour l’AIMF : former les cadres"


def test_the_forms_labels_cut_over_lines_or_left_blank_are_no_text(corpus):
    """Labels of the sheet's form read as text (sources read by hand, Mali document):
    - Roncq-Sélinkégny (l.10663-10665): `… (ex : convention) régissant le` / `partenariat:` began its
      legal framework « convention) régissant le partenariat: Signature d'une charte … »;
    - Draveil-Sandaré (l.6283): `motivations & objectifs de départ : Zone Sahélienne …`, in lower
      case, was history with its label, not objectives;
    - Cachan-Diakon: its perspectives were only the section label's second line, « pour les 3
      prochaines années ? partenariats à développer…) »;
    - Angers-Bamako: its objectives were the form's two blank sides, « Pour la partie française : /
      Pour la partie malienne : »."""
    by_id = {p.id: p for p in corpus.partnerships}
    assert by_id["roncq--selinkegny"].legal_framework.startswith("Signature d’une charte de jumelage-coopération")
    draveil = by_id["draveil--sandare"]
    assert draveil.objectives.startswith("Zone Sahélienne, grande sécheresse") and not draveil.history
    assert by_id["cachan--diakon"].perspectives is None
    assert by_id["angers--bamako"].objectives is None
    texts = [t for p in corpus.partnerships for t in (p.perspectives, p.objectives, p.history, p.legal_framework) if t]
    assert not any(t.startswith(("pour les 3 prochaines", "convention) régissant", "motivations &")) for t in texts)


def test_partners_under_a_bare_label_are_the_sheets_partners(corpus):
    """Grand Lyon-Bamako lists its partners under a bare « Partenaires : » (l.7832), neither
    technical nor financial: they ran on into the international relations budget above them, which
    the record does not keep (its budget is the cooperation's), and were lost."""
    lyon = next(p for p in corpus.partnerships if p.id == "cu-lyon--district-de-bamako")
    assert lyon.partners.startswith("Agence d’urbanisme de Lyon Développement urbain et intercommunalité")
    assert "Fonds Eau Grand Lyon/Véolia" in lyon.partners and lyon.budget.text == "429 209 € en 2007"


def test_the_international_relations_budget_is_shown_beside_the_cooperations(corpus):
    """A sheet giving both budgets kept only the decentralised cooperation's: CG Essonne-Douentza's
    « 850 000 euros » for its international relations (l.3371) was lost. It is shown beside it, and
    searched only in the sheet's whole text, as before: it says nothing of the partnership's work."""
    from indexer.documents import partnership_document

    by_id = {p.id: p for p in corpus.partnerships}
    essonne = by_id["cg-essonne--cercle-douentza"]
    assert essonne.budget.text.startswith("150 000 euros") and essonne.extra[RI_BUDGET] == "850 000 euros"
    assert by_id["cu-lyon--district-de-bamako"].extra[RI_BUDGET] == "719 921 € en 2007"
    doc = partnership_document(essonne)
    assert "850 000" not in doc["body"] and "850 000" in doc["sheet"]


def test_the_international_relations_budget_alone_is_not_the_partnerships(corpus):
    """QA r41 qa3, defect 12: with the cooperation's line empty, the international-relations figure
    was shown as the partnership's budget (Aix-en-Provence l.254-258 « 200 000 euros », Ivry l.6872-6876
    « 2007 : 88 000 euros », Saumur l.11633-11637 « 55 000,00 € »): it is kept under its own label."""
    by_id = {p.id: p for p in corpus.partnerships}
    for pid, said in (("aix-en-provence--bamako-commune-v", "200 000 euros"),
                      ("ivry-sur-seine--dianguirde", "2007 : 88 000 euros"), ("saumur--sansanding", "55 000,00 €")):
        assert by_id[pid].budget is None and by_id[pid].extra[RI_BUDGET] == said, pid


def test_the_international_relations_budget_dates_no_work_of_the_pair():
    """Ivry-Dianguirdé (l.6875-6876): `Budget consacré aux relations internationales/an :` /
    `2007 : 88 000 euros` is the town's budget for every partner; its year made the pair's span
    2003-2007 where its own texts end in 2006. The cooperation's budget years still count."""
    text = (FIX / "aix_sheet.txt").read_text(encoding="utf-8")
    assert "relations internationales/an : \n200 000 euros" in text
    ri = mali.parse(text.replace("200 000 euros", "2007 : 88 000 euros"), "aix_sheet.txt")
    rollup_result(ri)
    (p,) = ri.partnerships
    assert p.extra[RI_BUDGET] == "2007 : 88 000 euros" and p.years == [2003, 2006]
    dc = mali.parse(text.replace("décentralisée/an: \n", "décentralisée/an: 2007 : 9 000 euros\n"), "aix_sheet.txt")
    rollup_result(dc)
    assert dc.partnerships[0].years == [2003, 2006, 2007]


def test_a_row_naming_a_part_is_a_part_of_the_project_above(corpus):
    """Pontivy's market (lines 10131-10134): `Reconstruction du marché`, then `Première partie` 2002
    and `Deuxième partie` 2008 were three projects, two of them untitled."""
    from indexer.parsers.cuf import parts_of_their_project
    from indexer.parsers.sheet import ActionDraft

    acts = [a for a in corpus.actions if a.partnership_id == "pontivy--ouelessebougou"]
    market = [(a.title, a.years, a.end) for a in acts if "marché" in a.title]
    # the second part, for 2008 in the repertoire of 2008, keeps its year (its sheet's own date, July
    # 2007, decides its state, not its years: À propos)
    assert market == [("Reconstruction du marché : Première partie", [2002], 2002),
                      ("Reconstruction du marché : Deuxième partie", [2008], 2008)]
    assert not any(a.title in ("Première partie", "Deuxième partie") for a in acts)
    # a part under another heading is no part of the project above it
    rows = [ActionDraft("Marché", 1, 1, domain_raw="Économie"), ActionDraft("Phase 2", 2, 2, domain_raw="Santé")]
    assert [d.title for d in parts_of_their_project(rows)] == ["Marché", "Phase 2"]



def test_a_budget_under_the_sheets_own_label_is_no_legal_framework(corpus):
    """QA r41 qa3, defect 3: the AIMF sheets write `Budget de l’AIMF : 5 millions d’euros` / `Total Mali :
    1 744 000 €` / `Depuis 1998, 1 368 000 € ont été investis à Bamako…` (l.13038-13041) after their
    formalisation; « Cadre juridique » showed those figures. The AIMF's budget is kept under the sheet's
    label, and (QA r45 qa11) only it: the Mali total and what went to Bamako are the free text. CR
    Nord-Pas-de-Calais's `Budget annuel consacré à la coopération` / `décentralisée – Action Mali :` /
    `Entre 350 000 €  et 400 000 € /an (depuis 2002)` (l.5193-5195) is its cooperation's budget."""
    by_id = {p.id: p for p in corpus.partnerships}
    aimf = by_id["aimf--bamako-district"]
    assert aimf.legal_framework == "1979 : adhésion à l’AIMF" and aimf.budget is None
    assert aimf.extra["Budget de l’AIMF"] == "5 millions d’euros"
    assert aimf.history.startswith("Total Mali : 1 744 000 €\nDepuis 1998, 1 368 000 € ont été investis à Bamako")
    npdc = by_id["cr-nord-pas-de-calais--assemblee-regionale-de-kayes"]
    assert (npdc.budget.amount, npdc.budget.currency) == (350000.0, "EUR")
    assert "Budget" not in npdc.legal_framework
    # a cell of the cooperation's budget goes on under it (`Budget global : 100 000 €`, l.11185-11190)
    assert all("Budget global" not in key for p in corpus.partnerships for key in p.extra)


def test_a_listed_partnership_keeps_the_writing_with_its_accents(corpus):
    """`Meze/Boni` in the `non renseignés` list (l.12630), `Mèze / Hérault Boni` in the annex (l.13999): the
    record said « Meze »; `La Meziere` (l.12626) and `La Mezière` (l.13924) likewise."""
    from indexer.parsers.mali import _better_written

    assert _better_written("Mèze", "Meze") and _better_written("La Mezière", "La Meziere")
    assert not _better_written("Meze", "Mèze") and not _better_written("Mèze", "Metz")
    by_id = {p.id: p for p in corpus.partnerships}
    assert by_id["meze--boni"].french_party.name == "Mèze"


def test_a_communes_full_name_in_the_annex_names_its_sheets_short_one(corpus):
    """Marolles's sheet writes « Marolles » (l.13719-13721), a name several French communes bear; the
    annex « Marolles en Hurepoix » (l.13930), the one in the Essonne (the sheet's 91 630): the record
    takes the full name, the sheet's words stay in name_raw. A different commune is no longer name."""
    from indexer.parsers.mali import _fuller

    assert _fuller("Marolles en Hurepoix", "Marolles") and _fuller("Saint-Leu-la-Forêt", "Saint Leu")
    assert not _fuller("Marolles", "Marolles en Hurepoix") and not _fuller("Marolles", "Marolles")
    assert not _fuller("Paris (75)", "Paris") and not _fuller("Marollesville", "Marolles")
    french = {p.id: p for p in corpus.partnerships}["marolles--lakamane"].french_party
    assert (french.name, french.name_raw) == ("Marolles-en-Hurepoix", "Marolles – Les amis du Jumelage")


def test_a_listed_partners_cercle_from_the_table_is_said_in_its_note(corpus):
    """`Béthune/Marena Tringa` (l.12608), in the `non renseignés` list only: its cercle « Yélimané »
    came from the table of Mali as its region did, but the note named the region alone. A cercle the
    partner's own name says (`Koro`) needs no word; one spelt like the region is said once."""
    from types import SimpleNamespace as NS

    from indexer.parsers.mali import _unstated_partner_place

    said = _unstated_partner_place(NS(detail="listed"), NS(name="Marena Tringa", subdivision="Yélimané",
                                                           region="Kayes"))
    assert said.startswith("Le document ne donne ni le cercle ni la région de Marena Tringa : « Yélimané » et "
                           "« Kayes » viennent")
    assert "pas la région de Koro : « Mopti » vient" in _unstated_partner_place(
        NS(detail="listed"), NS(name="Koro", subdivision="Koro", region="Mopti"))
    assert "ni le cercle ni la région de Logo : « Kayes » vient" in _unstated_partner_place(
        NS(detail="listed"), NS(name="Logo", subdivision="Kayes", region="Kayes"))
    notes = {p.id: p.notes for p in corpus.partnerships}["bethune--marena-tringa"]
    assert any("« Yélimané » et « Kayes »" in n for n in notes)
