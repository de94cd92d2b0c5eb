"""`repertoires search` refuses a single option given twice, as /api/search refuses the parameter
(QA r44, audit 8, #7): `--sort name --sort year_desc` sorted by the last, `--page 1 --page 2`
showed page 2, where the API answers 400 repeated_parameter and the help says the options are read
as its parameters."""
from __future__ import annotations

import json

import pytest

from repertoires.cli import main


@pytest.mark.parametrize("argv, query", [
    (["--sort", "name", "--sort", "year_desc"], [("sort", "name"), ("sort", "year_desc")]),
    (["--page", "1", "--page", "2"], [("page", "1"), ("page", "2")]),
    (["--per-page", "5", "--per-page", "5"], [("per_page", "5"), ("per_page", "5")]),
    (["--type", "action", "--type", "partnership"], [("type", "action"), ("type", "partnership")]),
])
def test_a_single_option_twice_is_the_apis_repeated_parameter(index_dir, client, capsys, argv, query):
    api = client.get("/api/search", query_string=[("q", "eau"), *query])
    assert api.status_code == 400
    assert main(["search", "--index", str(index_dir), "eau", *argv, "--json"]) == 2
    assert json.loads(capsys.readouterr().out) == api.get_json()


def test_options_given_once_still_search(index_dir, capsys):
    argv = ["eau", "--sort", "year_desc", "--per-page", "2", "--type", "action", "--year-from", "2000", "--json"]
    assert main(["search", "--index", str(index_dir), *argv]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["query"]["sort"], data["per_page"], data["query"]["type"], len(data["results"])) == (
        "year_desc", 2, "action", 2)
