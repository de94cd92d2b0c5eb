"""`repertoires search` refuses what /api/search refuses, with the API's message and error
object (`--json`), and exit codes that say what went wrong: 2 for a value, 1 for the index."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from repertoires.cli import main


def _cli(index_dir, capsys, *argv):
    code = main(["search", "--index", str(index_dir), *argv])
    return code, capsys.readouterr()


@pytest.mark.parametrize("argv, query", [
    (["eau", "--country", "Atlantis"], {"q": "eau", "country": "Atlantis"}),
    (["eau", "--country", ""], {"q": "eau", "country": ""}),  # the filter was silently dropped
    (["eau", "--sort", "bogus"], {"q": "eau", "sort": "bogus"}),
    (["eau", "--page", "x"], {"q": "eau", "page": "x"}),
    (["eau", "--type", "projet"], {"q": "eau", "type": "projet"}),
    (["eau", "--year", "20x5"], {"q": "eau", "year": "20x5"}),
])
def test_json_prints_the_apis_error_object(index_dir, client, capsys, argv, query):
    """`search --json` printed nothing on stdout when a value was wrong: a script piping it to
    jq got empty input."""
    api = client.get("/api/search", query_string=query)
    assert api.status_code == 400
    code, out = _cli(index_dir, capsys, *argv, "--json")
    assert code == 2 and out.err == ""
    assert json.loads(out.out) == api.get_json()


@pytest.mark.parametrize("argv, query", [
    (["eau", "--country", ""], {"q": "eau", "country": ""}),
    (["eau", "--sort", "bogus"], {"q": "eau", "sort": "bogus"}),
])
def test_without_json_the_apis_message_is_said_on_stderr(index_dir, client, capsys, argv, query):
    message = client.get("/api/search", query_string=query).get_json()["error"]["message"]
    code, out = _cli(index_dir, capsys, *argv)
    assert code == 2 and out.out == "" and out.err == f"erreur : {message}\n"


def test_an_empty_filter_value_is_refused_not_ignored(index_dir, capsys):
    code, out = _cli(index_dir, capsys, "eau", "--country", "", "--json")
    assert code == 2
    assert json.loads(out.out)["error"] == {"code": "empty_value", "parameter": "country",
                                            "message": "Le paramètre « Pays » (country) est donné sans valeur."}


def test_json_without_an_index_prints_the_apis_code_and_what_to_do(tmp_path, capsys):
    code, out = _cli(tmp_path / "none", capsys, "eau", "--json")
    assert code == 1 and out.err == ""
    assert json.loads(out.out) == {"error": {
        "code": "index_unavailable", "parameter": None,
        "message": f"aucun index dans {tmp_path / 'none'} : lancez `repertoires index --index {tmp_path / 'none'}`"}}


def test_bytes_that_are_not_utf8_are_refused_without_a_python_warning(index_dir, client):
    """`repertoires search $'\\xff\\xfe'` printed two RuntimeWarnings (unidecode), then listed all
    297 partnerships; the API answers 400 invalid_encoding."""
    api = client.get("/api/search?q=%FF%FE").get_json()
    run = subprocess.run([sys.executable, "-m", "repertoires.cli", "search", b"\xff\xfe", "--index", str(index_dir)],
                         check=False, capture_output=True)
    assert run.returncode == 2 and run.stdout == b""
    assert run.stderr.decode("utf-8") == f"erreur : {api['error']['message']}\n"
    as_json = subprocess.run([sys.executable, "-m", "repertoires.cli", "search", b"\xff\xfe", "--json",
                              "--index", str(index_dir)], check=False, capture_output=True)
    assert as_json.returncode == 2 and as_json.stderr == b""
    assert json.loads(as_json.stdout) == api


def test_a_filter_value_that_is_not_utf8_names_its_parameter(index_dir, capsys):
    code, out = _cli(index_dir, capsys, "eau", "--country", "Mal\udce9", "--json")  # « Malé » in Latin-1
    assert code == 2 and json.loads(out.out)["error"]["parameter"] == "country"
