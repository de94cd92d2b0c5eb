"""Terminal and Markdown renderings of one evaluation run."""
from __future__ import annotations

from dataclasses import dataclass

from .judged import JudgedQuery
from .metrics import MEASURES


@dataclass
class System:
    name: str
    per_query: dict[str, dict[str, float]]
    overall: dict[str, float]
    rankings: dict[str, list[str]]


def ratio(ours: float, base: float) -> str:
    return f"{ours / base:.2f}×" if base else "n/a"


def losses(queries: list[JudgedQuery], ours: System, base: System, n: int = 10) -> list[tuple[JudgedQuery, float, float]]:
    """Queries where we lose most: lowest nDCG@10, ties broken by the baseline's lead."""
    rows = [(q, ours.per_query[q.id]["nDCG@10"], base.per_query[q.id]["nDCG@10"]) for q in queries]
    rows.sort(key=lambda r: (r[1], r[1] - r[2], r[0].id))
    return [r for r in rows if r[1] < 1.0][:n]


def by_kind(queries: list[JudgedQuery], system: System) -> dict[str, tuple[int, float]]:
    kinds: dict[str, list[float]] = {}
    for q in queries:
        kinds.setdefault(q.kind, []).append(system.per_query[q.id]["nDCG@10"])
    return {k: (len(v), sum(v) / len(v)) for k, v in kinds.items()}


def text_report(queries: list[JudgedQuery], ours: System, base: System) -> str:
    names = list(MEASURES)
    out = []
    head = f"{'query':<42} " + " ".join(f"{n:>15}" for n in names)
    out.append(head)
    out.append(f"{'':<42} " + " ".join(f"{'ours / base':>15}" for _ in names))
    for q in queries:
        a, b = ours.per_query[q.id], base.per_query[q.id]
        cells = " ".join(f"{a[n]:>7.3f} /{b[n]:>6.3f}" for n in names)
        out.append(f"{q.q[:42]:<42} {cells}")
    out.append("")
    out.append(f"Overall over {len(queries)} queries:")
    for n in names:
        out.append(f"  {n:<8} {ours.name}: {ours.overall[n]:.4f}   {base.name}: {base.overall[n]:.4f}   "
                   f"ratio {ratio(ours.overall[n], base.overall[n])}")
    out.append("")
    out.append("nDCG@10 by kind of query (ours / baseline):")
    ok, bk = by_kind(queries, ours), by_kind(queries, base)
    for k in ok:
        out.append(f"  {k:<14} {ok[k][0]:>3} queries  {ok[k][1]:.3f} / {bk[k][1]:.3f}")
    out.append("")
    out.append("Queries that lose most (nDCG@10 ours / baseline; top results of ours):")
    for q, a, b in losses(queries, ours, base):
        top = ", ".join(ours.rankings.get(q.id, [])[:3]) or "(no result)"
        out.append(f"  {a:.3f} / {b:.3f}  {q.q!r}: {top}")
    return "\n".join(out)


def markdown_report(queries: list[JudgedQuery], ours: System, base: System, meta: dict) -> str:
    names = list(MEASURES)
    md = ["# Evaluation of the ranking", "",
          "Written by `repertoires eval` (do not edit by hand; rerun the command).", "",
          "```",
          "pip install -e '.[test]'          # ir-measures",
          "repertoires eval                  # builds the index if missing or outdated, prints, writes this file",
          "repertoires eval --index DIR --no-report",
          "```", "",
          "`tests/test_evaluation.py` fails when the overall nDCG@10 drops below its floor.", "",
          f"- Queries: {len(queries)} judged queries in `evaluation/queries.json`, "
          f"{sum(len(q.relevant) for q in queries)} judgments "
          f"({sum(1 for q in queries for g in q.relevant.values() if g == 2)} graded 2, "
          f"{sum(1 for q in queries for g in q.relevant.values() if g == 1)} graded 1).",
          f"- Index: {meta.get('index_version')} ({meta.get('partnerships')} partnerships, {meta.get('actions')} actions).",
          f"- Measures: {', '.join(names)} at the cut-offs shown, computed by ir-measures "
          f"{meta.get('ir_measures')} over the top {meta.get('depth')} partnerships of each system; "
          "a query with no result scores 0.",
          f"- Baseline: {meta.get('baseline')}.",
          "", "## Overall", "",
          "| measure | ours | SQLite FTS5 baseline | ratio |", "|---|---:|---:|---:|"]
    for n in names:
        md.append(f"| {n} | {ours.overall[n]:.4f} | {base.overall[n]:.4f} | {ratio(ours.overall[n], base.overall[n])} |")
    md += ["", "## By kind of query (nDCG@10)", "", "| kind | queries | ours | baseline |", "|---|---:|---:|---:|"]
    ok, bk = by_kind(queries, ours), by_kind(queries, base)
    for k in ok:
        md.append(f"| {k} | {ok[k][0]} | {ok[k][1]:.3f} | {bk[k][1]:.3f} |")
    md += ["", "## Queries that lose most", "",
           "Lowest nDCG@10 first; the first three partnerships we return are shown.", "",
           "| query | nDCG@10 ours | baseline | our top 3 |", "|---|---:|---:|---|"]
    for q, a, b in losses(queries, ours, base):
        top = ", ".join(f"`{x}`" for x in ours.rankings.get(q.id, [])[:3]) or "(no result)"
        md.append(f"| `{q.q}` | {a:.3f} | {b:.3f} | {top} |")
    md += ["", "## Per query", "", "| id | query | kind | " + " | ".join(f"{n} ours / base" for n in names) + " |",
           "|---|---|---|" + "---:|" * len(names)]
    for q in queries:
        a, b = ours.per_query[q.id], base.per_query[q.id]
        md.append(f"| {q.id} | `{q.q}` | {q.kind} | " + " | ".join(f"{a[n]:.3f} / {b[n]:.3f}" for n in names) + " |")
    md += ["", "## How the set was judged", "",
           "Each query is something a user of the repertoires would type: a place with a domain, a "
           "collectivity's name, an acronym, a misspelling, a word without its accents, a year, a question. "
           "Its relevant partnerships were found by searching the five source documents in `data/` with "
           "regular expressions and reading the matching sheets, list lines and annex tables, then taking "
           "the partnership ids from `repertoires export`; the engine's results were never consulted. "
           "Grade 2 is what the user wants (the partnership itself, or one with actions squarely on the "
           "subject in the place asked); grade 1 is useful (the subject in passing, as a perspective, or "
           "the surrounding region). Each query's `note` in the JSON says what was counted.", "",
           "Caveat: once ranking parameters are tuned on these very queries, the figures above overstate "
           "quality on unseen queries; when tuning, hold some queries out (or add new ones) and compare on those.", ""]
    return "\n".join(md)
