"""French spacing in the pages (search_app/typography.py)."""
from __future__ import annotations

import re

import pytest

from search_app.typography import _KEPT, NNBSP, french_spacing


@pytest.mark.parametrize("html, expected", [
    ("Pays : Mali", f"Pays{NNBSP}: Mali"),
    ("Tous ; et ? et ! fin", f"Tous{NNBSP}; et{NNBSP}? et{NNBSP}! fin"),
    ("« eau »", f"«{NNBSP}eau{NNBSP}»"),
    ('<a aria-label="Retirer : Mali">x</a>', f'<a aria-label="Retirer{NNBSP}: Mali">x</a>'),  # read out too
    ("<pre>Budget : 10 €</pre> et : ", f"<pre>Budget : 10 €</pre> et{NNBSP}: "),  # a document as extracted
    ('<input name="q" value="eau : santé">', '<input name="q" value="eau : santé">'),  # the query as typed
    ("<script>a ? b : c</script>", "<script>a ? b : c</script>"),
    ("pays:mali, 10:30, http://x/?q=1", "pays:mali, 10:30, http://x/?q=1"),  # no space, nothing to do
])
def test_french_spacing(html, expected):
    assert french_spacing(html) == expected


def _text_outside_kept(html: str) -> str:
    return _KEPT.sub("", html)


@pytest.mark.parametrize("url", ["/", "/?q=eau", "/?q=eau&country=Atlantis", "/partenariats/pontivy--ouelessebougou",
                                 "/a-propos", "/carte?q=eau", "/partenariats/nope"])
def test_no_line_breaks_before_high_punctuation_on_the_pages(client, url):
    """The QA audit counted 79 ordinary spaces before « : ; ? ! » on the home page alone."""
    r = client.get(url)
    text = _text_outside_kept(r.get_data(as_text=True))
    assert not re.search(r" [:;?!»]|« ", text)
    assert f"{NNBSP}:" in text


def test_the_query_typed_is_sent_back_as_typed(client):
    html = client.get("/", query_string={"q": "eau : santé ?"}).get_data(as_text=True)
    assert 'value="eau : santé ?"' in html


@pytest.mark.parametrize("path", ["/api/search", "/api/search.csv"])
def test_the_api_and_exports_are_left_as_they_are(client, path):
    """Machine formats keep their text as the records have it (« Budget : 550 »)."""
    body = client.get(path, query_string={"q": "eau", "per_page": 20, "rows": "action", "all": 1}
                      if path.endswith(".csv") else {"q": "eau", "per_page": 20}).get_data(as_text=True)
    assert " : " in body and NNBSP not in body
