"""An error page says what happened in words, its code below (QA12's low: the heading was « Erreur 404 »,
a code, not words), and does not repeat its heading as its message."""
from __future__ import annotations

import re

import pytest

from search_app.errors import HEADINGS, MESSAGES


def _page(client, url: str, method: str = "get") -> tuple[int, str, str, list[str]]:
    resp = getattr(client, method)(url)
    html = resp.get_data(as_text=True)
    title = re.search(r"<title>(.*?)</title>", html, re.DOTALL).group(1).strip()
    h1 = re.findall(r"<h1>(.*?)</h1>", html)
    main = html.split("<h1>", 1)[1].split("Retour à la recherche", 1)[0]
    return resp.status_code, title, main, h1


def test_a_page_nowhere_is_named_in_words_with_its_code_below(client):
    status, title, main, h1 = _page(client, "/nulle-part")
    assert status == 404
    assert h1 == ["Page introuvable"]
    assert title.startswith("Page introuvable (erreur 404)")
    assert '<p class="error-code">Erreur 404</p>' in main
    assert main.count("Page introuvable") == 1  # the generic message « Page introuvable. » is not said twice
    assert 'class="error-message"' not in main


def test_a_specific_message_stays_under_the_heading(client):
    status, _, main, h1 = _page(client, "/partenariats/nope")
    assert status == 404 and h1 == ["Page introuvable"]
    said = main.split('<p class="error-code">Erreur 404</p>', 1)[1]
    assert re.search(r"<p class=\"error-message\">[^<]*nope[^<]*</p>", said), said  # the record's own message


def test_a_wrong_method_is_said_in_words(client):
    status, title, main, h1 = _page(client, "/a-propos", method="post")
    assert status == 405 and h1 == ["Méthode non autorisée"]
    assert title.startswith("Méthode non autorisée (erreur 405)") and "Erreur 405" in main


@pytest.mark.parametrize("status", sorted(MESSAGES))
def test_every_status_the_app_answers_has_a_heading_in_words(status):
    assert status in HEADINGS and not re.search(r"\d", HEADINGS[status])
