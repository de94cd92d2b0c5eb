"""Mali sheet records the fourth QA audit found wrong (r42): a label carried over a page break, one
cell holding two items, addresses cut after their first line, a village typed a commune, and a
budget whose label says « /an » left without its kind. Line numbers are those of
`data/mali-repertoire-2008.txt`; the table fixtures are its verbatim excerpts (`test_mali_tables.py`).
"""
from __future__ import annotations

from indexer.kinds import retype_villages
from indexer.parsers import fields
from indexer.parsers.cuf_contacts import ContactBlock
from indexer.records import Partnership, Party
from test_mali_tables import _actions


def _labels(fixture: str) -> dict[int, str | None]:
    return {a.sources[0].first_line: a.domain_raw for a in _actions(fixture)}


def test_rows_on_the_next_page_keep_the_label_of_their_band_roncq_montreuil():
    """Roncq–Sélinkégny: the `Formations` band goes on at the top of the next page, straight after
    its last amount (`200 000 CFA` / ` Aide à la formation de deux…`, l.10851-10852); its four
    projects there are trainings too. Montreuil–Yélimané: ` Des actions de sensibilisation…`
    (l.8943) opens a page straight after the band's dates, under `Appui à la décentralisation /
    Citoyenneté / Droits humains`. The awareness rows after Roncq's band stand under no label."""
    roncq = _labels("roncq_selinkegny_10700.txt")
    assert [roncq[n] for n in (10831, 10852, 10857, 10860, 10863)] == ["Formations"] * 5
    assert roncq[10892] is None
    montreuil = _labels("montreuil_yelimane_8880.txt")
    assert montreuil[8943] == montreuil[8934] == "Appui à la décentralisation Citoyenneté Droits humains"


def test_a_page_opening_after_a_gap_or_in_a_table_of_centred_labels_keeps_none_yvelines_npdc():
    """Yvelines–Kadiolo's last two rows open their pages after a gap, their first column empty
    (l.4557, 4578); in Nord-Pas-de-Calais–Kayes the labels stand in the middle of their bands, so
    ` Programme de formation des acteurs de l’éducation` (l.5613), on a new page, is not the health
    band's above it."""
    yvelines = _labels("yvelines_kadiolo_4455.txt")
    assert yvelines[4557] is None and yvelines[4578] is None
    npdc = _labels("nord_pas_de_calais_kayes_5321.txt")
    assert npdc[5613] != "SANTE DEVELOPPEMENT SOCIAL"


def test_each_item_of_a_cell_has_its_own_description_and_domains_roncq_allier():
    """Roncq (l.10892-10901): `… de l’immigration. – Sensibilisation de la population…` is two
    actions, each described by its own words: the second no longer carries the first's
    `les thèmes du racisme, de l’eau` (and its water domain). Allier–Niafunké (l.3165-3168):
    `Construction de réseaux d’eau – Création de jardins maraîchers… – …`, four actions alike."""
    roncq = {a.sources[0].first_line: a for a in _actions("roncq_selinkegny_10700.txt")}
    first, second = roncq[10892], roncq[10897]
    assert first.description.endswith("de l’immigration.")
    assert second.description.startswith("Sensibilisation de la population")
    assert "Eau et assainissement" not in second.domains
    allier = [a for a in _actions("allier_niafunke_3146.txt") if a.title == "Construction de réseaux d’eau"]
    assert [a.description for a in allier] == ["Construction de réseaux d’eau"]


def test_a_postal_address_runs_on_its_lines_up_to_the_next_label_morbihan_saumur():
    """CG Morbihan (l.4229-4232) and Saumur (l.11571-11574): the address goes on over the lines
    after `Adresse :` up to `Tél :`, and not past it."""
    morbihan = ContactBlock("Coordonnées de l’exécutif (maire, président)").read([
        "Nom : Joseph-François KERGUERIS ", "Fonction : président du Conseil général ",
        "Adresse : Hôtel du département ", "2, rue de St-Tropez, BP 400 ", "56 009 Vannes cedex  ",
        "Tél : 02 97 54 83 00    Fax :  ", "@ :  "])
    assert morbihan[0].address == "Hôtel du département 2, rue de St-Tropez, BP 400 56 009 Vannes cedex"
    assert morbihan[0].phone
    saumur = ContactBlock("Coordonnées de l’exécutif (maire, président)").read([
        "Nom : Michel APCHIN ", "Fonction : Maire ", "Adresse : Hôtel de Ville ", "Rue Molière – BP 300 ",
        "49408 SAUMUR CEDEX ", "Tél : +33/(0)2.41.83.30.00 Fax : ", "+33/(0)2.41.83.31.98 "])
    assert saumur[0].address == "Hôtel de Ville Rue Molière – BP 300 49408 SAUMUR CEDEX"


def _partner(name: str, text: str) -> Partnership:
    return Partnership(id="x", french_party=Party(name="Roncq", country="France", kind="commune"),
                       partner_party=Party(name=name, country="Mali", kind="commune"), original_text=text)


def test_a_partner_its_sheet_calls_a_village_and_never_a_commune_is_a_village():
    """Roncq's charter is signed « entre la commune de Roncq et le village de Sélinkégny »
    (l.10665): Sélinkégny is a village. A partner its sheet also calls a commune stays one."""
    village = _partner("Sélinkégny", "entre la commune de Roncq et le village de Sélinkégny, cercle de Bafoulabé")
    both = _partner("Sio", "le village de Sio, chef-lieu de la commune de Sio")
    unsaid = _partner("Kati", "la ville jumelle")
    retype_villages([village, both, unsaid])
    assert [p.partner_party.kind for p in (village, both, unsaid)] == ["village", "commune", "commune"]


def test_the_built_records_type_selinkegny_and_kolobo_villages(corpus):
    """Gentilly's sheet names its partner « village de Kolobo » (l.6401)."""
    kinds = {p.id: p.partner_party.kind for p in corpus.partnerships if p.partner_party}
    assert kinds["roncq--selinkegny"] == kinds["gentilly--kolobo"] == "village"
    assert kinds["la-fouillouse--sio"] == "commune"


def test_a_budget_under_a_label_per_year_is_yearly_unless_its_words_say_otherwise():
    """« Budget consacré à la coopération décentralisée/an » : `23 000 € (budget 2007)` is yearly
    (Saint-Denis, l.11009-11011); `28 356 euros sur 3 ans` is not (Montady); `Budget global : …`
    is a total. The text's own « /an » counts after `en moyenne` and after a range."""
    assert fields.budget("23 000 € (budget 2007)", yearly=True).kind == "yearly"
    assert fields.budget("23 000 € (budget 2007)").kind is None
    assert fields.budget("28 356 euros sur 3 ans", yearly=True).kind is None
    assert fields.budget("Budget global : 100 000 € Budget de la commune : 43 000 €", yearly=True).kind == "total"
    assert fields.budget("150 000 euros en moyenne/an").kind == "yearly"
    assert fields.budget("Entre 350 000 € et 400 000 € /an (depuis 2002)").kind == "yearly"
    assert fields.budget("Il avoisine en moyenne 15 000 € - 20 000 € / an.").kind == "yearly"


def test_the_built_mali_budgets_read_their_label(corpus):
    """Every Mali sheet's budget line is labelled « …/an » (or « Budget annuel… »)."""
    budgets = {p.id: p.budget for p in corpus.partnerships if p.budget}
    for pid in ("cg-morbihan--cr-kidal", "saint-denis--djeloubou-karokoro-et-sahel", "ca-evry-centre-essonne--kayes",
                "cr-nord-pas-de-calais--assemblee-regionale-de-kayes"):
        assert budgets[pid].kind == "yearly", pid
    assert budgets["montady--baramandougou"].kind is None
