"""Words of a query that say little or nothing about what is sought.

Fillers: users type questions (`quelles villes aident Mopti`, `qui travaille
sur l'eau à Kayes`); with every word required, `aident` or `travaille` would
exclude the partnerships that never use that verb. These words are dropped
from a query that has other words (a query made only of them is kept as typed).

Light words: the nouns that say what was done to a thing rather than what it
is (`création d'une bibliothèque`, `gestion des déchets`, `appui à l'état
civil`). A project row says "bibliothèque" whether it built, equipped or
rehabilitated one, and the user asking for the creation of a library wants
all of them, the ones that say "création" first. A light word is kept and
scored, but weighs less in how much of the query a result covers (the
ranking profile's `light_word`). So do three kinds of generic nouns: the word
`partenariat` (every record is one), the kind of a place before its name
(`la wilaya d'Alger`: the territory includes communes that never say "wilaya")
and `personnes` before what qualifies them (`personnes handicapées`).

Agreement words (`convention`, `accord`, `protocole`): next to a year, they ask when a
partnership was formalised, which its `began` year says whatever the agreement is called
(ranking.py, `_formalised`).

Place adjectives (`algériens`, `marocaine`, `maliennes`; `bretonnes`, `alsaciens`; `chinoises`)
name a partner country, a French région or another country: the query builder also looks for the
place's name (querybuild.py, `VIA_PLACE`), which makes the word a place for the ranker."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from analyzers import fold_text

FILLERS = frozenset({
    "qui", "quel", "quels", "quelle", "quelles", "quoi", "ou", "comment", "combien", "pourquoi",
    "est-ce", "existe", "existent", "y", "a-t-il", "ya",
    "travaille", "travaillent", "travailler", "aide", "aident", "aider", "soutient", "soutiennent",
    "soutenir", "coopere", "cooperent", "cooperer", "agit", "agissent", "intervient",
    "interviennent", "fait", "font", "faire", "mene", "menent",
    "vient", "viennent", "venir", "venu", "venus", "venue", "venues",
    "villes", "collectivites", "collectivite", "francaises", "francaise", "francais",
    "liste", "tous", "toutes", "avec", "dans", "pour",
    "quand", "lequel", "laquelle", "lesquels", "lesquelles", "depuis", "entre", "parmi",
    # `lutte contre le sida`: the preposition of a fight (whose noun is light, below)
    "contre",
    # a request typed as a sentence (`je voudrais trouver les projets de santé à Kayes`, `qui s'occupe de
    # l'eau à Gao`): these words say nothing of the need, yet being rare in the records (`trouver` in 3,
    # `cherche` in 1) each weighed most of the query as its rarest word; alone, one is still searched
    "je", "voudrais", "voudrions", "veux", "voulons", "souhaite", "souhaiterais", "souhaitons",
    "aimerais", "cherche", "cherchons", "chercher", "trouver", "connaitre", "occupe", "occupent",
    "occuper", "interesse", "interessent", "montrer", "montrez", "lister", "svp", "stp", "merci",
})

# Adjectives that put the sought collectivity in France (`quelles collectivités françaises
# coopèrent avec Tlemcen`): the Algerian lists also hold Italian, Spanish or Moroccan towns'
# partnerships with Algerian places, which such a query does not want.
FRENCH_SIDE = frozenset({"francais", "francaise", "francaises"})

# In a question, a plural naming a kind of collectivity asks for collectivities of that kind
# (`quels départements français travaillent en Algérie`: conseils généraux). Only France has
# départements among the repertoires' countries, so that word names the French side's kind on its
# own; régions and communes exist on both sides and name it only in a query calling it French.
FRENCH_ONLY_KINDS = {"departements": "département"}
SHARED_KINDS = {"regions": "région", "communes": "commune", "intercommunalites": "intercommunalité"}

# the kinds of place a name follows (`la wilaya d'Alger`, `la région de Kayes`, `la commune de
# Sévaré`, `la ville de Tanger`): alone, such a word says nothing of what is asked, so a record
# having it alone never fills a listing (ranking._beyond_light); `ville`: dev 1,325 +0.0001, four
# long tuned queries moved (two down, −0.004 and −0.003), no untuned one
PLACE_KINDS = ("wilaya", "région", "cercle", "province", "préfecture", "commune", "ville", "mairie")
# ... of which those that also name a building and its staff (`construction de la mairie`, `secrétaire de
# mairie`: a topic), a kind only before a name (`mairie de Montpellier`: engine/placenames.py, read by
# the query builder): light there only
TOPIC_KINDS = ("mairie",)

# the words that open a name and say nothing alone (`Sainte Foy`, `Al Hoceima`, `Sidi Kacem`):
# when the rest of the name is a word no record has, the records having only these are no answer
# (`Ain` is left out: it is the name of a département on its own)
NAME_PARTICLES = frozenset({"saint", "sainte", "saints", "saintes", "st", "ste", "al", "el", "sidi", "ben",
                            "beni", "bni", "oum", "ouled", "moulay", "ait"})

# every record is a partnership: the word says nothing of which; the people a project is for are named by
# what qualifies them (`personnes handicapées`, `personnes âgées`): the noun alone is in every sheet
# counting a delegation's members
GENERIC_NOUNS = ("partenariat", "partenaire", "personne")

# the action nouns of project rows (and their verbs), as written; compared by stem; and two
# kinds of generic nouns
LIGHT_WORDS = (
    "création", "créer", "construction", "construire", "réalisation", "réaliser",
    "réhabilitation", "réhabiliter", "rénovation", "rénover", "réfection", "modernisation",
    "amélioration", "améliorer", "renforcement", "renforcer", "développement", "développer",
    "gestion", "appui", "soutien", "aide", "mise", "participation", "installation", "extension",
    "projet", "programme", "action",
    "aménagement", "aménager", "équipement", "équiper", "fourniture", "achat", "envoi",
    "construit", "construisent", "créent", "réalisent", "financer", "financent", "appuient",
    # (dev, batch 2: lutte contre le sida +0.084, don d'autobus +0.017, don de véhicules -0.010; older
    # dev and batch 1 unchanged)
    "don", "acheminement", "accompagnement", "promotion", "valorisation", "acquisition", "dotation", "lutte",
    *GENERIC_NOUNS,
    # the kind of a place before its name: the name says which, and the territory includes its
    # communes, whose records never say "wilaya" (`commune`: dev 1,282 +0.0002, one untuned question
    # up, none down)
    *(kind for kind in PLACE_KINDS if kind not in TOPIC_KINDS),
)


# A third country's adjective names it too (`villes chinoises`, `jumelle allemande`): the sheets
# mostly list their collectivities' other twinnings by country (« Hang Zhou (Chine) »), and the
# ministry's accords are one record per country. Not a continent's (`africaine`): every partner is
# in Africa, and the sheets' « Afrique » is mostly « Afrique du Sud » or « Afrique Verte ».
# The stemmer splits some feminines from their masculine (`japonaise`: japonais, `japonais`: japon),
# so they are listed as well.
FOREIGN_ADJECTIVES = {
    "allemand": "Allemagne", "belge": "Belgique", "brésilien": "Brésil", "burkinabè": "Burkina",
    "béninois": "Bénin", "camerounais": "Cameroun", "camerounaise": "Cameroun", "chinois": "Chine",
    "cubain": "Cuba", "espagnol": "Espagne", "grec": "Grèce", "grecque": "Grèce", "guinéen": "Guinée",
    "hongrois": "Hongrie", "indonésien": "Indonésie", "iranien": "Iran", "israélien": "Israël",
    "italien": "Italie", "japonais": "Japon", "japonaise": "Japon", "koweïtien": "Koweït", "libanais": "Liban",
    "libanaise": "Liban", "libyen": "Libye", "malgache": "Madagascar", "mauritanien": "Mauritanie",
    "nigérien": "Niger", "palestinien": "Palestine", "polonais": "Pologne", "polonaise": "Pologne",
    "portugais": "Portugal", "portugaise": "Portugal", "roumain": "Roumanie", "britannique": "Royaume-Uni",
    "russe": "Russie", "syrien": "Syrie", "sénégalais": "Sénégal", "sénégalaise": "Sénégal",
    "tunisien": "Tunisie", "turc": "Turquie", "turque": "Turquie", "vietnamien": "Vietnam",
    "yéménite": "Yémen", "égyptien": "Égypte"}


# The adjective of a repertoire's partner country names the country (`médecins algériens`, `une
# commune malienne`, `étudiants marocains`), and that of a French région the région (`collectivités
# bretonnes`, `communes alsaciennes`): the records say where they are in their places, not with the
# adjective. Compared by stem (every gender and number). The régions are those of the records'
# French side (2008); a name the record splits (`Haute-Normandie`, `Provence-Alpes-Côte d'Azur`)
# is found by its word.
PLACE_ADJECTIVES = {"algérien": "Algérie", "marocain": "Maroc", "malien": "Mali",
                    "alsacien": "Alsace", "aquitain": "Aquitaine", "auvergnat": "Auvergne",
                    "bourguignon": "Bourgogne", "breton": "Bretagne", "champenois": "Champagne",
                    "francilien": "Île-de-France", "lorrain": "Lorraine", "normand": "Normandie",
                    "picard": "Picardie", "provençal": "Provence", "rhônalpin": "Rhône-Alpes",
                    **FOREIGN_ADJECTIVES}


# the kinds of agreement a partnership is formalised by, and the words of formalising it: with a
# year (`convention 2006`, `jumelage signé en 2005`), the word asks when the partnership was
# formalised, whatever the agreement is called and whatever the sheet says of its signing
AGREEMENT_WORDS = ("accord", "convention", "protocole", "charte", "coopération",
                   "partenariat", "accord-cadre", "signé", "signature", "formalisé")


# the subject pronoun of a question's inverted verb (`coopère-t-elle`, `existe-t-il`)
_INVERSION = re.compile(r"(?:-t)?-(?:il|elle|ils|elles|on)$")
# words a question asks for rather than about: `en quelle année`, `à quelle date`
_ASKED = frozenset({"annee", "annees", "date"})
_WHICH = frozenset({"quel", "quels", "quelle", "quelles", "quand"})


def _folded(word: str) -> str:
    """The word folded, without its punctuation, an inversion's `-t-il` or an elided pronoun (`s'occupe`)."""
    return _ELIDED.sub("", _INVERSION.sub("", fold_text(word).strip("?!.,;:")))


_ELIDED = re.compile(r"^(?:[jmst]|qu)['’]")


def is_filler(word: str) -> bool:
    return _folded(word) in FILLERS


def asks_for(word: str, question: bool) -> bool:
    """In a question (`quelle`, `quand`), the word names what is asked (a year,
    a date), which no record writes as such."""
    return question and _folded(word) in _ASKED


def is_question_word(word: str) -> bool:
    return _folded(word) in _WHICH


def names_french_side(word: str) -> bool:
    return fold_text(word).strip("?!.,;:") in FRENCH_SIDE


def french_kind_asked(words: list[str]) -> str | None:
    """The kind of French collectivity a question asks for (a record's `french_party.kind`),
    None when it asks for none: `quels départements…` -> `département`. Without a question word,
    a plural kind followed by its French adjective asks for it as well (`intercommunalités
    françaises : communautés urbaines…`, `départements français engagés au Mali`)."""
    folded = [_folded(w) for w in words]
    named = [FRENCH_ONLY_KINDS.get(w) or SHARED_KINDS.get(w) for w, after in pairwise(folded)
             if after in FRENCH_SIDE]
    if not any(w in _WHICH for w in folded):
        return next((kind for kind in named if kind), None)
    french = any(w in FRENCH_SIDE for w in folded)
    for w in folded:
        if w in FRENCH_ONLY_KINDS:
            return FRENCH_ONLY_KINDS[w]
        if french and w in SHARED_KINDS:
            return SHARED_KINDS[w]
    return None


@lru_cache(maxsize=8)
def _stems(words: tuple[str, ...]) -> frozenset:
    from analyzers.vocabulary import phrase_key

    return frozenset(k for w in words for k in phrase_key(w))


def _one_of(word: str, words: tuple[str, ...]) -> bool:
    """True for one word whose stem is one of `words`' (any inflection of them)."""
    from analyzers.vocabulary import phrase_key

    key = phrase_key(word)
    return len(key) == 1 and key[0] in _stems(words)


# the words of a partnership's being made (`jumelage 1988`, `partenariats démarrés en 1993`): with a
# year, the query asks when partnerships began, not what was done that year. The nouns by their stem
# (any inflection); the participles as written, in gender and number: by their stem they would take
# `établissements`, `engagement`, `lancement` or `début` (`établissements scolaires 2004`, a topic)
PARTNERSHIP_PARTICIPLES = ("jumelé", "signé", "formalisé", "démarré", "engagé", "débuté", "commencé", "lancé",
                           "créé", "noué", "établi", "conclu")
PARTNERSHIP_NOUNS = tuple(w for w in AGREEMENT_WORDS if w not in PARTNERSHIP_PARTICIPLES) + ("jumelage",)


@lru_cache(maxsize=1)
def _participle_forms() -> frozenset[str]:
    return frozenset(_folded(p) + ending for p in PARTNERSHIP_PARTICIPLES for ending in ("", "e", "s", "es"))


def names_partnership(word: str) -> bool:
    """True for a word naming a partnership or an agreement (any inflection), or their making
    (`signés`, `démarrées`, as written)."""
    return _folded(word) in _participle_forms() or _one_of(word, PARTNERSHIP_NOUNS)


def names_agreement(word: str) -> bool:
    """True for a word naming a kind of agreement or its signing (any inflection) of AGREEMENT_WORDS."""
    return _one_of(word, AGREEMENT_WORDS)


@lru_cache(maxsize=1)
def _place_stems() -> dict[str, str]:
    from analyzers.vocabulary import phrase_key

    return {k: place for adj, place in PLACE_ADJECTIVES.items() for k in phrase_key(adj)}


def place_named(word: str) -> str | None:
    """The country or région a word is the adjective of (`algériennes` -> `Algérie`, `bretons` ->
    `Bretagne`), else None."""
    from analyzers.vocabulary import phrase_key

    key = phrase_key(word)
    place = _place_stems().get(key[0]) if len(key) == 1 else None
    # the place's own name typed (`Lorraine`, whose stem is its adjective's) is found as the word:
    # named once more, it counted twice; its adjective (`lorraines`) names it
    return None if place is None or fold_text(word) == fold_text(place) else place


def is_place_kind(word: str) -> bool:
    """True for the kind of a place (any inflection) of PLACE_KINDS: `cercle`, `communes`."""
    return _one_of(word, PLACE_KINDS)


def is_name_particle(word: str) -> bool:
    """True for a word of NAME_PARTICLES as typed, in any case and with or without accents."""
    return _folded(word) in NAME_PARTICLES


def is_topic_kind(word: str) -> bool:
    """True for a kind that also names a building (any inflection) of TOPIC_KINDS: `mairie`, `mairies`."""
    return _one_of(word, TOPIC_KINDS)


def is_action(word: str) -> bool:
    """True for an action noun or verb of LIGHT_WORDS (`construction`, `équiper`), not a generic noun or
    a place's kind: what is done to a thing (`construction de la mairie`: the building)."""
    return is_light(word) and not is_place_kind(word) and not _one_of(word, GENERIC_NOUNS)


def is_light(word: str) -> bool:
    """True for an action noun or verb (any inflection) of LIGHT_WORDS."""
    return _one_of(word, LIGHT_WORDS)
