"""`--explain` and `explain=1`: each result says which words matched in which
field, through which expansion, and what each part of the ranking profile
added; the parts add up to the result's score."""
from __future__ import annotations

import json
import math
from dataclasses import replace

import pytest

from contract import check_schema
from engine import Engine, SearchRequest, ranking_profile
from engine.fillers import names_partnership
from repertoires.cli import main

VIAS = {"word", "phrase", "words", "family", "synonym", "narrower", "typo", "year", "active", "place", "truncated"}
TOL = 2e-3  # every figure is rounded to 4 decimals


def close(a: float, b: float, scale: float = 0.0) -> bool:
    """Equal up to the rounding of the figures (`scale`: a sum multiplied by a rounded factor)."""
    return math.isclose(a, b, abs_tol=TOL + scale * 1e-4, rel_tol=1e-4)


def check_document(e: dict) -> None:
    assert 0.0 <= e["coverage"] <= 1.0
    abroad = e.get("abroad", 1.0)
    assert abroad == 1.0 or abroad == ranking_profile.current().abroad
    off = e.get("off_domain", 1.0)
    assert off == 1.0 or off == ranking_profile.current().tail_off_domain
    assert close(e["score"], (e["words_score"] + e["proximity"] + e["name"]) * abroad * off)
    words = sum(w["score"] for w in e["words"])
    assert close(e["words_score"], words * e["coordination"], scale=words)
    assert e["words_matched"] == sum(1 for w in e["words"] if w["matches"])
    if e["coverage"] == 1.0:
        assert e["coordination"] == 1.0
    for w in e["words"]:
        assert w["weight"] > 0 or (w["weight"] == 0 and not w["matches"])  # 0: a word no document has
        if w.get("light"):  # an action noun: a share of its rarity
            assert w["weight"] <= ranking_profile.current().light_word * 20
        if "place_cap" in w:  # a place word gates a place + topic query: its matches' sum, capped
            assert close(w["score"], min(w["place_cap"], sum(m["score"] for m in w["matches"])))
        elif w.get("formalised"):  # an agreement word had by the year: at least the year's score
            assert close(w["score"], max(ranking_profile.current().year_score, sum(m["score"] for m in w["matches"])))
        else:
            assert close(w["score"], sum(m["score"] for m in w["matches"]))
        for m in w["matches"]:
            assert m["via"] in VIAS
            assert 0.0 < m["factor"] <= 1.0
            if "fields" in m:
                assert close(m["score"], sum(m["fields"].values()))
            else:
                assert m["via"] == "words" and m["words"]


def check_result(hit: dict) -> None:
    e = hit["explain"]
    assert close(e["score"], hit["score"])
    own = e["own"]["score"] if e["own"] else 0.0
    added = e["action"]["added"] if e.get("action") else 0.0
    if e.get("partnership"):  # an action: a share of its partnership's own score
        lent = e["partnership"]
        assert "action" not in e and hit["id"].startswith(lent["id"] + "--")
        assert lent["share"] == ranking_profile.current().action_context
        assert close(lent["added"], lent["share"] * lent["score"])
        added += lent["added"]
    outside = e.get("outside_domain", 1.0)  # a domain filter, no action in it with the words
    assert outside == 1.0 or (outside == ranking_profile.current().outside_domain and not e.get("action"))
    assert close(e["score"], (own + added) * outside)
    if e["own"]:
        check_document(e["own"])
    if e.get("action"):
        a = e["action"]
        assert a["share"] == ranking_profile.current().action_share
        other = a.get("other_year", 1.0)  # a year filtered, the action of another year
        assert other == 1.0 or other == ranking_profile.current().other_year_action
        assert close(a["added"], a["share"] * other * a["score"])
        assert a["id"].startswith(hit["id"] + "--")
        if a["own"]:
            check_document(a["own"])


QUERIES = ["agriculture Ségou", "AEP", "Tombouctu", "jumelage 1989", "eau potable Kayes",
           "centre de santé communautaire", "qui construit des écoles dans la région de Kayes",
           "Marseille", "formation -Maroc", "eau OR santé Gao"]


@pytest.mark.parametrize("q", QUERIES)
def test_the_parts_add_up_to_the_score(engine, q):
    r = engine.search(SearchRequest(q=q, per_page=10, explain=True))
    assert r["results"], q
    for hit in r["results"]:
        check_result(hit)
    assert r["profile"]["action_share"] == ranking_profile.current().action_share


def test_a_french_side_query_explains_what_it_sets_aside(engine):
    # `françaises`: the Algerian lists' Italian or Spanish partners of Tlemcen come after
    r = engine.search(SearchRequest(q="quelles collectivités françaises coopèrent avec Tlemcen", per_page=20,
                                    explain=True))
    abroad = [h for h in r["results"] if h["explain"]["own"] and "abroad" in h["explain"]["own"]]
    french = [h for h in r["results"] if h["explain"]["own"] and "abroad" not in h["explain"]["own"]]
    assert abroad and french
    for hit in r["results"]:
        check_result(hit)
    assert all((h["french_party"] or {}).get("country") != "France" for h in abroad)
    assert all(h["french_party"]["country"] == "France" for h in french)
    assert r["results"][0] in french
    plain = engine.search(SearchRequest(q="collectivités coopèrent avec Tlemcen", per_page=20, explain=True))
    assert not any("abroad" in (h["explain"]["own"] or {}) for h in plain["results"])
    assert {h["id"] for h in plain["results"]} == {h["id"] for h in r["results"]}


def test_a_question_asking_for_a_kind_of_collectivity_lists_that_kind_first(engine):
    # `quels départements`: conseils généraux first, the régions and communes after, not dropped
    q = "quels départements français travaillent en Algérie"
    r = engine.search(SearchRequest(q=q, per_page=50, explain=True))
    kinds = [(h["french_party"] or {}).get("kind") for h in r["results"]]
    first_other = next(i for i, k in enumerate(kinds) if k != "département")
    assert first_other >= 3 and "département" not in kinds[first_other:]
    for hit in r["results"]:
        check_result(hit)
        assert ("abroad" in (hit["explain"]["own"] or {})) == ((hit["french_party"] or {}).get("kind") != "département")
    # no question and no French adjective after the kind, no kind asked: the same records, none set aside
    plain = engine.search(SearchRequest(q="départements Algérie", per_page=50, explain=True))
    assert not any("abroad" in (h["explain"]["own"] or {}) for h in plain["results"])
    assert {h["id"] for h in plain["results"]} >= {h["id"] for h in r["results"][:first_other]}
    # the kind followed by its French adjective asks for it without a question
    named = engine.search(SearchRequest(q="départements français Algérie", per_page=50, explain=True))
    assert [h["id"] for h in named["results"]][:first_other] == [h["id"] for h in r["results"]][:first_other]


def test_which_kind_a_question_asks_for():
    from engine.fillers import french_kind_asked

    def asked(query: str) -> str | None:
        return french_kind_asked(query.split())

    assert asked("quels départements travaillent au Mali") == "département"
    # régions and communes exist on both sides: only a query calling them French names the French kind
    assert asked("quelles régions françaises coopèrent avec le Maroc") == "région"
    assert asked("quelles régions coopèrent avec le Maroc") is None
    assert asked("quelles communes françaises aident Kayes") == "commune"
    assert asked("départements Algérie") is None  # not a question
    # the kind named with its French adjective asks for it, question or not
    assert asked("intercommunalités françaises : communautés urbaines") == "intercommunalité"
    assert asked("départements français Algérie") == "département"
    assert asked("régions Algérie françaises") is None  # the adjective of another word
    assert asked("quelles villes aident Mopti") is None  # a town is any collectivity


def test_a_place_gates_a_place_and_topic_query(engine):
    # `eau Gao`: among the records with water, Gao adds at most one mention in the places
    # field; explain shows that cap, and the word's score is its matches' sum capped
    r = engine.search(SearchRequest(q="eau Gao", per_page=10, explain=True))
    capped = [w for hit in r["results"] if hit["explain"]["own"]
              for w in hit["explain"]["own"]["words"] if "place_cap" in w]
    assert capped and all(w["text"] == "Gao" for w in capped)
    assert any(sum(m["score"] for m in w["matches"]) > w["place_cap"] + TOL for w in capped)
    assert all(close(w["score"], min(w["place_cap"], sum(m["score"] for m in w["matches"]))) for w in capped)
    for hit in r["results"]:
        check_result(hit)
    alone = engine.search(SearchRequest(q="Gao", per_page=10, explain=True))  # a place alone is not capped
    assert not any("place_cap" in w for hit in alone["results"] if hit["explain"]["own"]
                   for w in hit["explain"]["own"]["words"])


def test_a_record_formalised_in_the_year_has_the_agreement_word(engine):
    # `convention 2006 Maroc`: a partnership formalised in 2006 by another kind of agreement
    # counts as having `convention`, scored as its year is (the profile's year_score), or as the
    # word itself where the record says it and that scores more
    year_score = ranking_profile.current().year_score
    r = engine.search(SearchRequest(q="convention 2006 Maroc", per_page=50, explain=True))
    formalised = [(hit, w) for hit in r["results"] if hit["explain"]["own"]
                  for w in hit["explain"]["own"]["words"] if w.get("formalised")]
    assert any(not w["matches"] for _, w in formalised)
    for hit, w in formalised:
        said = sum(m["score"] for m in w["matches"])
        assert w["text"] == "convention" and w["score"] == pytest.approx(max(year_score, said), abs=1e-3)
        check_result(hit)


def test_a_year_next_to_a_topic_finds_the_records_active_that_year(engine, index_dir):
    # `centre de santé 2004`: a record active in 2004 whose text does not write 2004 and that did
    # not begin then has the year through its year facet, scored at the profile's year_active,
    # below a beginning that year; next to a twinning (`jumelage 2004`), the year asks when the
    # partnership began, and being active that year does not count
    p = ranking_profile.current()
    assert 0 < p.year_active < p.year_score
    r = engine.search(SearchRequest(q="centre de santé 2004", per_page=100, explain=True))
    active = [m for hit in r["results"] for m in _matches(hit) if m["via"] == "active"]
    assert active and all(m["text"] == "2004" and close(m["score"], p.year_active) for m in active)
    for q in ("centre de santé 2004", "eau 1995-2005", "santé années 1990", "forage 2004 OR 2005"):
        # only where nothing else found the year: not where the text writes another year of the period
        for hit in engine.search(SearchRequest(q=q, per_page=100, explain=True))["results"]:
            for doc in (hit["explain"]["own"], (hit["explain"].get("action") or {}).get("own")):
                for w in (doc or {}).get("words", []):
                    vias = {m["via"] for m in w["matches"]}
                    assert not ("active" in vias and vias & {"word", "year"}), (q, hit["id"])
            check_result(hit)
    with ranking_profile.use_profile(replace(p, year_active=0.0)):
        before = Engine(index_dir).search(SearchRequest(q="centre de santé 2004", per_page=100))
    found_now = {hit["id"] for hit in r["results"]} - {hit["id"] for hit in before["results"]}
    assert found_now and r["total"] > before["total"]  # a health centre built 2003-2005 was not found
    twinning = engine.search(SearchRequest(q="jumelages signés en 2004", per_page=100, explain=True))
    assert twinning["results"] and not any(m["via"] == "active" for hit in twinning["results"] for m in _matches(hit))
    assert names_partnership("jumelages") and names_partnership("démarrés") and not names_partnership("écoles")
    assert not any(names_partnership(w) for w in ("établissements", "engagement", "lancement", "début"))
    # a year excluded (`-2004`) excludes what writes it or began then, not every record active then
    with ranking_profile.use_profile(replace(p, year_active=0.0)):
        assert Engine(index_dir).search(SearchRequest(q="eau -2004"))["total"] == \
            engine.search(SearchRequest(q="eau -2004"))["total"]


def test_action_listing_explains_actions(engine):
    r = engine.search(SearchRequest(q="forage", filters={"type": ["action"]}, per_page=5, explain=True))
    assert r["results"]
    for hit in r["results"]:
        assert hit["type"] == "action" and "action" not in hit["explain"]
        check_result(hit)


def _matches(hit):
    for doc in (hit["explain"]["own"], (hit["explain"].get("action") or {}).get("own")):
        for w in (doc or {}).get("words", []):
            yield from w["matches"]


def test_expansions_are_named(engine):
    vias = {}
    for q in ("AEP", "agriculteurs", "Tombouctu", "jumelage 1989"):
        r = engine.search(SearchRequest(q=q, per_page=20, explain=True))
        vias[q] = {(m["via"], m["text"]) for hit in r["results"] for m in _matches(hit)}
    assert ("synonym", "adduction d'eau potable") in vias["AEP"] or ("synonym", "eau potable") in vias["AEP"]
    assert any(via == "family" for via, _ in vias["agriculteurs"])
    assert any(via == "typo" and "tombouctou" in text for via, text in vias["Tombouctu"])
    assert ("year", "1989") in vias["jumelage 1989"]


def test_grades_are_the_profiles(engine):
    p = ranking_profile.current()
    r = engine.search(SearchRequest(q="agriculteurs", per_page=20, explain=True))
    grades = {m["via"]: m["grade"] for hit in r["results"] for m in _matches(hit)}
    assert grades.get("word") == p.stem
    assert grades.get("family") == p.family


def test_a_field_named_in_explain_is_where_the_word_is(engine):
    r = engine.search(SearchRequest(q="Ségou", per_page=5, explain=True))
    top = r["results"][0]
    fields = top["explain"]["own"]["words"][0]["matches"][0]["fields"]
    assert "places" in fields or "parties" in fields
    rec = engine.partnership(top["id"])
    assert "Ségou" in (rec["partner_party"]["region"] or "") + rec["partner_party"]["name"] + " Segou"


def test_a_sentences_punctuation_is_not_part_of_the_words_explained(engine):
    """A long query typed as a sentence (`bloc opératoire, imagerie médicale.`): the words
    explained, and the query as understood, are the words without the commas and the stop."""
    r = engine.search(SearchRequest(q="bloc opératoire, imagerie médicale.", per_page=3, explain=True))
    words = [w["text"] for h in r["results"] for w in h["explain"]["own"]["words"]]
    assert "opératoire" in words and "imagerie médicale" in words  # a phrase of the vocabulary, explained whole
    assert not any(w.endswith((",", ".")) for w in words)
    # an operator keeps its meaning only bare: `OU,` is the word, not an operator with a comma
    from engine.querylang import parse_query
    assert [c.text for c in parse_query("puits, forages; latrines!").clauses] == ["puits", "forages", "latrines"]
    assert [c.text for c in parse_query("eau OR, santé").clauses] == ["eau", "OR,", "santé"]
    # also in a word read past an unknown prefix: what the parser renders parses back the same
    for text in ("!:", "a!:b", "foo:bar."):
        pq = parse_query(text)
        assert [c.text for c in parse_query(pq.render()).clauses] == [c.text for c in pq.clauses]


def test_no_explain_unless_asked(engine):
    r = engine.search(SearchRequest(q="eau", per_page=3))
    assert all("explain" not in h for h in r["results"]) and "profile" not in r
    browse = engine.search(SearchRequest(q="", per_page=3, explain=True))
    assert all("explain" not in h for h in browse["results"])  # no text: nothing to explain


def test_partial_matches_say_what_is_missing(engine):
    r = engine.search(SearchRequest(q="périmètres maraîchers associations femmes Ségou", per_page=20, explain=True))
    partial = [h for h in r["results"] if h["explain"]["own"] and h["explain"]["own"]["coverage"] < 1.0]
    assert r["query"]["partial_matches"] and partial
    profile = ranking_profile.current()
    for h in partial:
        own = h["explain"]["own"]
        assert own["coordination"] < 1.0
        assert any(not w["matches"] for w in own["words"])
        # five words: soft matching, where lacking a word costs c^coordination_soft, not the square
        assert close(own["coordination"], own["coverage"] ** profile.coordination_soft)


def test_lacking_a_word_costs_more_in_a_short_query():
    """From `soft_from_words` words on a result may lack a word by design: its
    coordination is milder than a two-word query's, whose partial results only fill."""
    profile = ranking_profile.current()
    short, long_ = profile.coordination_exponent(2), profile.coordination_exponent(profile.soft_from_words)
    assert short == profile.coordination and long_ == profile.coordination_soft
    assert 0.5 ** long_ > 0.5 ** short  # the same coverage costs less in the longer query


# --- the API -----------------------------------------------------------------

def test_api_explain(client, spec):
    r = client.get("/api/search", query_string={"q": "agriculture Ségou", "explain": "1", "per_page": 5})
    assert r.status_code == 200
    data = r.get_json()
    check_schema(spec, "SearchResponse", data)
    assert data["results"] and all("explain" in h for h in data["results"])
    for hit in data["results"]:
        check_result(hit)
    assert data["profile"]["field_weights"]["places"] == ranking_profile.current().field_weights["places"]
    plain = client.get("/api/search", query_string={"q": "agriculture Ségou", "per_page": 5}).get_json()
    assert [h["id"] for h in plain["results"]] == [h["id"] for h in data["results"]]
    assert all("explain" not in h for h in plain["results"]) and "profile" not in plain
    off = client.get("/api/search", query_string={"q": "eau", "explain": "0"}).get_json()
    assert all("explain" not in h for h in off["results"])
    narrowed = client.get("/api/search", query_string={"q": "formation", "domain": "Tourisme", "explain": "1",
                                                        "per_page": 30}).get_json()
    check_schema(spec, "SearchResponse", narrowed)
    assert any("outside_domain" in h["explain"] for h in narrowed["results"])
    for hit in narrowed["results"]:
        check_result(hit)


@pytest.mark.parametrize("value", ["2", "oui", "yes please"])
def test_api_explain_refuses_other_values(client, spec, value):
    r = client.get("/api/search", query_string={"q": "eau", "explain": value})
    assert r.status_code == 400
    body = r.get_json()
    check_schema(spec, "Error", body)
    assert body["error"]["code"] == "invalid_boolean" and body["error"]["parameter"] == "explain"


def test_csv_accepts_explain_and_ignores_it(client):
    with_it = client.get("/api/search.csv", query_string={"q": "eau", "explain": "1"})
    without = client.get("/api/search.csv", query_string={"q": "eau"})
    assert with_it.status_code == 200 and with_it.data == without.data


# --- the command line ----------------------------------------------------------

def test_cli_explain(index_dir, capsys):
    assert main(["search", "agriculture Ségou", "--explain", "--per-page", "3", "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert "le document lui-même" in out
    assert "« agriculture » (rareté" in out and "« Ségou » (rareté" in out
    assert "lieux " in out and "places " not in out  # the field the place was found in, in French
    assert "meilleure action" in out and "× part 0,5" in out
    assert main(["search", "agriculture Ségou", "--per-page", "3", "--index", str(index_dir)]) == 0
    assert "le document lui-même" not in capsys.readouterr().out


def test_cli_explain_says_when_a_domain_filter_lowered_a_partnership(index_dir, capsys):
    args = ["search", "formation", "--domain", "Tourisme", "--per-page", "30", "--index", str(index_dir)]
    assert main(args + ["--explain"]) == 0
    out = capsys.readouterr().out
    share = str(ranking_profile.current().outside_domain).replace(".", ",")
    assert f"× {share} (aucune de ses actions du domaine choisi n'a ces mots)" in out
    assert main(args + ["--explain", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)["results"]
    assert any("outside_domain" in h["explain"] for h in hits)
    for hit in hits:
        check_result(hit)


def test_cli_explain_json(index_dir, capsys):
    assert main(["search", "AEP", "--explain", "--json", "--per-page", "5", "--index", str(index_dir)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"]
    for hit in data["results"]:
        check_result(hit)


def test_the_words_together_add_the_profiles_proximity(index_dir):
    """The proximity bonus of a result is the phrase's score times `profile.proximity`:
    halving the number halves the bonus, and leaves the words' own scores alone."""
    import dataclasses

    from engine import Engine

    def own(proximity: float) -> dict:
        with ranking_profile.use_profile(dataclasses.replace(ranking_profile.current(), proximity=proximity)):
            r = Engine(index_dir).search(SearchRequest(q="état civil", per_page=5, explain=True))
        return {h["id"]: h["explain"]["own"] for h in r["results"] if h["explain"].get("own")}

    full, half = own(ranking_profile.current().proximity), own(ranking_profile.current().proximity / 2)
    together = [d for d in full if d in half and full[d]["proximity"] > 0]
    assert together  # the phrase is in the top records' text
    for d in together:
        assert close(half[d]["proximity"] * 2, full[d]["proximity"], scale=full[d]["proximity"])
        assert close(half[d]["words_score"], full[d]["words_score"])


def test_api_explain_meets_its_contract_on_judged_queries(client, check_search_contract):
    # every tenth dev query of the judged set, with its filters: phrases of the vocabulary, places,
    # years, filters; the nested words of a phrase once broke the contract (they have no weight)
    from evaluation.judged import load_queries

    queries = [q for q in load_queries() if q.split == "dev"][::10]
    assert len(queries) > 50
    for q in queries:
        args = {"q": q.q, "explain": "1", "per_page": 20}
        args.update({f: [str(v) for v in vals] for f, vals in q.filters.items()})
        if q.type:
            args["type"] = q.type
        data = client.get("/api/search", query_string=args).get_json()
        check_search_contract(data)
        for hit in data["results"]:
            check_result(hit)
