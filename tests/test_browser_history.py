"""Typing, the back button, facets ticked while typing and collectivities picked in the autocomplete,
in headless Chromium (QA r41, defects 7, 8 and 9).

- Typing replaced the current history entry, so Back after a typed query (even confirmed with Enter)
  left the application, or went back past the facet just ticked.
- A facet ticked within the typing's debounce put the old words back in the box and searched them.
- A collectivity picked in the autocomplete was inserted as loose words, which the soft matching
  treats as optional: it is inserted as the query language's prefix, collectivité:"…".

Fixtures and helpers come from test_browser.py (same server and browser setup).
"""
from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import pytest

from engine import SearchRequest
from test_browser import _console_errors, _hit_ids, _total, _wait, browser, server  # noqa: F401 (fixtures: pytest finds them by name)

pytestmark = pytest.mark.browser
SETTLE_S = 2.0  # search.js SETTLE_MS


def _state(d) -> dict:
    """The address bar's parameters."""
    return {k: v for k, v in parse_qs(urlsplit(d.current_url).query).items()}


def _box(d) -> str:
    return d.find_element("id", "q").get_attribute("value")


def _type(d, text: str) -> None:
    box = d.find_element("id", "q")
    box.clear()
    box.send_keys(text)


def _tick(d, facet: str, value: str) -> None:
    d.find_element("css selector", f"section.facet[data-facet={facet}] a.toggle[data-value='{value}']").click()


def _shows(d, engine, q: str, **filters) -> bool:
    """The page shows the results of `q` with `filters`, and the address bar says so."""
    want = {"q": [q]} if q else {}
    want.update({k: [v] for k, v in filters.items()})
    if _state(d) != want or _box(d) != q:
        return False
    expected = engine.search(SearchRequest(q=q, filters={k: [v] for k, v in filters.items()}))
    return _total(d) == expected["total"] and _hit_ids(d) == [h["id"] for h in expected["results"]]


def test_back_after_a_typed_query_confirmed_with_enter(browser, server, engine):  # noqa: F811
    """The QA's steps: on « eau » in Mali, type « puits », wait for its results, press Enter, Back."""
    from selenium.webdriver.common.keys import Keys

    d = browser
    d.get(server + "/?q=eau&country=Mali")
    before = d.execute_script("return history.length")
    _type(d, "puits")
    _wait(d, lambda d: _shows(d, engine, "puits", country="Mali"), "the typed query's results")
    d.find_element("id", "q").send_keys(Keys.ENTER)
    time.sleep(0.5)
    assert d.execute_script("return history.length") == before + 1  # one entry for the typed query
    d.back()
    _wait(d, lambda d: _shows(d, engine, "eau", country="Mali"), "back to « eau » in Mali")
    d.forward()
    _wait(d, lambda d: _shows(d, engine, "puits", country="Mali"), "forward to « puits »")
    assert _console_errors(d) == []


def test_typing_does_not_overwrite_a_ticked_facet(browser, server, engine):  # noqa: F811
    """« eau + Mali » reached by ticking the facet was replaced by the typed query: Back went to « eau »."""
    d = browser
    d.get(server + "/?q=eau")
    _tick(d, "country", "Mali")
    _wait(d, lambda d: _shows(d, engine, "eau", country="Mali"), "« eau » in Mali")
    _type(d, "puits")
    _wait(d, lambda d: _shows(d, engine, "puits", country="Mali"), "the typed query's results")
    d.back()
    _wait(d, lambda d: _shows(d, engine, "eau", country="Mali"), "back to the ticked facet")
    d.back()
    _wait(d, lambda d: _shows(d, engine, "eau"), "back to « eau »")
    assert _console_errors(d) == []


def test_keystrokes_share_one_entry_and_a_settled_query_keeps_its_own(browser, server, engine):  # noqa: F811
    d = browser
    d.get(server + "/?q=eau&country=Mali")
    box = d.find_element("id", "q")
    box.clear()
    box.send_keys("pui")
    _wait(d, lambda d: _state(d).get("q") == ["pui"], "the first keystrokes searched")
    box.send_keys("ts")  # typed on before the first results settle: the same entry
    _wait(d, lambda d: _shows(d, engine, "puits", country="Mali"), "the typed query's results")
    time.sleep(SETTLE_S + 0.5)  # read: settled
    _type(d, "forage")
    _wait(d, lambda d: _shows(d, engine, "forage", country="Mali"), "a second typed query")
    d.back()
    _wait(d, lambda d: _shows(d, engine, "puits", country="Mali"), "back to the settled query, not « pui »")
    d.back()
    _wait(d, lambda d: _shows(d, engine, "eau", country="Mali"), "back to where the typing began")
    assert _console_errors(d) == []


# ticks the facet with a script right after the input event: well inside the 300 ms debounce
_TYPE_AND_TICK = """
var box = document.getElementById('q');
box.value = arguments[0];
box.dispatchEvent(new Event('input', {bubbles: true}));
document.querySelector(arguments[1]).click();
"""


def test_a_facet_ticked_while_typing_applies_to_the_typed_words(browser, server, engine):  # noqa: F811
    """On « puits », « eau » typed and Mali ticked within the debounce searched « puits » in Mali and
    put « puits » back in the box."""
    d = browser
    d.get(server + "/?q=puits")
    d.execute_script(_TYPE_AND_TICK, "eau", "section.facet[data-facet=country] a.toggle[data-value='Mali']")
    _wait(d, lambda d: _shows(d, engine, "eau", country="Mali"), "« eau » in Mali")
    time.sleep(0.8)  # the typing's own search must not come after and undo it
    assert _shows(d, engine, "eau", country="Mali")
    d.back()
    _wait(d, lambda d: _shows(d, engine, "puits"), "back to « puits »")
    assert _console_errors(d) == []


def test_a_page_link_while_typing_opens_the_typed_query(browser, server, engine):  # noqa: F811
    """The pager's links keep the shown query too: with new words typed, they search those, from page 1."""
    d = browser
    d.get(server + "/?q=eau")
    d.execute_script(_TYPE_AND_TICK, "puits", "nav.pager a[rel=next]")
    _wait(d, lambda d: _shows(d, engine, "puits"), "« puits », page 1")
    assert _console_errors(d) == []


def test_a_picked_collectivity_is_its_prefix(browser, server, engine):  # noqa: F811
    """« eau kay », then the Région de Kayes picked: the box held « eau Région de Kayes », words the
    softening makes optional."""
    d = browser
    d.get(server + "/?country=Mali")
    box = d.find_element("id", "q")
    box.send_keys("eau kay")
    _wait(d, lambda d: d.find_elements("css selector", "#q-suggestions [role=option]"), "suggestions")
    options = d.find_elements("css selector", "#q-suggestions [role=option]")
    option = next(o for o in options if o.find_element("css selector", ".name").text == "Région de Kayes")
    assert option.find_element("css selector", ".what").text == "collectivité, Mali"
    option.click()
    q = 'eau collectivité:"Région de Kayes"'
    _wait(d, lambda d: _shows(d, engine, q, country="Mali"), "the picked collectivity searched as its prefix")
    assert _box(d) == q
    # a place stays words (a place named with a topic selects the records already: README)
    _type(d, "eau kay")
    _wait(d, lambda d: d.find_elements("css selector", "#q-suggestions [role=option]"), "suggestions")
    place = d.find_elements("css selector", "#q-suggestions [role=option]")[0]
    assert place.find_element("css selector", ".name").text == "Kayes"
    assert place.find_element("css selector", ".what").text == "lieu, Mali"
    place.click()
    _wait(d, lambda d: _shows(d, engine, "eau Kayes", country="Mali"), "the place searched as words")
    assert _console_errors(d) == []


def test_no_suggestion_inside_an_open_quote(browser, server, engine):  # noqa: F811
    """Picking a name while a phrase was being typed (`"eau kay`) put a prefix inside the quotes and
    broke the query (the round's review): inside an open quote nothing is offered; once closed, again."""
    d = browser
    d.get(server + "/")
    box = d.find_element("id", "q")
    box.send_keys('"eau kay')
    _wait(d, lambda d: _state(d).get("q") == ['"eau kay'], "the typed phrase searched")
    time.sleep(0.6)  # past the suggestions' delay
    assert not d.find_element("id", "q-suggestions").is_displayed()
    box.send_keys('" kou')
    _wait(d, lambda d: d.find_elements("css selector", "#q-suggestions [role=option]"), "suggestions after the quote")
    assert _console_errors(d) == []


def test_reading_the_completions_is_no_pause_in_the_typing(browser, server, engine):  # noqa: F811
    """« kou » typed after « eau », the completions read with the arrows for longer than the settling
    delay, Koulikoro picked: Back went to the half-typed « eau kou » (QA r42 #5-4); it goes back to
    « eau » in Mali, where the typing began."""
    from selenium.webdriver.common.keys import Keys

    d = browser
    d.get(server + "/?q=eau&country=Mali")
    box = d.find_element("id", "q")
    box.send_keys(" kou")
    _wait(d, lambda d: d.find_elements("css selector", "#q-suggestions [role=option]"), "suggestions")
    _wait(d, lambda d: _state(d).get("q") == ["eau kou"], "the typed words searched")
    box.send_keys(Keys.ARROW_DOWN)
    time.sleep(SETTLE_S + 0.8)  # reading the list
    assert d.find_element("id", "live").text == "" or "kou" not in d.find_element("id", "live").text
    box.send_keys(Keys.ENTER)
    _wait(d, lambda d: _state(d).get("q") == ["eau Koulikoro"], "the picked name searched")
    d.back()
    _wait(d, lambda d: _shows(d, engine, "eau", country="Mali"), "back to where the typing began")
    assert _console_errors(d) == []


def test_the_hold_back_reads_no_wording(browser, server, engine, monkeypatch):  # noqa: F811
    """The spoken count is held back while the half-typed word is unknown and its completions are
    offered, whatever the notice's wording: search.js read « Aucun document ne contient » (the
    round's review); it reads the page's data-unknown-words. Here the notice is worded otherwise."""
    from selenium.webdriver.common.keys import Keys

    from engine import ranking

    monkeypatch.setattr(ranking, "missing_notice", lambda words, searched=True: "Nul mot absent : " +
                        " ".join(f"« {w} »" for w in words))
    d = browser
    d.get(server + "/?q=puits&country=Mali")
    box = d.find_element("id", "q")
    box.send_keys(" kou")
    _wait(d, lambda d: d.find_elements("css selector", "#q-suggestions [role=option]"), "suggestions")
    _wait(d, lambda d: _state(d).get("q") == ["puits kou"], "the typed words searched")
    assert "Nul mot absent" in d.find_element("id", "announce").get_attribute("textContent")  # reworded
    time.sleep(1.2)  # past the typing's announcement delay
    assert "kou" not in d.find_element("id", "live").get_attribute("textContent")
    box.send_keys(Keys.ESCAPE)  # the list closed without a pick: read
    _wait(d, lambda d: "kou" in d.find_element("id", "live").get_attribute("textContent"), "read once closed")
    assert _console_errors(d) == []


def test_the_sort_menus_arrows_look_without_searching(browser, server, engine):  # noqa: F811
    """Each arrow on the closed « Trier par » menu ran a search and added a history entry (QA r42
    #5-5, WCAG 3.2.2): the order chosen applies on Enter, once."""
    from selenium.webdriver.common.keys import Keys

    d = browser
    d.get(server + "/?q=eau")
    entries = d.execute_script("return history.length")
    menu = d.find_element("id", "sort")
    menu.send_keys(Keys.ARROW_DOWN)
    menu.send_keys(Keys.ARROW_DOWN)
    time.sleep(0.8)
    assert _state(d) == {"q": ["eau"]} and d.execute_script("return history.length") == entries
    chosen = d.find_element("id", "sort").get_attribute("value")
    assert chosen != "relevance"
    d.find_element("id", "sort").send_keys(Keys.ENTER)
    _wait(d, lambda d: _state(d).get("sort") == [chosen], "the chosen order applied")
    assert d.execute_script("return history.length") == entries + 1
    d.back()
    _wait(d, lambda d: _state(d) == {"q": ["eau"]}, "one Back to the order before")
    assert _console_errors(d) == []


def test_an_order_looked_at_then_left_with_tab_applies_and_the_focus_goes_on(browser, server, engine):  # noqa: F811
    """Arrows on the menu then Tab: the order applies on leaving it, and the focus stays where Tab
    took it (« Exporter »), not sent back before the menu (the round's review); after an arrow, a
    pick with the mouse applies at once."""
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    d = browser
    d.get(server + "/?q=eau")
    d.find_element("id", "sort").send_keys(Keys.ARROW_DOWN)
    chosen = d.find_element("id", "sort").get_attribute("value")
    d.find_element("id", "sort").send_keys(Keys.TAB)
    _wait(d, lambda d: _state(d).get("sort") == [chosen], "the order applied on leaving the menu")
    _wait(d, lambda d: d.execute_script("return document.activeElement.id") == "export-summary",
          "the focus where Tab took it")
    d.find_element("id", "sort").send_keys(Keys.ARROW_DOWN)
    Select(d.find_element("id", "sort")).select_by_value("name")
    _wait(d, lambda d: _state(d).get("sort") == ["name"], "the mouse's pick applied")
    assert _console_errors(d) == []


def test_back_after_a_page_change_comes_back_to_the_place_left(browser, server, engine):  # noqa: F811
    """Back from page 2 (loaded in place) to page 1 put the scroll back before page 1's results were in,
    on page 2's shorter results: the reader who had gone down to the pager came back 4 000 px above it
    (QA r45, audit 12, defect 1). Each entry keeps its place, put back once its results are loaded."""
    d = browser
    d.get(server + "/?q=assainissement+Kayes")
    first = _hit_ids(d)
    pager = d.find_element("css selector", "nav.pager a[rel=next]")
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", pager)
    place = d.execute_script("return window.scrollY")
    pager.click()
    _wait(d, lambda d: _state(d).get("page") == ["2"] and _hit_ids(d) != first, "page 2")
    page2_end = d.execute_script("return document.documentElement.scrollHeight - window.innerHeight")
    assert page2_end < place - 500  # (what the test is about: page 2 cannot hold page 1's place)
    d.back()
    _wait(d, lambda d: "page" not in _state(d) and _hit_ids(d) == first, "page 1 again")
    _wait(d, lambda d: abs(d.execute_script("return window.scrollY") - place) <= 2, "the place left on page 1")
    assert d.execute_script("var r = document.querySelector('nav.pager').getBoundingClientRect();"
                            "return r.top >= 0 && r.bottom <= window.innerHeight")
    assert _console_errors(d) == []


def test_back_after_a_filter_ticked_on_a_phone_shows_the_results_from_their_top(browser, server, engine):  # noqa: F811
    """On a phone the filters open above the results and close after a change: Back put the scroll
    where the finger was in the open list, which is, the list closed, the middle of some result
    (QA r45, audit 12, defect 1). The results before the change are shown from their top, as after it."""
    d = browser
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 1,
                                                             "mobile": True})
    try:
        d.get(server + "/?q=eau")
        d.find_element("id", "filters-toggle").click()
        value = d.find_element("css selector", "section.facet[data-facet=french] a.toggle")
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", value)
        assert d.execute_script("return window.scrollY") > 740  # deep in the list
        value.click()
        _wait(d, lambda d: "french" in _state(d), "the value ticked")
        d.back()
        _wait(d, lambda d: _shows(d, engine, "eau"), "the results before the change")
        _wait(d, lambda d: -5 <= d.execute_script(
            "return document.getElementById('resultats').getBoundingClientRect().top") <= 150, "their top in view")
        assert not d.find_element("id", "filtres").is_displayed()
    finally:
        d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
