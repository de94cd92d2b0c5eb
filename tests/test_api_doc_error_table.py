"""docs/api.md's error table names every parameter the API refuses twice (review 3, #5): its
`repeated_parameter` row left out `type`, refused twice since it became a single parameter."""
from __future__ import annotations

import re
from pathlib import Path

from search_app.params import once

DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"


def test_the_repeated_parameter_row_names_every_parameter_given_once():
    row = next(line for line in DOC.read_text("utf-8").splitlines() if line.startswith("| `repeated_parameter` |"))
    named = re.findall(r"`(\w+)`", row.split("|")[2])
    assert sorted(named) == sorted(once())
