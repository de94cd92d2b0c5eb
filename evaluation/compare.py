"""What a change moved, query by query, on the dev split: `repertoires eval --split dev --save
FILE` before it, `--against FILE` after. Split into the queries tuned on and the others, by kind and
by batch written after the split, so that a change can be kept only when it lowers no untuned query
(evaluation/README.md). Dev only: the test split is never shown query by query."""
from __future__ import annotations

import json
from pathlib import Path

from .judged import JudgedQuery

MEASURE = "nDCG@10"
EPSILON = 1e-5  # a saved run keeps six decimals


def save_run(path: Path, per_query: dict[str, dict[str, float]]) -> None:
    """Each query's nDCG@10, for a later `--against`."""
    path.write_text(json.dumps({"measure": MEASURE, "queries": {q: round(m[MEASURE], 6) for q, m in
                                                                 sorted(per_query.items())}}, indent=1) + "\n",
                    encoding="utf-8")


def load_run(path: Path) -> dict[str, float]:
    """A saved run; ValueError saying what is wrong with the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(k): float(v) for k, v in data["queries"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{path}: not a run saved by `repertoires eval --save` ({exc})") from None


def _mean(values: list[float]) -> str:
    return f"{sum(values) / len(values):.4f}" if values else "-"


def _line(label: str, queries: list[JudgedQuery], before: dict[str, float], after: dict[str, float]) -> str:
    return (f"{label} ({len(queries)}): {_mean([before[q.id] for q in queries])} -> "
            f"{_mean([after[q.id] for q in queries])}")


def comparison(queries: list[JudgedQuery], before: dict[str, float], after: dict[str, float]) -> str:
    """The text `--against` prints: the dev and untuned means, each kind's, each untuned batch that
    moved, then every query that moved (U: never tuned on, T: tuned on), the largest drop first."""
    both = [q for q in queries if q.id in before and q.id in after]
    untuned = [q for q in both if not q.tuned]
    out = [_line("dev", both, before, after), _line("  never tuned on", untuned, before, after)]
    for kind in sorted({q.kind for q in both}):
        for tuned, label in ((False, "untuned"), (True, "tuned")):
            group = [q for q in both if q.kind == kind and q.tuned == tuned]
            if group:
                out.append(_line(f"  {kind}, {label}", group, before, after))
    batches: dict[str, list[JudgedQuery]] = {}
    for q in untuned:
        batches.setdefault(q.added or "split", []).append(q)
    for name, group in sorted(batches.items()):
        if any(abs(after[q.id] - before[q.id]) > EPSILON for q in group):
            out.append(_line(f"  batch {name}", group, before, after))
    moved = sorted((q for q in both if abs(after[q.id] - before[q.id]) > EPSILON),
                   key=lambda q: after[q.id] - before[q.id])
    out.append(f"{len(moved)} queries moved" + (":" if moved else ""))
    for q in moved:
        where = " ".join(f"[{k}={','.join(map(str, v))}]" for k, v in sorted(q.filters.items()))
        kind = f"{q.kind}{', action' if q.type == 'action' else ''}"
        out.append(f"  {'T' if q.tuned else 'U'} {after[q.id] - before[q.id]:+.3f} {before[q.id]:.3f} -> "
                   f"{after[q.id]:.3f} [{kind}] {q.q!r} {where}".rstrip())
    missing = len(queries) - len(both)
    if missing:
        out.append(f"({missing} queries not in both runs left out)")
    return "\n".join(out)


def batch_classes(queries: list[JudgedQuery], ours: dict[str, float], base: dict[str, float], name: str) -> str:
    """One batch written after the split, by kind: how many queries, ours / FTS5 (`--batch NAME`, the
    figures a closing note gives for a batch just measured). `name` is the batch's name or its end
    (`fiftieth batch`); ValueError when no batch or several answer to it."""
    names = sorted({q.added for q in queries if q.added and (q.added == name or q.added.endswith(name))})
    if len(names) != 1:
        raise ValueError(f"batch {name!r}: " + (f"several match ({'; '.join(names)})" if names else "none matches"))
    group = [q for q in queries if q.added == names[0] and q.id in ours and q.id in base]
    rows = [("all", group)] + [(kind, [q for q in group if q.kind == kind]) for kind in sorted({q.kind for q in group})]
    out = [f"batch {names[0]} ({len(group)}), {MEASURE} ours / FTS5:"]
    for label, qs in rows:
        out.append(f"  {label:<12} {len(qs):>3}  {_mean([ours[q.id] for q in qs])} / {_mean([base[q.id] for q in qs])}")
    return "\n".join(out)
