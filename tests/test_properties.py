"""Property-based tests: arbitrary text never breaks the analyzers, the query
parser or the engine, and arbitrary parameters never make the API answer 500."""
from __future__ import annotations

import re
from urllib.parse import urlencode

from hypothesis import HealthCheck, given, settings, strategies as st

from analyzers import find_expansions, french_analyzer, names_analyzer, spelling_analyzer
from engine import SearchRequest
from engine.querylang import parse_query

FRENCH, NAMES, SPELL = french_analyzer(), names_analyzer(), spelling_analyzer()

# Text with the characters that matter here: quotes, apostrophes, operators, accents, prefixes.
query_text = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(['"', "'", "’", "-", "OR", "AND", ":", "pays:", "domaine:", "annee:",
                              "region:", "collectivite:", "Kayes", "santé", "l'eau", "(", ")", "*",
                              "<script>", "\\", "N'Gabakoro", "Aix-en-Provence", " ", "é", "2005",
                              "15 000", "«", "»", "\u200b", "\x00"]),
             max_size=30).map("".join),
)
settings_fast = settings(max_examples=150, deadline=None,
                         suppress_health_check=[HealthCheck.function_scoped_fixture])


@settings_fast
@given(query_text)
def test_analyzers_never_raise(text):
    for analyzer in (FRENCH, NAMES, SPELL):
        for mode in ("index", "query"):
            tokens = [t.text for t in analyzer(text, mode=mode, positions=True, chars=True)]
            assert all(isinstance(t, str) and t for t in tokens)


@settings_fast
@given(query_text)
def test_query_parser_never_raises_and_renders(text):
    pq = parse_query(text)
    rendered = pq.render()
    assert isinstance(rendered, str)
    # what it understood parses back to the same clauses
    again = parse_query(rendered)
    assert [(c.kind, c.text, c.negated, c.target) for c in again.clauses] == \
           [(c.kind, c.text, c.negated, c.target) for c in pq.clauses]
    find_expansions(pq.text_words())


@settings_fast
@given(query_text)
def test_engine_never_raises(engine, text):
    r = engine.search(SearchRequest(q=text, per_page=3))
    assert r["total"] >= 0
    for hit in r["results"]:
        assert "<script" not in hit["snippet"]


facet_value = st.sampled_from(["Mali", "Maroc", "Algérie", "Santé", "Eau et assainissement", "Kayes",
                               "partnership", "action", "xyz", "", "%", "2005", "abc", "-1", "0",
                               "1000", "99999999999", "<b>"])
param_name = st.sampled_from(["q", "country", "domain", "year", "region", "type", "source", "sort",
                              "page", "per_page", "year_from", "year_to", "unknown", "_"])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(param_name, st.one_of(facet_value, query_text)), max_size=8))
def test_api_never_answers_500(client, params):
    for path in ("/api/search", "/api/search.csv", "/"):
        resp = client.get(path + "?" + urlencode(params))
        assert resp.status_code in (200, 400), (path, params, resp.status_code)
        if path.startswith("/api/") and resp.status_code == 400:
            err = resp.get_json()["error"]
            assert err["code"] and err["message"]
        body = resp.get_data(as_text=True)
        assert "Traceback" not in body
        if path == "/":  # HTML: user text is escaped; JSON is data, served as application/json
            assert not re.search(r"<script(?! src=\"/static/)", body)
