"""The `repertoires` command: index, serve, search, export, ids (and eval, bench).

Each subcommand is a thin layer over the indexer and engine APIs; what they
print is meant for a person at a terminal (with `--json` where a tool reads it).
"""
from __future__ import annotations

import argparse
import errno
import json
import shlex
import sys
import time
from pathlib import Path

from indexer.action_ids import LedgerError
from indexer.facet_registry import registry
from indexer.limits import DEFAULT_PER_PAGE, MAX_PER_PAGE, YEAR_MAX, YEAR_MIN
from indexer.store import DEFAULT_INDEX_DIR
from search_app.formatting import number, plural

from .args import MAX_THREADS, ArgumentParser, number_between, unknown_arguments
from .output import print_build_summary, print_results

DEFAULT_GOLD_DIR = Path(__file__).resolve().parent.parent / "tests" / "gold"

EPILOG_INDEX = """exemples :
  repertoires index --data data --index index
  repertoires index --check               les fiches lues comparées à tests/gold (dev et heldout à part)
  repertoires index --check --split dev   les fiches dev seulement (en mettant au point un lecteur)
  repertoires index --check --strict      sortie 1 quand un champ de dev manque sa cible"""
EPILOG_SERVE = """exemple :
  repertoires serve --port 8000     puis ouvrir http://127.0.0.1:8000/"""
EPILOG_SEARCH = """exemples :
  repertoires search "assainissement Kayes"
  repertoires search "centre de santé" --country Mali --domain Santé --json
  repertoires search "agriculture Ségou" --explain      comment le score de chaque résultat a été fait
  repertoires search "eau -puits"                       un mot exclu, entre guillemets (ou : search -- eau -puits)"""
EPILOG_EXPORT = """exemple :
  repertoires export > fiches.jsonl"""
EPILOG_IDS = """exemples :
  repertoires ids            après une correction d'un lecteur qui fond ou coupe des actions
  repertoires ids --check    sortie 1 quand le registre ne couvre pas les actions lues"""
SORT_HELP = ("ordre des résultats : relevance (pertinence, par défaut), year_desc (plus récents d'abord), "
             "year_asc (plus anciens d'abord) ou name (nom)")
SOCKET_ERRORS = {errno.EADDRINUSE: "adresse déjà utilisée", errno.EACCES: "accès refusé",
                 errno.EADDRNOTAVAIL: "adresse indisponible sur cette machine"}
SEARCH_OPTIONS = ("sort", "page", "per_page", "year_from", "year_to")  # /api/search's, as `search` names them
DEV_COMMANDS = (("eval", "mesure la qualité du classement sur les requêtes jugées (développement)"),
                ("bench", "mesure la vitesse face à d'autres moteurs (développement)"),
                ("loadtest", "soumet le serveur de production à des clients simultanés (développement)"),
                ("judged", "vérifie ou ajoute un lot de requêtes jugées (développement)"))


def _add_data(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", type=Path, default=None, metavar="DOSSIER",
                   help="dossier des cinq documents sources (par défaut : le dossier data/ du projet)")


def _add_dirs(p: argparse.ArgumentParser, data: bool = True) -> None:
    if data:
        _add_data(p)
    p.add_argument("--index", type=Path, default=None, metavar="DOSSIER",
                   help="dossier de l'index construit (par défaut : le dossier index/ du projet)")


def _add_facet_options(p: argparse.ArgumentParser) -> None:
    """One option per facet of the registry (`--country Mali`, repeatable). The values are read
    by the API's rules, with its messages (cmd_search), not by argparse."""
    for facet in registry():
        option = "--" + facet.name.replace("_", "-")
        if facet.exclusive:  # (given twice, refused as the API refuses it: every option is kept)
            values = ", ".join(f"{v} ({facet.label_of(v).lower()})" for v in facet.closed)
            p.add_argument(option, action="append", default=[], metavar="VALEUR", help=f"{facet.label} : {values}")
        else:
            missing = "" if facet.missing is None else \
                f" ; {facet.missing} : « {facet.label_of(facet.missing)} »"  # (`--year none`: the records with no year)
            p.add_argument(option, action="append", default=[], metavar="VALEUR",
                           help=f"{facet.label} (répétable{missing})")


def build_parser(json_errors: bool = False) -> argparse.ArgumentParser:
    """The command line's parser; `json_errors`: `search`'s errors as the API's error object (--json)."""
    parser = ArgumentParser(
        prog="repertoires",
        description="Moteur de recherche des répertoires de la coopération décentralisée française "
                    "(Mali, Maroc, Algérie).")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE")

    p = sub.add_parser("index", help="lit les documents sources et reconstruit l'index",
                       description="Lit les cinq documents sources et reconstruit l'index. Le nouvel index\n"
                                   "remplace l'ancien d'un seul coup : un serveur en marche continue de répondre.",
                       epilog=EPILOG_INDEX)
    _add_dirs(p)
    p.add_argument("--quiet", action="store_true", help="sans barre de progression")
    p.add_argument("--warnings", action="store_true",
                   help="affiche tous les avertissements de la lecture des documents")
    p.add_argument("--check", nargs="?", const=str(DEFAULT_GOLD_DIR), metavar="DOSSIER_REF",
                   help="lit les documents et affiche, champ par champ, la part des valeurs conformes aux "
                        "fiches de référence (par défaut tests/gold) ; ne reconstruit pas l'index")
    p.add_argument("--split", choices=["dev", "heldout", "all"], default=None,
                   help="avec --check : seulement les fiches de référence de ce lot (par défaut all)")
    p.add_argument("--strict", action="store_true",
                   help="avec --check : sortie en erreur (1) quand un champ du lot dev manque sa cible "
                        "(sans --strict, la sortie est 0)")

    p = sub.add_parser("serve", help="sert la page de recherche et l'API JSON",
                       description="Sert l'application avec le serveur WSGI de production (waitress).\n"
                                   "Construit d'abord l'index s'il manque ou s'il est plus ancien que les documents.",
                       epilog=EPILOG_SERVE)
    _add_dirs(p)
    p.add_argument("--host", default="127.0.0.1", metavar="ADRESSE", help="adresse d'écoute (par défaut 127.0.0.1)")
    p.add_argument("--port", type=number_between(1, 65535), default=8000, metavar="PORT",
                   help="port d'écoute (par défaut 8000)")
    p.add_argument("--threads", type=number_between(1, MAX_THREADS), default=8, metavar="N",
                   help="fils de traitement des requêtes (par défaut 8)")
    p.add_argument("--rate-limit", type=number_between(0), default=0, metavar="N",
                   help="au plus N requêtes par minute et par adresse cliente (par défaut : sans limite)")
    p.add_argument("--hide-contacts", action="store_true",
                   help="masque les téléphones, fax, adresses électroniques et postales des personnes à contacter")
    p.add_argument("--contact", metavar="COURRIEL_OU_URL", default=None,
                   help="où signaler un problème d'accessibilité (affiché sur /accessibilite)")
    p.add_argument("--no-cache", action="store_true",
                   help="sans cache des correspondances et des extraits : chaque requête est traitée comme "
                        "la première (pour mesurer les requêtes à froid)")

    p = sub.add_parser("search", help="cherche depuis le terminal",
                       description="Lance une recherche et affiche les résultats (lisibles, ou en JSON avec --json).\n"
                                   "Les options se lisent comme les paramètres de /api/search, avec les mêmes\n"
                                   "messages d'erreur.", epilog=EPILOG_SEARCH, json_errors=json_errors,
                       allow_abbrev=False)  # `--js` was --json, yet its errors not JSON (main); the API has none
    _add_dirs(p, data=False)
    p.add_argument("query", nargs="*", default=[], metavar="RECHERCHE",
                   help="les mots cherchés, entre guillemets ou non (sans mots : tout le répertoire)")
    _add_facet_options(p)
    # given or not, as /api/search's parameters are: a default is the API's (search_app.params)
    p.add_argument("--sort", action="append", default=[], metavar="ORDRE", help=SORT_HELP)
    p.add_argument("--page", action="append", default=[], metavar="N", help="page de résultats (par défaut 1)")
    p.add_argument("--per-page", action="append", default=[], metavar="N",
                   help=f"résultats par page (par défaut {DEFAULT_PER_PAGE}, au plus {MAX_PER_PAGE})")
    p.add_argument("--year-from", action="append", default=[], metavar="ANNÉE",
                   help=f"première année de la période, incluse (de {YEAR_MIN} à {YEAR_MAX})")
    p.add_argument("--year-to", action="append", default=[], metavar="ANNÉE",
                   help=f"dernière année de la période, incluse (de {YEAR_MIN} à {YEAR_MAX})")
    p.add_argument("--json", action="store_true", help="affiche la réponse JSON de l'API, ou son objet d'erreur")
    p.add_argument("--explain", action="store_true",
                   help="dit comment le score de chaque résultat a été fait : les mots trouvés, dans quel "
                        "champ, par quelle extension, et ce qu'a ajouté chaque part du profil de classement")

    for name, helptext in DEV_COMMANDS:  # their own parsers read the rest (main)
        p = sub.add_parser(name, help=helptext, add_help=False)
        p.add_argument("rest", nargs=argparse.REMAINDER)

    p = sub.add_parser("export", help="toutes les fiches lues, en JSON Lines",
                       description="Lit les documents sources et écrit chaque partenariat et chaque action,\n"
                                   "un objet JSON par ligne, sur la sortie standard.", epilog=EPILOG_EXPORT)
    _add_data(p)

    p = sub.add_parser("ids", help="met à jour le registre des identifiants d'actions",
                       description="Lit les documents sources et met à jour le registre des identifiants d'actions\n"
                                   "(indexer/action_ids.tsv) : les actions nouvelles y sont ajoutées, les\n"
                                   "identifiants sans action sont marqués retirés ; aucun n'est renuméroté.",
                       epilog=EPILOG_IDS)
    _add_data(p)
    p.add_argument("--check", action="store_true",
                   help="dit seulement si le registre est à jour (sortie 1 sinon), sans l'écrire")
    for p in sub.choices.values():  # each command's errors with its own usage (main, check_options)
        p.set_defaults(command_parser=p)
    return parser


def _default_data_dir() -> Path:
    """Where the source documents are (indexer.corpus): imported only by the
    commands that read them, so that a one-shot search does not load the parsers."""
    from indexer.corpus import DEFAULT_DATA_DIR

    return DEFAULT_DATA_DIR


def error(message: str) -> None:
    """A message for the user on stderr, as argparse's are said (repertoires.args)."""
    print(f"erreur : {message}", file=sys.stderr)


def index_command(args) -> str:
    """The command that builds the index this one reads: `repertoires index`, with `--index DIR`
    when a folder was named (without it, the hint built the index in another folder)."""
    return "repertoires index" + (f" --index {shlex.quote(str(args.index))}" if "index" in args.given else "")


def documents_missing(args) -> bool:
    """Said, when the data folder holds none of the source documents (its hint depends on whether
    --data named it)."""
    from indexer.corpus import DOCUMENTS
    from indexer.locations import NoDocuments, check_data_dir

    try:
        check_data_dir(args.data, DOCUMENTS)
    except NoDocuments as exc:
        error(exc.told(given="data" in args.given))
        return True
    return False


# --- index ---------------------------------------------------------------

def cmd_check(args) -> int:
    """The records against the gold sheets. The exit is 0 whatever the scores (CI and the docs
    run it to read them); with --strict, 1 when a field of the dev split misses its target."""
    from indexer.check import check, load_gold, missed, report, select_split
    from indexer.corpus import load_corpus

    golds = select_split(load_gold(args.check), args.split or "all")
    if not golds:
        error(f"aucune fiche de référence (*.json, lot {args.split or 'all'}) dans {args.check}")
        return 1
    result = check(load_corpus(args.data), golds)
    print(report(result))
    below = missed(result, "dev")
    if args.strict and below:
        error(f"le lot dev manque sa cible : {below}")
        return 1
    return 0


def check_options(args) -> None:
    """--split and --strict go with --check (without it, `index --split dev` rebuilt the index
    and ignored the option); --strict judges the dev split, which --split heldout leaves out."""
    if args.command != "index":
        return
    if not args.check and (args.split or args.strict):
        args.command_parser.error(f"{'--split' if args.split else '--strict'} ne s'emploie qu'avec --check")
    if args.strict and args.split == "heldout":
        args.command_parser.error("--strict juge le lot dev, que --split heldout laisse de côté")


def cmd_index(args) -> int:
    from indexer.build import BuildError, build_index

    if documents_missing(args):
        return 1
    if args.check:
        return cmd_check(args)

    bar = None
    if not args.quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(total=0, unit="doc", desc="indexation", file=sys.stderr, leave=False)

    def on_document(document, report):
        status = "ok" if report.ok else "ÉCHEC"
        seconds = number(report.seconds, 2)
        print(f"  lu {document:<45} {status} ({seconds} s)", file=sys.stderr)

    def on_progress(done, total):
        if bar is not None:
            bar.total = total
            bar.n = done
            bar.refresh()

    try:
        result = build_index(args.data, args.index, on_document=on_document, on_progress=on_progress)
    except BuildError as exc:
        error(str(exc))
        return 1
    finally:
        if bar is not None:
            bar.close()
    print_build_summary(result, show_warnings=args.warnings)
    return 0 if result.corpus.ok else 2


# --- serve ---------------------------------------------------------------

def ensure_index(data_dir: Path, index_dir: Path) -> None:
    """indexer.freshness.ensure_index, saying on stderr why it builds and what it built; a build
    another process runs is waited for, or its old index served meanwhile."""
    from indexer.freshness import ensure_index as ensure

    result = ensure(data_dir, index_dir,
                    on_rebuild=lambda why: print(f"{why} : construction de l'index…", file=sys.stderr),
                    on_busy=lambda said: print(said, file=sys.stderr))
    if result is not None:
        print_build_summary(result, out=sys.stderr)


def cmd_serve(args) -> int:
    import logging
    import os
    import socket

    from waitress.server import create_server

    from indexer.build import BuildError
    from search_app import create_app
    from search_app.serving import prepare

    if documents_missing(args):
        return 1
    try:
        ensure_index(args.data, args.index)
    except BuildError as exc:
        error(str(exc))
        return 1
    try:  # the port first: in use, it was a traceback after « Serving on » (and waitress's threads left running)
        family = socket.getaddrinfo(args.host, args.port, type=socket.SOCK_STREAM)[0][0]
        listening = socket.create_server((args.host, args.port), family=family)
    except OSError as exc:
        why = SOCKET_ERRORS.get(exc.errno or 0) or (os.strerror(exc.errno) if exc.errno else str(exc))
        error(f"impossible de servir sur {args.host}:{args.port} : {why} (un autre serveur ? --port en choisit "
              "un autre)")
        return 1
    app = create_app({"INDEX_DIR": str(args.index), "RATE_LIMIT": args.rate_limit,
                      "HIDE_CONTACTS": args.hide_contacts, "CACHE": not args.no_cache,
                      "ACCESSIBILITY_CONTACT": args.contact})
    prepare(app, args.threads)
    server = create_server(app, sockets=[listening], threads=args.threads, ident="repertoires")
    logging.basicConfig()  # waitress's warnings (a queue of waiting requests) reach stderr, as serve() did
    print(f"Service sur http://{args.host}:{args.port}/ (waitress, {args.threads} fils ; Ctrl-C l'arrête)",
          file=sys.stderr)
    server.run()
    return 0


# --- search --------------------------------------------------------------

def cmd_search(args) -> int:
    """The API's request, read by the API's rules (search_app.params), in the API's order (the
    encoding, the index, the parameters): `--country Narnia` listed nothing, `--page 0` the first
    page and `--country ""` everything, where /api/search says what is wrong."""
    from engine import Engine
    from indexer.store import IndexError_
    from search_app.params import INDEX_UNAVAILABLE, ParamError, Params, check_decoded, error_body, parse_search_args
    from search_app.spelling import show_suggestion

    # every value given, each option's: the API's rules refuse a single one given twice (repeated_parameter;
    # `--sort name --sort year_desc` sorted by the last)
    query = " ".join(args.query)  # (`search eau potable` was refused: « argument inconnu : potable »)
    pairs = [("q", query)] + [(name, value) for name in SEARCH_OPTIONS for value in getattr(args, name)]
    pairs += [("explain", "1")] if args.explain else []
    for facet in registry():
        pairs += [(facet.name, v) for v in getattr(args, facet.name)]
    params = Params(pairs)
    try:
        check_decoded(params)
        engine = Engine(args.index)
        response = engine.search(parse_search_args(params, engine.state().facet_values))
        show_suggestion(response, query, engine.state())  # as the API and the page show it
    except IndexError_ as exc:
        return failed(args, error_body(INDEX_UNAVAILABLE, exc.told(index_command(args))), 1)
    except ParamError as exc:
        return failed(args, exc.to_dict(), 2)
    if args.json:
        print_json(response)
        return 0
    print_results(response)
    return 0


def print_json(data: dict) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    print()


def failed(args, body: dict, status: int) -> int:
    """An error of `search`, as the API's error object on stdout with --json (a script reading
    the output gets JSON, as the option says), else its message on stderr; `status`, either way."""
    if args.json:
        print_json(body)
    else:
        error(body["error"]["message"])
    return status


# --- export --------------------------------------------------------------

def cmd_export(args) -> int:
    from indexer.corpus import load_corpus

    if documents_missing(args):
        return 1
    corpus = load_corpus(args.data)
    out = sys.stdout
    for p in corpus.partnerships:
        out.write(json.dumps(p.to_dict(), ensure_ascii=False) + "\n")
    for a in corpus.actions:
        out.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")
    for r in corpus.reports:
        if not r.ok:
            error(r.error or r.document)
    return 0 if corpus.ok else 2


def cmd_ids(args) -> int:
    """The ledger of action ids brought up to date with the corpus (indexer/action_ids.py). Not
    with a document unread: its actions' ids would be retired for good."""
    from indexer import action_ids
    from indexer.corpus import load_corpus

    if documents_missing(args):
        return 1
    ledger = action_ids.read()
    corpus = load_corpus(args.data, ledger=ledger)
    if not corpus.ok:
        unread = ", ".join(r.document for r in corpus.reports if not r.ok)
        error(f"document illisible ({unread}) : le registre des identifiants n'est pas mis à jour")
        return 2
    after = action_ids.updated(ledger, corpus.actions)
    done = action_ids.changes(ledger, after)
    if not any(done.values()):
        print(f"Le registre des identifiants d'actions est à jour ({action_ids.LEDGER.name} : "
              f"{plural(len(after), 'identifiant')}).")
        return 0
    said = ", ".join((plural(done["added"], "identifiant ajouté", "identifiants ajoutés"),
                      plural(done["retired"], "retiré", "retirés"),
                      plural(done["retitled"], "titre changé", "titres changés"),
                      *([plural(done["revived"], "identifiant retiré rendu", "identifiants retirés rendus")]
                        if done["revived"] else []),
                      *([plural(done["marked"], "repère d'action homonyme", "repères d'actions homonymes")]
                        if done["marked"] else [])))
    named = [f"  {line}" for line in action_ids.changed_ids(ledger, after)]
    if args.check:
        update = action_ids.UPDATE + (f" --data {shlex.quote(str(args.data))}" if "data" in args.given else "")
        error(f"le registre des identifiants d'actions n'est pas à jour ({said}) : lancez « {update} »")
        for line in named:
            print(line, file=sys.stderr)
        return 1
    action_ids.write(after)
    print("\n".join([f"Registre des identifiants d'actions mis à jour ({action_ids.LEDGER}) : {said}.", *named]))
    return 0


def cmd_eval(args) -> int:
    from evaluation.run import main as eval_main

    return eval_main(args.rest)


def cmd_bench(args) -> int:
    from benchmarks.run import main as bench_main

    return bench_main(args.rest)


def cmd_judged(args) -> int:
    from evaluation.batches import main as judged_main

    return judged_main(args.rest)


def cmd_loadtest(args) -> int:
    from .loadtest import main as load_main

    return load_main(args.rest)


COMMANDS = {"loadtest": cmd_loadtest, "eval": cmd_eval, "bench": cmd_bench, "judged": cmd_judged, "index": cmd_index,
            "serve": cmd_serve, "search": cmd_search, "export": cmd_export, "ids": cmd_ids}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in ("eval", "bench", "loadtest", "judged"):  # their own parsers read the rest
        args = argparse.Namespace(command=argv[0], rest=argv[1:])
    else:
        options = argv[:argv.index("--")] if "--" in argv else argv  # after --, `--json` is a word searched
        parser = build_parser(json_errors=argv[:1] == ["search"] and "--json" in options)
        args, extras = parser.parse_known_args(argv)
        if extras:  # said with the command's usage (it was the top-level one) or, with --json, as JSON
            getattr(args, "command_parser", parser).error(unknown_arguments(extras, args.command == "search"))
        check_options(args)
        args.given = {name for name in ("data", "index") if getattr(args, name, None) is not None}
        if getattr(args, "index", False) is None:
            args.index = DEFAULT_INDEX_DIR
        if getattr(args, "data", False) is None:
            args.data = _default_data_dir()
    started = time.perf_counter()
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        seconds = number(time.perf_counter() - started, 1)
        print(f"\ninterrompu après {seconds} s", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except LedgerError as exc:  # export, ids and --check read the ledger of action ids too
        error(str(exc))
        return 1


if __name__ == "__main__":
    sys.exit(main())
