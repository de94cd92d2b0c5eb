"""The API, the pages and the command line read a search alike (QA audit 4, defects 8, 11, 19, 20,
21, 22 and 23): a prefix and its facet's parameter are two conditions, each malformed parameter has
one answer, a missing record's 404 names the one meant, a page past the last says so once, and a
partnership's page writes its countries, years and states alike."""
from __future__ import annotations

import csv
import io
import json
import re
from html import unescape

import pytest

from repertoires.cli import main
from search_app import formatting as f

BOTH = "s'appliquent tous deux : aucune fiche ne répond aux deux."


def _search(client, **params) -> dict:
    r = client.get("/api/search", query_string=params)
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def _text(html: str) -> str:
    """A page's text as a reader sees it: entities read, French no-break spaces as spaces."""
    return re.sub(r"[\u00a0\u202f]", " ", unescape(html))


# --- #8: a prefix and its facet's parameter ------------------------------------------------------

def test_a_type_prefix_naming_no_kind_lists_nothing(client):
    """`type:foo` listed all 297 partnerships, though its facet was left with no value."""
    data = _search(client, q="type:foo")
    assert data["total"] == 0 and data["query"]["prefix_filters"] == {"type": []}
    assert data["query"]["notices"] == ["Aucune valeur de « type:foo » dans le répertoire."]


def test_a_type_prefix_against_the_type_parameter_lists_nothing_and_says_why(client):
    """`type:action puits&type=partnership` listed 28 partnerships, the prefix silently dropped."""
    data = _search(client, q="type:action puits", type="partnership")
    assert data["total"] == 0
    assert (f"« type:action » dans la recherche et le filtre « Type de fiche : Partenariats » {BOTH}"
            in data["query"]["notices"])
    # the rule of every facet of one value a record: `region:kayes` with `region=Mopti` says the same
    data = _search(client, q="region:kayes puits", region="Mopti")
    assert data["total"] == 0
    assert (f"« région:kayes » dans la recherche et le filtre « Région / wilaya : Mopti » {BOTH}"
            in data["query"]["notices"])
    # not of a facet a record holds several values of: many records are of 2005 and of 2006, and the
    # unknown word emptied the listing (the round's review)
    for q, filters in (("annee:2005 zzzxqw", {"year": "2006"}),
                       ("domaine:santé zzzxqw", {"domain": "Culture et patrimoine"})):
        data = _search(client, q=q, **filters)
        assert data["total"] == 0 and not any(BOTH in n for n in data["query"]["notices"])
    assert _search(client, q="domaine:santé", domain="Culture et patrimoine")["total"] > 0


def test_the_kind_prefix_reads_its_french_labels_and_exclusions(client):
    actions = _search(client, q="puits", type="action")["total"]
    assert _search(client, q="type:actions puits")["total"] == actions
    assert _search(client, q="-type:partnership puits")["query"]["type"] == "action"
    partnerships = _search(client, q="puits")["total"]
    assert _search(client, q="type:partenariat puits")["total"] == partnerships != actions


def test_the_kind_prefix_reads_projects_as_the_actions(client):
    """Users call the actions projects: `type:projets puits` listed nothing (« Aucune valeur »)."""
    actions = _search(client, q="puits", type="action")["total"]
    for q in ("type:projet puits", "type:projets puits", "type:Projets puits"):
        data = _search(client, q=q)
        assert data["total"] == actions and data["query"]["type"] == "action", q


# --- #19: malformed parameters --------------------------------------------------------------------

def test_a_year_out_of_the_search_s_years_is_refused_as_year_from_is(client):
    """`year=1850` answered 200 and nothing, where `year_from=1800` is a 400."""
    for name in ("year", "year_from"):
        r = client.get("/api/search", query_string={"q": "eau", name: "1850"})
        assert r.status_code == 400 and r.get_json()["error"]["code"] == "out_of_range"
        assert "doit valoir au moins 1900 (reçu : 1850)" in r.get_json()["error"]["message"]
    # the page offers the search without the wrong year, the right one kept
    page = client.get("/?q=eau&year=1850&year=2005").get_data(as_text=True)
    assert 'href="/?q=eau&amp;year=2005" id="fix-link"' in page
    # within the bounds but after every record: nothing, and said, for the year and the period alike
    said = "Les fiches du répertoire sont datées de"
    assert any(n.startswith(said) for n in _search(client, q="eau", year="2050")["query"]["notices"])
    assert any(n.startswith(said) for n in _search(client, q="eau", year_from="2050")["query"]["notices"])
    # a year and a period are two conditions: records of 2005 and records of 2010 on are both there
    both = _search(client, q="eau", year="2005", year_from="2010")["query"]["notices"]
    assert not any(n.startswith(said) for n in both)


@pytest.mark.parametrize("name", ["page", "per_page", "year_from"])
def test_numbers_are_ascii_digits_and_a_huge_one_is_out_of_range(client, name):
    huge = client.get("/api/search", query_string={"q": "eau", name: "9" * 20}).get_json()["error"]
    assert (huge["code"], huge["parameter"]) == ("out_of_range", name)  # it was `invalid_integer`
    assert "doit valoir au plus" in huge["message"]
    wide = client.get("/api/search", query_string={"q": "eau", name: "２００５"}).get_json()["error"]
    assert wide["code"] == ("invalid_year" if name == "year_from" else "invalid_integer")  # were read as a number


@pytest.mark.parametrize("name", ["page", "per_page", "sort", "explain", "year_from", "year_to", "country"])
def test_a_parameter_given_empty_is_refused_by_the_api_and_ignored_by_the_page(client, name):
    """`page=`, `sort=`, `explain=` were the defaults where `country=` was `empty_value`."""
    r = client.get(f"/api/search?q=eau&{name}=")
    assert r.status_code == 400
    assert r.get_json()["error"] == {"code": "empty_value", "parameter": name,
                                     "message": r.get_json()["error"]["message"]}
    assert "est donné sans valeur" in r.get_json()["error"]["message"]
    assert client.get(f"/?q=eau&{name}=").status_code == 200
    assert client.get("/api/search?q=").status_code == 200  # an empty `q` browses


def test_an_export_option_given_empty_is_refused_too(client):
    assert client.get("/api/search.csv?q=eau&all=").get_json()["error"]["code"] == "empty_value"


@pytest.mark.parametrize("q, read", [("eau*s", "eau s"), ("*eau", "eau"), ("as*ainissement", "as ainissement"),
                                     ("ville*jumelle", "ville jumelle")])
def test_a_star_inside_a_word_is_said_as_read(client, q, read):
    """`eau*s` was read as `eau`, without a word; then said to be `ville jumelle` while the parts were
    searched as one compound word (9 results for 132: the round's review). What is said is what is listed."""
    data = _search(client, q=q)
    assert (f"« {q} » est lu comme « {read} » : l'astérisque ne complète un mot qu'à sa fin (assainiss*)."
            in data["query"]["notices"])
    named = _search(client, q=read)
    assert data["total"] == named["total"] and [r["id"] for r in data["results"]] == [r["id"] for r in named["results"]]
    assert not any("Aucun document ne contient « " + q in n for n in data["query"]["notices"])
    assert not [n for n in _search(client, q="assainiss*")["query"]["notices"] if "astérisque" in n]


# --- #20: 404s --------------------------------------------------------------------------------------

def test_an_unknown_action_id_names_the_one_meant(client):
    def message(path):
        r = client.get(path)
        assert r.status_code == 404 and r.mimetype == "application/json"
        return r.get_json()["error"]["message"]
    assert message("/api/actions/PARIS--RABAT--A01").endswith("Vouliez-vous dire « paris--rabat--a01 » ?")
    assert message("/api/actions/paris--rabat").endswith("C'est un partenariat : /api/partnerships/paris--rabat.")
    missing = "n'a pas d'action a99 : ses 3 actions vont de a01 à a03."
    assert message("/api/actions/paris--rabat--a99").endswith(missing)
    assert message("/api/partnerships/paris--rabat--a99").endswith(missing)  # not « aucun partenariat »
    assert message("/api/actions/nope") == "Aucune action n'a l'identifiant « nope »."
    # the number written without its zero is the action meant (the round's review)
    assert message("/api/actions/paris--rabat--a1").endswith(
        "n'a pas d'action a1 : ses 3 actions vont de a01 à a03. Vouliez-vous dire « paris--rabat--a01 » ?")


def test_api_without_its_slash_answers_json(client):
    for path in ("/api", "/api/", "/api/nope"):
        r = client.get(path)
        assert (r.status_code, r.mimetype) == (404, "application/json"), path
        assert r.get_json()["error"]["code"] == "not_found"


def test_the_page_of_an_action_its_partnership_lacks_says_so_and_links_it(client):
    r = client.get("/partenariats/paris--rabat--a99?q=eau")
    assert r.status_code == 404
    text = _text(r.get_data(as_text=True))
    assert "n'a pas d'action a99 : ses 3 actions vont de a01 à a03." in text
    assert "Aucun partenariat n'a l'identifiant" not in text
    assert 'href="/partenariats/paris--rabat?q=eau"' in text


# --- #21: a page past the last -----------------------------------------------------------------------

def test_a_page_past_the_last_is_not_page_9_of_4(client):
    text = _text(client.get("/?q=eau&page=9").get_data(as_text=True))
    assert "La page 9 n'existe pas : la dernière page est la page 4." in text
    assert "sur 4" not in text and "page=8" not in text  # « Précédente » leads to the last page
    assert 'rel="prev" href="/?q=eau&page=4"' in text
    assert "page 2 sur 4" in _text(client.get("/?q=eau&page=2").get_data(as_text=True))


# --- #23: a partnership's page ------------------------------------------------------------------------

def test_consecutive_years_are_a_span_everywhere():
    assert f.year_list([1988, 1989]) == "1988–1989"  # « 1988, 1989 » beside « 1991–1997 »
    assert f.year_list([1988, 1989, 1993, 1995, 1996, 1997]) == "1988–1989, 1993, 1995–1997"


def test_a_partnership_page_says_each_country_once_years_as_spans_states_capitalised(client):
    html = client.get("/partenariats/roncq--selinkegny").get_data(as_text=True)
    facts = html[html.index('<dl class="facts">'):]
    assert "<dt>Pays</dt>" not in facts[:facts.index("</dl>")]  # « Pays » is in the partner's block
    assert '<td data-label="Années">1988–1989</td>' in html
    assert '<td data-label="État">Réalisé</td>' in html and ">réalisé<" not in html
    assert "<dt>État</dt><dd>Suspendu</dd>" in client.get(
        "/partenariats/cr-midi-pyrenees--cr-marrakech-tensift-al-haouz").get_data(as_text=True)
    # a country no party's block shows (the partner is not named) stays among the facts
    bron = client.get("/partenariats/bron").get_data(as_text=True)
    assert "<dt>Pays</dt><dd>Mali</dd>" in bron[bron.index('<dl class="facts">'):]


# --- #11: the command line reads its options by the API's rules ----------------------------------------

def _cli_json(index_dir, capsys, *argv) -> dict:
    assert main(["search", "--index", str(index_dir), *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_cli_takes_the_api_s_defaults_and_years(index_dir, client, capsys):
    """`search eau --json` answered `per_page: 10` and « la dernière page est la page 8 »."""
    api = _search(client, q="eau")
    cli = _cli_json(index_dir, capsys, "eau")
    assert (cli["per_page"], cli["pages"]) == (api["per_page"], api["pages"])
    past = _cli_json(index_dir, capsys, "eau", "--page", "9")["query"]["notices"]
    assert past == _search(client, q="eau", page=9)["query"]["notices"]
    ranged = _cli_json(index_dir, capsys, "eau", "--year-from", "2005", "--year-to", "2006")
    assert ranged["total"] == _search(client, q="eau", year_from=2005, year_to=2006)["total"] < api["total"]


# --- #22: the CSV for a French spreadsheet ---------------------------------------------------------------

def test_the_csv_for_a_french_spreadsheet(client):
    plain = client.get("/api/search.csv?q=eau&all=1").get_data(as_text=True).lstrip("\ufeff")
    french = client.get("/api/search.csv", query_string={"q": "eau", "all": 1, "sep": ";"})
    body = french.get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(body), delimiter=";"))
    default = list(csv.DictReader(io.StringIO(plain)))
    assert [r["id"] for r in rows] == [r["id"] for r in default]
    assert all(r["score"] == d["score"].replace(".", ",") for r, d in zip(rows, default, strict=True))
    assert any("," in r["score"] for r in rows)
    bad = client.get("/api/search.csv?q=eau&sep=x").get_json()["error"]
    assert (bad["code"], bad["parameter"]) == ("invalid_separator", "sep")
    assert client.get("/api/search.jsonl?q=eau&sep=%3B").get_json()["error"]["code"] == "unknown_parameter"


@pytest.mark.parametrize("name", ["year", "year_from", "year_to"])
def test_a_year_parameter_has_one_spelling(client, name):
    """`year_from=+2005` and `year_from=02005` were 2005 where `year=02005` was refused (the round's
    review): a year is written in digits, with neither sign nor leading zero, for the three alike,
    and the message says so; spaces around it are ignored, as for every number (a `+` in a URL is one)."""
    for spelled in ("+2005", "02005", "-2005", "2005.0", "２００５", "20x5"):
        error = client.get("/api/search", query_string={"q": "eau", name: spelled}).get_json()["error"]
        assert (error["code"], error["parameter"]) == ("invalid_year", name), spelled
        assert "doit être une année de 1900 à 2100 écrite en chiffres, sans signe ni zéro devant" in error["message"]
    for spelled in ("2005", " 2005 "):
        assert client.get("/api/search", query_string={"q": "eau", name: spelled}).status_code == 200
    assert client.get(f"/api/search?q=eau&{name}=+2005").status_code == 200  # « 2005 » with a space
    for spelled in ("1899", "20055"):
        error = client.get("/api/search", query_string={"q": "eau", name: spelled}).get_json()["error"]
        assert error["code"] == "out_of_range"
