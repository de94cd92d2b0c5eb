"""A party's population written as a bare number reads with French thousands on its page (QA r48,
QA17, defect 3): Bagnolet's sheet writes `33000`, the page showed « 33000 » beside Pontivy's
« 15 000 ». A number in words or with a comment (« 21 000 (8 000 pour Diéma ville) ») is shown as
written; the JSON keeps the sheet's text."""
from __future__ import annotations

import re
from html import unescape

import pytest

from search_app.formatting import number


def _population(html: str, side: int) -> str:
    cards = re.findall(r'<section class="party-card">(.*?)</section>', html, re.DOTALL)
    m = re.search(r"<dt>Population</dt><dd>(.*?)</dd>", cards[side], re.DOTALL)
    assert m
    return unescape(m[1])


@pytest.mark.parametrize(("pid", "side"), [("bagnolet--massala", 0), ("bagnolet--massala", 1),
                                           ("aix-en-provence--bamako-commune-v", 0)])
def test_a_bare_number_has_french_thousands(client, pid, side):
    party = client.get(f"/api/partnerships/{pid}").get_json()[("french_party", "partner_party")[side]]
    assert re.fullmatch(r"\d{1,3}(?: ?\d{3})+", party["population_text"])  # the sheet's text, kept by the API
    shown = _population(client.get(f"/partenariats/{pid}").get_data(as_text=True), side)
    assert shown == number(party["population"]) and "\u202f" in shown


@pytest.mark.parametrize(("pid", "side"), [("chilly-mazarin--diema", 1),
                                           ("cr-centre--assemblee-regionale-de-mopti", 0)])
def test_a_population_in_words_is_shown_as_written(client, pid, side):
    party = client.get(f"/api/partnerships/{pid}").get_json()[("french_party", "partner_party")[side]]
    shown = _population(client.get(f"/partenariats/{pid}").get_data(as_text=True), side)
    assert shown == party["population_text"]
