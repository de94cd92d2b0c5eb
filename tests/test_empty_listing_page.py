"""A page past an empty listing's only page says so, as one past a listing's last page does (QA r44,
audit 8, #13): `q=zzzzqqq&page=2` answered page 2 of 1 with no notice, on the API and the page."""
from __future__ import annotations

NOTICE = "La page 2 n'existe pas : la recherche ne donne aucun résultat."


def test_the_api_says_the_page_does_not_exist(client):
    data = client.get("/api/search?q=zzzzqqq&page=2").get_json()
    assert (data["total"], data["page"], data["pages"]) == (0, 2, 1)
    assert NOTICE in data["query"]["notices"]
    assert not [n for n in client.get("/api/search?q=zzzzqqq").get_json()["query"]["notices"] if "page" in n]


def test_the_page_says_it_too(client):
    from html import unescape

    html = unescape(client.get("/?q=zzzzqqq&page=2").get_data(as_text=True))
    assert NOTICE in html.replace("\u202f", " ")  # (the page's typography: a narrow space before « : »)
