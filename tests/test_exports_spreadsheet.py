"""The CSV a spreadsheet opens: the budget's amount, currency and kind beside its text, no cell
read as a formula, and an export menu whose labels say what a line holds (QA r43, audit 7, #6, #7)."""
from __future__ import annotations

import csv
import io
import re
from html import unescape

import pytest

from search_app.exports import amount_cell, as_text

NPDC_A11 = "cr-nord-pas-de-calais--assemblee-regionale-de-kayes--a11"


def csv_rows(resp, sep: str = ",") -> list[dict]:
    return list(csv.DictReader(io.StringIO(resp.get_data(as_text=True).lstrip("\ufeff")), delimiter=sep))


def test_an_actions_budget_has_its_amount_currency_and_kind(client):
    rows = csv_rows(client.get("/api/search.csv?q=&all=1&rows=action"))
    row = next(r for r in rows if r["action_id"] == NPDC_A11)
    budget = client.get(f"/api/actions/{NPDC_A11}").get_json()["budget"]
    assert budget["amount"] == 64370.0 and budget["kind"] == "yearly"
    assert (row["action_budget_amount"], row["action_budget_currency"], row["action_budget_kind"]) == \
        ("64370", budget["currency"] or "", "yearly")
    with_amount = [r for r in rows if r["action_budget_amount"]]
    assert len(with_amount) > 100 and all(float(r["action_budget_amount"]) >= 0 for r in with_amount)


def test_a_cell_that_opens_a_formula_is_read_as_text(client):
    """« - 64 370 /an (moyenne) » made Excel and LibreOffice read a formula."""
    rows = csv_rows(client.get("/api/search.csv?q=&all=1&rows=action"))
    assert next(r for r in rows if r["action_id"] == NPDC_A11)["action_budget"] == "'- 64 370 /an (moyenne)"
    assert not [c for r in rows for c in r.values() if c and c[0] in "=+-@\t\r"]


@pytest.mark.parametrize("cell, text", [
    ("- 64 370 /an (moyenne)", "'- 64 370 /an (moyenne)"), ("=1+2", "'=1+2"), ("+33 1", "'+33 1"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("85 000 euros", "85 000 euros"), (None, ""),
    (12, "12")])
def test_as_text(cell, text):
    assert as_text(cell) == text


def test_the_french_file_has_the_amount_with_a_decimal_comma(client):
    assert amount_cell(8004.27, ",") == "8004,27" and amount_cell(64370.0, ",") == "64370"
    assert amount_cell(8004.27, ".") == "8004.27" and amount_cell(None, ",") == ""
    rows = csv_rows(client.get("/api/search.csv?q=&all=1&rows=action&sep=%3B"), ";")
    amounts = [r["action_budget_amount"] for r in rows if r["action_budget_amount"]]
    assert any("," in a for a in amounts) and not any("." in a for a in amounts)


def _menu(client, qs: str) -> dict[str, str]:
    """The export menu's files, label -> URL."""
    page = client.get(f"/?{qs}").get_data(as_text=True)
    start = page.index('<details class="export"')
    links = re.findall(r'<a href="([^"]+)"[^>]*download>([^<]+)</a>', page[start:page.index("</details>", start)])
    # (the page's French spacing puts no-break spaces inside « » and before « ; »)
    return {re.sub(r"[\u00a0\u202f]", " ", unescape(label)): unescape(href) for href, label in links}


def test_an_action_searchs_menu_offers_actions_with_their_columns_in_both_separators(client):
    menu = _menu(client, "q=puits+Kayes&type=action")
    assert not [label for label in menu if "partenariat par ligne" in label]
    french = menu["CSV pour un tableur en français (séparateur « ; »), une action par ligne"]
    assert "rows=action" in french and "sep=%3B" in french
    rows = csv_rows(client.get(french), ";")
    assert len(rows) == 18 and rows[0]["action_id"] and "action_budget_amount" in rows[0]
    assert "rows=action" in menu["CSV, une action par ligne"]


def test_a_partnership_searchs_menu_says_what_each_file_holds(client):
    menu = _menu(client, "q=puits+Kayes")
    assert set(menu) >= {"CSV, un partenariat par ligne",
                         "CSV pour un tableur en français (séparateur « ; »), un partenariat par ligne",
                         "CSV pour un tableur en français (séparateur « ; »), une action par ligne"}
    assert "rows=action" in menu["CSV pour un tableur en français (séparateur « ; »), une action par ligne"]
    assert "rows=" not in menu["CSV, un partenariat par ligne"]
