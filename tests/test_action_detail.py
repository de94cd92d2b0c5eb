"""An action's `detail` is its partnership's (`sheet` or `listed`), in its result, the `detail`
facet, its record and the filter alike (QA r44, audit 8, #3): results said `sheet`, the facet
`action` (undocumented; `detail=sheet` listed no action) and /api/actions/<id> nothing."""
from __future__ import annotations

import json

DOCUMENTED = {"sheet", "listed"}


def test_the_facet_results_and_filter_agree_for_actions(client):
    data = client.get("/api/search?q=eau&type=action&per_page=100").get_json()
    facet = {it["value"]: it["count"] for it in data["facets"]["detail"]}
    assert set(facet) <= DOCUMENTED and sum(facet.values()) == data["total"]
    assert {hit["detail"] for hit in data["results"]} <= set(facet)
    for value, count in facet.items():
        chosen = client.get(f"/api/search?q=eau&type=action&detail={value}").get_json()
        assert chosen["total"] == count
    assert client.get("/api/search?q=eau&type=action&detail=action").status_code == 400


def test_a_sheet_s_actions_stay_under_it_when_filtered(client):
    """`detail=sheet` keeps the actions nested under the partnerships it lists."""
    every = client.get("/api/search?q=eau&per_page=10").get_json()["results"]
    sheets = client.get("/api/search?q=eau&per_page=10&detail=sheet").get_json()["results"]
    nested = {h["id"]: h["actions_total"] for h in every if h["detail"] == "sheet"}
    assert nested and all(nested[h["id"]] == h["actions_total"] for h in sheets if h["id"] in nested)


def test_the_record_has_its_partnership_s_detail(client):
    hit = client.get("/api/search?q=eau&type=action&per_page=1").get_json()["results"][0]
    record = client.get(f"/api/actions/{hit['id']}").get_json()
    assert record["detail"] == hit["detail"] in DOCUMENTED
    nested = client.get(f"/api/partnerships/{hit['partnership_id']}").get_json()["actions"]
    assert {a["detail"] for a in nested} == {hit["detail"]}


def test_the_json_lines_of_actions_have_it(client):
    lines = client.get("/api/search.jsonl?q=eau&type=action&rows=action&per_page=3").get_data(as_text=True)
    assert [json.loads(line)["detail"] in DOCUMENTED for line in lines.splitlines()] == [True] * 3


def test_the_index_gives_each_action_record_its_partnership_s_detail(engine):
    """Computed once, when the index is built (indexer/build.py; schema 9): the result, the page, the
    API and the export each added it to the action again (views.with_detail, engine/search.py)."""
    state = engine.state()
    pids = {a["partnership_id"] for a in state.actions.values()}
    assert pids and all(a["detail"] == state.partnerships[a["partnership_id"]]["detail"]
                        for a in state.actions.values())
    assert {a["detail"] for a in state.actions.values()} <= DOCUMENTED


def test_an_action_s_json_line_says_its_detail_after_its_partnership_s_title(client):
    lines = client.get("/api/search.jsonl?q=eau&type=action&rows=action&per_page=3").get_data(as_text=True)
    keys = list(json.loads(lines.splitlines()[0]))
    assert keys[-4:] == ["partnership_title", "detail", "url", "score"]


def test_an_index_s_action_records_are_read_back_as_actions(index_dir):
    """benchmarks/replicate.py builds the scale benchmark's index from an index's records
    (records.action_from_dict): the `detail` the build adds to an action's record (schema 9) is no
    field of Action, and every scale build stopped on « unexpected keyword argument 'detail' »."""
    from benchmarks.replicate import load_records
    from indexer.records import action_from_dict

    _, actions = load_records(index_dir)
    read = [action_from_dict(a) for a in actions]
    assert read and [dict(a.to_dict(), detail=r["detail"]) for a, r in zip(read, actions, strict=True)] == actions
