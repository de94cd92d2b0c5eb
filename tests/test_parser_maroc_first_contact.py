"""Morocco repertoire: the year of the first contact (`maroc._first_contact`), from a sheet's history or,
with no dated history, its dated projects' sentences: verbatim excerpts."""
from indexer.parsers import maroc
from indexer.parsers.sheet import ActionDraft


def test_the_signing_of_the_accord_is_no_first_contact():
    """Bordeaux-Casablanca (l.640-642): an undated origin, then `L'accord de 1988 a été signé`:
    1988 is the formalisation only; Boulogne-Safi (l.768) dates its first visit before its 2006 act."""
    origin = ("Echanges commerciaux, étudiants marocains à Bordeaux. L'accord de 1988 a été signé entre "
              "M. Chaban-Delmas et l'ancien président de la communauté urbaine de Casablanca.")
    assert maroc._history_lines({"Origine": [origin]}) == [origin]
    assert maroc._first_contact({"Origine": [origin]}, 1988, []) is None
    safi = "En 2005, il a découvert la ville de Safi. Une rencontre officielle eut lieu le 12 mars 2005."
    assert maroc._first_contact({"Historique": [safi]}, 2006, []) == 2005


def test_a_dated_visit_before_the_twinning_is_the_first_contact():
    """Montereau-Safi (l.2306-2326): an undated history, a chronology opening with `Mars 2004 : Visite
    d'une délégation de la municipalité … à Montereau`, the twinning signed in 2005."""
    visit = ActionDraft(title="Visite d'une délégation de la municipalité et de l'association Hawd Assafi à "
                        "Montereau- Journée du Maroc", first=2326, last=2326, start=2004, end=2004)
    signing = ActionDraft(title="Signature du 1er Serment de Jumelage", first=2330, last=2330, start=2005, end=2005)
    head = {"Historique": ["Rencontres entre élus, réseaux de migrants."]}
    assert maroc._first_contact(head, 2005, [visit, signing]) == 2004
    assert maroc._first_contact(head, 2004, [visit, signing]) is None


def test_a_dated_projects_visits_before_the_convention_are_the_first_contact():
    """Vienne-Tiflet (l.4250, l.4324-4336, verbatim): an undated history, and the project `Don d'un conteneur
    (organisé fin 2004)` whose observation tells the field visits it gave in Tiflet `en vue d'évaluer les
    termes d'un partenariat`, before the convention of 13 juin 2006: a project's sentences bear its date."""
    history = ("Suite au partenariat qui lie les 2 régions Rabat Salé Zemmour et la Région Rhône Alpes, "
               "une visite d'un représentant du CCAS a été invité à Tiflet.")
    head = {"Historique": [history]}
    container = ActionDraft(
        title="Don d'un conteneur", first=4324, last=4336, start=2004, end=2004,
        description="Don d'un conteneur contenant couvertures, vêtements, ordinateurs, machines à coudre. "
                    "Observation : Cette action a permis de prendre connaissance du territoire de la commune "
                    "urbaine de Tiflet (visites de terrain, des différentes institutions, de l'hôpital) en vue "
                    "d'évaluer les termes d'un partenariat avec la ville de Vienne.")
    assert maroc._first_contact(head, 2006, [container]) == 2004
    assert maroc._first_contact(head, 2004, [container]) is None  # not after the formal act
    container.description = "Don d'un conteneur contenant couvertures, vêtements, ordinateurs, machines à coudre."
    assert maroc._first_contact(head, 2006, [container]) is None  # a gift is no visit


def test_a_projects_sentence_takes_no_date_from_the_next_project():
    """A description whose last sentence ends with no stop (some 27 of the corpus: `Cofinancement PAD`,
    `- Visite des quartiers`) ran into the next project's dated sentence, and a visit of 2006 (after the
    convention of 2005) took the next project's 2001; a start named without a year took it too."""
    visit = ActionDraft(title="Festival", first=1, last=2, start=2006, end=2006,
                        description="Accueil d'une délégation de Safi à Montereau")
    books = ActionDraft(title="Don de livres", first=3, last=4, start=2001, end=2001, description="Envoi de livres.")
    assert maroc._first_contact({}, 2005, [visit, books]) is None
    visit.description = "- Rencontre des élus\n- Visite des quartiers"
    assert maroc._first_contact({}, 2005, [visit, books]) is None
    visit.description = "Ce volet est présent depuis le début de la coopération"
    assert maroc._first_contact({}, 2005, [visit, books]) is None
    visit.start = 2004  # its own date still counts
    visit.description = "Accueil d'une délégation de Safi à Montereau"
    assert maroc._first_contact({}, 2005, [visit, books]) == 2004


def test_a_sentence_dating_the_start_of_the_cooperation_is_its_first_contact():
    """CR Champagne-Ardenne–Oriental (l.6407-6411, verbatim): no history on the sheet; the youth programme's
    `La coopération … date du tout début de cette coopération décentralisée avec dès 1991 la mise en place
    d'un « Point jeunes »` dates the relation's start, before the convention of 1999. A sentence naming
    the start without a year of its own is not dated by its project's year."""
    said = ("La coopération entre la Région Champagne-Ardenne et la Région de l'Oriental en matière d'insertion "
            "des jeunes de l'Oriental par l'économique date du tout début de cette coopération décentralisée "
            "avec dès 1991 la mise en place d'un « *Point jeunes* » permettant d'accueillir des jeunes créateurs.")
    youth = ActionDraft(title="Insertion des jeunes par l'économique", first=6407, last=6500, start=2000, end=2006,
                        description="Historique " + said)
    assert maroc._first_contact({}, 1999, [youth]) == 1991
    youth.description = ("Le partenariat avec le secteur agricole est présent depuis le début de la coopération "
                         "décentralisée entre la Région Champagne-Ardenne et la Région de l'Oriental.")
    assert maroc._first_contact({}, 1999, [youth]) is None
