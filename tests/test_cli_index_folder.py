"""`--index` naming a file or a folder that cannot be made: `repertoires index` and `serve` say so
in one French line, and `search` no longer sends the user to a build that fails (QA r44, audit 8,
#5: a traceback ending in FileExistsError, after « lancez `repertoires index --index /x` »)."""
from __future__ import annotations

import pytest

from repertoires.cli import main


@pytest.fixture
def a_file(tmp_path):
    path = tmp_path / "fichier"
    path.write_text("pas un index", encoding="utf-8")
    return path


@pytest.mark.parametrize("where, why", [("", "un fichier porte ce nom"),
                                        ("sous", "un élément du chemin est un fichier")])
def test_index_into_a_file_says_so_in_one_french_line(a_file, capsys, where, why):
    target = a_file / where if where else a_file
    assert main(["index", "--index", str(target), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert err == f"erreur : impossible de créer le dossier d'index {target} : {why}\n"


def test_search_in_a_file_names_no_command_that_fails(a_file, capsys):
    assert main(["search", "eau", "--index", str(a_file)]) == 1
    err = capsys.readouterr().err
    assert err == f"erreur : {a_file} est un fichier, pas un dossier : --index doit nommer un dossier\n"
    assert "lancez" not in err


def test_serve_on_a_file_says_it_once(a_file, capsys):
    assert main(["serve", "--index", str(a_file), "--port", "1"]) == 1
    said = f"erreur : {a_file} est un fichier, pas un dossier : --index doit nommer un dossier\n"
    assert capsys.readouterr().err == said


def test_a_failed_write_is_said_in_french():
    import errno

    from indexer.store import why_not_written

    assert why_not_written(OSError(errno.ENOSPC, "No space left on device")) == "plus de place sur le disque"


def test_a_dangling_symlink_as_index_is_said_so_by_both_commands(tmp_path, capsys):
    """Review r44, finding 5: `--index` naming a symbolic link to nothing: `index` said « un fichier
    porte ce nom », and `search` sent the user back to `repertoires index --index …`, which failed."""
    link = tmp_path / "lien"
    link.symlink_to(tmp_path / "nulle-part")
    assert main(["index", "--index", str(link), "--quiet"]) == 1
    said = capsys.readouterr().err
    assert said == (f"erreur : impossible de créer le dossier d'index {link} : "
                    "un lien symbolique sans cible porte ce nom\n")
    assert main(["search", "eau", "--index", str(link)]) == 1
    said = capsys.readouterr().err
    assert said == (f"erreur : {link} est un lien symbolique sans cible, pas un dossier : "
                    "--index doit nommer un dossier\n")
