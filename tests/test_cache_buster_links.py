"""A cache buster (`_=123`) is let through but not copied into the answer's links (QA r44, audit 8,
#10): `links.html`, `links.next` and every `toggle_url` carried `&_=123`, and so did the page's."""
from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit


def test_the_api_s_links_leave_the_buster_out(client):
    data = client.get("/api/search?q=Kayes&_=123&per_page=2").get_json()
    urls = list(data["links"].values()) + [it["toggle_url"] for items in data["facets"].values() for it in items]
    assert "next" in data["links"] and urls
    assert not [u for u in urls if "_=" in u]
    assert "q=Kayes" in data["links"]["next"] and "per_page=2" in data["links"]["next"]


def test_the_page_s_links_and_form_leave_it_out(client):
    """Its links (whatever the buster's value) and its form's fields (review 3, #16: a hidden
    `<input name="_" value="1700000000">` passed the test, which looked for `_=1700000000`)."""
    html = client.get("/?q=eau&_=1700000000&per_page=5").get_data(as_text=True)
    links = [parse_qs(urlsplit(unescape(h)).query) for h in re.findall(r'href="([^"]*\?[^"]*)"', html)]
    assert any(q.get("per_page") == ["5"] for q in links)
    assert [q for q in links if "_" in q] == [] and "1700000000" not in html
    assert re.findall(r'<input[^>]*name="_"', html) == []


def test_what_the_api_lets_through_as_a_buster_is_what_the_links_leave_out(client):
    """(review 3, #11) one rule, params.is_buster, for the API's acceptance (unknown names, empty
    values) and the links: written three times, they could drift apart (`__x`, an empty `_`)."""
    data = client.get("/api/search?q=Kayes&per_page=2&_=&__x=1&_y_=2").get_json()
    urls = list(data["links"].values()) + [it["toggle_url"] for items in data["facets"].values() for it in items]
    assert urls and not [u for u in urls if "_=" in u or "__x=" in u or "_y_=" in u]
    resp = client.get("/api/search?q=Kayes&x_=1")
    assert resp.status_code == 400 and resp.get_json()["error"]["code"] == "unknown_parameter"
