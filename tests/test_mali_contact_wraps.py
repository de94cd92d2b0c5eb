"""The CUF form's `Nom :` and `Fonction :` values wrap onto the next line: a surname in capitals
after first names only, a role's `de …` complement (verbatim lines of the Mali repertoire)."""
from __future__ import annotations

from indexer.parsers.cuf_contacts import ContactBlock


def _read(label: str, value: str | None, *lines: str) -> list[tuple[str | None, str | None]]:
    return [(c.name, c.role) for c in ContactBlock(label).read(list(lines), value)]


def test_first_names_on_the_name_line_and_the_surname_on_the_next():
    # Montreuil–Yélimané (PADDY sheet) l.9149-9152: the surname and the role's end were lost
    got = _read("Elu en charge du partenariat", "Nom : Ibrahim Coumba ",
                "DOUCOURE  ", "Fonction  Président de l’Agence pour le Développement Durable ",
                "de Yélimané (ADDY)  ",
                "Adresse :, Maison de l’Amitié, Yélimané, Région de Kayes, Mali ",
                "Tél : +223 638 16 46   Fax :      ")
    assert got == [
        ("Ibrahim Coumba DOUCOURE", "Président de l’Agence pour le Développement Durable de Yélimané (ADDY)")]


def test_a_role_goes_on_with_its_de_complement():
    # CG Ille-et-Vilaine–CR Mopti l.3920-3922, Chilly-Mazarin l.2250-2252
    assert _read("Coordonnées de l’exécutif (maire, président)", None, "Nom : Boubakary TAPILY ",
                 "Fonction : Président de l’Assemblée Régionale  ", "de Mopti ",
                 "Adresse : Région de Mopti, Sévaré, Mali") == [
        ("Boubakary TAPILY", "Président de l’Assemblée Régionale de Mopti")]
    assert _read("Coordonnées de l’exécutif (maire, président)", None, "Nom : Gérard FUNES ",
                 "Fonction : Maire et vice président du conseil général ", "de l’Essonne ",
                 "Adresse : Mairie de Chilly- Mazarin ")[0][1] == (
        "Maire et vice président du conseil général de l’Essonne")


def test_a_surname_line_needs_a_name_of_first_names_only():
    # a name with its surname in capitals is whole: a capitalised line after it is no part of it
    got = _read("Coordonnées de l’exécutif (maire, président)", None, "Nom : Hamadou KONE ", "MAIRIE ",
                "Fonction : Maire de Kayes ")
    assert got[0][0] == "Hamadou KONE"


def test_a_plural_civility_names_each_surname():
    # CR Nord-Pas-de-Calais–Kayes l.5163-5166: one person `Messieurs N’DIAYE`, TOGOLA lost in the role
    got = _read("Autre(s) personne(s) impliqué(s) dans la", None, "coopération :  ",
                "Séga SOW et Moktar DOUCOURE (à l’ARK depuis Juillet ", "2004) ",
                "Et sur programmes spécifiques, Messieurs N’DIAYE (depuis ",
                "octobre 2006) et TOGOLA (depuis avril 2007) ", "Tél :  (223) 252 28 27 ")
    names = [name for name, _ in got]
    assert "N’DIAYE" in names and "TOGOLA" in names and not any(n and "Messieurs" in n for n in names)
    assert dict(got)["TOGOLA"].endswith("sur programmes spécifiques (depuis avril 2007)")


def test_a_second_person_joined_by_et_inside_the_first_ones_role():
    # Braine–Mandiakuy l.1338-1342: Jean Etienne Dakouo was read as part of Fané's role
    got = _read("Président du comité de jumelage et/ou autre", None,
                "personne responsable : Jean Pierre Fané, président de ",
                "l’association Wa Zun We et Jean Etienne Dakouo, ", "président de l’association « club espoir » ",
                "Tél :  00 223 680 85 41                                   Fax : ")
    assert [name for name, _ in got] == ["Jean Pierre Fané", "Jean Etienne Dakouo"]
    assert got[0][1].endswith("– président de l’association Wa Zun We")
    assert got[1][1].endswith("– président de l’association « club espoir »")
    # `… et Sports : …` / `Maire et Conseiller Régional`: no person after `et`
    assert len(_read("Elu en charge du partenariat", "Jean HARTZ, Maire et Conseiller Régional, Président")) == 1
