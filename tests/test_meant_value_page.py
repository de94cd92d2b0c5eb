"""The link « Rechercher avec « Kayes » » of a filter value written otherwise keeps the page
number (QA r44, audit 8, #8): it dropped `page=2`, and the user was back on page 1 of the same list."""
from __future__ import annotations

import re
from html import unescape


def test_the_meant_value_s_link_keeps_the_page(client):
    resp = client.get("/?q=eau&region=kayes&country=Mali&page=2&per_page=5&sort=year_desc")
    assert resp.status_code == 400
    href = unescape(re.search(r'<a href="([^"]+)" id="meant-link">', resp.get_data(as_text=True))[1])
    assert "region=Kayes" in href and re.search(r"[?&]page=2(?:&|$)", href)
    assert "page 2 sur" in client.get(href).get_data(as_text=True)
