"""A filter given in another spelling the API accepts (`status=réalisé` for `Réalisé`, `year=+2005`,
a year with a space) is removed by its chip and its `toggle_url` (QA r44, audit 8, #2): the link
compared the raw parameter with the facet's value and added the value a second time."""
from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest


def _selected(data: dict, facet: str) -> list[dict]:
    return [it for it in data["facets"][facet] if it["selected"]]


def _params(url: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(url).query, keep_blank_values=True)


@pytest.mark.parametrize("query, facet, value", [
    ("q=puits&type=action&status=r%C3%A9alis%C3%A9", "status", "Réalisé"),
    ("q=&status=En+contacts", "status", "En contact"),
    ("q=eau&year=+2005", "year", 2005),
])
def test_toggle_url_of_a_filter_in_another_spelling_removes_it(client, query, facet, value):
    data = client.get(f"/api/search?{query}").get_json()
    chosen = _selected(data, facet)
    assert [it["value"] for it in chosen] == [value]
    assert facet not in dict(_params(chosen[0]["toggle_url"]))
    removed = client.get(chosen[0]["toggle_url"]).get_json()
    assert removed["query"]["filters"].get(facet) in (None, [])


def test_the_other_values_keep_the_filter_as_read(client):
    data = client.get("/api/search?q=puits&type=action&status=r%C3%A9alis%C3%A9").get_json()
    other = next(it for it in data["facets"]["status"] if not it["selected"])
    assert [v for k, v in _params(other["toggle_url"]) if k == "status"] == ["Réalisé", other["value"]]


def test_the_chip_of_a_filter_in_another_spelling_removes_it(client):
    html = client.get("/?q=puits&type=action&status=r%C3%A9alis%C3%A9").get_data(as_text=True)
    href = unescape(re.search(r'<a class="chip" href="([^"]+)" aria-label="Retirer le filtre État', html)[1])
    assert "status" not in dict(_params(href))
    assert 'aria-label="Retirer le filtre État' not in client.get(href).get_data(as_text=True)
