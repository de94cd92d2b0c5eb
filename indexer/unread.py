"""The documents the served index could not read at its build, from its metadata.

A build that cannot read a document still publishes, with that document's records as an earlier
build read them (indexer.build), and `complete: false` in meta.json. Users must be told which
document it is and how old its records are: /api/status, the « À propos » page and the search page
read this list. It reads meta.json only, so the engine loads no parser for it.
"""
from __future__ import annotations

from .registry import labels


def unread_documents(meta: dict) -> list[dict]:
    """One entry per document of the build's reports that could not be read: its file, its
    label (French), how many of its partnerships and actions the index keeps from an earlier
    build and when that build read them (`read_at`, None when none was kept or when an index
    built before this was recorded does not say)."""
    names = labels()
    by_source = (meta.get("counts") or {}).get("by_source") or {}
    out = []
    for report in meta.get("reports") or []:
        if report.get("ok", True):
            continue
        document = report.get("document") or ""
        kept = report.get("kept") or {}
        counts = by_source.get(document, {}) if not kept else kept  # an index built before `kept`
        out.append({"document": document, "label": names.get(document, document),
                    "partnerships": int(counts.get("partnerships") or 0),
                    "actions": int(counts.get("actions") or 0),
                    "read_at": kept.get("read_at")})
    return out
