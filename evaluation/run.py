"""`repertoires eval`: run the judged queries through the engine and the FTS5
baseline, print the measures, and write docs/evaluation.md."""
from __future__ import annotations

import argparse
import sys
import time
from importlib import metadata
from pathlib import Path

from .fts_baseline import TOKENIZER, FtsBaseline
from .judged import QUERIES_FILE, JudgedQuery, load_queries, unknown_ids
from .metrics import DEPTH, score_runs
from .report import System, markdown_report, text_report

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REPORT = ROOT / "docs" / "evaluation.md"


def engine_rankings(engine, queries: list[JudgedQuery], depth: int = DEPTH) -> dict[str, list[str]]:
    """Each query's partnership ids as the search page would list them."""
    from engine import SearchRequest

    out = {}
    for q in queries:
        r = engine.search(SearchRequest(q=q.q, per_page=depth, facets=False, snippets=False))
        out[q.id] = [hit["id"] for hit in r["results"]]
    return out


def baseline_for(engine) -> FtsBaseline:
    st = engine.state()
    return FtsBaseline(st.partnerships.values(), st.actions.values())


def baseline_rankings(baseline: FtsBaseline, queries: list[JudgedQuery], depth: int = DEPTH) -> dict[str, list[str]]:
    return {q.id: baseline.search(q.q, depth) for q in queries}


def evaluate(engine, queries: list[JudgedQuery]) -> tuple[System, System]:
    """Both systems scored on the same judgments."""
    judgments = {q.id: q.relevant for q in queries}
    ours_rank = engine_rankings(engine, queries)
    base_rank = baseline_rankings(baseline_for(engine), queries)
    ours = System("ours", *score_runs(judgments, ours_rank), ours_rank)
    base = System("FTS5", *score_runs(judgments, base_rank), base_rank)
    return ours, base


def main(argv: list[str] | None = None) -> int:
    from indexer.corpus import DEFAULT_DATA_DIR
    from indexer.store import DEFAULT_INDEX_DIR

    p = argparse.ArgumentParser(prog="repertoires eval",
                                description="Measure ranking quality (nDCG@10, MRR, recall@10, P@5) on the judged "
                                            "queries, against a plain SQLite FTS5 baseline, and write docs/evaluation.md.")
    p.add_argument("--index", type=Path, default=DEFAULT_INDEX_DIR, metavar="DIR",
                   help="index to evaluate (built first when missing or outdated)")
    p.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, metavar="DIR")
    p.add_argument("--queries", type=Path, default=QUERIES_FILE, metavar="FILE")
    p.add_argument("--report", type=Path, default=DEFAULT_REPORT, metavar="FILE",
                   help="Markdown report to write (default docs/evaluation.md)")
    p.add_argument("--no-report", action="store_true", help="print only")
    args = p.parse_args(argv)

    from engine import Engine
    from indexer.build import BuildError
    from indexer.freshness import ensure_index

    try:
        built = ensure_index(args.data, args.index,
                             on_rebuild=lambda why: print(f"{why} — building the index now…", file=sys.stderr))
    except BuildError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if built is not None:
        print(f"Index built in {built.seconds:.1f} s: {len(built.corpus.partnerships)} partnerships, "
              f"{len(built.corpus.actions)} actions", file=sys.stderr)
    engine = Engine(args.index)
    queries = load_queries(args.queries)
    st = engine.state()
    missing = unknown_ids(queries, set(st.partnerships))
    for qid, ids in missing.items():
        print(f"warning: query {qid}: judged ids not in the index: {', '.join(ids)}", file=sys.stderr)

    started = time.perf_counter()
    ours, base = evaluate(engine, queries)
    print(text_report(queries, ours, base))
    print(f"\n({len(queries)} queries in {time.perf_counter() - started:.1f} s)")
    if not args.no_report:
        meta = {"index_version": st.version, "partnerships": len(st.partnerships), "actions": len(st.actions),
                "ir_measures": metadata.version("ir-measures"), "depth": DEPTH,
                "baseline": f"SQLite {__import__('sqlite3').sqlite_version} FTS5, one row per partnership "
                            f"(its sheet's raw text), tokenizer `{TOKENIZER}`, bm25, words ANDed with an "
                            "any-word fallback when nothing matches"}
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(markdown_report(queries, ours, base, meta), encoding="utf-8")
        print(f"wrote {args.report}")
    return 0 if not missing else 2
