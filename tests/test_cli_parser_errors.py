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


def _run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    return code, capsys.readouterr()


def test_the_other_commands_keep_argparse_s_message_with_their_own_usage(capsys):
    """(review 3, #1) `index foo`, `export --index x`, `ids --check --index x` got the search's hint."""
    two = "arguments inconnus : --index /tmp/x"
    for argv, usage, message in ((["index", "--index", "/tmp/h8-none", "foo"], "index", "argument inconnu : foo"),
                                 (["export", "--index", "/tmp/x"], "export", two),
                                 (["ids", "--check", "--index", "/tmp/x"], "ids", two)):
        code, out = _run(capsys, *argv)
        assert code == 2 and out.err.startswith(f"utilisation : repertoires {usage} ")
        assert out.err.endswith(f"erreur : {message}\n") and "mots cherchés" not in out.err


def test_an_unknown_option_followed_by_a_word_is_named(index_dir, capsys):
    code, out = _search(index_dir, capsys, "eau", "--bogus", "value")
    assert code == 2 and out.err.endswith("erreur : arguments inconnus : --bogus value\n")


def test_two_words_after_an_option_agree_in_number(index_dir, capsys):
    code, out = _search(index_dir, capsys, "eau", "--page", "2", "foo", "bar")
    assert code == 2 and "« foo » et « bar » ne suivent aucune option" in out.err
    assert "avant ou après les options" in out.err


def test_an_excluded_word_without_quotes_says_how_to_give_it(index_dir, capsys):
    """(review 3, #7) `search eau -assainissement`, À propos's example typed without quotes, was
    refused with « argument inconnu » and no hint."""
    code, out = _search(index_dir, capsys, "eau", "-assainissement")
    assert code == 2 and "argument inconnu : -assainissement ; un mot exclu se donne" in out.err
    assert 'search "eau -puits"' in out.err and "search -- eau -puits" in out.err
    code, out = _search(index_dir, capsys, "--json", "--per-page", "1", "--", "eau", "-assainissement")
    assert code == 0 and json.loads(out.out)["query"]["q"] == "eau -assainissement"


def test_an_unknown_long_option_gets_no_exclusion_hint(index_dir, capsys):
    code, out = _search(index_dir, capsys, "eau", "--bogus")
    assert code == 2 and "exclu" not in out.err


def test_json_is_not_abbreviated_and_a_searched_json_is_a_word(index_dir, capsys):
    """(review 3, #8) `--js` was read as --json, yet `--js --bogus` answered the text error; and
    `--json` after `--`, a word searched, turned the errors into JSON."""
    code, out = _search(index_dir, capsys, "eau", "--js")
    assert code == 2 and out.out == "" and out.err.endswith("erreur : argument inconnu : --js\n")
    code, out = _search(index_dir, capsys, "--bogus", "--", "--json")
    assert code == 2 and out.out == "" and out.err.endswith("erreur : argument inconnu : --bogus\n")
