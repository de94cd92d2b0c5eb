"""The field vocabulary (analyzers/vocabulary.json): one case per entry, both
directions, one case per word family, plus the matching rules of
find_expansions and the kinds the ranking profile weights."""
import pytest

from analyzers import family_of, find_expansions, find_graded_expansions
from analyzers.vocabulary import ENTRIES, FAMILIES, FAMILY, NARROWER, SYNONYM, joined_entry, phrase_key
from test_analyzers_vocabulary_maghreb import MAGHREB_CASES
from test_analyzers_vocabulary_sheets import SHEET_CASES, whole_query_alternatives

# first term of the entry -> (query typed, an alternative it must bring,
#                             a query in the other direction, an alternative it must bring)
CASES = {
    "AEP": ("aep", "adduction d'eau potable", "adduction d'eau potable", "AEP"),
    # (the AEP entry also brings "adduction d'eau", "eau potable": tested below)
    "CSCOM": ("CSCom", "centre de santé communautaire", "centre de sante communautaire", "CSCOM"),
    "CSREF": ("csref", "centre de santé de référence", "centre de sante de reference", "CSREF"),
    # one way: "centre de santé" brings the acronyms, CSCOM does not bring "centre de santé"
    "centre de santé": ("centres de sante", "CSCOM", "dispensaire", None),
    "département": ("departement", "conseil général", "conseil général", "CG"),
    "région": ("Région", "conseil régional", "assemblée régionale", None),
    "ASACO": ("ASACO", "association de santé communautaire", "association de santé communautaire", "ASACO"),
    "CG": ("CG", "conseil général", "Conseil Général", "CG"),
    "CR": ("cr", "conseil régional", "conseil regional", "CR"),
    "CU": ("CU", "commune urbaine", "communauté urbaine", "CU"),
    "CA": ("CA", "communauté d'agglomération", "communaute d agglomeration", "CA"),
    "APC": ("APC", "assemblée populaire communale", "assemblee populaire communale", "APC"),
    "APW": ("apw", "assemblée populaire de wilaya", "Assemblée Populaire de Wilaya", "APW"),
    "ONG": ("ONG", "organisation non gouvernementale", "organisations non gouvernementales", "ONG"),
    "AFD": ("AFD", "agence française de développement", "agence francaise de developpement", "AFD"),
    "AFVP": ("afvp", "association française des volontaires du progrès",
             "volontaires du progrès association française des", None),
    "MAE": ("MAE", "ministère des affaires étrangères", "ministere des affaires etrangeres", "MAE"),
    "PAD": ("PAD", "programme d'accompagnement de la décentralisation",
            "programme d'appui à la décentralisation", "PAD"),
    "SCAC": ("SCAC", "service de coopération et d'action culturelle",
             "service de cooperation et d'action culturelle", "SCAC"),
    "IRCOD": ("IRCOD", "institut régional de coopération-développement",
              "institut regional de cooperation developpement", "IRCOD"),
    "CUF": ("CUF", "cités unies france", "Cités Unies France", "CUF"),
    "AIMF": ("AIMF", "association internationale des maires francophones",
             "association internationale des maires francophones", "AIMF"),
    "AMF": ("AMF", "association des maires de france", "association des maires de France", "AMF"),
    "ADF": ("ADF", "assemblée des départements de france", "assemblee des departements de france", "ADF"),
    "ARF": ("ARF", "association des régions de france", "association des regions de france", "ARF"),
    "AFCCRE": ("afccre", "association française du conseil des communes et régions d'europe",
               "association francaise du conseil des communes et regions d'europe", "AFCCRE"),
    "CGLU": ("CGLU", "cités et gouvernements locaux unis", "cites et gouvernements locaux unis", "CGLU"),
    "ARK": ("ARK", "assemblée régionale de kayes", "assemblée régionale de Kayes", "ARK"),
    "INDH": ("INDH", "initiative nationale pour le développement humain",
             "initiative nationale pour le developpement humain", "INDH"),
    "PACEDEL": ("PACEDEL", "programme d'appui aux communes et au développement local",
                "programme d’appui aux communes et au développement local", "PACEDEL"),
    "PCSM": ("PCSM", "programme concerté santé mali", "programme concerte sante mali", "PCSM"),
    # the engine-driven mill, husker and generator run by women's groups; the sheets never write the acronym
    # (one way: the words typed keep their own ranking, which a span over them lowered)
    "PTFM": ("PTFM", "plateforme multifonctionnelle", "plateforme multifonctionnelle", None),
    "PDESC": ("PDSEC", "programme de développement économique social et culturel",
              "plan de développement économique, social et culturel", "PDESC"),
    "PDU": ("PDU", "plan de déplacements urbains", "plan de deplacement urbain", "PDU"),
    "SIG": ("SIG", "système d'information géographique", "systeme d'information geographique", "SIG"),
    "NTIC": ("TIC", "NTIC", "technologies de l'information et de la communication", "TIC"),
    "PME": ("PME", "petites et moyennes entreprises", "petite et moyenne entreprise", "PME"),
    "CCAS": ("CCAS", "centre communal d'action sociale", "centre communal d'action sociale", "CCAS"),
    "CHU": ("CHU", "centre hospitalier universitaire", "centre hospitalier universitaire", "CHU"),
    # territories that are no unit of the tables: their units, where the records are (one way: Gao is
    # not all of the north)
    "nord du Mali": ("nord du Mali", "Tombouctou", "Kidal", None),
    "Kabylie": ("kabylie", "Tizi Ouzou", "Béjaïa", None),
    "Sahara algérien": ("sahara algerien", "Tamanrasset", "Adrar", None),
    "pays dogon": ("Pays dogon", "Bandiagara", "Koro", None),
    # acronyms of the field users type though the documents spell them out (AGR: 10 times in words):
    # one way, since a query's words met as a phrase of the vocabulary would only be held together
    "AGR": ("AGR", "activités génératrices de revenus", "activite generatrice de revenus", None),
    "OMD": ("omd", "objectifs du millénaire pour le développement", "objectifs du millenaire", None),
    "MOA": ("MOA", "maîtrise d'ouvrage", "maitrise d'ouvrage", None),
    "AMO": ("AMO", "assistance à maîtrise d'ouvrage", "assistant à la maîtrise d'ouvrage", None),
    "PTF": ("PTF", "partenaires techniques et financiers", "partenaires techniques et financiers", None),
    "OSC": ("OSC", "organisations de la société civile", "organisations de la societe civile", None),
    "CFP": ("CFP", "centre de formation professionnelle", "Centre de formation professionnelle", None),
    "PLU": ("PLU", "plan local d'urbanisme", "plan local d'urbanisme", None),
    "STEP": ("STEP", "station d'épuration", "station d'epuration", None),
    "SDIS": ("sdis", "service départemental d'incendie et de secours",
             "service departemental d'incendie et de secours", "SDIS"),
    "DGCL": ("DGCL", "direction générale des collectivités locales",
             "direction generale des collectivites locales", "DGCL"),
    # the Algerian ministry's repertoire heads its chapters « Coopération … du MICL »
    "MICL": ("MICL", "ministère de l'intérieur et des collectivités locales",
             "ministere de l'interieur et des collectivites locales", "MICL"),
    "FSP": ("FSP", "fonds de solidarité prioritaire", "fonds de solidarite prioritaire", "FSP"),
    "IUT": ("IUT", "institut universitaire de technologie", "Institut universitaire de technologie", "IUT"),
    "GIE": ("GIE", "groupement d'intérêt économique", "groupement d'interet economique", "GIE"),
    "CNFPT": ("CNFPT", "centre national de la fonction publique territoriale",
              "centre national de la fonction publique territoriale", "CNFPT"),
    "CPER": ("CPER", "contrat de plan état-région", "contrat de plan etat region", "CPER"),
    "CCI": ("CCI", "chambre de commerce et d'industrie", "chambre de commerce et d'industrie", "CCI"),
    "UE": ("UE", "union européenne", "Union Européenne", "UE"),
    "GRDR": ("GRDR", "groupe de recherches et de réalisations pour le développement rural",
             "groupe de recherche et de realisations pour le developpement rural", "GRDR"),
    "ORMVA": ("ORMVA", "office régional de mise en valeur agricole",
              "office regional de mise en valeur agricole", "ORMVA"),
    "PACA": ("PACA", "provence-alpes-côte d'azur", "Provence-Alpes-Côte d'Azur", "PACA"),
    "NPDC": ("NPDC", "nord-pas-de-calais", "Nord Pas de Calais", "NPDC"),
    # Mali sheets: « Département/Région : Essonne/IDF », read as Île-de-France in the records' places;
    # one way: the région's name typed names its council first (test_council_names.py)
    "IDF": ("IDF", "île-de-france", "Ile de France", None),
    # narrower entries are one way: the broad word brings its kinds, a kind does not bring the broad word
    "assainissement": ("l'assainissement", "latrines", "latrines", None),
    "puits": ("puits", "forage", "forages", "puits"),
    "déchets": ("déchet", "ordures", "propreté", "déchets"),
    "santé": ("sante", "médical", "médicale", None),
    "agriculture": ("agriculture", "maraîchage", "céréales", None),  # élevage: below
    "eau potable": ("eau potable", "hydraulique", "hydraulique", "eau potable"),
    "bibliothèque": ("bibliotheques", "médiathèque", "médiathèque", "bibliothèque"),
    "mairie": ("mairies", "hôtel de ville", "hotel de ville", "mairie"),
    # these two have a synonym entry and a narrower one as well: tested below
    "transports en commun": ("transport en commun", "transports publics", "transports collectifs",
                             "transports en commun"),
    "reboisement": ("reboisements", "reforestation", "reforestation", "reboisement"),
    "informatique": ("informatique", "ordinateurs", "ordinateur", None),
    # spellings of one word: the hyphenated form is two words to the analyzer, the joined one one
    "micro-crédit": ("micro-crédits", "microcrédit", "microcrédits", "micro-crédit"),
    # the French and the English spelling: `Envoie d’un container`, `Don d'un conteneur`
    "conteneur": ("conteneurs", "container", "containers", "conteneur"),
    "microfinance": ("microfinance", "microcrédit", "microcrédit", "micro-crédit"),  # one way: below
    "désenclavement": ("désenclavement", "piste", "pistes", None),
    "maraîchage": ("périmètres maraîchers", "jardin maraîcher", "cultures maraîchères", "maraîchage"),
    "festival": ("festivals", "semaine culturelle", "carnaval", None),
    "matériel informatique": ("équipements informatiques", "matériel informatique", "matériels informatiques",
                              "équipement informatique"),
    "cadres municipaux": ("cadre municipal", "cadres communaux", "cadres communaux", "cadres municipaux"),
    "personnel municipal": ("personnels municipaux", "agents communaux", "agents municipaux", "personnel communal"),
    "cadres territoriaux": ("cadres territoriaux", "cadres municipaux", "cadres municipaux", "cadres communaux"),
    "échange de jeunes": ("échanges de jeunes", "chantier de jeunes", "chantiers de jeunes", None),
    "hôpital": ("hôpitaux", "CHU", "centre hospitalier", None),  # a CHU is a hospital, not every hospital a CHU
    "électrification": ("électrification", "panneaux solaires", "panneaux solaires", None),
    "sécurité alimentaire": ("sécurité alimentaire", "banque de céréales", "banques de céréales", None),
    "protection civile": ("protection civile", "sapeurs-pompiers", "pompiers", None),
    "école": ("écoles", "salle de classe", "salles de classe", None),
    "manifestation culturelle": ("manifestations culturelles", "festival", "événements culturels",
                                 "fête"),
    # a topic brings the equipment and works that realise it (each kind as the sheets write it),
    # one way: the equipment does not bring the topic
    "handicapés": ("handicapées", "fauteuils roulants", "fauteuils roulants", None),
    "paludisme": ("paludisme", "moustiquaires", "moustiquaires", None),
    "maternité": ("maternités", "mères-enfants", "maison mères-enfants", None),
    "tourisme": ("tourisme", "randonnée", "gîtes", None),
    "artisanat": ("artisanat", "tissage", "tissage", None),
    # one way; an old town (`centre ancien`, round 11) brings the médina as one of its kinds
    "médina": ("médinas", "centre ancien", "centre ancien", "médina"),
    "patrimoine": ("patrimoine", "monuments", "musée", None),
    "élevage": ("élevages", "aviculture", "embouche", None),
    "énergie": ("énergies", "électrification", "panneaux solaires", None),
    "sport": ("sports", "football", "tournoi", None),
    "habitat": ("habitat", "logements", "bidonvilles", None),
    "personnel de santé": ("personnels de santé", "infirmiers", "matrones", None),
    "ophtalmologie": ("ophtalmologie", "soins visuels", "lunetterie", None),
    # (a synonym entry and a narrower one: tested below)
    "fournitures scolaires": ("fourniture scolaire", "matériel scolaire", "matériels scolaires",
                              "fournitures scolaires"),
    "irrigation": ("irrigation", "goutte à goutte", "motopompe", None),
    "barrage": ("barrages", "retenue d'eau", "retenues d'eau", None),
    "urbanisme": ("urbanisme", "plan d'occupation des sols", "schéma directeur d'aménagement", None),
    "musique": ("musique", "hip-hop", "hip-hop", None),
    "sida": ("SIDA", "VIH", "VIH", "sida"),  # the sheets write VIH-Sida, or either alone
    "malnutrition": ("malnutrition", "farine de sevrage", "farine de sevrage", None),
    "nutrition": ("nutrition", "misola", "Misola", None),
    "petite enfance": ("petite enfance", "crèche", "crèches", None),
    "enfance": ("enfance", "orphelinat", "orphelins", None),
    "action sociale": ("action sociale", "maison de retraite", "orphelinat", None),
    # the Montereau–Safi sheet's « Maison de Retraite » is care of the elderly
    "personnes âgées": ("personnes âgées", "maison de retraite", "maison de retraite", None),
    "théâtre": ("théâtres", "marionnettes", "marionnettes", None),
    "développement économique": ("développement économique", "activités génératrices de revenus",
                                 "pépinière d'entreprises", None),
    "transports": ("transport", "gare routière", "autobus", None),
    # the companies the sheets name as partners or funders (« Fondation Véolia », « Aigle Azur »)
    "entreprises privées": ("mécénat", "Veolia", "Veolia", None),
}


def test_every_entry_has_a_case():
    # "eau potable" has two entries (synonyms, narrower): the case below covers the second
    assert not set(CASES) & set(SHEET_CASES) and not set(CASES | SHEET_CASES) & set(MAGHREB_CASES)
    assert sorted({e.terms[0] for e in ENTRIES}) == sorted(CASES | SHEET_CASES | MAGHREB_CASES)


def test_a_reference_centre_is_a_csref():
    # the Mali sheets say "centre de référence" (de Bafoulabé, Centre de Références) as well
    assert "CSREF" in whole_query_alternatives("centre de référence")
    assert "centre de référence" in whole_query_alternatives("CSREF")


def test_public_transport_and_reforestation_bring_their_kinds_one_way():
    transport = dict(find_graded_expansions(["transports", "en", "commun"])[0][2])
    assert transport["transports publics"] == SYNONYM
    assert transport["bus"] == NARROWER and transport["tramway"] == NARROWER
    assert find_expansions(["tramway"]) == []
    trees = dict(find_graded_expansions(["reboisement"])[0][2])
    assert trees["reforestation"] == SYNONYM and trees["plantation d'arbres"] == NARROWER
    assert find_expansions(["plantation"]) == []


def test_drinking_water_brings_wells_but_wells_do_not_bring_it():
    alts = dict(find_graded_expansions(["eau", "potable"])[0][2])
    assert alts["hydraulique"] == SYNONYM and alts["puits"] == NARROWER and alts["forage"] == NARROWER
    assert [a for a in whole_query_alternatives("puits")] == ["forage"]


@pytest.mark.parametrize("first_term", sorted(CASES | SHEET_CASES | MAGHREB_CASES))
def test_entry(first_term):
    query, alternative, back_query, back_alternative = (CASES | SHEET_CASES | MAGHREB_CASES)[first_term]
    assert alternative in whole_query_alternatives(query)
    if back_alternative is None:  # one way: the meaning does not bring the term (it may bring another entry's)
        terms = next(e.terms for e in ENTRIES if e.terms[0] == first_term)
        assert not {t for _, _, alts in find_expansions(back_query.split()) for t in alts} & set(terms)
    else:
        assert back_alternative in whole_query_alternatives(back_query)


def test_cu_meanings_do_not_expand_into_each_other():
    assert whole_query_alternatives("commune urbaine") == ["CU"]


def test_spans_inside_a_longer_query():
    words = ["assainissement", "et", "CSCOM", "à", "Ségou", "en", "2005"]
    assert find_expansions(words) == [
        (0, 1, ["latrines", "eaux usées", "égouts", "caniveaux", "station d'épuration", "puisards",
                "fosses septiques", "eaux pluviales", "collecteurs", "déchets liquides"]),
        (2, 3, ["CeSCom", "CS Com", "CSCOMM", "centre de santé communautaire"]),
    ]


def test_variant_spelling_of_cscom():
    # one Mali sheet writes "Financement du CSCOMM"
    assert "CSCOM" in whole_query_alternatives("CSCOMM")
    assert "CSCOMM" in whole_query_alternatives("cscom")


def test_market_gardens_by_any_of_their_names():
    alts = dict(find_graded_expansions(["jardins", "maraîchers"])[0][2])
    assert alts["périmètre maraîcher"] == SYNONYM and alts["maraîchage"] == SYNONYM
    # a garden is not a market garden: `jardin` alone brings nothing
    assert find_expansions(["jardin"]) == []


def test_second_entries_bring_their_kinds_one_way():
    health = dict(find_graded_expansions(["centre", "de", "santé"])[0][2])
    assert health["case de santé"] == NARROWER and health["poste de santé"] == NARROWER
    water = dict(find_graded_expansions(["eau", "potable"])[0][2])
    assert water["adduction d'eau"] == NARROWER
    library = dict(find_graded_expansions(["bibliothèques"])[0][2])
    assert library["médiathèque"] == SYNONYM and library["centre de lecture"] == NARROWER
    waste = dict(find_graded_expansions(["ordures"])[0][2])
    assert waste["déchets"] == SYNONYM and waste["recyclage"] == NARROWER and waste["décharge"] == NARROWER
    for kind in ("centre de lecture", "recyclage"):  # (décharge: test_analyzers_vocabulary_sheets.py)
        assert find_expansions(kind.split()) == [], kind
    # (`case de santé` brings only what `santé` brings, not `centre de santé`)
    assert "centre de santé" not in [a for _, _, alts in find_expansions(["case", "de", "santé"]) for a in alts]


def test_computer_equipment_brings_computers_one_way():
    alts = dict(find_graded_expansions(["matériel", "informatique"])[0][2])
    assert alts["équipement informatique"] == SYNONYM and alts["ordinateurs"] == NARROWER
    # computers bring computer equipment and computerisation (their own entry), never IT as a whole
    assert "informatique" not in whole_query_alternatives("ordinateurs")
    assert dict(find_graded_expansions(["informatique"])[0][2])["salle multimédia"] == NARROWER


def test_municipal_staff_brings_its_officers_and_territorial_staff_the_municipal_one_way():
    staff = dict(find_graded_expansions(["agents", "municipaux"])[0][2])
    assert staff["personnel municipal"] == SYNONYM and staff["cadres municipaux"] == NARROWER
    territorial = dict(find_graded_expansions(["fonctionnaires", "territoriaux"])[0][2])
    assert territorial["agents municipaux"] == NARROWER
    # the narrower never brings the broader: municipal officers are not all the municipal staff
    assert "personnel municipal" not in whole_query_alternatives("cadres municipaux")
    assert "cadres territoriaux" not in whole_query_alternatives("agents municipaux")


def test_microfinance_brings_microcredit_one_way():
    assert dict(find_graded_expansions(["microfinance"])[0][2])["micro-crédit"] == NARROWER
    assert "microfinance" not in whole_query_alternatives("micro-crédit")
    assert "microfinance" not in whole_query_alternatives("microcrédit")


def test_opening_up_brings_tracks_and_bridges_one_way():
    alts = dict(find_graded_expansions(["désenclavement"])[0][2])
    assert {alts[w] for w in ("piste", "route", "pont", "radier", "bac")} == {NARROWER}
    assert find_expansions(["pont"]) == [] and find_expansions(["route"]) == []


def test_sanitation_brings_drains_and_treatment_one_way():
    alts = dict(find_graded_expansions(["assainissement"])[0][2])
    assert alts["caniveaux"] == NARROWER and alts["station d'épuration"] == NARROWER
    assert find_expansions(["caniveaux"]) == []


def test_reforestation_brings_tree_nurseries_not_business_incubators():
    alts = dict(find_graded_expansions(["reboisement"])[0][2])
    assert alts["pépinière forestière"] == NARROWER
    # the Oujda `pépinière` is a business incubator: a nursery alone is not reforestation
    assert "pépinière" not in alts
    assert find_expansions(["pépinière"]) == []


def test_cultural_events_bring_festivals_and_festivals_their_kin():
    events = dict(find_graded_expansions(["manifestations", "culturelles"])[0][2])
    assert events["festival"] == NARROWER and events["fête"] == NARROWER
    festival = dict(find_graded_expansions(["festival"])[0][2])
    assert "fête" not in festival  # a party is not a festival
    assert find_expansions(["fête"]) == []


def test_a_narrower_word_is_not_widened():
    # `latrines` must find the sheets that say latrines, not every sanitation sheet
    assert find_expansions(["latrines"]) == []
    # a sewer is liquid sanitation and waste water (its synonyms), not sanitation as a whole
    assert "assainissement" not in whole_query_alternatives("égouts")
    assert "assainissement liquide" in whole_query_alternatives("égouts")


def test_acronyms_are_fully_expanded():
    alts = whole_query_alternatives("AEP")
    for phrase in ("adduction d'eau potable", "alimentation en eau potable", "adduction d'eau",
                   "approvisionnement en eau potable", "eau potable"):
        assert phrase in alts
    assert "AEP" in whole_query_alternatives("adduction d'eau")
    assert "AEP" in whole_query_alternatives("approvisionnement en eau potable")
    # spelled out, it found 4 partnerships for the acronym's 16 (QA r43 audit 7, #4): the same alternatives now
    assert {"AEP", "alimentation en eau potable", "adduction d'eau", "eau potable"} <= set(
        whole_query_alternatives("adduction d'eau potable"))


def test_kinds():
    graded = dict(find_graded_expansions(["assainissement"])[0][2])
    assert graded["latrines"] == NARROWER
    graded = dict(find_graded_expansions(["AEP"])[0][2])
    assert set(graded.values()) == {SYNONYM}
    graded = dict(find_graded_expansions(["CSCOM"])[0][2])  # the terms of an entry are synonyms
    assert graded["CeSCom"] == SYNONYM
    assert all(e.oneway for e in ENTRIES if e.kind == NARROWER)


# first word of the family -> (a query word, a word of the family it must bring)
FAMILY_CASES = {
    "agriculture": ("agriculteurs", "agricole"),
    "santé": ("sante", "sanitaire"),
    "école": ("écoles", "scolaire"),
    "jeune": ("jeunesse", "jeune"),
    "culture": ("culturelles", "culture"),
    "femme": ("femmes", "féminin"),
    "tourisme": ("touristiques", "tourisme"),
    "maraîchage": ("maraichers", "maraîchage"),
    "électricité": ("électrification", "électricité"),
    "alphabétisation": ("analphabétisme", "alphabétisation"),
    "jumelage": ("jumelées", "jumelage"),
    "enfant": ("enfance", "enfant"),
    "hôpital": ("hopitaux", "hospitalier"),
    "médecin": ("médicaux", "médecin"),
    "sport": ("sportifs", "sport"),
    "urbanisme": ("urbaine", "urbanisme"),
    "environnement": ("environnementale", "environnement"),
    "élevage": ("éleveurs", "élevage"),
    "pêche": ("pêcheurs", "pêche"),
    "forêt": ("forestier", "forêt"),
    "commerce": ("commerciale", "commerce"),
    "artisanat": ("artisans", "artisanat"),
    "bibliothèque": ("bibliothécaires", "bibliothèque"),
    "patrimoine": ("patrimoniale", "patrimoine"),
    "irrigation": ("irrigués", "irrigation"),
    "université": ("universitaires", "université"),
    "municipalité": ("municipaux", "municipalité"),
    "céréale": ("céréalier", "céréale"),
    "informatique": ("informatisation", "informatique"),
    "musique": ("musicale", "musique"),
    "théâtre": ("théâtrale", "théâtre"),
    "solidarité": ("solidaires", "solidarité"),
    "citoyen": ("citoyenneté", "citoyen"),
    "industrie": ("industriels", "industrie"),
    "pharmacie": ("pharmaceutiques", "pharmacie"),
    "route": ("routiers", "route"),
    "port": ("portuaire", "port"),
    "aviculture": ("avicole", "aviculture"),
    "apiculture": ("apiculteurs", "apicole"),
    "pisciculture": ("piscicoles", "pisciculture"),
    "horticulture": ("horticoles", "horticulture"),
    "arboriculture": ("arboriculture", "arboricole"),
    "riz": ("rizicoles", "riz"),
    "lait": ("laitière", "lait"),
    "semence": ("semences", "semencier"),
    "jardin": ("jardinage", "jardin"),
    "village": ("villageoise", "village"),
    "rural": ("ruralité", "rural"),
    "oasis": ("oasiens", "oasis"),
    "montagne": ("montagnards", "montagne"),
    "hydraulique": ("hydrauliciens", "hydraulique"),
    "énergie": ("énergétiques", "énergie"),
    "nutrition": ("nutritionnelle", "nutrition"),
    "chirurgie": ("chirurgicaux", "chirurgie"),
    "dentaire": ("dentistes", "dentaire"),
    "ophtalmologie": ("ophtalmologues", "ophtalmologie"),
    "soins": ("soignants", "soins"),
    "lycée": ("lycéens", "lycée"),
    "apprentissage": ("apprentis", "apprentissage"),
    "archives": ("archivage", "archives"),
    "cinéma": ("cinématographique", "cinéma"),
    "architecture": ("architectes", "architecture"),
    "festival": ("festivaliers", "festival"),
    "football": ("footballeurs", "football"),
    "pauvreté": ("pauvres", "pauvreté"),
    "famille": ("familiale", "famille"),
    "migration": ("migrants", "migration"),
    "entreprise": ("entrepreneurs", "entreprise"),
    "hôtellerie": ("hôteliers", "hôtellerie"),
    "élection": ("électorales", "élection"),
    "fiscalité": ("fiscale", "fiscalité"),
    "cadastre": ("cadastral", "cadastre"),
    "police": ("policiers", "police"),
    "aéroport": ("aéroportuaires", "aéroport"),
    "stage": ("stagiaires", "stage"),
    "bourse": ("boursiers", "bourse"),
    "orphelinat": ("orphelins", "orphelinat"),
    "danse": ("danseurs", "danse"),
    "peinture": ("peintres", "peinture"),
    "menuiserie": ("menuisiers", "menuiserie"),
    "couture": ("couturières", "couture"),
    "conte": ("conteurs", "conte"),
    "déchets": ("déchetteries", "déchets"),
    "bénévolat": ("bénévoles", "bénévolat"),
    "volontariat": ("volontaires", "volontariat"),
    "randonnée": ("randonneurs", "randonnée"),
    "écotourisme": ("écotouristiques", "écotourisme"),
    "fruit": ("fruitiers", "fruit"),
    "plantation": ("plants", "plantation"),
    "stockage": ("stocker", "stockage"),
    "yaourt": ("yaourteries", "yaourt"),
    "teinture": ("teintureries", "teinture"),
    "désertification": ("déserts", "désertification"),
    "camion": ("camionnettes", "camion"),
    "tramway": ("tram", "tramway"),
    "rugby": ("rugbymen", "rugby"),
    "musée": ("muséographique", "musée"),
    "consulat": ("consulaires", "consulat"),
    "ambassade": ("ambassadeurs", "ambassade"),
    "intercommunalité": ("intercommunale", "intercommunalité"),
    "province": ("provinciales", "province"),
    "production": ("producteurs", "production"),
    "ministère": ("ministres", "ministère"),
    "salubrité": ("salubres", "salubrité"),
    "végétation": ("végétaux", "végétation"),
    "hébergement": ("hébergeurs", "hébergement"),
    "préfecture": ("préfectorale", "préfecture"),
    "sahel": ("sahéliennes", "sahel"),
    "méditerranée": ("méditerranéens", "méditerranée"),
    "europe": ("européennes", "europe"),
}


def test_every_family_has_a_case():
    assert sorted(f[0] for f in FAMILIES) == sorted(FAMILY_CASES)


@pytest.mark.parametrize("first_word", sorted(FAMILY_CASES))
def test_family(first_word):
    query, brought = FAMILY_CASES[first_word]
    family = next(f for f in FAMILIES if f[0] == first_word)
    others = family_of(query)
    assert brought in others
    # every other stem of the family, once, and never the query word's own stem
    stems = {phrase_key(w) for w in others}
    assert len(stems) == len(others)
    assert phrase_key(query) not in stems
    assert stems | {phrase_key(query)} == {phrase_key(w) for w in family}


def test_families_are_disjoint_single_words():
    seen = set()
    for family in FAMILIES:
        stems = {phrase_key(w) for w in family}
        assert all(len(s) == 1 for s in stems), family
        assert len(stems) > 1, family  # one stem only: the stemmer joins them already
        assert not stems & seen, family
        seen |= stems


def test_words_outside_families_and_left_out_on_purpose():
    assert family_of("eau") == []
    assert family_of("Kayes") == []
    assert family_of("centre de santé") == []  # single words only
    assert "coopérative" not in family_of("coopération")
    assert "former" not in family_of("formation")
    assert family_of("maternité") == []  # not école maternelle
    assert family_of("banque") == []  # a banque de céréales is no bank
    assert family_of("alimentation") == []  # alimentation en eau potable is no food
    assert family_of("paysage") == [] and family_of("plastique") == []  # no peasants, no plastic artists
    assert family_of("pompes") == []  # water pumps are no firemen
    assert family_of("régional") == [] and family_of("communal") == []  # the adjectives name the collectivity


def test_family_kind_is_its_own():
    assert FAMILY not in (SYNONYM, NARROWER)


def test_leftmost_longest_and_stop_words_skipped():
    words = ["le", "conseil", "général", "de", "la", "Gironde"]
    assert find_expansions(words) == [(1, 3, ["CG"])]
    words = ["adduction", "d'eau", "potable"]
    assert [(s, e, alts[0]) for s, e, alts in find_expansions(words)] == [(0, 3, "AEP")]


def test_no_expansion():
    assert find_expansions(["coopération", "décentralisée", "Mopti"]) == []
    assert find_expansions([]) == []
    assert find_expansions(["de", "la"]) == []
    assert find_expansions(["com"]) == []


def test_topics_bring_the_works_that_realise_them_one_way():
    disabled = dict(find_graded_expansions(["handicap"])[0][2])
    kinds = ("fauteuils roulants", "appareillage", "malvoyants", "ordinateur braille")
    assert {disabled[w] for w in kinds} == {NARROWER}
    # `braille` alone is also a surname in the sheets' contacts (M. Nicolas Braille): only the braille computer
    assert "braille" not in disabled and find_expansions(["braille"]) == []
    energy = dict(find_graded_expansions(["énergie"])[0][2])
    assert energy["électrification"] == NARROWER and energy["éclairage public"] == NARROWER
    livestock = dict(find_graded_expansions(["élevage"])[0][2])
    assert livestock["bétail"] == NARROWER and livestock["aviculture"] == NARROWER
    assert "agriculture" not in livestock  # a kind of agriculture does not bring all of it
    # a médina is an old town (Marrakech's `Centre ancien`), and Algiers' is « la Casbah » (round 44)
    old_town = dict(find_graded_expansions(["médina"])[0][2])
    assert old_town == {"centre ancien": NARROWER, "casbah": NARROWER, "kasbah": NARROWER}
    # heritage brings monuments and museums; the médina and the casbah too since round 11
    # (measured again: no dev query fell, `patrimoine médina` kept its score)
    heritage = dict(find_graded_expansions(["patrimoine"])[0][2])
    assert {"monuments", "musée", "médina", "casbah"} <= set(heritage)
    # a pump realises drinking water; a fireman (`pompiers`) is no pump
    water = dict(find_graded_expansions(["eau", "potable"])[0][2])
    assert water["pompe"] == NARROWER
    assert phrase_key("pompiers") != phrase_key("pompe")
    for kind in ("aviculture", "randonnée", "logements", "monuments"):
        assert find_expansions([kind]) == [], kind
    assert find_expansions(["football"]) == [(0, 1, ["foot"])]  # its short form (Bagnolet-Massala), not sport


def test_more_kinds_of_the_sheets_topics_and_the_words_left_out():
    water = dict(find_graded_expansions(["eau", "potable"])[0][2])
    assert water["réseau d'eau"] == NARROWER and water["point d'eau"] == NARROWER
    assert dict(find_graded_expansions(["élevage"])[0][2])["cheptel"] == NARROWER
    assert dict(find_graded_expansions(["écoles"])[0][2])["jardin d'enfants"] == NARROWER
    assert dict(find_graded_expansions(["microfinance"])[0][2])["caisses villageoises"] == NARROWER
    assert dict(find_graded_expansions(["déchets"])[0][2])["multibenne"] == NARROWER
    supplies = dict(find_graded_expansions(["fournitures", "scolaires"])[0][2])
    assert supplies["matériel scolaire"] == SYNONYM and supplies["livres scolaires"] == NARROWER
    # words the stemmer joins with another meaning are left out: `classes` is `classée`
    # (a site classé; folded, the two are one word); `concert` was `concertation` before the
    # stem exceptions told them apart, and is not (yet) one of music's kinds
    assert phrase_key("classes") == phrase_key("classée") and "classes" not in dict(
        find_graded_expansions(["école"])[0][2])
    assert phrase_key("concert") != phrase_key("concertation") and "concert" not in dict(
        find_graded_expansions(["musique"])[0][2])
    # a master plan is one of urbanism's only when it is one of `aménagement`: the sheets'
    # schémas directeurs are as often of waste collection or traffic
    assert "schéma directeur" not in dict(find_graded_expansions(["urbanisme"])[0][2])


def test_early_childhood_is_read_before_childhood_and_farming_brings_palm_groves():
    # leftmost-longest: `petite enfance` brings crèches, not the orphanages of `enfance`
    spans = find_graded_expansions(["petite", "enfance"])
    assert [(s, e) for s, e, _ in spans] == [(0, 2)]
    assert "orphelinat" not in dict(spans[0][2]) and dict(spans[0][2])["crèche"] == NARROWER
    # the full name of a CCAS is still the acronym's, not `action sociale`'s kinds
    assert whole_query_alternatives("centre communal d'action sociale") == ["CCAS"]
    assert dict(find_graded_expansions(["agriculture"])[0][2])["palmeraie"] == NARROWER


def test_transport_alone_brings_its_works_and_public_transport_its_own_entry():
    assert dict(find_graded_expansions(["transports"])[0][2])["tramway"] == NARROWER
    # leftmost-longest: `transports en commun` is its own entry (synonyms first), not `transports`
    spans = find_graded_expansions(["transports", "en", "commun"])
    assert [(s, e) for s, e, _ in spans] == [(0, 3)] and dict(spans[0][2])["transports publics"] == SYNONYM
    assert dict(find_graded_expansions(["tourisme"])[0][2])["hébergeurs"] == NARROWER



def test_a_hyphenated_word_no_entry_writes_so_is_its_joined_form():
    """`micro-finance` lacked microfinance's synonyms (2 results for 19, QA r42, defect 9); a
    hyphenated form an entry writes (`micro-crédit`) keeps its own entry."""
    assert find_expansions(["micro-finance"]) == find_expansions(["microfinance"]) != []
    assert find_expansions(["cyber-café"]) == find_expansions(["cybercafé"]) != []
    assert find_expansions(["micro-crédit"]) != []
    assert find_expansions(["zzz-yyy"]) == []


def test_two_words_typed_apart_that_an_entry_writes_as_one_are_that_entry():
    """`micro finance` found 2 partnerships for microfinance's 19; the pair (a prefix typed apart) now
    brings the word and its entry; `mi el` and `or dure` are no compounds (the round's review)."""
    alts = [a for a, _ in joined_entry("micro", "finance")]
    assert "microfinance" in alts and "microcrédit" in alts
    assert joined_entry("mi", "el") is None and joined_entry("or", "dure") is None
    assert joined_entry("micro", "zzz") is None
