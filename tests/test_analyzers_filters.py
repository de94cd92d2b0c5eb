"""Each filter alone, fed by the tokenizer (and folding where it expects
folded text)."""
import pickle
from pathlib import Path

import pytest

from analyzers.filters import (
    CompoundSplitFilter,
    ElisionFilter,
    LeadingArticleFilter,
    SaintFilter,
    elide,
    normalize_saint,
)
from analyzers.folding import FoldFilter, fold_text
from analyzers.stopwords import STOPWORDS, FrenchStopFilter
from analyzers.tokenizers import FrenchTokenizer

PLACES = Path(__file__).parent / "fixtures" / "analyzers" / "place_names.txt"


def run(chain, value, **kw):
    return [(t.text, t.pos) for t in chain(value, positions=True, **kw)]


# --- elision ---------------------------------------------------------------

@pytest.mark.parametrize("word, expected", [
    ("l'assainissement", "assainissement"),
    ("L'École", "École"),
    ("d'Ille-et-Vilaine", "Ille-et-Vilaine"),
    ("j'ai", "ai"), ("m'a", "a"), ("n'est", "est"), ("s'inscrit", "inscrit"),
    ("t'es", "es"), ("c'est", "est"), ("qu'il", "il"), ("jusqu'à", "à"),
    ("lorsqu'une", "une"), ("puisqu'elle", "elle"), ("quoiqu'il", "il"),
    ("l'hôpital", "hôpital"),
    ("N'Gabakoro", "N'Gabakoro"),
    ("n'tjiba", "n'tjiba"),
    ("aujourd'hui", "aujourd'hui"),
    ("l'", ""),
    ("aujourd'", "aujourd"),
])
def test_elide(word, expected):
    assert elide(word) == expected


def test_elision_filter_drops_lone_article():
    chain = FrenchTokenizer() | ElisionFilter()
    assert [t.text for t in chain("jusqu' à l' école")] == ["à", "école"]


# --- folding ----------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("Ségou", "segou"), ("BEJAÏA", "bejaia"), ("œuvre", "oeuvre"),
    ("l’eau", "l'eau"), ("Fès", "fes"), ("Conseil Général", "conseil general"),
    ("", ""),
])
def test_fold_text(value, expected):
    assert fold_text(value) == expected


def test_fold_filter():
    chain = FrenchTokenizer() | FoldFilter()
    assert [t.text for t in chain("Kéniéba CŒUR Tombouctou")] == ["kenieba", "coeur", "tombouctou"]


# --- saints -----------------------------------------------------------------

@pytest.mark.parametrize("word, expected", [
    ("st-etienne", "saint-etienne"), ("ste-foy", "saint-foy"),
    ("sainte-maure", "saint-maure"), ("saint-denis", "saint-denis"),
    ("st", "saint"), ("ste", "saint"), ("stains", "stains"),
    ("saint-germain-en-laye", "saint-germain-en-laye"),
])
def test_normalize_saint(word, expected):
    assert normalize_saint(word) == expected


def test_saint_filter():
    chain = FrenchTokenizer() | FoldFilter() | SaintFilter()
    assert [t.text for t in chain("St Jean Ste-Maure Stains")] == ["saint", "jean", "saint-maure", "stains"]


# --- leading article --------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("le blanc-mesnil", [("blanc-mesnil", 0)]),
    ("la rochelle", [("rochelle", 0)]),
    ("les mureaux", [("mureaux", 0)]),
    ("clichy la garenne", [("clichy", 0), ("la", 1), ("garenne", 2)]),
    ("les", [("les", 0)]),
])
def test_leading_article(value, expected):
    chain = FrenchTokenizer() | LeadingArticleFilter()
    assert run(chain, value) == expected


# --- compounds --------------------------------------------------------------

def test_compound_split_index_mode_adds_joined_form():
    chain = FrenchTokenizer() | CompoundSplitFilter()
    assert run(chain, "aix-en-provence mali") == [
        ("aixenprovence", 0), ("aix", 0), ("en", 1), ("provence", 2), ("mali", 3)]


def test_compound_split_apostrophe():
    chain = FrenchTokenizer() | CompoundSplitFilter()
    assert run(chain, "n'gabakoro aujourd'hui") == [
        ("ngabakoro", 0), ("n", 0), ("gabakoro", 1),
        ("aujourdhui", 2), ("aujourd", 2), ("hui", 3)]


def test_leading_article_query_mode_drops_a_lone_article():
    chain = FrenchTokenizer() | LeadingArticleFilter()
    assert run(chain, "le", mode="query") == []
    assert run(chain, "le blanc-mesnil", mode="query") == [("blanc-mesnil", 0)]


def test_compound_split_amounts():
    chain = FrenchTokenizer() | CompoundSplitFilter()
    assert run(chain, "15 000 euros") == [("15000", 0), ("15", 0), ("000", 1), ("euros", 2)]
    assert run(chain, "15 000", mode="query") == [("15", 0), ("000", 1)]


def test_compound_split_query_mode_only_parts():
    chain = FrenchTokenizer() | CompoundSplitFilter()
    assert run(chain, "saint-etienne", mode="query") == [("saint", 0), ("etienne", 1)]


def test_compound_split_can_skip_joined_form():
    chain = FrenchTokenizer() | CompoundSplitFilter(joined=False)
    assert [t.text for t in chain("blanc-mesnil")] == ["blanc", "mesnil"]


# --- stop words -------------------------------------------------------------

def test_stop_filter_closes_gaps_but_keeps_joined_form_with_first_part():
    chain = FrenchTokenizer() | CompoundSplitFilter() | FrenchStopFilter()
    assert run(chain, "aix-en-provence et la ville") == [
        ("aixenprovence", 0), ("aix", 0), ("provence", 1), ("ville", 2)]


def test_stop_filter_keeps_one_letter_words_that_are_not_stop_words():
    chain = FrenchTokenizer() | FrenchStopFilter()
    assert [t.text for t in chain("vitamine a et b")] == ["vitamine", "b"]


@pytest.mark.parametrize("word", [
    "mali", "kayes", "fes", "san", "bla", "ait", "ain", "eu", "pas", "sans",
    "sante", "eau", "commune", "el", "ben", "sidi", "nara", "kati", "gao", "sig",
])
def test_words_that_matter_are_not_stop_words(word):
    assert word not in STOPWORDS


def test_no_place_name_of_the_corpus_is_a_stop_word():
    particles = {"de", "du", "des", "la", "le", "les", "en", "sur", "et", "d", "l"}
    names = [n for n in PLACES.read_text(encoding="utf-8").splitlines() if n and not n.startswith("#")]
    assert len(names) > 250
    offending = sorted({w for n in names
                        for w in fold_text(n).replace("-", " ").replace("'", " ").split()
                        if w in STOPWORDS and w not in particles})
    assert offending == []


def test_filters_pickle():
    for f in (ElisionFilter(), FoldFilter(), SaintFilter(), LeadingArticleFilter(),
              CompoundSplitFilter(), FrenchStopFilter()):
        assert type(pickle.loads(pickle.dumps(f))) is type(f)
