"""What a new process does not redo before its first search: the query
expansions' tables stored in the index generation (analyzers.vocabulary,
`expansions.json`), the reader `open_state` checked the segment with, and the
import of Whoosh without `urllib.request` (analyzers.lightwhoosh). None of
them may change an answer."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analyzers import vocabulary
from analyzers.vocabulary import Expansions, fingerprint, load_expansions
from engine import Engine, SearchRequest
from engine.state import open_state
from indexer.store import EXPANSIONS, current_generation

ROOT = Path(__file__).resolve().parents[1]
# words that expand (acronyms, narrower terms, families) and words that do not
QUERIES = ("CSCOM", "eau potable Kayes", "assainissement", "agriculteurs", "centre de santé", "bibliothèques",
           "jardins maraîchers", "AEP", "médecins algériens", "formation des instituteurs", "Oran", "jumelage")


def answers(engine: Engine) -> list:
    return [[(h["id"], h["score"]) for h in engine.search(SearchRequest(q=q, facets=False))["results"]]
            for q in QUERIES]


@pytest.fixture
def index_copy(index_dir, tmp_path) -> Path:
    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    return copy


@pytest.fixture
def no_tables(monkeypatch):
    """Puts the process back where it has not made nor installed the tables yet."""
    def forget():
        monkeypatch.setattr(vocabulary, "_installed", None)

    forget()
    return forget


def test_the_stored_tables_are_the_ones_built_from_the_vocabulary(index_dir, no_tables):
    data = json.loads((current_generation(index_dir).path / EXPANSIONS).read_text(encoding="utf-8"))
    assert data["fingerprint"] == fingerprint()
    stored = Expansions.from_json(data)
    built = Expansions.build()
    assert stored == built and stored.by_first == built.by_first
    assert len(built.triggers) > 100 and len(built.families) > 100  # the whole vocabulary, not a sample


def test_opening_a_generation_installs_its_tables(index_dir, no_tables):
    Engine(index_dir).state()
    assert vocabulary._installed == Expansions.build()


def test_an_index_without_the_tables_answers_identically(engine, index_copy, no_tables):
    expected = answers(engine)
    no_tables()
    (current_generation(index_copy).path / EXPANSIONS).unlink()
    older = Engine(index_copy)
    older.state()
    assert vocabulary._installed is None  # nothing to install: built on first use
    assert answers(older) == expected


@pytest.mark.parametrize("content", [
    b"",
    b"{\"fingerprint\": ",  # cut short
    b"\xff\xfe not text",
    b"[1, 2, 3]",
    b"{\"fingerprint\": \"0000\", \"triggers\": [], \"families\": {}}",  # made by other code
    "RIGHT_PRINT_WRONG_SHAPE",
])
def test_stale_or_damaged_tables_are_ignored(engine, index_copy, no_tables, content):
    expected = answers(engine)
    no_tables()
    if content == "RIGHT_PRINT_WRONG_SHAPE":
        content = json.dumps({"fingerprint": fingerprint(), "triggers": [[["eau"], [["x", "bogus"]]]],
                              "families": {}}).encode()
    path = current_generation(index_copy).path / EXPANSIONS
    path.write_bytes(content)
    assert load_expansions(path) is False
    opened = Engine(index_copy)
    opened.state()  # no crash
    assert vocabulary._installed is None
    assert answers(opened) == expected


def test_stale_tables_are_not_taken_for_current_ones(tmp_path, no_tables):
    """Tables stored by other code (another vocabulary) are left aside, even
    well formed: the query side would expand with the old vocabulary."""
    other = Expansions([(("zzz",), [("yyy", vocabulary.SYNONYM)])], {})
    path = tmp_path / EXPANSIONS
    path.write_text(json.dumps({"fingerprint": "other code", **other.to_json()}), encoding="utf-8")
    assert load_expansions(path) is False
    path.write_text(json.dumps({"fingerprint": fingerprint(), **other.to_json()}), encoding="utf-8")
    assert load_expansions(path) is True and vocabulary.find_expansions(["zzz"]) == [(0, 1, ["yyy"])]


def test_the_first_searcher_reads_with_the_checked_reader(index_dir):
    state = open_state(current_generation(index_dir))
    (checked,) = state._readers
    assert state.searcher().reader() is checked and not state._readers
    other = open_state(current_generation(index_dir))
    other.searcher()  # takes its checked reader
    other.open_searchers(1)  # opens a new one
    assert other._spare[0].reader() is not None and not other._readers


def test_whoosh_is_imported_without_urllib_request():
    code = ("import sys, engine, whoosh.compat; assert 'urllib.request' not in sys.modules; "
            "import urllib.request; assert urllib.request.urlopen and urllib.request.__file__; "
            "assert whoosh.compat.urlretrieve is not urllib.request.urlretrieve")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
