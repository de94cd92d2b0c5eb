"""Accessibility of the HTML as served (no browser): the statement and its
footer link on every page, the language, landmarks and skip links, facet
checkboxes named with their value and count, the text alternatives of the
year chart and of the map. The browser checks (axe-core, keyboard, live
region, text size) are in test_accessibility.py."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from engine import SearchRequest
from search_app import create_app
from search_app.accessibility import CHECKED_PAGES, STATUS

KAYES = "assainissement Kayes"


class Tree(HTMLParser):
    """Start tags with their attributes, and the text inside each element with an id."""

    VOID = frozenset({"meta", "link", "input", "br", "img", "hr", "source", "rect", "circle", "path"})

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: dict[str, str] = {}
        self._open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag not in self.VOID:
            self._open.append((tag, a.get("id")))
            if a.get("id"):
                self.text[a["id"]] = ""

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        for _, ident in self._open:
            if ident:
                self.text[ident] += data

    def find(self, tag=None, **attrs) -> list[dict]:
        return [a for t, a in self.tags if (tag is None or t == tag)
                and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())]


def tree(html: str) -> Tree:
    t = Tree()
    t.feed(html)
    return t


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("path", [p for _, p in CHECKED_PAGES] + ["/carte", "/?q=eau&page=999"])
def test_every_page_is_in_french_with_landmarks_and_links_the_statement(client, path):
    r = client.get(path)
    html = r.get_data(as_text=True)
    t = tree(html)
    assert t.find("html")[0]["lang"] == "fr"
    assert len(t.find("main", id="contenu")) == 1 and t.find("header") and t.find("footer")
    assert len(t.find("h1")) == 1
    link = t.find("a", id="footer-a11y")
    assert link and link[0]["href"] == "/accessibilite"
    assert squash(t.text["footer-a11y"]) == f"Accessibilité : {STATUS}"
    skips = [a["href"] for a in t.find("a", class_="skip")]
    assert skips[-1] == "#contenu"
    if "id=\"resultats\"" in html:
        assert skips[0] == "#resultats"  # the first Tab of a search page goes to the results
    for target in skips:
        assert f'id="{target[1:]}"' in html


def test_the_statement_says_what_a_french_public_service_must_say(client):
    html = client.get("/accessibilite").get_data(as_text=True)
    t = tree(html)
    headings = [squash(m) for m in re.findall(r"<h2>(.*?)</h2>", html)]
    assert headings == ["État de conformité", "Résultats des tests", "Contenus non accessibles",
                        "Établissement de cette déclaration", "Retour d'information et contact", "Voies de recours"]
    assert "<strong>non conforme</strong>" in html and "RGAA), version 4.1.2" in html
    assert "article 47 de la loi n° 2005-102 du 11 février 2005" in html
    assert "Cette déclaration a été établie le 2 décembre 2026 et mise à jour le 7 décembre 2026." in html
    assert "(<code>aria-busy</code>)" in html  # the check tests/test_browser_status.py makes
    assert "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07" in html
    assert "axe-core 4.14.1" in html
    tested = squash(html.split("<h2>Résultats des tests</h2>", 1)[1].split("<h2>", 1)[0])
    for check in ("valeurs restantes", "« Réessayer »", "« Précédent »", "44 × 44 pixels", "couleurs forcées"):
        assert check in tested, check  # round 45's browser checks (test_browser_journeys, _history, test_accessibility)
    everywhere = ("/", "/a-propos", "/accessibilite")
    assert [a["href"] for a in t.find("a") if a.get("href", "").startswith("/") and
            a["href"] not in everywhere] == [p for _, p in CHECKED_PAGES if p not in everywhere]
    assert "Aucune adresse de contact" in html


def test_the_statement_gives_the_contact_the_server_was_started_with(index_dir):
    for contact, href in (("accessibilite@example.org", "mailto:accessibilite@example.org"),
                          ("https://example.org/contact", "https://example.org/contact")):
        app = create_app({"INDEX_DIR": str(index_dir), "ACCESSIBILITY_CONTACT": contact})
        html = app.test_client().get("/accessibilite").get_data(as_text=True)
        assert f'<a href="{href}">{contact}</a>' in html
        assert "Aucune adresse de contact" not in html


def test_facet_checkboxes_are_named_with_their_value_and_count(client, engine):
    html = client.get("/", query_string={"q": KAYES}).get_data(as_text=True)
    facets = engine.search(SearchRequest(q=KAYES))["facets"]
    names = {}
    for m in re.finditer(r'<a class="toggle[^"]*" href="[^"]*" role="checkbox" aria-checked="(?:true|false)" '
                         r'data-value="([^"]*)">(.*?)</a>', html):
        names.setdefault(m.group(1), squash(re.sub(r"<[^>]+>", " ", m.group(2))))
    for it in facets["domain"]:
        n = it["count"]
        assert names[it["value"]] == f"{it['value']} {n} {'résultat' if n < 2 else 'résultats'}"
    # each facet is a group named by its heading
    assert '<section class="facet" data-facet="domain" role="group" aria-labelledby="h-domain">' in html


def test_the_year_chart_has_a_table_of_its_values(client, engine):
    html = client.get("/", query_string={"q": KAYES, "year": "2005"}).get_data(as_text=True)
    years = {int(it["value"]): it for it in engine.search(
        SearchRequest(q=KAYES, filters={"year": [2005]}))["facets"]["year"] if it["value"] != "none"}  # (no bar)
    chart = html[html.index('<figure class="yearchart"'):html.index("</figure>")]
    # the bars are a shortcut for the pointer, hidden from screen readers and out of the Tab order
    assert re.search(r'<svg [^>]*aria-hidden="true"', chart)
    links = re.findall(r"<a [^>]*>", chart)
    assert links and all('tabindex="-1"' in a for a in links)
    table = html[html.index('id="yearchart-table"'):]
    table = table[:table.index("</table>")]
    rows = re.findall(r'<th scope="row">(\d{4})( <span class="tick">\(filtre actif\)</span>)?</th>'
                      r'<td class="n">(\d+)</td>', table)
    assert {int(y): int(n) for y, _, n in rows} == {y: it["count"] for y, it in years.items()}
    assert [int(y) for y, ticked, _ in rows if ticked] == [2005]


def test_the_map_has_a_table_of_its_places_and_a_way_past_it(client):
    html = client.get("/carte", query_string={"q": "eau"}).get_data(as_text=True)
    data = client.get("/api/map", query_string={"q": "eau"}).get_json()
    table = html[html.index('id="map-table"'):]
    table = table[:table.index("</table>")]
    counts = [int(n) for n in re.findall(r'<td class="n">(\d+)</td>', table)]
    assert counts == [p["count"] for p in data["places"]] and counts
    assert '<a href="#map-table-summary" class="skip-inline">' in html
    assert 'role="region" aria-labelledby="map-table-summary"' in html  # the scrolling table is reachable
    assert 'aria-live' not in html[html.index('id="map-info"') - 40:html.index('id="map-info"') + 60]


def test_the_search_box_is_ready_to_be_a_combobox(client):
    html = client.get("/").get_data(as_text=True)
    t = tree(html)
    box = t.find("input", id="q")[0]
    assert "list" not in box  # no bare <datalist>: search.js makes the box an ARIA combobox
    listbox = t.find("ul", id="q-suggestions")[0]
    assert listbox["role"] == "listbox" and "hidden" in listbox and listbox["aria-label"]
    assert t.find("p", id="live")[0]["aria-live"] == "polite"


def test_the_live_text_holds_the_count_and_the_notices(client, engine):
    q = "medina forage"
    r = engine.search(SearchRequest(q=q))
    html = client.get("/", query_string={"q": q}).get_data(as_text=True)
    text = squash(tree(html).text["announce"])
    assert text == f"{r['total']} partenariats, page 1 sur {r['pages']}. " + " ".join(r["query"]["notices"])
    assert "Aucun résultat ne contient tous les mots" in text
    one = client.get("/", query_string={"q": "zzzxqw"}).get_data(as_text=True)
    assert squash(tree(one).text["announce"]) == ("Aucun résultat pour « zzzxqw ». "
                                                  "Aucun document ne contient « zzzxqw ».")
    bad = client.get("/", query_string={"page": "0"}).get_data(as_text=True)
    assert squash(tree(bad).text["announce"]) == "Le paramètre « Page » (page) doit valoir au moins 1 (reçu : 0)."


def test_the_results_are_the_next_heading_after_results(client):
    """With a filter on, a hidden h2 « Filtres actifs » stood between the h2 « Résultats » and the
    results' h3s: a screen reader going by headings found the results filed under the filters
    (QA, round 40). The chips are a labelled region instead."""
    html = client.get("/", query_string={"q": "eau", "country": "Mali"}).get_data(as_text=True)
    outline = re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.DOTALL)
    at = next(i for i, (_, text) in enumerate(outline) if text.strip() == "Résultats")
    assert outline[at + 1][0] == "3"  # the first result, under « Résultats »
    assert 'aria-label="Filtres actifs"' in html


def _spoken(text: str) -> str:
    """A name as axe-core's `label-content-name-mismatch` compares it: without punctuation nor
    symbols, spaces collapsed, lower case."""
    return " ".join(re.sub(r"[^\w\s]", "", text).lower().split())


@pytest.mark.parametrize("query", [{"q": "eau", "year_from": "1990", "year_to": "2000"},
                                   {"q": "eau", "country": "Mali", "year_from": "1990"},
                                   {"year_to": "2000", "domain": "Santé"}])
def test_a_chip_s_name_holds_what_it_shows(client, query):
    """The year range's chip read « Années 1990–2000 » and was named « Retirer le filtre des années
    1990 à 2000 »: a voice-control user saying what they see did not reach it (WCAG 2.5.3; axe-core,
    serious; QA r42, audit 5, defect 3). Every chip's name holds its visible text, as a facet's
    « Retirer le filtre Pays : Mali » holds « Pays Mali »."""
    html = client.get("/", query_string=query).get_data(as_text=True)
    chips = re.findall(r'<a class="chip" href="[^"]*" aria-label="([^"]*)">(.*?)</a>', html, re.DOTALL)
    assert len(chips) == len(query) - ("q" in query) - ("year_to" in query and "year_from" in query)
    for name, content in chips:
        visible = re.sub(r'<span aria-hidden="true"[^>]*>.*?</span>|<[^>]+>', " ", content)
        assert _spoken(visible) in _spoken(name), (name, visible)


def test_the_year_range_state_is_checked_by_axe():
    assert any("year_from=" in path and "year_to=" in path for _, path in CHECKED_PAGES)


def _title(html: str) -> str:
    return squash(re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1))


@pytest.mark.parametrize("query", [{"page": "0"}, {"q": "eau", "sort": "zz"}, {"q": "é" * 501}])
def test_a_refused_search_says_so_in_its_title(client, query):
    """A search answered 400 had the title of any search (« Recherche · … »), and a query of 600 letters
    made a title of 600 letters, read first by a screen reader (QA r45, audit 12, defect 4)."""
    resp = client.get("/", query_string=query)
    assert resp.status_code == 400
    title = _title(resp.get_data(as_text=True))
    assert title.startswith("Erreur — ") and len(title) < 160, title
    fine = _title(client.get("/", query_string={"q": "eau"}).get_data(as_text=True))
    assert fine.startswith("eau — Recherche")


def test_one_result_is_named_in_the_singular(client, engine):
    """One result: « Voir les résultats » (the phone's filters) and « Tous les résultats de la recherche »
    (the export menu) spoke of several (QA r45, audit 12, defect 5)."""
    value = next(it["value"] for it in engine.search(SearchRequest())["facets"]["french"] if it["count"] == 1)
    html = client.get("/", query_string={"french": value}).get_data(as_text=True)
    t = tree(html)
    assert squash(t.text["total"]) == "1"
    assert squash(t.text["filters-done"]) == "Voir le résultat"
    assert "Le résultat de la recherche et des filtres." in squash(t.text["export"])
    many = tree(client.get("/", query_string={"q": "eau"}).get_data(as_text=True))
    assert re.fullmatch(r"Voir les \d+ résultats", squash(many.text["filters-done"]).replace("\u202f", " "))


def test_a_page_past_the_first_is_named_in_the_title(client):
    """Pages 1 and 2 of a search had the same title: two bookmarks, two tabs, a history list read alike
    (QA17 r48, defect 6)."""
    first = _title(client.get("/", query_string={"q": "eau"}).get_data(as_text=True))
    second = _title(client.get("/", query_string={"q": "eau", "page": "2"}).get_data(as_text=True))
    assert "page" not in first and second.startswith("eau — Recherche, page 2 sur ")
