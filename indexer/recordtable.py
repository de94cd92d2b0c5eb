"""The records of a generation in an SQLite table (`records.sqlite`), read
one by one: a process that shows ten results (a one-shot `repertoires
search`) parses ten records, not all of them (parsing records.json was most
of opening an index, and grows with the corpus); a page that lists every
record reads them all, once. `records.json` keeps the same records for tools.
"""
from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

KINDS = ("partnership", "action")


def encoded(records: list[dict]) -> list[tuple[str, str]]:
    """(id, JSON text) of each record, as the table holds it."""
    return [(r["id"], json.dumps(r, ensure_ascii=False)) for r in records]


def records_json(partnerships: list[tuple[str, str]], actions: list[tuple[str, str]]) -> str:
    """`records.json` made of the records' encoded texts: what `json.dumps` writes of
    {"partnerships": [...], "actions": [...]} (the same separators), without
    encoding every record a second time."""
    return ('{"partnerships": [' + ", ".join(t for _, t in partnerships)
            + '], "actions": [' + ", ".join(t for _, t in actions) + "]}")


def write_record_table(path: Path | str, partnerships: list[tuple[str, str]], actions: list[tuple[str, str]]) -> None:
    """A new SQLite file at `path` holding the records, (id, JSON text) each (`encoded`), in their order."""
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode = OFF")  # a new file in an unpublished generation
        db.execute("PRAGMA synchronous = OFF")  # the build fsyncs the generation before publishing it
        db.execute("CREATE TABLE records (kind TEXT NOT NULL, id TEXT NOT NULL, ord INTEGER NOT NULL, "
                   "json TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID")
        for kind, records in zip(KINDS, (partnerships, actions), strict=True):
            db.executemany("INSERT INTO records VALUES (?, ?, ?, ?)",
                           ((kind, rid, i, text) for i, (rid, text) in enumerate(records)))
        db.commit()
    finally:
        db.close()


class RecordTable:
    """A generation's record table, opened read-only; safe to share between threads."""

    def __init__(self, path: Path | str):
        self._db = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro&immutable=1", uri=True,
                                   check_same_thread=False)
        self._lock = threading.Lock()
        self.counts = dict(self._db.execute("SELECT kind, count(*) FROM records GROUP BY kind").fetchall())

    def get(self, kind: str, rid: str) -> dict | None:
        with self._lock:
            row = self._db.execute("SELECT json FROM records WHERE kind = ? AND id = ?", (kind, rid)).fetchone()
        return json.loads(row[0]) if row else None

    def field(self, kind: str, path: str) -> list[tuple[str, object]]:
        """(id, the value at a JSON path such as `$.french_party.country`) for
        every record of `kind`, read by SQLite without decoding the records."""
        with self._lock:
            return self._db.execute("SELECT id, json_extract(json, ?) FROM records WHERE kind = ? ORDER BY ord",
                                    (path, kind)).fetchall()

    def all(self, kind: str) -> list[tuple[str, dict]]:
        with self._lock:
            rows = self._db.execute("SELECT id, json FROM records WHERE kind = ? ORDER BY ord", (kind,)).fetchall()
        return [(rid, json.loads(text)) for rid, text in rows]


class LazyRecords(Mapping):
    """id -> record of one kind, read from the table on first use of each id;
    iterating reads them all, in the build's order."""

    def __init__(self, table: RecordTable, kind: str):
        self._table, self._kind = table, kind
        self._cache: dict[str, dict] = {}
        self._order: list[str] | None = None  # every id, once all are read

    def __getitem__(self, rid: str) -> dict:
        rec = self._cache.get(rid)
        if rec is None:
            if self._order is not None or not isinstance(rid, str):
                raise KeyError(rid)
            rec = self._table.get(self._kind, rid)
            if rec is None:
                raise KeyError(rid)
            rec = self._cache.setdefault(rid, rec)  # one dict per record, whichever thread read it first
        return rec

    def _all(self) -> list[str]:
        if self._order is None:
            order = []
            for rid, rec in self._table.all(self._kind):
                self._cache.setdefault(rid, rec)
                order.append(rid)
            self._order = order
        return self._order

    def field(self, path: str) -> list[tuple[str, object]]:
        """(id, value at a JSON path) for every record, without reading them all
        (for the per-generation tables a search needs)."""
        return self._table.field(self._kind, path)

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return self._table.counts.get(self._kind, 0)
