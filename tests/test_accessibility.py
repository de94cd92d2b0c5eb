"""Accessibility in headless Chromium (RGAA 4.1 / WCAG 2.1 AA).

- axe-core (from the npm registry, pinned in .ci/axe/package.json and installed
  by .ci/install-browser into .ci/axe/node_modules) is injected into every page
  and state listed in `search_app.accessibility.CHECKED_PAGES`, and into the
  states reached with JavaScript (filters open on a phone, suggestions open,
  export menu and tables open), at desktop (1366×900) and phone (390×844) sizes;
  rules tagged wcag2a, wcag2aa, wcag21a, wcag21aa and best-practice; every
  violation of any impact fails.
- A journey with the keyboard alone (no click): skip link, type, pick a
  suggestion, tick and untick a facet, sort, change page, open a record, come
  back, export; the focus is visible at every stop and stays in a sensible place.
- The polite live region's text after an in-place update.
- Text at 200 % and a 320 px wide window: nothing overflows sideways or is clipped.

Outside CI these skip, saying why, when Chromium or axe-core is missing; under
CI=true they fail instead (CI must run them).
"""
from __future__ import annotations

import csv
import io
import json
import os
import time
from pathlib import Path

import pytest

from engine import SearchRequest
from search_app.accessibility import AXE_TAGS, AXE_VERSION, CHECKED_PAGES, VIEWPORTS
from test_browser import CHROMEDRIVER, _missing, _wait, browser, server  # noqa: F401 (fixtures: pytest finds them by name)

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[1]
AXE_DIR = ROOT / ".ci" / "axe"
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP, PHONE = VIEWPORTS["ordinateur"], VIEWPORTS["téléphone"]
SIZES = {"desktop": DESKTOP, "phone": PHONE}


def _axe_missing() -> str | None:
    reason = _missing()
    if reason:
        return reason
    if not AXE_JS.is_file():
        return f"axe-core is not installed in {AXE_JS.parent} (run .ci/install-browser: npm ci --prefix .ci/axe)"
    return None


@pytest.fixture(scope="module")
def axe_source() -> str:
    reason = _axe_missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the accessibility tests: {reason}")
        pytest.skip(reason)
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def d(axe_source, browser, server):  # noqa: F811 (fixtures) -- axe_source first: under CI a missing tool fails, never skips
    """The browser; each test sets its size, and the size is cleared after the module."""
    yield browser
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _size(d, size) -> None:
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": size == PHONE})


def _axe(d, axe_source: str) -> list[dict]:
    """The violations axe-core finds in the page as it is now (injected through
    the DevTools protocol, so the page's Content-Security-Policy does not block it)."""
    if not d.execute_script("return !!window.axe"):
        d.execute_script(axe_source)
    options = {"runOnly": {"type": "tag", "values": list(AXE_TAGS)}, "resultTypes": ["violations"]}
    result = d.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, arguments[0]).then(function (r) { done({version: axe.version, violations: r.violations}); },"
        " function (e) { done({error: String(e)}); });", options)
    assert "error" not in result, result
    assert result["version"] == AXE_VERSION
    return result["violations"]


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {v['helpUrl']}")
        lines += [f"    {n['target']}: {n['html'][:200]}" for n in v["nodes"][:5]]
    return "\n".join(lines)


def _settled(d) -> None:
    _wait(d, lambda d: d.execute_script("return document.readyState") == "complete", "the page loaded")


def test_the_pinned_axe_is_the_one_the_statement_names():
    pinned = json.loads((AXE_DIR / "package.json").read_text())["dependencies"]["axe-core"]
    locked = json.loads((AXE_DIR / "package-lock.json").read_text())["packages"]["node_modules/axe-core"]
    assert pinned == locked["version"] == AXE_VERSION
    assert locked["integrity"].startswith("sha512-")


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
@pytest.mark.parametrize("path", [p for _, p in CHECKED_PAGES], ids=[p for _, p in CHECKED_PAGES])
def test_axe_finds_no_violation(d, server, axe_source, size, path):  # noqa: F811 (the imported fixtures as parameters)
    _size(d, SIZES[size])
    d.get(server + path)
    _settled(d)
    assert d.find_element("tag name", "html").get_attribute("lang") == "fr"
    violations = _axe(d, axe_source)
    assert violations == [], _describe(violations)


def _open_all_details(d) -> int:
    return d.execute_script(
        "var ds = document.querySelectorAll('main details:not([open])'); ds.forEach(function (x) { x.open = true; });"
        "return ds.length;")


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_axe_on_the_states_reached_with_javascript(d, server, axe_source, size):  # noqa: F811 (the imported fixtures as parameters)
    """Suggestions open with one active, filters open (on a phone), every
    <details> open (export menu, more values, year table, map table, original text)."""
    from selenium.webdriver.common.keys import Keys

    _size(d, SIZES[size])
    d.get(server + "/?q=eau")
    _settled(d)
    box = d.find_element("id", "q")
    box.send_keys(" Koul")
    _wait(d, lambda d: d.find_elements("css selector", "#q-suggestions [role=option]")
          and d.find_element("id", "q-suggestions").is_displayed(), "suggestions")
    # the results follow the typing: wait until they have (a page half-faded while loading
    # has, rightly, not enough contrast)
    _wait(d, lambda d: "q=eau+Koul" in d.current_url, "the results of the typed text")
    if size == "phone":
        d.find_element("id", "filters-toggle").send_keys(Keys.ENTER)
        _wait(d, lambda d: d.find_element("id", "filtres").is_displayed(), "the filters open")
        assert d.find_element("id", "filters-toggle").get_attribute("aria-expanded") == "true"
        assert _focused(d, "#h-filtres")  # the focus follows into the panel it opened
        _wait(d, lambda d: not d.find_element("id", "q-suggestions").is_displayed(), "suggestions closed on leaving")
    box.send_keys(Keys.ARROW_DOWN)  # back in the box, Down opens the suggestions on the first
    assert d.find_element("id", "q-suggestions").is_displayed()
    assert box.get_attribute("aria-activedescendant") == "q-option-0"
    assert d.find_element("id", "filtres").is_displayed()
    assert _open_all_details(d) > 0
    states = {"search": _axe(d, axe_source)}
    for path in ("/carte?q=eau", "/partenariats/ca-evry-centre-essonne--kayes?q=eau", "/?q=eau&type=action"):
        d.get(server + path)
        _settled(d)
        assert _open_all_details(d) > 0
        states[path] = _axe(d, axe_source)
    assert {k: v for k, v in states.items() if v} == {}, "\n".join(
        f"{k}:\n{_describe(v)}" for k, v in states.items() if v)


# --- keyboard ---------------------------------------------------------------

def _active(d):
    return d.switch_to.active_element


def _press(d, *keys, shift: bool = False) -> None:
    """Keys sent to whatever has the focus (as a person would type them)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    chain = ActionChains(d)
    if shift:
        chain.key_down(Keys.SHIFT)
    chain.send_keys(*keys)
    if shift:
        chain.key_up(Keys.SHIFT)
    chain.perform()


def _focus_is_visible(d) -> bool:
    """The focused element shows an outline of 2px or more (or is a text box, with its caret)."""
    return d.execute_script("""
        var el = document.activeElement, s = getComputedStyle(el);
        if (el.matches('input[type=search], input[type=number], input[type=text]')) return true;
        var r = el.getBoundingClientRect();
        return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && r.width > 0 && r.height > 0;""")


def _tab_to(d, css: str, limit: int = 80, back: bool = False) -> None:
    """Press Tab (Shift+Tab when `back`) until the focused element matches `css`,
    checking that every element the focus passes on shows it."""
    from selenium.webdriver.common.keys import Keys

    seen = []
    for _ in range(limit):
        _press(d, Keys.TAB, shift=back)
        el = _active(d)
        desc = d.execute_script(
            "var e = arguments[0]; "
            "return e.tagName + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || '').trim().slice(0, 40);", el)
        seen.append(desc)
        assert _focus_is_visible(d), f"no visible focus on {desc}"
        if d.execute_script("return arguments[0].matches(arguments[1])", el, css):
            return
    raise AssertionError(f"{css} not reached with the keyboard; focus went through {seen}")


def _focused(d, css: str) -> bool:
    return bool(d.execute_script("return document.activeElement.matches(arguments[0])", css))


def test_the_whole_journey_with_the_keyboard_alone(d, server, engine, tmp_path):  # noqa: F811 (the imported fixtures as parameters)
    from selenium.webdriver.common.keys import Keys

    _size(d, DESKTOP)
    d.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})
    d.get(server + "/")
    _settled(d)

    # The first Tab reaches the skip link to the results, shown when focused; Enter moves the focus there.
    _press(d, Keys.TAB)
    assert _active(d).text == "Aller aux résultats" and _active(d).is_displayed() and _focus_is_visible(d)
    _press(d, Keys.ENTER)
    assert _focused(d, "#resultats")
    _press(d, Keys.TAB)
    assert d.execute_script("return document.getElementById('resultats').contains(document.activeElement)")

    # Back to the search box, type, go down the suggestions, pick one with Enter (a place: picked as
    # typed; a collectivity that is no place as its prefix, collectivité:"…", test_browser_history.py).
    _tab_to(d, "#q", back=True)
    _press(d, "Kay")
    _wait(d, lambda d: d.find_elements("css selector", "#q-suggestions [role=option]"), "suggestions")
    box = d.find_element("id", "q")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-expanded") == "true"
    _press(d, Keys.ARROW_DOWN)
    first = d.find_element("css selector", "#q-suggestions [role=option]")
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    assert first.find_element("css selector", ".name").text == "Kayes"
    _press(d, Keys.ENTER)
    query = "Kayes"
    _wait(d, lambda d: "q=Kayes" in d.current_url, "the suggestion searched")
    expected = engine.search(SearchRequest(q=query))["total"]
    _wait(d, lambda d: d.find_element("id", "total").text == str(expected), "its results")
    assert box.get_attribute("value") == query and box.get_attribute("aria-expanded") == "false"
    assert _focused(d, "#q")

    # Escape closes the suggestions and keeps the text.
    _press(d, Keys.BACKSPACE * 2)
    _wait(d, lambda d: d.current_url.endswith("q=Kay") and d.find_element("id", "q-suggestions").is_displayed(),
          "the results and the suggestions of the shorter text")
    _press(d, Keys.ESCAPE)
    assert not d.find_element("id", "q-suggestions").is_displayed()
    assert box.get_attribute("value") == "Kay"
    _press(d, "es")
    _wait(d, lambda d: d.current_url.endswith("q=Kayes") and d.find_element("id", "total").text == str(expected),
          "the same search")
    _press(d, Keys.ESCAPE)

    # Tick a domain with Space, untick it with Space: the focus stays on it.
    domain = next(a.get_attribute("data-value") for a in d.find_elements(
        "css selector", "section.facet[data-facet=domain] a.toggle")
        if int(a.find_element("css selector", ".count").text) < expected)
    toggle = f"section.facet[data-facet=domain] a.toggle[data-value='{domain}']"
    _tab_to(d, toggle)
    _press(d, Keys.SPACE)
    _wait(d, lambda d: "domain=" in d.current_url and _focused(d, toggle + "[aria-checked=true]"), "ticked")
    _press(d, Keys.SPACE)
    _wait(d, lambda d: "domain=" not in d.current_url and _focused(d, toggle + "[aria-checked=false]"), "unticked")

    # Sort with the arrows of the menu, chosen with Enter (the arrows alone only look: WCAG 3.2.2);
    # the focus stays on it.
    _tab_to(d, "#sort")
    _press(d, Keys.ARROW_DOWN)
    _press(d, Keys.ENTER)
    _wait(d, lambda d: "sort=" in d.current_url and _focused(d, "#sort"), "sorted")
    sort = d.current_url.split("sort=")[1].split("&")[0]

    # Next page with Enter: the focus goes to the top of the new results.
    _tab_to(d, "nav.pager a[rel=next]", limit=150)  # past 20 results and their action links
    _press(d, Keys.ENTER)
    _wait(d, lambda d: "page=2" in d.current_url and _focused(d, "#resultats"), "page 2")
    results_url, hits = d.current_url, [li.get_attribute("data-id") for li in d.find_elements("css selector", "li.hit")]

    # Open the first record, then come back with its link.
    _tab_to(d, "li.hit h3 a")
    _press(d, Keys.ENTER)
    _wait(d, lambda d: "/partenariats/" + hits[0] in d.current_url, "the record")
    _tab_to(d, "#back-link")
    _press(d, Keys.ENTER)
    _wait(d, lambda d: d.current_url == f"{results_url}#hit-{hits[0]}", "back at the results, at the one opened")
    assert [li.get_attribute("data-id") for li in d.find_elements("css selector", "li.hit")] == hits
    assert f"sort={sort}" in d.current_url and "page=2" in d.current_url
    _tab_to(d, f"li.hit[data-id='{hits[0]}'] h3 a", limit=1)  # Tab goes on from the result opened

    # Export: open the menu with Enter, take the CSV of every result with Enter.
    _tab_to(d, "details.export summary", back=True)
    _press(d, Keys.ENTER)
    assert d.find_element("id", "export").get_attribute("open") is not None
    _tab_to(d, "#export-csv")
    _press(d, Keys.ENTER)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not [p for p in tmp_path.glob("*.csv")]:
        time.sleep(0.1)
    files = list(tmp_path.glob("*.csv"))
    assert files, "the export was not downloaded"
    rows = list(csv.DictReader(io.StringIO(files[0].read_text(encoding="utf-8-sig"))))
    assert len(rows) == expected > 20  # every result, not only the page shown


def test_the_live_region_announces_the_count_and_the_notices(d, server, engine):  # noqa: F811 (the imported fixtures as parameters)
    from selenium.webdriver.common.keys import Keys

    _size(d, DESKTOP)
    d.get(server + "/")
    _settled(d)
    live = d.find_element("id", "live")
    assert live.get_attribute("aria-live") == "polite" and live.text == ""

    # No result holds both words: the count and the notice are read out.
    query = "medina forage"
    r = engine.search(SearchRequest(q=query))
    notice = "Aucun résultat ne contient tous les mots : voici ceux qui en contiennent au moins un."
    assert notice in r["query"]["notices"] and r["total"] > 1
    d.find_element("id", "q").send_keys(query)
    want = f"{r['total']} partenariats, page 1 sur {r['pages']}. {notice}"
    _wait(d, lambda d: d.execute_script("return document.getElementById('live').textContent") == want,
          "the live region's text")

    # Ticking a value (in place) reads the new count.
    target = d.find_element("css selector", "section.facet[data-facet=country] a.toggle[data-value='Maroc']")
    count = int(target.find_element("css selector", ".count").text)
    target.send_keys(Keys.ENTER)
    _wait(d, lambda d: d.execute_script("return document.getElementById('live').textContent").startswith(
        f"{count} partenariat"), "the new count read")
    # A search that finds nothing says so.
    box = d.find_element("id", "q")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys("zzzxqw")
    _wait(d, lambda d: d.execute_script("return document.getElementById('live').textContent") ==
          "Aucun résultat pour « zzzxqw » avec ce filtre. Aucun document ne contient « zzzxqw ».", "no result read")



def test_narrowing_a_filter_list_reads_what_is_left(d, server):  # noqa: F811 (the imported fixtures as parameters)
    """The box above a long list of values hid those not matching, and a screen reader heard nothing,
    not even « Aucune valeur ne correspond. » (QA r45, audit 12, defect 8): what is left is read out."""
    _size(d, DESKTOP)
    d.get(server + "/?q=eau")
    _settled(d)
    box = d.find_element("id", "filter-domain")
    values = d.find_elements("css selector", "section.facet[data-facet=domain] ul.values > li")
    box.send_keys("sant")
    shown = [li for li in values if li.get_attribute("hidden") is None]
    assert 0 < len(shown) < len(values)
    want = ("1 valeur" if len(shown) == 1 else f"{len(shown)} valeurs") + f" sur {len(values)}."
    _wait(d, lambda d: d.execute_script("return document.getElementById('live').textContent") == want, want)
    box.send_keys("zzz")
    _wait(d, lambda d: d.execute_script("return document.getElementById('live').textContent")
          == "Aucune valeur ne correspond.", "none left, said")
    assert d.find_element("css selector", "section.facet[data-facet=domain] .facet-none").is_displayed()


def test_a_value_ticked_from_a_narrowed_list_reads_its_results_not_the_list(d, server):  # noqa: F811 (the imported fixtures as parameters)
    """The count of values left is read once the typing pauses: a value ticked before that pause loaded
    its results, read out, and then the count of values of the list gone replaced them in the live region."""
    _size(d, DESKTOP)
    d.get(server + "/?q=eau")
    _settled(d)
    # typed and ticked at once (a keyboard's Tab and Space come as quick): the load is back before the pause
    d.execute_script("""var box = document.getElementById('filter-domain');
        box.value = 'sant'; box.dispatchEvent(new Event('input', {bubbles: true}));
        document.querySelector('section.facet[data-facet=domain] ul.values > li:not([hidden]) a.toggle').click();""")
    _wait(d, lambda d: "domain=" in d.current_url, "the value ticked")
    time.sleep(1.5)  # the results loaded and read, and past the count's pause
    said = d.execute_script("return document.getElementById('live').textContent")
    assert "valeur" not in said, said

# --- reading ----------------------------------------------------------------

FONT_SIZE_JS = "return parseFloat(getComputedStyle(document.querySelector('main p, main li')).fontSize)"

OVERFLOW_JS = """
var doc = document.documentElement, out = [];
if (doc.scrollWidth > window.innerWidth) out.push('page ' + doc.scrollWidth + ' > ' + window.innerWidth);
document.querySelectorAll('body *').forEach(function (el) {
  if (el.closest('.visually-hidden, svg, [hidden]') || !el.getClientRects().length) return;
  if (el.clientWidth <= 1 && el.clientHeight <= 1) return;  // hidden for the eye, read by screen readers
  var s = getComputedStyle(el);
  var clips = /hidden|clip/.test(s.overflowX) || /hidden|clip/.test(s.overflowY);
  if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) && el.textContent.trim())
    out.push('clipped: ' + el.tagName + '.' + el.className + ' ' + el.scrollWidth + 'x' + el.scrollHeight
             + ' in ' + el.clientWidth + 'x' + el.clientHeight);
  var r = el.getBoundingClientRect();
  if (r.right > window.innerWidth + 1 && s.position !== 'absolute' && !el.closest('.table-wrap'))
    out.push('beyond the right edge: ' + el.tagName + '.' + el.className + ' ' + Math.round(r.right));
});
return out.slice(0, 10);
"""
RESIZE_PAGES = ["/?q=eau", "/?q=eau+potable", "/?q=eau&domain=Sant%C3%A9", "/carte?q=eau",
                "/partenariats/ca-evry-centre-essonne--kayes",
                "/partenariats/saint-denis--tiznit", "/a-propos", "/accessibilite", "/?page=0", "/?q=zzzxqw"]


@pytest.mark.parametrize("how", ["text-200", "width-320"])
def test_text_at_200_percent_and_a_narrow_window_lose_nothing(d, server, how):  # noqa: F811 (the imported fixtures as parameters)
    """WCAG 1.4.4 (text doubled in a desktop window: the page's text sizes are
    relative, so the root size doubles them all) and 1.4.10 (reflow at 320 px)."""
    _size(d, DESKTOP if how == "text-200" else (320, 640))
    problems = {}
    for path in RESIZE_PAGES:
        d.get(server + path)
        _settled(d)
        if how == "text-200":
            before = d.execute_script(FONT_SIZE_JS)
            d.execute_script("document.documentElement.style.fontSize = '200%'")
            after = d.execute_script(FONT_SIZE_JS)
            assert after >= 1.95 * before, (path, before, after)  # no text size is fixed in pixels
        _open_all_details(d)
        found = d.execute_script(OVERFLOW_JS)
        if found:
            problems[path] = found
    assert problems == {}


def test_focus_ring_and_field_borders_have_enough_contrast(d, server):  # noqa: F811 (the imported fixtures as parameters)
    """WCAG 1.4.11: the focus ring and the borders of the form fields reach 3:1 against white."""
    _size(d, DESKTOP)
    d.get(server + "/?q=eau")
    _settled(d)
    from selenium.webdriver.common.keys import Keys

    colours = d.execute_script("""return {
        search: getComputedStyle(document.getElementById('q')).borderTopColor,
        sort: getComputedStyle(document.getElementById('sort')).borderTopColor,
        checkbox: getComputedStyle(document.querySelector('.toggle .box')).borderTopColor};""")
    d.find_element("css selector", "li.hit h3 a").send_keys(Keys.SHIFT, Keys.TAB)
    d.find_element("css selector", "li.hit h3 a").send_keys(Keys.TAB)  # keyboard focus: :focus-visible applies
    ring = d.execute_script("return getComputedStyle(document.activeElement).outlineColor")

    def rgb(css: str) -> tuple[float, ...]:
        return tuple(float(x) for x in css[css.index("(") + 1:css.index(")")].split(",")[:3])

    def contrast(c: tuple[float, ...]) -> float:
        def lin(v: float) -> float:
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        lum = 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
        return 1.05 / (lum + 0.05)

    assert contrast(rgb(ring)) >= 3, ring
    for name, css in colours.items():
        assert contrast(rgb(css)) >= 3, (name, css)
