"""What a screen reader is told about the page's state (QA12's lows): the results zone is busy while
results load in place (the page's dimming was the only sign), and the suggestions' status does not go
on saying « N suggestions : flèches… » once the list has closed."""
from __future__ import annotations

import pytest

from test_browser import _wait, browser, server  # noqa: F401 (fixtures: pytest finds them by name)

pytestmark = pytest.mark.browser


def test_the_results_zone_is_busy_while_results_load_in_place(browser, server):  # noqa: F811
    browser.get(server + "/?q=eau")
    _wait(browser, lambda d: d.find_elements("id", "total"), "the first results")
    browser.execute_script("""
        window.busySeen = [];
        var zone = document.getElementById('results-zone');
        new MutationObserver(function () { window.busySeen.push(zone.getAttribute('aria-busy')); })
          .observe(zone, {attributes: true, attributeFilter: ['aria-busy']});
        var q = document.getElementById('q'); q.value = 'puits'; q.form.requestSubmit();""")
    _wait(browser, lambda d: "q=puits" in d.current_url, "the search in place")
    seen = browser.execute_script("return window.busySeen")
    assert seen[0] == "true" and seen[-1] is None  # busy while loading, then no longer
    assert browser.find_element("id", "results-zone").get_attribute("aria-busy") is None


def test_the_suggestions_status_is_emptied_when_the_list_closes(browser, server):  # noqa: F811
    from selenium.webdriver.common.keys import Keys

    browser.get(server + "/")
    box = browser.find_element("id", "q")
    box.send_keys("Kay")
    _wait(browser, lambda d: d.find_elements("css selector", "#q-suggestions [role=option]"), "suggestions")
    status = browser.find_element("id", "suggest-status")
    _wait(browser, lambda d: "suggestion" in status.get_attribute("textContent"), "the suggestions said")
    box.send_keys(Keys.ESCAPE)
    _wait(browser, lambda d: box.get_attribute("aria-expanded") == "false", "the list closed")
    assert status.get_attribute("textContent") == ""
