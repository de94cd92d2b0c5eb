"""List page 3 -> Carte -> Liste comes back to page 3 (QA r44, audit 8, #9): the « Carte » and
« Liste » links dropped `page`, which the map accepts and ignores."""
from __future__ import annotations

import re
from html import unescape

_PAGE_3 = re.compile(r"[?&]page=3(?:&|$)")


def _views(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="views"[^>]*>(.*?)</nav>', html, re.DOTALL)[1]
    return {label: unescape(href) for href, label in re.findall(r'<a href="([^"]+)"[^>]*>(\w+)</a>', nav)}


def test_the_page_goes_to_the_map_and_back(client):
    query = "q=eau&country=Mali&sort=year_desc&per_page=5&page=3"
    carte = _views(client.get(f"/?{query}").get_data(as_text=True))["Carte"]
    assert carte.startswith("/carte?") and _PAGE_3.search(carte)
    liste = _views(client.get(carte).get_data(as_text=True))["Liste"]
    assert liste.startswith("/?") and _PAGE_3.search(liste)
    assert "page 3 sur" in client.get(liste).get_data(as_text=True)
