"""Index generations: atomic switch, detection of missing/corrupt/outdated
indexes, rebuilds during reads, broken sources and failed writes.

Most tests build from a small data folder holding only the two short Algerian
documents (the other three are missing, which the build reports and survives),
so that each build takes well under a second."""
from __future__ import annotations

import errno
import json
import shutil
import threading
from pathlib import Path

import pytest

from engine import Engine, SearchRequest
from indexer import build as build_module
from indexer.build import BuildError, build_index
from indexer.freshness import check_fresh, ensure_index
from indexer.store import POINTER, IndexCorrupt, IndexMissing, IndexOutdated, current_generation

SMALL_DOCS = ("algerie-micl-cooperation.txt", "algerie-ambassade-cooperation-technique.txt")


@pytest.fixture
def small_data(tmp_path, data_dir) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    for name in SMALL_DOCS:
        shutil.copy(data_dir / name, d / name)
    return d


def generations(index_dir: Path) -> list[str]:
    return sorted(p.name for p in index_dir.glob("gen-*"))


def test_build_publishes_a_generation_and_keeps_one_previous(small_data, tmp_path):
    ix = tmp_path / "ix"
    first = build_index(small_data, ix).generation
    assert (ix / POINTER).read_text().strip() == first.name
    second = build_index(small_data, ix).generation
    third = build_index(small_data, ix).generation
    assert (ix / POINTER).read_text().strip() == third.name
    assert generations(ix) == sorted([second.name, third.name])  # the oldest was removed
    assert not list(ix.glob("*.tmp"))


def test_missing_documents_are_reported_and_the_others_indexed(small_data, tmp_path):
    result = build_index(small_data, tmp_path / "ix")
    reports = {r.document: r for r in result.corpus.reports}
    assert not reports["mali-repertoire-2008.txt"].ok
    assert "mali-repertoire-2008.txt : fichier introuvable" in reports["mali-repertoire-2008.txt"].error
    assert reports["algerie-micl-cooperation.txt"].ok
    engine = Engine(tmp_path / "ix")
    assert engine.search(SearchRequest(q="Tamanrasset"))["total"] > 0


def test_missing_index_is_detected(tmp_path):
    with pytest.raises(IndexMissing, match="repertoires index"):
        Engine(tmp_path / "nothing").search(SearchRequest(q="eau"))


def test_pointer_to_a_missing_generation_is_corrupt(small_data, tmp_path):
    ix = tmp_path / "ix"
    gen = build_index(small_data, ix).generation
    shutil.rmtree(gen)
    with pytest.raises(IndexCorrupt):
        current_generation(ix)


def test_truncated_segment_is_corrupt(small_data, tmp_path):
    ix = tmp_path / "ix"
    gen = build_index(small_data, ix).generation
    for seg in gen.glob("*.seg"):
        seg.write_bytes(seg.read_bytes()[:100])
    with pytest.raises(IndexCorrupt, match="impossible de lire l.index de "):
        Engine(ix).search(SearchRequest(q="eau"))


def test_unreadable_meta_is_corrupt(small_data, tmp_path):
    ix = tmp_path / "ix"
    gen = build_index(small_data, ix).generation
    (gen / "meta.json").write_text("{not json")
    with pytest.raises(IndexCorrupt, match="meta.json"):
        current_generation(ix)


def test_other_schema_version_is_outdated(small_data, tmp_path):
    ix = tmp_path / "ix"
    gen = build_index(small_data, ix).generation
    meta = json.loads((gen / "meta.json").read_text())
    meta["schema_version"] = -1
    (gen / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(IndexOutdated, match="version de schéma -1, le code de la version"):
        Engine(ix).search(SearchRequest(q="eau"))


def test_changed_corpus_makes_the_index_outdated(small_data, tmp_path):
    ix = tmp_path / "ix"
    build_index(small_data, ix)
    check_fresh(small_data, ix)  # fresh: no error
    with open(small_data / SMALL_DOCS[0], "a", encoding="utf-8") as fh:
        fh.write("\n")
    with pytest.raises(IndexOutdated, match="à partir d'autres documents sources : lancez `repertoires index`"):
        check_fresh(small_data, ix)


def test_broken_source_keeps_the_previous_records(small_data, tmp_path):
    ix = tmp_path / "ix"
    build_index(small_data, ix)
    before = Engine(ix).search(SearchRequest(q="", per_page=1))["total"]
    (small_data / "algerie-micl-cooperation.txt").write_bytes(b"\x00\xff\xfe garbage \x89PNG")
    result = build_index(small_data, ix)
    report = next(r for r in result.corpus.reports if r.document == "algerie-micl-cooperation.txt")
    assert not report.ok and "pas du texte UTF-8" in report.error and "ligne 1" in report.error
    assert report.kept is not None and report.kept["partnerships"] > 0
    after = Engine(ix).search(SearchRequest(q="", per_page=1))["total"]
    assert after == before  # nothing already indexed was lost


def test_removed_source_keeps_the_previous_records(small_data, tmp_path):
    ix = tmp_path / "ix"
    build_index(small_data, ix)
    before = Engine(ix).search(SearchRequest(q="Tamanrasset", per_page=1))["total"]
    (small_data / "algerie-micl-cooperation.txt").unlink()
    build_index(small_data, ix)
    assert Engine(ix).search(SearchRequest(q="Tamanrasset", per_page=1))["total"] == before > 0


def test_failed_write_leaves_the_served_index_alone(small_data, tmp_path, monkeypatch):
    ix = tmp_path / "ix"
    good = build_index(small_data, ix).generation

    def disk_full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(build_module, "write_json", disk_full)
    with pytest.raises(BuildError, match="No space left on device"):
        build_index(small_data, ix)
    assert (ix / POINTER).read_text().strip() == good.name
    assert generations(ix) == [good.name]  # the half-written generation was removed
    assert Engine(ix).search(SearchRequest(q="Tamanrasset"))["total"] > 0


def test_failed_word_tables_fail_the_build_and_leave_the_served_index_alone(small_data, tmp_path, monkeypatch):
    """The word tables are written beside Whoosh's segment (in a forked process
    when it can): their failure fails the build as cleanly as a failed write."""
    ix = tmp_path / "ix"
    good = build_index(small_data, ix).generation

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(build_module, "write_tables", disk_full)
    with pytest.raises(BuildError, match="impossible d'écrire l'index dans .*No space left on device"):
        build_index(small_data, ix)
    assert (ix / POINTER).read_text().strip() == good.name
    assert generations(ix) == [good.name]
    assert Engine(ix).search(SearchRequest(q="Tamanrasset"))["total"] > 0


def test_engine_follows_a_rebuild_and_readers_never_fail(small_data, tmp_path):
    ix = tmp_path / "ix"
    build_index(small_data, ix)
    engine = Engine(ix)
    v1 = engine.state().version
    expected = engine.search(SearchRequest(q="", per_page=1))["total"]
    errors: list[BaseException] = []
    totals: list[int] = []
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            try:
                totals.append(engine.search(SearchRequest(q="", per_page=1, facets=False))["total"])
            except BaseException as exc:  # noqa: BLE001 - any failure is the test's failure
                errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(3)]
    for t in threads:
        t.start()
    try:
        for _ in range(3):
            build_index(small_data, ix)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert errors == []
    assert totals and set(totals) == {expected}  # every answer from a complete index
    assert engine.state().version != v1


def test_corrupt_new_generation_keeps_the_old_one_served(small_data, tmp_path):
    ix = tmp_path / "ix"
    build_index(small_data, ix)
    engine = Engine(ix)
    v1 = engine.state().version
    gen2 = build_index(small_data, ix).generation
    (gen2 / "records.json").unlink()
    assert engine.state().version == v1
    assert engine.last_error and "records.json" in engine.last_error
    assert engine.search(SearchRequest(q="Tamanrasset"))["total"] > 0


@pytest.mark.parametrize("content, message", [
    (b"", "fichier vide"),
    (b"   \n\n  ", "fichier vide"),
    (b"Un tout autre document, sans rapport.\n", "ne ressemble pas au document attendu"),
    ("ligne un\nligne deux \xe9\n".encode("latin-1"), "ligne 2 : ce n'est pas du texte UTF-8"),
])
def test_bad_source_files_get_a_precise_message(small_data, content, message):
    from indexer.corpus import parse_document

    (small_data / "algerie-micl-cooperation.txt").write_bytes(content)
    ps, acts, report = parse_document(small_data, "algerie-micl-cooperation.txt")
    assert (ps, acts) == ([], [])
    assert not report.ok
    assert report.error.startswith("algerie-micl-cooperation.txt : ")  # French spacing
    assert message in report.error


def test_index_built_by_other_code_is_outdated(small_data, tmp_path):
    ix = tmp_path / "ix"
    gen = build_index(small_data, ix).generation
    check_fresh(small_data, ix)
    meta = json.loads((gen / "meta.json").read_text())
    meta["code_fingerprint"] = "0" * 64
    (gen / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(IndexOutdated, match="par une autre version des lecteurs"):
        check_fresh(small_data, ix)


def test_ensure_index_builds_only_when_needed_and_says_why(small_data, tmp_path):
    ix = tmp_path / "ix"
    reasons: list[str] = []
    first = ensure_index(small_data, ix, on_rebuild=reasons.append)
    assert first is not None and reasons and reasons == [f"aucun index dans {ix}"]
    assert ensure_index(small_data, ix, on_rebuild=reasons.append) is None  # fresh: nothing built
    assert len(reasons) == 1
    assert current_generation(ix).path == first.generation
    for seg in first.generation.glob("*.seg"):  # a damaged segment is rebuilt
        seg.write_bytes(seg.read_bytes()[:100])
    second = ensure_index(small_data, ix, on_rebuild=reasons.append)
    assert second is not None and "impossible d'ouvrir l'index de" in reasons[1]
    assert Engine(ix).search(SearchRequest(q="Tamanrasset"))["total"] > 0


def test_freshness_reads_metadata_not_records(small_data, tmp_path):
    """Checking freshness opens no engine: it never reads the record store."""
    ix = tmp_path / "ix"
    gen = build_index(small_data, ix).generation
    (gen / "records.json").write_text("not the records")
    assert check_fresh(small_data, ix).path == gen
    meta = json.loads((gen / "meta.json").read_text())
    meta["documents"] += 1
    (gen / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(IndexCorrupt, match="documents"):
        check_fresh(small_data, ix)


def test_flask_init_index_command(small_data, tmp_path):
    from search_app import create_app

    app = create_app({"INDEX_DIR": str(tmp_path / "ix"), "TESTING": True})
    runner = app.test_cli_runner()
    result = runner.invoke(args=["init-index", "--data", str(small_data)])
    assert result.exit_code == 0, result.output
    assert "aucun index dans" in result.output and "construction de l'index…" in result.output
    assert "Index construit en" in result.output
    result = runner.invoke(args=["init-index", "--data", str(small_data)])
    assert "est à jour" in result.output
    assert app.test_client().get("/api/search?q=Tamanrasset").get_json()["total"] > 0
