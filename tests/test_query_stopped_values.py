"""More values left open, each stopped by a next prefix, than MAX_STOPPED: the 11th lost its quote, its
prefix read as followed by nothing (« Le préfixe « domaine: » n'est suivi de rien », false) and its value
as a word; now every value is read, those past the cap whole, without asking `selects` (review 2 of r52, L1)."""
from __future__ import annotations

from html import unescape

import pytest

from engine.querylang import parse_query
from engine.querytext import MAX_STOPPED, quotes_closed

VALUES = [("pays", "Maroc"), ("domaine", "Santé"), ("pays", "Mali"), ("domaine", "Eau")] * 3  # 12 open quotes
TYPED = " ".join(f'{p}:"{v}' for p, v in VALUES)
CLOSED = " ".join(f'{p}:"{v}"' for p, v in VALUES)


def _is_prefix(name: str) -> bool:
    return name in ("pays", "domaine")


def test_every_value_past_the_cap_keeps_its_prefix():
    assert len(VALUES) > MAX_STOPPED + 1
    pq = parse_query(TYPED)
    assert pq.render() == parse_query(CLOSED).render()
    assert pq.empty_prefixes == []
    assert not [n for n in pq.notices if "suivi de rien" in n or "mots simples" in n]


def test_past_the_cap_selects_is_no_more_asked():
    asked: list[str] = []

    def selects(prefix: str, value: str, whole: bool) -> bool:
        asked.append(value)
        return False  # no value selects anything: each is asked its whole and its beginnings
    typed = " ".join(f'{p}:"{v} x' for p, v in VALUES)
    notices: list[str] = []
    closed = quotes_closed(typed, notices, _is_prefix, selects)
    assert closed.count('"') % 2 == 0 and closed.count('"') == 2 * len(VALUES)
    assert {a.split()[0] for a in asked} <= {v for _, v in VALUES}
    assert len([a for a in asked if a.endswith(" x")]) == MAX_STOPPED  # each whole value asked once, the first 10


@pytest.mark.parametrize("path", ["/api/search", "/"])
def test_the_api_and_the_page_read_it_as_the_closed_query_without_the_false_notice(client, path):
    shut = client.get("/api/search", query_string={"q": CLOSED, "per_page": 1}).get_json()
    if path == "/api/search":
        api = client.get(path, query_string={"q": TYPED, "per_page": 1}).get_json()
        assert api["total"] == shut["total"] > 0
        assert api["query"]["prefix_filters"] == shut["query"]["prefix_filters"]
        notices = " ".join(api["query"]["notices"])
    else:
        resp = client.get(path, query_string={"q": TYPED})
        assert resp.status_code == 200
        notices = unescape(resp.get_data(as_text=True)).replace("\u202f", " ").replace("\xa0", " ")
        assert "Guillemet non fermé : la valeur lue est « Eau », jusqu'au préfixe « pays: » qui la suit." in notices
    assert "n'est suivi de rien" not in notices
