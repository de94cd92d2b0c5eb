"""The any-word fallback of a place + topic query, kept in the place (`maraîchage Tlemcen`: no record of Tlemcen
says « maraîchage »), orders its records as a short page's fill orders its tail (tests/test_partial_tail.py): every
record listed has the place and lacks the topic, so the one the repertoire files under the topic's domain
(« Agriculture et développement rural »: the Bas-Rhin's sheet) comes before bare list entries of Tlemcen, which
their few words ranked first by length (round 56, T6)."""
import dataclasses

from engine import SearchRequest, ranking_profile

FILED = "cg-bas-rhin--w-tlemcen"


def _search(engine, q: str, explain: bool = False) -> dict:
    return engine.search(SearchRequest(q=q, per_page=100, facets=False, explain=explain))


def _ids(engine, q: str) -> list[str]:
    return [h["id"] for h in _search(engine, q)["results"]]


def _off():
    return ranking_profile.use_profile(dataclasses.replace(ranking_profile.current(), tail_off_domain=1.0))


def test_the_place_s_sheet_filed_under_the_topic_comes_first_in_the_fallback(engine):
    r = _search(engine, "maraîchage Tlemcen")
    assert r["query"]["fallback_any_word"] and "du lieu « Tlemcen »" in r["query"]["notices"][0]
    ids = [h["id"] for h in r["results"]]
    assert ids[0] == FILED
    with _off():
        off = _ids(engine, "maraîchage Tlemcen")
    assert set(off) == set(ids) and off.index(FILED) > 3  # the same records, another order


def test_a_topic_naming_a_domain_no_record_of_the_place_is_filed_under_keeps_its_order(engine):
    ids = _ids(engine, "électrification Tlemcen")  # « Énergie »: every record halved alike
    with _off():
        assert _ids(engine, "électrification Tlemcen") == ids


def test_a_fallback_not_kept_in_the_place_is_not_reordered(engine):
    """Not kept in the place (here: `place_fills` off), the fallback mixes records having the topic and records
    having the place: ranking the place's records by the topic's domain there would be another rule."""
    unfilled = dataclasses.replace(ranking_profile.current(), place_fills=False)
    with ranking_profile.use_profile(unfilled):
        r = _search(engine, "maraîchage Tlemcen")
    ids = [h["id"] for h in r["results"]]
    assert r["query"]["fallback_any_word"] and "lieu" not in r["query"]["notices"][0] and FILED in ids
    with ranking_profile.use_profile(dataclasses.replace(unfilled, tail_off_domain=1.0)):
        assert _ids(engine, "maraîchage Tlemcen") == ids


def test_the_explanation_says_the_share_in_the_fallback(engine):
    own = {h["id"]: h["explain"]["own"] for h in _search(engine, "maraîchage Tlemcen", explain=True)["results"]}
    share = ranking_profile.current().tail_off_domain
    assert own["strasbourg--tlemcen"]["off_domain"] == share and "off_domain" not in own[FILED]
    e = own["strasbourg--tlemcen"]
    assert abs(e["score"] - (e["words_score"] + e["proximity"] + e["name"]) * share) < 2e-3
