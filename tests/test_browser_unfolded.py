"""A facet list the reader unfolded (« 12 autres valeurs », « Liste des années ») is part of the page's
place, in headless Chromium (QA19 r49, D1; review 4 r49, M1).

The results zone, facets included, is replaced in place: paging, ticking or sorting folded the list
again, and the reader unfolded it on every page. A first fix carried the lists open on the page being
replaced into whatever came next: a new query opened the lists unfolded for another one, and Back
showed what the page before it had, not what that step showed. What each step shows is kept in its
history entry: carried into the step of a page, a tick or a sort of the same search; a new query starts
folded; Back, Forward and a reload show the step as it was left.

Fixtures and helpers come from test_browser.py and test_browser_history.py.
"""
from __future__ import annotations

import pytest

from test_browser import _console_errors, _hit_ids, _wait, browser, server  # noqa: F401 (fixtures: pytest finds them by name)
from test_browser_history import _state, _tick, _type

pytestmark = pytest.mark.browser

REGION = "section.facet[data-facet=region] details.more"
DOMAIN = "section.facet[data-facet=domain] details.more"
YEARS = "section.facet[data-facet=year] details.more:not(.chart-table)"


def _open(d, css: str) -> bool:
    return d.execute_script("var el = document.querySelector(arguments[0]); return el ? el.open : null;", css)


def _toggle(d, css: str) -> None:
    was = _open(d, css)
    d.find_element("css selector", css + " > summary").click()
    _wait(d, lambda d: _open(d, css) is (not was), "the list toggled")


def _page(d, n: int, first: list[str]) -> None:
    """Wait for page `n` of the search shown (`first`: page 1's hits)."""
    if n == 1:
        _wait(d, lambda d: "page" not in _state(d) and _hit_ids(d) == first, "page 1")
    else:
        _wait(d, lambda d: _state(d).get("page") == [str(n)] and _hit_ids(d) != first, f"page {n}")


def test_an_unfolded_list_stays_unfolded_on_the_next_page_and_back_shows_each_step_as_left(browser, server):  # noqa: F811
    """Unfolded on page 1, Région is unfolded on page 2; folded there and the years unfolded, Back shows
    page 1 as it was left (Région open, years folded) and Forward page 2 as it was left."""
    d = browser
    d.get(server + "/?q=eau")
    first = _hit_ids(d)
    assert (_open(d, REGION), _open(d, DOMAIN), _open(d, YEARS)) == (False, False, False)
    _toggle(d, REGION)
    d.find_element("css selector", "nav.pager a[rel=next]").click()
    _page(d, 2, first)
    assert (_open(d, REGION), _open(d, DOMAIN), _open(d, YEARS)) == (True, False, False)
    _toggle(d, REGION)
    _toggle(d, YEARS)
    d.back()
    _page(d, 1, first)
    assert (_open(d, REGION), _open(d, DOMAIN), _open(d, YEARS)) == (True, False, False)
    d.forward()
    _page(d, 2, first)
    assert (_open(d, REGION), _open(d, DOMAIN), _open(d, YEARS)) == (False, False, True)
    assert _console_errors(d) == []


def test_a_tick_and_a_sort_keep_it_a_new_query_starts_folded(browser, server):  # noqa: F811
    """Ticked and sorted, « eau » keeps Région unfolded; « ecole » typed after it starts folded (it opened
    the lists unfolded under « eau »), and Back to « eau » has Région unfolded again."""
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    d = browser
    d.get(server + "/?q=eau")
    _toggle(d, REGION)
    _tick(d, "domain", "Eau et assainissement")
    _wait(d, lambda d: _state(d).get("domain") == ["Eau et assainissement"], "the domain ticked")
    assert (_open(d, REGION), _open(d, DOMAIN)) == (True, False)
    Select(d.find_element("id", "sort")).select_by_value("name")
    _wait(d, lambda d: _state(d).get("sort") == ["name"], "sorted by name")
    assert (_open(d, REGION), _open(d, DOMAIN)) == (True, False)
    _type(d, "ecole")
    d.find_element("id", "q").send_keys(Keys.ENTER)
    _wait(d, lambda d: _state(d).get("q") == ["ecole"] and _open(d, REGION) is not None, "« ecole »")
    assert _open(d, REGION) is False
    d.back()
    _wait(d, lambda d: _state(d).get("q") == ["eau"], "back to « eau »")
    assert _open(d, REGION) is True
    assert _console_errors(d) == []


def test_a_reload_keeps_what_the_step_showed(browser, server):  # noqa: F811
    """Région unfolded, then page 2: a reload of page 2, then Back (a full load of page 1's entry, whose
    document the reload replaced), still show it unfolded; the domains, never unfolded, stay folded."""
    d = browser
    d.get(server + "/?q=eau")
    first = _hit_ids(d)
    _toggle(d, REGION)
    d.find_element("css selector", "nav.pager a[rel=next]").click()
    _page(d, 2, first)
    d.refresh()
    _page(d, 2, first)
    assert (_open(d, REGION), _open(d, DOMAIN)) == (True, False)
    d.back()
    _page(d, 1, first)
    assert (_open(d, REGION), _open(d, DOMAIN)) == (True, False)
    assert _console_errors(d) == []


_SETTLE = "return new Promise(function (done) { setTimeout(done, 400); });"
_COUNT_WRITES = """
window.__writes = [];
['pushState', 'replaceState'].forEach(function (name) {
  var real = history[name].bind(history);
  history[name] = function (st, title, url) { window.__writes.push(name); return real(st, title, url); };
});
"""


def test_a_load_writes_its_history_entry_once_with_its_lists(browser, server):  # noqa: F811
    """Sorting « eau » with Région unfolded writes the new entry with its lists in one call, where it was
    written empty, then again with the lists, then once more per list the load unfolded (read1 r50, #4);
    the place left (the scroll) may be written before. Nothing is written once the page has settled."""
    from selenium.webdriver.support.ui import Select

    d = browser
    d.get(server + "/")  # (the same address loaded again would keep the entry's lists: the test before ends on it)
    d.get(server + "/?q=eau")
    assert _open(d, REGION) is False
    _toggle(d, REGION)
    d.execute_script(_SETTLE)  # (the click's scroll is written 250 ms after it)
    d.execute_script(_COUNT_WRITES)
    Select(d.find_element("id", "sort")).select_by_value("name")
    _wait(d, lambda d: _state(d).get("sort") == ["name"] and _open(d, REGION) is True, "sorted by name")
    d.execute_script(_SETTLE)
    writes = d.execute_script("return window.__writes;")
    assert writes.count("pushState") == 1 and len(writes) <= 2, writes
    assert d.execute_script("return history.state.unfolded;") == ["region|0"]
    assert _console_errors(d) == []
