"""The fill of a short place + topic page (`assainissement Kayes`: six sheets have both words, then the
records of Kayes lacking « assainissement ») lists first those the repertoire files under the topic's
domain (« Eau et assainissement »), then the others: four bare list entries (a twinning named in a list:
no text, no year, no domain) ranked above water sheets of Kayes, their few words outscoring the sheets'
by length (UX r56 #5)."""
import dataclasses

from engine import SearchRequest, ranking_profile

WATER = {"draveil--sandare", "la-verriere--diabigue", "saint-denis--djeloubou-karokoro-et-sahel"}
LISTED = {"vezeronce-curtin--logo", "cr-bretagne--cr-kayes", "cg-hauts-de-seine--cr-kayes",
          "communaute-de-communes-asterienne-isle-et-vern--djelebou-karakoro-et-sahel"}


def _ids(engine, q: str) -> list[str]:
    return [h["id"] for h in engine.search(SearchRequest(q=q, per_page=100, facets=False))["results"]]


def _off():
    return ranking_profile.use_profile(dataclasses.replace(ranking_profile.current(), tail_off_domain=1.0))


def test_the_place_s_sheets_filed_under_the_topic_come_before_bare_list_entries(engine):
    ids = _ids(engine, "assainissement Kayes")
    assert max(ids.index(i) for i in WATER) < min(ids.index(i) for i in LISTED)
    with _off():
        off = _ids(engine, "assainissement Kayes")
    assert set(off) == set(ids)  # the same records, another order
    assert max(off.index(i) for i in WATER) > min(off.index(i) for i in LISTED)


def test_the_full_matches_keep_their_order(engine):
    explained = engine.search(SearchRequest(q="assainissement Kayes", per_page=100, facets=False, explain=True))
    whole = [h["id"] for h in explained["results"] if h["explain"]["own"]["coverage"] == 1.0]
    with _off():
        off = _ids(engine, "assainissement Kayes")
    assert whole and [i for i in off if i in whole] == whole


def test_a_query_naming_no_place_is_not_reordered(engine):
    r = engine.search(SearchRequest(q="latrines bibliothèque", per_page=100, facets=False))
    assert r["query"]["partial_matches"]  # a filled page: its records lacking a word are not reordered
    with _off():
        assert _ids(engine, "latrines bibliothèque") == [h["id"] for h in r["results"]]


def test_the_explanation_says_the_share(engine):
    r = engine.search(SearchRequest(q="assainissement Kayes", per_page=100, facets=False, explain=True))
    own = {h["id"]: h["explain"]["own"] for h in r["results"]}
    share = ranking_profile.current().tail_off_domain
    assert own["vezeronce-curtin--logo"]["off_domain"] == share and "off_domain" not in own["draveil--sandare"]
    e = own["vezeronce-curtin--logo"]
    assert abs(e["score"] - (e["words_score"] + e["proximity"] + e["name"]) * share) < 2e-3
