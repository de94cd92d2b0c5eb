"""`repertoires judged`: check and add a batch of fresh dev queries.

Fresh queries tell whoever tunes next how much earlier tuning carries over
(evaluation/README.md). Judges write them from the documents into a JSON list;
`check` says what is wrong with the file without showing any existing query
(a judge must not read the test split), and `add` appends the batch to
evaluation/queries.json as dev queries under its name in
`split_procedure.added_to_dev`, keeping the file's layout line for line.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from analyzers import fold_text
from repertoires.args import ArgumentParser

from .judged import KINDS, QUERIES_FILE, TYPES, JudgedSetError, check_filters, grades, load_queries

FIELDS = ("id", "q", "kind", "note", "relevant")
# batches written and kept unmeasured for whoever tunes next: add one, measure it, then tune
SEALED_DIR = Path(__file__).resolve().parent / "sealed"
_END = "\n  ]\n}\n"  # how the file ends: the last query, then the list and the object close
_PROC = '\n  "split_procedure": '
_QUERIES = ',\n  "queries": ['
_KEY_INDENT = "\n" + " " * 22  # split_procedure's keys line up under its first one


def same_query_key(item: dict) -> tuple[str, str, str]:
    """What makes two queries the same question: the text folded (case, accents,
    punctuation), the type and the filters."""
    words = " ".join(re.findall(r"[a-z0-9]+", fold_text(str(item.get("q", "")))))
    return (words, item.get("type", "partnership"), json.dumps(item.get("filters") or {}, sort_keys=True))


def problems(new: list, existing: list[dict], known_ids: Iterable[str] | None = None) -> list[str]:
    """What is wrong with a batch, one line each; an existing query is never
    named or shown (it may be a test query)."""
    out: list[str] = []
    seen_ids = {q["id"] for q in existing}
    seen_keys = {same_query_key(q) for q in existing}
    batch_keys: dict[tuple, str] = {}
    known = set(known_ids) if known_ids is not None else None
    for n, item in enumerate(new, 1):
        if not isinstance(item, dict):
            out.append(f"#{n}: not an object")
            continue
        where = item.get("id") or f"#{n}"
        out += [f"{where}: missing \"{f}\"" for f in FIELDS if not item.get(f)]
        if item.get("kind") and item["kind"] not in KINDS:
            out.append(f"{where}: unknown kind {item['kind']!r} (one of {', '.join(KINDS)})")
        if item.get("type", "partnership") not in TYPES:
            out.append(f"{where}: unknown type {item.get('type')!r} (one of {', '.join(TYPES)})")
        for check, raw in ((check_filters, item.get("filters")), (grades, item.get("relevant"))):
            try:
                check(str(where), raw)
            except JudgedSetError as exc:
                out.append(str(exc))
        if item.get("id") in seen_ids:
            out.append(f"{where}: this id is already used")
        seen_ids.add(item.get("id"))
        key = same_query_key(item)
        if key in seen_keys:
            out.append(f"{where}: the same query (text, type and filters) is already in the set: write another")
        elif key in batch_keys:
            out.append(f"{where}: the same query as {batch_keys[key]} in this batch")
        batch_keys.setdefault(key, str(where))
        if known is not None and isinstance(item.get("relevant"), dict):
            out += [f"{where}: unknown partnership id {pid!r}" for pid in item["relevant"] if pid not in known]
    return out


def add_batch(name: str, new: list[dict], path: Path = QUERIES_FILE) -> int:
    """Append `new` to the judged set as dev queries of the batch `name`; the
    file is rewritten only if the result loads. Returns how many were added."""
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    batches = (data.get("split_procedure") or {}).get("added_to_dev") or {}
    if name in batches:
        raise JudgedSetError(f"a batch named {name!r} is already in {path}")
    found = problems(new, data["queries"])
    if found:
        raise JudgedSetError(f"{len(found)} problem(s) in the batch, first: {found[0]}")
    if text.count(_PROC) != 1 or text.count(_QUERIES) != 1 or not text.endswith(_END):
        raise JudgedSetError(f"{path}: not laid out as expected (split_procedure, then the queries, one a line)")
    rows = []
    for item in new:
        row = {"id": item["id"], "q": item["q"], "kind": item["kind"], "split": "dev"}
        if item.get("type", "partnership") != "partnership":
            row["type"] = item["type"]
        if item.get("filters"):
            row["filters"] = item["filters"]
        rows.append(row | {"note": item["note"], "relevant": item["relevant"]})
    proc = dict(data.get("split_procedure") or {})
    proc["added_to_dev"] = {**batches, name: [r["id"] for r in rows]}
    start, end = text.index(_PROC) + len(_PROC), text.index(_QUERIES)
    text = text[:start] + proc_text(proc) + text[end:]
    text = text[:-len(_END)] + "".join(",\n    " + json.dumps(r, ensure_ascii=False) for r in rows) + _END
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    try:
        load_queries(tmp)
    except JudgedSetError:
        tmp.unlink()
        raise
    tmp.replace(path)
    return len(rows)


def proc_text(proc: dict) -> str:
    """split_procedure as the file lays it out: seed and procedure on the first
    line, each other key on a line of its own."""
    def pair(k, v):
        return f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"

    head = ", ".join(pair(k, v) for k, v in proc.items() if k in ("seed", "procedure"))
    rest = [pair(k, v) for k, v in proc.items() if k not in ("seed", "procedure")]
    return "{" + ("," + _KEY_INDENT).join([head, *rest] if head else rest) + "}"


def _read(files: list[Path]) -> list:
    out: list = []
    for f in files:
        try:
            items = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise JudgedSetError(f"{f}: cannot read a JSON list of queries ({exc})") from None
        if not isinstance(items, list):
            raise JudgedSetError(f"{f}: expected a JSON list of queries")
        out += items
    return out


EPILOG = """exemples :
  repertoires judged check nouvelles.json      ce qui ne va pas dans ces requêtes (aucune existante montrée)
  repertoires judged add --batch 2026-12-04 nouvelles.json   les ajoute au lot dev sous ce nom"""


def main(argv: list[str] | None = None) -> int:
    p = ArgumentParser(prog="repertoires judged",
                       description="Vérifie un lot de nouvelles requêtes jugées, ou l'ajoute au lot dev. Outil de\n"
                                   "développement : ses messages sont en anglais, comme evaluation/README.md.",
                       epilog=EPILOG)
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION", title="actions ")
    c = sub.add_parser("check", help="ce qui ne va pas dans ces fichiers de requêtes (aucune requête existante "
                                     "n'est montrée)")
    c.add_argument("files", nargs="+", type=Path, metavar="FICHIER", help="lots à vérifier (JSON)")
    a = sub.add_parser("add", help="ajoute ces fichiers au lot dev sous un nom de lot")
    a.add_argument("--batch", required=True, metavar="NOM",
                   help="le nom du lot dans split_procedure.added_to_dev (sa date…)")
    a.add_argument("files", nargs="+", type=Path, metavar="FICHIER", help="lots à ajouter (JSON)")
    for s in (c, a):
        s.add_argument("--queries", type=Path, default=QUERIES_FILE, metavar="FICHIER",
                       help="requêtes jugées (par défaut evaluation/queries.json)")
    args = p.parse_args(argv)
    try:
        new = _read(args.files)
        existing = [q.__dict__ for q in load_queries(args.queries)]
        if args.action == "check":
            found = problems(new, existing, _known_ids())
            print("\n".join(found + [f"{len(new)} queries checked, {len(found)} problem(s)"]))
            return 1 if found else 0
        print(f"{add_batch(args.batch, new, args.queries)} queries added to dev as batch {args.batch!r}")
        return 0
    except JudgedSetError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _known_ids() -> set[str]:
    """The partnership ids of the parsed corpus (what judgments may name)."""
    from indexer.corpus import load_corpus

    return {p.id for p in load_corpus().partnerships}
