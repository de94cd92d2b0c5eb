"""A filtered listing of less than a page is completed with the scope's partnerships most like its
results, or, without results, from the domain the query's words name (engine/completions.py): after
every result with the words, within the filter, up to a page."""
from __future__ import annotations

import dataclasses
import importlib
import json
import math
from pathlib import Path

import pytest

from analyzers.vocabulary import family_of, find_graded_expansions
from engine import Engine, SearchRequest, ranking_profile, results as results_module
from engine.completions import NEAR_SHARE, by_vocabulary, completions, fill_notices, neighbour_terms
from engine.facets import FacetBits, Selection
from search_app.typography import french_spacing as fr

search_module = importlib.import_module("engine.search")  # (the package's `search` is the function)

AGRI, SANTE = "Agriculture et développement rural", "Santé"


def _bits() -> FacetBits:
    # partnerships 0-4, actions 5-8 (5, 6 of partnership 2; 7 of partnership 3; 8 of partnership 4)
    return FacetBits(9, {"domain": {AGRI: [1, 2, 3, 5, 6, 7], SANTE: [4, 8]},
                         "region": {"Kayes": [0, 1, 2, 5, 6], "Mopti": [3, 4, 7, 8]}})


OWNER = [0, 1, 2, 3, 4, 2, 2, 3, 4]  # each document's partnership


def _fill(words, selection, matched, page=10):
    found, notice = completions(words, selection, _bits(), matched, len(matched), OWNER, page)
    assert all(c.like is None for c in found)  # no likeness: completed by domain alone
    return [tuple(c[:3]) for c in found], notice


def test_the_scope_s_partnerships_of_the_words_domain_follow_most_central_first():
    found, notice = _fill(["élevage"], Selection({"region": {"Kayes"}}), {0})
    # 2 has two agricultural actions, 1 none; 3 is agricultural but in Mopti; 0 is listed already
    assert found == [(2, AGRI, [5, 6]), (1, AGRI, [])]
    assert notice and "« Agriculture et développement rural »" in notice
    assert fill_notices([], 1, 10, notice) == ["Moins de 10 résultats avec ces mots : suivent " + notice]


def test_no_completion_for_a_full_page_a_word_of_no_domain_or_nothing_left():
    assert _fill(["élevage"], Selection({"region": {"Kayes"}}), {0, 3, 4}, page=3) == ([], None)
    assert _fill(["ordinateurs"], Selection({"region": {"Kayes"}}), {0}) == ([], None)
    assert _fill(["élevage"], Selection({"region": {"Kayes"}}), {0, 1, 2}) == ([], None)


def test_the_completions_stop_at_a_page():
    found, _ = _fill(["élevage"], Selection({"region": {"Kayes"}}), {0}, page=2)
    assert [d for d, _, _ in found] == [2]


# likeness between partnerships 0-4 (symmetric); 1 is like 0 a little, 2 like nothing listed
ALIKE = {0: {1: 0.2, 3: 0.6, 4: 0.1}, 1: {0: 0.2}, 2: {}, 3: {0: 0.6, 4: 0.5}, 4: {0: 0.1, 3: 0.5}}


def _rows(docnums):
    return {d: dict(ALIKE.get(d, {})) for d in docnums}


def test_with_results_the_scope_s_partnerships_most_like_them_follow():
    # in Mopti, 3 is listed; 4 is like it (0.5), 0 and 1 are in Kayes, 2 like nothing
    found, notice = completions(["ordinateurs"], Selection({"region": {"Mopti"}}), _bits(), {3}, 1, OWNER, 10,
                                seeds=[3], likeness=_rows)
    assert [tuple(c[:4]) for c in found] == [(4, None, [], 3)] and found[0].term is None
    assert notice and "ressemblent le plus à ceux des résultats" in notice and "domaine" not in notice


def test_likeness_is_summed_over_the_results_and_says_which_it_is_nearest():
    # Kayes + Mopti, 0 and 3 listed: 4 is like both (0.1 + 0.5), 1 like 0 only (0.2); 2 like nothing
    scope = Selection({"region": {"Kayes", "Mopti"}})
    found, _ = completions(["ordinateurs"], scope, _bits(), {0, 3}, 2, OWNER, 10, seeds=[0, 3], likeness=_rows)
    assert [(c.docnum, c.like) for c in found] == [(4, 3), (1, 0)]


def test_the_words_domain_counts_more_among_alike_partnerships():
    # `élevage` names agriculture (1, 2, 3): 3 at 0.6 x 1.5, 1 at 0.2 x 1.5, then 4 (health) at 0.1
    scope = Selection({"region": {"Kayes", "Mopti"}})
    found, notice = completions(["élevage"], scope, _bits(), {0}, 1, OWNER, 10, seeds=[0], likeness=_rows)
    assert [(c.docnum, c.domain) for c in found] == [(3, AGRI), (1, AGRI), (4, None)]
    assert notice and f"ceux du domaine « {AGRI} », dont ces mots relèvent, comptent davantage" in notice
    # the boost makes an agricultural partnership (3, 0.5 x 1.5) pass a closer one of no such domain (0, 0.6)
    closer = {4: {3: 0.5, 0: 0.6}}
    found, _ = completions(["élevage"], scope, _bits(), {4}, 1, OWNER, 10, seeds=[4], likeness=lambda ds: closer)
    assert [c.docnum for c in found] == [3, 0]
    plain, _ = completions(["élevage"], scope, _bits(), {4}, 1, OWNER, 10, seeds=[4], likeness=lambda ds: closer,
                           domain_boost=0.0)
    assert [c.docnum for c in plain] == [0, 3]


def test_results_like_nothing_in_scope_fall_back_to_the_domain():
    found, notice = completions(["élevage"], Selection({"region": {"Kayes"}}), _bits(), {2}, 1, OWNER, 10,
                                seeds=[2], likeness=_rows)
    assert [tuple(c[:3]) for c in found] == [(1, AGRI, [])] and found[0].like is None
    assert notice and "d'autres partenariats du domaine" in notice


def _search(index_dir, q, filters, profile=None):
    with ranking_profile.use_profile(profile or ranking_profile.current()):
        return Engine(index_dir).search(SearchRequest(q=q, filters=filters, per_page=100, explain=True))


def test_a_narrow_filtered_search_is_completed_from_the_domain_apart_from_its_results(index_dir):
    kayes = {"region": ["Kayes"]}
    r = _search(index_dir, "élevage", kayes, dataclasses.replace(ranking_profile.current(), fill_likeness=False))
    off = _search(index_dir, "élevage", kayes, dataclasses.replace(ranking_profile.current(), domain_fill=False))
    assert off["completions"] == [] and not any("Moins de" in n for n in off["query"]["notices"])
    # the results, their total and the facet counts are those of the words
    assert [h["id"] for h in r["results"]] == [h["id"] for h in off["results"]]
    assert r["total"] == off["total"] < 10 and r["facets"] == off["facets"]
    added = r["completions"]
    assert len(added) == 10 - r["total"]
    assert not {h["id"] for h in added} & {h["id"] for h in r["results"]}
    assert all(h["completes_domain"] == AGRI for h in added)
    assert all(AGRI in h["domains"] and (h["partner_party"] or {}).get("region") == "Kayes" for h in added)
    assert max(h["score"] for h in added) < min(h["score"] for h in r["results"])
    assert any("Moins de 10 résultats avec ces mots" in n for n in r["query"]["notices"])
    # most actions in the domain first, and they are shown
    assert added[0]["actions"] and all(AGRI in a["domains"] for a in added[0]["actions"])
    assert all(h["similar_to"] is None for h in added)


def test_with_results_the_completions_are_the_scope_s_partnerships_most_like_them(index_dir):
    mali = {"country": ["Mali"]}
    alike_only = dataclasses.replace(ranking_profile.current(), fill_vocabulary=False)  # (by_vocabulary: below)
    r = _search(index_dir, "ordinateurs", mali, alike_only)
    by_domain = _search(index_dir, "ordinateurs", mali, dataclasses.replace(alike_only, fill_likeness=False))
    listed = {h["id"] for h in r["results"]}
    added = r["completions"]
    assert r["total"] < 10 and len(added) == 10 - r["total"] and not {h["id"] for h in added} & listed
    assert all(h["similar_to"]["id"] in listed for h in added)  # each says which result it is like
    assert all("Mali" in h["countries"] for h in added)
    assert max(h["score"] for h in added) < min(h["score"] for h in r["results"])
    assert [h["id"] for h in added] != [h["id"] for h in by_domain["completions"]]
    assert any("ressemblent le plus à ceux des résultats" in n for n in r["query"]["notices"])


@pytest.mark.parametrize("damage", ["missing", "garbled"])
def test_an_index_without_a_readable_likeness_table_completes_by_domain(index_dir, likeness_table, damage):
    copy, table = likeness_table
    if damage == "missing":  # an index built before the table
        table.unlink()
    else:
        table.write_bytes(b"not a database" * 100)
    kayes = {"region": ["Kayes"]}
    old = _search(copy, "élevage", kayes)
    by_domain = _search(index_dir, "élevage", kayes, dataclasses.replace(ranking_profile.current(),
                                                                           fill_likeness=False))
    assert old["completions"] and [h["id"] for h in old["completions"]] == [h["id"] for h in by_domain["completions"]]
    assert [h["id"] for h in old["results"]] == [h["id"] for h in by_domain["results"]]


def test_what_the_query_excludes_is_no_completion(index_dir, engine):
    kayes = {"region": ["Kayes"]}
    plain = _search(index_dir, "élevage", kayes)
    without = _search(index_dir, "élevage -périmètre", kayes)
    state = engine.state()

    def says(pid):  # the partnership's own document has the excluded word, as the listing reads it
        from whoosh.query import Term
        with state.index.searcher() as s:
            return bool(list(s.search(Term("id", pid) & Term("sheet", "perimetr"), limit=1)))

    assert any(says(h["id"]) for h in plain["completions"])  # there was something to exclude
    assert without["completions"] and not any(says(h["id"]) for h in without["completions"])


def test_no_completion_without_a_filter_or_on_an_earlier_page(index_dir):
    assert _search(index_dir, "aviculture", {})["completions"] == []
    with ranking_profile.use_profile(ranking_profile.current()):
        paged = Engine(index_dir).search(SearchRequest(q="élevage", filters={"region": ["Kayes"]}, per_page=1))
    assert paged["pages"] > 1 and paged["completions"] == []


def test_the_page_and_the_api_list_the_completions_after_the_results(client, check_search_contract):
    r = client.get("/api/search", query_string={"q": "élevage", "region": "Kayes"})
    assert r.status_code == 200
    data = r.get_json()
    check_search_contract(data)
    assert data["completions"] and all(h["url"].startswith("/partenariats/") for h in data["completions"])
    html = client.get("/", query_string={"q": "élevage", "region": "Kayes"}).get_data(as_text=True)
    first = data["completions"][0]
    assert html.index(fr("Pour compléter : les plus proches de ces résultats")) < html.index(f'data-id="{first["id"]}"')
    assert html.index(f'data-id="{data["results"][-1]["id"]}"') < html.index("Pour compléter")
    # each completion links the result it is most like
    like = first["similar_to"]
    assert like["url"] == f"/partenariats/{like['id']}"
    assert f'Proche de <a href="{like["url"]}' in html[html.index(f'data-id="{first["id"]}"'):]


def test_the_cli_prints_the_completions():
    import io

    from repertoires.output import print_results

    out = io.StringIO()
    hit = {"title": "Roncq – Sélinkégny", "completes_domain": AGRI, "id": "roncq--selinkegny",
           "actions": [{"title": "Construction d'un parc de vaccination pour les animaux"}], "similar_to": None}
    alike = {"title": "Draveil – Sandaré", "completes_domain": None, "id": "draveil--sandare", "actions": [],
             "similar_to": {"id": "montreuil--yelimane", "title": "Montreuil – Yélimané"}}
    near = {"title": "Bures-sur-Yvette – Koréra Koré", "completes_domain": None, "completes_term": "savon",
            "id": "bures-sur-yvette--korera-kore", "actions": [], "similar_to": None}
    print_results({"total": 0, "took_ms": 1, "query": {"q": "élevage", "notices": []}, "page": 1, "per_page": 20,
                   "results": [], "completions": [near, hit, alike]}, out)
    text = out.getvalue()
    assert "Bures-sur-Yvette – Koréra Koré  [emploie « savon »]" in text
    assert "Pour compléter (3)" in text and f"[{AGRI}]" in text and "parc de vaccination" in text
    assert "Draveil – Sandaré  [proche de : Montreuil – Yélimané]" in text


def test_words_of_no_domain_take_the_domain_of_their_actions():
    # `ordinateurs` names no domain: its actions in the filter (7, agricultural) say which
    found, notice = completions(["ordinateurs"], Selection({"region": {"Mopti"}}), _bits(), {4}, 1, OWNER,
                                10, matched_actions=[7])
    assert [tuple(c[:3]) for c in found] == [(3, AGRI, [7])]
    assert notice and "celui des actions trouvées" in notice
    assert completions(["ordinateurs"], Selection({"region": {"Mopti"}}), _bits(), {4}, 1, OWNER,
                       10) == ([], None)


def test_a_filtered_search_without_results_shows_its_completions(client):
    # no Gao sheet has livestock: the page says there is no result, then lists the completions
    data = client.get("/api/search", query_string={"q": "élevage", "region": "Gao"}).get_json()
    assert data["total"] == 0 and data["completions"]
    html = client.get("/", query_string={"q": "élevage", "region": "Gao"}).get_data(as_text=True)
    assert html.index("Aucun résultat") < html.index("Pour compléter") < html.index(
        f'data-id="{data["completions"][0]["id"]}"')


def test_no_completion_on_a_page_past_the_last(client):
    # a bookmark to page 2 of a one-page listing: the notice says the page does not exist, and
    # nothing is listed there, completions included
    data = client.get("/api/search", query_string={"q": "élevage", "region": "Kayes", "page": 2}).get_json()
    assert data["pages"] == 1 and data["results"] == [] and data["completions"] == []
    assert any("n'existe pas" in n for n in data["query"]["notices"])


def test_with_no_result_in_scope_its_partnerships_most_like_those_with_the_words_elsewhere_follow():
    # nothing in Mopti has `ordinateurs`; 0 (Kayes) has them: 3 is most like it (0.6); 4 (0.1) shares a
    # term with it but is not among the fifth of the 5 partnerships most like it (3 alone): not offered
    found, notice = completions(["ordinateurs"], Selection({"region": {"Mopti"}}), _bits(), {0}, 0, OWNER, 10,
                                seeds=[0], likeness=_rows)
    assert [(c.docnum, c.like) for c in found] == [(3, 0)]
    assert notice and "hors du filtre" in notice
    assert fill_notices([], 0, 10, notice)[0].startswith("Aucun partenariat de ce filtre n'a ces mots : suivent ceux")


def test_with_no_result_in_scope_nothing_follows_when_no_partnership_of_it_is_near_those_with_the_words():
    # 4 (Mopti) has the words; Kayes's 0 shares a term with it (0.1) but 3 (Mopti) is its nearest: 0 is
    # not among the fifth of the partnerships most like it, and nothing is offered as if it were
    found, notice = completions(["ordinateurs"], Selection({"region": {"Kayes"}}), _bits(), {4}, 0, OWNER, 10,
                                seeds=[4], likeness=_rows)
    assert found == [] and notice is None


def test_with_no_result_in_scope_the_domain_the_words_name_comes_before_texts_from_outside_it():
    # `élevage` names agriculture: Mopti's agricultural partnership (3) alone, as without seeds
    found, notice = completions(["élevage"], Selection({"region": {"Mopti"}}), _bits(), {0}, 0, OWNER, 10,
                                seeds=[0], likeness=_rows)
    assert [tuple(c[:3]) for c in found] == [(3, AGRI, [7])] and found[0].like is None
    assert notice and fill_notices([], 0, 10, notice)[0].startswith(
        f"Aucun partenariat de ce filtre n'a ces mots : suivent ceux du domaine « {AGRI} »")


def test_the_completions_notices_follow_the_list_s_order_from_their_parts():
    # those by the vocabulary first, then « Puis » the others, told apart by the parts, not by splitting a text
    follows = "d'autres partenariats du domaine « Santé », dont ces mots relèvent."
    first, then = fill_notices(["hôpital", "dispensaire"], 2, 10, follows)
    assert first == ("Moins de 10 résultats avec ces mots : suivent les partenariats de ce filtre dont les textes "
                     "emploient l'un des termes que le vocabulaire rattache à ces mots "
                     "(« hôpital » et « dispensaire »).")
    assert then == "Puis " + follows
    assert fill_notices(["hôpital"], 0, 10, None) == [
        ("Aucun partenariat de ce filtre n'a ces mots : suivent ceux dont les textes emploient un terme que le "
         "vocabulaire rattache à ces mots (« hôpital »).")]
    assert fill_notices([], 2, 10, None) == []


def test_a_filter_without_the_words_is_completed_like_the_partnerships_that_have_them(client):
    # no Algerian sheet says `informatisation` (Malian and Moroccan town halls are computerised):
    # the listing stays empty, its counts those of the words, and Algerian partnerships follow it
    args = {"q": "informatisation", "country": "Algérie"}
    data = client.get("/api/search", query_string=args).get_json()
    assert data["total"] == 0 and data["results"] == [] and data["completions"]
    # (those writing a term of the vocabulary, `ordinateurs`, come first: by_vocabulary)
    assert all(h["countries"] == ["Algérie"] and (h["similar_to"] or h["completes_term"]) for h in data["completions"])
    assert any("Aucun partenariat de ce filtre n'a ces mots" in n for n in data["query"]["notices"])
    counts = {v["value"]: v["count"] for v in data["facets"]["country"]}
    assert counts["Algérie"] == 0 and counts["Mali"] > 0
    # related, not any Algerian list: what `informatique` finds in Algeria (computers sent, a cyber base)
    # is among them, and each is like a partnership that has the word
    computing = client.get("/api/search", query_string={"q": "informatique", "country": "Algérie"}).get_json()
    assert {h["id"] for h in computing["results"]} & {h["id"] for h in data["completions"]}
    having = client.get("/api/search", query_string={"q": "informatisation", "per_page": 100}).get_json()
    alike = {h["similar_to"]["id"] for h in data["completions"] if h["similar_to"]}
    assert alike and alike <= {h["id"] for h in having["results"]}
    html = client.get("/", query_string=args).get_data(as_text=True)
    assert html.index("Aucun résultat") < html.index(
        fr("Pour compléter : ceux dont les textes emploient un terme que le vocabulaire rattache à ces mots, puis "
           "les plus proches des partenariats qui ont ces mots ailleurs"))


@pytest.mark.parametrize("q, filters", [
    ("Douentza", {"country": ["Maroc"]}),  # a place: nothing done that other partnerships could do too
    ("Tessalit", {"country": ["Maroc"]}),  # a place no sheet names: its partnerships are its region's
    ("zzzqx", {"country": ["Maroc"]}),  # a word no document has
    # a word most sheets have (`coopération`: 201 of 297) asks for nothing done: Belfort's partnerships
    # outside Mali are no seeds, and no Malian partnership is offered « proche de Belfort – … »
    ("Belfort coopération", {"country": ["Mali"]}),
    ("partenariat Belfort", {"region": ["Kayes"]}),
])
def test_no_completion_like_what_only_names_a_place_outside_the_filter(engine, q, filters):
    r = engine.search(SearchRequest(q=q, filters=filters, per_page=10))
    assert r["total"] == 0 and r["completions"] == []


def test_with_no_result_and_none_of_the_words_domain_in_scope_those_like_the_words_elsewhere_follow():
    # `hôpital` names health: Kayes has no health partnership (4 is in Mopti), so Kayes's partnership
    # most like 3, which has the word outside the scope, follows (0, at 0.6)
    found, notice = completions(["hôpital"], Selection({"region": {"Kayes"}}), _bits(), {3}, 0, OWNER, 10,
                                seeds=[3], likeness=_rows)
    assert [(c.docnum, c.domain, c.like) for c in found] == [(0, None, 3)]
    assert notice and "hors du filtre" in notice and "domaine" not in notice


def test_the_notice_says_the_words_domain_counted_more_only_when_a_completion_is_of_it():
    # Kayes: 2 is agricultural, but the one alike partnership (0) is not: nothing of the domain came first
    found, notice = completions(["élevage"], Selection({"region": {"Kayes"}}), _bits(), {1}, 1, OWNER, 10,
                                seeds=[1], likeness=lambda ds: {1: {0: 0.3}})
    assert [c.docnum for c in found] == [0]
    assert notice and "ressemblent le plus à ceux des résultats" in notice and "domaine" not in notice


def test_the_seeds_of_an_empty_listing_have_every_word(engine):
    # `informatisation Kayes` in Algeria: the seeds were the first page of what has either word (AIMF –
    # Kayes and Kayes's other partnerships, with « Kayes » alone), while the notice said they have the
    # words; each completion is now like a partnership having both
    r = engine.search(SearchRequest(q="informatisation Kayes", filters={"country": ["Algérie"]}, per_page=10))
    assert r["total"] == 0
    with_word = {h["id"] for h in engine.search(SearchRequest(q="informatisation", per_page=100))["results"]}
    seeds = {h["similar_to"]["id"] for h in r["completions"] if not h["completes_term"]}
    assert seeds and seeds <= with_word
    assert all("kayes" in json.dumps(engine.partnership(pid), ensure_ascii=False).lower() for pid in seeds)


def test_an_empty_listing_completed_by_domain_says_none_had_the_words_and_names_the_domain(client):
    # `forage` in Algeria: no Algerian sheet has the word; the notice said « Moins de 10 résultats avec ces
    # mots : suivent d'autres partenariats … » of none, and the heading « du même domaine » of no result
    args = {"q": "forage", "country": "Algérie"}
    data = client.get("/api/search", query_string=args).get_json()
    assert data["total"] == 0 and data["completions"]
    water = "« Eau et assainissement »"
    assert (f"Aucun partenariat de ce filtre n'a ces mots : suivent ceux du domaine {water}, dont ces mots "
            "relèvent.") in data["query"]["notices"]
    assert not any("Moins de" in n for n in data["query"]["notices"])
    html = client.get("/", query_string=args).get_data(as_text=True)
    assert fr(f"Pour compléter : du domaine {water}, sans forcément ces mots") in html


@pytest.mark.parametrize("q, filters", [
    ("informatisation", {"country": ["Algérie"]}),
    ("ambulance", {"country": ["Algérie"]}),  # one seed: its whole row used to follow, at the median likeness
    ("élevage", {"region": ["Alger"]}),
])
def test_each_completion_of_an_empty_listing_is_among_the_partnerships_nearest_its_seed(engine, q, filters):
    r = engine.search(SearchRequest(q=q, filters=filters, per_page=10))
    assert r["total"] == 0
    near = math.ceil(NEAR_SHARE * len(engine.state().partnership_docnums))
    for h in (c for c in r["completions"] if not c["completes_term"]):  # (by_vocabulary's are like nothing)
        nearest = {p["id"] for p, _ in engine.alike(h["similar_to"]["id"], limit=near)}
        assert h["id"] in nearest, (h["id"], h["similar_to"]["id"])


def test_the_docs_describe_an_empty_listing_s_completions_as_they_are(client):
    # À propos said an empty listing is completed by the domain only, README « with that domain's
    # partnerships », docs/api.md « like the first page of those that have the words » (review 2, #4)
    root = Path(__file__).resolve().parents[1]
    about = client.get("/a-propos").get_data(as_text=True)
    assert "hors du filtre" in about and "cinquième des partenariats" in about and "Belfort coopération" in about
    for doc in ("README.md", "docs/api.md"):
        text = " ".join((root / doc).read_text("utf-8").split())
        assert "fifth of all partnerships" in text and "Belfort coopération" in text, doc
    assert "first page of those that have the words" not in (root / "docs/api.md").read_text("utf-8")


def test_the_vocabulary_s_second_step_gives_terms_the_query_does_not_read():
    # `ordinateurs` is read with `micro-ordinateurs` (its synonym): the second step gives what the vocabulary
    # ties to those, `informatique` among them; nothing the query reads already, nor the typed word
    terms = neighbour_terms(["ordinateurs"])
    assert "informatique" in terms and "ordinateurs" not in terms and terms == sorted(terms)
    assert neighbour_terms(["zzqx"]) == []


def test_completions_by_the_vocabulary_keep_the_search_s_order_skip_what_is_listed_and_say_their_term():
    asked = []

    explained = []

    def find(q):  # the scope's partnerships a search for the terms lists, best first, with their `explain`
        asked.append(q)
        said = {5: "informatique", 1: "imprimantes", 4: "informatique", 2: "Informatique"}

        def explain(d):
            explained.append(d)
            return {"own": {"words": [{"matches": [{"text": said[d]}]}]}}
        return [(d, lambda d=d: explain(d)) for d in (5, 1, 4, 2)]

    found, written = by_vocabulary(["ordinateurs"], find, matched={1}, room=2)
    assert [(c.docnum, c.term, c.like, c.domain) for c in found] == [(5, "informatique", None, None),
                                                                     (4, "informatique", None, None)]
    assert written == ["informatique"]  # only the terms of what is listed
    assert explained == [5, 4]  # only what is taken is explained: not 1 (listed already), nor 2 (no room)
    assert " OR " in asked[0] and "informatique" in asked[0]
    assert by_vocabulary(["ordinateurs"], find, matched=set(), room=0) == ([], [])
    assert by_vocabulary(["zzqx"], find, matched=set(), room=5) == ([], [])


def test_the_terms_search_explains_only_the_partnerships_it_completes_with(index_dir, monkeypatch):
    # the terms' search lists up to a page, most of it often listed already: only those taken are explained (their
    # term is read from it), not the whole page (ordinateurs in Mali: 10 explained for 1 taken)
    explained, real = [], search_module.explain_result
    monkeypatch.setattr(search_module, "explain_result", lambda *a, **k: explained.append(a[2]) or real(*a, **k))
    r = Engine(index_dir).search(SearchRequest(q="ordinateurs", filters={"country": ["Mali"]}, per_page=10))
    near = [h["id"] for h in r["completions"] if h["completes_term"]]
    assert near and sorted(explained) == sorted(Engine(index_dir).state().docnum_of[i] for i in near)


def test_the_terms_search_answers_what_it_lists_and_makes_no_result_nor_other_count(index_dir, monkeypatch):
    # by_vocabulary's terms search reads only which partnerships it lists, and their explain: it makes none of them
    # a result (title, parties, dates) and counts no other kind, even when it lists nothing (round 55, S9)
    made, counted, real_result, real_listings = [], [], results_module._result, search_module._listings
    monkeypatch.setattr(results_module, "_result", lambda st, d, *a, **k: made.append(d) or real_result(st, d, *a, **k))
    monkeypatch.setattr(search_module, "_listings", lambda *a, **k: counted.append(a[1].q) or real_listings(*a, **k))
    engine = Engine(index_dir)
    st = engine.state()
    r = engine.search(SearchRequest(q="ordinateurs", filters={"country": ["Mali"]}, per_page=10))
    assert any(h["completes_term"] for h in r["completions"])
    assert sorted(made) == sorted(st.docnum_of[h["id"]] for h in r["results"] + r["completions"])
    assert counted == ["ordinateurs"]  # the search's own count of the other kind only
    for q in ("informatique OR imprimantes", "zzqx"):
        req = SearchRequest(q=q, filters={"country": ["Mali"]}, per_page=10, facets=False, snippets=False)
        made.clear(), counted.clear()
        got = search_module.search(st, req, explainer=True)
        assert set(got) == {"listed", "explained"} and not made and not counted and (got["listed"] or q == "zzqx")
        assert got["listed"] == [st.docnum_of[h["id"]] for h in search_module.search(st, req)["results"]]
    assert got["listed"] == [] and counted  # (a plain search that lists nothing counts the other kind)


def test_a_short_filtered_listing_is_completed_first_by_partnerships_writing_a_term_of_the_vocabulary(index_dir):
    mali = {"country": ["Mali"]}
    r = _search(index_dir, "ordinateurs", mali)
    off = _search(index_dir, "ordinateurs", mali, dataclasses.replace(ranking_profile.current(),
                                                                         fill_vocabulary=False))
    assert [h["id"] for h in r["results"]] == [h["id"] for h in off["results"]] and r["total"] < 10
    near = [h for h in r["completions"] if h["completes_term"]]
    assert near and r["completions"][:len(near)] == near  # before the others
    assert all(h["completes_term"] in neighbour_terms(["ordinateurs"]) and "Mali" in h["countries"] for h in near)
    assert not {h["id"] for h in near} & {h["id"] for h in r["results"]}
    assert len(r["completions"]) == len(off["completions"]) == 10 - r["total"]
    assert not any(h["completes_term"] for h in off["completions"])
    assert [h["id"] for h in r["completions"]] != [h["id"] for h in off["completions"]]
    assert any(f"« {near[0]['completes_term']} »" in n and "vocabulaire" in n for n in r["query"]["notices"])
    assert not any("vocabulaire" in n for n in off["query"]["notices"])
    # the terms' search ranks by relevance whatever the listing's order (a year or name sort)
    with ranking_profile.use_profile(ranking_profile.current()):
        by_name = Engine(index_dir).search(SearchRequest(q="ordinateurs", filters=mali, per_page=100, sort="name"))
    assert [h["id"] for h in by_name["completions"] if h["completes_term"]] == [h["id"] for h in near]


def test_the_page_says_which_term_of_the_vocabulary_a_completion_writes(client):
    data = client.get("/api/search", query_string={"q": "artisans", "region": "Kayes"}).get_json()
    near = [h for h in data["completions"] if h["completes_term"]]
    assert near and len(near) < len(data["completions"])  # then those most like the results
    html = client.get("/", query_string={"q": "artisans", "region": "Kayes"}).get_data(as_text=True)
    assert fr("Pour compléter : ceux dont les textes emploient un terme que le vocabulaire rattache à ces mots, puis "
              "les plus proches de ces résultats") in html
    after = html[html.index(f'data-id="{near[0]["id"]}"'):]
    assert fr(f"Emploie « {near[0]['completes_term']} », terme que le vocabulaire rattache aux mots cherchés") in after
    # the notices in the order of the list: those by the vocabulary first, then « Puis » the others
    notices = data["query"]["notices"]
    assert len(notices) == 2 and "vocabulaire" in notices[0] and notices[1].startswith("Puis les partenariats")
    assert notices[0].startswith("Moins de 10 résultats avec ces mots : suivent les partenariats de ce filtre dont")
    assert "Avant eux" not in html and "qui écrivent" not in html
    assert html.index("vocabulaire rattache à ces mots (") < html.index("Puis les partenariats de ce filtre dont")


@pytest.mark.parametrize("word, phrase, stray", [
    ("maraîchage", "cultures maraîchères", "culturel"),  # cultures -> culturel
    ("agriculture", "cultures vivrières", "culturel"),
])
def test_a_phrase_of_the_vocabulary_gives_its_own_expansions_not_its_words_ones(word, phrase, stray):
    # the phrase is among the word's expansions, and the stray word is of the family of one of its words:
    # what reading the phrase word by word would give (QA r48, review 3, H1)
    assert phrase in {alt for _, _, alts in find_graded_expansions([word]) for alt, _ in alts} | \
        {alt for w in family_of(word) for _, _, alts in find_graded_expansions([w]) for alt, _ in alts}
    assert stray in {f for w in phrase.split() for f in family_of(w)}
    assert stray not in neighbour_terms([word])
    for term in ("solidarité", "informatisation"):  # voyages solidaires, ordinateur braille
        assert term not in neighbour_terms(["tourisme"]) + neighbour_terms(["handicapés"])


def test_a_completion_writing_its_term_otherwise_says_the_term():
    # the index finds `imprimantes` written « Imprimante », `informatique` « informatiques » (QA r48, review 3, M1)
    said = {5: "Imprimante", 4: "informatiques"}

    def find(q):
        return [(d, lambda d=d: {"action": {"own": {"words": [{"matches": [{"text": said[d]}]}]}}}) for d in (5, 4)]

    found, written = by_vocabulary(["ordinateurs"], find, matched=set(), room=5)
    assert [(c.docnum, c.term) for c in found] == [(5, "imprimantes"), (4, "informatique")]
    assert written == ["imprimantes", "informatique"]


def test_a_completion_by_the_vocabulary_of_no_told_term_names_no_empty_domain(client, monkeypatch):
    def termless(*args):
        found, _ = by_vocabulary(*args)
        return [c._replace(term=None) for c in found], []
    monkeypatch.setattr(search_module, "by_vocabulary", termless)
    data = client.get("/api/search", query_string={"q": "artisans", "region": "Kayes"}).get_json()
    assert data["completions"] and not data["completions"][0]["completes_domain"]
    assert not data["completions"][0]["similar_to"]
    html = client.get("/", query_string={"q": "artisans", "region": "Kayes"}).get_data(as_text=True)
    assert fr("du domaine «  »") not in html and "domaine « »" not in html
    assert fr("Pour compléter : ceux dont les textes emploient un terme que le vocabulaire rattache à ces mots, puis "
              "les plus proches de ces résultats") in html


@pytest.mark.parametrize("q, typed, filters", [("ordinateurs", "region:Tombouctou", {"region": "Tombouctou"})])
def test_a_prefix_typed_in_the_query_scopes_the_vocabulary_s_search_as_its_parameter_does(client, q, typed, filters):
    # QA r48, review 3, M2: the terms' search kept only the parameters, and its first ten, from all the
    # corpus, mostly fell outside the typed region
    as_typed = client.get("/api/search", query_string={"q": f"{q} {typed}"}).get_json()
    as_param = client.get("/api/search", query_string={"q": q, **filters}).get_json()
    near = [h["id"] for h in as_param["completions"] if h["completes_term"]]
    assert near and [h["id"] for h in as_typed["completions"] if h["completes_term"]] == near


def test_the_terms_search_asks_for_no_completions_of_its_own(engine, monkeypatch):
    # the search by_vocabulary runs for the terms is told so (SearchRequest.completions=False), not by a
    # context variable that each completing search checked: one listing, one completing
    calls = []
    real = search_module._completions
    monkeypatch.setattr(search_module, "_completions", lambda *a: calls.append(a[1]) or real(*a))
    r = engine.search(SearchRequest(q="artisans", filters={"region": ["Kayes"]}))
    assert any(h["completes_term"] for h in r["completions"])
    assert [req.q for req in calls] == ["artisans"]


def test_a_prefix_or_ed_with_words_scopes_the_completions_by_the_vocabulary_too(engine):
    # `artisans OR region:Kayes` filters by Kayes (build_query) though typed_prefixes does not type it back: the
    # terms' search reaches outside Kayes, and what it finds there is left out (search._listed_for filters again)
    r = engine.search(SearchRequest(q="artisans OR region:Kayes"))
    assert r["total"] and {h["region"] for h in r["results"]} == {"Kayes"}
    assert any(h["completes_term"] for h in r["completions"])
    assert {h["region"] for h in r["completions"]} == {"Kayes"}
