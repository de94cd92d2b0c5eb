"""The document table: per index document, in document-number order, its id,
type, partnership id, sort key and facet values, which the engine loads whole
when it opens a generation.

It is written by columns (`doccolumns.json`: one list per field, and per facet
value the documents holding it) rather than one row per document (`docs.json`,
which an index built before still has and is read through the same columns):
the engine makes its facet bitsets from those lists, with no pass over every
document's values; rows cost a tenth of a second to open at 10x the corpus.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .store import DOC_COLUMNS, DOCS, write_json

FIELDS = ("id", "type", "pid", "sort_name")


@dataclass
class DocTable:
    ids: list[str]
    types: list[str]
    pids: list[str]
    sort_names: list[str]
    # facet -> value -> its documents (increasing, distinct); values in order of first appearance
    postings: dict[str, dict[Any, list[int]]]


def doc_table(rows: Iterable[tuple]) -> DocTable:
    """The table of rows (id, type, pid, sort_name, {facet: values})."""
    table = DocTable([], [], [], [], {})
    doc_facets = []
    for i, t, pid, sort_name, facets in rows:
        table.ids.append(i)
        table.types.append(t)
        table.pids.append(pid)
        table.sort_names.append(sort_name)
        doc_facets.append(facets)
    table.postings = postings_of(doc_facets)
    return table


def postings_of(doc_facets: Iterable[Mapping[str, Iterable]]) -> dict[str, dict[Any, list[int]]]:
    """facet -> value -> the documents holding it, of each document's {facet: values}."""
    postings: dict[str, dict[Any, list[int]]] = {}
    for d, facets in enumerate(doc_facets):
        for f, values in facets.items():
            per_value = postings.setdefault(f, {})
            for v in values:
                docs = per_value.setdefault(v, [])
                if not docs or docs[-1] != d:  # a value twice in a document counts once
                    docs.append(d)
    return postings


def write_doc_table(path: Path, docs: list[dict]) -> None:
    """The columns of the index documents `docs` (indexer.documents) at `path`."""
    table = doc_table((d["id"], d["type"], d["pid"], d["sort_name"], d["facets"]) for d in docs)
    columns = dict(zip(FIELDS, (table.ids, table.types, table.pids, table.sort_names), strict=True))
    write_json(path, {**columns, "facets": {f: list(per_value.items()) for f, per_value in table.postings.items()}})


def read_doc_table(gen: Path) -> DocTable:
    """The table of generation `gen`, from its columns, else from the rows of an
    older build; ValueError (or the JSON and OS errors) when it is damaged."""
    path = gen / DOC_COLUMNS
    if not path.exists():
        return doc_table(json.loads((gen / DOCS).read_text(encoding="utf-8")))
    data = json.loads(path.read_text(encoding="utf-8"))
    ids, types, pids, sort_names = (data[f] for f in FIELDS)
    n = len(ids)
    postings = {f: dict(map(tuple, pairs)) for f, pairs in data["facets"].items()}
    for per_value in postings.values():
        for docs in per_value.values():
            if docs and (min(docs) < 0 or max(docs) >= n):
                raise ValueError(f"{path.name}: a facet value's document is out of range")
    if not all(isinstance(c, list) and len(c) == n for c in (ids, types, pids, sort_names)):
        raise ValueError(f"{path.name}: columns of different lengths")
    return DocTable(ids, types, pids, sort_names, postings)
