"""docs/api.md's error table names every parameter the API refuses twice (review 3, #5): its
`repeated_parameter` row left out `type`, refused twice since it became a single parameter, then the
exports' `all`, `rows`, `sep`; its `unknown_facet_value` row left out `french`, and the table two
codes of the OpenAPI's `Error.code` (QA r44, audit 10, defect 3)."""
from __future__ import annotations

import json
import re
from pathlib import Path

from indexer.facet_registry import registry
from search_app.exports import CSV_PARAMS
from search_app.params import once

DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"
OPENAPI = Path(__file__).resolve().parents[1] / "search_app" / "openapi.json"


def row(code: str) -> str:
    """The `When` cell of the table's row for `code`."""
    lines = DOC.read_text("utf-8").splitlines()
    return next(line for line in lines if line.startswith(f"| `{code}` |")).split("|")[2]


def test_the_repeated_parameter_row_names_every_parameter_given_once():
    named = re.findall(r"`(\w+)`", row("repeated_parameter"))
    assert sorted(named) == sorted(once() + CSV_PARAMS)


def test_the_unknown_value_row_names_every_facet_checked_against_the_corpus():
    named = re.findall(r"`(\w+)`", row("unknown_facet_value"))
    assert sorted(named) == sorted(f.name for f in registry() if f.from_index)


def test_the_table_lists_every_code_of_the_openapi():
    schema = json.loads(OPENAPI.read_text("utf-8"))["components"]["schemas"]["Error"]
    codes = schema["properties"]["error"]["properties"]["code"]["enum"]
    assert [c for c in codes if not re.search(rf"^\| `{c}` \|", DOC.read_text("utf-8"), re.MULTILINE)] == []
