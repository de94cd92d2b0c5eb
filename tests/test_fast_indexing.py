"""The build's fast path through the analyzers (analyzers/indexing.py) gives
Whoosh exactly the words, frequencies, weights and positions the analyzers'
token streams give."""
from __future__ import annotations

import pytest
from whoosh import fields
from whoosh.analysis import RegexTokenizer
from whoosh.formats import Positions

from analyzers import french_analyzer, names_analyzer, spelling_analyzer
from analyzers.indexing import PlannedPositions, plan_for, planned_indexing
from indexer.documents import index_documents
from indexer.schema import TEXT_FIELDS, build_schema

EDGES = [
    "", "   ", "l'", "L'", "le", "Le Blanc-Mesnil", "La", "les les les", "le l'eau",
    "l'assainissement de l'eau à Saint-Étienne", "St-Etienne-du-Rouvray et Ste Foy",
    "Aix-en-Provence, Aix en Provence", "N'Gabakoro-Droit", "aujourd'hui jusqu'à lorsqu'il",
    "15 000 euros et 1.250.000 FCFA, 1,5 % en 2008-2010", "de la-de-la du des", "le-la-les",
    "COOPÉRATION DÉCENTRALISÉE réalisée réalisées infirmières", "a-b-c d e-f", "2ème 1er AFDI68",
    "« l’école » — d’Ille-et-Vilaine ’s ‘quoted’", "Ségou\u00a0Mopti\u202fKayes ИВАН 中文",
    # a names field's lines (the names analyzer sets them apart): an article or a compound across them
    "Le Blanc-Mesnil\nNord\n\nMali", "\nLe\nl'\nSaint-Denis 15 000\n", "le\nNord-Pas-de-Calais\nKayes",
]


def _analysed(fmt, analyzer, text):
    return list(fmt.word_values(text, analyzer, mode="index"))


@pytest.mark.parametrize("make", [french_analyzer, names_analyzer, spelling_analyzer])
def test_plan_equals_the_token_stream_on_edge_cases(make):
    analyzer = make()
    plan = plan_for(analyzer)
    assert plan is not None
    fmt = Positions()
    fast = PlannedPositions(fmt, plan)
    for text in EDGES:
        assert _analysed(fast, analyzer, text) == _analysed(fmt, analyzer, text), text
    # and again, with every word remembered from the first pass
    for text in reversed(EDGES):
        assert _analysed(fast, analyzer, text) == _analysed(fmt, analyzer, text), text


def test_plan_equals_the_token_stream_on_the_corpus(corpus):
    schema = build_schema()
    docs = list(index_documents(corpus.partnerships, corpus.actions))
    for name in TEXT_FIELDS:
        field = schema[name]
        plan = plan_for(field.analyzer)
        assert plan is not None, name
        fast = PlannedPositions(field.format, plan)
        for doc in docs:
            assert _analysed(fast, field.analyzer, doc[name]) == _analysed(field.format, field.analyzer, doc[name])


def test_other_analyzers_and_other_calls_run_the_analyzer():
    assert plan_for(RegexTokenizer()) is None
    assert plan_for(RegexTokenizer() | french_analyzer().items[-1]) is None
    analyzer = french_analyzer()
    fmt = Positions()
    fast = PlannedPositions(fmt, plan_for(analyzer))
    # not index mode (a query, a highlighter): the token stream itself
    assert list(fast.word_values("les écoles", analyzer, mode="query")) == \
        list(fmt.word_values("les écoles", analyzer, mode="query"))


def test_formats_are_put_back_after_the_block():
    schema = fields.Schema(body=fields.TEXT(analyzer=french_analyzer()), other=fields.TEXT())
    before = {n: schema[n].format for n in schema.names()}
    with planned_indexing(schema):
        assert isinstance(schema["body"].format, PlannedPositions)
        assert schema["other"].format is before["other"]  # Whoosh's own analyzer: no plan
    assert {n: schema[n].format for n in schema.names()} == before
    with pytest.raises(RuntimeError), planned_indexing(schema):
        raise RuntimeError("a failed write")
    assert schema["body"].format is before["body"]


def test_word_tables_words_equal_the_token_streams(corpus):
    """The word tables (vocabulary, highlighter's terms) read each token's words from the plan."""
    from analyzers.tokenizers import TOKEN_RE
    from analyzers.wordtables import _words_of

    docs = list(index_documents(corpus.partnerships, corpus.actions))
    raws = sorted({raw for doc in docs for name in TEXT_FIELDS for raw in TOKEN_RE.findall(doc[name] or "")})
    assert len(raws) > 10000
    for make in (french_analyzer, spelling_analyzer, names_analyzer):
        analyzer = make()
        words = _words_of(analyzer)
        for raw in raws + EDGES:
            assert words(raw) == {t.text for t in analyzer(raw)}, raw


def test_equal_chains_share_a_plan_and_primed_plans_give_the_same_words():
    from analyzers.indexing import prime

    assert plan_for(french_analyzer()) is plan_for(french_analyzer())
    assert plan_for(names_analyzer()) is not plan_for(french_analyzer())
    texts = ["Les écoles d'Aix-en-Provence et l'eau de Ségou", "Le Blanc-Mesnil, St-Denis : 15 000 €"]
    prime(texts, [french_analyzer(), names_analyzer(), spelling_analyzer()])
    plan = plan_for(french_analyzer())
    assert "d'Aix-en-Provence" in plan._tokens and "écoles" in plan._tokens
    fmt = Positions()
    for make in (french_analyzer, names_analyzer, spelling_analyzer):
        analyzer = make()
        fast = PlannedPositions(fmt, plan_for(analyzer))
        for text in texts + EDGES:
            assert _analysed(fast, analyzer, text) == _analysed(fmt, analyzer, text), text
