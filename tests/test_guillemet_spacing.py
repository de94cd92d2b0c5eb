"""One spacing of « » on the pages: the narrow no-break space (U+202F) that typography.french_spacing
puts inside every « », also around what the `quote` filter writes (QA r48, QA17, defect 5: `quote`
wrote U+00A0, so « zzzqqq » on an empty listing was spaced otherwise than the rest of the page)."""
from __future__ import annotations

import re

import pytest

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize("q", ["zzzqqq", "Tombuctou", "assainisement kaye"])
def test_guillemets_are_spaced_one_way(client, q):
    html = client.get("/", query_string={"q": q}).get_data(as_text=True)
    quoted = re.findall(r"«\s(?:[^«»<]{1,80})\s»", html)
    assert quoted, "the page quotes something"  # each of these pages quotes the query or a word of it
    assert all(m[1] == NNBSP and m[-2] == NNBSP for m in quoted), [m for m in quoted if NNBSP not in (m[1], m[-2])]
    assert f"«{NBSP}" not in html and f"{NBSP}»" not in html
