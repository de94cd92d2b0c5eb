"""The tables the application keeps for the index version it serves. Apart from search_app.index:
a one-shot `repertoires search` reads them (the written forms of a « Vouliez-vous dire ») without
loading Flask (tests/test_cli.py)."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
_lock = threading.Lock()


def of_version(cache: dict[str, T], state, make: Callable[[], T]) -> T:
    """What `make` builds for the index version `state` serves, built once and kept in `cache`
    (index version -> it): one version at a time, the old one is no longer served. The one way the
    application keeps a table per generation (the written forms, the contacts' address patterns)."""
    value = cache.get(state.version)
    if value is None:
        with _lock:
            if state.version not in cache:
                cache.clear()
                cache[state.version] = make()
            value = cache[state.version]
    return value
