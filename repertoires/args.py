"""The command line's argument parser, speaking French, and the argument types the commands share.

argparse writes its help headings and its errors in English (« usage: », « error: argument --sort:
invalid choice: … »). `ArgumentParser` below says them in French: its own help option and group
titles, a formatter whose usage line starts « utilisation : », and `error()`, the hook argparse
documents for this, which rewrites argparse's few messages before printing « erreur : … ». A
message it does not know is printed as argparse wrote it, never lost.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from indexer.text import french_list

MAX_THREADS = 256  # a server's worker threads (`serve`, `loadtest`)


def _quoted(text: str) -> str:
    """Python's quotes as French ones: `'bogus'` -> `« bogus »`."""
    return re.sub(r"'([^']*)'", "« \\1 »", text)


def _many(items: str, one: str, several: str) -> str:
    """`one` or `several` after the number of names in argparse's list (`--a, --b` or `x y`)."""
    return several if len(re.split(r",\s*|\s+", items.strip())) > 1 else one


Table = list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]
_TYPES = {"int": "un nombre entier", "float": "un nombre"}
# argparse's messages (Python 3.11 to 3.13), each with its French
_DETAILS: Table = [
    (re.compile(r"invalid choice: (?P<v>.*?) \(choose from (?P<c>.*)\)"),
     lambda m: f"choix invalide : {_quoted(m['v'])} (valeurs possibles : {_quoted(m['c'])})"),
    (re.compile(r"invalid (?P<t>\w+) value: (?P<v>.*)"),
     lambda m: f"{_quoted(m['v'])} n'est pas {_TYPES.get(m['t'], 'une valeur valide')}"),
    (re.compile(r"expected one argument"), lambda m: "une valeur est attendue"),
    (re.compile(r"expected at most one argument"), lambda m: "une valeur au plus est attendue"),
    (re.compile(r"expected at least one argument"), lambda m: "au moins une valeur est attendue"),
    (re.compile(r"expected (?P<n>\d+) arguments?"), lambda m: f"{m['n']} valeurs sont attendues"),
    (re.compile(r"ignored explicit argument (?P<v>.*)"), lambda m: f"valeur {_quoted(m['v'])} en trop"),
    (re.compile(r"not allowed with argument (?P<a>.*)"), lambda m: f"incompatible avec {m['a']}"),
]
_MESSAGES: Table = [
    (re.compile(r"the following arguments are required: (?P<a>.*)"),
     lambda m: _many(m["a"], "argument obligatoire manquant", "arguments obligatoires manquants") + f" : {m['a']}"),
    (re.compile(r"unrecognized arguments: (?P<a>.*)"),
     lambda m: _many(m["a"], "argument inconnu", "arguments inconnus") + f" : {m['a']}"),
    (re.compile(r"ambiguous option: (?P<o>\S+) could match (?P<c>.*)"),
     lambda m: f"option ambiguë : {m['o']} peut désigner {m['c']}"),
    (re.compile(r"one of the arguments (?P<a>.*) is required"),
     lambda m: f"l'un des arguments {m['a']} est obligatoire"),
    (re.compile(r"unexpected option string: (?P<o>.*)"), lambda m: f"option inattendue : {m['o']}"),
]
# (a name with no space: our French « argument inconnu : -x » is left as it is)
_ARGUMENT = re.compile(r"argument (?P<a>\S+): (?P<d>.*)", re.DOTALL)


def _translated(message: str, table: Table) -> str | None:
    for pattern, french in table:
        m = pattern.fullmatch(message)
        if m:
            return french(m)
    return None


def french_message(message: str) -> str:
    """One of argparse's error messages in French (« argument --page : « x » n'est pas un nombre
    entier »); a message it does not write (one of ours, already French) as it is."""
    m = _ARGUMENT.fullmatch(message)
    if m:
        return f"argument {m['a']} : {_translated(m['d'], _DETAILS) or m['d']}"
    return _translated(message, _MESSAGES) or _translated(message, _DETAILS) or message


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """The descriptions and examples as written; the usage line introduced in French."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "utilisation : " if prefix is None else prefix)


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser, its help and its errors in French (its subcommands' parsers too:
    `add_subparsers` makes them of the parser's own class)."""

    def __init__(self, *args: Any, **kwargs: Any):
        add_help = kwargs.pop("add_help", True)
        # errors as the API's error object on stdout (`search --json`: a script reading it got nothing)
        self.json_errors = kwargs.pop("json_errors", False)
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        # argparse writes a heading and its colon (« options: »); French puts a space before it
        self._positionals.title = "arguments "
        self._optionals.title = "options "
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="affiche cette aide et s'arrête")

    def error(self, message: str) -> NoReturn:
        if self.json_errors:
            body = {"error": {"code": "invalid_argument", "message": french_message(message), "parameter": None}}
            print(json.dumps(body, ensure_ascii=False, indent=2))
            self.exit(2)
        self.print_usage(sys.stderr)
        self.exit(2, f"erreur : {french_message(message)}\n")


# `search eau -puits`: argparse reads `-puits` as an option (À propos's example, typed without quotes)
EXCLUDED_HINT = (" ; un mot exclu se donne avec la recherche entre guillemets "
                 '(repertoires search "eau -puits") ou après -- (repertoires search -- eau -puits)')


def unknown_arguments(extras: list[str], search: bool) -> str:
    """The message of arguments no option takes: argparse's (french_message), which names an unknown
    option; for words of a search after an option, how to give them (they were refused with no hint).
    Only `search` takes words: the other commands' extras keep argparse's message."""
    if not search or any(x.startswith("-") for x in extras):
        said = french_message(f"unrecognized arguments: {' '.join(extras)}")
        excluded = search and any(x[:1] == "-" and x[1:2] not in ("-", "") for x in extras)
        return said + (EXCLUDED_HINT if excluded else "")
    verb = "ne suit" if len(extras) == 1 else "ne suivent"
    return (f"{french_list([f'« {w} »' for w in extras])} {verb} aucune option : les mots cherchés se donnent "
            'ensemble, avant ou après les options, ou entre guillemets (repertoires search "eau potable" --page 2)')


def number_between(low: float, high: float | None = None, kind: type = int):
    """An argparse type: a number of `kind` (int, or float) from `low` (to `high`), said in words
    when not (`serve --port`, `loadtest --seconds`)."""
    what = "un nombre entier" if kind is int else "un nombre"

    def parse(raw: str):
        try:
            value = kind(raw)
        except ValueError:
            raise argparse.ArgumentTypeError(f"« {raw} » n'est pas {what}") from None
        if not value >= low or (high is not None and not value <= high):  # `nan` is no number between
            raise argparse.ArgumentTypeError(f"{raw} n'est pas compris entre {low} et {high}" if high is not None
                                             else f"{raw} est inférieur à {low}")
        return value

    parse.__name__ = "integer" if kind is int else "number"
    return parse
