"""A wrong sort, type or facet value: one message that lists the possible values (QA r56 U1 #13).

`country=France` listed none, where `sort` and `type` did, and those two in opposite orders (`Pertinence
(relevance)`, `partnership (partenariats)`). Now each lists its values the one way (« label » (value),
as a parameter is named), all of them when they are few, else the closest first (`region=kaye`: « Kayes »),
in the API, the page and the CLI alike."""
from __future__ import annotations

import re
from html import unescape

import pytest

from search_app.params import ALL_LISTED, LISTED, closest, unknown

SORT = ("Valeur inconnue pour le paramètre « Trier par » (sort) : « x » ; valeurs possibles : « Pertinence » "
        "(relevance), « Plus récents » (year_desc), « Plus anciens » (year_asc), « Nom » (name).")
TYPE = ("Valeur inconnue pour le filtre « Type de fiche » (type) : « contact » ; valeurs possibles : "
        "« Partenariats » (partnership), « Actions » (action).")
KAYE = ("Valeur inconnue pour le filtre « Région / wilaya » (region) : « kaye » ; valeurs possibles, "
        "les plus proches d'abord : « Kayes », ")


def _listed(message: str) -> list[str]:
    """The values a message lists (after « valeurs possibles »)."""
    return re.findall(r"« ([^»]+) »", message.split("valeurs possibles", 1)[1].split(" Vouliez-vous")[0])


def test_few_values_are_all_listed_in_their_order_label_first():
    choices = [("relevance", "Pertinence"), ("name", "Nom"), ("Mali", None), ("Mali", "Mali")]
    assert unknown("le paramètre « Trier par » (sort)", "x", choices) == (
        "Valeur inconnue pour le paramètre « Trier par » (sort) : « x » ; valeurs possibles : « Pertinence » "
        "(relevance), « Nom » (name), « Mali », « Mali ».")


def test_no_values_lists_none():
    said = unknown("le filtre « Pays » (country)", "Mali", [])
    assert said == "Valeur inconnue pour le filtre « Pays » (country) : « Mali »."


def test_many_values_are_bounded_the_closest_first():
    names = ["Adrar", "Alger", "Bamako", "Gao", "Kati", "Kita", "Koulikoro", "Mopti", "Ségou", "Sikasso",
             "Tombouctou", "Région de Kayes", "Kayes"]
    assert len(names) > ALL_LISTED
    ordered, close = closest("KAYE", [(n, None) for n in names])
    # begins with it, then a word that does, then a typo or two away (Kati: 2; Kita: 3), the rest alphabetically
    assert [c for c, _ in ordered[:5]] == ["Kayes", "Région de Kayes", "Kati", "Adrar", "Alger"]
    assert close == 3
    message = unknown("le filtre « Région / wilaya » (region)", "KAYE", [(n, None) for n in names])
    assert message.endswith(f"« Kati », « Adrar », « Alger », « Bamako » et {len(names) - LISTED} autres.")
    assert "les plus proches d'abord : « Kayes », « Région de Kayes »" in message
    # nothing close: no claim of closeness, the values in the alphabet's order
    far = unknown("le filtre « Région / wilaya » (region)", "Narnia", [(n, None) for n in names])
    assert far.endswith("valeurs possibles : « Adrar », « Alger », « Bamako », « Gao », « Kati », « Kayes » "
                        "et 7 autres.")


@pytest.mark.parametrize("qs, message", [("sort=x", SORT), ("type=contact", TYPE)])
def test_the_api_lists_sort_and_type_values_alike(client, qs, message):
    assert client.get(f"/api/search?q=eau&{qs}").get_json()["error"]["message"] == message


def test_the_api_lists_the_closest_facet_values(client):
    body = client.get("/api/search?region=kaye").get_json()["error"]
    assert body["code"] == "unknown_facet_value" and body["parameter"] == "region"
    assert body["message"].startswith(KAYE)
    assert re.search(r" et [0-9  ]+ autres\. Vouliez-vous dire « Kayes » \?$", body["message"])
    assert len(_listed(body["message"])) == LISTED


def test_an_unknown_country_lists_some_without_claiming_them_close(client):
    message = client.get("/api/search?country=France").get_json()["error"]["message"]
    assert "plus proches" not in message
    assert message.startswith("Valeur inconnue pour le filtre « Pays » (country) : « France » ; valeurs possibles : «")
    assert len(_listed(message)) == LISTED and "Vouliez-vous" not in message


@pytest.mark.parametrize("qs, start", [("sort=x", SORT), ("type=contact", TYPE), ("region=kaye", KAYE)])
def test_the_page_says_it_as_the_api(client, qs, start):
    html = unescape(client.get(f"/?q=eau&{qs}").get_data(as_text=True)).replace("\u202f", " ").replace("\xa0", " ")
    assert start in html


@pytest.mark.parametrize("argv, start", [(["--sort", "x"], SORT), (["--type", "contact"], TYPE),
                                         (["--region", "kaye"], KAYE)])
def test_the_cli_says_it_as_the_api(index_dir, capsys, argv, start):
    from repertoires.cli import main

    assert main(["search", "--index", str(index_dir), *argv, "eau"]) == 2
    assert capsys.readouterr().err.strip().startswith(f"erreur : {start}")
