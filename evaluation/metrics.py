"""nDCG@10, MRR, recall@10 and P@5 through ir-measures (pytrec_eval underneath).

Runs are handed over as ranks turned into strictly decreasing scores, so the
library cannot reorder ties differently from the ranking being measured.
A query that returned nothing scores 0 on every measure (the libraries
silently drop it, which would flatter the mean).

ir-measures is imported when scores are computed, not when this module is:
it lives in the test and bench extras, and `repertoires eval` says so in one
line when it is missing (see `require_ir_measures`).
"""
from __future__ import annotations

MEASURE_NAMES = ("nDCG@10", "MRR", "R@10", "P@5")
DEPTH = 10  # partnerships kept per query: every measure stops at 10
MISSING = ("repertoires eval needs the ir-measures package, in the test and bench extras: "
           "pip install -e '.[test]'")


class MissingDependency(RuntimeError):
    pass


def require_ir_measures():
    """The ir_measures module, or MissingDependency with a one-line message."""
    try:
        import ir_measures
    except ImportError:
        raise MissingDependency(MISSING) from None
    return ir_measures


def _measures() -> dict:
    from ir_measures import RR, P, R, nDCG

    return dict(zip(MEASURE_NAMES, (nDCG @ 10, RR, R @ 10, P @ 5), strict=True))


def score_runs(judgments: dict[str, dict[str, int]], rankings: dict[str, list[str]]
               ) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Per-query values and their means over every judged query."""
    ir_measures = require_ir_measures()
    measures = _measures()
    qrels = [ir_measures.Qrel(qid, doc, grade) for qid, rel in judgments.items() for doc, grade in rel.items()]
    run = [ir_measures.ScoredDoc(qid, doc, float(len(ranked) - i))
           for qid, ranked in rankings.items() for i, doc in enumerate(ranked)]
    per_query = {qid: {name: 0.0 for name in measures} for qid in judgments}
    by_measure = {m: name for name, m in measures.items()}
    for metric in ir_measures.iter_calc(list(measures.values()), qrels, run):
        if metric.query_id in per_query:
            per_query[metric.query_id][by_measure[metric.measure]] = float(metric.value)
    n = max(1, len(per_query))
    overall = {name: sum(v[name] for v in per_query.values()) / n for name in measures}
    return per_query, overall
