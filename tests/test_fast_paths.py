"""The faster paths give the same answers as the ones they replaced: queries
scored leaf by leaf (engine/matching.py) against Whoosh's own collector, the
spelling vocabulary counted token by token against the analyzer run over
whole texts, the stored speller tables against the in-memory speller."""
from __future__ import annotations

import importlib
import json
import math
from collections import Counter
from urllib.parse import parse_qsl

import pytest
from hypothesis import given, settings, strategies as st
from unidecode import unidecode
from werkzeug.datastructures import MultiDict
from whoosh import query as Q

from analyzers import Speller, fold_text, spelling_analyzer
from analyzers.wordtables import WordTables, count_vocabulary, write_tables
from engine import SearchRequest
from engine.highlight import SNIPPET_CHARS, FieldMarker, highlight
from engine.matching import Evaluator, FieldLengths
from engine.phrases import PhraseReader
from engine.querybuild import build_query
from engine.querylang import parse_query
from engine.state import open_state
from evaluation.judged import load_queries
from indexer.documents import index_documents
from indexer.schema import TEXT_FIELDS
from indexer.store import RECORDS
from search_app.links import add_facet_links, toggle_url

# Every construct the query builder emits: words in six fields, expansions
# (phrases), fuzzy terms, the proximity phrase, the name-key and year boosts,
# OR groups, exclusions, an exclusion alone (Every), prefixes, stop words.
QUERIES = [
    "assainissement Kayes", "CSCOM", "centre de santé communautaire", "AEP Mopti", "Tombouctu",
    "jumelage 1989", "Marseille", "Grand Lyon", "eau OR santé", "école -Kayes", "-eau",
    '"eau potable"', "pays:mali santé", "collectivite:belfort", "des la", "formation des élus Ségou",
    "quelles villes aident Mopti", "partenariats avec la wilaya d'Alger", "maraîchgae", "Fouruqeux gouvernance",
    "sante education culture sport", "2005", "Saint-Étienne", "st etienne", "aix-en-provence",
]


def _whoosh_scores(searcher, query) -> dict[int, float]:
    collector = searcher.collector(limit=None)
    searcher.search_with_collector(query, collector)
    return {docnum: score for score, docnum in collector.results().top_n}


@pytest.fixture(scope="module")
def state(engine):
    return engine.state()


def _queries(state, texts):
    for text in texts:
        built = build_query(state.schema, parse_query(text), state.facet_values,
                            known=state.vocabulary.__contains__,
                            candidates=lambda w, d: state.speller.candidates(w, d))
        for q in (built.query, built.any_word_query):
            if q is not None:
                yield text, q


def test_leaf_by_leaf_scores_are_whooshs(state):
    texts = QUERIES + [q.q for q in load_queries()]
    searcher = state.searcher()
    compared = 0
    for text, query in _queries(state, texts):
        ours = Evaluator(searcher, FieldLengths()).scores(query)
        theirs = _whoosh_scores(searcher, query)
        assert ours.keys() == theirs.keys(), text
        for d, s in theirs.items():
            assert math.isclose(ours[d], s, rel_tol=1e-9, abs_tol=1e-12), (text, d)
        top = sorted(theirs, key=lambda d: (-theirs[d], d))[:10]
        assert sorted(ours, key=lambda d: (-ours[d], d))[:10] == top, text
        compared += 1
    assert compared > len(texts)


def test_a_facet_terms_scores_are_whooshs_weights_read_without_its_matcher(state, monkeypatch):
    """A field without lengths (a facet's: the fill's domain order asks the domain's records) scores each
    posting's weight, as Whoosh's BM25F does (WeightScorer): the same scores in the same order, from the
    postings read once, not through Whoosh's matcher."""
    searcher = state.searcher()
    schema = searcher.schema
    terms = [(name, text) for name in schema.names() if not schema[name].scorable
             for text in searcher.reader().lexicon(name)]
    assert len({name for name, _ in terms}) > 3
    theirs = [{m.id(): m.score() for m in _each(searcher.postings(name, text, weighting=searcher.weighting))}
              for name, text in terms]
    monkeypatch.setattr(type(searcher), "postings", lambda *a, **k: pytest.fail("Whoosh's matcher was asked"))
    ev = Evaluator(searcher, FieldLengths())
    for (name, text), expected in zip(terms, theirs, strict=True):
        ours = ev.scores(Q.Term(name, schema[name].from_bytes(text)))
        assert list(ours.items()) == list(expected.items()), (name, text)


def _each(matcher):
    while matcher.is_active():
        yield matcher
        matcher.next()


def test_parts_shared_between_queries_are_read_once(state):
    built = build_query(state.schema, parse_query("santé formation Bamako"), state.facet_values)
    ev = Evaluator(state.searcher(), FieldLengths())
    ev.scores(built.query)
    evaluated = len(ev._memo)
    ev.scores(built.any_word_query)  # the fallback reuses every word group and the proximity phrase
    assert len(ev._memo) <= evaluated + 3


def test_a_cut_search_says_so(engine, monkeypatch):
    search_module = importlib.import_module("engine.search")  # the package exports a function of that name
    monkeypatch.setattr(search_module, "SEARCH_TIME_LIMIT", -1.0)
    state = engine.state()
    size = state.match_cache.size
    state.match_cache.size = 0  # the answer must not come from the cache
    try:
        r = engine.search(SearchRequest(q="coopération décentralisée"))
    finally:
        state.match_cache.size = size
    assert any("interrompue" in n for n in r["query"]["notices"])
    assert search_module.COUNTS_CUT not in r["query"]["notices"]
    for notices, cut, said in (([], True, [search_module.COUNTS_CUT]), ([], False, []),
                               ([search_module.CUT], True, [search_module.CUT])):  # its own cut says the counts' too
        search_module._say_counts_cut(notices, cut)
        assert notices == said


def _expiring(real):
    """`real` (_listings, _count_clicks) run with the time limit passed, as a slow moment of the machine cuts it
    after the search ranked; the limit is given back after it (each path of the counting searches alone)."""
    def call(*args):
        evaluator = args[-1]
        if evaluator is None:
            return real(*args)
        deadline, evaluator.deadline = evaluator.deadline, -1.0
        try:
            return real(*args)
        finally:
            evaluator.deadline = deadline
    return call


@pytest.mark.parametrize("counting, q", [("_listings", "santé formation Bamako"), ("_count_clicks", "eau Kayes")])
def test_a_cut_count_says_so_once_in_the_api_and_the_page(index_dir, monkeypatch, counting, q):
    """The time limit passing after the search ranked cuts its searches counting the other kind (_listings), or its
    facet values (_count_clicks): their figures may be short, and the response says so, once, in the API and the
    page; not the search's own notice (CUT), nor any when nothing is cut (review 2 r55, finding 5)."""
    from search_app import create_app

    search_module = importlib.import_module("engine.search")
    client = create_app({"INDEX_DIR": str(index_dir), "TESTING": True, "CACHE": False}).test_client()
    uncut = {kind: client.get("/api/search", query_string={"q": q, "type": kind}).get_json()
             for kind in ("partnership", "action")}
    assert not any("interrompue" in n for r in uncut.values() for n in r["query"]["notices"])
    monkeypatch.setattr(search_module, counting, _expiring(getattr(search_module, counting)))
    for kind, before in uncut.items():
        got = client.get("/api/search", query_string={"q": q, "type": kind}).get_json()
        assert got["query"]["notices"].count(search_module.COUNTS_CUT) == 1
        assert search_module.CUT not in got["query"]["notices"]
        assert (got["total"], got["results"]) == (before["total"], before["results"])  # the search's own: uncut
        assert got["facets"] != before["facets"]  # its counts were cut (what the notice is for)
        assert (got["facets"]["type"] != before["facets"]["type"]) == (counting == "_listings")
    html = client.get("/", query_string={"q": q}).get_data(as_text=True)
    assert html.count("les nombres de l&#39;autre type de fiche et des filtres peuvent être incomplets") == 2


def test_vocabulary_counted_token_by_token_is_the_analyzers(corpus):
    docs = [[d[f] for f in TEXT_FIELDS] for d in index_documents(corpus.partnerships, corpus.actions)]
    analyzer = spelling_analyzer()
    expected: Counter = Counter()
    for texts in docs:
        expected.update({t.text for text in texts if text for t in analyzer(text)})
    assert count_vocabulary(docs) == dict(expected)


TRICKY = [["Les écoles d'Aix-en-Provence", "15 000 FCFA, 1,5 million, 15.000 euros"],
          ["N'Gabakoro et jusqu'à Saint-Étienne", "2ème phase : l'AEP", ""],
          ["l' école", "Œuvre ÉCOLE écoles", "aujourd'hui 1989-1992"]]


def test_vocabulary_of_tricky_tokens():
    analyzer = spelling_analyzer()
    expected: Counter = Counter()
    for texts in TRICKY:
        expected.update({t.text for text in texts if text for t in analyzer(text)})
    counted = count_vocabulary(TRICKY)
    assert counted == dict(expected)
    assert counted["ecoles"] == 2 and counted["ecole"] == 1 and counted["aixenprovence"] == 1 and counted["15000"] == 1


def test_stored_tables_answer_as_the_speller_in_memory(tmp_path):
    vocabulary = {"assainissement": 80, "tombouctou": 12, "marrakech": 107, "segou": 17, "sega": 1,
                  "kayes": 103, "pays": 159, "cooperation": 926, "ecole": 40, "ecoles": 35, "mopti": 50,
                  "moptu": 1, "15000": 4, "aixenprovence": 2, "koulikoro": 5, "koutiala": 3, "en": 900, "l": 5}
    write_tables(tmp_path / "words.sqlite", vocabulary)
    stored = Speller(tables=WordTables(tmp_path / "words.sqlite"))
    memory = Speller(vocabulary)
    for word in ["assainisement", "Tombouctu", "Marakech", "Ségu", "kays", "moptx", "Ségou", "15001",
                 "ecolle", "kouliko", "xyzzyqw", "", "ab", "e", "abc"]:
        assert stored.suggest(word) == memory.suggest(word), word
        for dist in (1, 2):
            assert stored.candidates(word, dist) == memory.candidates(word, dist), word
    assert "Ségou" in stored and "segu" not in stored and "15000" not in stored
    # the short words the empty delete reaches are two edits away, one of them the first letter: three
    assert stored.candidates("ab", 2) == [] and stored.candidates("eb", 2) == ["en"]
    assert stored.suggest_query("l'assainisement à Tombouctu") == "l'assainissement à tombouctou"


def test_stored_word_terms_mark_what_the_analyzer_marks(engine):
    """The highlighter's word terms, made by the build, are those the body's
    analyzer gives: a snippet marks the same words with or without them."""
    state = engine.state()
    analyzer = state.schema["body"].analyzer
    fresh, learned = FieldMarker(analyzer), FieldMarker(analyzer)
    learned.table = state.vocabulary
    bodies = [state.body(d)[0] for d in range(0, len(state.docs), 7)]
    found = 0
    for body in bodies:
        learned.matches(body, frozenset({"eau"}))
    for word, keys in learned._keys.items():  # every stored entry is the analyzer's answer
        assert keys == fresh.keys(word), word
    for terms in (frozenset({"eau", "sant"}), frozenset({"format", "jeun", "kay"})):
        for body in bodies:
            spans = fresh.matches(body, terms)
            assert learned.matches(body, terms) == spans
            found += len(spans)
    assert found and len(learned._keys) > 1000


def _best_window_by_rescanning(spans, limit):
    """The highlighter's window choice as it was first written: every window rescanned."""
    best, best_score = 0, -1
    for i, (s, _, _) in enumerate(spans):
        distinct = {t for s2, _, t in spans[i:] if s2 < s + limit}
        score = len(distinct) * 10 + sum(1 for s2, _, _ in spans[i:] if s2 < s + limit)
        if score > best_score:
            best, best_score = i, score
    return best


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3000), st.sampled_from("abcd")), min_size=1, max_size=60,
                unique_by=lambda x: x[0]))
def test_sliding_window_picks_the_passage_the_rescan_picked(matches):
    """highlight() slides its window over the matches; the passage is the one
    that rescanning every window gave (compared through the rendered snippet)."""
    matches = sorted(matches)
    text = ["_"] * 3100  # no space: the passage starts exactly a quarter of a window before its first match
    for start, term in matches:
        text[start] = term
    text = "".join(text)
    spans = [(s, s + 1, t) for s, t in matches]
    first = spans[_best_window_by_rescanning(spans, SNIPPET_CHARS)][0]
    start = max(0, first - SNIPPET_CHARS // 4)
    snippet = highlight(text, {"a"}, _FixedMarker(spans))
    assert snippet.removeprefix("… ").replace("<mark>", "").replace("</mark>", "").startswith(text[start:start + 30])


class _FixedMarker:
    def __init__(self, spans):
        self.spans = spans

    def matches(self, text, terms):
        return self.spans


def test_snippets_from_stored_word_places_are_those_of_a_scan(engine):
    """A body's words and their places, kept by the build, mark what scanning
    the body marks: same snippets for every document and a few queries."""
    state = engine.state()
    marker = state.markers["body"]
    marked = 0
    for docnum in range(len(state.docs)):
        text, places = state.body(docnum)
        assert " ".join(text.split()) == text
        for terms in (frozenset({"eau", "sant"}), frozenset({"format", "jeun", "kay"}), frozenset({"cooper"})):
            scanned = highlight(text, terms, marker)
            assert highlight(text, terms, marker, places=places, table=state.vocabulary) == scanned
            marked += scanned is not None
    assert marked > 100


@pytest.mark.parametrize("query", [
    "", "q=eau", "q=eau&country=Mali&page=3", "q=sant%C3%A9&domain=Sant%C3%A9&domain=Culture+et+patrimoine&type=action",
    "country=Mali&country=Maroc&year=2004&per_page=5", "q=a+b&type=partnership&sort=name",
    "country=A%26B&country=&domain=x%3Dy+%C3%A9&type=&q=", "type=action&country=Mali"])
def test_facet_links_in_one_pass_are_toggle_urls(engine, query):
    """add_facet_links encodes the other parameters once per facet; each link is toggle_url's."""
    args = MultiDict(parse_qsl(query, keep_blank_values=True))
    facets = engine.facets()["facets"]
    add_facet_links(facets, "/api/search", args)
    checked = 0
    for facet, items in facets.items():
        for item in items:
            assert item["toggle_url"] == toggle_url("/api/search", args, facet, item["value"])
            checked += 1
    assert checked > 50


def test_records_read_one_by_one_are_the_records(engine, index_dir):
    """The engine reads records from the generation's record table, one by one
    or all at once, in the records' order; the actions of each partnership
    (from the document table) are those the records list."""
    state = engine.state()
    store = json.loads((state.generation.path / RECORDS).read_text(encoding="utf-8"))
    fresh = open_state(state.generation, caching=False)
    some = store["actions"][len(store["actions"]) // 2]
    assert fresh.actions[some["id"]] == some and fresh.actions.get("no such id") is None
    assert "no such id" not in fresh.partnerships and some["id"] in fresh.actions
    assert len(fresh.partnerships) == len(store["partnerships"]) and len(fresh.actions) == len(store["actions"])
    assert list(fresh.partnerships.values()) == store["partnerships"]
    assert list(fresh.actions.items()) == [(a["id"], a) for a in store["actions"]]
    expected: dict[str, list[str]] = {}
    for a in store["actions"]:
        expected.setdefault(a["partnership_id"], []).append(a["id"])
    assert fresh.actions_of == expected


def test_per_generation_tables_read_fields_without_the_records(engine):
    """french_abroad asks the record table for one field; it is what reading
    every record gives, and no record is decoded for it."""
    fresh = open_state(engine.state().generation, caching=False)
    got = fresh.french_abroad
    assert fresh.partnerships._order is None  # the records were not all read
    abroad = {pid for pid, p in fresh.partnerships.items()
              if ((p.get("french_party") or {}).get("country") or "") != "France"}
    assert got == frozenset(i for i, d in enumerate(fresh.docs) if d.pid in abroad)
    assert got and len(got) < len(fresh.docs)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZé É œŒßﬁΣσς漢ΑΓ—’«»\u00a0\u202fİǅx.-'0", min_size=0, max_size=200))
def test_folding_a_long_text_by_its_non_ascii_runs_is_unidecode(text):
    """fold_text folds a long text's non-ASCII runs one by one: the result is
    unidecode's over the whole text, lower-cased."""
    assert fold_text(text) == unidecode(text).lower()
    assert fold_text(text * 3) == unidecode(text * 3).lower()


def _phrases_of(q):
    if type(q) is Q.Phrase:
        yield q
    for child in q.children() if hasattr(q, "children") else ():
        yield from _phrases_of(child)


def test_phrase_occurrences_are_whooshs_span_counts(state):
    """phrases.py counts a phrase's occurrences from positions as Whoosh's span matcher does."""
    searcher = state.searcher()
    reader = PhraseReader(searcher.reader(), searcher.schema)
    phrases = [Q.Phrase(f, ws, slop=1) for f in ("body", "title")
               for ws in (["eau", "potable"], ["centre", "de", "santé"], ["de", "la"], ["la", "la"])]
    for _, query in _queries(state, QUERIES + [q.q for q in load_queries()][:60]):
        phrases.extend(_phrases_of(query))
    counted = 0
    for p in phrases:
        m = Q.Phrase(p.fieldname, p.words, slop=1).matcher(searcher, searcher.context())
        theirs = {}
        while m.is_active():
            theirs[m.id()] = float(len(m.spans()))
            m.next()
        assert reader.occurrences(p) == theirs, p
        counted += bool(theirs)
    assert counted > 10


def test_a_bm25f_alternative_matches_the_documents_of_its_query(state):
    """groupscores._matched_by counts an alternative's documents from its BM25F scores, not its query's."""
    from engine.bm25f import Fielded

    ev = Evaluator(state.searcher(), FieldLengths())
    compared = 0
    for text in QUERIES + [q.q for q in load_queries()]:
        built = build_query(state.schema, parse_query(text), state.facet_values,
                            known=state.vocabulary.__contains__,
                            candidates=lambda w, d: state.speller.candidates(w, d))
        for g in built.groups:
            for a in g.alternatives:
                if isinstance(a.scored, Fielded):
                    assert ev.scores(a.scored).keys() == ev.scores(a.query).keys(), (text, a.text)
                    compared += bool(ev.scores(a.query))
    assert compared > 100


def test_a_cold_engine_answers_as_a_caching_one(engine, index_dir):
    """Without caches (no cache keys made) the answers, snippets included, are the same."""
    from engine import Engine

    cold = Engine(index_dir, caching=False)
    for text in ["assainissement Kayes", "centre de santé communautaire", "jumelage 1989", "école -Kayes"]:
        warm_r, cold_r = engine.search(SearchRequest(q=text)), cold.search(SearchRequest(q=text))
        warm_r.pop("took_ms"), cold_r.pop("took_ms")
        assert cold_r == warm_r, text
        assert any(hit["snippet"] for hit in cold_r["results"]), text
