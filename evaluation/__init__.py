"""Ranking quality, measured: a judged query set, the engine and a plain
SQLite FTS5 baseline run side by side, scored with ir-measures.

`repertoires eval` (evaluation.run.main) prints the figures and writes
docs/evaluation.md; tests/test_evaluation.py keeps a floor under nDCG@10.
"""
