"""The `repertoires` command: index, search, export and their help."""
from __future__ import annotations

import json
import re
import shutil

import pytest

from repertoires.cli import main

SMALL_DOCS = ("algerie-micl-cooperation.txt", "algerie-ambassade-cooperation-technique.txt")


@pytest.mark.parametrize("command", ["index", "serve", "search", "export", "eval", "bench", "judged", "loadtest"])
def test_help_explains_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert re.search(rf"^exemples? :\n  repertoires {command}\b", out, re.MULTILINE), out[-300:]


def test_search_readable_and_json(index_dir, capsys):
    assert main(["search", "assainissement Kayes", "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert re.match(r"\d+ partenariats pour « assainissement Kayes » \(", out)
    assert main(["search", "zzzxqw", "--index", str(index_dir)]) == 0  # as the page says it
    assert re.match(r"Aucun résultat pour « zzzxqw » \(\d+(,\d)?\u202fms\)", capsys.readouterr().out)
    assert "Kayes" in out and "id : " in out
    assert "\nPays : Mali (" in out and "\ncountry:" not in out  # the facets under the page's French labels
    assert main(["search", "santé", "--country", "Mali", "--json", "--index", str(index_dir)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] > 0
    assert all("Mali" in h["countries"] for h in data["results"])
    assert {v["value"] for v in data["facets"]["country"] if v["selected"]} == {"Mali"}


def test_search_offers_the_correction_as_the_api_and_the_page_do(index_dir, capsys):
    # it printed the speller's folded word (« Vouliez-vous dire : segou ? ») where /api/search says « Ségou »
    assert main(["search", "segu", "--index", str(index_dir)]) == 0
    assert "Vouliez-vous dire : Ségou ?" in capsys.readouterr().out
    assert main(["search", "segu", "--json", "--index", str(index_dir)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["suggestion"] == "Ségou" and data["corrections"] == [{"typed": "segu", "shown": "Ségou"}]


def test_search_without_index_says_what_to_do_in_the_folder_named(tmp_path, capsys):
    # « run `repertoires index` » built the index in the default folder, not in the one searched
    assert main(["search", "eau", "--index", str(tmp_path / "none")]) == 1
    assert capsys.readouterr().err == (f"erreur : aucun index dans {tmp_path / 'none'} : "
                                       f"lancez `repertoires index --index {tmp_path / 'none'}`\n")


def test_search_without_index_in_the_default_folder_says_the_plain_command(tmp_path, monkeypatch, capsys):
    from repertoires import cli

    monkeypatch.setattr(cli, "DEFAULT_INDEX_DIR", tmp_path / "default")
    assert main(["search", "eau"]) == 1
    assert capsys.readouterr().err == f"erreur : aucun index dans {tmp_path / 'default'} : lancez `repertoires index`\n"


def test_a_folder_named_with_spaces_is_quoted_in_the_hint(tmp_path, capsys):
    assert main(["search", "eau", "--index", str(tmp_path / "mon index")]) == 1
    assert f"lancez `repertoires index --index '{tmp_path / 'mon index'}'`" in capsys.readouterr().err


def test_index_without_documents_says_so_in_french_and_writes_nothing(tmp_path, capsys):
    assert main(["index", "--data", str(tmp_path / "vide"), "--index", str(tmp_path / "ix")]) == 1
    assert capsys.readouterr().err.startswith(f"erreur : aucun document source dans {tmp_path / 'vide'} : --data doit")
    assert not (tmp_path / "ix").exists()


def test_index_prints_a_summary_per_document(tmp_path, data_dir, capsys):
    d = tmp_path / "data"
    d.mkdir()
    for name in SMALL_DOCS:
        shutil.copy(data_dir / name, d / name)
    code = main(["index", "--data", str(d), "--index", str(tmp_path / "ix"), "--quiet"])
    captured = capsys.readouterr()
    assert code == 2  # three documents missing: built, but not complete
    assert "Index construit en" in captured.out and "\n  document  " in captured.out and " fiches " in captured.out
    assert "ERREUR : mali-repertoire-2008.txt : fichier introuvable" in captured.out
    assert "algerie-micl-cooperation.txt" in captured.out


def test_export_writes_every_record_as_json_lines(tmp_path, data_dir, capsys):
    d = tmp_path / "data"
    d.mkdir()
    for name in SMALL_DOCS:
        shutil.copy(data_dir / name, d / name)
    main(["export", "--data", str(d)])
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    types = {r["type"] for r in records}
    assert types == {"partnership", "action"}
    assert sum(r["type"] == "action" for r in records) == 8
    assert any(r["id"] == "etat-francais--etat-algerien" for r in records)


@pytest.mark.parametrize("argv, message", [
    (["--page", "0", "eau"], "Le paramètre « Page » (page) doit valoir au moins 1 (reçu : 0)."),
    (["--country", "Narnia", "eau"], ("Valeur inconnue pour le filtre « Pays » (country) : « Narnia » ; valeurs "
     "possibles : « Afrique du Sud », « Algérie », « Bosnie-Herzégovine », « Bulgarie », « Corée du Sud », "
     "« Égypte » et 23 autres.")),
    (["--per-page", "1000", "eau"],
     "Le paramètre « Résultats par page » (per_page) doit valoir au plus 100 (reçu : 1 000)."),
])
def test_search_reads_its_options_by_the_api_rules(index_dir, capsys, argv, message):
    """`--country Narnia` listed nothing and `--page 0` the first page, without a word."""
    from repertoires.cli import main

    assert main(["search", "--index", str(index_dir), *argv]) == 2
    assert capsys.readouterr().err.strip() == f"erreur : {message}"


def test_serve_on_a_port_in_use_says_so_and_fails(index_dir, data_dir, capsys):
    """It printed « Serving on … », then a traceback (OSError: Address already in use)."""
    import socket

    from repertoires.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--port", str(port), "--index", str(index_dir), "--data", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert f"erreur : impossible de servir sur 127.0.0.1:{port} : adresse déjà utilisée" in err
    assert "Service sur" not in err


@pytest.mark.parametrize("argv, said", [
    (["serve", "--port", "99999"], "erreur : argument --port : 99999 n'est pas compris entre 1 et 65535"),
    (["serve", "--port", "abc"], "erreur : argument --port : « abc » n'est pas un nombre entier"),
    (["serve", "--threads", "0"], "erreur : argument --threads : 0 n'est pas compris entre 1 et 256"),
    (["bench", "--scales", "1,x"], "erreur : --scales et --http-requests sont des nombres entiers séparés"),
    # `loadtest --threads 0` started a server that refused the number, and waited for it until killed
    (["loadtest", "--threads", "0"], "erreur : argument --threads : 0 n'est pas compris entre 1 et 256"),
    (["loadtest", "--seconds", "nan"], "erreur : argument --seconds : nan n'est pas compris entre 1 et 600"),
    (["loadtest", "--clients", "x"], "erreur : argument --clients : « x » n'est pas un nombre entier"),
])
def test_a_wrong_number_is_said_before_anything_runs(argv, said, capsys):
    """`serve --port 99999` built the index, then died in a traceback (OverflowError from bind);
    `bench --scales x` was a traceback (ValueError)."""
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err and "Index construit" not in err


def test_serve_builds_a_missing_index_first_and_says_so(tmp_path, data_dir, capsys):
    """`repertoires serve` calls indexer.freshness.ensure_index before serving."""
    from repertoires.cli import ensure_index

    d = tmp_path / "data"
    d.mkdir()
    for name in SMALL_DOCS:
        shutil.copy(data_dir / name, d / name)
    ensure_index(d, tmp_path / "ix")
    err = capsys.readouterr().err
    assert f"aucun index dans {tmp_path / 'ix'} : construction de l'index…" in err and "Index construit en" in err
    ensure_index(d, tmp_path / "ix")
    assert capsys.readouterr().err == ""  # fresh: silent


def _one_shot_search(index_dir, args: list[str], probe: str) -> str:
    """A one-shot `repertoires search ARGS` in a fresh process, then `probe` (an expression over the loaded
    modules, `sys.modules`) printed after the exit code."""
    import subprocess
    import sys

    code = ("import sys; from repertoires.cli import main; "
            f"rc = main(['search', *{args!r}, '--index', {str(index_dir)!r}]); print(rc, {probe})")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_a_one_shot_search_loads_neither_flask_nor_werkzeug(index_dir):
    # the CLI reads its options by the API's rules (search_app.params); importing the web stack
    # for that cost a one-shot `repertoires search` ~120 ms of its ~0.3 s
    out = _one_shot_search(index_dir, ["eau Kayes", "--country", "Mali"],
                           "sorted({m.split('.')[0] for m in sys.modules} & {'flask', 'werkzeug', 'jinja2'})")
    assert "partenariats pour « eau Kayes »" in out
    assert out.strip().endswith("0 []")


def test_a_one_shot_search_loads_no_figure_reading(index_dir):
    """The pages' French (search_app.formatting, which the CLI prints with) says « (par an) » by the words that
    make an amount yearly, records.says_yearly: reading them from the parsers' figures (indexer/parsers/fields.py)
    cost a one-shot `repertoires search` that module's compiling and its 16 patterns (about 42 M instructions, 27 M
    with .pyc)."""
    out = _one_shot_search(index_dir, ["eau potable"], "'indexer.parsers.fields' in sys.modules")
    assert "partenariats pour « eau potable »" in out
    assert out.strip().endswith("0 False")


@pytest.mark.parametrize("pairs", [
    [("q", "eau"), ("country", "Mali"), ("country", "Maroc"), ("page", "2")],
    [("q", "eau"), ("page", "1"), ("page", "2")],  # repeated: refused alike
    [("q", "eau"), ("pays", "Mali")],  # unknown: refused alike
    [("q", "eau"), ("year", "20x5")],
])
def test_the_cli_parameters_are_read_as_the_apis(pairs, index_dir):
    from werkzeug.datastructures import MultiDict

    from engine import Engine
    from search_app.params import ParamError, Params, parse_search_args

    values = Engine(index_dir).state().facet_values

    def read(args):
        try:
            return parse_search_args(args, values)
        except ParamError as exc:
            return exc.message

    assert read(Params(pairs)) == read(MultiDict(pairs))


@pytest.mark.parametrize("argv, first_line", [
    ([""], r"297 partenariats \("),  # it printed « 297 résultats pour «  » »
    (["   "], r"297 partenariats \("),
    (["eau", "--type", "action"], r"\d+ actions pour « eau » \("),  # what is listed, as the page counts
    (["Tinzaouatine"], r"1 partenariat pour « Tinzaouatine » \("),  # the singular
])
def test_the_count_names_what_is_listed(index_dir, capsys, argv, first_line):
    assert main(["search", *argv, "--index", str(index_dir)]) == 0
    assert re.match(first_line, capsys.readouterr().out)


def test_a_one_year_action_prints_its_year_once(index_dir, capsys):
    # `search eau --type action`, result 1, printed « 2000–2000 »
    assert main(["search", "eau", "--type", "action", "--per-page", "100", "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert not re.search(r"\b(\d{4})–\1\b", out)
    assert re.search(r"\] \d{4}  \(score", out) and re.search(r"\] \d{4}–\d{4}  \(score", out)


@pytest.mark.parametrize("title, shown", [
    ("Elaboration d'un schéma de collecte des déchets solides, élaboration de solutions pour la gestion",
     "Elaboration d'un schéma de collecte des déchets solides, élaboration de solutions…"),
    ("Adduction d'eau", "Adduction d'eau"),
    ("Un titre de dix mots, coupé après une virgule, qui dépasse la largeur", "Un titre de dix mots…"),
    ("Anticonstitutionnellement", "Anticonst…"),  # one word longer than the width: cut inside it
])
def test_a_long_title_is_cut_after_a_whole_word_with_an_ellipsis(title, shown):
    from repertoires.output import shorten

    width = {"Un": 22, "Anticonstitutionnellement": 10}.get(title.split()[0], 84)
    assert shorten(title, width) == shown and len(shown) <= width


def test_the_explanation_names_the_fields_in_french(index_dir, capsys):
    # « (body 2,11, sheet 1,09) », « title »: the fields under their index names
    assert main(["search", "eau", "--type", "action", "--explain", "--per-page", "3", "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"mot « eau » : [\d,]+ \((titre|domaines|texte|fiche) [\d,]+", out)
    assert not re.search(r"\b(body|sheet|title|domains_text|places|parties) \d", out)


def test_every_text_field_of_the_index_has_a_french_label():
    from indexer.schema import TEXT_FIELDS
    from search_app.formatting import FIELD_LABELS

    assert set(FIELD_LABELS) == set(TEXT_FIELDS) | {"began"}


def test_the_explanation_of_a_year_says_it_in_french(index_dir, capsys):
    """« année de début « 1988 » × 4 : 4 (began 4) »: the field's name, in English (QA r44, audit 10, #9)."""
    from repertoires.cli import main

    assert main(["search", "jumelage 1988", "--explain", "--per-page", "2", "--index", str(index_dir)]) == 0
    out = capsys.readouterr().out
    assert "(début 4)" in out and "began" not in out
