"""A word typed with a final star (`assainiss*`) is every word of the index beginning so, as a
library catalogue reads it. It found nothing before, with no word of explanation: the star was
dropped and `assainiss`, no word of the texts, was looked for."""
import pytest

from engine import SearchRequest
from engine.querylang import TOO_SHORT, truncated


def ids(r):
    return [h["id"] for h in r["results"]]


def run(engine, q, **kw):
    return engine.search(SearchRequest(q=q, per_page=100, facets=False, **kw))


@pytest.mark.parametrize("word, begins", [("assainiss*", "assainiss"), ("Écol*", "ecol"), ("l'agricult*", "agricult"),
                                          ("micro-cr*", "microcr"), ("a*", None), ("eau", None), ("*", None)])
def test_the_beginning_a_star_asks_for(word, begins):
    assert truncated(word) == begins


def test_the_word_tables_list_the_words_beginning_so_the_most_frequent_first(engine):
    tables = engine.state().vocabulary
    words, total = tables.starting_with("agricult", 10)
    assert "agriculture" in words and total == len(words)
    assert all(w.startswith("agricult") for w in words)
    some, many = tables.starting_with("s", 5)
    assert len(some) == 5 and many > 5
    freqs = tables.freqs(some)
    assert [freqs[w] for w in some] == sorted(freqs.values(), reverse=True)
    assert tables.starting_with("zzzq", 10) == ([], 0)


def test_a_truncated_word_finds_what_its_words_find(engine):
    r = run(engine, "assainiss*", explain=True)
    whole = run(engine, "assainissement")
    assert r["total"] >= whole["total"] > 0 and set(ids(whole)) <= set(ids(r))
    assert r["query"]["notices"] == [] and r["suggestion"] is None
    vias = {m["via"] for h in r["results"] for w in (h["explain"]["own"] or {}).get("words", []) for m in w["matches"]}
    assert "truncated" in vias
    assert "<mark>" in r["results"][0]["snippet"]
    # every word beginning so, not only one: schools and the economy alike
    eco = set(ids(run(engine, "éco*")))
    assert eco & set(ids(run(engine, "écoles"))) and eco & set(ids(run(engine, "économique")))


def test_a_truncation_is_no_typo_to_correct_and_the_other_words_still_are(engine):
    assert run(engine, "assainiss* kaye")["suggestion"] == "assainiss* kayes"


def test_what_a_truncation_cannot_read_is_said(engine):
    assert TOO_SHORT.format("a*") in run(engine, "a*")["query"]["notices"]
    capped = run(engine, "co* eau")["query"]["notices"]
    assert any("mots commencent ainsi ; la recherche porte sur les 50 plus fréquents" in n for n in capped)
    nothing = run(engine, "zzzq* eau")
    said = "Aucun document ne contient « zzzq* » : la recherche porte sur les autres mots."
    assert said in nothing["query"]["notices"]
    assert nothing["total"] == run(engine, "eau")["total"]


def test_a_phrase_a_name_and_a_facet_value_may_end_with_a_star(engine):
    assert set(ids(run(engine, '"eau potable"'))) <= set(ids(run(engine, '"eau pot*"')))
    assert ids(run(engine, "collectivite:marseil*")) == ids(run(engine, "collectivite:marseille")) != []
    assert ids(run(engine, "region:kay*")) == ids(run(engine, "region:kay")) != []
    assert run(engine, "-assainiss*")["total"] == run(engine, "-assainissement")["total"]


@pytest.mark.parametrize("typed, whole", [('collectivite:"saint ét*"', 'collectivite:"Saint-Étienne"'),
                                          ('collectivite:"St ét*"', 'collectivite:"Saint-Étienne"'),
                                          ('collectivite:"saint maure de tou*"',
                                           'collectivite:"Sainte-Maure-de-Touraine"'),
                                          ('collectivite:"conseil général de la se*"',
                                           'collectivite:"Conseil général de la Seine-Saint-Denis"')])
def test_a_name_s_last_word_is_completed_by_the_words_that_follow_its_first_ones(engine, typed, whole):
    """The 10 most frequent `et*` words of the index (état, étude…) follow no « saint »: the documented
    `collectivite:"saint …*"` listed nothing. A name's completions are the words after its first ones."""
    found = run(engine, typed)
    assert ids(found) and set(ids(found)) == set(ids(run(engine, whole)))
    assert not [n for n in found["query"]["notices"] if "commencent ainsi" in n]


def test_a_name_truncation_the_names_do_not_complete_keeps_the_index_words():
    """A name the names table lacks is still looked for as the index's words beginning so."""
    from engine.querylang import parse_query
    from engine.truncations import Truncations

    asked = []

    def starting(begins, limit, after=()):
        asked.append((begins, after))
        return ([begins + "x"], 1)
    clauses = parse_query('collectivite:"Saint-Étienne de*" "eau pot*"').clauses
    expansions = Truncations(clauses, starting)
    assert asked == [("de", ("saint", "etienne")), ("pot", ())]
    assert [expansions.expansion(c).words for c in clauses] == [["dex"], ["potx"]]


def test_a_record_page_marks_what_the_search_found_through_a_truncation(client):
    """The record page built the query apart from the search, without its truncations."""
    html = client.get("/partenariats/mulhouse--el-khroub", query_string={"q": "assainiss*"}).get_data(as_text=True)
    assert "<mark>assainissement</mark>" in html


def test_a_truncation_typed_again_is_read_once_and_a_plain_word_twice(engine):
    """`co*` typed 125 times expanded and scored each (0,65 s of CPU: QA r45, audit 13); typed again, in
    any case, inside an OR or as the group it was, it is the truncation typed once. `eau eau` still weighs
    its word twice."""
    from engine.querylang import parse_query

    assert parse_query("co* CO* eau eau OR co* co*").render() == "co* eau eau OR co*"
    assert parse_query("co* OR san* san* OR co* -co* -co*").render() == "co* OR san* -co*"
    once, again = run(engine, "assainiss*"), run(engine, "assainiss* ASSAINISS* assainiss*")
    assert again["query"]["understood"] == "assainiss*"
    assert [(h["id"], h["score"]) for h in again["results"]] == [(h["id"], h["score"]) for h in once["results"]]
    eau, twice = run(engine, "eau"), run(engine, "eau eau")
    assert twice["results"][0]["score"] > eau["results"][0]["score"] * 1.5
