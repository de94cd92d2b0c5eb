"""The default page size and the year bounds have one home, indexer/limits.py, which the engine, the
API and the command line import (the engine wrote its own 20 and its own 1900 and 2100: the round's
review); importing it, as the command line's help does, loads no engine."""
from __future__ import annotations

import subprocess
import sys

from werkzeug.datastructures import MultiDict

from engine import SearchRequest, querylang
from engine.querylang import parse_query
from indexer import limits
from search_app import params


def test_the_engine_and_the_api_default_to_the_same_page_size():
    assert SearchRequest().per_page == params.parse_search_args(MultiDict(), {}).per_page == limits.DEFAULT_PER_PAGE


def test_the_engine_reads_the_years_a_search_knows_where_the_api_does():
    assert (querylang.YEAR_MIN, querylang.YEAR_MAX) == (params.YEARS.lo, params.YEARS.hi) \
        == (limits.YEAR_MIN, limits.YEAR_MAX)
    assert querylang.YEAR_MIN is limits.YEAR_MIN and querylang.YEAR_MAX is limits.YEAR_MAX


def _too_long_said(q: str) -> bool:
    return any("pas comme une période" in n for n in parse_query(q).notices)


def test_a_period_typed_as_one_word_is_said_too_long_within_the_api_years_only():
    low, high = limits.YEAR_MIN, limits.YEAR_MAX
    assert _too_long_said(f"{low}-{low + 40}") and _too_long_said(f"{high - 40}-{high}")
    assert not _too_long_said(f"{low - 1}-{low + 40}") and not _too_long_said(f"{high - 40}-{high + 1}")


def test_the_limits_load_no_engine():
    code = "import sys, indexer.limits, repertoires.cli; print(sorted(m for m in sys.modules if m == 'engine'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_limits_are_not_part_of_the_index_code_fingerprint():
    """A page size changed is not « une autre version des lecteurs de documents »: no rebuild for it."""
    from indexer.sources import fingerprinted_files

    names = {p.as_posix().rsplit("/", 2)[-2] + "/" + p.name for p in fingerprinted_files()}
    assert "indexer/limits.py" not in names
    assert {"indexer/corpus.py", "parsers/cuf.py", "indexer/records.py"} <= names


def test_the_pages_year_inputs_take_their_bounds_from_the_limits(client, monkeypatch):
    """_facets.html wrote 1900 and 2100 again (review 3, r43, #6): the inputs read YEAR_MIN, YEAR_MAX."""
    from search_app import pages

    monkeypatch.setattr(pages, "YEAR_MIN", 1950)
    monkeypatch.setattr(pages, "YEAR_MAX", 2050)
    html = client.get("/?q=eau").get_data(as_text=True)
    assert html.count('min="1950" max="2050"') == 2 and 'min="1900"' not in html


def test_no_indexer_or_analyzer_module_imports_the_limits():
    """limits.py is left out of the index's code fingerprint because no record depends on it (review 3,
    r43, #11): an indexer or analyzer module importing it, a bound changed would change the records
    without a rebuild, and nothing would say so."""
    import ast
    from pathlib import Path

    root = Path(limits.__file__).resolve().parents[1]
    importers = []
    for path in sorted([*(root / "indexer").rglob("*.py"), *(root / "analyzers").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [f"{node.module or ''}.{a.name}" for a in node.names] + [node.module or ""]
                if node.level and (node.module or "") in ("limits", ""):
                    names += [f".{a.name}" for a in node.names] + ["." + (node.module or "")]
            if any(n in ("indexer.limits", ".limits") or n.startswith("indexer.limits.") for n in names):
                importers.append(path.relative_to(root).as_posix())
    assert importers == []
