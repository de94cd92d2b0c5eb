"""Journeys in headless Chromium at desktop (1366×900) and phone (390×844)
sizes: the search carried to a record and back, the phone filter flow, the
map as a facet, the export of the whole result set, and no page wider than
the phone. With REPERTOIRES_SCREENSHOTS=1 the screenshots of docs/ are
remade (search on a phone, a partnership on a phone, the map; test_browser.py
makes the desktop ones).

Fixtures and helpers come from test_browser.py (same server and browser setup).
"""
from __future__ import annotations

import csv
import io
import os
import urllib.request
from pathlib import Path

import pytest

from engine import SearchRequest
from test_browser import DOCS, _console_errors, _hit_ids, _total, _wait, browser, server  # noqa: F401 (fixtures: pytest finds them by name)

pytestmark = pytest.mark.browser
DESKTOP = (1366, 900)
PHONE = (390, 844)


def _size(d, size, mobile=False) -> None:
    """The viewport at exactly this size (as a phone when `mobile`)."""
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": mobile})


@pytest.fixture
def desktop(browser):  # noqa: F811 (the imported fixtures as parameters)
    _size(browser, DESKTOP)
    yield browser
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.fixture
def phone(browser):  # noqa: F811 (the imported fixtures as parameters)
    _size(browser, PHONE, mobile=True)
    yield browser
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _screenshot(d, name: str, size, max_height: int = 2400) -> None:
    """Into docs/ with REPERTOIRES_SCREENSHOTS=1 (else a temporary file, still
    taken so that a page that cannot be rendered fails)."""
    import tempfile

    path = DOCS / name if os.environ.get("REPERTOIRES_SCREENSHOTS") == "1" else Path(tempfile.gettempdir()) / name
    d.execute_script("window.scrollTo(0, 0)")
    height = min(d.execute_script("return document.documentElement.scrollHeight"), max_height)
    _size(d, (size[0], height), mobile=size == PHONE)
    d.save_screenshot(str(path))
    _size(d, size, mobile=size == PHONE)


def _total_int(d) -> int:
    return int("".join(ch for ch in d.find_element("id", "total").text if ch.isdigit()))


def test_search_tick_a_domain_open_a_record_and_come_back(desktop, server, engine):  # noqa: F811 (the imported fixtures as parameters)
    d = desktop
    d.get(server + "/?q=eau")
    _wait(d, lambda d: _total_int(d) == engine.search(SearchRequest(q="eau"))["total"], "results")
    target = next(a for a in d.find_elements("css selector", "section.facet[data-facet=domain] a.toggle")
                  if a.get_attribute("data-value") == "Santé")
    count = int(target.find_element("css selector", ".count").text)
    target.click()
    _wait(d, lambda d: "domain=Sant%C3%A9" in d.current_url and _total(d) == count, "filtered by Santé")
    search_url, hits = d.current_url, _hit_ids(d)
    d.find_element("css selector", "li.hit h3 a").click()
    _wait(d, lambda d: "/partenariats/" + hits[0] in d.current_url, "the record")
    assert "q=eau" in d.current_url and "domain=Sant%C3%A9" in d.current_url
    assert d.find_elements("css selector", "article.partnership mark")  # the search words are marked
    back = d.find_element("id", "back-link")
    assert back.text == "← Retour aux résultats"
    back.click()
    _wait(d, lambda d: d.current_url == f"{search_url}#hit-{hits[0]}", "back at the same search")
    _wait(d, lambda d: _hit_ids(d) == hits, "the same results")
    ticked = d.find_element("css selector", "section.facet[data-facet=domain] a.toggle[data-value='Santé']")
    assert ticked.get_attribute("aria-checked") == "true"
    assert _console_errors(d) == []


def test_phone_filters_open_above_the_results_and_close_after_a_change(phone, server, engine):  # noqa: F811 (the imported fixtures as parameters)
    d = phone
    d.get(server + "/?q=eau")
    assert d.execute_script("return window.innerWidth") == PHONE[0]
    panel = d.find_element("id", "filtres")
    toggle = d.find_element("id", "filters-toggle")
    assert not panel.is_displayed() and toggle.is_displayed()
    box = d.find_element("id", "q")
    assert box.size["width"] >= PHONE[0] - 2 * 16  # the search box takes the whole width
    results_top = d.find_element("id", "resultats").location["y"]
    assert toggle.location["y"] < results_top + 200  # the control is above the results
    toggle.click()
    _wait(d, lambda d: panel.is_displayed(), "filters open")
    assert panel.location["y"] < d.find_element("css selector", "li.hit").location["y"]
    target = next(a for a in d.find_elements("css selector", "section.facet[data-facet=country] a.toggle")
                  if a.get_attribute("data-value") == "Mali")
    count = int(target.find_element("css selector", ".count").text)
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", target)
    target.click()
    _wait(d, lambda d: "country=Mali" in d.current_url and _total(d) == count, "filtered by Mali")
    _wait(d, lambda d: not d.find_element("id", "filtres").is_displayed(), "filters closed after the change")
    top = d.execute_script("return document.getElementById('resultats').getBoundingClientRect().top")
    assert -5 <= top <= 150, top  # the results are in view again, not 9 000 px above
    assert d.find_element("id", "filters-toggle").text == "Filtres (1)"
    assert d.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]
    _screenshot(d, "screenshot-search-phone.png", PHONE)
    assert _console_errors(d) == []


def test_a_map_mark_names_its_place_and_filters_by_its_region(desktop, server):  # noqa: F811 (the imported fixtures as parameters)
    d = desktop
    d.get(server + "/carte?q=eau")
    total = _total_int(d)
    from selenium.webdriver.common.action_chains import ActionChains

    mark = d.find_element("css selector", "a.mark.partner[data-label^='Kayes']")
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    ActionChains(d).move_to_element(mark).perform()
    _wait(d, lambda d: d.find_element("id", "map-info").text.startswith("Kayes"), "the place named")
    info = d.find_element("id", "map-info").text
    assert "partenariat" in info
    region_count = next(int(a.find_element("css selector", ".count").text)
                        for a in d.find_elements("css selector", "section.facet[data-facet=region] a.toggle")
                        if a.get_attribute("data-value") == "Kayes")
    _screenshot(d, "screenshot-map.png", DESKTOP, max_height=1100)
    d.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))", mark)
    _wait(d, lambda d: "region=Kayes" in d.current_url and "/carte" in d.current_url, "filtered by the map")
    _wait(d, lambda d: _total_int(d) == region_count < total, "the région's partnerships")
    chip = d.find_element("css selector", ".active-filters .chip")
    assert "Kayes" in chip.text
    assert d.find_elements("css selector", "a.mark.partner.selected")
    assert _console_errors(d) == []


def test_the_export_link_gives_every_result(desktop, server):  # noqa: F811 (the imported fixtures as parameters)
    d = desktop
    d.get(server + "/?q=sant%C3%A9&country=Mali")
    total = _total_int(d)
    assert total > 20  # more than the page shows
    d.find_element("css selector", "details.export summary").click()
    link = d.find_element("id", "export-csv")
    _wait(d, lambda d: link.is_displayed(), "the export menu")
    with urllib.request.urlopen(link.get_attribute("href"), timeout=30) as resp:
        text = resp.read().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == total
    assert {r["countries"].split("; ")[0] for r in rows} >= {"Mali"}


PHONE_PAGES = ["/", "/?q=eau", "/?q=eau&type=action", "/carte?q=eau", "/?q=zzzxqw", "/?country=Atlantis", "/a-propos",
               "/?q=Kayes&per_page=5&page=3", "/partenariats/saint-denis--tiznit",
               "/partenariats/cleon--souk-el-khemis", "/partenariats/nope"]


def test_no_page_is_wider_than_the_phone(phone, server, engine):  # noqa: F811 (the imported fixtures as parameters)
    d = phone
    st = engine.state()
    # the records most likely to overflow: the longest texts, titles and tables
    longest = sorted(st.partnerships.values(), key=lambda p: -len(p.get("original_text") or ""))[:4]
    widest = sorted(st.partnerships.values(), key=lambda p: -max((len(w) for w in p["title"].split()), default=0))[:2]
    busiest = sorted(st.partnerships, key=lambda pid: -len(st.actions_of.get(pid, [])))[:2]
    pages = (PHONE_PAGES + [f"/partenariats/{p['id']}" for p in longest + widest]
             + [f"/partenariats/{p}" for p in busiest])
    too_wide = {}
    for path in pages:
        d.get(server + path)
        width = d.execute_script("return document.documentElement.scrollWidth")
        if width > PHONE[0]:
            too_wide[path] = width
    assert too_wide == {}
    d.get(f"{server}/partenariats/ca-evry-centre-essonne--kayes")
    cells = [c for c in d.find_elements("css selector", "table.actions td[data-label='Années']")
             if c.get_attribute("textContent").strip()]  # an action without a date has an empty cell
    assert cells and all(c.is_displayed() and c.location["x"] + c.size["width"] <= PHONE[0] for c in cells)
    _screenshot(d, "screenshot-partnership-phone.png", PHONE, max_height=3000)


def test_a_record_prints_without_navigation_on_few_pages(desktop, server):  # noqa: F811 (the imported fixtures as parameters)
    import base64
    import re

    d = desktop
    d.get(f"{server}/partenariats/ca-evry-centre-essonne--kayes?q=jumelage")
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        for selector in ("header.site", "footer.site", "nav.back"):
            assert not d.find_element("css selector", selector).is_displayed(), selector
        assert d.find_element("css selector", "table.actions").is_displayed()
        pdf = base64.b64decode(d.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})["data"])
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert 1 <= pages <= 4  # it printed as 5 pages with the navigation
    finally:
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_an_actions_details_fit_a_phone_and_print(browser, server):  # noqa: F811 (the imported fixtures as parameters)
    """An action's objectives, partners and beneficiaries, now in its row (QA r43, audit 6, defect 4), fit a
    375 px phone (the longest, Champagne-Ardenne-Oriental's 1 000 characters, wrap inside the action's card)
    and print with the row."""
    d = browser
    pages = ("/partenariats/cr-champagne-ardenne--cr-oriental", "/partenariats/tours--marrakech")
    _size(d, (375, 812), mobile=True)
    try:
        for path in pages:
            d.get(server + path)
            assert d.execute_script("return document.documentElement.scrollWidth") <= 375, path
            details = d.find_elements("css selector", "table.actions dl.action-details")
            assert details, path
            for dl in details:
                assert dl.is_displayed() and dl.location["x"] >= 0 and dl.location["x"] + dl.size["width"] <= 375
                labels = {dt.text.replace("\u202f", " ") for dt in dl.find_elements("css selector", "dt")}
                assert labels and labels <= {"Objectifs :", "Partenaires :", "Bénéficiaires :"}
    finally:
        d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    _size(d, DESKTOP)
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        d.get(server + pages[1])
        row = d.find_element("id", "tours--marrakech--a01")
        assert "Bénéficiaires : Les habitants des douars." in row.text.replace("\u00a0", " ").replace("\u202f", " ")
        assert all(dl.is_displayed() for dl in d.find_elements("css selector", "dl.action-details"))
    finally:
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# every control a finger uses on each page, and the suggestions; a result's title too (the links inside
# the results' text are not controls, and the year chart's bars have their list of years)
PHONE_TARGETS = {
    "/?q=eau&country=Mali": [
        "header.site a", "form.search button", "#filters-toggle", ".views a", "#sort", "#export-summary",
        "#export li a", "section.facet a.toggle", "section.facet summary", ".facet-filter-input", "#year_from",
        "#year-range button", ".active-filters a", "nav.pager a", "li.hit h3 a", "#filters-done"],
    "/carte?q=eau": ["#map-table-summary", ".map-table td a"],
    "/partenariats/ca-evry-centre-essonne--kayes?q=eau": ["nav.back a", "main summary"],
    "/?q=zzzxqw": [".no-results .examples a"],
}


def test_a_phones_controls_are_big_enough_for_a_finger(browser, server):  # noqa: F811 (the imported fixtures as parameters)
    """At 360×740 the controls were 16 to 33 px high (« ← Retour aux résultats » 16, « Filtres » 33, the
    filters' values 27, « Liste » and « Carte » 31): each is 44 px or more each way (WCAG 2.5.5; QA r45,
    audit 12, defect 2)."""
    d = browser
    _size(d, (360, 740), mobile=True)
    small, unmatched = [], []
    try:
        for path, selectors in PHONE_TARGETS.items():
            d.get(server + path)
            d.execute_script("document.body.classList.add('filters-open');"
                             "document.querySelectorAll('main details').forEach(function (x) { x.open = true; });")
            for css in selectors:
                boxes = d.execute_script(
                    "return [...document.querySelectorAll(arguments[0])].filter(e => e.getClientRects().length)"
                    ".map(e => { var r = e.getBoundingClientRect();"
                    " return [e.textContent.trim().slice(0, 30), r.width, r.height]; });", css)
                if not boxes:
                    unmatched.append((path, css))
                small += [(path, css, *b) for b in boxes if b[1] < 43.5 or b[2] < 43.5]
        box = d.find_element("id", "q")
        box.send_keys("eau Koul")
        _wait(d, lambda d: d.find_elements("css selector", "#q-suggestions [role=option]"), "suggestions")
        small += [("/?q=zzzxqw", "option", o.text, o.size["width"], o.size["height"])
                  for o in d.find_elements("css selector", "#q-suggestions [role=option]") if o.size["height"] < 43.5]
    finally:
        d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert unmatched == []
    assert small == []


def test_a_load_the_connection_fails_says_so_and_tries_again(desktop, server):  # noqa: F811 (the imported fixtures as parameters)
    """Out of coverage, a filter ticked did nothing, without a word (the failed load was dropped): the
    results stay, under a message read out at once, and its « Réessayer », focused, loads them once the
    connection is back (QA r45, audit 12, defect 3)."""
    from selenium.webdriver.common.keys import Keys

    d = desktop
    d.get(server + "/?q=eau")
    hits = _hit_ids(d)
    target = d.find_element("css selector", "section.facet[data-facet=country] a.toggle[data-value='Mali']")
    count = int(target.find_element("css selector", ".count").text)
    d.execute_cdp_cmd("Network.enable", {})
    offline = {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}
    try:
        d.execute_cdp_cmd("Network.emulateNetworkConditions", offline)
        target.click()
        alert = _wait(d, lambda d: d.find_elements("css selector", "#results-zone #load-failed[role=alert]"),
                      "the failure said")[0]
        assert alert.text.startswith("Les résultats n'ont pas pu être chargés")
        assert d.switch_to.active_element.text == "Réessayer"
        assert _hit_ids(d) == hits and "country=" not in d.current_url
        d.execute_cdp_cmd("Network.emulateNetworkConditions", dict(offline, offline=False))
        d.switch_to.active_element.send_keys(Keys.ENTER)
        _wait(d, lambda d: "country=Mali" in d.current_url and _total(d) == count, "the results, tried again")
        assert not d.find_elements("id", "load-failed")
    finally:
        d.execute_cdp_cmd("Network.emulateNetworkConditions", dict(offline, offline=False))
        d.execute_cdp_cmd("Network.disable", {})


def test_back_to_the_results_comes_back_to_the_one_opened(browser, server):  # noqa: F811 (the imported fixtures as parameters)
    """On a phone, « ← Retour aux résultats » from the tenth result opened showed the results from their
    top, 8 600 px above it (QA r45, audit 12, defect 7): the link leads to the result opened."""
    d = browser
    _size(d, (360, 740), mobile=True)
    try:
        d.get(server + "/?q=assainissement+Kayes")
        hits = _hit_ids(d)
        link = d.find_elements("css selector", "li.hit h3 a")[9]
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        link.click()
        _wait(d, lambda d: f"/partenariats/{hits[9]}?" in d.current_url, "the tenth record")
        d.find_element("id", "back-link").click()
        _wait(d, lambda d: "/partenariats/" not in d.current_url and _hit_ids(d) == hits, "the same results")
        top = d.execute_script("return document.querySelectorAll('li.hit')[9].getBoundingClientRect().top")
        assert -1 < top < 740 / 2, top  # at the top, to within a sub-pixel rounding (-0.03125 once its layout changed)
    finally:
        d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_buttons_and_the_view_shown_stand_out_in_forced_colours(desktop, server):  # noqa: F811 (the imported fixtures as parameters)
    """A contrast theme drops the backgrounds: « Rechercher » (a background, no border) read as plain
    text, and « Liste », the view shown, as « Carte » (QA r45, audit 12, defect 6)."""
    d = desktop
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "forced-colors", "value": "active"}]})
    try:
        d.get(server + "/?q=eau")
        assert d.execute_script("return matchMedia('(forced-colors: active)').matches")
        look = d.execute_script("""var b = getComputedStyle(document.querySelector('form.search button')),
            shown = getComputedStyle(document.querySelector('.views a[aria-current=page]')),
            other = getComputedStyle(document.querySelector('.views a:not([aria-current])'));
            return [b.borderTopStyle, parseFloat(b.borderTopWidth), shown.outlineStyle, other.outlineStyle];""")
        assert look[0] != "none" and look[1] >= 1, look
        assert look[2] != "none" and look[3] == "none", look
    finally:
        d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


def test_a_facet_list_box_finds_a_value_by_its_words(desktop, server):  # noqa: F811 (the imported fixtures as parameters)
    """The box above a long facet list looked for the text typed as one piece: `saint denis`,
    `ile de france`, `eau assain` found « Aucune valeur ne correspond » beside Saint-Denis,
    Île-de-France and « Eau et assainissement » (UX r56). Each word counts, in any order,
    hyphens and apostrophes ignored, `st` for Saint."""
    d = desktop
    _console_errors(d)  # (the log so far is the tests' before: read, so emptied)
    d.get(server + "/")

    def shown(facet: str, text: str) -> list[str]:
        box = d.find_element("css selector", f"section.facet[data-facet={facet}] .facet-filter-input")
        d.execute_script("arguments[0].scrollIntoView()", box)
        box.clear()
        box.send_keys(text)  # (the list is narrowed on each input event, at once)
        return [a.get_attribute("data-value") for a in
                d.find_elements("css selector", f"section.facet[data-facet={facet}] a.toggle") if a.is_displayed()]

    assert shown("domain", "eau assain") == ["Eau et assainissement"]
    assert shown("domain", "economique dev") == ["Développement économique"]
    assert "Saint-Denis" in shown("french", "saint denis")
    assert "Saint-Denis" in shown("french", "st denis")
    assert shown("french", "ile de france") == ["Conseil régional d'Île-de-France"]
    assert shown("french", "xyzzy") == []
    assert _console_errors(d) == []
