"""One build at a time per index folder (QA r45, audit 13): a second `repertoires index` on a folder
another build holds is refused with a French message naming the first, and touches nothing; two at
once each published, and the first to finish removed the generation being served."""
from __future__ import annotations

import errno
import io
import os
import re
import shutil
import signal
import threading
import time

import pytest

from indexer import build as build_module, freshness, store
from indexer.build import BuildBusyError, BuildError, build_index
from indexer.freshness import ensure_index
from indexer.store import POINTER, BuildBusy, building
from repertoires.cli import main

SMALL = "algerie-ambassade-cooperation-technique.txt"


@pytest.fixture
def small_data(tmp_path, data_dir):
    d = tmp_path / "data"
    d.mkdir()
    shutil.copy(data_dir / SMALL, d / SMALL)
    return d


def test_a_build_while_another_holds_the_folder_is_refused_and_names_it(small_data, tmp_path):
    ix = tmp_path / "ix"
    ix.mkdir()
    with building(ix), pytest.raises(BuildError) as exc:
        build_index(small_data, ix)
    message = str(exc.value)
    assert message.startswith(f"une autre construction de l'index est en cours dans {ix} (processus {os.getpid()}, "
                              "commencée le ")
    began = message.split("commencée le ", 1)[1].split(")", 1)[0]  # « 6 décembre 2026 à 21 h 02 (UTC »
    assert re.fullmatch(r"(1er|[12]?\d|3[01]) [a-zéû]+ \d{4} à \d{1,2} h \d\d \(UTC", began), began
    assert "attendez qu'elle finisse" in message
    assert not list(ix.glob("gen-*")) and not (ix / POINTER).exists()  # nothing written


def test_the_command_says_it_on_stderr_and_exits_1(small_data, tmp_path, capsys):
    ix = tmp_path / "ix"
    ix.mkdir()
    with building(ix):
        code = main(["index", "--quiet", "--data", str(small_data), "--index", str(ix)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("erreur : une autre construction de l'index est en cours dans ")


def test_the_folder_is_free_again_once_the_build_ends_however_it_ends(tmp_path):
    with pytest.raises(RuntimeError), building(tmp_path):
        raise RuntimeError("a build that failed")
    with building(tmp_path):  # not held any more
        pass


def test_two_builds_at_once_one_waits_for_none(tmp_path):
    """Two threads (as two processes) racing for the folder: exactly one holds it."""
    held, refused = [], []
    gate = threading.Barrier(2)
    release = threading.Event()

    def build():
        gate.wait()
        try:
            with building(tmp_path):
                held.append(1)
                release.wait(2)
        except BuildBusy:
            refused.append(1)
            release.set()

    threads = [threading.Thread(target=build) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert (len(held), len(refused)) == (1, 1)


def _refused(small_data, ix, monkeypatch, opener, said: str) -> None:
    """A build whose lock's file `opener` stands for (store's open) is refused, saying `said` in French."""
    monkeypatch.setattr(store, "open", opener, raising=False)  # the module's open, before the builtin
    ix.mkdir()
    with pytest.raises(BuildError) as exc:
        build_index(small_data, ix)
    assert str(exc.value) == f"impossible d'écrire l'index dans {ix} : {said} (l'index servi n'a pas changé)"


def test_a_folder_that_takes_no_lock_is_said_in_french_not_a_traceback(small_data, tmp_path, monkeypatch, capsys):
    """The lock's file is the build's first write: in a read-only folder its OSError was a traceback."""
    def refused(path, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    ix = tmp_path / "ix"
    _refused(small_data, ix, monkeypatch, refused, "système de fichiers en lecture seule")
    assert main(["index", "--quiet", "--data", str(small_data), "--index", str(ix)]) == 1
    assert capsys.readouterr().err.startswith(f"erreur : impossible d'écrire l'index dans {ix} : ")


def test_a_full_disk_that_takes_no_lock_note_is_said_in_french_not_a_traceback(small_data, tmp_path, monkeypatch):
    """On a full disk the lock's file opens but its note (process, time) is not written: its OSError,
    raised again when the file closed, was a traceback; a full disk during a build says it in French."""
    class Full(io.FileIO):
        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    ix = tmp_path / "ix"
    _refused(small_data, ix, monkeypatch, lambda path, *args, **kwargs: Full(path, "a+"), "plus de place sur le disque")
    assert not list(ix.glob("gen-*"))


# `repertoires serve` and a build another process runs (QA13's low, rounds 45-46): it exited with the
# error above; it now serves the index there is meanwhile, or waits for the build when there is none.

def _held(ix, seconds: float | None = None, then=None) -> tuple[threading.Thread, threading.Event]:
    """A thread standing for another process's build: it holds `ix` until the returned event is set
    (or for `seconds`), runs `then` inside the lock, and releases it."""
    holding, release = threading.Event(), threading.Event()

    def hold():
        with building(ix):
            holding.set()
            release.wait(seconds if seconds is not None else 30)
            if then is not None:
                then()

    thread = threading.Thread(target=hold)
    thread.start()
    assert holding.wait(5)
    return thread, release


def test_waiting_for_a_build_goes_on_when_it_ends_and_keeps_nothing(tmp_path):
    """`serve` waits for another build on the lock itself, not by looking again every 0,25 s: it goes on
    the moment the build lets go, and holds nothing after (a build may start)."""
    thread, release = _held(tmp_path)
    threading.Timer(0.05, release.set).start()
    began = time.perf_counter()
    store.wait_for_build(tmp_path)
    waited = time.perf_counter() - began
    thread.join()
    assert 0.04 < waited < 0.2  # it waited for the build (0,05 s); a look every 0,25 s returned after 0,25 s
    assert not store.build_running(tmp_path)
    with building(tmp_path):
        pass


def test_serving_waits_for_another_build_when_there_is_no_index_then_builds(small_data, tmp_path):
    ix = tmp_path / "ix"
    ix.mkdir()
    said: list[str] = []
    thread, _ = _held(ix, 0.6)  # ends without publishing anything
    began = time.perf_counter()
    result = ensure_index(small_data, ix, on_busy=said.append)
    waited = time.perf_counter() - began
    thread.join()
    assert waited >= 0.5  # it waited for the lock, then built
    assert result is not None and (ix / POINTER).exists()
    assert len(said) == 1
    assert said[0].startswith(f"une autre construction de l'index est en cours dans {ix} (processus ")
    assert said[0].endswith(" : le serveur attend qu'elle finisse…")


def test_serving_after_waiting_takes_the_other_builds_index_without_building_again(small_data, tmp_path):
    ix = tmp_path / "ix"
    ix.mkdir()
    thread, _ = _held(ix, 0.2, then=lambda: build_module._build(small_data, ix, time.perf_counter(), None, None))
    result = ensure_index(small_data, ix, on_busy=lambda said: None)
    thread.join()
    assert result is None  # fresh once the other build published: nothing built twice
    assert len(list(ix.glob("gen-*"))) == 1


def test_serving_a_stale_index_goes_on_while_another_build_runs(small_data, tmp_path):
    ix = tmp_path / "ix"
    first = build_index(small_data, ix).generation
    with open(small_data / SMALL, "a", encoding="utf-8") as fh:
        fh.write("\n")  # other sources: the index is stale
    said: list[str] = []
    thread, release = _held(ix)
    try:
        result = ensure_index(small_data, ix, on_busy=said.append)
        still_held = thread.is_alive() and store.build_running(ix)  # returned while the other build runs
    finally:
        release.set()
        thread.join()
    assert result is None and still_held
    assert (ix / POINTER).read_text().strip() == first.name  # the index served is the one there was
    assert said == [(f"{said[0].split(' : ', 1)[0]} : l'index actuel est servi en attendant ; le serveur passera "
                     "au nouveau quand elle le publiera")]
    assert said[0].startswith(f"une autre construction de l'index est en cours dans {ix}")


def test_a_build_found_busy_again_after_waiting_is_waited_for_again(small_data, tmp_path, monkeypatch):
    """Two servers waiting for one build: the first to wake builds, and the second finds the folder busy
    again; it waited again where it exited (review 1 of round 47, #3)."""
    ix = tmp_path / "ix"
    ix.mkdir()
    real, calls, waits = freshness.build_index, [], []

    def busy_twice(*args, **kwargs):
        calls.append(1)
        if len(calls) <= 2:
            raise BuildBusyError(BuildBusy(f"une autre construction de l'index est en cours dans {ix}", "…"))
        return real(*args, **kwargs)

    monkeypatch.setattr(freshness, "build_index", busy_twice)
    monkeypatch.setattr(freshness, "wait_for_build", lambda index_dir: waits.append(index_dir))
    said: list[str] = []
    assert freshness.ensure_index(small_data, ix, on_busy=said.append) is not None
    assert len(calls) == 3 and len(waits) == 2
    waiting = f"une autre construction de l'index est en cours dans {ix} : le serveur attend qu'elle finisse…"
    assert said == [waiting, waiting]


def test_a_forked_worker_does_not_keep_the_build_lock(tmp_path):
    """The build forks workers (indexer.parallel); when a killed build left them orphaned, they held the
    folder's lock for good: `serve` waited for a dead build (review 1 of round 47, #1)."""
    ready_r, ready_w = os.pipe()
    with building(tmp_path):
        pid = os.fork()
        if pid == 0:  # the worker: outlives the build
            os.write(ready_w, b"x")  # its fork hooks have run
            time.sleep(5)
            os._exit(0)
        assert os.read(ready_r, 1) == b"x"
    os.close(ready_r)
    os.close(ready_w)
    try:
        assert not store.build_running(tmp_path)  # the build ended: its worker holds nothing
        with building(tmp_path):
            pass
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def test_without_on_busy_another_build_is_still_an_error(small_data, tmp_path):
    ix = tmp_path / "ix"
    ix.mkdir()
    with building(ix), pytest.raises(BuildError, match="attendez qu'elle finisse"):
        ensure_index(small_data, ix)


def test_serve_says_on_stderr_that_it_serves_the_old_index_meanwhile(small_data, tmp_path, capsys):
    """…and not « construction de l'index… » first: it builds nothing (review 1 of round 47, #5)."""
    from repertoires.cli import ensure_index as serve_ensures

    ix = tmp_path / "ix"
    build_index(small_data, ix)
    with open(small_data / SMALL, "a", encoding="utf-8") as fh:
        fh.write("\n")
    thread, release = _held(ix)
    try:
        serve_ensures(small_data, ix)
    finally:
        release.set()
        thread.join()
    err = capsys.readouterr().err.splitlines()
    assert err == [(f"{err[0].split(' : ', 1)[0]} : l'index actuel est servi en attendant ; le serveur passera au "
                    "nouveau quand elle le publiera")]


def test_a_build_says_why_once_it_holds_the_folder(small_data, tmp_path):
    reasons: list[str] = []
    ix = tmp_path / "ix"
    assert ensure_index(small_data, ix, on_rebuild=reasons.append) is not None
    assert len(reasons) == 1 and reasons[0].startswith("aucun index")
