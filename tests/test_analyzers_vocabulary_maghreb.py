"""The vocabulary entries read from the Morocco and Algeria documents (round 11): their
project descriptions, objectives and results and the Morocco synthesis by domain. One case
per entry, both directions (checked by test_entry in test_analyzers_vocabulary.py), the
kinds added to older entries, and the ones measured and left out asserted absent."""

from analyzers import find_expansions, find_graded_expansions
from analyzers.vocabulary import NARROWER, SYNONYM, phrase_key

# first term of the entry -> (query typed, an alternative it must bring,
#                             a query in the other direction, an alternative it must bring or None)
MAGHREB_CASES = {
    # institutions and programmes the documents name by their acronyms, with the expansion they give
    "ONEP": ("ONEP", "office national de l'eau potable", "office national de l'eau potable", "ONEP"),
    "ANAPEC": ("anapec", "agence nationale de promotion de l'emploi et des compétences",
               "agence nationale de promotion de l'emploi et des competences", "ANAPEC"),
    "CRI": ("CRI", "centre régional d'investissement", "centres régionaux d'investissement", "CRI"),
    "DPA": ("DPA", "direction provinciale de l'agriculture", "directions provinciales de l'agriculture", "DPA"),
    # ADS (round 54, V20): no sheet writes the acronym; `ADS` listed only the « ad hoc » of Marseille-Alger and
    # Tours-Marrakech (its Snowball stem, now its own: stem_exceptions.json). CG Isère-Tadla-Azilal writes « Agence de
    # Développement Social » (Maroc l.4980, l.5008), Aix-Oujda « L'Agence de Développement Social » (l.230). One way
    "ADS": ("ADS", "agence de développement social", "agence de développement social", None),
    "INRA": ("INRA", "institut national des recherches agronomiques",
             "institut national de la recherche agronomique", "INRA"),
    "IPGR": ("IPGR", "institut de prévention et de gestion des risques",
             "institut de prevention et de gestion des risques", "IPGR"),
    "SIAAP": ("SIAAP", "syndicat interdépartemental pour l'assainissement de l'agglomération parisienne",
              "syndicat interdépartemental pour l'assainissement de l'agglomération parisienne", "SIAAP"),
    "APUR": ("APUR", "atelier parisien d'urbanisme", "atelier parisien d'urbanisme", "APUR"),
    # ENGEES (round 53, V18): no sheet writes the acronym (the query found none); Strasbourg-Fès puts Fès in touch with
    # the « Ecole nationale du Génie de l'Eau et de l'environnement » (Maroc l.3842). One way, as AOT
    "ENGEES": ("ENGEES", "école nationale du génie de l'eau et de l'environnement",
               "école nationale du génie de l'eau et de l'environnement", None),
    "CMJ": ("CMJ", "conseil municipal des jeunes", "conseil municipal des jeunes", "CMJ"),
    "PNR": ("PNR", "parc naturel régional", "parcs naturels régionaux", "PNR"),
    "CCEM": ("CCEM", "centre de culture euro-méditerranéenne", "centre de culture euro-méditerranéenne", "CCEM"),
    # towns and heritage: the old town under its local names, the rural village, the urban policy
    "centre historique": ("vieille ville", "centre historique", "centre ancien", "vieille ville"),
    "casbah": ("casbah", "kasbah", "kasbah", "casbah"),
    # earth building (round 54, V20): no sheet writes « pisé », the rammed earth of the Moroccan kasbahs (the query
    # found none); Romans-Taroudannt supports « la filière de la construction en terre » (Maroc l.3035), CG
    # Essonne-Douentza restores « un bâtiment en terre crue » (Mali l.3475). One way: a query for terre does not want
    # pisé
    "pisé": ("pise", "construction en terre", "terre crue", None),
    # wall painting by today's names (round 53, V19): no sheet writes « graffiti » nor « street art », so the query
    # found none of the wall paintings: Mulhouse-El Khroub's « fresque sur un mur d'El Khroub » with local youths
    # (alg l.2728), Alençon-Koutiala's and Quimperlé-Nara's fresques (Mali l.429, l.10446). One way, as peinture murale
    "graffiti": ("street art", "fresque", "fresques", None),
    # the Atlas's collective granary (round 53, V16): CG Isère-Tadla-Azilal's Megdaz project writes « Réhabilitation
    # d'un igherm » (Maroc l.5245); `greniers collectifs` listed 13 sheets, not it (« grenier » is only Nîmes-Meknès's
    # « vide-grenier »). One way: the Amazigh word keeps its own sheet
    "grenier collectif": ("greniers collectifs", "igherm", "igherm", None),
    "village": ("villages", "douar", "douars", None),
    # waterfalls (round 56, V25): no sheet writes « chute(s) » (`chutes d'eau` listed 71 sheets by « eau »); CG
    # Isère-Tadla-Azilal's hiking trail and guides « autour des cascades d'Ouzoud » (Maroc l.5080-5112). One way
    "chutes d'eau": ("chute d'eau", "cascades", "cascades", None),
    "quartiers défavorisés": ("quartier défavorisé", "politique de la ville", "quartiers sensibles",
                              "quartiers défavorisés"),
    # economy, tourism, crafts, social action, risks and mobility
    "foire": ("foires", "expo-vente", "salon", None),
    "produits du terroir": ("produits locaux", "huile d'argane", "dattes", None),
    # CMA (round 54, V20): no sheet writes the acronym (the query found none); CR Rhône-Alpes-Rabat's training is given
    # « par la Chambre de Métiers et de l'Artisanat du Rhône » (Maroc l.7849), Mali's sheets write « chambre des
    # métiers ». One way, as AOT
    "CMA": ("CMA", "chambre des métiers et de l'artisanat", "chambre de métiers et de l'artisanat", None),
    # textiles (round 53, V16): no sheet writes « textile », so the query found none; the sheets write the trades the
    # artisanat entry lists: CG Loire-Atlantique-Agadir's « Tissage, broderie et couture » (Maroc l.5592), Romans-
    # Taroudannt's « couturières » (l.3159), CG Yvelines-Kadiolo's « centre de couture » (Mali l.4528), Bures-sur-
    # Yvette-Korera Kore's « Formation teinture » (l.1500). One way: a query for couture does not want every textile
    "textile": ("textiles", "tissage", "couture", None),
    "IGP": ("IGP", "indication géographique protégée", "identification géographique protégée", "IGP"),
    # pesticides (round 56, V25): no sheet writes « pesticide(s) » (the query found nothing); CR Champagne-Ardenne-
    # Oriental's agricultural warning system brought « une utilisation plus rationnelle des produits phytosanitaires »
    # to the citrus growers of the Moulouya (Maroc l.6254). One way
    "pesticides": ("pesticide", "produits phytosanitaires", "produits phytosanitaires", None),
    # (analphabétisme is already in the family of alphabétisation)
    "alphabétisation": ("illettrisme", "alphabétisation", "alphabétisation", "illettrisme"),
    "gestion des risques": ("prévention des risques", "séisme", "inondations", None),
    "circulations douces": ("mobilité douce", "circulations douces", "modes doux", "mobilité douce"),
    # birds (round 53, V16): no sheet writes « ornithologie » or « avifaune » (each query found none); CG Seine-Saint-
    # Denis-Figuig writes « Protection des oiseaux : réalisation par la Ligue de protection des oiseaux d'une
    # plaquette » (Maroc l.5865). One way: a query for oiseaux keeps its own word
    "ornithologie": ("avifaune", "oiseaux", "oiseaux", None),
    # geology (round 55, V22): no sheet writes « géolog… » nor « fossiles » (each query found none); CG Isère-Tadla-
    # Azilal helps set up « un musée des Sciences de la Terre d'Azilal » for « des collections de minéralogie et de
    # paléontologie » (Maroc l.5343-5349). One way
    "géologie": ("géologique", "paléontologie", "paléontologie", None),
    # wildlife (round 53, V18): no sheet writes « faune » (the query listed Poitiers-Azrou and Montreuil-Yélimané by
    # close spellings alone); CR Nord-Pas de Calais-Doukkala-Abda values « la réserve royale de gazelles de M'Sabih
    # Talaa » (Maroc l.7478), CG Seine-Saint-Denis-Figuig protects « des oiseaux » (l.5865). One way (narrower)
    "faune": ("faune sauvage", "gazelles", "gazelles", None),
    # car parks (round 53, V14): no sheet writes « parking », so the query found none; the sheets write
    # « stationnement »: Grenoble-Constantine (Alg l.1724), Saint-Denis-Tiznit's « la circulation et le stationnement
    # au centre ville » (Maroc l.3310), Strasbourg-Fès (l.3846), Aix-Oujda (l.174), CU Lyon-Rabat (l.4445)
    "parking": ("parkings", "stationnement", "stationnement", None),
    # cleaning out drains and pits (round 53, V18): no sheet writes « curage » or « vidange » (each query found none);
    # the sheets name the vacuum truck: Croix-Valmer-Souk Sebt's « Camion benne et hydrocureuse » (Maroc l.1324),
    # Thionville-Gao's « Collecte des déchets liquides par un hydrocureur » (Mali l.11969). One way (narrower)
    "curage": ("vidange", "hydrocureur", "hydrocureuse", None),
    # rivers (round 56, V25): no sheet writes « rivière » (the query found nothing); the sheets write the river Niger, «
    # fleuve » (Angoulême-Ségou, CR Centre-Mopti, Saumur-Sansanding; Mali l.1012, l.4805, l.11659), and the work on its
    # banks: « berges des oueds Rhummel et Boumerzoug » (CG Isère-Constantine, alg l.953), « Protection des berges » (CR
    # Centre-Mopti l.4890), « Consolidation des berges du Yamé » (Mulhouse-Sofara-Fakala l.9660). Bare berges and oueds
    # are left out: Berger is a name (CU Lyon-Bamako), El Oued a wilaya; « cours d'eau » too, whose key (cour, eau)
    # matches « en cours » before a heading « Eau » (Seine-Saint-Denis-Figuig). One way, narrower
    "rivière": ("rivières", "fleuve", "fleuve", None),
    # AOT (round 53, V16): no sheet writes the acronym (the query found none); CU Lyon-Rabat writes « Mise en place
    # d'une autorité organisatrice de transports et d'un PDU » (Maroc l.4440). One way, as DST
    "AOT": ("AOT", "autorité organisatrice de transports", "autorité organisatrice des transports", None),
    # ONE (round 54, V20): no sheet writes the acronym (the query found none); La Rochelle-Essaouira's expert on the
    # rational use of electricity notes that « la gestion des ressources relève de l'office national de
    # l'électricité » (Maroc l.1512). One way, as AOT
    "ONE": ("ONE", "office national de l'électricité", "office national de l'électricité", None),
    # GIZC (round 53, V18): no sheet writes the acronym (the query found none); CR Nord-Pas de Calais-Doukkala-Abda's
    # project is « Gestion Intégrée du Littoral » (Maroc l.7428). One way, as AOT
    "GIZC": ("GIZC", "gestion intégrée du littoral", "gestion intégrée des zones côtières", None),
    # enterprise, health and development bodies, youth, women, local administration
    "AJED": ("AJED", "association des jeunes entrepreneurs pour le développement",
             "association des jeunes entrepreneurs pour le developpement", "AJED"),
    "création d'entreprises": ("création d'entreprise", "jeunes promoteurs", "porteurs de projets", None),
    # TPE (round 56, V25): no sheet writes the acronym (the query found nothing, suggestion « type »); CR
    # Aquitaine-Souss sets up « une structure d'appui aux micro-entreprises » (Maroc l.6002), CR Nord-Pas de
    # Calais-Doukkala-Abda supports « la création de petites entreprises » (l.7339). One way
    "TPE": ("TPE", "micro-entreprises", "micro-entreprises", None),
    "OMS": ("OMS", "organisation mondiale de la santé", "organisation mondiale de la sante", "OMS"),
    # clusters (round 53, V14): no sheet writes the word (the query found none); the French name, « pôles de
    # compétitivité », is the State's Algerian cooperation's (Alg amb. l.17), Marseille-Alger's (Alg l.2562) and CR
    # Nord-Pas de Calais-Doukkala-Abda's partners (Maroc l.7223). Snowball cuts « cluster » and « clusters » apart
    "clusters": ("cluster", "pôles de compétitivité", "pôles de compétitivité", None),
    "PNUD": ("PNUD", "programme des nations unies pour le développement",
             "programme des nations unies pour le développement", "PNUD"),
    "MJC": ("MJC", "maison des jeunes et de la culture", "maisons des jeunes et de la culture", "MJC"),
    "promotion féminine": ("promotion de la femme", "insertion des femmes", "coopérative féminine", None),
    "administration communale": ("gestion municipale", "état civil", "services municipaux", None),
    # the Algeria documents' urban renewal agency and partnership framework, universities, cinema
    "ANRU": ("ANRU", "agence nationale pour la rénovation urbaine",
             "agence nationale pour la renovation urbaine", "ANRU"),
    # tax collection (round 56, V25): no sheet writes « recouvrement » (the query found nothing); CU Lyon-Bamako works
    # on « la perception des taxes locales » (Mali l.7982), CG Essonne-Douentza on « la perception de l'impôt » and
    # « la collecte des impôts locaux » (l.3449-3455). One way
    "recouvrement": ("recouvrement", "perception des taxes", "perception des taxes", None),
    "DCP": ("DCP", "document cadre de partenariat", "document cadre de partenariat", "DCP"),
    "agenda 21": ("agenda 21", "agenda21", "Agenda21", "agenda 21"),  # the Taroudannt sheet writes it in one word
    "coopération universitaire": ("échanges universitaires", "enseignants-chercheurs", "DESS", None),
    # the preparatory classes (round 53, V18): no sheet writes « préparatoire(s) », « prépa », « CPGE » or « khâgne »
    # alone (each query found none, or only « classes »); Montreuil-Agadir's students join « la section hypokhâgne du
    # lycée Jean Jaurès » (Maroc l.2473). One way: hypokhâgne is one class of them
    "classes préparatoires": ("prépa", "hypokhâgne", "hypokhâgne", None),
    "cinéma": ("cinéma", "cinématographique", "films", None),
    # CDI (round 56, V25): Angoulême-Ségou equips « la bibliothèque du cercle, CDI du lycée Cabral » (Mali l.1007);
    # `centre de documentation et d'information` listed 104 partial results, that sheet not among the first 6. The
    # meanings keep the documentation rooms the query's own words found: CG Ille-et-Vilaine-Mopti's « salle de
    # documentation » (l.4077), CR Champagne-Ardenne-Oriental's « centre de documentation » (Maroc l.6312). One way
    "CDI": ("centre de documentation et d'information", "CDI", "salle de documentation", None),
    # a church (round 53, V15): no sheet writes « église » (the query found none); Marseille-Alger helps restore
    # « la Basilique Notre Dame d'Afrique » (alg l.2583). One way: a basilica is one kind of church
    "église": ("églises", "basilique", "basilique", None),
    # schoolbooks (round 54, V20): no sheet writes « manuels scolaires »; the query ranked Sète-El Jadida's
    # « Fourniture de livres scolaires » (Maroc l.3554) 21st. Roncq-Sélinkégny also buys « livres scolaires » (Mali
    # l.10723). One way: a query for livres keeps its own word
    "manuels scolaires": ("manuel scolaire", "livres scolaires", "livres scolaires", None),
    # school kits (round 56, V25): no sheet writes « kit(s) » (`kits scolaires` listed 69 sheets by « scolaires », with
    # the suggestion « kita scolaires »); the sheets write « fournitures scolaires » (17 sheets) and « matériel
    # scolaire » (CG Yvelines-Kadiolo, Mali l.4557). One way
    "kits scolaires": ("kit scolaire", "fournitures scolaires", "matériel scolaire", None),
    # energy saving, the social economy and the media, read from the Morocco project titles
    "maîtrise de l'énergie": ("efficacité énergétique", "utilisation rationnelle de l'énergie",
                              "économies d'énergie", "maîtrise de l'énergie"),
    "économie solidaire": ("économie sociale et solidaire", "commerce équitable", "entreprises d'insertion", None),
    "médias": ("médias", "radio", "journalistes", None),
    # rap (round 53, V14): no sheet writes it (the query found none); Montreuil-Agadir's young musicians meet « autour
    # de la thématique du hip-hop » (Maroc l.2463), La Rochelle-Essaouira's youths go for « l'apprentissage du hip hop »
    # (l.1470). One way: a hip-hop query does not want the word rap
    "rap": ("rappeurs", "hip-hop", "hip-hop", None),
    # CAN (round 56, V25): no sheet writes the acronym (the query found nothing, suggestion « cas »); Marseille-Bamako
    # writes « Coupe Africaine des Nations (COCAN) », the 2002 cup's medical cover (Mali l.8252). One way, as AOT
    "CAN": ("CAN", "coupe africaine des nations", "coupe africaine des nations", None),
    # contraception (round 53, V15): no sheet writes it (the query found none); Grenoble-Constantine helps create
    # « un planning familial » and goes on with « le travail du Planning familial » (alg l.1711, l.1758). One way:
    # a planning familial query does not want the word contraception
    "contraception": ("contraceptifs", "planning familial", "planning familial", None),
    # clothes (round 55, V22): no sheet writes « habits », « habit » nor « habillement »; the first two listed 141
    # sheets by their « habitants » (Snowball's stem, now their own: stem_exceptions.json), the third none. Vienne-
    # Tiflet's container holds « couvertures, vêtements, ordinateurs » (Maroc l.4326). One way
    "habits": ("habit", "vêtements", "vêtements", None),
    # writers (round 55, V22): no sheet writes « auteur(s) »; `auteur` listed 47 sheets by the suggestion « autour »,
    # `auteurs` 31 by « acteurs ». Blanquefort-Timimoun welcomes « Sofiane Hadjadj, écrivain » (alg l.1332), Vienne-
    # Tipasa works « en matière de littérature francophone » (alg l.4078). One way
    "auteur": ("auteurs", "écrivain", "écrivain", None),
    # the bicycle (round 55, V22): no sheet writes « bicyclette(s) » (the query found none); CR Lorraine-Fès-Boulemane's
    # « location de vélos », « mécanique vélo » (Maroc l.6853-6858), Chilly-Mazarin-Diéma's « vélo club » (Mali
    # l.2523). One way: a vélo query keeps its own word
    "bicyclette": ("bicyclettes", "vélo", "vélos", None),
    # a car (round 56, V26): no sheet writes « voiture(s) » (the query found nothing: unknown word); the sheets give
    # or lend « véhicule(s) »: CG Essonne-Douentza's « Mise à disposition d'un véhicule » (Mali l.3427), Alençon-
    # Koutiala's (l.572), CR Île-de-France-Kayes's (l.5022), Tours-Marrakech's « véhicules et chauffeurs » (Maroc
    # l.4032). One way: the means is not the véhicules entry, so no ambulance nor bus comes
    "voiture": ("voitures", "véhicule", "véhicule", None),
    # carpets (round 55, V22): no sheet writes « tapis »; the query listed CU Nantes-Agadir alone, by the suggestion
    # « taxis ». The carpets are woven: CG Loire-Atlantique-Agadir's women's centres teach « Tissage, broderie et
    # couture » (Maroc l.5592), CG Seine-Saint-Denis-Figuig sells « des productions de tissage » (l.5786). One way
    "tapis": ("tapis", "tissage", "tissage", None),
    # pumping (round 56, V27): no sheet writes « pompage » (the query found nothing: unknown word); the sheets write
    # the pumps (Roncq-Sélinkégny's « forages munis de pompes », Mali l.10815; Gentilly-Kolobo's « pompe solaire »,
    # l.6526; Bures-sur-Yvette-Korera Kore's « Réparation de pompes manuelles », l.1513; Thionville-Kéniéba-Konko's
    # « Motopompe », l.12275) and the lifting of water, « exhaure » (Chilly-Mazarin-Diéma's « exhaure solaire »,
    # l.2851; CG Ille-et-Vilaine-Mopti, l.4183). One way
    "pompage": ("pompage", "exhaure", "pompes", None),
    # mechanics (round 56, V27): no sheet writes « mécanicien(s) » (the query found nothing: unknown word); the
    # mechanics' trade is CU Lyon-Bamako's « formation des garagistes » (Mali l.7891), CR Franche-Comté-Alger's
    # « Formation professionnelle dans le domaine de la Maintenance automobile » (Alg. CD l.276), CR Lorraine-Fès'
    # « Formation à la mécanique vélo » (Maroc l.6858). Not « mécanique » alone: its stem is mécanisme's. One way
    "mécanicien": ("mécaniciens", "garagistes", "garagistes", None),
    # drainage (round 56, V27): no sheet writes « drainage » (the query found nothing: unknown word); the drains of
    # the rain water are CA Évry-Kayes' « Réhabilitation de collecteurs et de caniveaux d'eaux pluviales » (Mali
    # l.1909-1910). One way
    "drainage": ("drainage", "caniveaux", "eaux pluviales", None),
    # the earthquake (round 56, V27): the Algeria sheets write it both ways, Marseille-Alger's « séisme de 2003 » (Alg.
    # CD l.2489-2491) and CG Bouches-du-Rhône-Alger's « tremblements de terre en 2003 » (l.641): `séisme` found only
    # the first, `tremblement de terre` not it; `sismique` found nothing (unknown word). Synonyms
    "séisme": ("tremblements de terre", "séisme", "sismique", "tremblement de terre"),
    # school desks (round 56, V26): no sheet writes « pupitre(s) » (the query found nothing: unknown word); the Malian
    # school desk is the « table-banc »: Hennebont-Niamana-Mourdiah's « Tables bancs (100) » (Mali l.6750), and Bures-
    # sur-Yvette-Korera Kore's « mobilier scolaire » (l.1552). One way
    "pupitres": ("pupitre", "tables bancs", "mobilier scolaire", None),
    # the bus station (round 55, V23): no sheet writes « autogare », the word of Mali's roads (the query found
    # nothing); Alençon-Koutiala's « construction d'une gare routière » (Mali l.576-578), Chilly-Mazarin-Diéma's
    # « projet gare routière » (l.2848, l.2854). One way
    "autogare": ("autogares", "gare routière", "gare routière", None),
    # woodworkers (round 55, V23): no sheet writes « ébéniste », « charpentier » nor their trades (each query found
    # nothing); the woodworking is CG Allier-Tiflet's « atelier de menuiserie » (Maroc l.4760), CG Allier-Niafunké's
    # « Formation d'artisans menuisiers » (Mali l.3205), CR Champagne-Ardenne-Oriental's « femmes menuisières » (Maroc
    # l.6466). One way
    "ébéniste": ("charpentiers", "menuiserie", "menuisiers", None),
    # geomatics (round 55, V23): no sheet writes « géomatique » (the query found nothing); its tools are Aix-Oujda's
    # « Système d'Information Géographique (SIG) » (Maroc l.263) and Grenoble-Constantine's « cartographie » (alg
    # l.1688, l.1725). One way, narrower; not « SIG » (also the town of Vierzon-Sig)
    "géomatique": ("géomatique", "cartographie", "cartographie", None),
    # blindness (round 55, V23): no sheet writes « cécité » (the query found nothing); Bures-sur-Yvette-Korera Kore's
    # « centre de soins visuels » (Mali l.1486), Chilly-Mazarin-Diéma's « Soins yeux » (l.2396), CG Allier-Niafunké's
    # « lunetterie » (l.3182), Montereau-Safi's « Association des Enfants Malvoyants » (Maroc l.2321). One way
    "cécité": ("cécité", "soins visuels", "malvoyants", None),
    # cataract (round 56, V26): no sheet writes « cataracte » (the query found nothing: unknown word); its care is eye
    # surgery and eye care: AIMF-Bamako's « centre de chirurgie ophtalmologique » (Mali l.13104), Bures-sur-Yvette-
    # Korera Kore's « centre de soins visuels » (l.1486), Chilly-Mazarin-Diéma's « Soins yeux » (l.2396). One way, as
    # cécité (not its malvoyants nor lunetterie)
    "cataracte": ("cataracte", "ophtalmologie", "soins visuels", None),
    # a sick bay (round 55, V23): no sheet writes « infirmerie » (the query found nothing; its stem is not the
    # infirmiers'); Roncq-Sélinkégny's « dispensaire de brousse » (Mali l.10747), Thionville-Kéniéba-Konko's « case de
    # santé » (l.12273), Tours-Marrakech's dispensaries (Maroc l.4095). One way
    "infirmerie": ("infirmeries", "dispensaire", "dispensaire", None),
    # a huller (round 55, V23): no sheet writes « décortiqueuse » (the query found nothing); the women's grain
    # machines are the multifunctional platform that drives huller and mill, in the PTFM entry's three spellings
    # (Saint-Jean-de-la-Ruelle-Dioila's « Plateforme Multi fonctionnelle », Mali l.11376; Pontcharra-Dembella's, l.9915)
    # and the mills (Roncq-Sélinkégny's « moulin à mil », l.10795; Thionville-Kéniéba-Konko's « Deux moulins à grains »,
    # l.12302). One way
    "décortiqueuse": ("décortiqueuses", "plateforme multi fonctionnelle", "moulins à grains", None),
    # a mill (round 56, V26): `moulin` listed the sheets that write « moulin(s) à mil / à grains » (Pontivy-
    # Ouéléssébougou Mali l.10153, Roncq-Sélinkégny l.10795, Thionville-Kéniéba-Konko l.12302) and, by addresses
    # (« MOULINS cedex », « place Jean Moulin »), four others; not the Malian multifunctional platform, whose engine
    # drives the village's grain mill: Pontcharra-Dembella's « Plateforme multifonctionnelle » (l.9915), Saint-Jean-de-
    # la-Ruelle-Dioila's « Plateforme Multi fonctionnelle » (l.11376). One way, narrower
    "moulin": ("moulins", "plateforme multifonctionnelle", "plateforme multifonctionnelle", None),
    # the lean season (round 55, V23): no sheet writes « soudure »; `période de soudure` listed 9 sheets by « période »
    # alone. The cereal banks that tide villages over it: Hennebont-Niamana (Mali l.6767), Pontcharra-Dembella
    # (l.9911), Thionville-Kéniéba-Konko (l.12300), CG Ain (l.12820), Marolles-Lakamane (l.13823). One way
    "période de soudure": ("période de soudure", "banque de céréales", "banque de céréales", None),
    # a warehouse (round 56, V26): no sheet writes « entrepôt(s) » (the query found nothing: unknown word); La
    # Fouillouse-Sio builds a « magasin de stockage communautaire » (Mali l.7382), Allonnes-Sangha helps create « un
    # centre de stockage » (l.735). One way
    "entrepôt": ("entrepôts", "magasin de stockage", "centre de stockage", None),
    # CDAG (round 55, V23): no sheet writes the acronym (the query found nothing); CG Bouches-du-Rhône-Alger helps
    # create « à Alger, d'un centre de dépistage anonyme et gratuit des infections sexuellement transmissibles » (alg
    # l.664-671). One way, as AOT
    "CDAG": ("CDAG", "centre de dépistage anonyme et gratuit", "centre de dépistage anonyme et gratuit", None),
    # hunger (round 56, V24): no sheet writes « faim » (the query found nothing; `lutte contre la faim` listed 14 sheets
    # by « lutte » alone); the sheets write the work against it: « sécurité alimentaire » (CG Essonne-Douentza,
    # Montreuil-Yélimané « Renforcement de la sécurité alimentaire », Mali l.9289), CR Nord-Pas de Calais-Kayes's
    # « malnutrition infantile » (l.5638), CG Allier-Niafunké's Sahel « touchée par la sécheresse et la famine »
    # (l.3142). One way
    "faim": ("faim", "sécurité alimentaire", "sécurité alimentaire", None),
    # deforestation (round 56, V26): no sheet writes « déforestation » (the query listed CR Centre-Mopti alone, by the
    # suggestion « reforestation »); the sheets write the work against it: Montreuil-Yélimané's « actions de
    # reboisement » (Mali l.9305), La Talaudière-Somadougou's « reboisement » (l.7549), CR Centre-Mopti's
    # « reforestation » (l.4828), CG Allier-Niafunké's « plantations d'arbres » (l.3167). One way, as « faim »
    "déforestation": ("déforestation", "reboisement", "reboisement", None),
    # traffic lights and road markings (round 56, V24): no sheet writes « feux » nor « marquage » (`feux tricolores`
    # found nothing, `marquage au sol` La Roche-sur-Yon-Tizi Ouzou by « sol »); CU Lyon-Bamako's « Déplacements et
    # signalisation lumineuse : 5 carrefours ont été équipés » (Mali l.7880), Aix-Oujda's « matériel de traçage de
    # voirie » for « la signalisation routière horizontale » (Maroc l.245). One way
    "feux tricolores": ("marquage au sol", "signalisation routière", "signalisation lumineuse", None),
    # orchards (round 56, V24): no sheet writes « verger(s) » (the query found nothing; Snowball cuts verger and vergers
    # apart) nor « arbres fruitiers » (`arbres fruitiers` fell back to any word); the fruit trees are Montreuil-
    # Yélimané's « arboriculture fruitière » (Mali l.9318), Pontcharra-Dembella's « arboriculture » (l.9970), CR
    # Champagne-Ardenne-Oriental's (Maroc l.6252). One way
    "verger": ("vergers", "arboriculture", "arboriculture", None),
    # a phrase of the vocabulary is searched for its meanings, not its words (review 1 r56): as a term of the « feux
    # tricolores » entry, `feux de circulation` lost the 6 sheets its « circulation » found (8 -> 2), among them
    # Strasbourg-Fès « améliorer la circulation le stationnement ou encore la signalisation dans les rues de Fès »
    # (Maroc l.3846) and Saint-Denis-Tiznit's « amélioration de la circulation et le stationnement » (l.3310); its own
    # entry, with « circulation » and « signalisation », keeps them beside the lights. One way
    "feux de circulation": ("feux de circulation", "circulation", "circulation", None),
    # and `arbres fruitiers`, as a term of the « verger » entry, lost CR Aquitaine-Souss Massa Drâa's « filières fruits
    # et légumes » (Maroc l.6012), first before (« fruitiers » and « fruits » one family), listed nowhere after
    "arbres fruitiers": ("arbres fruitiers", "fruits", "fruits", None),
    # interculturality (round 56, V24): no sheet writes « interculturalité » (the query found nothing; its stem is not
    # the adjective's); the sheets write « interculturel(le)(s) »: Tours-Marrakech's CCEM « favorisant le dialogue
    # interculturel » (Maroc l.4117), CG Isère-Tadla-Azilal's « échanges interculturels » (l.5266), Ivry-Dianguirdé's
    # (Mali l.7019), Vierzon-Sig's « Rencontre interculturelle » (alg l.4624). One way
    "interculturalité": ("interculturalité", "interculturel", "interculturelle", None),
    # beehives (round 56, V24): no sheet keeps bees in « ruches »: `ruches` and `ruche` listed Roubaix-Bouira alone, by
    # its partner « la Ruche d'entreprises » (alg l.3549), a business incubator; the beekeeping is CG Loire-Atlantique-
    # Agadir's « apiculteurs » (Maroc l.5547) and Montreuil-Yélimané's « apiculture » (Mali l.9319). Its own entry, one
    # way: as a term of the abeilles entry, `abeilles` and `miel` brought that incubator too
    "ruches": ("ruche", "apiculture", "apiculture", None),
    # obstetrics (round 56, V24): no sheet writes « obstétri… » nor « gynécolog… » (each query found nothing); the
    # sheets write the maternity ward: Pontcharra-Dembella's « maternité » (Mali l.9922), Quetigny-Koulikoro's,
    # Alençon-Koutiala's, and Angoulême-Ségou's hospitals « avec action mères-enfants » (l.1033). One way
    "obstétrique": ("gynécologie", "maternité", "maternité", None),
}


def whole_query_alternatives(query):
    """The alternatives of the one vocabulary span covering the whole query."""
    words = query.split()
    spans = find_expansions(words)
    assert [(s, e) for s, e, _ in spans] == [(0, len(words))], spans
    return spans[0][2]


def test_schoolbooks_list_no_hand_pump(engine):
    # Snowball gave the hand pump's « manuelle(s) » the stem of the textbook's « manuels », so `manuels scolaires`
    # listed Bures-sur-Yvette-Korera Kore (« pompes manuelles », « mobilier scolaire ») 2nd, above Sète-El Jadida's
    # « livres scolaires », and Ivry-sur-Seine-Dianguirdé (« pompe manuelle ») 4th (review 1 r54)
    from engine import SearchRequest

    for query in ("manuels scolaires", "manuel scolaire"):
        ids = [r["id"] for r in engine.search(SearchRequest(q=query, per_page=100))["results"]]
        assert ids[:2] == ["roncq--selinkegny", "sete--el-jedida"], (query, ids)
        assert not {"bures-sur-yvette--korera-kore", "ivry-sur-seine--dianguirde"} & set(ids), (query, ids)
    ids = [r["id"] for r in engine.search(SearchRequest(q="pompes manuelles", per_page=100))["results"]]
    assert {"bures-sur-yvette--korera-kore", "ivry-sur-seine--dianguirde"} <= set(ids[:2]), ids


def test_a_phrase_entry_keeps_what_its_words_found(engine):
    # review 1 r56: `feux de circulation` and `arbres fruitiers`, terms of entries whose meanings hold neither
    # « circulation » nor « fruits », listed only those meanings' sheets: the traffic and fruit sheets their own words
    # found were gone (`circulation` lists 8 sheets, `fruits` 2)
    from engine import SearchRequest

    ids = [r["id"] for r in engine.search(SearchRequest(q="feux de circulation", per_page=100))["results"]]
    assert ids[0] == "aix-en-provence--oujda" and "cu-lyon--district-de-bamako" in ids[:3], ids
    assert {"strasbourg--fes", "saint-denis--tiznit", "cu-bordeaux--bamako"} <= set(ids), ids
    ids = [r["id"] for r in engine.search(SearchRequest(q="feux de circulation Fès", per_page=100))["results"]]
    assert ids[0] == "strasbourg--fes", ids
    ids = [r["id"] for r in engine.search(SearchRequest(q="arbres fruitiers", per_page=100))["results"]]
    assert {"montreuil--yelimane", "cr-aquitaine--cr-souss-massa-draa"} <= set(ids), ids
    for query in ("feux tricolores", "marquage au sol"):  # their entry is as it was
        ids = [r["id"] for r in engine.search(SearchRequest(q=query, per_page=100))["results"]]
        assert ids == ["aix-en-provence--oujda", "cu-lyon--district-de-bamako"], (query, ids)


def test_a_grater_is_no_rap():
    # Snowball gave râpe the stem of rap, so `râpe` listed the hip-hop sheets of the rap entry (review 1 r53); no
    # sheet writes râpe nor rap (stem_exceptions.json)
    assert find_expansions(["râpe"]) == find_expansions(["râpes"]) == []
    assert "hip-hop" in whole_query_alternatives("rap")


def test_acronyms_are_synonyms_of_their_expansions():
    agency = dict(find_graded_expansions(["ANAPEC"])[0][2])
    assert agency["agence nationale de promotion de l'emploi et des compétences"] == SYNONYM
    # an acronym's expansion brings the acronym, not the other expansions' acronyms
    assert whole_query_alternatives("parc naturel régional") == ["PNR"]
    assert NARROWER not in {kind for _, kind in find_graded_expansions(["INRA"])[0][2]}


def test_acronyms_whose_stem_is_a_common_word_are_left_out():
    # POS (plan d'occupation des sols) stems to `pos`, as pose and poser do; ADO is a teenager
    assert phrase_key("POS") == phrase_key("pose")
    assert find_expansions(["POS"]) == [] and find_expansions(["ADO"]) == []


def test_old_towns_heritage_and_planning_bring_their_local_kinds_one_way():
    old_town = dict(find_graded_expansions(["centre", "historique"])[0][2])
    assert old_town["vieille ville"] == SYNONYM
    assert {old_town[w] for w in ("médina", "casbah", "kasbah", "mellah", "bâti ancien")} == {NARROWER}
    heritage = dict(find_graded_expansions(["patrimoine"])[0][2])
    assert {heritage[w] for w in ("bâti ancien", "muséographie", "sites historiques", "remparts")} == {NARROWER}
    planning = dict(find_graded_expansions(["urbanisme"])[0][2])
    assert {planning[w] for w in ("agence urbaine", "agence d'urbanisme", "requalification")} == {NARROWER}
    for kind in ("mellah", "muséographie", "requalification", "remparts"):
        assert find_expansions(kind.split()) == [], kind
    assert heritage["médina"] == NARROWER and heritage["casbah"] == NARROWER
    # left out: a médina bringing the mellah (`patrimoine médina` 0.951 -> 0.944 on dev). The casbah, left out
    # too until round 44 (`patrimoine médina` 0.951 -> 0.601), is in: on the 1679 dev queries, 8 never-tuned
    # médina queries rose (`restauration de la médina` 0.416 -> 0.634), none fell; Algiers' médina is its Casbah
    medina = dict(find_graded_expansions(["médina"])[0][2])
    assert "casbah" in medina and "mellah" not in medina


def test_fairs_terroir_tourism_crafts_waste_risks_and_mobility_bring_their_kinds_one_way():
    fairs = dict(find_graded_expansions(["foire"])[0][2])
    assert {fairs[w] for w in ("salon", "expo-vente", "exposition-vente")} == {NARROWER}
    # left out: foire = salon as synonyms ranked the judged fairs lower on dev (0.648 -> 0.618)
    assert find_expansions(["salon"]) == []
    terroir = dict(find_graded_expansions(["produits", "du", "terroir"])[0][2])
    assert terroir["produits locaux"] == SYNONYM and terroir["IGP"] == NARROWER
    tourism = dict(find_graded_expansions(["tourisme"])[0][2])
    assert {tourism[w] for w in ("gîteurs", "hôteliers", "hôtellerie", "agences de voyages")} == {NARROWER}
    crafts = dict(find_graded_expansions(["artisanat"])[0][2])
    assert crafts["artisans"] == NARROWER and crafts["maalems"] == NARROWER
    assert dict(find_graded_expansions(["ordures"])[0][2])["nettoyage"] == NARROWER
    risks = dict(find_graded_expansions(["risques", "majeurs"])[0][2])
    assert risks["gestion des risques"] == SYNONYM and risks["IPGR"] == NARROWER
    soft = dict(find_graded_expansions(["modes", "doux"])[0][2])
    assert soft["vélos"] == NARROWER and soft["piste cyclable"] == NARROWER
    for kind in ("hôteliers", "artisans", "vélos", "argane"):
        assert find_expansions(kind.split()) == [], kind
    # nettoyage brings its synonym propreté (round 49), never the waste it is a kind of
    assert find_expansions(["nettoyage"]) == [(0, 1, ["propreté"])]


def test_water_transport_women_and_local_administration_bring_their_kinds_one_way():
    water = dict(find_graded_expansions(["eau", "potable"])[0][2])
    assert {water[w] for w in ("ONEP", "RADEEO", "distribution de l'eau")} == {NARROWER}
    transport = dict(find_graded_expansions(["transports"])[0][2])
    assert {transport[w] for w in ("plan de circulation", "stationnement", "signalisation")} == {NARROWER}
    # bare `circulation` is left out: it is also the circulation of information
    assert "circulation" not in transport
    women = dict(find_graded_expansions(["droits", "des", "femmes"])[0][2])
    assert women["promotion féminine"] == SYNONYM and women["associations de femmes"] == NARROWER
    town_hall = dict(find_graded_expansions(["administration", "communale"])[0][2])
    assert town_hall["gestion municipale"] == SYNONYM and town_hall["archives"] == NARROWER
    for kind in ("stationnement", "archives", "jeunes promoteurs", "ONEP"):
        assert NARROWER not in {k for span in find_graded_expansions(kind.split()) for _, k in span[2]}, kind


def test_university_cooperation_cinema_and_beekeeping_bring_their_kinds_one_way():
    universities = dict(find_graded_expansions(["coopération", "universitaire"])[0][2])
    assert universities["partenariat universitaire"] == SYNONYM
    assert {universities[w] for w in ("université", "étudiants", "enseignement supérieur")} == {NARROWER}
    assert dict(find_graded_expansions(["cinéma"])[0][2])["ciné"] == NARROWER
    assert dict(find_graded_expansions(["agriculture"])[0][2])["apiculture"] == NARROWER
    assert find_expansions(["apiculture"]) == [] and find_expansions(["film"]) == []


def test_more_kinds_of_enterprise_farming_sanitation_and_training_one_way():
    economy = dict(find_graded_expansions(["développement", "économique"])[0][2])
    assert economy["micro-entreprises"] == NARROWER and economy["mise à niveau des entreprises"] == NARROWER
    assert dict(find_graded_expansions(["agriculture"])[0][2])["apiculteurs"] == NARROWER
    assert dict(find_graded_expansions(["assainissement"])[0][2])["déchets liquides"] == NARROWER
    training = dict(find_graded_expansions(["formation", "professionnelle"])[0][2])
    assert training["formations professionnalisantes"] == NARROWER
    # left out: heritage -> archéologie ranked a dev query on Algeria's old quarters lower (0.794 -> 0.787)
    assert "archéologie" not in dict(find_graded_expansions(["patrimoine"])[0][2])
    crafts = dict(find_graded_expansions(["artisanat"])[0][2])
    assert {crafts[w] for w in ("chambre des métiers", "chambre d'artisanat", "chambre de l'artisanat")} == {NARROWER}
    # left out: sida -> dépistage (anonyme), Algiers' screening centre, lowered a dev action query on AIDS
    assert "dépistage anonyme" not in dict(find_graded_expansions(["sida"])[0][2])


def test_an_optician_brings_the_spectacle_shop():
    # round 55, V23: no sheet writes « opticien(s) » (the query found nothing); CG Allier-Niafunké sets up « une
    # lunetterie » (Mali l.3182), the lunettes entry's meaning
    assert "lunetterie" in whole_query_alternatives("opticien")
    assert "lunetterie" in whole_query_alternatives("opticiens")


def test_deforestation_brings_the_rescue_of_a_forest():
    # round 56, V25: CR Rhône-Alpes-Rabat's « Sauvegarde de la forêt de la Maâmora » (Maroc l.7819), a cork oak forest
    # that « se réduit fortement » under urban growth, writes neither reboisement nor plantation: `déforestation` did
    # not list it
    assert "sauvegarde de la forêt" in whole_query_alternatives("déforestation")
    assert find_expansions(["sauvegarde", "de", "la", "forêt"]) == []
