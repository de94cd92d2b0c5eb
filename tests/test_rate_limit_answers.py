"""With `--rate-limit`, a page over the limit gets the French error page, /api the JSON error, both
`no-store`, and the stylesheet, script and icon a page loads are not counted (QA r44, audit 8, #4):
pages answered the JSON object, static files ate the quota (a page came without its stylesheet),
and the 429 had no Cache-Control."""
from __future__ import annotations

import pytest


@pytest.fixture
def limited(index_dir):
    from search_app import create_app

    return create_app({"INDEX_DIR": str(index_dir), "RATE_LIMIT": 2}).test_client()


def test_a_page_over_the_limit_is_a_french_page(limited):
    for _ in range(2):
        assert limited.get("/a-propos").status_code == 200
    resp = limited.get("/partenariats/paris--rabat", headers={"Accept": "text/html"})
    assert resp.status_code == 429 and resp.mimetype == "text/html"
    body = resp.get_data(as_text=True)
    assert '<html lang="fr"' in body and "Trop de requêtes" in body and "réessayez dans" in body
    assert resp.headers["Cache-Control"] == "no-store" and int(resp.headers["Retry-After"]) >= 1


def test_the_api_over_the_limit_answers_json_no_store(limited):
    for _ in range(2):
        limited.get("/api/status")
    resp = limited.get("/api/search?q=eau")
    assert resp.status_code == 429 and resp.get_json()["error"]["code"] == "rate_limited"
    assert resp.headers["Cache-Control"] == "no-store" and resp.headers["Retry-After"]


def test_static_files_are_not_counted(limited):
    for name in ("style.css", "search.js", "favicon.svg") * 3:
        assert limited.get(f"/static/{name}").status_code == 200
    assert limited.get("/a-propos").status_code == 200
