"""The baseline: what a generic full-text index gives on the same records.

One SQLite FTS5 row per partnership holding the raw text of its sheet (the
record's `original_text`, else its text fields and its actions' text),
tokenizer `unicode61 remove_diacritics 2`, ranked by FTS5's bm25. Query
words are ANDed, as FTS5 does by default, with the same any-word fallback
our engine uses when nothing matches every word; no stemming, no synonyms,
no spelling correction. Also used by the benchmarks (with facet counts).
"""
from __future__ import annotations

import re
import sqlite3
from typing import Iterable

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


class FtsBaseline:
    def __init__(self, partnerships: Iterable[dict], actions: Iterable[dict], path: str = ":memory:"):
        by_pid: dict[str, list[dict]] = {}
        for a in actions:
            by_pid.setdefault(a["partnership_id"], []).append(a)
        self.db = sqlite3.connect(path, check_same_thread=False)
        self.db.execute(f"CREATE VIRTUAL TABLE sheets USING fts5(pid UNINDEXED, body, tokenize='{TOKENIZER}')")
        self.db.executemany("INSERT INTO sheets(pid, body) VALUES (?, ?)",
                            ((p["id"], partnership_text(p, by_pid.get(p["id"], []))) for p in partnerships))
        self.db.commit()

    def search(self, q: str, limit: int = 10) -> list[str]:
        """Partnership ids, best first."""
        for any_word in (False, True):
            expr = match_expression(q, any_word)
            if expr is None:
                return []
            rows = self.db.execute(
                "SELECT pid FROM sheets WHERE sheets MATCH ? ORDER BY bm25(sheets), rowid LIMIT ?",
                (expr, limit)).fetchall()
            if rows:
                return [r[0] for r in rows]
        return []
