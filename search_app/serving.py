"""What `repertoires serve` does to the process before it answers its first request.

The first request of each kind on a fresh server paid a one-off cost: 0.15-0.6 s where the
next ones take 3-40 ms (QA r42). These are paid here, before the first user: the page
templates are compiled, the table of the records' written forms that a "did you mean"
suggestion reads is built, and the map's country shapes are read and projected; what picking
each name the completions offer lists is counted in a thread, once prepare is done (Engine.count_picks;
not under `--no-cache`, whose requests are each answered as the first one).

The engine is opened first (its tables are what every request reads) with one
Whoosh searcher ready for each server thread (each thread searches with its own,
and opening one on a thread's first request made the first answers of a fresh
server 2-8 ms slower each), then the cyclic garbage collector is told two things that hold for a long-running
search server and not for the tests or a one-shot search:

- everything alive once the engine is open lives as long as the process
  (modules, the engine's tables): `gc.freeze()` takes it out of the
  collector's scans. Unfrozen, the oldest generation's collection walked all
  of it, and one such collection held a request for about 60 ms;
- an answer allocates a few thousand objects (records, facet values, links)
  that reference counting frees when it is sent. With the default threshold
  of 700 allocations the collector ran two or three times in each answer,
  scanning that answer's live objects and promoting them to be scanned again
  (about 0.1 ms a request on average, and 1-2 ms in one request of 30).
  GEN0_THRESHOLD lets a whole answer be allocated and freed between scans.
"""
from __future__ import annotations

import gc
import threading
from functools import partial

from flask import Flask

from indexer.store import IndexError_

from .index import get_engine
from .mapview import PANELS, panel_paths
from .spelling import written_forms

GEN0_THRESHOLD = 10_000  # allocations between two scans of the youngest generation (Python's default: 700)


def prepare(app: Flask, threads: int = 0) -> None:
    """Open the engine with a searcher for each of `threads` server threads, pay the one-off costs
    of a first request of each kind (see the module's docstring), and settle the collector."""
    with app.app_context():
        engine = get_engine()
        # a rebuild published while serving: prepared as soon as it is opened, not by the first
        # typo (0.1 s; the round's review) nor by the first keystrokes after it
        engine.on_new_generation = partial(_prepare_generation, engine)
        try:
            state = engine.state()
            state.open_searchers(threads)
            written_forms(state)  # now, not in the thread below: frozen with the engine's tables
        except IndexError_:
            state = None  # requests answer 503 and /api/status says why, as when the index breaks later
    _compile_templates(app)
    for panel in PANELS:
        panel_paths(panel)
    gc.collect()
    gc.freeze()
    _, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(GEN0_THRESHOLD, gen1, gen2)
    if state is not None:  # what the completions offer is counted meanwhile (~2 s)
        threading.Thread(target=_prepare_generation, args=(engine, state), daemon=True).start()


def _prepare_generation(engine, state) -> None:
    """What a generation gets before its first requests, the first one in a thread `prepare` starts,
    one opened while serving in a thread of its own (Engine.on_new_generation): the written forms a
    « Vouliez-vous dire » reads, and what picking each name the completions offer lists (not under
    `serve --no-cache`: its requests are each answered as the first one, and the cold benchmarks
    would measure them beside the counting). `prepare` and this function each wrote these steps."""
    written_forms(state)
    if engine.caching:
        engine.count_picks(state)


def _compile_templates(app: Flask) -> None:
    """Every page template compiled once: Jinja compiles one on its first rendering, about 0.16 s
    for the search page's, paid by whoever asked first."""
    env = app.jinja_env
    for name in env.list_templates(extensions=("html",)):
        env.get_template(name)
