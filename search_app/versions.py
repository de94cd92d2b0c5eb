"""The tables the application keeps for the index version it serves. Apart from search_app.index:
a one-shot `repertoires search` reads them (the written forms of a « Vouliez-vous dire ») without
loading Flask (tests/test_cli.py)."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
KEPT = 2  # versions kept: during a switch, requests on the old and the new one do not rebuild each other's
_locks: dict[int, threading.Lock] = {}  # id(cache) -> its lock: one table's build does not hold up another's
_locks_lock = threading.Lock()


def _lock_of(cache: dict) -> threading.Lock:
    with _locks_lock:
        return _locks.setdefault(id(cache), threading.Lock())


def of_version(cache: dict[str, T], state, make: Callable[[], T]) -> T:
    """What `make` builds for the index version `state` serves, built once and kept in `cache`
    (index version -> it), the latest KEPT versions. The one way the application keeps a table per
    generation (the written forms, the contacts' address patterns)."""
    value = cache.get(state.version)
    if value is None:
        with _lock_of(cache):
            if state.version not in cache:
                while len(cache) >= KEPT:
                    cache.pop(next(iter(cache)))  # the oldest built
                cache[state.version] = make()
            value = cache[state.version]
    return value
