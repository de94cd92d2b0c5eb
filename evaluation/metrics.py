"""nDCG@10, MRR, recall@10 and P@5 through ir-measures (pytrec_eval underneath).

Runs are handed over as ranks turned into strictly decreasing scores, so the
library cannot reorder ties differently from the ranking being measured.
A query that returned nothing scores 0 on every measure (the libraries
silently drop it, which would flatter the mean).
"""
from __future__ import annotations

import ir_measures
from ir_measures import RR, R, P, nDCG

MEASURES = {"nDCG@10": nDCG @ 10, "MRR": RR, "R@10": R @ 10, "P@5": P @ 5}
DEPTH = 10  # results fetched per query: every measure stops at 10


def score_runs(judgments: dict[str, dict[str, int]], rankings: dict[str, list[str]]
               ) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Per-query values and their means over every judged query."""
    qrels = [ir_measures.Qrel(qid, doc, grade) for qid, rel in judgments.items() for doc, grade in rel.items()]
    run = [ir_measures.ScoredDoc(qid, doc, float(len(ranked) - i))
           for qid, ranked in rankings.items() for i, doc in enumerate(ranked)]
    per_query = {qid: {name: 0.0 for name in MEASURES} for qid in judgments}
    by_measure = {m: name for name, m in MEASURES.items()}
    for metric in ir_measures.iter_calc(list(MEASURES.values()), qrels, run):
        if metric.query_id in per_query:
            per_query[metric.query_id][by_measure[metric.measure]] = float(metric.value)
    n = max(1, len(per_query))
    overall = {name: sum(v[name] for v in per_query.values()) / n for name in MEASURES}
    return per_query, overall
