"""A prefix followed by nothing (`q=pays:`, `q=domaine:"eau pays:`, states a box typed letter by
letter sends): the page, the API, its exports and `repertoires search` read it alike, the prefix
ignored with a notice. The page answered 200 with the notice where the API and the CLI refused it
(400 empty_field_prefix): one query, several readings (QA r44, audit 8, #12; review 2 of r52, L2)."""
from __future__ import annotations

import json
from html import unescape
from pathlib import Path

import pytest

from repertoires.cli import main

DOCS = Path(__file__).resolve().parents[1] / "docs" / "api.md"
NOTICE = "Le préfixe « pays: » n'est suivi de rien : il a été ignoré."
# each typed state with the query it is read as (the empty prefix dropped)
STATES = [("pays:", ""), ('domaine:"eau pays:', "domaine:eau"), ("eau pays:", "eau"), ("pays: eau", "eau")]


def _page_text(resp) -> str:
    return unescape(resp.get_data(as_text=True)).replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.parametrize("typed, read", STATES)
def test_the_api_lists_what_the_query_without_the_prefix_lists_with_the_notice(client, typed, read):
    got = client.get("/api/search", query_string={"q": typed, "per_page": 5})
    assert got.status_code == 200
    plain = client.get("/api/search", query_string={"q": read, "per_page": 5}).get_json()
    body = got.get_json()
    assert body["total"] == plain["total"] > 0
    assert [r["id"] for r in body["results"]] == [r["id"] for r in plain["results"]]
    assert NOTICE in body["query"]["notices"]


@pytest.mark.parametrize("typed, read", STATES[:2])
def test_the_exports_answer_it_too(client, typed, read):
    for path in ("/api/search.csv", "/api/search.jsonl"):
        got = client.get(path, query_string={"q": typed})
        assert got.status_code == 200, path
        assert got.get_data() == client.get(path, query_string={"q": read}).get_data(), path


@pytest.mark.parametrize("typed, read", STATES[:2])
def test_the_page_says_the_same_notice(client, typed, read):
    resp = client.get("/", query_string={"q": typed})
    assert resp.status_code == 200
    assert NOTICE in _page_text(resp)


@pytest.mark.parametrize("typed, read", STATES[:2])
def test_the_cli_lists_what_the_api_lists(index_dir, client, capsys, typed, read):
    code = main(["search", "--index", str(index_dir), typed, "--json", "--per-page", "5"])
    out = capsys.readouterr()
    assert code == 0 and out.err == ""
    cli = json.loads(out.out)
    api = client.get("/api/search", query_string={"q": typed, "per_page": 5}).get_json()
    assert (cli["total"], cli["query"]["notices"]) == (api["total"], api["query"]["notices"])
    assert NOTICE in cli["query"]["notices"]


def test_the_docs_say_every_format_reads_it_alike():
    text = " ".join(DOCS.read_text(encoding="utf-8").split())
    said = f"is ignored, with the notice « {NOTICE} », by the API, the exports, the page and `repertoires search` alike"
    assert said in text
    assert "| `empty_field_prefix` |" not in text


def test_a_value_whose_quote_is_left_open_is_no_empty_prefix(client):
    """`pays:"Maroc` lost its quote, then `pays:` was empty and the API refused a value it had been given."""
    typed = client.get('/api/search?q=pays:"Maroc&per_page=1').get_json()
    assert typed["total"] == client.get("/api/search?q=pays:Maroc&per_page=1").get_json()["total"] > 0
    assert "Guillemet non fermé : la valeur est lue jusqu'à la fin de la requête." in typed["query"]["notices"]
    assert NOTICE not in typed["query"]["notices"]
