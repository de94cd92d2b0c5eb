"""The baseline: what a generic full-text index gives on the same records.

One SQLite FTS5 row per partnership holding the raw text of its sheet (the
record's `original_text`, else its text fields and its actions' text),
tokenizer `unicode61 remove_diacritics 2`, ranked by FTS5's bm25. Query
words are ANDed, as FTS5 does by default, with the same any-word fallback
our engine uses when nothing matches every word; no stemming, no synonyms,
no spelling correction. Also used by the benchmarks (with facet counts).

A second table holds one row per action (its raw text), for the queries that
list actions (`type=action`). Facet filters are not FTS5's business: callers
pass the ids a filter allows (computed from the same facet values the engine
indexes), and rows outside them are skipped.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable

TOKENIZER = "unicode61 remove_diacritics 2"
_WORD = re.compile(r"\w+", re.UNICODE)


def _party_text(party: dict | None) -> list[str]:
    if not party:
        return []
    return [party.get(k) or "" for k in ("name", "name_raw", "region", "subdivision", "country")]


def partnership_text(p: dict, actions: Iterable[dict] = ()) -> str:
    """The raw text of a sheet, falling back on its fields when the parser kept none."""
    if p.get("original_text"):
        return p["original_text"]
    parts = [p.get("title") or ""]
    parts += _party_text(p.get("french_party")) + _party_text(p.get("partner_party"))
    parts += list(p.get("countries") or []) + list(p.get("domains_raw") or []) + list(p.get("domains") or [])
    for k in ("legal_framework", "status", "history", "objectives", "perspectives", "other_partnerships", "partners"):
        parts.append(p.get(k) or "")
    parts += [str(v) for v in (p.get("extra") or {}).values()]
    for a in actions:
        parts.append(a.get("original_text") or " ".join(
            a.get(k) or "" for k in ("title", "description", "objectives", "partners", "beneficiaries", "domain_raw")))
    return "\n".join(x for x in parts if x)


def match_expression(q: str, any_word: bool = False) -> str | None:
    """FTS5 MATCH text for a user's query: each word quoted (no FTS syntax leaks through)."""
    words = _WORD.findall(q or "")
    if not words:
        return None
    return (" OR " if any_word else " ").join(f'"{w}"' for w in words)


def action_text(a: dict) -> str:
    return a.get("original_text") or " ".join(
        a.get(k) or "" for k in ("title", "description", "objectives", "partners", "beneficiaries", "domain_raw"))


class FtsBaseline:
    def __init__(self, partnerships: Iterable[dict], actions: Iterable[dict], path: str = ":memory:"):
        actions = list(actions)
        by_pid: dict[str, list[dict]] = {}
        for a in actions:
            by_pid.setdefault(a["partnership_id"], []).append(a)
        self.db = sqlite3.connect(path, check_same_thread=False)
        self.db.execute(f"CREATE VIRTUAL TABLE sheets USING fts5(pid UNINDEXED, body, tokenize='{TOKENIZER}')")
        self.db.executemany("INSERT INTO sheets(pid, body) VALUES (?, ?)",
                            ((p["id"], partnership_text(p, by_pid.get(p["id"], []))) for p in partnerships))
        self.db.execute(f"CREATE VIRTUAL TABLE actions USING fts5(aid UNINDEXED, pid UNINDEXED, body, "
                        f"tokenize='{TOKENIZER}')")
        self.db.executemany("INSERT INTO actions(aid, pid, body) VALUES (?, ?, ?)",
                            ((a["id"], a["partnership_id"], action_text(a)) for a in actions))
        self.db.commit()

    def _ranked(self, table: str, cols: str, q: str, limit: int | None, allowed: set[str] | None) -> list[tuple]:
        """Rows best first: every word required, any word when no allowed row has them all."""
        for any_word in (False, True):
            expr = match_expression(q, any_word)
            if expr is None:
                return []
            sql = f"SELECT {cols} FROM {table} WHERE {table} MATCH ? ORDER BY bm25({table}), rowid"
            if allowed is None and limit is not None:
                rows = self.db.execute(sql + " LIMIT ?", (expr, limit)).fetchall()
            else:
                rows = [r for r in self.db.execute(sql, (expr,)) if allowed is None or r[0] in allowed]
                rows = rows[:limit] if limit is not None else rows
            if rows:
                return rows
        return []

    def search(self, q: str, limit: int = 10, allowed: set[str] | None = None) -> list[str]:
        """Partnership ids, best first (only those in `allowed` when given)."""
        return [r[0] for r in self._ranked("sheets", "pid", q, limit, allowed)]

    def search_actions(self, q: str, limit: int | None = None, allowed: set[str] | None = None
                       ) -> list[tuple[str, str]]:
        """(action id, partnership id) pairs, best first (only actions in `allowed` when given)."""
        return [(r[0], r[1]) for r in self._ranked("actions", "aid, pid", q, limit, allowed)]
