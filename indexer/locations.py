"""Where the source documents and the index are, however the project was installed.

From a clone (and `pip install -e .`) they are the checkout's `data/` and
`index/`. A wheel (`pip install .`) carries the documents as the package data
`repertoires/data/`, and its index cannot live beside the installed code, so
it goes to the user's data folder. Environment variables override both.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

CODE_ROOT = Path(__file__).resolve().parent.parent  # the checkout, or site-packages
DATA_ENV = "REPERTOIRES_DATA"
INDEX_ENV = "REPERTOIRES_INDEX"


def _has_documents(folder: Path, documents: Iterable[str]) -> bool:
    return any((folder / name).is_file() for name in documents)


def is_checkout(root: Path = CODE_ROOT) -> bool:
    """The code runs from a clone of the project (editable install or none)."""
    return (root / "pyproject.toml").is_file() and (root / "indexer").is_dir()


def default_data_dir(documents: Iterable[str], root: Path = CODE_ROOT,
                     env: Mapping[str, str] = os.environ) -> Path:
    """$REPERTOIRES_DATA; else the checkout's data/; else the documents installed
    with the package. When none holds a document, the checkout's path is
    returned and `check_data_dir` says what to do."""
    documents = list(documents)
    if env.get(DATA_ENV):
        return Path(env[DATA_ENV])
    for candidate in (root / "data", root / "repertoires" / "data"):
        if _has_documents(candidate, documents):
            return candidate
    return root / "data"


def default_index_dir(root: Path = CODE_ROOT, env: Mapping[str, str] = os.environ) -> Path:
    """$REPERTOIRES_INDEX; else the checkout's index/; else, for an installed
    package, $XDG_DATA_HOME/repertoires/index (~/.local/share/repertoires/index)."""
    if env.get(INDEX_ENV):
        return Path(env[INDEX_ENV])
    if is_checkout(root):
        return root / "index"
    base = Path(env["XDG_DATA_HOME"]) if env.get("XDG_DATA_HOME") else Path.home() / ".local" / "share"
    return base / "repertoires" / "index"


class NoDocuments(Exception):
    """The data folder holds none of the source documents; the message says what to do (in
    French, as the command line shows it), `told(given=True)` when the folder was named with --data."""

    def __init__(self, data_dir: Path | str):
        self.data_dir = data_dir
        super().__init__(self.told())

    def told(self, given: bool = False) -> str:
        hint = ("--data doit nommer le dossier des cinq documents" if given else
                f"indiquez le dossier des cinq documents avec --data DOSSIER ou la variable {DATA_ENV}")
        return f"aucun document source dans {self.data_dir} : {hint} (le dossier data/ d'une copie du projet)"


def check_data_dir(data_dir: Path | str, documents: Iterable[str]) -> None:
    """NoDocuments, with what to do, when `data_dir` holds none of the documents."""
    if not _has_documents(Path(data_dir), documents):
        raise NoDocuments(data_dir)
