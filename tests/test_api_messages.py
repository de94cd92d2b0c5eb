"""How the API's messages write numbers and name parameters (a QA audit, round 40).

A year or a page number is written with its digits together (« 1900 », « page 10000 »), a
quantity with the French thousands separator (« 1 000 »): the integer parameters say which they
are in one place, `search_app.params.WHOLES`. A message names a parameter one way, by the page's
label and the API's name: « Pays » (country)."""
from __future__ import annotations

import pytest

NNBSP = "\u202f"


def message(client, url: str) -> str:
    r = client.get(url)
    assert r.status_code == 400, r.get_json()
    return r.get_json()["error"]["message"]


# --- numbers ----------------------------------------------------------------

def test_a_year_below_the_range_is_written_as_a_year(client):
    """« au moins 1 900 (reçu : 1 800) » read as amounts."""
    assert message(client, "/api/search?year_from=1800") == \
        "Le paramètre « Période, de » (year_from) doit valoir au moins 1900 (reçu : 1800)."


def test_a_year_above_the_range_is_written_as_a_year(client):
    assert message(client, "/api/search?year_to=2200") == \
        "Le paramètre « Période, à » (year_to) doit valoir au plus 2100 (reçu : 2200)."


def test_the_search_page_writes_the_year_as_the_api_does(client):
    html = client.get("/?q=eau&year_from=1800").get_data(as_text=True)
    assert "doit valoir au moins 1900 (reçu" in html and " 1800)." in html  # the page's « reçu\u202f: »
    assert f"1{NNBSP}900" not in html and f"1{NNBSP}800" not in html


def test_a_quantity_keeps_the_thousands_separator(client):
    assert message(client, "/api/search?per_page=1000") == \
        f"Le paramètre « Résultats par page » (per_page) doit valoir au plus 100 (reçu : 1{NNBSP}000)."


def test_a_page_number_is_written_as_the_notice_writes_it(client):
    """The error said « au plus 10 000 » and the notice « La page 10000 n'existe pas »: both are
    page numbers, written with their digits together."""
    assert message(client, "/api/search?page=10001") == \
        "Le paramètre « Page » (page) doit valoir au plus 10000 (reçu : 10001)."
    notices = client.get("/api/search?q=eau&page=10000").get_json()["query"]["notices"]
    assert any(n.startswith("La page 10000 n'existe pas") for n in notices)


def test_every_integer_parameter_says_what_it_is():
    from search_app.params import SINGLE_PARAMS, WHOLES

    assert set(WHOLES) == {"page", "per_page", "year_from", "year_to"} <= set(SINGLE_PARAMS)
    assert [name for name, whole in WHOLES.items() if whole.counts] == ["per_page"]


# --- parameters' names --------------------------------------------------------

@pytest.mark.parametrize("url, expected", [
    ("/api/search.csv?all=yes", "Le paramètre « Tous les résultats » (all) vaut 1 ou 0 (reçu : « yes »)."),
    ("/api/search.jsonl?rows=contact",
     "Le paramètre « Une ligne par » (rows) vaut partnership ou action (reçu : « contact »)."),
    ("/api/search.csv?all=1&all=0", "Le paramètre « Tous les résultats » (all) ne peut être donné qu'une fois."),
    ("/api/search?q=%FF", "Le paramètre « Recherche » (q) contient des octets qui ne sont pas de l'UTF-8 valide."),
    ("/api/search?country=%FF",
     "Le paramètre « Pays » (country) contient des octets qui ne sont pas de l'UTF-8 valide."),
    ("/api/search?q=" + "k" * 501, "Le paramètre « Recherche » (q) dépasse 500 caractères (reçu : 501)."),
    ("/api/suggest?q=" + "k" * 101, "Le paramètre « Recherche » (q) dépasse 100 caractères (reçu : 101)."),
])
def test_a_message_names_its_parameter_by_label_and_name(client, url, expected):
    """`all`, `rows` and an encoding error named the parameter by its raw name: « « all » vaut 1 ou 0 »."""
    assert message(client, url) == expected


def test_an_unknown_parameter_is_named_as_typed(client):
    """No label to give: the name alone, as it was sent."""
    assert message(client, "/api/search?bogus=1") == "Paramètre inconnu : « bogus »."
