"""The HTML pages through Flask's test client: content, escaping, errors, CSP."""
from __future__ import annotations

import re
from collections import Counter
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl

import pytest

from engine import SearchRequest
from search_app.formatting import number
from search_app.pages import hbar_rows, year_bars
from search_app.typography import french_spacing as fr

KAYES = "assainissement Kayes"
EVRY = "ca-evry-centre-essonne--kayes"
TEMPLATES = Path(__file__).resolve().parents[1] / "search_app" / "templates"


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each id'd element's first chunk."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def tags_in(self, tag: str, cls: str, inner: str) -> list[dict]:
        """The `inner` tags inside each `tag` of class `cls` (flat documents only: no nesting of `tag`)."""
        out, inside = [], False
        for t, a in self.tags:
            if t == tag:
                inside = a.get("class") == cls
            elif inside and t == inner:
                out.append(a)
        return out

    def find(self, tag=None, **attrs) -> list[dict]:
        return [a for t, a in self.tags if (tag is None or t == tag)
                and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())]


def parse(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    return p


def test_search_page_has_everything(client, engine):
    r = client.get("/", query_string={"q": KAYES})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    tags = parse(html)
    expected = engine.search(SearchRequest(q=KAYES))
    assert f'<strong id="total">{expected["total"]}</strong> partenariats' in html
    assert re.search(r'<span class="took">en [0-9]+(,[0-9])?\u202fms</span>', html)  # decimal comma
    assert [a["data-id"] for a in tags.find("li", class_="hit")] == [h["id"] for h in expected["results"]]
    # Plain GET form with a labelled box; the whole state is in the URL.
    form = tags.find("form", id="search-form")[0]
    assert (form["method"], form["action"]) == ("get", "/")
    assert tags.find("label", for_="q") and tags.find("input", id="q")[0]["value"] == KAYES
    # Facet sidebar: the six facets of the issue, each value a link that toggles it.
    facets = [a["data-facet"] for a in tags.find("section", class_="facet")]
    assert facets == ["country", "domain", "year", "region", "french", "type", "source"]
    toggles = tags.find("a", class_="toggle")
    assert all(a["role"] == "checkbox" and a["aria-checked"] == "false" for a in toggles)
    assert any(a["href"] == "/?q=assainissement+Kayes&domain=Eau+et+assainissement" for a in toggles)
    # Sort form keeps the other parameters; JSON twin and exports of the whole result set.
    assert tags.find("select", id="sort")
    assert '<a href="/api/search?q=assainissement+Kayes">JSON de cette page (API)</a>' in html
    assert tags.find("a", id="export-csv")[0]["href"] == "/api/search.csv?q=assainissement+Kayes&all=1"
    assert tags.find("a", id="export-jsonl")[0]["href"] == "/api/search.jsonl?q=assainissement+Kayes&all=1"
    assert '<script src="/static/search.js" defer></script>' in html


def test_year_facet_is_an_svg_bar_chart_without_inline_styles(client):
    html = client.get("/", query_string={"q": KAYES}).get_data(as_text=True)
    assert 'style="' not in html
    chart = html[html.index('<figure class="yearchart"'):html.index("</figure>")]
    fills = re.findall(r'<rect class="fill" x="(\d+)" y="(\d+)" width="8" height="(\d+)">', chart)
    assert fills
    assert max(int(h) for _, _, h in fills) == 62
    assert all(int(y) + int(h) == 64 for _, y, h in fills)


def test_year_bars_geometry():
    items = [{"value": 2000, "count": 4, "selected": False, "toggle_url": "/a"},
             {"value": 2003, "count": 1, "selected": True, "toggle_url": "/b"}]
    bars = year_bars(items)
    assert (bars["first"], bars["last"], bars["max"], bars["width"]) == (2000, 2003, 4, 40)
    assert [(b["year"], b["x"], b["h"], b["selected"]) for b in bars["bars"]] == [(2000, 0, 62, False),
                                                                                  (2003, 30, 16, True)]


def test_hbar_rows():
    assert hbar_rows([("Mali", 150), ("Maroc", 50)]) == [
        {"label": "Mali", "count": 150, "pct": 100.0}, {"label": "Maroc", "count": 50, "pct": 33.3}]
    assert hbar_rows([]) == []


def test_no_template_uses_inline_styles_or_scripts():
    for f in TEMPLATES.glob("*.html"):
        text = f.read_text(encoding="utf-8")
        assert "style=" not in text, f.name
        assert not re.search(r"<script(?![^>]*\bsrc=)", text), f.name
        assert not re.search(r"\son[a-z]+=", text), f.name


def test_active_filter_can_be_removed_one_by_one(client):
    html = client.get("/?q=assainissement+Kayes&domain=Sant%C3%A9&country=Mali").get_data(as_text=True)
    chips = parse(html).find("a", class_="chip")
    hrefs = sorted(c["href"] for c in chips)
    assert hrefs == ["/?q=assainissement+Kayes&country=Mali", "/?q=assainissement+Kayes&domain=Sant%C3%A9"]
    assert 'href="/?q=assainissement+Kayes">Retirer tous les filtres' in html
    ticked = [a for a in parse(html).find("a", role="checkbox") if a["aria-checked"] == "true"]
    assert all(a["class"] == "toggle selected" for a in ticked)
    assert sorted(a["data-value"] for a in ticked) == ["Mali", "Santé"]


def test_year_range_filter_has_its_chip(client):
    html = client.get("/?year_from=2000&year_to=2002").get_data(as_text=True)
    assert '<a class="chip" href="/"' in html
    assert "2000–2002" in html


def test_did_you_mean_link(client):
    html = client.get("/", query_string={"q": "assainisement kaye"}).get_data(as_text=True)
    assert ('<a id="did-you-mean" href="/?q=assainissement+Kayes">assainissement Kayes</a>') in html
    # the results already hold the close words: the page says so
    assert "Les résultats ci-dessous comprennent déjà les mots proches de «\u202fassainisement\u202f»" in html


def test_paging_links_keep_the_state(client, engine):
    html = client.get("/?q=Kayes&sort=name&per_page=5&page=2").get_data(as_text=True)
    total = engine.search(SearchRequest(q="Kayes"))["total"]
    pages = -(-total // 5)
    assert '<a rel="prev" href="/?q=Kayes&amp;sort=name&amp;per_page=5&amp;page=1">' in html
    assert '<a rel="next" href="/?q=Kayes&amp;sort=name&amp;per_page=5&amp;page=3">' in html
    assert f'<p class="page-of muted">Page 2 sur {pages}</p>' in html
    assert '<span aria-current="page" class="current"><span class="visually-hidden">Page </span>2</span>' in html
    numbered = re.findall(r'<a href="/\?q=Kayes&amp;sort=name&amp;per_page=5&amp;page=(\d+)" aria-label', html)
    assert numbered[0] == "1" and numbered[-1] == str(pages)
    assert '<ol class="hits" start="6">' in html


def test_query_is_escaped_everywhere(client):
    payload = '<script>alert(1)</script>"\'><img src=x onerror=alert(2)>'
    html = client.get("/", query_string={"q": payload}).get_data(as_text=True)
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "onerror=alert(2)&gt;" in html


@pytest.mark.parametrize("qs,message", [
    ("page=0", "Le paramètre « Page » (page) doit valoir au moins 1"),
    ("per_page=1000", "Le paramètre « Résultats par page » (per_page) doit valoir au plus 100"),
    ("year=abc", "Le paramètre « Année » (year) doit être une année de 1900 à 2100"),
    ("sort=random", "Valeur inconnue pour le paramètre « Trier par » (sort)"),
    ("q=%FF", "pas de l&#39;UTF-8 valide"),
    ("q=a%00b", "caractères de contrôle"),
])
def test_page_shows_parameter_errors_in_french(client, qs, message):
    r = client.get(f"/?{qs}")
    assert r.status_code == 400
    html = r.get_data(as_text=True)
    assert '<p class="error" role="alert">' in html
    assert fr(message) in html


def test_page_ignores_unknown_and_repeated_parameters(client):
    assert client.get("/?q=Kayes&utm_source=x").status_code == 200
    assert client.get("/?q=Kayes&q=Mopti&sort=name&sort=name").status_code == 200


def test_unknown_facet_value_is_refused_as_by_the_api(client):
    """`/?country=Atlantis` does not tick a country that does not exist: the
    page answers 400 as the API does, and offers the search without it."""
    r = client.get("/?q=eau&country=Atlantis&country=Mali")
    api = client.get("/api/search?q=eau&country=Atlantis&country=Mali")
    assert r.status_code == api.status_code == 400
    html = r.get_data(as_text=True)
    assert fr(api.get_json()["error"]["message"].replace("'", "&#39;")) in html
    assert 'aria-checked="true"' not in html
    assert parse(html).find("a", id="fix-link")[0]["href"] == "/?q=eau&country=Mali"
    assert not parse(html).find("a", id="meant-link")  # Atlantis is no value mistyped


def test_a_mistyped_facet_value_is_offered_as_meant(client):
    """`country=mali&domain=sante` (a hand-edited link): the page offers the search with the values
    meant, beside the one without them."""
    html = client.get("/?q=eau&country=mali&domain=sante").get_data(as_text=True)
    meant = parse(html).find("a", id="meant-link")[0]
    assert meant["href"] == "/?q=eau&country=Mali&domain=Sant%C3%A9"
    assert fr(">Rechercher avec « Mali » et « Santé »</a>") in html


@pytest.mark.parametrize("url, kept, parameter", [("/?q=eau&page=abc", "/?q=eau", "page"),
                                                   ("/?q=eau&country=Mali&year=abc", "/?q=eau&country=Mali", "year"),
                                                   ("/?q=eau&sort=zzz", "/?q=eau", "sort"),
                                                   ("/carte?q=eau&year=abc", "/carte?q=eau", "year")])
def test_a_wrong_parameter_is_offered_the_search_without_it(client, url, kept, parameter):
    """`/?q=eau&page=abc` (a hand-edited link) answered 400 with « Nouvelle recherche » only, which
    lost the words; it also offers the same search without the wrong parameter."""
    r = client.get(url)
    assert r.status_code == 400
    html = r.get_data(as_text=True)
    link = parse(html).find("a", id="fix-link")[0]
    assert link["href"] == kept
    assert fr(f"Rechercher sans le paramètre « {LABELS[parameter]} » ({parameter})") in html
    # the form carries the search on without the mistake: a new search from the box works
    assert all(name != parameter for name, _ in form_state(html))


LABELS = {"page": "Page", "year": "Année", "sort": "Trier par"}


@pytest.mark.parametrize("url, kept, label", [
    ("/?q=eau&year=20x5&year=2005", "/?q=eau&year=2005", "cette valeur"),  # the right value kept
    ("/?q=eau&country=Atlantis&domain=Sant%C3%A9", "/?q=eau&domain=Sant%C3%A9", "cette valeur"),
    ("/?q=%00eau", "/?q=eau", "les caractères de contrôle")])
def test_an_error_page_keeps_what_was_right(client, url, kept, label):
    """Only the mistake is dropped: by « Rechercher sans … » and by the search form, which kept the
    wrong value (`country=Atlantis`) in its hidden fields, so that the next search failed alike; the
    control characters refused are not written into the page either (a raw NUL in its title)."""
    r = client.get(url)
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and "\x00" not in html
    link = parse(html).find("a", id="fix-link")[0]
    assert link["href"] == kept and f"Rechercher sans {label}" in html
    assert form_state(html) == [(k, v) for k, v in parse_qsl(kept.split("?", 1)[1]) if k != "q"]


def form_state(html: str) -> list[tuple[str, str]]:
    """The hidden fields the search form sends with a new search."""
    state = re.search(r'<div id="form-state">(.*?)</div>', html, re.DOTALL)
    return [(t["name"], unescape(t["value"])) for _, t in parse(state.group(1)).tags] if state else []


def test_partnership_page(client, engine):
    r = client.get(f"/partenariats/{EVRY}")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    rec = engine.partnership(EVRY)
    assert f"<h1>{escape(rec['title'], quote=False)}</h1>" in html
    for text in ("Collectivité française", "Partenaire", "Protocole de jumelage signé en 1991", "105 000",
                 "100 000", "Objectifs", "Perspectives", "Contacts", "Texte original extrait du document",
                 "Répertoire franco-malien (CUF, 2008) — lignes"):
        assert text in html, text
    rows = parse(html).find("tr")
    assert [t["id"] for t in rows if "id" in t] == [a["id"] for a in engine.actions_of(EVRY)]
    assert f'<a href="/api/partnerships/{EVRY}">JSON</a>' in html


def test_an_actions_description_is_shown_only_when_it_says_more_than_its_title(client, engine):
    """Most descriptions repeat their title, give or take a bullet and a full stop (Dourdan-Troumgoumbé's
    five: « - Creusement d'un puits … Takoutala. » under « Creusement d'un puits … Takoutala »): the
    table showed each twice. A description saying more is shown (Cachan-Diakon's barrage)."""
    dourdan = client.get("/partenariats/dourdan--troumgoumbe").get_data(as_text=True)
    assert len(parse(dourdan).find("tr")) > 5 and '<span class="desc">' not in dourdan
    assert all(a.get("description") for a in engine.actions_of("dourdan--troumgoumbe"))  # the JSON keeps them
    cachan = client.get("/partenariats/cachan--diakon").get_data(as_text=True)
    shown = re.findall(r'<span class="desc">(.*?)</span>', cachan, re.DOTALL)
    assert any("sollicitée par Essonne-Sahel" in t for t in shown)
    assert 0 < len(shown) < len(engine.actions_of("cachan--diakon"))  # one of its seven repeats its title
    # a description repeating a part of its title (Pontivy-Ouéléssébougou's « Deuxième partie » under
    # « Reconstruction du marché : Deuxième partie ») says nothing more either
    pontivy = client.get("/partenariats/pontivy--ouelessebougou").get_data(as_text=True)
    assert "Deuxième partie" in pontivy and not any(
        "Deuxième partie" in t for t in re.findall(r'<span class="desc">(.*?)</span>', pontivy, re.DOTALL))


ACTION_DETAILS = {"objectives": "Objectifs", "partners": "Partenaires", "beneficiaries": "Bénéficiaires"}


def _action_row(html: str, aid: str) -> str:
    """The row's HTML, unescaped, its spaces as typed (the page's French spacing undone)."""
    return _spaces(unescape(re.search(rf'<tr id="{re.escape(aid)}">(.*?)</tr>', html, re.DOTALL).group(1)))


def _spaces(text: str) -> str:
    return re.sub(r"[\s\u202f\u00a0]+", " ", text)


def test_an_actions_objectives_partners_and_beneficiaries_are_in_its_row(client, engine):
    """146 actions have objectives, partners or beneficiaries in their JSON; the page showed them only
    inside the collapsed original text (QA r43, audit 6, defect 4: Tours-Marrakech a01's « Les habitants
    des douars », Sète-El Jadida a01's orphans). Each is in its action's row, under its French label,
    with the search's words marked as elsewhere on the page."""
    tours = _action_row(client.get("/partenariats/tours--marrakech").get_data(as_text=True), "tours--marrakech--a01")
    assert "<dt>Bénéficiaires :</dt> <dd>Les habitants des douars.</dd>" in tours
    assert "<dt>Partenaires :</dt> <dd>L'Association est en contact" in tours
    sete = client.get("/partenariats/sete--el-jedida?q=orphelins").get_data(as_text=True)
    assert "<dt>Objectifs :</dt> <dd>Regrouper dans une même maison les frères et sœurs <mark>orphelins</mark>" in \
        _action_row(sete, "sete--el-jedida--a01")
    st = engine.state()
    having = [a for a in st.actions.values() if any(a.get(k) for k in ACTION_DETAILS)]
    assert len(having) > 100
    for pid in sorted({a["partnership_id"] for a in having}):
        html = client.get(f"/partenariats/{pid}").get_data(as_text=True)
        for a in engine.actions_of(pid):
            row = _action_row(html, a["id"])
            shown = {label for key, label in ACTION_DETAILS.items() if a.get(key)}
            assert {label for label in ACTION_DETAILS.values() if f"<dt>{label} :</dt>" in row} == shown, a["id"]
            assert all(f"<dd>{_spaces(a[key])}</dd>" in row for key in ACTION_DETAILS if a.get(key)), a["id"]


def test_the_international_relations_budget_is_a_row_beside_the_budget(client):
    """CG Essonne-Douentza gives both budgets (Mali l.3367-3371): the page shows the cooperation's as
    the record's budget and the international relations' beside it, as a row, not a section."""
    html = client.get("/partenariats/cg-essonne--cercle-douentza").get_data(as_text=True)
    rows = re.findall(r"<dt>(Budget[^<]*)</dt><dd>([^<]*)</dd>", html)
    assert rows == [("Budget", "150 000 euros sur budget propre (par an)"),
                    ("Budget consacré aux relations internationales (par an)", "850 000 euros")]
    assert "<h2>Budget consacré" not in html


def test_a_yearly_budget_says_so_where_its_words_do_not(client):
    """Maurepas-Mopti's « Budget consacré à la coopération décentralisée/an: 20 000 Euros » (Mali
    l.8486) read « Budget 20 000 Euros »: the page's own label replaced the sheet's `/an`."""
    html = client.get("/partenariats/maurepas--mopti").get_data(as_text=True)
    assert re.findall(r"<dt>Budget</dt><dd>([^<]*)</dd>", html) == ["20 000 Euros (par an)"]


def test_a_partnership_page_writes_a_period_as_printed(client, engine):
    """Viroflay-Kolokani (Mali l.12570): an action printed `De 2001 à 2006` counts every year of it in
    the year facet, and its row reads `2001–2006`, not six years one by one."""
    html = client.get("/partenariats/viroflay--cercle-kolokani").get_data(as_text=True)
    row = re.search(r'<tr id="viroflay--cercle-kolokani--a09">.*?</tr>', html, re.DOTALL).group()
    assert '<td data-label="Années">2001–2006</td>' in row
    assert engine.action("viroflay--cercle-kolokani--a09")["years"] == list(range(2001, 2007))


def test_partnership_page_links_same_collectivity(client, engine):
    st = engine.state()
    by_french: dict[str, list[str]] = {}
    for p in st.partnerships.values():
        by_french.setdefault(p["french_party"]["name"], []).append(p["id"])
    ids = next(v for _, v in sorted(by_french.items()) if len(v) >= 2)
    html = client.get(f"/partenariats/{ids[0]}").get_data(as_text=True)
    assert "Autres partenariats de" in html
    for other in ids[1:]:
        assert f'href="/partenariats/{other}"' in html


def test_hidden_contacts_on_the_page(index_dir):
    from search_app import create_app

    app = create_app({"INDEX_DIR": str(index_dir), "HIDE_CONTACTS": True})
    html = app.test_client().get(f"/partenariats/{EVRY}").get_data(as_text=True)
    assert "0169915858" not in html  # neither in the contacts nor in the original text
    assert "0160773368" not in html
    assert "Tél. :" not in html and fr("Tél. :") not in html
    assert "[masqué]" in html


def test_unknown_partnership_is_a_french_404_that_offers_its_words_as_a_search(client):
    r = client.get("/partenariats/paris-rabat")
    assert r.status_code == 404
    assert r.mimetype == "text/html"
    html = r.get_data(as_text=True)
    assert fr("Aucun partenariat n&#39;a l&#39;identifiant « paris-rabat ».") in html
    assert fr('<a href="/?q=paris+rabat">Rechercher « paris rabat »</a>') in html
    assert "&lt;script&gt;" in client.get("/partenariats/%3Cscript%3E").get_data(as_text=True)


def test_a_partnership_address_in_capitals_or_an_actions_id_leads_to_its_page(client):
    """`/partenariats/PARIS--RABAT` and an action's id answered « Page introuvable »; they now lead
    to the partnership's page (at the action's row), the search kept."""
    r = client.get("/partenariats/PARIS--RABAT?q=eau")
    assert (r.status_code, r.headers["Location"]) == (301, "/partenariats/paris--rabat?q=eau")
    r = client.get("/partenariats/paris--rabat--a01")
    assert (r.status_code, r.headers["Location"]) == (301, "/partenariats/paris--rabat#paris--rabat--a01")
    assert 'id="paris--rabat--a01"' in client.get("/partenariats/paris--rabat").get_data(as_text=True)
    assert "La fiche est à" in r.get_data(as_text=True)


def test_the_api_names_the_partnership_an_unknown_id_means(client):
    def message(pid):
        r = client.get(f"/api/partnerships/{pid}")
        assert r.status_code == 404
        return r.get_json()["error"]["message"]
    assert message("PARIS--RABAT").endswith("Vouliez-vous dire « paris--rabat » ?")
    assert message("paris--rabat--a01").endswith(
        "C'est une action de « paris--rabat » : /api/actions/paris--rabat--a01.")
    assert message("nope") == "Aucun partenariat n'a l'identifiant « nope »."


def test_about_page(client, engine):
    r = client.get("/a-propos")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    st = engine.state()
    assert f"<strong>{number(len(st.partnerships))}</strong> partenariats" in html
    assert f"<strong>{number(len(st.actions))}</strong> actions" in html  # French thousands: 1 053
    assert "Cités Unies France" in html
    mali = sum(1 for p in st.partnerships.values() if "Mali" in p.get("countries", []))
    assert re.search(rf'<th scope="row">Mali</th><td><svg [^>]*>'
                     rf'<rect x="0" y="0" width="100.0" height="10"></rect></svg><span class="n">{mali}</span>', html)
    assert "Partenariats par décennie" in html
    # how the year filter reads dates, with its example true of the index: `De 2001 à 2006` counts for 2005
    assert '<h2 id="annees">Les années</h2>' in html and fr("« de 2001 à 2006 »") in html
    assert 2005 in engine.action("viroflay--cercle-kolokani--a09")["years"]
    # how a short filtered listing is completed, as the search does it
    assert '<h2 id="listes-courtes">Les listes courtes</h2>' in html and "Pour compléter" in html
    data = client.get("/api/search", query_string={"q": "élevage", "region": "Kayes"}).get_json()
    assert data["total"] < 10 and len(data["results"]) + len(data["completions"]) == 10
    assert {h["similar_to"]["id"] for h in data["completions"]} <= {h["id"] for h in data["results"]}
    # a period searched as a year, and the words no sheet uses, as the page says and the search does
    assert "<code>annee:2001-2005</code>" in html and "<code>jumelage 1980-1985</code>" in html
    span = client.get("/api/search", query_string={"q": "jumelage annee:2001-2005", "per_page": 100}).get_json()
    ranged = client.get("/api/search", query_string={"q": "jumelage", "year_from": 2001, "year_to": 2005,
                                                     "per_page": 100}).get_json()
    assert span["total"] == ranged["total"] > 0
    assert "<code>années 1980</code>" in html
    decade = client.get("/api/search", query_string={"q": "jumelage années 1980"}).get_json()
    assert decade["total"] > 0 and decade["query"]["understood"] == "jumelage 1980-1989"
    assert '<h2 id="mots-absents">' in html and fr("« réhabilitation des ksour »") in html and "Médéa" in html
    ksour = client.get("/api/search", query_string={"q": "réhabilitation des ksour"}).get_json()
    assert ksour["total"] > 0 and any("« ksour »" in n for n in ksour["query"]["notices"])
    assert fr("« école Tiaret »") in html and fr("« santé Niono »") in html
    assert "le nom d'une personne" in html  # the speller offers no contact's name (`dunes`: `funes`)
    assert client.get("/api/search", query_string={"q": "dunes"}).get_json()["suggestion"] is None
    tiaret = client.get("/api/search", query_string={"q": "école Tiaret", "per_page": 100}).get_json()
    assert tiaret["total"] > 0 and all(h["countries"] == ["Algérie"] for h in tiaret["results"])
    medea = client.get("/api/search", query_string={"q": "Médéa"}).get_json()
    assert medea["total"] == 0 and medea["query"]["notices"] == [
        "Aucune fiche des répertoires ne nomme la wilaya de Médéa (Algérie)."]


def test_security_headers(client):
    r = client.get("/")
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "default-src 'self'" in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["X-Frame-Options"] == "DENY"


def test_static_assets_are_local(client):
    html = client.get("/").get_data(as_text=True)
    assert not re.search(r'(src|href)="(https?:)?//', html)
    for path in ("/static/style.css", "/static/search.js", "/static/favicon.svg"):
        r = client.get(path)
        assert r.status_code == 200, path
        body = r.data.replace(b'xmlns="http://www.w3.org/2000/svg"', b"")
        assert b"http://" not in body and b"https://" not in body, path


def test_rate_limit(index_dir):
    from search_app import create_app

    c = create_app({"INDEX_DIR": str(index_dir), "RATE_LIMIT": 2}).test_client()
    assert [c.get("/api/suggest?q=ka").status_code for _ in range(3)] == [200, 200, 429]
    r = c.get("/api/suggest?q=ka")
    assert r.get_json()["error"]["code"] == "rate_limited"
    assert r.headers["Retry-After"] == "30"  # 2 per minute: one token every 30 s


def test_rate_limiter_refills_steadily_whatever_the_time_of_the_minute():
    """A token bucket: the burst, then one request per 60/limit seconds; no double rate at the
    turn of a minute (the fixed windows it replaced let 2x through and made tests flaky)."""
    from search_app.security import RateLimiter

    now = [59.9]  # just before a minute boundary
    rl = RateLimiter(3, clock=lambda: now[0])
    assert [rl.allow("a") for _ in range(4)] == [True, True, True, False]
    now[0] = 60.1  # a new minute has started: a fixed window would allow 3 more here
    assert rl.wait("a") == 20
    assert rl.allow("b")  # clients are apart
    now[0] = 60.1 + 20.0
    assert rl.allow("a") and not rl.allow("a")


def test_the_date_of_the_legal_act_stands_beside_it(client):
    """The Moroccan sheets' « Date : » line dates the act of « Cadre juridique »; the page showed it
    as a section « Date » after the others, with nothing saying what it dates (QA, round 41)."""
    html = client.get("/partenariats/rochelle--essaouira").get_data(as_text=True)
    framework = html.index("<dt>Cadre juridique</dt>")
    act = html.index("<dt>Date de l'acte</dt><dd>24 octobre 1999 à Essaouira")
    assert framework < act < html.index("</dl>", framework)
    assert "<h2>Date</h2>" not in html


def test_the_formalisation_chart_counts_only_formalised_partnerships(client, engine):
    """« Partenariats par décennie de formalisation » counted a sheet's first year of activity when it
    had no formalisation year (années 1990: 35 for 29; Braine – Mandiakuy, « Il n'y a pas de
    convention », among them: QA r42, audit 5, defect 9); those left out are now said under it."""
    html = client.get("/a-propos").get_data(as_text=True)
    chart = html.split("Partenariats par décennie de formalisation</h3>", 1)[1].split("</section>", 1)[0]
    shown = {int(d): int(n.replace("\u202f", "")) for d, n in
             re.findall(r'<th scope="row">années (\d{4})</th><td>.*?<span class="n">([\d\u202f]+)</span>', chart)}
    years = [p.get("formalized") for p in engine.state().partnerships.values()]
    assert shown == Counter(y // 10 * 10 for y in years if y)
    left_out = sum(1 for y in years if not y)
    assert left_out > 1 and fr(f"{left_out} autres partenariats, sans année de formalisation dans les documents, "
                               "ne sont pas comptés.") in chart
