"""Morocco: the headings of one section that file their bullets as projects (maroc_projects), read on the
verbatim Aix–Oujda excerpt."""
from pathlib import Path

from indexer.parsers import maroc, maroc_projects, maroc_sheet

FIX = Path(__file__).resolve().parent / "fixtures" / "maroc"


def _parse(name):
    return maroc.parse((FIX / name).read_text(encoding="utf-8"), name)


def test_a_heading_among_themes_that_file_their_bullets_files_its_own():
    """The same « SUIVI DES PROJETS » (Maroc l.255, l.284): `Échanges, Formation entre élus municipaux` and
    `Échanges entre sociétés civiles (ONG)` name domains in more words than a theme's two, and list their
    projects as bullets as the themes around them do: three dated projects, not one action titled by its
    heading beside fifteen titled by their own names."""
    r = _parse("aix_listed_synthesis.txt")
    acts = [a for a in r.actions if a.partnership_id == "aix-en-provence--oujda"]
    ngo = [(a.title, a.start, a.end) for a in acts if a.domain_raw == "Échanges entre sociétés civiles (ONG)"]
    work = ("Travail depuis 2005 entre structures similaires sur des thématiques d'économie solidaire, de plateforme "
            "de services aux associations, gestion d'une structure d'accueil pour femmes")
    meeting = ("Participation de 5 ONG Aixois à la Rencontre des Associations Marocaines et Françaises pour l'Oriental "
               "organisée en partenariat entre la commune, l'IRCOD et l'IFO")
    assert ngo == [(work, 2005, 2005), (meeting, 2007, 2007),
                   ("Projet d'échange de jeunes autour de la photographie", 2006, 2007)]
    [elected] = [a for a in acts if a.domain_raw == "Échanges, Formation entre élus municipaux"]
    assert elected.title.startswith("Accueil de nombreux élus d'Oujda (Présidents de commission) venus travailler")
    # a heading that names no domain, or one with no theme before it in its section, is left as it was
    assert not maroc_projects._theme_over_projects(
        maroc_sheet.Item(first=1, title_raw="Mise en place d'une station d'épuration", heading=None, status="suivi",
                         fields={"free": ["- Création d'une station d'épuration ;"]}), among_themes=True)
    assert not maroc_projects._theme_over_projects(
        maroc_sheet.Item(first=1, title_raw="Échanges entre sociétés civiles (ONG)", heading=None, status="suivi",
                         fields={"free": ["- Travail depuis 2005 entre structures similaires ;"]}))


def test_a_list_after_a_bullets_colon_is_part_of_it_in_capitals_too():
    """Aix l.272-275 (`- Signature d'une convention … sur les thèmes suivants :` / `- le SIG` / `- les pratiques
    d'aménagement`…) with its list written in capitals, as lists often are: the items open with an article
    and go on with the convention; a bullet that opens with a noun after them is a project of its own."""
    signed = ("Signature d'une convention de partenariat le 20 octobre 2005 entre l'Agence Urbaine d'Oujda et "
              "l'Agence d'Urbanisme du Pays d'Aix")
    body = [f"- {signed} sur les thèmes suivants :",
            "- Le SIG", "- Les pratiques d'aménagement", "- L'élaboration et la conception des documents d'urbanisme",
            "- Formation du personnel (1 agent de la CU et 1 agent de l'agence urbaine à 2 reprises) ;"]
    lines = ["Planification urbaine", "", *body]
    it = maroc_sheet.Item(first=1, title_raw=lines[0], heading=None, status="suivi", last=len(lines),
                          fields={"free": body})
    got = maroc_projects._theme_projects(it, lines)
    assert [(p.title_raw, p.first, p.last) for p in got] == [(signed, 3, 6), ("Formation du personnel", 7, 7)]
