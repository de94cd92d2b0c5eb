"""The document table by columns (indexer/doctable.py): it gives the engine what
the rows of an older build gave, an older index (docs.json, no columns) opens
and answers as a new one, and a damaged table is a clear IndexCorrupt."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from engine import Engine, SearchRequest
from engine.facets import FacetBits
from indexer.doctable import doc_table, postings_of, read_doc_table, write_doc_table
from indexer.store import DOC_COLUMNS, DOCS, IndexCorrupt, current_generation
from repertoires.cli import main


def _bits_by_rows(doc_facets: list[dict]) -> dict[str, dict]:
    """facet -> value -> bitset, made document by document as the engine did before the columns."""
    nbytes = len(doc_facets) // 8 + 1
    raw: dict[str, dict] = {}
    for d, facets in enumerate(doc_facets):
        for f, vals in facets.items():
            table = raw.setdefault(f, {})
            for v in vals:
                ba = table.setdefault(v, bytearray(nbytes))
                ba[d >> 3] |= 1 << (d & 7)
    return {f: {v: int.from_bytes(ba, "little") for v, ba in table.items()} for f, table in raw.items()}


DOC = st.fixed_dictionaries({
    "french": st.lists(st.sampled_from(["Lyon", "Oran", "Kayes", "Nîmes"]), max_size=3),  # may repeat a value
    "year": st.lists(st.integers(1990, 1995), max_size=2),
    "country": st.sampled_from([["Mali"], ["Maroc"], []]),
})


@settings(max_examples=60, deadline=None)
@given(st.lists(DOC, max_size=300))
def test_bitsets_and_values_per_document_equal_the_rows(doc_facets):
    bits = FacetBits(len(doc_facets), postings_of(doc_facets))
    want = _bits_by_rows(doc_facets)
    assert bits.values == want
    assert all(list(bits.values[f]) == list(want[f]) for f in want)  # values in order of first appearance
    for f in ("french", "year", "country"):
        order = list(want.get(f, {}))
        assert bits.values_per_doc(f) == [tuple(sorted(set(doc[f]), key=order.index)) for doc in doc_facets]


def test_columns_read_back_as_the_rows_of_an_older_build(tmp_path):
    docs = [{"id": f"p{i}", "type": "partnership" if i % 3 else "action", "pid": f"p{i - i % 3}",
             "sort_name": f"nom {i}", "facets": {"year": [2000 + i % 4, 2001], "country": ["Mali"] if i % 2 else []}}
            for i in range(40)]
    write_doc_table(tmp_path / DOC_COLUMNS, docs)
    from_columns = read_doc_table(tmp_path)
    rows = [[d["id"], d["type"], d["pid"], d["sort_name"], d["facets"]] for d in docs]
    (tmp_path / DOC_COLUMNS).unlink()
    (tmp_path / DOCS).write_text(json.dumps(rows), encoding="utf-8")
    from_rows = read_doc_table(tmp_path)
    assert from_columns == from_rows == doc_table(rows)
    assert from_columns.postings["year"][2001] == list(range(40))  # an int stays an int through JSON
    assert from_columns.types[:3] == ["action", "partnership", "partnership"]


@pytest.fixture(scope="module")
def copies(index_dir, tmp_path_factory) -> tuple[Path, Path]:
    """Two copies of the session's index: as built (columns), and as an older build wrote it (rows)."""
    root = tmp_path_factory.mktemp("doctable")
    new, old = root / "new", root / "old"
    shutil.copytree(index_dir, new)
    shutil.copytree(index_dir, old)
    gen = current_generation(old).path
    table = read_doc_table(gen)
    per_doc: list[dict] = [{} for _ in table.ids]
    for f, per_value in table.postings.items():
        for v, docnums in per_value.items():
            for d in docnums:
                per_doc[d].setdefault(f, []).append(v)
    rows = [[i, t, pid, s, facets] for i, t, pid, s, facets in
            zip(table.ids, table.types, table.pids, table.sort_names, per_doc, strict=True)]
    (gen / DOCS).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    (gen / DOC_COLUMNS).unlink()
    return new, old


REQUESTS = [
    SearchRequest(q="eau potable Kayes", snippets=False),
    SearchRequest(q="santé", filters={"country": ["Mali"]}, sort="year_desc", snippets=False),
    SearchRequest(filters={"type": ["action"]}, sort="year_asc", per_page=50, snippets=False),
    SearchRequest(sort="name", page=3, snippets=False),
    SearchRequest(q="jumelage -Maroc", year_from=2000, snippets=False),
]


def test_an_older_index_without_columns_opens_and_answers_the_same(copies):
    new, old = (Engine(path, caching=False) for path in copies)
    assert not (current_generation(copies[1]).path / DOC_COLUMNS).exists()
    assert old.state().docs == new.state().docs
    assert old.state().facet_values == new.state().facet_values
    assert old.state().facet_bits.values == new.state().facet_bits.values
    for req in REQUESTS:
        a, b = new.search(req), old.search(req)
        assert a["total"] > 0
        assert (a["total"], a["results"], a["facets"]) == (b["total"], b["results"], b["facets"])


@pytest.mark.parametrize("damage, message", [
    (lambda text: text[: len(text) // 2], "JSONDecodeError"),
    (lambda text: text.replace('"sort_name": [', '"sort_name": [1, ', 1), "columns of different lengths"),
    (lambda text: text.replace('"facets": {', '"facets": {"x": [["v", [99999]]], ', 1), "out of range"),
    (lambda text: text.replace('"id"', '"ids"', 1), "KeyError"),
])
def test_a_damaged_table_is_corrupt_with_a_clear_message(copies, tmp_path, capsys, damage, message):
    ix = tmp_path / "ix"
    shutil.copytree(copies[0], ix)
    path = current_generation(ix).path / DOC_COLUMNS
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(IndexCorrupt, match=f"impossible de lire l'index de .*{message}.*lancez `repertoires index`"):
        Engine(ix).state()
    assert main(["search", "eau", "--index", str(ix)]) == 1
    err = capsys.readouterr().err
    assert message in err and "repertoires index" in err and "Traceback" not in err
