"""The three analyzers as the engine builds them."""
import pickle

import pytest
from whoosh.fields import TEXT, Schema

import analyzers
from analyzers import french_analyzer, names_analyzer, spelling_analyzer


def terms(analyzer, value, mode=""):
    return [t.text for t in analyzer(value, mode=mode)]


def test_public_api():
    assert sorted(analyzers.__all__) == sorted([
        "french_analyzer", "names_analyzer", "spelling_analyzer", "find_expansions",
        "find_graded_expansions", "family_of", "Speller", "max_typos", "edit_distance", "typo_distance", "fold_text",
        "spell_out_saints"])


def test_french_analyzer_on_a_corpus_sentence():
    text = "Réhabilitation de l’adduction d’eau potable et construction de latrines à N’Gabakoro (2005)"
    assert terms(french_analyzer(), text) == [
        "rehabilit", "adduct", "eau", "potabl", "construct", "latrin",
        "ngabakoro", "gabakoro", "2005"]


def test_french_analyzer_query_mode_has_no_joined_forms():
    assert terms(french_analyzer(), "Saint-Étienne", mode="query") == ["saint", "etien"]
    assert terms(french_analyzer(), "Saint-Étienne") == ["saintetien", "saint", "etien"]


@pytest.mark.parametrize("value, expected", [
    ("Le Blanc-Mesnil", ["blancmesnil", "blanc", "mesnil"]),
    ("Blanc Mesnil", ["blanc", "mesnil"]),
    ("St-Étienne", ["saintetienne", "saint", "etienne"]),
    ("Sainte-Foy-lès-Lyon", ["saintfoyleslyon", "saint", "foy", "les", "lyon"]),
    ("N’Gabakoro", ["ngabakoro", "n", "gabakoro"]),
    ("Conseil Général d'Ille-et-Vilaine",
     ["conseil", "general", "illeetvilaine", "ille", "et", "vilaine"]),
    ("BEJAÏA", ["bejaia"]),
    ("Communes de Kayes", ["communes", "de", "kayes"]),
    ("La Rochelle", ["rochelle"]),
])
def test_names_analyzer(value, expected):
    assert terms(names_analyzer(), value) == expected


def test_names_analyzer_query_side():
    assert terms(names_analyzer(), "le blanc-mesnil", mode="query") == ["blanc", "mesnil"]
    assert terms(names_analyzer(), "st etienne", mode="query") == ["saint", "etienne"]


def test_names_analyzer_sets_each_line_a_gap_apart_and_the_others_do_not():
    from analyzers.chains import NAME_GAP
    assert NAME_GAP > 1  # wider than a phrase's slop (1, engine.fieldquery)

    def at(analyzer, value):
        return {t.text: t.pos for t in analyzer(value, positions=True, mode="index")}
    names = at(names_analyzer(), "Hauts-de-France\nNord\nMali")
    assert names["nord"] - names["france"] == names["mali"] - names["nord"] == 1 + NAME_GAP
    assert at(names_analyzer(), "Nord Mali")["mali"] == 1  # words of one name stay in sequence
    assert at(french_analyzer(), "forage\npuits")["puit"] == 1  # texts: a line break is no gap
    assert pickle.loads(pickle.dumps(names_analyzer())).items[0].gap == NAME_GAP


def test_spelling_analyzer_keeps_stop_words_and_unstemmed_forms():
    assert terms(spelling_analyzer(), "Les écoles d'Aix-en-Provence") == [
        "les", "ecoles", "aixenprovence", "aix", "en", "provence"]


@pytest.mark.parametrize("factory", [french_analyzer, names_analyzer, spelling_analyzer])
def test_fresh_and_picklable(factory):
    a = factory()
    assert a is not factory()
    b = pickle.loads(pickle.dumps(a))
    assert terms(b, "L'école de Ségou") == terms(a, "L'école de Ségou")


def test_schema_with_the_analyzers_pickles():
    schema = Schema(text=TEXT(analyzer=french_analyzer()), name=TEXT(analyzer=names_analyzer()),
                    spell=TEXT(analyzer=spelling_analyzer()))
    again = pickle.loads(pickle.dumps(schema))
    assert list(again["name"].process_text("St-Louis")) == ["saintlouis", "saint", "louis"]
