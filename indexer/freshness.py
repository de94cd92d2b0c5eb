"""Is the index fresh? Build it if not.

An index is fresh when its generation can be read, was built with this
schema version, from these source files, by this code (parsers, analyzers,
facet registry). This reads the generation's metadata and opens Whoosh's
segment headers only: no records, no engine. The commands that need an index
(`repertoires serve`, `repertoires eval`) call `ensure_index` first, as
flaskr's commands call `init_db`; the engine calls `check_compatible` before
serving a generation.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from whoosh import index as whoosh_index

from .build import BuildBusyError, BuildError, BuildResult, build_index
from .schema import check_compatible
from .sources import code_fingerprint, corpus_checksum
from .store import (
    Generation,
    IndexCorrupt,
    IndexError_,
    IndexNotAFolder,
    IndexOutdated,
    current_generation,
    wait_for_build,
)


def _check_readable(generation: Generation) -> None:
    """The Whoosh segments open and hold the documents the metadata counts
    (a truncated or missing segment fails here, in about a millisecond)."""
    try:
        ix = whoosh_index.open_dir(str(generation.path))
        with ix.reader() as reader:
            count = reader.doc_count_all()
    except Exception as exc:  # noqa: BLE001 (Whoosh raises many kinds on damaged files)
        raise IndexCorrupt(f"impossible d'ouvrir l'index de {generation.path} ({type(exc).__name__}: {exc})") from None
    expected = generation.meta.get("documents")
    if expected is not None and count != expected:
        raise IndexCorrupt(f"l'index de {generation.path} contient {count} documents au lieu de {expected}")


def check_fresh(data_dir: Path | str, index_dir: Path | str) -> Generation:
    """The current generation when it is fresh; else IndexMissing, IndexCorrupt
    or IndexOutdated saying why."""
    generation = _openable(Path(index_dir))
    meta = generation.meta
    if meta.get("corpus_checksum") != corpus_checksum(Path(data_dir)):
        raise IndexOutdated("l'index a été construit à partir d'autres documents sources")
    if meta.get("code_fingerprint") != code_fingerprint():
        raise IndexOutdated("l'index a été construit par une autre version des lecteurs de documents, des "
                            "analyseurs ou des filtres")
    return generation


def ensure_index(data_dir: Path | str, index_dir: Path | str,
                 on_rebuild: Callable[[str], None] | None = None,
                 on_busy: Callable[[str], None] | None = None) -> BuildResult | None:
    """Build the index when it is not fresh; the build's result, or None when
    it was fresh. `on_rebuild(reason)` is told why (IndexError_.cause, French) once the build holds
    the folder. A failed build raises indexer.build.BuildError.

    With `on_busy`, a build another process runs is not an error: an index that can be served is
    served as it is (the engine moves to the other build's index if it publishes one), else this
    waits for that build and checks again; `on_busy(message)` says which (French)."""
    while True:
        try:
            check_fresh(data_dir, index_dir)
            return None
        except IndexNotAFolder as exc:  # no build can be there: said once, not « …, construction de l'index… »
            raise BuildError(exc.cause) from None
        except IndexError_ as exc:
            cause = exc.cause
        said = None if on_rebuild is None else (lambda why=cause: on_rebuild(why))
        try:
            return build_index(data_dir, index_dir, on_locked=said)
        except BuildBusyError as exc:
            if on_busy is None:
                raise
            holder = exc.busy.holder
        if _servable(Path(index_dir)):
            on_busy(f"{holder} : l'index actuel est servi en attendant ; le serveur passera au nouveau "
                    "quand elle le publiera")
            return None
        on_busy(f"{holder} : le serveur attend qu'elle finisse…")
        wait_for_build(Path(index_dir))


def _openable(index_dir: Path) -> Generation:
    """The current generation if the engine can open it, fresh or not; else IndexMissing or IndexCorrupt."""
    generation = current_generation(index_dir)
    check_compatible(generation)
    _check_readable(generation)
    return generation


def _servable(index_dir: Path) -> bool:
    """An index the engine can open, fresh or not (check_fresh without the freshness)."""
    try:
        _openable(index_dir)
    except IndexError_:
        return False
    return True
