"""search_app.versions.of_version (review 3, #17): one global lock made a --hide-contacts lookup of a
new version wait for the written forms' build (about 0,2 s), and requests on the old and the new
generation during a switch cleared each other's table and rebuilt theirs, back and forth."""
from __future__ import annotations

import threading
from types import SimpleNamespace

from search_app.versions import of_version


def test_one_table_s_build_does_not_hold_up_another_s():
    slow: dict = {}
    quick: dict = {}
    building, release = threading.Event(), threading.Event()

    def make_slow():
        building.set()
        release.wait(5)
        return "slow"

    worker = threading.Thread(target=of_version, args=(slow, SimpleNamespace(version="v1"), make_slow))
    worker.start()
    try:
        assert building.wait(5)
        done = threading.Event()
        threading.Thread(target=lambda: (of_version(quick, SimpleNamespace(version="v1"), dict), done.set())).start()
        assert done.wait(2), "the quick table waited for the slow one's build"
    finally:
        release.set()
        worker.join(5)


def test_two_versions_served_at_once_are_built_once_each():
    cache: dict = {}
    built: list[str] = []
    for version in ("v1", "v2", "v1", "v2", "v1"):
        of_version(cache, SimpleNamespace(version=version), lambda v=version: built.append(v) or v)
    assert built == ["v1", "v2"]
    of_version(cache, SimpleNamespace(version="v3"), lambda: "v3")
    assert list(cache) == ["v2", "v3"]
