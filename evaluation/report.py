"""Terminal, Markdown and JSON renderings of one evaluation run.

Every figure is given per split (dev, test) and per kind of query, ours
beside the FTS5 baseline. The JSON (docs/evaluation.json) is the one place
the figures are read back from, by the floor test.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .aggregate import ALL, Cell, breakdown, mean_of
from .judged import JudgedQuery
from .metrics import MEASURE_NAMES
from .uncertainty import LEVEL, Interval, bootstrap_interval

ROOT = Path(__file__).resolve().parent.parent
FIGURES_FILE = ROOT / "docs" / "evaluation.json"
SPLIT_ORDER = ("test", "dev", ALL)


@dataclass
class System:
    name: str
    per_query: dict[str, dict[str, float]]
    overall: dict[str, float]
    rankings: dict[str, list[str]]


def ratio(ours: float, base: float) -> str:
    return f"{ours / base:.2f}×" if base else "n/a"


def losses(queries: list[JudgedQuery], ours: System, base: System, n: int = 10
           ) -> list[tuple[JudgedQuery, float, float]]:
    """Queries where we lose most: lowest nDCG@10, ties broken by the baseline's lead."""
    rows = [(q, ours.per_query[q.id]["nDCG@10"], base.per_query[q.id]["nDCG@10"]) for q in queries]
    rows.sort(key=lambda r: (r[1], r[1] - r[2], r[0].id))
    return [r for r in rows if r[1] < 1.0][:n]


def loss_candidates(queries: list[JudgedQuery]) -> list[JudgedQuery]:
    """The queries whose misses are listed with our top results: those already tuned on. The
    others (batches never tuned on) are how the next change is validated; once their misses
    are read, a change would be fitted to them. A set with nothing tuned on shows every query."""
    tuned = [q for q in queries if q.tuned]
    return tuned or queries


def _among(queries: list[JudgedQuery]) -> str:
    left = len(queries) - len(loss_candidates(queries))
    return f", among the queries tuned on ({left} never tuned on left out)" if left else ""


def _splits(queries: list[JudgedQuery]) -> list[str]:
    present = {q.split for q in queries}
    return [s for s in SPLIT_ORDER if s in present or (s == ALL and len(present) > 1)]


def _of_split(queries: list[JudgedQuery], split: str) -> list[JudgedQuery]:
    return queries if split == ALL else [q for q in queries if q.split == split]


def _label(split: str, qs: list[JudgedQuery]) -> str:
    tuned = sum(q.tuned for q in qs)
    extra = f", {tuned} of them tuned on" if tuned else ""
    return f"{'all splits' if split == ALL else split} ({len(qs)} queries{extra})"


def _subsets(split: str, qs: list[JudgedQuery]) -> list[tuple[str, list[JudgedQuery]]]:
    """Parts of a split that say how much tuning flatters it: the split without
    the queries tuned on, and the queries written after the split (fresh for
    whoever tunes next)."""
    if split == ALL:
        return []
    parts = [("without the tuned-on queries", [q for q in qs if not q.tuned]),
             ("written after the split", [q for q in qs if q.added])]
    batches = list(dict.fromkeys(q.added for q in qs if q.added))
    if len(batches) > 1:  # each batch apart: the last one is what the tuning before it never saw
        for b in batches:
            sub = [q for q in qs if q.added == b]
            since = " (tuned on since)" if all(q.tuned for q in sub) else ""
            parts.append((f"written after the split, {b}{since}", sub))
    return [(label, sub) for label, sub in parts if 0 < len(sub) < len(qs)]


def describe(q: JudgedQuery) -> str:
    """The query as run: text, plus type and filters when set."""
    parts = [q.q]
    if q.type != "partnership":
        parts.append(f"[type={q.type}]")
    for name, values in q.filters.items():
        parts.append(f"[{name}={'|'.join(str(v) for v in values)}]")
    return " ".join(parts)


def _pair(a: Cell, b: Cell, m: str) -> str:
    return f"{a.means[m]:.3f} / {b.means[m]:.3f}"


def interval(qs: list[JudgedQuery], system: System, measure: str = "nDCG@10") -> Interval:
    """The bootstrap interval of `system`'s mean `measure` over `qs`."""
    return bootstrap_interval([system.per_query[q.id][measure] for q in qs])


def kind_intervals(split: str) -> bool:
    """Whether a split's kinds get an interval: not test's. A kind of three to
    five queries has its worst query's figure as the interval's low end, and
    test is reported by kind only, never query by query."""
    return split != "test"


INTERVAL_NOTE = (f"{LEVEL:.0%} bootstrap interval of our nDCG@10 over the queries (evaluation/uncertainty.py): "
                 "where the mean would likely fall on another draw of queries like these")


def shown_per_query(queries: list[JudgedQuery]) -> list[JudgedQuery]:
    """The queries whose own figures are printed and written: dev only. Test is
    reported by split and kind; a test query's own result, once seen, would be
    tuned on by the next person changing the ranking."""
    return [q for q in queries if q.split != "test"]


# -- terminal -------------------------------------------------------------------
def text_report(queries: list[JudgedQuery], ours: System, base: System) -> str:
    names = list(MEASURE_NAMES)
    ob = breakdown(queries, ours.per_query, names)
    bb = breakdown(queries, base.per_query, names)
    out = [f"{'query':<46} {'split':<5} " + " ".join(f"{n:>15}" for n in names),
           f"{'':<46} {'':<5} " + " ".join(f"{'ours / FTS5':>15}" for _ in names)]
    for q in shown_per_query(queries):
        a, b = ours.per_query[q.id], base.per_query[q.id]
        out.append(f"{describe(q)[:46]:<46} {q.split:<5} " + " ".join(f"{a[n]:>7.3f} /{b[n]:>6.3f}" for n in names))
    if len(shown_per_query(queries)) < len(queries):
        out.append("(test queries: figures by split and kind only, below)")
    for split in _splits(queries):
        qs = _of_split(queries, split)
        o, b = ob[split], bb[split]
        out += ["", f"== {_label(split, qs)}: ours / FTS5 (ratio)"]
        for n in names:
            out.append(f"  {n:<8} {o[ALL].means[n]:.4f} / {b[ALL].means[n]:.4f}  "
                       f"({ratio(o[ALL].means[n], b[ALL].means[n])})")
        out.append(f"  nDCG@10 {LEVEL:.0%} interval (ours): {interval(qs, ours).text()}")
        for label, sub in _subsets(split, qs):
            c, d = mean_of(sub, ours.per_query, names), mean_of(sub, base.per_query, names)
            out.append(f"  {label} ({len(sub)}): nDCG@10 {_pair(c, d, 'nDCG@10')} "
                       f"({ratio(c.means['nDCG@10'], d.means['nDCG@10'])})")
        out.append(f"  {'kind':<13} {'n':>3}  " + "  ".join(f"{n:>13}" for n in names) + "  nDCG ratio"
                   + ("  nDCG interval" if kind_intervals(split) else ""))
        for kind in (k for k in o if k != ALL):
            shown = f"  {interval([q for q in qs if q.kind == kind], ours).text():>13}" if kind_intervals(split) else ""
            out.append(f"  {kind:<13} {o[kind].n:>3}  " + "  ".join(f"{_pair(o[kind], b[kind], n):>13}" for n in names)
                       + f"  {ratio(o[kind].means['nDCG@10'], b[kind].means['nDCG@10']):>9}" + shown)
    for split in (s for s in _splits(queries) if s not in (ALL, "test")):
        out += ["", (f"Queries that lose most in {split}{_among(_of_split(queries, split))} "
                    "(nDCG@10 ours / FTS5; our top 3):")]
        for q, a, b in losses(loss_candidates(_of_split(queries, split)), ours, base):
            top = ", ".join(ours.rankings.get(q.id, [])[:3]) or "(no result)"
            out.append(f"  {a:.3f} / {b:.3f}  {describe(q)!r}: {top}")
    return "\n".join(out)


# -- JSON -----------------------------------------------------------------------
def figures(queries: list[JudgedQuery], ours: System, base: System, meta: dict) -> dict:
    """The figures per split and kind, as docs/evaluation.json holds them."""
    names = list(MEASURE_NAMES)
    ob = breakdown(queries, ours.per_query, names)
    bb = breakdown(queries, base.per_query, names)

    def cell(split, kind):
        out = {"n": ob[split][kind].n, "ours": _rounded(ob[split][kind].means),
               "FTS5": _rounded(bb[split][kind].means)}
        if kind == ALL or kind_intervals(split):
            qs = [q for q in _of_split(queries, split) if kind == ALL or q.kind == kind]
            iv = interval(qs, ours)
            out["ours_nDCG@10_interval"] = [round(iv.low, 4), round(iv.high, 4)]
        return out

    splits = {}
    for split in ob:
        entry = cell(split, ALL)
        entry["kinds"] = {k: cell(split, k) for k in ob[split] if k != ALL}
        splits[split] = entry
    return {"written_by": "repertoires eval (evaluation/report.py); do not edit by hand",
            "index_version": meta.get("index_version"), "queries": len(queries), "interval": INTERVAL_NOTE,
            "splits": splits}


def _rounded(means: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 4) for k, v in means.items()}


def write_figures(data: dict, path: Path = FIGURES_FILE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def read_figures(path: Path = FIGURES_FILE) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


# -- Markdown -------------------------------------------------------------------
def markdown_report(queries: list[JudgedQuery], ours: System, base: System, meta: dict) -> str:
    names = list(MEASURE_NAMES)
    ob = breakdown(queries, ours.per_query, names)
    bb = breakdown(queries, base.per_query, names)
    n_tuned = sum(q.tuned for q in queries)
    md = ["# Evaluation of the ranking", "",
          ("Written by `repertoires eval` (do not edit by hand; rerun the command). The same figures are in "
           "`docs/evaluation.json`."), "",
          "```",
          "pip install -e '.[test]'          # ir-measures",
          "repertoires eval                  # builds the index if missing or outdated, prints, writes this file",
          "repertoires eval --split dev      # only the dev queries (tuning); prints, writes nothing",
          "repertoires eval --index DIR --no-report",
          "```", "",
          ("**Read the test split.** The queries are split once into dev (tuning) and test (reporting only), "
           "at random with a fixed seed (`evaluation/README.md`). The ranking is tuned on dev only: on the first "
           "queries, then, for the ranking profile (issue 12), on the whole dev split, and since on batches written "
           f"after the split ({n_tuned} dev queries in all count as tuned on; the line \"without the tuned-on "
           "queries\" shows how much that flatters dev, and each batch's line says whether it was tuned on since "
           "it was first measured). The dev figures overstate quality on "
           "unseen queries; test is the figure to read. No ranking change has looked at test, and test results "
           "are written by kind only (no per-query test figures here or on the terminal)."), "",
          ("`tests/test_evaluation.py` fails when the test-split nDCG@10 drops more than 0.01 below the figure "
           "written here."), "",
          f"- Queries: {len(queries)} judged queries in `evaluation/queries.json` ("
          + ", ".join(f"{s} {len(_of_split(queries, s))}" for s in _splits(queries) if s != ALL)
          + f"), {sum(len(q.relevant) for q in queries)} judgments "
          f"({sum(1 for q in queries for g in q.relevant.values() if g == 2)} graded 2, "
          f"{sum(1 for q in queries for g in q.relevant.values() if g == 1)} graded 1).",
          (f"- Index: {meta.get('index_version')} ({meta.get('partnerships')} partnerships, "
           f"{meta.get('actions')} actions)."),
          (f"- Measures: {', '.join(names)}, computed by ir-measures {meta.get('ir_measures')} over the top "
           f"{meta.get('depth')} partnerships of each system; a query with no result scores 0. Queries with "
           f"`type=action` list actions: the first {meta.get('action_depth')} action hits are mapped to their "
           "partnerships (first occurrence kept) and the first 10 distinct partnerships are scored. A filtered "
           "listing of partnerships with fewer than 10 results is read on into its `completions`, as the "
           "page lists them after the results (engine/completions.py)."),
          f"- Baseline: {meta.get('baseline')}.", ""]
    for split in _splits(queries):
        qs = _of_split(queries, split)
        o, b = ob[split], bb[split]
        md += [f"## {_label(split, qs).capitalize()}", "",
               "| measure | ours | SQLite FTS5 | ratio |", "|---|---:|---:|---:|"]
        for n in names:
            md.append(f"| {n} | {o[ALL].means[n]:.4f} | {b[ALL].means[n]:.4f} "
                      f"| {ratio(o[ALL].means[n], b[ALL].means[n])} |")
        md += ["", f"nDCG@10 {interval(qs, ours).text()}: the {INTERVAL_NOTE}."]
        for label, sub in _subsets(split, qs):
            c, d = mean_of(sub, ours.per_query, names), mean_of(sub, base.per_query, names)
            md += ["", (f"{label.capitalize()} ({len(sub)} queries): nDCG@10 "
                        f"{c.means['nDCG@10']:.4f} (FTS5 {d.means['nDCG@10']:.4f}, "
                        f"{ratio(c.means['nDCG@10'], d.means['nDCG@10'])}).")]
        per_kind = kind_intervals(split)
        md += ["", "By kind of query (ours / FTS5):", "",
               "| kind | queries | " + " | ".join(names) + " | nDCG@10 ratio |"
               + (f" nDCG@10 {LEVEL:.0%} interval |" if per_kind else ""),
               "|---|---:|" + "---:|" * len(names) + "---:|" + ("---:|" if per_kind else "")]
        for kind in (k for k in o if k != ALL):
            shown = f" {interval([q for q in qs if q.kind == kind], ours).text()} |" if per_kind else ""
            md.append(f"| {kind} | {o[kind].n} | " + " | ".join(_pair(o[kind], b[kind], n) for n in names)
                      + f" | {ratio(o[kind].means['nDCG@10'], b[kind].means['nDCG@10'])} |" + shown)
        if not per_kind:
            md += ["", ("No interval per kind here: a kind of a few queries has its worst query's figure as the "
                        "interval's low end, and test is never reported query by query.")]
        md.append("")
    for split in (s for s in _splits(queries) if s not in (ALL, "test")):
        md += [f"## Queries that lose most ({split})", "",
               (f"Lowest nDCG@10 first{_among(_of_split(queries, split))}; the first three partnerships "
               "we return are shown."), "",
               "| query | nDCG@10 ours | FTS5 | our top 3 |", "|---|---:|---:|---|"]
        for q, a, b in losses(loss_candidates(_of_split(queries, split)), ours, base):
            top = ", ".join(f"`{x}`" for x in ours.rankings.get(q.id, [])[:3]) or "(no result)"
            md.append(f"| `{describe(q)}` | {a:.3f} | {b:.3f} | {top} |")
        md.append("")
    md += ["## Per query (dev)", "",
           ("Dev queries only: the test split is reported by kind above and never query by query, so that "
            "the next ranking change cannot be tuned on it."), "",
           "| id | query | kind | split | " + " | ".join(f"{n} ours / FTS5" for n in names) + " |",
           "|---|---|---|---|" + "---:|" * len(names)]
    for q in shown_per_query(queries):
        a, b = ours.per_query[q.id], base.per_query[q.id]
        md.append(f"| {q.id} | `{describe(q)}` | {q.kind} | {q.split} | "
                  + " | ".join(f"{a[n]:.3f} / {b[n]:.3f}" for n in names) + " |")
    md += ["", "## How the set was judged", "",
           ("Each query is something a user of the repertoires would type: a place with a topic, a collectivity's "
            "name, an acronym, a misspelling, a word without its accents, a year, a question, a long query, a query "
            "on actions, a query with facet filters, a topic. Its relevant partnerships were found by reading the "
            "five source documents in `data/` (regular expressions, then the matching sheets, list lines and annex "
            "tables), with partnership ids from `repertoires export`; the engine's results were never consulted. "
            "The grading rules are written at the top of `evaluation/queries.json` (what 2 and 1 mean, how a region "
            "includes its cercles and communes, how action and filtered queries are judged); each query's `note` "
            "says what was counted."), ""]
    return "\n".join(md)
