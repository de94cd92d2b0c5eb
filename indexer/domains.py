"""The controlled vocabulary of domains, and the mapping from raw labels.

Each repertoire names its domains its own way (`Hydraulique`, `Eau potable`,
`Assainissement`, `Santé / Eau`…). Facets need one vocabulary, so every raw
label goes through `map_domain`, which tries the exact-label table first
(labels that keywords would file wrongly) and then keyword rules on the
folded text. A label that maps to nothing is a bug: a test reads every raw
label the parsers produce and fails on any such label.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from .text import fold

EAU = "Eau et assainissement"
SANTE = "Santé"
EDUCATION = "Éducation et formation"
JEUNESSE = "Jeunesse et sport"
CULTURE = "Culture et patrimoine"
ECONOMIE = "Développement économique"
TOURISME = "Tourisme"
AGRICULTURE = "Agriculture et développement rural"
ENVIRONNEMENT = "Environnement et déchets"
URBANISME = "Urbanisme, aménagement et transports"
GOUVERNANCE = "Appui institutionnel et gouvernance"
SOCIETE = "Société civile"
ECHANGES = "Échanges et amitié"
SECURITE = "Sécurité et protection civile"
SOCIAL = "Action sociale et solidarité"
ENERGIE = "Énergie"

DOMAINS: list[str] = [
    EAU, SANTE, EDUCATION, JEUNESSE, CULTURE, ECONOMIE, TOURISME, AGRICULTURE,
    ENVIRONNEMENT, URBANISME, GOUVERNANCE, SOCIETE, ECHANGES, SECURITE, SOCIAL, ENERGIE,
]

# Exact labels (folded, spaces squashed) whose keywords would mislead.
EXACT: dict[str, list[str]] = {
    "autres": [ECHANGES],
    "divers": [ECHANGES],
    "gouvernement et societe civile": [GOUVERNANCE, SOCIETE],
    # Algerian documents (MICL, Embassy): "securite" would file these as security.
    "securitaire": [SECURITE],
    "securite sociale": [SOCIAL],
    "politique de la ville": [URBANISME, SOCIAL],
    "travaux publics": [URBANISME],
    # "sport" matches inside "transports"
    "transports": [URBANISME],
    "modernisation des transports": [URBANISME, GOUVERNANCE],
    # Morocco repertoire synthesis: soft mobility is filed under environment there.
    "circulations douces": [ENVIRONNEMENT, URBANISME],
    # Morocco repertoire synthesis, under "Développement social": women's insertion is social action.
    "insertion des femmes": [SOCIAL],
    # Algerian decentralised-cooperation sheets: theme cells without a keyword.
    "seminaire": [ECHANGES],
    "mission d'etude": [ECHANGES],
    "gestion de l'espace public": [URBANISME],
    "coomunication": [EDUCATION],  # sic, Saint-Denis: "Cyber base"
    # Mali summary table: "éducation au développement" is awareness and exchanges (its items:
    # school exchanges, youth work camps, cultural events, communication), not schooling.
    "education au developpement": [ECHANGES],
    # Mali sheets: the French side's own activities (newsletters, forums, links between associations).
    "communication": [ECHANGES],
    "accueil": [ECHANGES],
    "nouvelles technologies": [EDUCATION],  # multimedia centres in schools and youth centres
    "articulation coop et autres domaines": [ECHANGES],
    # Mali sheets: "Cultures" over "Aide au maraîchage" is crops (the arts are "Culture", singular).
    "cultures": [AGRICULTURE],
    # Mali sheets: "Collectivités" over inter-communal cooperation and the mairie's services
    # (La Flèche–Markala): support to the local authority.
    "collectivites": [GOUVERNANCE],
    # Mali: the summary table files "Appui aux dynamiques de quartier" under APPUI A LA SOCIETE
    # CIVILE (l.107); CA Évry–Kayes uses it as a row label.
    "appui aux dynamiques de quartier": [SOCIETE],
    # Mali sheets: a bare "Développement" row label over cooperatives, credit and income-generating
    # equipment (La Fouillouse–Sio, which the summary table files under Développement économique)
    "developpement": [ECONOMIE],
}

# Learned prefixes a keyword may follow inside one word (`écotourisme`, `hydroélectrique`,
# `périurbain`, `paramédical`, `socioculturel`, `microcrédit`).
_PREFIX = r"(?:eco|agro|hydro|socio|psycho|bio|micro|inter|peri|para|extra|moto)?"


def _starts(*words: str) -> str:
    """Words matched from a word's start only, or after a learned prefix (`soins` is not in
    `besoins`, `marche` not in `démarche`, `jeune` not in `déjeuner`, `formation` not in
    `information`)."""
    return r"\b" + _PREFIX + "(?:" + "|".join(words) + ")"


# Food security (`sécurité alimentaire`, and `sécurisation alimentaire` as CR Centre–Mopti's label writes it,
# Mali l.4849-4850): farming and food supply, not security. One pattern for the label rules, the text rules and
# the security rule that must not read it.
FOOD_SECURITY = r"securi(?:te|sation) alimentaire"
# A library (`bibliothèque`, `médiathèque`, its librarians) is reading as well as schooling: one pattern for the
# label rules and the text rules of both fields (the text rules read it as schooling only, CG Yvelines–Kadiolo's
# `Médiathèque`, Mali l.4578, as nothing).
LIBRARY = r"bibliothe(?:que|caire)|mediatheque"

# Keyword rules: a regular expression over the folded label -> domains. Every keyword matches
# at a word's start; the few that may stand inside a word are written out (`motopompe`,
# `periscolaire`, `analphabete`, `reamenagement`, `insecurite`).
RULES: list[tuple[str, list[str]]] = [
    (_starts(r"eaux?\b", "assainis", "hydraul", "potable", r"aep\b", "puits", "forages?", "latrine", "egout",
             "adduction", "irrigation", "barrage", "pompe", "motopompe"), [EAU]),
    (_starts("sante", "sanitaire", "medic", "hopita", "hospital", "cscom", "cescom", "dispensaire", "maternit",
             r"sida\b", "vih", "paludisme", "pharmac", "soins"), [SANTE]),
    (_starts("educ", "ecole", "scolai", "periscolai", "parascolai", "scolaris", "enseign", "formation", "alphab",
             "analphab", "universit", LIBRARY, "lycee", "college", "apprentissage", "recherche",
             "scientifi"), [EDUCATION]),  # scientific cooperation: universities and research
    # `jeune` alone is an adjective after un/une/d'un (`un jeune ingénieur`): not youth
    (r"\bjeunes\b|\bjeunesse|(?<!\bun )(?<!\bune )(?<!d.un )\bjeune\b|\bsport|\bloisir", [JEUNESSE]),
    # "cultur" at a word's start (or inter-/socio-cultural): agriculture, aviculture and
    # apiculture are farming, not culture; a library is reading (culture) as well as schooling
    (_starts("cultur", "intercultur", "socioculturel", "patrimoine", "artisti", "musique", "theatre", "festival",
             "musee", "archive", "lecture", r"livres?\b", "cinema", r"arts?\b", LIBRARY), [CULTURE]),
    (_starts("econom", "emploi", "commerce", "entreprise", "artisanat", "microcredit", "micro-credit", "credit",
             "insertion professionnelle", "marche", "secteur marchand", "industri", "investis",
             "generation de revenus", "generatrices de revenus",  # what a project earns its people (Rennes)
             "activites remuneratrices",  # Saint-Jean-de-la-Ruelle l.11371
             # municipal finance (`Finances locales`, `Services administratif et financier`) is governance
             r"financ(?!es locales|ier\b)"), [ECONOMIE]),
    (_starts("touris"), [TOURISME]),
    (_starts("agric", "avicult", "rural", "elevage", "peche", "maraich", "agro", "cereal", "foret", "forestier",
             FOOD_SECURITY, "autosuffisance", "vivri", "apicult", "halieut", "aquacult", "piscicult",
             "pastoral"),
     [AGRICULTURE]),
    (_starts("environnement", "dechet", "ordure", "propret", "ecolog", "desertif", "climat", "espaces verts",
             "reboise", "developpement durable", "biodiversite"), [ENVIRONNEMENT]),
    # `aménagement rural` is rural development, `aménagement touristique` tourism, `aménagements
    # hydrauliques` water
    (_starts(r"(?<!proprete )(?<!milieu )urban", r"(?:re)?amenagement(?!s? (?:rural|touristique|hydr))",
             "transport", "voirie", "route", "infrastructure", "habitat", "logement", "batiment", "equipement",
             "cadastre",
             r"(?<!cadres )(?<!agents )territori",  # `cadres territoriaux` are civil servants
             "mobilite", "plan de developpement", "eclairage public", "desenclav"), [URBANISME]),
    (_starts("institution", "gouvernance", "decentralis", "gestion municipale", "gestion communale",
             "administrat", "renforcement des capacites", "capacites", "etat civil", "fiscal",
             "finances locales", "elus", "appui a la commune", "appui aux communes", "democrat", "citoyen",
             "cooperation technique", "modernisation", "gestion locale", "services municipaux",
             "service public", "cadres territoriaux", "cadres municipaux", "cadres communaux"), [GOUVERNANCE]),
    (_starts("societe civile", "associati", r"femmes?\b", r"genre\b", r"ong\b", "comite de jumelage",
             "vie associative", "promotion feminine"), [SOCIETE]),
    (_starts("echange", "amitie", "jumelage", "rencontre", "visite", "solidarite internationale",
             "interculturel", "sensibilisation", "education au developpement", "fraternite", "mobilisation"),
     [ECHANGES]),
    # food security (FOOD_SECURITY) is farming and food supply: the agriculture rule files it
    (_starts(f"(?:in)?(?!{FOOD_SECURITY})securite", "protection civile", "pompier", "incendie", "risque",
             "catastrophe", "police", "terroris", "criminal"), [SECURITE]),
    # international solidarity is exchanges (above); Handicap International and the programme
    # «Villes Unies contre la pauvreté» are names, not the social work itself
    (_starts("social", r"solidarite(?! internationale)", r"handicap(?! international)", "personnes agees", "enfance",
             "petite enfance", r"(?<!unies contre la )pauvrete", "humanitaire", "urgence", "aide alimentaire"),
     [SOCIAL]),
    # lighting is power (`Éclairage scolaire`, Allonnes–Sangha l.722); `Eclairage public` is planning too
    (_starts("energ", "electri", "solaire", "eolien", "eclairage"), [ENERGIE]),
    # Morocco repertoire: "Développement urbain" ("urban" misses "urbain"), "Circulation et déplacements"
    (_starts(r"(?<!proprete )(?<!milieu )urbain", "circulation", "deplacement"), [URBANISME]),
    (_starts("services publics"), [GOUVERNANCE]),
]


@cache
def _compiled_rules() -> list[tuple[re.Pattern[str], list[str]]]:
    """RULES compiled at the first label mapped, not as the module loads: the engine imports it to read a
    query's words (domains_of_text) and maps no label (compiling them cost each search process 37 M instructions)."""
    return [(re.compile(p), d) for p, d in RULES]


# Words that name a field only when nothing else does: `Appui technique` is institutional support,
# `Aide technique dans les domaines de l'eau` is about water.
_WEAK = [(re.compile(_starts("technique")), [GOUVERNANCE])]


@lru_cache(maxsize=16)  # label_text asks it of a record's whole text once per domain of the record
def _key(label: str) -> str:
    return re.sub(r"\s+", " ", fold(label)).strip(" .:;,-")


def map_domain(label: str) -> list[str]:
    """Controlled domains for a raw label ([] only when nothing matches)."""
    return list(_map_domain(label))


@lru_cache(maxsize=8192)
def _map_domain(label: str) -> tuple[str, ...]:
    return tuple(_map_uncached(label))


def _map_uncached(label: str) -> list[str]:
    key = _key(label)
    if not key:
        return []
    if key in EXACT:
        return list(EXACT[key])
    found: list[str] = []
    for rx, doms in _compiled_rules():
        if rx.search(key):
            for d in doms:
                if d not in found:
                    found.append(d)
    if not found:
        found = [d for rx, doms in _WEAK if rx.search(key) for d in doms]
    return found


_STATED_RE = re.compile(r"dans l(?:e|es) domaines? (?:de la |de l.|de |d.|du |des )(?P<list>[^.;:()]+)", re.IGNORECASE)
# the list ends where a bullet or a dash starts another sentence (`de la santé` / `- Soutenir la mairie`)
_LIST_END_RE = re.compile(r"\s*\n\s*[-–•*]|\s[-–]\s|\n\s*\n")
# an item's article or preposition, which the sentence needs and a label does not (`de l’éducation`)
_ITEM_LEAD_RE = re.compile(r"^(?:et\s+|ainsi que\s+)?(?:(?:de la|de l[’']|du|des|de|d[’'])\s*)?"
                           r"(?:(?:la|le|les|l[’'])\s*)?", re.IGNORECASE)
# ... and an item that starts a clause of its own is no field (`et dans le respect d’une bonne gouvernance`)
_CLAUSE_RE = re.compile(r"^(?:dans|en|pour|avec|sur|par|afin|selon)\b", re.IGNORECASE)


def stated_labels(text: str) -> list[str]:
    """The fields a sentence says the partnership works in (`principalement dans les domaines de
    l’eau et l’assainissement, l’environnement…, l’urbanisme`): each item naming a domain, as a
    label reads (`assainissement`, not `l’assainissement`)."""
    out: list[str] = []
    for m in _STATED_RE.finditer(text or ""):
        listed = _LIST_END_RE.split(m.group("list"))[0]
        for item in re.split(r",\s*|\s+et\s+|\s+ainsi que\s+", listed):
            item = _ITEM_LEAD_RE.sub("", " ".join(item.split()))
            if (item and len(item) <= 60 and not _CLAUSE_RE.match(item) and map_domain(item)
                    and item.casefold() not in {o.casefold() for o in out}):
                out.append(item)
    return out


def map_domains(labels: list[str]) -> list[str]:
    """Union of the domains of several labels, in vocabulary order."""
    found = {d for label in labels for d in map_domain(label)}
    return [d for d in DOMAINS if d in found]


# Words that say what an action is about whatever heading it is filed under:
# a well is water, a health centre is health, a school is education. Kept
# narrower than RULES, which read short labels, not running text.
TEXT_RULES: list[tuple[str, list[str]]] = [
    (RULES[0][0] + r"|captage|bornes?.fontaines?|\bpuit\b", [EAU]),  # the water rule reads text as well as labels
    ((r"\bcscom|\bcsref|centre de sante|centres de sante|dispensaire|"
      r"maternite|(?<!a l.)(?<!dans l.)hopital|\bsante\b|medicament|paludisme|\bmedecins?\b|"
      # surgery, eye and dental care (AIMF–Bamako l.13104 `centre de chirurgie ophtalmologique`)
      r"\bchirurgi|\bophtalmolog|\bdentaire|"
      r"\bmedica(?:l|le|ux|les)\b"), [SANTE]),  # `à l'hôpital`: a place
    ((r"\becoles?\b|\b(?:pre|peri|para)?scolaire|alphabetis|salles? de classe|college|lycee|" + LIBRARY + "|"
      r"formation professionnelle|"
      r"centres? de formation|"
      # trainers trained for trades, courses that qualify (Marseille–Marrakech l.2000, l.2039); not `formation de
      # formateurs` alone, a benefit named in passing (Ajaccio–Marrakech l.406: an e-commerce portal)
      r"\bformateurs aux metiers|formations? (?:qualifiante|diplomante)|"
      r"(?:complexes?|projets?|etablissements?) educati(?:f|fs)\b"), [EDUCATION]),
    ((LIBRARY + r"|\bmusees?\b|\bfestivals?\b|\bpatrimoine (historique|urbain|architectural|bati)|"
      r"(restauration|rehabilitation|preservation|sauvegarde|valorisation|conservation)( et (la )?\w+)? "
      r"(du|de la|des) (patrimoine|medina|casbah|monuments?|manuscrits)|"
      # what the actions themselves call cultural (not an association's name): centres, weeks, events
      # (`coopération culturelle` beside school pairings and water work, CR Centre–Mopti l.4871-4873)
      r"(activites|echanges|centres?|semaines?|manifestations?|evenements?|animations?|actions?|programmes?|"
      r"projets?|journees?|cooperations?) culturel(?:le)?s?|de type culturel|\bconteu(?:r|se)s?\b|\bcontes\b|"
      r"spectacles?|\bartistes?\b|ecrivains?|\btheatre|\bdanses?\b|lecture publique|appui a la lecture|"
      r"\bthemes? (?:de la culture|culturels?)\b"), [CULTURE]),  # `2003 : sur le thème de la culture` (Pontcharra)
    # improved stoves (`fourneaux économes`) save fuel wood; a multifunctional platform is an engine
    # that mills grain and gives power (not `électricité` alone: a renovation's wiring)
    ((r"electrif|solaire|eclairage|groupe electrogene|fourneaux? (?:econome|ameliore)|foyers? (?:ameliore|econome)|"
      r"\bfours? ameliore|"
      r"plate.?formes? multi.?fonctionnelle"), [ENERGIE]),
    # each word from its start: river banks (`berges`) are not guests put up (`hébergés`)
    ((r"\b(?:dechets?\b|ordures|bennes?\b|proprete\b|(?:in)?salubrite|reboise|"
      r"plantations? d.arbres|bosquets?|decharge|berges|espaces? verts?|environnement urbain|"
      r"(protection|preservation|sensibilisation|education)( \w+)? (a |de )?l.environnement|"
      r"environnementa)"), [ENVIRONNEMENT]),
    # youth exchanges, youth work camps and team sports are youth work whatever heading they are under
    ((r"\bsport|terrains? de (foot|sport|basket|jeux)|tournoi|aires? de jeux|maisons? des jeunes|"
      r"\bfootball|\bbasket|handball|athletisme|\bstades?\b|"
      r"echanges? (de |d.|entre (les )?)jeunes|chantiers?( internationa\w*)? (de |d.)?jeunes|chantiers? de solidarite|"
      r"(sejours?|groupes?|delegations?) de jeunes|colonies? de vacances|centres? de loisirs|"
      r"\bjeunesse\b"), [JEUNESSE]),
    # `Un pont entre Nîmes et Meknès`: a bridge between two towns is a figure of speech
    # `route régionale 24` is an address; `pistes de financement`, ideas; `soutien logistique`, help
    ((r"\broutes?\b(?! (?:regionale|nationale|departementale))|"
      r"\bpistes?\b(?! de (?:financement|reflexion|travail|projets?|cooperation|actions?))|"
      # `créer des ponts et un temps d'échange` (Vienne–Tiflet l.4278) is a figure of speech too
      r"(?<!creer des )(?<!jeter des )(?<!tisser des )\bponts?\b(?! entre)|"
      r"(?<!projets )passerelle|voirie|plan d.amenagement|lotissement|"
      r"\burbanisme\b|"
      r"renovation (du )?marche|amenagement de l.espace|"
      # a master plan of a named service is about that service
      r"schema (global|directeur)(?! (?:de la |de |d.)(?:gestion des dechets|assainissement|eau|l.eau))|"
      r"\b(?:auto)?bus\b|\btramway|transports? (publics|en commun|urbains)"), [URBANISME]),
    # people in hardship helped, whatever the heading: destitute families, the blind, charities
    # milk given to children, not a dairy's (`valoriser le lait traité` by a yaourterie)
    ((r"enfants en difficulte|aide alimentaire|detenus|orphelin|handicap(?! international)|indigent|"
      r"^(?!.*(?:laiterie|laitier|laitiere|yaourt|fromag)).*\blait\b|"
      r"\bdemunie?s?\b(?! de)|defavorise|malvoyant|non.voyant|\baveugles?\b|bienfaisance|sans.abri|"
      r"humanitaire|sinistres\b|developpement social (?:des|urbain)|lutte contre la pauvrete|foyers? de l.enfance|"
      r"enfance assistee|protection de l.enfance|accompagnement social|prestations sociales|services sociaux|"
      r"chantiers? d.insertion|insertion (?:des jeunes|des femmes|sociale)"), [SOCIAL]),
    ((FOOD_SECURITY + r"|maraich|cereales|moulins?\b|agricult|elevage|aviculture|motopompe|irrigu|goutte a goutte|"
      r"contre.saison|karite|semences?\b|betail|culture de (riz|ble|mil)|barrage avec culture|poulaill|volailles?\b|"
      r"\bagricol|pastoral|planteurs|vergers?\b|arboricult"), [AGRICULTURE]),
    # a school or sanitation cooperative is about its school or its streets, not trade
    ((r"micro.?credits?|cooperatives?\b(?! scolaires?| de salubrite| d.assainissement)|artisans?\b|"
      r"activites generatrices|operateurs economiques|poles? de competitivite|economie (?:fondee sur la )?connaissance|"
      r"developpement economique|echanges economiques|economie informelle|secteur informel"), [ECONOMIE]),
    ((r"maitrise d.ouvrage|outils institutionnels|appui institutionnel|"
      r"formation (?:des |d.)elus|\bdecentralisation|etat civil|fonctionnaires|"
      r"(?:cadres|agents|personnels?) (?:municipaux|communaux|territoriaux|superieurs)|"
      r"\b(?:cadres|agents) et (?:des )?elus\b|\belus et (?:des )?(?:cadres|agents)\b"), [GOUVERNANCE]),
    # support given to associations (not an evening shared with them)
    ((r"(subventions?|soutien|appui|aides?|renforcement|accompagnement) (a |aux |d.|des |de )*associations|"
      r"societe civile"), [SOCIETE]),
    # friendship, visits and school links between the two towns, whatever heading they are under
    # (a school exchange is schooling for the gold records: `échanges scolaires` stays there)
    ((r"liens d.amitie|visites? reciproques?|echanges? annuels|"
      r"education au developpement|sensibilisation reciproque|jumelages? scolaires?|"
      r"(?:visites?|sejours?|accueil|venue|deplacement|reception) (?:d.une |de la |des |d.)delegations?|"
      r"delegations? (?:d.elus|officielles?|municipales?)|"
      r"echanges? entre (?:les )?(?:deux )?(?:collectivites|communes|villes|populations|habitants)|"
      r"(?:visites?|voyages?) d.echanges?"), [ECHANGES]),
    # tourism named in an action (`un projet de développement économique fondé sur le tourisme culturel`)
    # (not its tourists as beneficiaries, nor a place's appeal in passing)
    ((r"\b(?:eco)?tourisme\b|\bhotellerie\b|(?:sites?|circuits?|projets?|promotion|developpement|valorisation|itineraires?|"
      r"produits?|formations?) touristiques?"), [TOURISME]),
    ((r"protection civile|pompiers?\b|sapeurs|\bsamu\b|(gestion|prevention) des risques|"
      r"risques (urbains|majeurs|naturels)|seismes?\b"), [SECURITE]),
]


@cache
def _compiled_text_rules() -> list[tuple[re.Pattern[str], list[str]]]:
    """TEXT_RULES compiled at the first text read (the build's actions, a completion's words), not as the module
    loads: a search that completes nothing reads none (compiling them cost each such search 48 M instructions)."""
    return [(re.compile(p), d) for p, d in TEXT_RULES]


def domains_of_text(text: str) -> list[str]:
    """Domains implied by an action's own words (wells -> water even when
    filed under health; a health centre -> health whatever the heading)."""
    return list(_domains_of_text(text))


@lru_cache(maxsize=4096)  # the same action text is read for its record and for the summary's check
def _domains_of_text(text: str) -> tuple[str, ...]:
    key = _key(text)
    found: list[str] = []
    for rx, doms in _compiled_text_rules():
        if rx.search(key):
            found += [d for d in doms if d not in found]
    return tuple(found)


# What a domain's label says beyond its first word. The controlled labels join two topics
# ("Eau et assainissement", "Urbanisme, aménagement et transports"); a record filed under one
# for the first (a well, a bus line…) is not about the second. The label's words are indexed
# (the record's `domains_text`), so each later part is written only when the record's own
# labels or text support it: otherwise every water sheet would match "assainissement".
LABEL_PARTS: dict[str, list[tuple[str, str]]] = {
    EAU: [("Eau", ""),
          ("assainissement", r"assainis|latrine|egout|eaux usees|eaux pluviales|drainage|caniveau|vidange")],
    EDUCATION: [("Éducation", ""), ("formation", r"formation|formateur|stagiaire|\bstages?\b")],
    JEUNESSE: [("Jeunesse", ""), ("sport", r"\bsport")],
    CULTURE: [("Culture", ""), ("patrimoine", r"patrimo|monument|medina|restauration|archeolog")],
    AGRICULTURE: [("Agriculture", ""), ("développement rural", r"\brural|\brurale|\bruraux")],
    ENVIRONNEMENT: [("Environnement", ""), ("déchets", r"dechet|ordure|propret|salubrit|\bbennes?\b|decharge")],
    URBANISME: [("Urbanisme", ""), ("aménagement", r"amenag"),
                ("transports", r"transport|\bbus\b|autobus|tramway|\bmetro\b|deplacement|circulation|mobilite")],
    GOUVERNANCE: [("Appui institutionnel", ""), ("gouvernance", r"gouvernance")],
    ECHANGES: [("Échanges", ""), ("amitié", r"amitie")],
    SECURITE: [("Sécurité", ""), ("protection civile", r"protection civile|pompier|incendie|secours")],
    SOCIAL: [("Action sociale", ""), ("solidarité", r"solidari")],
}


@cache
def _label_parts(domain: str) -> list[tuple[str, re.Pattern[str] | None]] | None:
    """LABEL_PARTS[domain] compiled, when first asked (by the index's build; the engine never asks)."""
    parts = LABEL_PARTS.get(domain)
    return None if parts is None else [(w, re.compile(rx) if rx else None) for w, rx in parts]


def label_text(domain: str, evidence: str) -> str:
    """The words of `domain`'s label that a record whose own labels and text are
    `evidence` supports: the first part always, a later part when its words are there."""
    parts = _label_parts(domain)
    if parts is None:
        return domain
    key = _key(evidence)
    return " ".join(w for w, rx in parts if rx is None or rx.search(key))
