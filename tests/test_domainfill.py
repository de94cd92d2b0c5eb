"""A filtered listing of less than a page is completed from the domain the query's words name
(engine/domainfill.py): after every result with the words, within the filter, up to a page."""
from __future__ import annotations

import dataclasses

from engine import Engine, SearchRequest, ranking_profile
from engine.domainfill import completions
from engine.facets import FacetBits, Selection

AGRI, SANTE = "Agriculture et développement rural", "Santé"


def _bits() -> FacetBits:
    # partnerships 0-4, actions 5-8 (5, 6 of partnership 2; 7 of partnership 3; 8 of partnership 4)
    return FacetBits(9, {"domain": {AGRI: [1, 2, 3, 5, 6, 7], SANTE: [4, 8]},
                         "region": {"Kayes": [0, 1, 2, 5, 6], "Mopti": [3, 4, 7, 8]}})


OWNER = [0, 1, 2, 3, 4, 2, 2, 3, 4]  # each document's partnership


def _fill(words, selection, matched, page=10):
    return completions(words, selection, _bits(), matched, len(matched), OWNER, page)


def test_the_scope_s_partnerships_of_the_words_domain_follow_most_central_first():
    found, notice = _fill(["élevage"], Selection({"region": {"Kayes"}}), {0})
    # 2 has two agricultural actions, 1 none; 3 is agricultural but in Mopti; 0 is listed already
    assert found == [(2, AGRI, [5, 6]), (1, AGRI, [])]
    assert notice and "« Agriculture et développement rural »" in notice and "Moins de 10 résultats" in notice


def test_no_completion_for_a_full_page_a_word_of_no_domain_or_nothing_left():
    assert _fill(["élevage"], Selection({"region": {"Kayes"}}), {0, 3, 4}, page=3) == ([], None)
    assert _fill(["ordinateurs"], Selection({"region": {"Kayes"}}), {0}) == ([], None)
    assert _fill(["élevage"], Selection({"region": {"Kayes"}}), {0, 1, 2}) == ([], None)


def test_the_completions_stop_at_a_page():
    found, _ = _fill(["élevage"], Selection({"region": {"Kayes"}}), {0}, page=2)
    assert [d for d, _, _ in found] == [2]


def _search(index_dir, q, filters, profile=None):
    with ranking_profile.use_profile(profile or ranking_profile.current()):
        return Engine(index_dir).search(SearchRequest(q=q, filters=filters, per_page=100, explain=True))


def test_a_narrow_filtered_search_is_completed_from_the_domain_apart_from_its_results(index_dir):
    kayes = {"region": ["Kayes"]}
    r = _search(index_dir, "élevage", kayes)
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
    first = data["completions"][0]["id"]
    assert html.index("Pour compléter") < html.index(f'data-id="{first}"')
    assert html.index(f'data-id="{data["results"][-1]["id"]}"') < html.index("Pour compléter")


def test_the_cli_prints_the_completions():
    import io

    from repertoires.cli import print_results

    out = io.StringIO()
    hit = {"title": "Roncq – Sélinkégny", "completes_domain": AGRI, "id": "roncq--selinkegny",
           "actions": [{"title": "Construction d'un parc de vaccination pour les animaux"}]}
    print_results({"total": 0, "took_ms": 1, "query": {"q": "élevage", "notices": []}, "page": 1, "per_page": 20,
                   "results": [], "completions": [hit]}, out)
    text = out.getvalue()
    assert "Pour compléter (1)" in text and f"[{AGRI}]" in text and "parc de vaccination" in text


def test_words_of_no_domain_take_the_domain_of_their_actions():
    # `ordinateurs` names no domain: its actions in the filter (7, agricultural) say which
    found, notice = completions(["ordinateurs"], Selection({"region": {"Mopti"}}), _bits(), {4}, 1, OWNER,
                                10, matched_actions=[7])
    assert found == [(3, AGRI, [7])]
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
