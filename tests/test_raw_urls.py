"""A raw UTF-8 URL (`curl 'http://…/api/search?q=é'`, sent unencoded) answers waitress's English
« Bad Request / Bad URI »: waitress refuses the request line before the application is called, so
no middleware can answer in French (QA r43, « Left alone »). docs/api.md (« Errors ») says so and
how to send such a query; these tests hold that paragraph true."""
from __future__ import annotations

from pathlib import Path

import pytest
from waitress.parser import ParsingError, split_uri

API_DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"


def test_waitress_refuses_a_raw_utf8_query_before_the_application():
    """If this fails, waitress lets such a URL through: the app's French answers reach the user and
    docs/api.md's paragraph on `Bad URI` is to be rewritten."""
    with pytest.raises(ParsingError):
        split_uri("/api/search?q=é".encode())
    assert split_uri(b"/api/search?q=%C3%A9")[3] == "q=%C3%A9"  # encoded, it passes


def test_the_developer_docs_say_so():
    text = " ".join(API_DOC.read_text("utf-8").split())
    assert "Bad URI" in text and "before any WSGI application" in text and "--data-urlencode 'q=é'" in text


def test_the_same_query_encoded_is_an_ordinary_search(client):
    r = client.get("/api/search?q=%C3%A9")
    assert r.status_code == 200 and r.get_json()["query"]["q"] == "é"
