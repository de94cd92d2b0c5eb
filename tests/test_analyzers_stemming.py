"""Stemming after folding, and the exception table."""
import pytest

from analyzers.folding import fold_text
from analyzers.stemming import EXCEPTIONS, FrenchStemFilter, stem_word
from analyzers.stopwords import FrenchStopFilter
from analyzers.tokenizers import FrenchTokenizer


def stem(word):
    return stem_word(fold_text(word))


@pytest.mark.parametrize("a, b", [
    ("éducation", "education"),
    ("écoles", "ecole"),
    ("réalisés", "realise"),
    ("réalisée", "réalisés"),
    ("jumelée", "jumelé"),
    ("jumelées", "jumelés"),
    ("eau", "eaux"),
    ("communes", "commune"),
    ("santé", "sante"),
    ("formation", "formations"),
    ("formateurs", "formatrice"),  # a trainer, either gender
    ("instituteurs", "institutrices"),  # a teacher, either gender (`institutric` found no sheet)
    ("instituteur", "institutrice"),
    ("forages", "forage"),
    # the feminine -ière of a folded word, as Snowball reduces the masculine -ier
    ("infirmière", "infirmier"),
    ("infirmières", "infirmiers"),
    ("hospitalière", "hospitalier"),
    ("filière", "filières"),
    # a plural -s after a vowel, which Snowball keeps (exception table)
    ("élus", "élu"),
    ("emplois", "emploi"),
    ("radios", "radio"),
    # the feminine -ive of an -if adjective, which Snowball leaves as -iv (exception table)
    ("sportives", "sportif"),
    ("sportive", "sportifs"),
    ("actives", "actif"),
    # each side of a split below keeps its inflections together (exception table)
    ("finances", "finance"),
    ("financement", "financée"),
    ("financées", "financer"),
    ("décentralisation", "décentralisations"),
    ("décentralisée", "décentralisés"),
    ("coopérative", "coopératifs"),
    ("coopératives", "coopératif"),
    ("coopération", "coopérer"),
    ("environnement", "environnements"),
    ("département", "départements"),
    ("fonctionnement", "fonctionner"),
    ("fonctionne", "fonctionnements"),
    ("fonctionnée", "fonctionnent"),
    ("fonction", "fonctions"),
    ("collection", "collections"),
    ("collectif", "collectives"),
    ("collecte", "collecter"),
    ("gouvernance", "gouvernances"),
    ("gouvernement", "gouvernements"),
    ("voirie", "voiries"),
    ("benne", "bennes"),
    ("mère", "mères"),
    ("régie", "régies"),
    ("publication", "publications"),
    ("suivant", "suivantes"),
    ("stationnement", "stationnements"),
    ("case", "cases"),
    # inflections Snowball splits: a plural cut shorter than its singular, a participle, a verb
    ("commissions", "commission"),
    ("cofinancé", "cofinancement"),
    ("cofinancées", "cofinancer"),
    ("financent", "financement"),
    ("hydrocureuse", "hydrocureurs"),  # the same vacuum truck, in either gender
    ("français", "françaises"),  # Snowball cut `français` to `franc` and `française` to `francais`
    ("francs", "franc"),
    # a plural -os, whose s Snowball keeps after a vowel (QA r42, defect 6: `moto` found nothing)
    ("moto", "motos"),
    ("vélo", "vélos"),
    ("vidéo", "vidéos"),
    ("stylo", "stylos"),
    # spellings of one word (round 49, V3): Clermont-Ferrand's and Romans' coordonnateur, 14 sheets' coordinateur;
    # CG Loire-Atlantique-Agadir's « Willaya », 47 sheets' wilaya
    ("coordonnateur", "coordinateur"),
    ("coordonnatrice", "coordinatrice"),
    ("coordinateurs", "coordinatrice"),
    ("Willaya", "wilaya"),
    ("habitation", "habitations"),
    ("design", "designs"),
    ("busés", "busé"), ("busées", "buse"),  # a lined well, either gender (round 53, V13)
    ("manuelle", "manuelles"),  # a hand pump, one or several (review 1 r54)
])
def test_same_stem(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize("a, b", [
    ("commune", "communication"),
    ("commune", "commun"),  # the municipality, not the adjective of `transports en commun`
    ("communes", "communs"),
    ("communes", "communications"),
    ("formation", "forme"),
    ("formation", "formateurs"),  # `formation de formateurs`: the trainers are the query's second word
    ("formation", "format"),
    ("santé", "sans"),
    ("mali", "mal"),
    ("seine", "sein"),
    ("maire", "mairie"),
    ("coordonnateur", "coordonnées"),  # the contact label of every Mali sheet (round 49, V3)
    # the person from the activity: « en coordination avec l'association » (Montereau-Safi) is no coordinator
    # (review 1 r50)
    ("coordonnateur", "coordination"),
    ("coordinateur", "coordination"),
    ("coordinatrices", "coordinations"),
    ("marché", "marcher"),
    # found by grouping the corpus's words by stem: a topic searched on its own, flooded by the other side
    ("finances", "financement"),
    ("finance", "financer"),
    ("décentralisation", "décentralisée"),
    ("coopérative", "coopération"),
    ("coopératives", "coopérer"),
    ("environnement", "environ"),
    ("département", "départ"),
    ("fonctionnement", "fonction"),
    ("fonctionner", "fonctions"),
    ("collecte", "collection"),
    ("collecte", "collectif"),
    ("collection", "collectif"),
    ("gouvernance", "gouvernement"),
    ("voirie", "voir"),
    ("sida", "Sidi"),
    ("bennes", "Beni"),
    ("Yonne", "Yon"),
    ("Touré", "Tours"),
    ("mère", "mer"),
    ("régie", "régissant"),
    ("publications", "publique"),
    ("suivants", "suivi"),
    ("stationnement", "station"),
    ("case", "cas"),
    ("via", "vie"),
    # the partner countries' places Snowball cut into another word's stem
    ("Médéa", "MEDA"), ("Médéa", "Med"), ("Mila", "mil"), ("Bouira", "Bou"), ("Saïda", "Saïd"),
    ("Agadir", "Agadès"), ("Dembella", "Dembélé"),
    ("Kita", "kit"), ("Kita", "kits"),  # `kit solaire` listed Marly-le-Roy-Kita first (round 55, V22)
    ("ambulances", "Ambulant"),  # an ambulance is no travelling cinema
    ("marais", "mars"),  # a marsh is no month
    ("taxis", "taxes"), ("visas", "visant"), ("concert", "concertation"), ("avenant", "avenir"),
    ("Privas", "privé"), ("génie", "gens"), ("Marie", "mars"),
    # the currency from the country: `francs CFA` listed 135 records that only say France or français
    ("francs", "France"), ("francs", "français"), ("France", "français"), ("francs", "Francis"),
    ("habitations", "habitants"), ("habitation", "habitant"),  # dwellings are no inhabitants (round 52, V10)
    ("habits", "habitants"), ("habit", "hab"),  # clothes are no inhabitants nor their « hab » (round 55, V22)
    ("design", "désigné"), ("designs", "désignés"),  # design is no appointment (round 52, V10)
    ("busés", "bus"), ("busé", "bus"),  # `puits busés` listed three bus donations first (round 53, V13)
    ("râpe", "rap"), ("râpes", "rap"), ("râpée", "rap"),  # `râpe` listed the hip-hop sheets (review 1 r53)
    ("ADS", "ad"),  # the Agence de Développement Social is no « ad hoc » (round 54, V20)
    ("manuelles", "manuels"), ("manuelle", "manuel"),  # a hand pump is no textbook (review 1 r54)
    ("CGS", "CG"),  # a comité de gestion scolaire is no conseil général (round 54, V21)
])
def test_different_stems(a, b):
    assert stem(a) != stem(b)


@pytest.mark.parametrize("word, expected", [
    ("assainissement", "assain"), ("écoles", "ecol"), ("communication", "communicat"),
    ("commune", "commune"), ("eaux", "eau"), ("mali", "mali"), ("MAE", "mae"),
    ("2005", "2005"), ("1,5", "1,5"),
])
def test_stem_values(word, expected):
    assert stem(word) == expected


def test_exception_keys_are_folded():
    assert all(k == fold_text(k) for k in EXCEPTIONS)


def test_stem_filter_leaves_stopped_tokens_alone():
    chain = FrenchTokenizer() | FrenchStopFilter() | FrenchStemFilter()
    assert [(t.text, t.stopped) for t in chain("ses ecoles", removestops=False)] == [
        ("ses", True), ("ecol", False)]
