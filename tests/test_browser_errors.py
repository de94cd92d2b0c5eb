"""An error page answered to a load in place (review 3, #2): with `--rate-limit`, a search over the
limit answered the French 429 page, which search.js dropped because it has no results zone: the click
or the Enter did nothing, with no message. Now the page's message takes the results' place."""
from __future__ import annotations

import pytest

from test_browser import _wait, browser, serving  # noqa: F401 (browser: a fixture, found by name)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(index_dir):
    yield from serving({"INDEX_DIR": str(index_dir), "RATE_LIMIT": 2})


def _search(d, words: str) -> None:
    d.execute_script("var q = document.getElementById('q'); q.value = arguments[0]; q.form.requestSubmit();",
                     words)


def test_a_search_over_the_limit_says_so_in_place(browser, server):  # noqa: F811
    browser.get(server + "/")  # the first request of the two a minute
    _search(browser, "eau")  # the second
    _wait(browser, lambda d: "q=eau" in d.current_url, "the search in place")
    _search(browser, "puits")  # over the limit: the 429 page
    alert = _wait(browser, lambda d: d.find_elements("css selector", "#results-zone .error[role=alert]"),
                  "the 429 page's message in the results' place")[0]
    assert alert.text.startswith("Trop de requêtes : réessayez dans ")
    assert "q=eau" in browser.current_url  # not recorded: the results of « puits » never came
