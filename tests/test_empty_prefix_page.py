"""`q=pays:` (a prefix followed by nothing): the API refuses it, the page lists what `q=` lists with
a notice, and docs/api.md, which lists what the page forgives, says so (QA r44, audit 8, #12: the
page's leniency was not among them)."""
from __future__ import annotations

from html import unescape
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs" / "api.md"
NOTICE = "Le préfixe « pays: » n'est suivi de rien : il a été ignoré."


def test_the_page_forgives_it_the_api_does_not(client):
    assert client.get("/api/search?q=pays:").get_json()["error"]["code"] == "empty_field_prefix"
    resp = client.get("/?q=pays:")
    assert resp.status_code == 200
    assert NOTICE in unescape(resp.get_data(as_text=True)).replace("\u202f", " ").replace("\xa0", " ")


def test_the_docs_say_the_page_forgives_it():
    text = " ".join(DOCS.read_text(encoding="utf-8").split())
    assert f"`/?q=pays:` lists what `/?q=` lists, with the notice « {NOTICE} »" in text


def test_a_value_whose_quote_is_left_open_is_no_empty_prefix(client):
    """`pays:"Maroc` lost its quote, then `pays:` was empty and the API refused a value it had been given."""
    typed = client.get('/api/search?q=pays:"Maroc&per_page=1').get_json()
    assert typed["total"] == client.get("/api/search?q=pays:Maroc&per_page=1").get_json()["total"] > 0
    assert "Guillemet non fermé : la valeur est lue jusqu'à la fin de la requête." in typed["query"]["notices"]
