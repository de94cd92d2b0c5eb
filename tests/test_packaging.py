"""Installing the project: the documents and the index are found however it
was installed, and a command whose extra is missing says which to install.

Building a wheel needs setuptools from the registry (build isolation), too
slow and too network-bound for a unit test; these tests check the pieces a
wheel relies on: the package list and data declared in pyproject.toml, and
the resolution of the data and index folders on an installed layout."""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from indexer.locations import NoDocuments, check_data_dir, default_data_dir, default_index_dir, is_checkout
from indexer.parsers import DOCUMENTS

ROOT = Path(__file__).resolve().parents[1]


def test_eval_without_its_extra_says_what_to_install():
    """`repertoires eval` on a plain install (ir-measures really absent, in a
    fresh interpreter): one line saying what to install, no traceback."""
    code = (
        "import sys, importlib.abc\n"
        "class Hide(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name.split('.')[0] == 'ir_measures':\n"
        "            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, Hide())\n"
        "from repertoires.cli import main\n"
        "sys.exit(main(['eval', '--no-report']))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60,
                         check=False)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "ir-measures" in lines[0] and "pip install" in lines[0]


def test_pyproject_packages_every_package_and_the_documents():
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    setuptools_conf = conf["tool"]["setuptools"]
    listed = set(setuptools_conf["packages"])
    tops = [d for d in ROOT.iterdir() if (d / "__init__.py").is_file() and d.name != "tests"]
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for top in tops for p in top.rglob("__init__.py")}
    assert listed - {"repertoires.data"} == on_disk
    assert setuptools_conf["package-dir"]["repertoires.data"] == "data"
    patterns = setuptools_conf["package-data"]["repertoires.data"]
    for name in DOCUMENTS:  # every source document matches a pattern, so it is in the wheel
        assert (ROOT / "data" / name).is_file()
        assert any(Path(name).match(p) for p in patterns)
    assert conf["project"]["optional-dependencies"]["eval"] == ["ir-measures>=0.3.1"]


def _installed_layout(root: Path) -> Path:
    """site-packages as a wheel leaves it: the code, the documents under repertoires/data."""
    (root / "indexer").mkdir(parents=True)
    (root / "repertoires" / "data").mkdir(parents=True)
    for name in DOCUMENTS:
        (root / "repertoires" / "data" / name).write_text("x")
    return root


def test_an_installed_package_finds_its_documents_and_keeps_its_index_out_of_the_code(tmp_path):
    site = _installed_layout(tmp_path / "site-packages")
    assert not is_checkout(site)
    assert default_data_dir(DOCUMENTS, root=site, env={}) == site / "repertoires" / "data"
    home = tmp_path / "share"
    assert default_index_dir(root=site, env={"XDG_DATA_HOME": str(home)}) == home / "repertoires" / "index"
    assert site not in default_index_dir(root=site, env={}).parents


def test_a_clone_uses_its_own_folders_and_the_environment_overrides(tmp_path):
    assert is_checkout(ROOT)
    assert default_data_dir(DOCUMENTS, root=ROOT, env={}) == ROOT / "data"
    assert default_index_dir(root=ROOT, env={}) == ROOT / "index"
    env = {"REPERTOIRES_DATA": str(tmp_path / "d"), "REPERTOIRES_INDEX": str(tmp_path / "i")}
    assert default_data_dir(DOCUMENTS, root=ROOT, env=env) == tmp_path / "d"
    assert default_index_dir(root=ROOT, env=env) == tmp_path / "i"


def test_no_documents_anywhere_gets_a_clear_message(tmp_path, capsys):
    from indexer.build import BuildError, build_index
    from repertoires.cli import main

    bare = tmp_path / "site-packages"
    (bare / "indexer").mkdir(parents=True)
    found = default_data_dir(DOCUMENTS, root=bare, env={})
    with pytest.raises(NoDocuments, match="--data DOSSIER ou la variable REPERTOIRES_DATA"):
        check_data_dir(found, DOCUMENTS)
    with pytest.raises(BuildError, match="aucun document source dans .*--data DOSSIER"):
        build_index(tmp_path / "empty", tmp_path / "ix")
    assert not (tmp_path / "ix").exists()  # nothing written
    assert main(["export", "--data", str(tmp_path / "empty")]) == 1
    # named with --data: the hint is about that folder, not « indiquez … avec --data »
    assert capsys.readouterr().err == (f"erreur : aucun document source dans {tmp_path / 'empty'} : --data "
                                       "doit nommer le dossier des cinq documents (le dossier data/ d'une copie "
                                       "du projet)\n")
