"""The source files: their bytes and text (or why they cannot be read, in French), and the
fingerprints that say whether an index was built from them and by this code (indexer/freshness.py)."""
from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from .registry import REPERTOIRES, Repertoire
from .text import repaired


class SourceError(Exception):
    """A source file that cannot be parsed at all (missing, empty, not UTF-8, unknown shape)."""


_MISSING = b"<missing>"  # what the checksum hashes for a document not read


def corpus_checksum(data_dir: Path, repertoires: list[Repertoire] | None = None,
                    read: Mapping[str, bytes] | None = None) -> str:
    """SHA-256 over the source documents (names and bytes), in a fixed order. `read`: the bytes the
    build parsed (corpus.load_corpus), by file name, not read again: the checksum is that of what was parsed,
    and a document it lacks was not read (missing or unreadable then), even if its file has appeared since."""
    h = hashlib.sha256()
    for name in (r.file for r in (REPERTOIRES if repertoires is None else repertoires)):
        h.update(name.encode())
        if read is not None:
            data = read.get(name, _MISSING)
        else:
            try:
                data = (Path(data_dir) / name).read_bytes()
            except OSError:
                data = _MISSING
        h.update(data)
    return h.hexdigest()


# files of those packages that shape neither the records nor the index: the search's parameter bounds
# (a page size changed would otherwise rebuild every index, « une autre version des lecteurs… »)
_NOT_FINGERPRINTED = frozenset({"indexer/limits.py"})


def fingerprinted_files() -> list[Path]:
    """The code and data files that shape the records and the index (parsers, vocabulary, analyzers)."""
    root = Path(__file__).resolve().parent.parent
    return [path for package in ("indexer", "analyzers") for path in sorted((root / package).rglob("*"))
            if path.suffix in (".py", ".json", ".txt", ".tsv") and "__pycache__" not in path.parts
            and path.relative_to(root).as_posix() not in _NOT_FINGERPRINTED]


def code_fingerprint() -> str:
    """SHA-256 over `fingerprinted_files`: an index built by other code is
    outdated even when the corpus has not changed."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for path in fingerprinted_files():
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def source_bytes(path: Path) -> bytes:
    if not path.exists():
        raise SourceError(f"{path.name} : fichier introuvable dans {path.parent}")
    return path.read_bytes()


def source_text(path: Path, data: bytes) -> str:
    """The text of a source file's bytes, or a SourceError saying precisely why not."""
    if not data.strip():
        raise SourceError(f"{path.name} : fichier vide")
    try:
        return repaired(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(f"{path.name} : ligne {line} : ce n'est pas du texte UTF-8 ({not_utf8(exc)}, "
                          f"octet n° {exc.start + 1})") from None  # counted from 1, as the lines are


def cut_short(document: str, text: str, ending: str) -> str:
    """The message of a document that lacks its last lines: where it stops, and what it lacks."""
    lines = text.rstrip().split("\n")
    last = " ".join(lines[-1].split())
    last = last if len(last) <= 60 else last[:59] + "…"
    return (f"{document} : fichier tronqué : il s'arrête ligne {len(lines)} (« {last} ») sans la fin du document "
            f"(« {ending} ») ; aucune de ses fiches n'est lue")


def not_utf8(exc: UnicodeDecodeError) -> str:
    """Why bytes are not UTF-8, as a message says it: Python's reason is English (« invalid start
    byte » was shown as it was, QA r45, audit 13)."""
    byte = f"0x{exc.object[exc.start]:02X}"
    if exc.reason == "unexpected end of data":
        return f"le fichier s'arrête au milieu d'un caractère, commencé par l'octet {byte}"
    if exc.reason == "invalid continuation byte":
        return f"l'octet {byte} n'est pas suivi des octets que son caractère demande"
    if exc.reason == "invalid start byte":
        return f"l'octet {byte} ne peut commencer un caractère"
    return f"octet {byte} invalide"
