"""The HTTP layer's faster paths write what the plain ones wrote: links encoded
from remembered pairs as urllib's urlencode encodes them, and the speller's
written forms counted per distinct word as counting each occurrence did; and
`repertoires serve` prepares its process (engine open, collector settled)."""
from __future__ import annotations

import gc
import itertools
import re
import threading
import time
from collections import Counter
from urllib.parse import urlencode

import pytest
from hypothesis import given, settings, strategies as st
from werkzeug.datastructures import MultiDict

from analyzers import fold_text
from search_app import spelling
from search_app.links import toggle_url, url_with

# Names and values with everything urlencode must escape: spaces, &, =, +, %, accents, non-BMP.
TEXT = st.text(alphabet=st.sampled_from(list("aé z&=+%/?#'\"çÉ€😀-_.~") + ["\u202f", "\u00a0"]), max_size=12)
PAIRS = st.lists(st.tuples(st.sampled_from(["q", "country", "domain", "page", "type", "x y", "é"]), TEXT), max_size=8)


@settings(max_examples=300, deadline=None)
@given(PAIRS, st.sampled_from(["q", "country", "page", "type", "new"]), TEXT)
def test_links_are_urlencode_of_the_changed_parameters(pairs, name, value):
    """url_with and toggle_url against MultiDict edits written out by urlencode itself."""
    args = MultiDict(pairs)

    def encoded(md: MultiDict) -> str:
        qs = urlencode([(k, v) for k, vs in md.lists() for v in vs if v != ""])
        return f"/p?{qs}" if qs else "/p"

    expected = MultiDict(args)
    expected.pop("page", None)
    expected.pop(name, None)
    expected.add(name, value)
    assert url_with("/p", args, **{name: value}) == encoded(expected)
    expected = MultiDict(args)
    expected.pop("page", None)
    expected.pop(name, None)
    assert url_with("/p", args, **{name: None}) == encoded(expected)
    again = url_with("/p", args, **{name: value})  # the second time from remembered pairs
    assert again == url_with("/p", args, **{name: value})
    if name not in ("type", "page"):  # a facet, not exclusive: the value goes after the others, or is removed
        current = args.getlist(name)
        expected = MultiDict(args)
        expected.pop("page", None)
        expected.pop(name, None)
        for v in ([v for v in current if v != value] if value in current else current + [value]):
            expected.add(name, v)
        assert toggle_url("/p", args, name, value) == encoded(expected)


def _forms_per_occurrence(state) -> dict[str, str]:
    """The table as first written: every occurrence folded and counted alone."""
    word = re.compile(r"[^\W\d_]+")
    counts: dict[str, Counter] = {}

    def add(text) -> None:
        if isinstance(text, list):
            for t in text:
                add(t)
        elif isinstance(text, str):
            for w in word.findall(text):
                counts.setdefault(fold_text(w), Counter())[w] += 1

    records = itertools.chain(state.partnerships.values(), state.actions.values())
    for rec in itertools.islice(records, spelling.MAX_RECORDS):
        for key in spelling.TEXT_KEYS:
            add(rec.get(key))
        for side in ("french_party", "partner_party"):
            party = rec.get(side) or {}
            add([party.get("name"), party.get("region"), party.get("subdivision")])
    return {k: spelling._preferred(c) for k, c in counts.items()}


def test_written_forms_counted_per_distinct_word_are_those_counted_per_occurrence(engine):
    state = engine.state()
    forms = spelling.written_forms(state)
    assert forms == _forms_per_occurrence(state)
    assert len(forms) > 1000 and forms["tombouctou"] == "Tombouctou"
    assert spelling.written_forms(state) is forms  # once per index version


@pytest.fixture
def restored_gc():
    """prepare() changes the process's collector: the test puts it back as it was."""
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_serving_opens_the_engine_and_freezes_what_lives_as_long_as_the_process(index_dir, restored_gc):
    from search_app import create_app
    from search_app.serving import GEN0_THRESHOLD, prepare

    app = create_app({"INDEX_DIR": str(index_dir), "CACHE": False})
    engine = app.extensions["engine"]
    assert engine._state is None  # opened on the first request, unless prepared
    gc.unfreeze()
    prepare(app, threads=3)
    assert engine._state is not None and len(engine._state._spare) == 3
    assert gc.get_freeze_count() > 10_000  # modules, the engine's tables
    assert gc.get_threshold()[0] == GEN0_THRESHOLD > 700
    assert app.test_client().get("/api/search?q=eau").status_code == 200


def test_serving_pays_the_first_requests_one_off_costs_before_the_first_user(index_dir, restored_gc):
    """A fresh server's first page, first typo and first map took 0.15-0.6 s, the next ones 3-40 ms
    (QA r42): the templates are compiled, the written forms built and the map projected in prepare()."""
    from search_app import create_app, spelling
    from search_app.mapview import PANELS, panel_paths
    from search_app.serving import prepare

    app = create_app({"INDEX_DIR": str(index_dir)})
    panel_paths.cache_clear()
    spelling._forms.clear()
    prepare(app)
    cache = app.jinja_env.cache
    assert cache is not None and {"search.html", "partnership.html", "_map.html"} <= {key[1] for key in cache}
    assert app.extensions["engine"].state().version in spelling._forms
    assert panel_paths.cache_info().currsize == len(PANELS)
    engine = app.extensions["engine"]
    assert _all_counted(engine, engine.state())  # in a thread: what the completions offer


def _all_counted(engine, state, seconds: float = 20.0) -> bool:
    """Every name's picked count of `state` is kept by `engine`, within `seconds`."""
    from engine import autocomplete

    wanted = {autocomplete.picked_name(e) for e in state.names}
    deadline = time.monotonic() + seconds
    while not (engine._picked is not None and engine._picked[0] is state and wanted <= engine._picked[1].keys()):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_the_names_offered_are_counted_once_per_generation_as_picking_them_lists(index_dir, monkeypatch):
    """A cold keystroke ran a search per name offered not yet counted (up to ~50 ms; the round's
    review): Engine.count_picks counts them all when a generation opens; the counts are what
    picking each lists, and a keystroke offering them runs no search."""
    import engine as engine_module
    from engine import Engine, SearchRequest

    engine = Engine(index_dir)
    state = engine.state()
    engine.count_picks(state)
    assert _all_counted(engine, state, 0)
    searched: list[str] = []
    listed = engine_module._listed
    monkeypatch.setattr(engine_module, "_listed", lambda st, q: searched.append(q) or listed(st, q))
    offered = [s for p in ("ko", "bamako", "marseille", "tomb") for s in engine.suggest(p)
               if s["kind"] not in ("domaine", "mot")]  # (a sheet's word is counted at the keystroke)
    assert len(offered) > 10 and not set(searched) & {s["query"] for s in offered}
    for s in offered:
        assert s["count"] == engine.search(SearchRequest(q=s["query"]))["total"], s


def test_serving_counts_a_rebuilds_names_as_it_opens(index_dir, tmp_path, restored_gc):
    """The generation a rebuild publishes while serving gets its written forms and its names'
    counts in the thread Engine.on_new_generation runs in."""
    import os
    import shutil

    from search_app import create_app
    from search_app.serving import prepare

    served = tmp_path / "index"
    shutil.copytree(index_dir, served)
    app = create_app({"INDEX_DIR": str(served)})
    prepare(app)
    engine = app.extensions["engine"]
    first = engine.state()
    assert _all_counted(engine, first)
    pointer = served / "CURRENT"
    os.utime(pointer, ns=(pointer.stat().st_atime_ns, pointer.stat().st_mtime_ns + 1_000_000_000))
    second = engine.state()
    assert second is not first and _all_counted(engine, second)
    assert second.version in spelling._forms


def test_status_says_when_the_names_are_counted_and_no_cache_counts_nothing_ahead(index_dir, restored_gc):
    """The names' counting (~580 searches) slowed a fresh server's first seconds (review 3, r43, #3),
    the cold benchmarks' included: `serve --no-cache` answers every request as the first one, so it
    counts nothing ahead; /api/status says when the counts are ready."""
    from search_app import create_app
    from search_app.serving import prepare

    cold = create_app({"INDEX_DIR": str(index_dir), "CACHE": False})
    prepare(cold)
    time.sleep(0.3)
    engine = cold.extensions["engine"]
    assert engine._picked is None or not engine._picked[1]
    assert cold.test_client().get("/api/status").get_json()["names_counted"] is False
    warm = create_app({"INDEX_DIR": str(index_dir)})
    prepare(warm)
    assert _all_counted(warm.extensions["engine"], warm.extensions["engine"].state())
    deadline = time.monotonic() + 5
    while not warm.test_client().get("/api/status").get_json()["names_counted"]:
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_serving_an_unreadable_index_still_starts_and_answers_503(tmp_path, restored_gc):
    from search_app import create_app
    from search_app.serving import prepare

    app = create_app({"INDEX_DIR": str(tmp_path / "none")})
    prepare(app)  # no exception: the requests say what is wrong
    resp = app.test_client().get("/api/search?q=eau")
    assert resp.status_code == 503 and resp.get_json()["error"]["code"] == "index_unavailable"


def test_threads_take_the_searchers_opened_ahead_then_open_their_own(index_dir):
    """Each thread keeps one searcher; the ones opened ahead go to distinct threads."""
    from engine import Engine, SearchRequest

    engine = Engine(index_dir, caching=False)
    state = engine.state()
    state.open_searchers(2)
    ahead = list(state._spare)  # held here, so that no searcher's id is reused
    taken: list = []

    def first_request() -> None:
        s = state.searcher()
        assert state.searcher() is s  # kept by the thread
        assert engine.search(SearchRequest(q="eau potable"))["total"] > 0
        taken.append(s)

    for _ in range(3):
        t = threading.Thread(target=first_request)
        t.start()
        t.join()
    assert len(taken) == 3 and {id(s) for s in taken[:2]} == {id(s) for s in ahead}
    assert all(taken[2] is not s for s in ahead)
    assert state._spare == []


def test_a_generation_published_while_serving_is_prepared_as_it_opens(index_dir, tmp_path):
    """The first typo after a rebuild built the written-forms table (0.1 s; the round's review): the
    engine hands each generation opened after the first to `on_new_generation`, in a thread of its
    own, and `serve` gives it the table's builder."""
    import os
    import shutil

    from engine import Engine

    served = tmp_path / "index"
    shutil.copytree(index_dir, served)
    engine = Engine(served)
    first = engine.state()
    given, done = [], threading.Event()
    engine.on_new_generation = lambda st: (given.append(st), done.set())
    assert engine.state() is first and not given  # the same generation: nothing to prepare
    pointer = next(p for p in served.iterdir() if p.name == "CURRENT")
    os.utime(pointer, ns=(pointer.stat().st_atime_ns, pointer.stat().st_mtime_ns + 1_000_000_000))
    second = engine.state()
    assert second is not first and done.wait(5) and given == [second]


def test_the_contacts_address_patterns_mask_the_same_across_a_generation_switch(engine):
    """The address patterns --hide-contacts masks with are kept per index version (review r43). What
    is masked is the same whatever is cached: a first look, the same again, another version's, and
    the pattern built afresh (a record no generation stores). (Review 3, r44, #16: this test asserted
    the private cache's keys, and could not fail on a wrong mask.)"""
    from types import SimpleNamespace

    from search_app import presenters

    state = engine.state()
    rec = next(r for r in state.partnerships.values() if any(c.get("address") for c in r.get("contacts") or []))
    other = SimpleNamespace(version=f"{state.version}-next", partnerships=state.partnerships)
    afresh = presenters.public_record(rec, True, SimpleNamespace(version="none", partnerships={}))
    masked = [presenters.public_record(rec, True, s) for s in (state, state, other, state)]
    assert all(m == afresh for m in masked) and afresh != presenters.public_record(rec, False)


@pytest.mark.parametrize("cache", [True, False])
def test_the_first_generation_and_a_rebuilds_are_prepared_by_one_function(index_dir, monkeypatch, restored_gc, cache):
    """serving.prepare and _prepare_generation each wrote the warm-up steps of a generation (review r43):
    the first generation is prepared by the function a rebuild's is, in the thread prepare starts."""
    from search_app import create_app, serving

    prepared: list = []
    done = threading.Event()
    monkeypatch.setattr(serving, "_prepare_generation", lambda engine, state: prepared.append((engine, state))
                        or done.set())
    app = create_app({"INDEX_DIR": str(index_dir), "CACHE": cache})
    serving.prepare(app)
    engine = app.extensions["engine"]
    assert done.wait(10) and prepared == [(engine, engine.state())]
    assert engine.on_new_generation.func is serving._prepare_generation
