"""The first column of the Mali actions tables (`Domaines d'intervention`): where a row's label
stands and which projects it labels.

Each fixture under `tests/fixtures/mali/tables/` is copied unchanged from
`data/mali-repertoire-2008.txt`, from its `Actions de coopération…` line to the last line of the
table; the number in its name is that first line's number in the source. The expected values were
read from the source lines (audit round 17, `mali.md`), never from the parser's output.
"""
from __future__ import annotations

from indexer.domains import map_domain
from indexer.parsers.cuf_cells import Cell, is_domain, kind_of
from indexer.parsers.cuf_mixed import split_mixed
from test_mali_tables import _actions


def _labelled(name: str):
    return [(a.sources[0].first_line, a.title, a.domain_raw, a.budget.text if a.budget else None)
            for a in _actions(name)]


def test_one_label_per_line_level_with_its_project_viroflay_kolokani():
    """Viroflay–Cercle de Kolokani (l.12523-12578): each line of the first column (`Santé` / `Eau`,
    `Formation` / `Education – Santé` / `Eau` … `Divers`) is the label of the project level with
    it, not one label wrapped over lines nor a project; `Maternité – Farine de sevrage…` is one
    project (a word alone before a dash names what the rest is about). Each block's one dates cell
    (`Sur les 20 premières années : 1981-2001`, `De 2001 à 2006`) spans the rows labelled one by one."""
    years = [(a.start, a.end) for a in _actions("viroflay_kolokani_12508.txt")]
    assert years == [(1981, 2001)] * 4 + [(2001, 2006)] * 6
    assert _labelled("viroflay_kolokani_12508.txt") == [
        (12531, "Maternité – Farine de sevrage", "Santé", "460 kF"),
        (12532, "Puits – barrages", "Eau", "434 kF (appui du SEDIF)"),
        (12534, "Ecoles", "Education", "256 kF"),
        (12535, "Appui conseil", "Formation", "242 kF"),
        (12561, "Appui conseil", "Formation", "32 716 €"),
        (12562, "Bibliothèques – sensibilisation", "Education – Santé", "19 283 €"),
        (12563, "Puits – forages + adduction d’eau", "Eau", "126 520 € (appui du SEDIF)"),
        (12566, "Ecoles", "Education", "35 595 €"),
        (12567, "Maternité- centre de santé", "Santé", "10 990 €"),
        (12568, "Radio rurale, sensibilisation", "Divers", "9 775 €"),
    ]


def test_a_label_glued_to_its_first_bulleted_project():
    """`Santé -campagne de prévention anti-paludisme` (La Fouillouse–Sio l.7345), `Matériel scolaire
    -envoi de deux malles…` (Allonnes–Sangha l.706), `Collectivités -coopération inter communale…`
    (La Flèche–Markala l.7149): the first column's label, then the first bullet of its projects."""
    def split(text: str) -> list[tuple[str, str]]:
        return [(c.kind, c.text) for c in split_mixed(Cell("action", [(1, text)], 0, 0, 0))]

    assert split("Santé -campagne de prévention anti-paludisme") == [
        ("domain", "Santé"), ("action", "-campagne de prévention anti-paludisme")]
    assert split("Matériel scolaire -envoi de deux malles offertes par les") == [
        ("domain", "Matériel scolaire"), ("action", "-envoi de deux malles offertes par les")]
    assert split("Anti-paludisme pour 3 villages")[0][0] == "action"  # a hyphen inside a word is no bullet
    fleche = _labelled("la_fleche_markala_7136.txt")
    assert fleche[0] == (7149, "Coopération inter communale : échange d’expériences", "Collectivités", None)
    assert {label for line, _, label, _ in fleche if line <= 7164} == {"Collectivités"}


def test_a_count_of_things_with_its_year_is_a_project_la_fleche():
    """`2 pompes 2003`, `3 puits 2004` (l.7200, 7206) are projects with their year, not dates
    cells; `15 juin 2003` stays a date."""
    assert kind_of("2 pompes 2003") == "action" and kind_of("3 puits 2004") == "action"
    assert kind_of("15 juin 2003") == "when" and kind_of("3 mois en 2004") == "when"
    assert [(c.kind, c.text) for c in split_mixed(Cell("action", [(1, "2 pompes 2003")], 0, 0, 0))] == [
        ("action", "2 pompes"), ("when", "2003")]


def test_label_cells_between_projects_written_with_their_dates_la_fleche():
    """La Flèche–Markala (l.7182-7206): `Hôpital`, `Maraîchage` and `PNIR` each stand alone before
    a project written with its dates on one line (`Échange d’infirmières (convention) 2002-2003` /
    `2004-2005`, `2 pompes 2003`, `3 puits 2004`): they are the first column's labels, not projects,
    and the festival above has no date of its own."""
    acts = _actions("la_fleche_markala_7136.txt")
    got = [(a.sources[0].first_line, a.title, a.domain_raw, a.start, a.end) for a in acts[-4:]]
    assert got == [
        (7186, "Soutien au festival des marionnettes", "Culture", None, None),
        (7191, "Échange d’infirmières (convention)", "Hôpital", 2002, 2005),
        (7200, "2 pompes", "Maraîchage", 2003, 2003),
        (7206, "3 puits", None, 2004, 2004),  # `PNIR` names no domain of the vocabulary
    ]
    assert not {"Hôpital", "Maraîchage", "PNIR"} & {a.title for a in acts}


def test_a_row_label_that_opens_like_the_header_saumur():
    """Saumur–Sansanding (l.11681-11792): `Domaine de la santé – / Extension du CESCOM`, `Domaine de la
    lutte / contre la pauvreté`, `Domaine de l’éducation` are the rows' labels, not lines of the
    table's header (`Domaines d’intervention`); the fourth row carries its label in front of its
    project (`Appui institutionnel Réflexion sur les conditions…`), as the rows above had labels."""
    got = [(a.sources[0].first_line, a.domain_raw, a.title[:40]) for a in _actions("saumur_sansanding_11675.txt")]
    assert got == [
        (11684, "Domaine de la santé – Extension du CESCOM", "La construction d’une salle d’observatio"),
        (11710, "Domaine de la lutte contre la pauvreté", "La création d’un périmètre maraîcher dan"),
        (11763, "Domaine de l’éducation", "Un projet d’éducation scolaire et présco"),
        (11792, "Appui institutionnel", "Réflexion sur les conditions de mise en "),
    ]


def test_labels_in_front_of_a_band_and_an_amount_in_millions_pontivy():
    """Pontivy–Ouélessébougou (l.10149-10156): `Moulins à mil, sillage ; semences  5 millions de` /
    `franc CFA` is a project and its amount; `Eau et Assainissement Adduction d’eau  2005` opens a
    row with its label in front, as the rows above had labels of their own."""
    got = [(a.sources[0].first_line, a.title, a.domain_raw, a.start, a.budget.text if a.budget else None)
           for a in _actions("pontivy_ouelessebougou_10092.txt")[-2:]]
    assert got == [(10153, "Moulins à mil, sillage ; semences", "Agriculture", None, "5 millions de franc CFA"),
                   (10156, "Adduction d’eau", "Eau et Assainissement", 2005, None)]


def test_an_adjective_label_and_lines_level_with_their_dates_hennebont():
    """Hennebont–Niamana (l.6755-6761): `Culturel danses bretonnes` / `théâtre` / `atelier de
    peinture` beside `En 2000` / `En 2001` / `En 2002`: the adjective is the row's label (it never
    stands before its noun), and each line, level with its own date, is a project."""
    got = [(a.sources[0].first_line, a.title, a.domain_raw, a.start) for a in _actions("hennebont_niamana_6713.txt")
           if a.domain_raw == "Culturel" or "danses" in a.title]
    assert got == [(6755, "Danses bretonnes", "Culturel", 2000), (6756, "Théâtre", "Culturel", 2001),
                   (6757, "Atelier de peinture", "Culturel", 2002)]  # titles begin with a capital
    # the adjective is a label only in front of a project, not before a word that links it to another
    assert [c.kind for c in split_mixed(Cell("action", [(1, "Sanitaire et social")], 0, 0, 0), True)] == ["action"]


def test_a_label_written_after_a_date_or_an_amount_aimf_bamako():
    """AIMF–District de Bamako: `2002, 2005 État civil` (l.13072) is a dates cell, then the label
    level with it, of the projects around it until the band's amount `460 000 €` (l.13076);
    `210 000 € Assainissement` (l.13120) an amount, then the label of the band it closes."""
    def split(kind: str, text: str) -> list[tuple[str, str]]:
        return [(c.kind, c.text) for c in split_mixed(Cell(kind, [(1, text)], 0, 0, 0))]

    assert split("when", "2002, 2005 État civil") == [("when", "2002, 2005"), ("domain", "État civil")]
    assert split("budget", "210 000 € Assainissement") == [("budget", "210 000 €"), ("domain", "Assainissement")]
    assert split("when", "2003 Travaux") == [("when", "2003 Travaux")]  # no label: names no domain
    got = {a.sources[0].first_line: (a.domain_raw, a.budget.text if a.budget else None)
           for a in _actions("aimf_bamako_13052.txt")}
    assert [got[n][0] for n in (13065, 13068, 13074)] == ["État civil"] * 3
    assert got[13074][1] == "460 000 €"
    assert [got[n][0] for n in (13113, 13114, 13115)] == ["Assainissement"] * 3
    assert got[13114][1] == "210 000 €" and got[13124][0] is None


def test_row_labels_the_vocabulary_did_not_know():
    """`Collectivités` over inter-communal cooperation and the mairie's services (La Flèche–Markala
    l.7149-7164) is support to the local authority; `Appui aux dynamiques de quartier` (CA Évry–Kayes
    l.1881-1882) is filed by the document's own summary table under APPUI A LA SOCIETE CIVILE
    (l.106-107). Only the whole label: `Collectivité :` fields of other documents stay unmapped."""
    assert map_domain("Collectivités") == ["Appui institutionnel et gouvernance"]
    assert map_domain("Appui aux dynamiques de quartier") == ["Société civile"]
    assert map_domain("Collectivité :") == []


def test_a_label_starts_with_a_capital():
    """`techniques de Mopti` (Maurepas, l.8527) names a domain's word but ends the project above it."""
    assert is_domain("Techniques", alone=True) == bool(map_domain("Techniques"))
    assert not is_domain("techniques de Mopti", alone=True)
    assert is_domain("SANTE") and is_domain("Santé", alone=True)


def test_a_one_line_row_whose_amount_is_followed_by_the_years_it_covers_angouleme():
    """`Vie économique Développement de l’action micro-crédit 2000 à 2006 1 723 (2003 à` / `2006)`
    (Angoulême–Ségou l.1027-1028): the sheet writes each budget with the years it covers, `38 217 (2003 à
    2006)`; on a row written on one line the bracket follows the amount: a label, a project, its dates,
    its amount, not a title that keeps them."""
    cell = Cell("action", [(1027, "Vie économique Développement de l’action micro-crédit 2000 à 2006 1 723 (2003 à "),
                           (1028, "2006) ")], 0, 0, 0)
    assert [(c.kind, c.text) for c in split_mixed(cell)] == [
        ("domain", "Vie économique"), ("action", "Développement de l’action micro-crédit"),
        ("when", "2000 à 2006"), ("budget", "1 723 (2003 à 2006)")]
    # a bracket without an amount before it stays where it is (`… (convention) 2002-2003` has its dates)
    assert [c.kind for c in split_mixed(Cell("action", [(1, "Échange d’infirmières (convention) 2002-2003")],
                                             0, 0, 0))] == ["action", "when"]
