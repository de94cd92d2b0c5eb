"""A build that cannot read a source document publishes an index keeping that document's records as
an earlier build read them. The QA audit (round 41) found only `/api/status`'s `complete: false`
saying so: « À propos » and the search page said nothing, and the build said it in English (« kept
the 78 partnerships and 0 actions of the previous index for this document »). Built here from a
copy of data/ without one document, in a temporary folder, over a copy of the session's index."""
from __future__ import annotations

import contextlib
import html as h
import json
import re
import shutil

import pytest

from engine import Engine
from indexer.build import build_index
from indexer.registry import labels
from indexer.store import current_generation
from indexer.unread import unread_documents
from repertoires.cli import main
from search_app.formatting import datetime

MISSING = "algerie-micl-cooperation.txt"
LABEL = labels()[MISSING]  # Ministère algérien de l'Intérieur (MICL)


def page_text(html: str) -> str:
    """A page's words, its tags and French spaces (narrow, no-break) as plain spaces."""
    text = h.unescape(re.sub(r"<[^>]+>", " ", html)).replace("\u202f", " ").replace("\u00a0", " ")
    return " ".join(text.split())


@pytest.fixture(scope="module")
def incomplete(tmp_path_factory, data_dir, index_dir):
    """(data folder without MISSING, index built from it over a copy of the full index, the full
    index's build time, the command's exit code and output)."""
    root = tmp_path_factory.mktemp("incomplete")
    data = root / "data"
    shutil.copytree(data_dir, data)
    (data / MISSING).unlink()
    ix = root / "index"
    shutil.copytree(index_dir, ix)
    full_built_at = current_generation(ix).meta["built_at"]
    capture = root / "out.txt"
    with open(capture, "w", encoding="utf-8") as out, contextlib.redirect_stdout(out):
        code = main(["index", "--data", str(data), "--index", str(ix), "--quiet"])
    return data, ix, full_built_at, code, capture.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def incomplete_app(incomplete):
    from search_app import create_app

    return create_app({"INDEX_DIR": str(incomplete[1]), "TESTING": True}).test_client()


def test_the_build_says_in_french_what_it_kept_and_fails(incomplete):
    _, _, built_at, code, out = incomplete
    assert code == 2
    assert f"{MISSING} : fichier introuvable" in out
    kept = re.search(r"fiches gardées de l'index précédent : (\d+) partenariats, 0 action, lues le (.+)\n", out)
    assert kept and int(kept[1]) > 50, out
    assert kept[2] == datetime(built_at)  # when the full build read them
    assert "Index incomplet : 1 document n'a pu être lu (algerie-micl-cooperation.txt) ; ses fiches sont " \
           "celles d'une construction antérieure" in out
    assert "kept the" not in out and "previous index" not in out


def test_a_first_build_without_a_document_says_it_has_none_of_its_records(incomplete, tmp_path):
    """With no earlier index, the summary said the document's records were an earlier build's, just
    after « aucune fiche de ce document dans l'index » (the round's records review)."""
    data = incomplete[0]
    capture = tmp_path / "out.txt"
    with open(capture, "w", encoding="utf-8") as out, contextlib.redirect_stdout(out):
        code = main(["index", "--data", str(data), "--index", str(tmp_path / "fresh"), "--quiet"])
    said = capture.read_text(encoding="utf-8")
    assert code == 2
    assert "aucune fiche de ce document dans l'index" in said
    assert "Index incomplet : 1 document n'a pu être lu (algerie-micl-cooperation.txt) ; l'index n'a aucune " \
           "de ses fiches" in said and "construction antérieure" not in said


def test_status_lists_the_unread_document_with_the_build_that_read_it(incomplete):
    _, ix, built_at, _, _ = incomplete
    status = Engine(ix).status()
    assert status["complete"] is False
    [unread] = status["unread_documents"]
    assert unread["document"] == MISSING and unread["label"] == LABEL
    assert unread["partnerships"] > 50 and unread["actions"] == 0
    assert unread["read_at"] == built_at != status["built_at"]  # the full build read them, not this one


def test_api_status_says_it(incomplete_app, spec):
    from jsonschema import Draft202012Validator

    body = incomplete_app.get("/api/status").get_json()
    assert body["complete"] is False and [u["document"] for u in body["unread_documents"]] == [MISSING]
    schema = {"$ref": "#/components/schemas/Status", "components": spec["components"]}
    assert not list(Draft202012Validator(schema).iter_errors(body))


def test_the_about_page_names_the_document_and_the_build_its_records_come_from(incomplete_app):
    text = page_text(incomplete_app.get("/a-propos").get_data(as_text=True))
    assert "Index incomplet" in text
    said = re.search(r"Le document « (.+?) » \((\S+)\) n'a pas pu être lu lors de la dernière mise à jour de "
                     r"l'index\. Ses fiches \((\d+) partenariats\) viennent d'une mise à jour antérieure, celle "
                     r"du (\d+ \w+ 20\d\d à \d+ h \d\d \(UTC\))", text)
    assert said, text[:2000]
    assert said[1] == LABEL and said[2] == MISSING


def test_the_search_page_says_it_discreetly_outside_the_results_the_script_replaces(incomplete_app):
    for url in ("/", "/?q=eau", "/carte?q=eau"):
        html = incomplete_app.get(url).get_data(as_text=True)
        notice = html.find('id="index-incomplet"')
        assert 0 < notice < html.find('id="results-zone"'), url
        text = page_text(html[notice:html.find("</p>", notice)])
        assert "Index incomplet" in text and "n'a pas pu être lu" in text and "mise à jour antérieure" in text
        assert 'href="/a-propos#index-incomplet"' in html


def test_a_record_from_the_unread_document_says_so_on_its_page(incomplete_app):
    """Kidal–Tamanrasset comes only from the MICL list: its page said nothing of the list being an
    earlier build's (the round's review). A record from the other documents says nothing."""
    text = page_text(incomplete_app.get("/partenariats/kidal--tamanrasset").get_data(as_text=True))
    assert f"Le document « {LABEL} », d'où vient cette fiche, n'a pas pu être lu à la dernière mise à jour" in text
    assert "n'a pas pu être lu" not in page_text(
        incomplete_app.get("/partenariats/rochelle--essaouira").get_data(as_text=True))


def test_a_complete_index_says_nothing(client):
    assert client.get("/api/status").get_json()["unread_documents"] == []
    assert 'id="index-incomplet"' not in client.get("/?q=eau").get_data(as_text=True)
    assert "Index incomplet" not in client.get("/a-propos").get_data(as_text=True)
    assert "stale-notice" not in client.get("/partenariats/kidal--tamanrasset").get_data(as_text=True)


def test_records_kept_twice_keep_the_time_they_were_read(tmp_path, data_dir):
    """A second build without the document keeps the records again: they were read by the first
    build that had the document, not by the one before this one."""
    data = tmp_path / "data"
    data.mkdir()
    for name in (MISSING, "algerie-ambassade-cooperation-technique.txt"):
        shutil.copy(data_dir / name, data / name)
    ix = tmp_path / "ix"
    first = build_index(data, ix).generation
    read = json.loads((first / "meta.json").read_text())["built_at"]
    (data / MISSING).unlink()
    build_index(data, ix)
    second = current_generation(ix).meta
    build_index(data, ix)
    third = current_generation(ix).meta
    for meta in (second, third):
        [kept] = [u for u in unread_documents(meta) if u["document"] == MISSING]
        assert kept["read_at"] == read and kept["partnerships"] > 50
    never = [u for u in unread_documents(third) if u["document"] == "mali-repertoire-2008.txt"]
    assert never == [{"document": "mali-repertoire-2008.txt", "label": labels()["mali-repertoire-2008.txt"],
                      "partnerships": 0, "actions": 0, "read_at": None}]


def test_an_index_built_before_kept_was_recorded_counts_from_its_sources():
    meta = {"built_at": "2026-12-01T10:00:00Z", "counts": {"by_source": {MISSING: {"partnerships": 78, "actions": 0}}},
            "reports": [{"document": MISSING, "ok": False, "error": "…"}, {"document": "x.txt", "ok": True}]}
    assert unread_documents(meta) == [{"document": MISSING, "label": LABEL, "partnerships": 78, "actions": 0,
                                       "read_at": None}]


def test_the_about_page_says_when_nothing_of_the_document_is_kept(tmp_path, data_dir):
    from search_app import create_app

    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(data_dir / MISSING, data / MISSING)
    build_index(data, tmp_path / "ix")
    client = create_app({"INDEX_DIR": str(tmp_path / "ix"), "TESTING": True}).test_client()
    text = page_text(client.get("/a-propos").get_data(as_text=True))
    assert text.count("Aucune de ses fiches n'est dans l'index.") == 4  # four documents missing
