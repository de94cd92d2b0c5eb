"""The command line's own errors (QA r44, audit 8, #6): two words typed without quotes were refused
with the top-level usage (« argument inconnu : potable »), with no word of quotes, and the parser's
errors printed no JSON with --json."""
from __future__ import annotations

import json

from repertoires.cli import main


def _search(index_dir, capsys, *argv):
    try:
        code = main(["search", "--index", str(index_dir), *argv])
    except SystemExit as exc:  # (argparse's errors exit)
        code = exc.code
    return code, capsys.readouterr()


def test_words_without_quotes_are_one_search(index_dir, capsys):
    code, out = _search(index_dir, capsys, "eau", "potable", "--json", "--per-page", "1")
    assert code == 0 and json.loads(out.out)["query"]["q"] == "eau potable"


def test_a_word_after_an_option_says_how_to_give_it_with_the_command_s_usage(index_dir, capsys):
    code, out = _search(index_dir, capsys, "eau", "--page", "2", "potable")
    assert code == 2 and out.err.startswith("utilisation : repertoires search ")
    assert "erreur : « potable » ne suit aucune option" in out.err and 'search "eau potable"' in out.err


def test_an_unknown_option_is_said_with_the_command_s_usage(index_dir, capsys):
    code, out = _search(index_dir, capsys, "eau", "--bogus")
    assert code == 2 and out.err.startswith("utilisation : repertoires search ")
    assert out.err.endswith("erreur : argument inconnu : --bogus\n")


def test_with_json_the_parser_s_errors_are_the_error_object(index_dir, capsys):
    for argv, message in ((["eau", "--bogus"], "argument inconnu : --bogus"),
                          (["eau", "--page"], "argument --page : une valeur est attendue")):
        code, out = _search(index_dir, capsys, *argv, "--json")
        assert (code, out.err) == (2, "")
        assert json.loads(out.out) == {"error": {"code": "invalid_argument", "message": message, "parameter": None}}
