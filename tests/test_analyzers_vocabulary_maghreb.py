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
    "INRA": ("INRA", "institut national des recherches agronomiques",
             "institut national de la recherche agronomique", "INRA"),
    "IPGR": ("IPGR", "institut de prévention et de gestion des risques",
             "institut de prevention et de gestion des risques", "IPGR"),
    "SIAAP": ("SIAAP", "syndicat interdépartemental pour l'assainissement de l'agglomération parisienne",
              "syndicat interdépartemental pour l'assainissement de l'agglomération parisienne", "SIAAP"),
    "APUR": ("APUR", "atelier parisien d'urbanisme", "atelier parisien d'urbanisme", "APUR"),
    "CMJ": ("CMJ", "conseil municipal des jeunes", "conseil municipal des jeunes", "CMJ"),
    "PNR": ("PNR", "parc naturel régional", "parcs naturels régionaux", "PNR"),
    "CCEM": ("CCEM", "centre de culture euro-méditerranéenne", "centre de culture euro-méditerranéenne", "CCEM"),
}


def whole_query_alternatives(query):
    """The alternatives of the one vocabulary span covering the whole query."""
    words = query.split()
    spans = find_expansions(words)
    assert [(s, e) for s, e, _ in spans] == [(0, len(words))], spans
    return spans[0][2]


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
