"""The command line speaks French to its users: its help, and argparse's own messages (usage
errors, invalid choices and numbers, missing arguments), as « erreur : … » like the rest."""
from __future__ import annotations

import pytest

from repertoires.args import french_message
from repertoires.cli import main

COMMANDS = ["index", "serve", "search", "export", "loadtest", "eval", "bench"]


def _help(argv, capsys) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0
    return capsys.readouterr().out


def _refused(argv, capsys) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    return capsys.readouterr().err


def test_the_command_list_is_french(capsys):
    out = _help(["--help"], capsys)
    assert out.startswith("utilisation : repertoires ")
    assert "Moteur de recherche des répertoires" in out and "cherche depuis le terminal" in out
    assert "\narguments :\n" in out and "\noptions :\n" in out and "affiche cette aide et s'arrête" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_explains_itself_in_french(command, capsys):
    out = _help([command, "--help"], capsys)
    for english in ("usage:", "show this help", "positional arguments", "default", "example:"):
        assert english not in out, english
    assert out.startswith(f"utilisation : repertoires {command} ") and "par défaut" in out


@pytest.mark.parametrize("action", ["check", "add"])
def test_the_judged_command_explains_itself_in_french(action, capsys):
    """The developer commands' help was English under a French command list (« usage: », « show this
    help »); their reports stay English, as docs/evaluation.md and docs/benchmarks.md, and say so."""
    out = _help(["judged", "--help"], capsys) + _help(["judged", action, "--help"], capsys)
    for english in ("usage:", "show this help", "positional arguments", "default", "example:"):
        assert english not in out, english
    assert out.startswith("utilisation : repertoires judged ") and "par défaut" in out


def test_every_option_of_the_product_commands_has_a_french_help():
    from repertoires.cli import build_parser

    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # the COMMANDE action's parsers
    for name in ("index", "serve", "search", "export"):
        for action in commands[name]._actions:
            assert action.help, f"{name} {action.option_strings or action.dest}: no help"


@pytest.mark.parametrize("argv, said", [
    ([], "erreur : argument obligatoire manquant : COMMANDE"),
    (["bogus"], "erreur : argument COMMANDE : choix invalide : « bogus » (valeurs possibles : « index »"),
    (["index", "--split", "test"], "erreur : argument --split : choix invalide : « test »"),
    (["serve", "--port", "x"], "erreur : argument --port : « x » n'est pas un nombre entier"),
    (["search", "--sort"], "erreur : argument --sort : une valeur est attendue"),
    (["search", "eau", "--nope"], "erreur : argument inconnu : --nope"),
    (["export", "--nope", "--nada"], "erreur : arguments inconnus : --nope --nada"),
])
def test_argparse_messages_are_french(argv, said, capsys):
    err = _refused(argv, capsys)
    assert said in err
    assert err.startswith("utilisation : repertoires") and "error:" not in err and "usage:" not in err


def test_a_value_error_of_a_type_is_said_once_in_french(capsys):
    # an argument type's error was « repertoires serve: error: argument --threads: … »
    err = _refused(["serve", "--threads", "999"], capsys)
    assert err.splitlines()[-1] == "erreur : argument --threads : 999 n'est pas compris entre 1 et 256"


@pytest.mark.parametrize("english, french", [
    ("argument --sort: invalid choice: 'x' (choose from 'a', 'b')",
     "argument --sort : choix invalide : « x » (valeurs possibles : « a », « b »)"),
    ("argument --sort: invalid choice: 'x' (choose from a, b)",  # Python 3.12.8+ writes the choices bare
     "argument --sort : choix invalide : « x » (valeurs possibles : a, b)"),
    ("argument --page: invalid int value: 'x'", "argument --page : « x » n'est pas un nombre entier"),
    ("argument --s: invalid float value: 'x'", "argument --s : « x » n'est pas un nombre"),
    ("argument --a: expected at most one argument", "argument --a : une valeur au plus est attendue"),
    ("ambiguous option: --ind could match --index, --indent",
     "option ambiguë : --ind peut désigner --index, --indent"),
    ("the following arguments are required: A, B", "arguments obligatoires manquants : A, B"),
    ("argument --a: not allowed with argument --b", "argument --a : incompatible avec --b"),
])
def test_each_argparse_message_has_its_french(english, french):
    assert french_message(english) == french


def test_a_message_argparse_does_not_write_is_kept_as_it_is():
    assert french_message("--split ne s'emploie qu'avec --check") == "--split ne s'emploie qu'avec --check"
    assert french_message("argument --x: déjà en français") == "argument --x : déjà en français"
