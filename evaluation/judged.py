"""The judged query set (evaluation/queries.json).

Judgments were made by reading the source documents, never from the
engine's output, so that the set measures the engine instead of echoing it.
The file's `grading_rules` say how; evaluation/README.md says how it was split.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from indexer.domains import DOMAINS

from .split import SPLITS

QUERIES_FILE = Path(__file__).resolve().parent / "queries.json"
TYPES = ("partnership", "action")  # the API's `type`: what the results list
FILTERS = ("country", "domain", "year", "region")  # the API's facet parameters a query may set
KINDS = ("place+topic", "name", "acronym", "misspelling", "no accents", "year", "question", "long", "action",
         "filter", "topic")  # the classes `repertoires eval` reports on its own


class JudgedSetError(ValueError):
    """The judged set cannot be used as written (the message says where and why)."""


@dataclass(frozen=True)
class JudgedQuery:
    id: str
    q: str
    kind: str  # place+topic, name, acronym, misspelling, no accents, year, question, long, action, filter, topic
    relevant: dict[str, int]  # partnership id -> grade (2 = what the user wants, 1 = useful)
    note: str = ""
    split: str = "dev"  # dev (tuning) or test (reporting only)
    type: str = "partnership"  # "action": results are actions, mapped to their partnerships
    filters: dict[str, list] = field(default_factory=dict)  # facet -> selected values, as the API takes them
    tuned: bool = False  # one of the queries the current ranking was tuned on
    added: str = ""  # the batch (a date) it was written in after the split, straight into dev; "" if not


def check_filters(where: str, raw) -> dict[str, list]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise JudgedSetError(f"{where}: \"filters\" must be an object (facet -> list of values)")
    out: dict[str, list] = {}
    for name, values in raw.items():
        if name not in FILTERS:
            raise JudgedSetError(f"{where}: unknown filter {name!r} (expected one of {', '.join(FILTERS)})")
        if not isinstance(values, list) or not values:
            raise JudgedSetError(f"{where}: filter {name!r} needs a non-empty list of values")
        if name == "year":
            if not all(isinstance(v, int) and not isinstance(v, bool) and 1000 <= v <= 9999 for v in values):
                raise JudgedSetError(f"{where}: filter 'year' takes four-digit integers, got {values!r}")
        elif not all(isinstance(v, str) and v.strip() for v in values):
            raise JudgedSetError(f"{where}: filter {name!r} takes non-empty strings, got {values!r}")
        if name == "domain":
            unknown = [v for v in values if v not in DOMAINS]
            if unknown:
                raise JudgedSetError(f"{where}: unknown domain {unknown[0]!r} (the 16 labels of indexer/domains.py)")
        out[name] = list(values)
    return out


def load_queries(path: Path | str = QUERIES_FILE) -> list[JudgedQuery]:
    """Read and check the set: unique ids, non-empty judgments graded 1 or 2,
    a known split and type, known filter names and well-formed values."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise JudgedSetError(f"{path}: cannot read the judged set: {exc.strerror or exc}") from None
    except json.JSONDecodeError as exc:
        raise JudgedSetError(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(data, dict) or not isinstance(data.get("queries"), list):
        raise JudgedSetError(f"{path}: expected an object with a \"queries\" list")
    proc = data.get("split_procedure") or {}
    tuned = set(proc.get("tuned_on") or [])
    added = added_batches(proc)
    tuned_batches = _tuned_batches(proc)
    out: list[JudgedQuery] = []
    seen: set[str] = set()
    for n, item in enumerate(data["queries"], 1):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
            raise JudgedSetError(f"{path}: query #{n} has no \"id\"")
        qid = item["id"]
        where = f"{path}: query {qid!r}"
        if qid in seen:
            raise JudgedSetError(f"{path}: query id {qid!r} appears twice")
        seen.add(qid)
        if not isinstance(item.get("q"), str):
            raise JudgedSetError(f"{where} has no query text \"q\"")
        split = item.get("split")
        if split not in SPLITS:
            raise JudgedSetError(f"{where}: unknown split {split!r} (expected {' or '.join(SPLITS)})")
        qtype = item.get("type", "partnership")
        if qtype not in TYPES:
            raise JudgedSetError(f"{where}: unknown type {qtype!r} (expected {' or '.join(TYPES)})")
        filters = check_filters(where, item.get("filters"))
        rel = grades(where, item.get("relevant"))
        out.append(JudgedQuery(qid, item["q"], item.get("kind", ""), rel, item.get("note", ""),
                               split, qtype, filters, qid in tuned or added.get(qid) in tuned_batches,
                               added.get(qid, "")))
        if qid in added and split != "dev":
            raise JudgedSetError(f"{where} was added after the split (split_procedure.added_to_dev): "
                                 f"its split must be dev, not {split!r}")
    for name, listed in (("tuned_on", tuned), ("added_to_dev", set(added))):
        if listed - seen:
            raise JudgedSetError(f"{path}: split_procedure.{name} names unknown queries: "
                                 f"{', '.join(sorted(listed - seen))}")
    return out


def grades(where: str, raw_rel) -> dict[str, int]:
    """{partnership id: 1 | 2}, non-empty, or a JudgedSetError saying where."""
    if not isinstance(raw_rel, dict) or not raw_rel:
        raise JudgedSetError(f"{where} needs judgments graded 1 or 2")
    try:
        rel = {str(k): int(v) for k, v in raw_rel.items()}
    except (TypeError, ValueError):
        raise JudgedSetError(f"{where} needs judgments graded 1 or 2") from None
    if any(g not in (1, 2) for g in rel.values()):
        raise JudgedSetError(f"{where} needs judgments graded 1 or 2")
    return rel


def _tuned_batches(proc: dict) -> set[str]:
    """The batches of added_to_dev that a ranking change has since been tuned on
    (`batches_tuned_on`): their queries count as tuned on, like `tuned_on`."""
    names = proc.get("batches_tuned_on") or []
    if not isinstance(names, list):
        raise JudgedSetError("split_procedure.batches_tuned_on must list batch names of added_to_dev")
    unknown = set(names) - set(proc.get("added_to_dev") or {})
    if unknown:
        raise JudgedSetError(f"split_procedure.batches_tuned_on names unknown batches: {', '.join(sorted(unknown))}")
    return set(names)


def added_batches(proc: dict) -> dict[str, str]:
    """Query id -> the batch it was written in after the split ({batch: [ids]}
    in the file, each batch named by its date)."""
    batches = proc.get("added_to_dev") or {}
    if not isinstance(batches, dict) or not all(isinstance(v, list) for v in batches.values()):
        raise JudgedSetError("split_procedure.added_to_dev must map a date to a list of query ids")
    out: dict[str, str] = {}
    for batch, ids in batches.items():
        for qid in ids:
            if qid in out:
                raise JudgedSetError(f"split_procedure.added_to_dev lists {qid!r} in two batches "
                                     f"({out[qid]!r}, {batch!r})")
            out[qid] = str(batch)
    return out


def unknown_ids(queries: list[JudgedQuery], known: set[str]) -> dict[str, list[str]]:
    """Judged ids missing from the corpus (a parser change renamed or lost them)."""
    missing = {q.id: sorted(set(q.relevant) - known) for q in queries}
    return {k: v for k, v in missing.items() if v}


def unknown_filter_values(queries: list[JudgedQuery], facet_values: dict[str, list]) -> dict[str, list[str]]:
    """Filter values no document carries (the query would list nothing)."""
    out: dict[str, list[str]] = {}
    for q in queries:
        bad = [f"{name}={v!r}" for name, values in q.filters.items() for v in values
               if v not in set(facet_values.get(name, ()))]
        if bad:
            out[q.id] = bad
    return out
