"""A partner country named in the words selects its records whatever the other words are (QA audit 7,
#1): `conseil régional Mali` listed Moroccan councils whose sheets name Mali in passing, `Hérault Maroc`
Hérault's Algerian and Malian records, a question on Malian régions Moroccan ones, all as full matches."""
from engine import SearchRequest


def _countries(engine, q, **filters):
    """The countries every result is in (some partnerships are in two), and the response."""
    r = engine.search(SearchRequest(q=q, per_page=100, facets=False, filters=filters))
    sets = [set(h["countries"]) for h in r["results"]]
    return set.intersection(*sets) if sets else set(), r


def test_a_country_beside_a_kind_of_body_selects(engine):
    got, r = _countries(engine, "conseil régional Mali")
    assert r["results"] and "Mali" in got


def test_a_country_beside_a_french_place_selects(engine):
    got, r = _countries(engine, "Hérault Maroc")
    assert "Maroc" in got
    ids = [h["id"] for h in r["results"]]
    assert {"cg-herault--cr-souss-massa-draa", "sete--el-jedida", "montpellier--fes"} <= set(ids[:3])


def test_a_country_in_a_question_selects(engine):
    got, _ = _countries(engine, "quelles régions françaises coopèrent avec une région malienne")
    assert "Mali" in got


def test_a_country_the_filters_leave_out_is_a_word_and_said(engine):
    """Under `country=Maroc`, `… (Mali, Sénégal …)` listed nothing: Mali selected no record the filter
    keeps. The country is then searched as a word, and a notice says so."""
    q = "collectivités françaises qui coopèrent aussi avec des villes ou régions d'Afrique subsaharienne " \
        "(Mali, Sénégal, Burkina Faso, Madagascar)"
    got, r = _countries(engine, q, country=["Maroc"])
    assert r["total"] > 0 and "Maroc" in got  # the filter's records
    said = "Aucun résultat de « Mali » ne passe les filtres : ce mot est cherché comme les autres."
    assert said in r["query"]["notices"]


def test_the_country_notice_blames_no_word_when_the_filters_keep_nothing(engine):
    """`eau Mali` with `year=2100` said « Aucun résultat de « Mali » ne passe les filtres : ce nom est cherché
    comme un mot »: no record passes that filter, whatever the words (review 2 r43, #6)."""
    r = engine.search(SearchRequest(q="eau Mali", facets=False, filters={"year": ["2100"]}))
    assert not any("ne passe les filtres" in n for n in r["query"]["notices"]), r["query"]["notices"]


def test_the_records_a_place_word_names_are_found_once_a_ranking(index_dir, monkeypatch):
    """`_named_in` (the records naming a place word in their names or places fields) ran up to three
    times per word and request: for the country's role, for the selection in the places, and again
    for a fallback or a fill there (review r43). It runs once per word; the same results."""
    from collections import Counter

    from engine import Engine, queryplaces

    queries = ["eau Mali", "jumelage Bretagne Mali", "école primaire Gao", "conseil régional Mali",
               "transports dans les villes algériennes", "eau assainissement Kayes Mopti Mali"]
    before = [_countries(Engine(index_dir, caching=False), q)[1]["results"] for q in queries]
    calls: Counter = Counter()
    named_in = queryplaces._named_in
    monkeypatch.setattr(queryplaces, "_named_in", lambda g, *a: calls.update([id(g)]) or named_in(g, *a))
    engine = Engine(index_dir, caching=False)
    for q, results in zip(queries, before, strict=True):
        calls.clear()
        assert _countries(engine, q)[1]["results"] == results
        assert calls and max(calls.values()) == 1, q
