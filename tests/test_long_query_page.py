"""A link whose words are longer than the search takes (a pasted paragraph): the page said
« dépasse 500 caractères » and gave the box back with the whole text, so that « Rechercher » was
refused again, with no way on but to cut it by hand (UX r56). It offers the search cut at a word's
end, and puts that in the box."""
from __future__ import annotations

import re
from html import unescape

from indexer.limits import MAX_QUERY_CHARS


def test_a_too_long_query_is_offered_cut_at_a_word(client):
    words = " ".join(["développement"] * 40)  # 559 characters
    resp = client.get("/", query_string={"q": words, "country": "Mali"})
    assert resp.status_code == 400
    html = resp.get_data(as_text=True)
    link = re.search(r'<a href="([^"]+)" id="meant-link">Rechercher avec les (\d+) premiers caractères</a>', html)
    assert link, "no link to the search cut to its length"
    box = unescape(re.search(r'<input type="search" id="q" name="q" value="([^"]*)"', html)[1])
    assert len(box) <= MAX_QUERY_CHARS and box.split() == ["développement"] * (len(box.split()))
    assert int(link[2]) == len(box)
    href = unescape(link[1])
    assert "country=Mali" in href
    after = client.get(href)
    assert after.status_code == 200 and "Mali" in after.get_data(as_text=True)
