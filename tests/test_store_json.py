"""The generation's JSON files: `write_json` writes what `json.dump` writes."""
from __future__ import annotations

import json

from indexer.store import write_json


def test_write_json_text_is_json_dumps(tmp_path):
    data = {"partnerships": [{"title": "Ségou – Angers", "years": [1989, 2008], "budget": 1.5e6,
                              "notes": None, "ok": True, "quote": "l’eau \"potable\"\n\t", "emoji": "\u2603"}],
            "empty": {}, "list": [[], [0.1, -2, 3.0]]}
    path = tmp_path / "records.json"
    write_json(path, data)
    with open(tmp_path / "reference.json", "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
    assert path.read_bytes() == (tmp_path / "reference.json").read_bytes()
    assert json.loads(path.read_text(encoding="utf-8")) == data
    assert not list(tmp_path.glob("*.tmp"))
