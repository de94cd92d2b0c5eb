"""End-to-end tests in headless Chromium (Debian's chromium and chromium-driver,
driven by Selenium; nothing is downloaded) against a real server on 127.0.0.1
serving the session index. With REPERTOIRES_SCREENSHOTS=1 they also save the screenshots in docs/.

Run alone with `python -m pytest tests/test_browser.py -q`; they skip, saying
why, when Chromium or its driver is not installed (`.ci/install-browser`).
"""
from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
DOCS = Path(__file__).resolve().parents[1] / "docs"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
         "--window-size=1280,1000", "--lang=fr-FR"]
QUERY = "assainissement Kayes"
WAIT = 15  # seconds


def _missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            return f"{path} is not installed (run .ci/install-browser: apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401 (only: is it installed?)
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def server(index_dir):
    yield from serving({"INDEX_DIR": str(index_dir)})


def serving(config: dict):
    """The application of `config` behind werkzeug's threaded server on a free local port (a fixture's body)."""
    reason = _missing()
    if reason:
        pytest.skip(reason)
    from werkzeug.serving import make_server

    from search_app import create_app

    app = create_app(config)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = make_server("127.0.0.1", port, app, threaded=True)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}"
    srv.shutdown()
    thread.join(5)


@pytest.fixture(scope="module")
def browser(server):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=opts, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _wait(driver, predicate, what: str):
    """Wait for `predicate` and for no in-place update to be running (the results
    zone is replaced as a whole, so elements read during an update go stale)."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    def settled(d):
        busy = d.execute_script("return document.body.classList.contains('loading')")
        return not busy and predicate(d)

    return WebDriverWait(driver, WAIT, poll_frequency=0.1,
                         ignored_exceptions=(StaleElementReferenceException,)).until(settled, message=what)


def _total(driver) -> int:
    return int(driver.find_element("id", "total").text)


def _hit_ids(driver) -> list[str]:
    return [li.get_attribute("data-id") for li in driver.find_elements("css selector", "li.hit")]


def _console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def _full_page_screenshot(driver, path: Path, max_height: int = 2000) -> None:
    """Saved into docs/ only when REPERTOIRES_SCREENSHOTS=1, so that a test run
    leaves the work tree clean; otherwise into a temporary file (still taken,
    so a page that cannot be rendered fails the test)."""
    if os.environ.get("REPERTOIRES_SCREENSHOTS") != "1":
        path = Path(tempfile.gettempdir()) / path.name
    width = driver.execute_script("return window.innerWidth")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(height + 120, max_height))
    driver.save_screenshot(str(path))
    driver.set_window_size(1280, 1000)


def test_type_tick_open_and_go_back(browser, server, engine):
    from selenium.webdriver.common.keys import Keys

    from engine import SearchRequest

    d = browser
    d.get(server + "/")
    assert d.title.startswith("Recherche")
    browse_total = _total(d)

    # Typing updates the results in place (debounced) and the address bar.
    box = d.find_element("id", "q")
    box.send_keys(QUERY)
    expected = engine.search(SearchRequest(q=QUERY))
    _wait(d, lambda d: _total(d) == expected["total"], "results for the typed query")
    _wait(d, lambda d: "q=assainissement+Kayes" in d.current_url, "the URL holds the query")
    assert expected["total"] < browse_total
    assert _hit_ids(d) == [h["id"] for h in expected["results"]]
    marked = {m.text.lower() for m in d.find_elements("css selector", "li.hit mark")}
    assert "kayes" in marked

    # Tick a domain whose count is below the total: results and counts change.
    items = d.find_elements("css selector", "section.facet[data-facet=domain] a.toggle")
    target = next(a for a in items if int(a.find_element("css selector", ".count").text) < expected["total"])
    domain = target.get_attribute("data-value")
    count = int(target.find_element("css selector", ".count").text)
    assert target.get_attribute("aria-checked") == "false"
    target.click()
    _wait(d, lambda d: _total(d) == count, "results filtered by the ticked domain")
    ticked = d.find_element("css selector", f"section.facet[data-facet=domain] a.toggle[data-value='{domain}']")
    assert ticked.get_attribute("aria-checked") == "true"
    filtered = engine.search(SearchRequest(q=QUERY, filters={"domain": [domain]}))
    assert _hit_ids(d) == [h["id"] for h in filtered["results"]]
    assert "domain=" in d.current_url and "q=assainissement+Kayes" in d.current_url
    # (textContent: values past the eighth are in a closed <details>, where .text is empty)
    region_counts = {a.get_attribute("data-value"):
                     int(a.find_element("css selector", ".count").get_attribute("textContent"))
                     for a in d.find_elements("css selector", "section.facet[data-facet=region] a.toggle")}
    assert sum(region_counts.values()) <= count
    assert d.find_element("css selector", ".active-filters .chip").text.startswith("Domaine")

    DOCS.mkdir(exist_ok=True)
    _full_page_screenshot(d, DOCS / "screenshot-search.png")

    # The filtered URL is shareable: loading it afresh gives the same page.
    url = d.current_url
    first = _hit_ids(d)
    d.get(url)
    assert _hit_ids(d) == first
    assert d.find_element("id", "q").get_attribute("value") == QUERY

    # Open a partnership, then come back to the same filtered results.
    link = d.find_element("css selector", "li.hit h3 a")
    pid = first[0]
    link.click()
    _wait(d, lambda d: f"/partenariats/{pid}?" in d.current_url, "the partnership page (carrying the search)")
    h1 = d.find_element("css selector", "article.partnership h1").text
    assert h1 == engine.partnership(pid)["title"]
    d.back()
    _wait(d, lambda d: d.current_url == url, "back to the results")
    _wait(d, lambda d: _total(d) == count, "the filtered results again")
    assert _hit_ids(d) == first

    # Removing the filter with its chip restores the unfiltered counts.
    d.find_element("css selector", ".active-filters .chip").click()
    _wait(d, lambda d: _total(d) == expected["total"], "filter removed")
    assert "domain=" not in d.current_url
    d.find_element("id", "q").send_keys(Keys.END)
    assert _console_errors(d) == []


def test_did_you_mean_and_sort_and_paging(browser, server):
    from selenium.webdriver.support.ui import Select

    d = browser
    d.get(server + "/?q=assainisement+kaye")
    link = d.find_element("id", "did-you-mean")
    assert link.text == "assainissement Kayes"
    link.click()
    _wait(d, lambda d: "q=assainissement+Kayes" in d.current_url, "the suggested query")
    assert d.find_element("id", "q").get_attribute("value") == "assainissement Kayes"

    d.get(server + "/?q=Kayes&per_page=5")
    first = _hit_ids(d)
    Select(d.find_element("id", "sort")).select_by_value("name")
    _wait(d, lambda d: "sort=name" in d.current_url, "sorted by name")
    _wait(d, lambda d: _hit_ids(d) != first, "re-ordered results")
    titles = [a.text for a in d.find_elements("css selector", "li.hit h3 a")]
    assert len(titles) == 5
    d.find_element("css selector", "nav.pager a[rel=next]").click()
    _wait(d, lambda d: "page=2" in d.current_url, "page 2")
    assert "sort=name" in d.current_url
    assert d.find_element("css selector", "nav.pager .page-of").text.startswith("Page 2 sur")
    assert _console_errors(d) == []


def _suggested(d, server, typed):
    """The search box and the options the autocomplete offers for `typed`."""
    d.get(server + "/")
    box = d.find_element("id", "q")
    box.send_keys(typed)
    _wait(d, lambda d: d.find_elements("css selector", "#q-suggestions [role=option]"), "suggestions")
    return box, d.find_elements("css selector", "#q-suggestions [role=option]")


def test_autocomplete_offers_names(browser, server):
    d = browser
    box, options = _suggested(d, server, "eau Koul")
    names = [o.find_element("css selector", ".name").text for o in options]
    assert names[0] == "Koulikoro"
    # clicking a name keeps the other words of the query and searches at once, with what the
    # suggestion says to put in the box: Koulikoro is a region's and a cercle's name too, so the place,
    # as typed (a collectivity that is no place is picked as its prefix: test_browser_history.py)
    options[0].click()
    _wait(d, lambda d: "q=eau+Koulikoro" in d.current_url, "the picked suggestion searched")
    assert box.get_attribute("value") == "eau Koulikoro"
    assert not d.find_element("id", "q-suggestions").is_displayed()


def test_autocomplete_offers_a_domain_as_its_filter(browser, server):
    d = browser
    box, options = _suggested(d, server, "Kayes assain")
    option = next(o for o in options if o.find_element("css selector", ".what").text == "domaine")
    assert option.find_element("css selector", ".name").text == "Eau et assainissement"
    assert option.find_element("css selector", ".what").text == "domaine"
    option.click()
    _wait(d, lambda d: "domaine%3A%22Eau" in d.current_url, "the picked domain searched")
    assert box.get_attribute("value") == 'Kayes domaine:"Eau et assainissement"'


@pytest.mark.parametrize(("typed", "name", "value"), [
    ("eau pays:ma", "Maroc", "eau pays:Maroc"),
    ('eau region:"District de B', "District de Bamako", 'eau region:"District de Bamako"'),
    ("eau (pays:ma", "Maroc", "eau (pays:Maroc"),
    ("domaine:(Santé OR cu", "Culture et patrimoine", 'domaine:(Santé OR "Culture et patrimoine"')])
def test_autocomplete_offers_a_prefixs_values(browser, server, typed, name, value):
    """A prefix's value being typed is offered that facet's values, the clause replaced whole (QA r48,
    QA17, defect 4: the box sent no word with a colon, and /api/suggest read `pays:ma` as names); after a
    parenthesis, or in a prefix's group, only the clause or the value typed (review 1, r49, item 2)."""
    d = browser
    box, options = _suggested(d, server, typed)
    option = next(o for o in options if o.find_element("css selector", ".name").text == name)
    option.click()
    _wait(d, lambda d: box.get_attribute("value") == value and "total" in d.page_source, "the picked value searched")
    assert _console_errors(d) == []


def test_autocomplete_completes_a_word_of_the_sheets(browser, server):
    """`latr` suggested nothing (names and domains only): the sheets' word is offered, picked in
    place of the typed beginning, the other words kept."""
    d = browser
    box, options = _suggested(d, server, "Kayes latr")
    option = options[-1]
    assert option.find_element("css selector", ".name").text == "latrines"
    assert option.find_element("css selector", ".what").text == "mot"
    option.click()
    _wait(d, lambda d: "q=Kayes+latrines" in d.current_url, "the picked word searched")
    assert box.get_attribute("value") == "Kayes latrines"


def test_autocomplete_offers_a_places_name_for_its_other_spelling(browser, server):
    """`Timb` was offered nothing, although the search reads `Timbuktu` as Tombouctou: the name is
    offered with the spelling beside it, and picking it puts the name in the box (QA r43, audit 6,
    defect 10); `St-D` offers Saint-Denis, as the search reads it (defect 2)."""
    d = browser
    box, options = _suggested(d, server, "eau Timb")
    option = next(o for o in options if o.find_element("css selector", ".name").text == "Tombouctou (Timbuktu)")
    option.click()
    _wait(d, lambda d: "q=eau+Tombouctou" in d.current_url, "the picked name searched")
    assert box.get_attribute("value") == "eau Tombouctou"
    box, options = _suggested(d, server, "St-D")
    assert "Saint-Denis" in [o.find_element("css selector", ".name").text for o in options]


@pytest.mark.parametrize("typed, name, value", [
    ("eau Saint D", "Saint-Denis", 'eau collectivité:"Saint-Denis"'),
    ("Rhone A", "Rhône-Alpes", "Rhône-Alpes"),
    ("puits Nioro Sahel", "Nioro du Sahel", "puits Nioro du Sahel"),
    ("CG Isère", "Conseil général de l'Isère", 'collectivité:"Conseil général de l\'Isère"')])
def test_autocomplete_completes_the_name_being_typed_not_its_last_word(browser, server, typed, name, value):
    """The box sent only the last word: `Saint D` and `Rhone A` offered nothing, and picking
    « Nioro du Sahel » for `Nioro Sahel` gave `Nioro Nioro du Sahel` (review 3, r43, #2): the name's
    words typed are sent, and the pick replaces as many as the server says (`replaces`)."""
    d = browser
    box, options = _suggested(d, server, typed)
    option = next(o for o in options if o.find_element("css selector", ".name").text == name)
    option.click()
    _wait(d, lambda d: box.get_attribute("value") == value and "q=" in d.current_url, "the picked name searched")
    assert not d.find_element("id", "q-suggestions").is_displayed()


def test_partnership_page_and_csp(browser, server, engine):
    d = browser
    pid = "ca-evry-centre-essonne--kayes"
    d.get(f"{server}/partenariats/{pid}")
    rec = engine.partnership(pid)
    assert d.find_element("css selector", "h1").text == rec["title"]
    rows = d.find_elements("css selector", "table.actions tbody tr")
    assert [r.get_attribute("id") for r in rows] == [a["id"] for a in engine.actions_of(pid)]
    _full_page_screenshot(d, DOCS / "screenshot-partnership.png")
    assert _console_errors(d) == []
    # long action texts leave the short columns a readable width (they were cut letter by letter)
    d.get(f"{server}/partenariats/cg-isere--cr-tadla-azilal")
    rem = d.execute_script("return parseFloat(getComputedStyle(document.documentElement).fontSize)")
    widths = d.execute_script("return [...document.querySelectorAll('table.actions thead th')]"
                              ".map(th => th.getBoundingClientRect().width)")
    for column, least in ((0, 9), (2, 5.5), (3, 5.5), (4, 7.5)):
        assert widths[column] >= least * rem - 1, (column, widths)
    # The about page's bar charts are SVG, so the CSP (style-src 'self') has nothing to block.
    d.get(server + "/a-propos")
    bars = d.find_elements("css selector", "table.chart rect")
    assert bars and max(float(b.get_attribute("width")) for b in bars) == 100.0
    assert _console_errors(d) == []


def test_works_without_javascript(server, index_dir):
    """The same journey with JavaScript off: plain GET form and links."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="chromium-nojs-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    d = webdriver.Chrome(options=opts, service=Service(executable_path=CHROMEDRIVER))
    try:
        d.get(server + "/")
        assert "js" not in (d.find_element("tag name", "html").get_attribute("class") or "")
        d.find_element("id", "q").send_keys(QUERY)
        d.find_element("css selector", "form.search button[type=submit]").click()
        _wait(d, lambda d: "q=assainissement+Kayes" in d.current_url, "form submitted")
        total = _total(d)
        target = next(a for a in d.find_elements("css selector", "section.facet[data-facet=domain] a.toggle")
                      if int(a.find_element("css selector", ".count").text) < total)
        count = int(target.find_element("css selector", ".count").text)
        target.click()
        _wait(d, lambda d: "domain=" in d.current_url, "facet link followed")
        assert _total(d) == count
    finally:
        d.quit()
        shutil.rmtree(profile, ignore_errors=True)
