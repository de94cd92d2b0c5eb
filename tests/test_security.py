"""Hostile text from a source file or a query never runs in a visitor's
browser; errors never show a stack trace; contacts' phones and e-mails are not
searchable."""
from __future__ import annotations

import re
import shutil

import pytest

from engine import SearchRequest
from indexer.build import build_index

HOSTILE = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
]


@pytest.fixture(scope="module")
def crafted_app(tmp_path_factory, data_dir):
    """An index built from a ministry document with hostile collectivity names."""
    d = tmp_path_factory.mktemp("crafted")
    shutil.copy(data_dir / "algerie-ambassade-cooperation-technique.txt", d)
    text = (data_dir / "algerie-micl-cooperation.txt").read_text(encoding="utf-8")
    text = text.replace("Commune de Biskra / Mairie de Tourcoing (France)",
                        "Commune de Biskra <script>alert('x')</script> / "
                        "Mairie de Tourcoing\"><img src=x onerror=alert(1)> (France)")
    text = text.replace("Commune de Bouira / Mairie de Roubaix (France)",
                        "Commune de Bouira / Mairie de javascript:alert(1) (France)")
    (d / "algerie-micl-cooperation.txt").write_text(text, encoding="utf-8")
    ix = tmp_path_factory.mktemp("crafted-index")
    build_index(d, ix)
    from search_app import create_app

    return create_app({"INDEX_DIR": str(ix), "TESTING": True})


def _no_live_markup(html: str) -> None:
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert not re.search(r"""href=["']\s*javascript:""", html, re.IGNORECASE)


def test_hostile_source_text_is_inert_on_every_page(crafted_app):
    client = crafted_app.test_client()
    for q in ("Biskra", "Tourcoing", "Bouira", "alert", ""):
        page = client.get("/", query_string={"q": q, "per_page": 100})
        assert page.status_code == 200
        html = page.get_data(as_text=True)
        _no_live_markup(html)
    results = client.get("/api/search", query_string={"q": "Biskra"}).get_json()["results"]
    assert results, "the crafted partnership is indexed"
    pid = results[0]["partnership_id"]
    assert "&lt;script&gt;" in client.get(f"/partenariats/{pid}").get_data(as_text=True) or \
           "script" not in results[0]["title"]
    _no_live_markup(client.get(f"/partenariats/{pid}").get_data(as_text=True))
    for r in results:
        assert "<script" not in r["snippet"] and "<script" not in r["formatted"]["title"]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_are_inert(client, q):
    html = client.get("/", query_string={"q": q + " Kayes"}).get_data(as_text=True)
    _no_live_markup(html)
    data = client.get("/api/search", query_string={"q": q + " Kayes"}).get_json()
    for r in data["results"]:
        assert "<script" not in r["snippet"] and "<img" not in r["snippet"]


def test_debug_is_off_and_errors_show_no_trace(app, monkeypatch):
    assert app.debug is False
    engine = app.extensions["engine"]

    def boom(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(engine, "search", boom)
    client = app.test_client()
    api = client.get("/api/search?q=eau")
    assert api.status_code == 500
    assert api.get_json()["error"]["code"] == "internal_error"
    page = client.get("/?q=eau")
    assert page.status_code == 500
    for resp in (api, page):
        body = resp.get_data(as_text=True)
        assert "secret internal detail" not in body and "Traceback" not in body and "RuntimeError" not in body


def test_security_headers_on_errors_too(client):
    for path in ("/", "/api/search?page=0", "/nulle-part", "/api/partnerships/nope"):
        h = client.get(path).headers
        assert "unsafe-inline" not in h["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in h["Content-Security-Policy"]
        assert h["X-Content-Type-Options"] == "nosniff"
        assert h["Referrer-Policy"]


def test_contacts_are_not_searchable(engine, corpus):
    emails = [c.email for p in corpus.partnerships for c in p.contacts if c.email and "@" in c.email]
    phones = [c.phone for p in corpus.partnerships for c in p.contacts
              if c.phone and len(re.sub(r"\D", "", c.phone)) >= 8]
    assert len(emails) > 20 and len(phones) > 20
    for email in emails[:15]:
        user = email.split("@")[0]
        r = engine.search(SearchRequest(q=f'"{email}"', per_page=5))
        assert all(email not in h["snippet"] for h in r["results"])
        assert all(user not in h["snippet"] for h in r["results"]), email
    for phone in phones[:15]:
        r = engine.search(SearchRequest(q=f'"{phone}"', per_page=5))
        digits = re.sub(r"\D", "", phone)
        assert all(digits not in re.sub(r"\D", "", h["snippet"]) for h in r["results"]), phone


def test_no_indexed_text_holds_an_email(engine):
    st = engine.state()
    searcher = st.searcher()
    for docnum in range(len(st.docs)):
        stored = searcher.stored_fields(docnum)
        for field in ("title", "body", "parties", "places", "domains_text"):
            assert not re.search(r"[\w.-]+@[\w-]+\.\w+", stored.get(field) or ""), (st.docs[docnum].id, field)
