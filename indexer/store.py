"""Where built indexes live, and how a new one replaces the old one.

Layout of an index directory:

    index/
      CURRENT                 name of the generation being served
      gen-20261121T183500-1a2b/
        (Whoosh segment files)
        records.json          the full records (the record store)
        doccolumns.json       the document table (indexer.doctable): per index document, in
                              document-number order, id, type, partnership id, sort key, and
                              per facet value its documents (an older build has docs.json,
                              the same by rows: one row per document with its facet values)
        records.sqlite        the same records, read one by one by the engine
        words.sqlite          the vocabulary, the speller's table, the snippets' words and bodies
        expansions.json       the query expansions' tables (analyzers.vocabulary), made once here
                              rather than by every process; optional (built when absent or stale)
        likeness.sqlite       how alike each two partnerships' texts are (indexer.likeness);
                              optional (a listing is then completed by domain only)
        meta.json             schema version, corpus checksum, counts, reports

A build writes a whole new generation beside the served one and then replaces
CURRENT with an atomic rename, so a reader sees either the old complete index
or the new complete one, never a half-written one. Older generations are
removed, keeping the previous one for readers that are still on it.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # (Windows: builds are not locked there)
    fcntl = None  # type: ignore[assignment]

from .locations import default_index_dir
from .text import french_datetime

DEFAULT_INDEX_DIR = default_index_dir()  # see locations.py: a clone's index/, or the user's data folder
POINTER = "CURRENT"
RECORDS = "records.json"
META = "meta.json"
DOCS = "docs.json"  # the document table of an older build
DOC_COLUMNS = "doccolumns.json"
WORDS = "words.sqlite"
EXPANSIONS = "expansions.json"
LIKENESS = "likeness.sqlite"
RECORD_TABLE = "records.sqlite"
KEEP_PREVIOUS = 1
BUILD_LOCK = "BUILDING"  # held (flock) by the build writing a generation; says which process and since when


class IndexError_(Exception):
    """Base of the index problems a user can be told about: `cause` says what is wrong (in French,
    as the command line shows it), and the message adds what to do, `repertoires index` (`told`
    names another command: the CLI's, with the folder it was given)."""

    code = "index_error"

    def __init__(self, cause: str):
        super().__init__(cause)
        self.cause = cause

    def __str__(self) -> str:
        return self.told()

    def told(self, command: str = "repertoires index") -> str:
        return f"{self.cause} : lancez `{command}`"


class IndexMissing(IndexError_):
    code = "index_missing"


class IndexNotAFolder(IndexMissing):
    """`--index` names a file, or a path through one: no build can put an index there, so the
    message says so and names no command (it said « lancez `repertoires index --index …` », which
    then failed)."""

    def told(self, command: str = "repertoires index") -> str:
        return self.cause


class IndexCorrupt(IndexError_):
    code = "index_corrupt"


class IndexOutdated(IndexError_):
    code = "index_outdated"


class BuildBusy(Exception):
    """Another build holds the index folder (`building`). `holder` says which and since when
    (« une autre construction de l'index est en cours dans … »), for callers that give their own advice."""

    def __init__(self, holder: str, advice: str):
        super().__init__(f"{holder} : {advice}")
        self.holder = holder


class FolderUnwritable(Exception):
    """The index folder takes no file (`building`): read-only, or another user's."""


def _since(stamp: str) -> str:
    """When a build began, from its lock's note (an ISO timestamp in UTC), as the project says a
    time: « le 6 décembre 2026 à 21 h 02 (UTC) »; a note of a build before that (`21:02:10`) as it is."""
    said = french_datetime(stamp)
    return f"le {said}" if said != stamp else f"à {stamp}"


_HELD: set[int] = set()  # the descriptors of the build locks this process holds


def _let_go_in_child() -> None:
    """A forked worker of the build (indexer.parallel) does not keep the build's lock: a flock belongs to
    the open file, which the fork shares, so workers orphaned by a killed build held the folder for good
    (review 1 of round 47: `serve` waited for a dead build, `index` was refused naming a dead process)."""
    for fd in _HELD:
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_let_go_in_child)


@contextmanager
def building(index_dir: Path) -> Iterator[None]:
    """The index folder for one build at a time: a second `repertoires index` on it while the first
    runs is refused with BuildBusy, which names the first (two builds at once each published, and the
    first to finish removed the generation being served and the previous one, keeping the other
    build's unfinished one: QA r45, audit 13). The lock goes with the process, however it ends."""
    try:  # unbuffered: a full disk fails the note's write below, not the file's closing (a traceback)
        fh = open(Path(index_dir) / BUILD_LOCK, "a+b", buffering=0)  # noqa: SIM115 (closed by the with below)
    except OSError as exc:  # (the build's first write: a read-only folder's OSError was a traceback)
        raise FolderUnwritable(not_written(index_dir, exc)) from None
    with fh:
        if fcntl is not None:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                fh.seek(0)
                pid, _, since = fh.read().decode("utf-8", "replace").strip().partition(" ")
                who = f" (processus {pid}, commencée {_since(since)})" if pid and since else ""
                raise BuildBusy(f"une autre construction de l'index est en cours dans {index_dir}{who}",
                                "attendez qu'elle finisse (un serveur passe à son index dès qu'il est "
                                "construit)") from None
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(f"{os.getpid()} {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}\n".encode())
        except OSError as exc:  # a full disk
            raise FolderUnwritable(not_written(index_dir, exc)) from None
        _HELD.add(fh.fileno())
        try:
            yield
        finally:
            _HELD.discard(fh.fileno())


def build_running(index_dir: Path) -> bool:
    """Whether a build holds the index folder now (the tests ask; `serve` waits on the lock itself,
    wait_for_build). It tries the lock and lets go at once, so that a build starting meanwhile is
    never refused because of the question."""
    if fcntl is None:
        return False
    try:
        fh = open(Path(index_dir) / BUILD_LOCK, "rb")  # noqa: SIM115 (closed by the with below)
    except OSError:  # no lock file: no build has ever held the folder
        return False
    with fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        return False


def wait_for_build(index_dir: Path) -> None:
    """Return once no build holds the index folder (at once when none does): `repertoires serve`
    waits so for a build another process runs, where it exited with BuildBusy (QA r45, audit 13). It
    asks for the lock shared and blocks, and lets go at once: it goes on the moment the build ends
    (it looked every 0,25 s), and a build starting after that is not refused because of it."""
    if fcntl is None:
        return
    try:
        fh = open(Path(index_dir) / BUILD_LOCK, "rb")  # noqa: SIM115 (closed by the with below)
    except OSError:  # no lock file: no build has ever held the folder
        return
    with fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_SH)


@dataclass
class Generation:
    path: Path
    meta: dict


def new_generation_dir(index_dir: Path) -> Path:
    """A new, empty generation folder; names sort in creation order (to the
    microsecond), which is how cleanup tells the old ones."""
    now = time.time()
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(now))
    path = Path(index_dir) / f"gen-{stamp}.{int(now % 1 * 1e6):06d}-{os.urandom(2).hex()}"
    path.mkdir(parents=True)
    return path


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_json(path: Path, data) -> None:
    """`data` as JSON at `path`, atomically. Encoded with `json.dumps`, which
    runs the C encoder (`json.dump` to a file encodes in Python, piece by
    piece: twice as slow on the records, the same text)."""
    write_text(path, json.dumps(data, ensure_ascii=False))


def write_text(path: Path, text: str) -> None:
    """`text` at `path` (UTF-8), atomically."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def publish(index_dir: Path, generation: Path) -> None:
    """Point CURRENT at `generation` atomically, then drop old generations."""
    index_dir = Path(index_dir)
    for f in generation.iterdir():
        if f.is_file():
            with open(f, "rb") as fh:
                os.fsync(fh.fileno())
    _fsync_dir(generation)
    tmp = index_dir / f"{POINTER}.{os.urandom(3).hex()}.tmp"
    tmp.write_text(generation.name + "\n", encoding="utf-8")
    os.replace(tmp, index_dir / POINTER)
    _fsync_dir(index_dir)
    cleanup(index_dir, keep=generation.name)


def cleanup(index_dir: Path, keep: str) -> None:
    """Remove generations older than the previous one, and abandoned temporary files."""
    gens = sorted(p for p in Path(index_dir).glob("gen-*") if p.is_dir() and p.name != keep)
    for old in gens[: max(0, len(gens) - KEEP_PREVIOUS)]:
        shutil.rmtree(old, ignore_errors=True)
    for tmp in Path(index_dir).glob(f"{POINTER}.*.tmp"):
        try:
            tmp.unlink()
        except OSError:
            pass


def file_in_the_way(folder: Path) -> Path | None:
    """The file standing where `folder` or one of its parents would be a folder, a symbolic link to
    nothing included (`exists()` is False for it: `search` sent the user to `index`, which failed on
    it, review r44, finding 5); None when there is none."""
    for part in (folder, *folder.parents):
        if part.exists() or part.is_symlink():
            return None if part.is_dir() else part
    return None


def what_it_is(part: Path) -> str:
    """A file in the way (`file_in_the_way`), as a message names it."""
    return "un lien symbolique sans cible" if part.is_symlink() and not part.exists() else "un fichier"


# why a folder could not be written, in French (the system says it in English)
WRITE_ERRORS = {errno.EEXIST: "un fichier porte ce nom", errno.ENOTDIR: "un élément du chemin est un fichier",
                errno.EACCES: "permission refusée", errno.EPERM: "opération non permise",
                errno.EROFS: "système de fichiers en lecture seule", errno.ENOSPC: "plus de place sur le disque",
                errno.ENOENT: "le système de fichiers n'y permet pas de dossier"}


def not_written(index_dir: Path, exc: OSError) -> str:
    """The message of a build that could not write in `index_dir`: why, and that nothing changed."""
    return f"impossible d'écrire l'index dans {index_dir} : {why_not_written(exc)} (l'index servi n'a pas changé)"


def why_not_written(exc: OSError) -> str:
    """An OSError of a write, as a message says it."""
    return WRITE_ERRORS.get(exc.errno or 0) or exc.strerror or str(exc)


def why_not_made(folder: Path, exc: OSError) -> str:
    """Why `folder` could not be made, as a message says it: a symbolic link to nothing by that name
    is said so (« un fichier porte ce nom » was wrong for it)."""
    if exc.errno == errno.EEXIST and folder.is_symlink():
        return f"{what_it_is(folder)} porte ce nom"
    return why_not_written(exc)


def current_generation(index_dir: Path) -> Generation:
    """The generation CURRENT names, checked enough to be opened; raises
    IndexMissing or IndexCorrupt with a message that says what to do."""
    index_dir = Path(index_dir)
    pointer = index_dir / POINTER
    if not pointer.exists():
        if (file := file_in_the_way(index_dir)) is not None:
            raise IndexNotAFolder(f"{file} est {what_it_is(file)}, pas un dossier : --index doit nommer un dossier")
        raise IndexMissing(f"aucun index dans {index_dir}")
    name = pointer.read_text(encoding="utf-8").strip()
    path = index_dir / name
    if not name or not path.is_dir():
        raise IndexCorrupt(f"{pointer} désigne une génération absente ({name!r})")
    try:
        meta = json.loads((path / META).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(f"{path / META} est illisible ({exc})") from None
    if not (path / RECORDS).exists():
        raise IndexCorrupt(f"{path / RECORDS} est absent")
    return Generation(path, meta)


def pointer_stamp(index_dir: Path) -> tuple:
    """Cheap token that changes when CURRENT is replaced (checked on each request)."""
    try:
        st = os.stat(Path(index_dir) / POINTER)
    except OSError:
        return (None,)
    return (st.st_ino, st.st_mtime_ns, st.st_size)
