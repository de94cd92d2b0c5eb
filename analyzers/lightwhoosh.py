"""Whoosh without `urllib.request`: `whoosh.compat` imports `urlretrieve` from
it (Python 2 leftovers; nothing in Whoosh calls it), and importing
`urllib.request` (http.client, email, ssl) took 30-60 ms of every process's
start, a sixth of a one-shot `repertoires search`.

While `whoosh.compat` is imported, `urllib.request` is a stand-in whose
`urlretrieve` imports the real one when called; the stand-in is then taken
out of `sys.modules`, so a later `import urllib.request` loads the real module.
Nothing is done when Whoosh or `urllib.request` is already imported."""
from __future__ import annotations

import sys
import types


def _urlretrieve(*args, **kwargs):
    from urllib.request import urlretrieve

    return urlretrieve(*args, **kwargs)


def import_whoosh() -> None:
    if "whoosh.compat" in sys.modules or "urllib.request" in sys.modules:
        return
    stand_in = types.ModuleType("urllib.request", "stand-in while whoosh.compat is imported (analyzers.lightwhoosh)")
    stand_in.urlretrieve = _urlretrieve  # type: ignore[attr-defined]
    sys.modules["urllib.request"] = stand_in
    try:
        import whoosh.compat  # noqa: F401
    finally:
        if sys.modules.get("urllib.request") is stand_in:
            del sys.modules["urllib.request"]
