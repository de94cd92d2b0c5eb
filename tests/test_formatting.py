"""French conventions (search_app/formatting.py) and the suggestion as shown
(search_app/spelling.py), each function alone."""
from __future__ import annotations

import pytest

from search_app import formatting as f
from search_app.spelling import display_suggestion

NNBSP = "\u202f"


@pytest.mark.parametrize("value,decimals,expected", [
    (0.9, None, "0,9"), (12, None, "12"), (1234, None, f"1{NNBSP}234"), (1250000, None, f"1{NNBSP}250{NNBSP}000"),
    (3.14159, 2, "3,14"), (1234.5, 1, f"1{NNBSP}234,5"), (None, None, ""),
])
def test_number_uses_the_decimal_comma_and_thin_spaces(value, decimals, expected):
    assert f.number(value, decimals) == expected


@pytest.mark.parametrize("n,expected", [
    (0, "0 partenariat"), (1, "1 partenariat"), (2, "2 partenariats"), (1500, f"1{NNBSP}500 partenariats"),
])
def test_plural_is_singular_for_zero_and_one(n, expected):
    assert f.plural(n, "partenariat") == expected


def test_plural_of_labels_and_irregular_words():
    assert f.plural(3, "autre valeur") == "3 autres valeurs"
    assert f.plural(2, "lieu") == "2 lieux"
    assert f.plural(2, "collectivité française", "collectivités françaises") == "2 collectivités françaises"
    assert f.plural(1, "pays") == "1 pays" and f.plural(4, "pays") == "4 pays"


def test_decade():
    assert f.decade(1983) == "années 1980"
    assert f.decade(2000) == "années 2000"


@pytest.mark.parametrize("value,expected", [
    ("2026-12-02", "2 décembre 2026"), ("2007-05-01", "1er mai 2007"), ("2026-12-02T00:20:32Z", "2 décembre 2026"),
    ("2008-08-15", "15 août 2008"), ("mai 2007", "mai 2007"), (None, ""),
])
def test_date(value, expected):
    assert f.date(value) == expected


def test_datetime_in_french():
    assert f.datetime("2026-12-02T00:20:32Z") == "2 décembre 2026 à 0 h 20 (UTC)"
    assert f.datetime("2026-12-02") == "2 décembre 2026"


def test_a_year_list_reads_years_in_a_row_as_a_period():
    assert f.year_list([2006, 2001, 2002, 2003, 2004, 2005, 2008]) == "2001–2006, 2008"
    assert f.year_list([1999, 2004]) == "1999, 2004"  # two dates, as printed
    assert f.year_list([2004, 2005]) == "2004–2005"  # two in a row too, as a longer period reads
    assert f.year_list([2005, 2005]) == "2005" and f.year_list([]) == ""


def test_duration_year_span_section_and_quotes():
    assert f.duration_ms(0.94) == f"0,9{NNBSP}ms"
    assert f.duration_ms(123.4) == f"123{NNBSP}ms"
    assert f.year_span([2003, 1998, 1999]) == "1998–2003" and f.year_span([2001]) == "2001" and f.year_span([]) == ""
    assert f.section_label("sheet") == "fiche" and f.section_label("Annexe 1") == "Annexe 1"
    assert f.quote("Kayes") == f"«{NNBSP}Kayes{NNBSP}»"  # as typography.french_spacing spaces every « »


@pytest.mark.parametrize("word,like,expected", [
    ("Tombouctou", "tombouctu", "Tombouctou"), ("développement", "DEVELOPEMENT", "DÉVELOPPEMENT"),
    ("développement", "Developement", "Développement"), ("santé", "snté", "santé"),
])
def test_match_case(word, like, expected):
    assert f.match_case(word, like) == expected


FORMS = {"tombouctou": "Tombouctou", "developpement": "développement", "segou": "Ségou"}


def test_suggestion_keeps_the_rest_of_the_query_and_writes_words_as_the_documents_do():
    out = display_suggestion('"eau potable" segu -puits pays:mali', ["segu"], "segou", FORMS)
    assert out == {"query": '"eau potable" Ségou -puits pays:mali', "changes": [["segu", "Ségou"]]}
    out = display_suggestion("TOMBOUCTU developement", ["TOMBOUCTU", "developement"], "tombouctou developpement", FORMS)
    assert out["query"] == "TOMBOUCTOU développement"


def test_an_unknown_prefix_is_corrected_as_the_word_it_is_read_as(client):
    """`foo:bar` is read as the words `foo bar`: « Vouliez-vous dire : FAO:bar ? » offered another
    unknown prefix, flagged again when followed (QA r44, audit 10, defect 6)."""
    assert display_suggestion("foo:bar", ["foo", "bar"], "fao bar", {"fao": "FAO"})["query"] == "FAO bar"
    for q in ("foo:bar", "foo:santé"):
        shown = client.get("/api/search", query_string={"q": q}).get_json()["suggestion"]
        assert shown and ":" not in shown
        notices = client.get("/api/search", query_string={"q": shown}).get_json()["query"]["notices"]
        assert not any("préfixe" in n for n in notices), notices


def test_no_suggestion_when_nothing_changes():
    assert display_suggestion("Ségou", ["Ségou"], None, FORMS) is None
    assert display_suggestion("segou", ["segou"], "segou", FORMS) is None


@pytest.mark.parametrize("text,kind,expected", [
    ("20 000 Euros", "yearly", "20 000 Euros (par an)"), ("2500€/an", "yearly", "2500€/an"),
    ("5 000 € par an", "yearly", "5 000 € par an"), ("Budget annuel : 80 000 €", "yearly", "Budget annuel : 80 000 €"),
    ("20 000 Euros", "total", "20 000 Euros"), ("20 000 Euros", None, "20 000 Euros"),
    # inside the sentence; never beside an amount dated to one year (the round's review)
    ("330 000 euros.", "yearly", "330 000 euros (par an)."),
    ("23 000 € (budget 2007)", "yearly", "23 000 € (budget 2007)"), ("800 000 € (2006)", "yearly", "800 000 € (2006)"),
    ("1 200 euros cette année donnés", "yearly", "1 200 euros cette année donnés"),
    ("2000 €", "yearly", "2000 € (par an)"), ("1995 F", "yearly", "1995 F (par an)"),  # amounts, no years
    ("90 000 € dont 44 256 € en 2008 pour le Mali", "yearly", "90 000 € dont 44 256 € en 2008 pour le Mali (par an)"),
])
def test_a_yearly_budget_says_par_an_once(text, kind, expected):
    assert f.budget_text(text, kind) == expected
