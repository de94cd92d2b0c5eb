"""The judged query set (evaluation/queries.json).

Judgments were made by reading the source documents, never from the
engine's output, so that the set measures the engine instead of echoing it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

QUERIES_FILE = Path(__file__).resolve().parent / "queries.json"


@dataclass(frozen=True)
class JudgedQuery:
    id: str
    q: str
    kind: str  # place+domain, name, acronym, misspelling, no accents, year, question, topic
    relevant: dict[str, int]  # partnership id -> grade (2 = what the user wants, 1 = useful)
    note: str = ""


def load_queries(path: Path | str = QUERIES_FILE) -> list[JudgedQuery]:
    """Read and check the set: unique ids, non-empty judgments, grades 1 or 2."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    out: list[JudgedQuery] = []
    seen: set[str] = set()
    for item in data["queries"]:
        qid = item["id"]
        if qid in seen:
            raise ValueError(f"{path}: query id {qid!r} appears twice")
        seen.add(qid)
        rel = {str(k): int(v) for k, v in item["relevant"].items()}
        if not rel or any(g not in (1, 2) for g in rel.values()):
            raise ValueError(f"{path}: query {qid!r} needs judgments graded 1 or 2")
        out.append(JudgedQuery(qid, item["q"], item.get("kind", ""), rel, item.get("note", "")))
    return out


def unknown_ids(queries: list[JudgedQuery], known: set[str]) -> dict[str, list[str]]:
    """Judged ids missing from the corpus (a parser change renamed or lost them)."""
    missing = {q.id: sorted(set(q.relevant) - known) for q in queries}
    return {k: v for k, v in missing.items() if v}
