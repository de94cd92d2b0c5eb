"""What the query language says of what it did not take as typed (round 39 QA audit)."""
from __future__ import annotations

import pytest

from engine import SearchRequest
from engine.querylang import parse_query, reversed_period


def notices(engine, q: str) -> tuple[int, list[str]]:
    r = engine.search(SearchRequest(q=q, per_page=1, facets=False))
    return r["total"], r["query"]["notices"]


def test_html_tags_pasted_with_the_words_are_dropped_and_said(engine):
    """`<b>eau</b>` required the word `b`: 0 results and no word of why."""
    total, said = notices(engine, "<b>eau</b>")
    assert total == notices(engine, "eau")[0] > 0
    assert said == ["Balises HTML ignorées : « <b> », « </b> »."]
    assert [c.text for c in parse_query("santé <5 ans").clauses] == ["santé", "<5", "ans"]  # no tag there
    # a word in angle brackets is no tag: it stays a word (it listed the whole repertoire)
    assert notices(engine, "<Kayes>") == (notices(engine, "Kayes")[0], [])
    assert [c.text for c in parse_query("x<y>z").clauses] == ["x<y>z"]
    # a tag after a prefix's colon leaves the prefix its value; a query of tags alone stays as typed
    assert notices(engine, "pays:<b>mali</b> eau")[0] == notices(engine, "pays:mali eau")[0]
    assert parse_query("<b></b>").clauses and not parse_query("<b></b>").notices
    many = notices(engine, "<br>" + "".join(f"<span id='s{i}'>" for i in range(9)) + "eau")[1][0]
    assert many.endswith("et 5 autres.") and len(many) < 300


def test_a_slash_between_letters_separates_words(engine):
    """`eau/santé` was one word whose parts had to be adjacent: 33 results, `eau santé` 46."""
    assert [c.text for c in parse_query("eau/santé").clauses] == ["eau", "santé"]
    assert notices(engine, "eau/santé")[0] == notices(engine, "eau santé")[0]
    assert [c.text for c in parse_query('"eau/santé"').clauses] == ["eau/santé"]  # a phrase as typed
    assert [c.text for c in parse_query("1/2").clauses] == ["1/2"]  # between digits, no


def test_a_period_in_the_words_too_long_is_said(engine):
    total, said = notices(engine, "jumelage 1900-1990")
    assert total > 0 and said[0].startswith("« 1900-1990 » couvre plus de 31 ans")
    assert "« année:1900-1990 »" in said[0]
    assert not notices(engine, "jumelage 1980-1985")[1]  # a period within bounds is read silently
    assert not any("couvre" in n for n in notices(engine, "loi 2006-1772")[1])  # a law's number, no period


EXPECTED_YEAR = ('(attendu : une année de quatre chiffres, ou une période : 2001-2005, "années 1980", <1990 ; '
                 'none ou « sans année » pour les fiches sans année).')


@pytest.mark.parametrize("q, expected", [
    ("annee:1990-1980", "La période de 1990 à 1980 est lue de 1980 à 1990."),
    ("annee:20x5", f"Année invalide : « 20x5 » {EXPECTED_YEAR}"),
    ("annee:2005-20x6", f"Année invalide : « 2005-20x6 » {EXPECTED_YEAR}"),
    ("annee:2099", "Aucune valeur de « année:2099 » dans le répertoire.")])
def test_a_year_prefix_says_what_it_read(engine, q, expected):
    assert expected in notices(engine, q)[1]


def test_a_period_backwards_is_read_forwards(engine):
    assert reversed_period("1990-1980") == (1990, 1980) and reversed_period("1980-1990") is None
    assert notices(engine, "annee:1990-1980")[0] == notices(engine, "annee:1980-1990")[0]


@pytest.mark.parametrize("q", ["Chefchaouen", "water", "Khouribga"])
def test_words_no_document_has_are_said_when_nothing_is_found(engine, q):
    """A single unknown word listed nothing and said nothing (QA, round 40); `Tiaret`, a place of the
    tables, already said that no sheet names it."""
    assert notices(engine, q) == (0, [f"Aucun document ne contient « {q} »."])


@pytest.mark.parametrize("q, filters", [("de Chefchaouen", {}), ("qui travaille à Chefchaouen", {}),
                                        ("Chefchaouen", {"country": ["Maroc"]}), ("Chefchaouen pays:maroc", {}),
                                        ("Chefchaouen annee:2005", {}), ("Chefchaouen -eau", {})])
def test_the_unknown_word_alone_is_named_whatever_else_the_query_has(engine, q, filters):
    """The review's cases: stop words and a question's words were listed as missing (« de » ni
    « Chefchaouen »), and a filter, a prefix or an exclusion left the empty listing silent."""
    r = engine.search(SearchRequest(q=q, filters=filters, per_page=1, facets=False))
    assert (r["total"], r["query"]["notices"]) == (0, ["Aucun document ne contient « Chefchaouen »."])


@pytest.mark.parametrize("q, said", [
    ("cercle de Tessalit", "Aucune fiche des répertoires ne nomme le cercle de Tessalit (Mali)."),
    ("wilaya de Tiaret", "Aucune fiche des répertoires ne nomme la wilaya de Tiaret (Algérie)."),
])
def test_a_kind_and_an_unnamed_place_say_it_once(engine, q, said):
    """It said three things: that no document has the name, « voici ceux d'ailleurs » before an empty
    listing, and that no sheet names the place."""
    assert notices(engine, q) == (0, [said])


def test_an_empty_listing_says_one_thing_only(engine):
    assert notices(engine, "Tiaret") == (0, ["Aucune fiche des répertoires ne nomme la wilaya de Tiaret (Algérie)."])
    assert notices(engine, "pays:mali zzzqx")[0] == 0
    assert notices(engine, "eau -eau") == (0, [])  # the words exist: an exclusion emptied the listing


def test_a_place_no_sheet_names_is_not_said_to_have_results(engine):
    """`Tessalit` (a cercle of Kidal no sheet names) said « Après les résultats pour le cercle de
    Tessalit », before the région's partnerships, as if there had been some."""
    total, said = notices(engine, "Tessalit")
    assert total > 0
    assert said == [("Aucune fiche des répertoires ne nomme le cercle de Tessalit (Mali) : voici les partenariats "
                     "de la région de Kidal, qui l'englobe.")]
    assert notices(engine, "Sangha")[1][0].startswith("Après les résultats pour Sangha :")  # it has its own
    # a place + topic whose own results lack a word still had results of its own
    assert any(n.startswith("Après les résultats pour le cercle de Douentza :")
               for n in notices(engine, "tourisme Douentza")[1])


@pytest.mark.parametrize("q, filters, said", [
    # a place some sheet names is not said to be named by none when a filter empties its listing
    ("Bamako annee:1950", {}, ["Aucune valeur de « année:1950 » dans le répertoire."]),
    ("Douentza pays:maroc", {}, []),
    # what promised results says only what stays true of an empty listing
    ("Tessalit", {"country": ["Maroc"]}, ["Aucune fiche des répertoires ne nomme le cercle de Tessalit (Mali)."]),
    ("Tessalit annee:1990", {}, ["Aucune fiche des répertoires ne nomme le cercle de Tessalit (Mali)."]),
    # another notice does not hide the unknown word, and an OR's words are named apart
    ("Chefchaouen pay:maroc", {}, ["Le préfixe « pay: » est lu comme « pays: ».",
                                   "Aucun document ne contient « Chefchaouen »."]),
    ("Chefchaouen OR zzzqx", {}, ["Aucun document ne contient « Chefchaouen » ni « zzzqx »."]),
    ("Chefchaouen Chefchaouen", {}, ["Aucun document ne contient « Chefchaouen »."]),
])
def test_an_empty_listing_says_only_what_is_true(engine, q, filters, said):
    """The second review's cases (round 40)."""
    r = engine.search(SearchRequest(q=q, filters=filters, per_page=1, facets=False))
    assert (r["total"], r["query"]["notices"]) == (0, said)


def test_a_place_and_topic_emptied_by_a_filter_keeps_the_unnamed_place_only(engine):
    r = engine.search(SearchRequest(q="école Tiaret", filters={"country": ["Mali"]}, per_page=1, facets=False))
    assert r["total"] == 0
    assert r["query"]["notices"][0] == "Aucune fiche des répertoires ne nomme la wilaya de Tiaret (Algérie)."
    assert not any("voici les résultats" in n for n in r["query"]["notices"])


def test_a_notice_is_said_once(engine):
    said = notices(engine, "Chefchaouen NOT NOT")[1]
    assert said == ["Opérateur « NOT » sans terme après lui : il a été ignoré.",
                    "Aucun document ne contient « Chefchaouen »."]


@pytest.mark.parametrize("q, words", [("Bamako kou", ["kou"]), ("kou", ["kou"]), ("eau Éàzzz", ["Éàzzz"]),
                                       ("Bamako zzqx OR zzqy", ["zzqx", "zzqy"]), ("eau Kayes", []), ("", []),
                                       ("Ain Temouchnet", ["Ain Temouchnet"]),
                                       ("eau Ain Temouchnet", ["Ain Temouchnet"])])
def test_the_words_no_document_has_are_given_as_data(engine, q, words):
    """search.js held back its spoken count by reading the French notice (« Aucun document ne
    contient « kou » ») in the page (the round's review): the words are data of the response, as
    typed (`Ain Temouchnet` gave the place read for it, « Aïn Témouchent »: QA r44, audit 10, #5)."""
    assert engine.search(SearchRequest(q=q))["query"]["unknown_words"] == words


def test_the_page_carries_the_total_and_the_unknown_words(client):
    """The page's #announce says them as attributes: what search.js reads (no wording)."""
    import json
    import re

    html = client.get("/?q=eau+kou").get_data(as_text=True)
    tag = re.search(r'<p id="announce"[^>]*>', html).group(0)
    assert json.loads(re.search(r"data-unknown-words='([^']*)'", tag).group(1)) == ["kou"]
    assert re.search(r'data-total="(\d+)"', tag).group(1) != "0"
    tag = re.search(r'<p id="announce"[^>]*>', client.get("/?q=kou").get_data(as_text=True)).group(0)
    assert 'data-total="0"' in tag
