"""Ranking quality, measured: a judged query set split into dev and test, the
engine and a plain SQLite FTS5 baseline run side by side, scored with ir-measures.

`repertoires eval` (evaluation.run.main) prints the figures per split and per
kind of query and writes docs/evaluation.md and docs/evaluation.json;
tests/test_evaluation.py keeps the test-split nDCG@10 within 0.01 of the latter.
"""
