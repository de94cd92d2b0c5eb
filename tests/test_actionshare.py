"""What actions and partnerships lend each other's score (engine/actionshare.py).

A year filter selects the partnerships active that year; their matching actions of other years
still say what they are about and rank them, at the profile's `other_year_action`, while the
actions listed under each result stay those of the year. In an action listing, an action gets the
profile's `action_context` share of its partnership's own score."""
import dataclasses
import json

import pytest

from engine import Engine, SearchRequest, ranking_profile
from engine.facets import Selection
from repertoires.cli import main

QUERY = "centre de santé"


def _run(index_dir, profile=None, q=QUERY, filters=None, **kw):
    with ranking_profile.use_profile(profile or ranking_profile.current()):
        eng = Engine(index_dir)
        r = eng.search(SearchRequest(q=q, filters={"year": [2005]} if filters is None else filters,
                                     per_page=100, explain=True, **kw))
    return eng, {h["id"]: h for h in r["results"]}


def _other_year(hits: dict) -> set[str]:
    return {pid for pid, h in hits.items() if "other_year" in (h["explain"].get("action") or {})}


def test_a_selection_without_its_years_keeps_every_other_filter():
    s = Selection(values={"year": {2005}, "country": {"Mali"}}, year_from=2001, year_to=2006,
                  required={"year": {2004}, "domain": {"Santé"}}, excluded={"year": {2003}})
    assert s.has_years
    loose = s.without_years()
    assert loose.values == {"country": {"Mali"}} and loose.required == {"domain": {"Santé"}}
    assert loose.excluded == {"year": {2003}}  # an excluded year still excludes
    assert not loose.has_years and loose.active == ["country"]
    assert not Selection(values={"country": {"Mali"}}).has_years
    assert Selection(values={}, year_to=2000).has_years
    assert Selection(values={}, required={"year": {2004}}).has_years


def test_a_year_filter_ranks_by_the_matching_actions_of_other_years_too(index_dir):
    p = ranking_profile.current()
    assert 0 < p.other_year_action < 1
    eng, hits = _run(index_dir)
    raised = _other_year(hits)
    assert raised  # partnerships active in 2005 whose health centre is dated otherwise
    for pid in raised:
        a = hits[pid]["explain"]["action"]
        assert a["other_year"] == p.other_year_action
        assert 2005 not in eng.action(a["id"])["years"]
        assert a["added"] == pytest.approx(p.action_share * p.other_year_action * a["score"], rel=1e-3)
    for h in hits.values():
        # the actions listed under a result are those of the year
        assert all(2005 in eng.action(x["id"])["years"] for x in h.get("actions", [])), h["id"]
        a = h["explain"].get("action")
        if a and "other_year" not in a:
            assert 2005 in eng.action(a["id"])["years"]
    # without the rule the same partnerships are listed, those raised by it lower
    _, before = _run(index_dir, dataclasses.replace(p, other_year_action=0.0))
    assert before.keys() == hits.keys() and not _other_year(before)
    for pid in raised:
        assert hits[pid]["score"] > before[pid]["score"], pid
    for pid in hits.keys() - raised:
        assert hits[pid]["score"] == pytest.approx(before[pid]["score"], rel=1e-6), pid


def test_the_other_years_actions_pass_every_other_filter(index_dir):
    eng, hits = _run(index_dir, filters={"year": [2005], "domain": ["Santé"]})
    raised = _other_year(hits)
    assert raised
    for pid in raised:
        assert "Santé" in eng.action(hits[pid]["explain"]["action"]["id"])["domains"], pid


def test_a_year_range_or_prefix_counts_the_other_years_alike(index_dir):
    _, facet = _run(index_dir)
    _, ranged = _run(index_dir, filters={}, year_from=2005, year_to=2005)
    _, prefixed = _run(index_dir, q=QUERY + " annee:2005", filters={})
    for other in (ranged, prefixed):
        assert list(other) == list(facet)
        assert _other_year(other) == _other_year(facet)


def test_no_other_year_without_a_year_filter(index_dir):
    for filters in ({}, {"country": ["Mali"]}, {"domain": ["Santé"]}):
        _, hits = _run(index_dir, filters=filters)
        assert hits and not _other_year(hits), filters


def test_the_api_and_the_cli_say_when_an_action_is_of_another_year(client, check_search_contract, index_dir, capsys):
    data = client.get("/api/search", query_string={"q": QUERY, "year": "2005", "explain": "1",
                                                    "per_page": 30}).get_json()
    check_search_contract(data)
    assert any("other_year" in (h["explain"].get("action") or {}) for h in data["results"])
    assert main(["search", QUERY, "--year", "2005", "--explain", "--per-page", "30", "--index", str(index_dir)]) == 0
    share = str(ranking_profile.current().other_year_action).replace(".", ",")
    assert f"× {share} (d'une autre année)" in capsys.readouterr().out
    assert main(["search", QUERY, "--year", "2005", "--explain", "--json", "--index", str(index_dir)]) == 0
    assert _other_year({h["id"]: h for h in json.loads(capsys.readouterr().out)["results"]})


def _actions(index_dir, profile=None, q="forage", **kw):
    return _run(index_dir, profile, q=q, filters={"type": ["action"], **kw.pop("filters", {})}, **kw)


def test_an_action_gets_a_share_of_its_partnerships_own_score(index_dir):
    p = ranking_profile.current()
    assert 0 < p.action_context < 1
    eng, hits = _actions(index_dir)
    assert hits and all("partnership" in h["explain"] for h in hits.values())
    _, alone = _actions(index_dir, dataclasses.replace(p, action_context=0.0))
    assert alone.keys() == hits.keys() and not any("partnership" in h["explain"] for h in alone.values())
    # the partnership's own score, as a partnership listing explains it
    listed = eng.search(SearchRequest(q="forage", per_page=100, explain=True))["results"]
    own = {x["id"]: x["explain"]["own"]["score"] for x in listed if x["explain"]["own"]}
    for aid, h in hits.items():
        part = h["explain"]["partnership"]
        assert aid.startswith(part["id"] + "--") and part["share"] == p.action_context
        assert h["score"] == pytest.approx(alone[aid]["score"] + p.action_context * part["score"], rel=1e-3), aid
        assert part["score"] == pytest.approx(own[part["id"]], rel=1e-3), aid


def test_the_action_listing_is_ordered_by_the_scores_with_what_was_lent(index_dir):
    _, hits = _actions(index_dir)
    scores = [h["score"] for h in hits.values()]
    assert scores == sorted(scores, reverse=True)
    _, alone = _actions(index_dir, dataclasses.replace(ranking_profile.current(), action_context=0.0))
    assert list(hits) != list(alone)  # the partnerships' scores reorder some actions
    # a partnership listing lends nothing to its results: they are partnerships
    _, parts = _run(index_dir, q="forage", filters={})
    assert parts and not any("partnership" in h["explain"] for h in parts.values())


def test_the_cli_shows_what_the_partnership_lent(index_dir, capsys):
    args = ["search", "forage", "--type", "action", "--explain", "--per-page", "5", "--index", str(index_dir)]
    assert main(args) == 0
    out = capsys.readouterr().out
    share = str(ranking_profile.current().action_context).replace(".", ",")
    assert "+ son partenariat " in out and f"× part {share} =" in out


def test_only_a_partnership_listing_adds_actions_to_partnerships(index_dir, monkeypatch):
    """An action listing (`type=action`) lists no partnership: search does not call add_actions for it
    (its answers were hashed the same before and after the gate moved to the call site); a partnership
    listing calls it once and gets best actions back."""
    import sys

    from engine import actionshare

    got: list[dict] = []

    def spy(*args, **kw):
        got.append(actionshare.add_actions(*args, **kw))
        return got[-1]
    monkeypatch.setattr(sys.modules["engine.search"], "add_actions", spy)
    eng = Engine(index_dir, caching=False)
    for q in (QUERY, "eau Kayes", "formation"):
        for f in ({"type": ["action"]}, {"type": ["action"], "year": [2005]}):
            out = eng.search(SearchRequest(q=q, filters=f, facets=False, completions=False))
            assert out["total"] and not got, (q, f)
        eng.search(SearchRequest(q=q, facets=False, completions=False))
        assert len(got) == 1 and got.pop(), q


def test_a_search_counting_for_another_joins_the_partnerships_of_its_actions_raising_none():
    """add_actions not `raised` (a search counting for another answers what it lists, not in which order)
    joins the partnerships found only through their actions as the listing's own search does, and raises
    none: it reads no best action."""
    from types import SimpleNamespace

    from engine.actionshare import add_actions
    from engine.ranking import Ranking

    docs = [SimpleNamespace(id=i, pid=i.split("--")[0]) for i in ("p1", "p1--a", "p2", "p2--a")]
    state = SimpleNamespace(docs=docs, parent_docnum=[None, 0, None, 2], docnum_of={"p1": 0, "p2": 2})
    ranking = Ranking({1: 2.0, 2: 1.0, 3: 3.0})  # p1 is found through its action only
    listed, counted = {2: 1.0}, {2: 1.0}
    best = add_actions(state, None, ranking, None, [1, 3], [1, 3], listed)
    assert add_actions(state, None, ranking, None, [1, 3], [1, 3], counted, raised=False) == {}
    assert counted.keys() == listed.keys() == {0, 2}
    assert counted == {0: 0.0, 2: 1.0} and set(best) == {"p1", "p2"} and listed[2] > 1.0
