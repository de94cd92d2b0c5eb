"""The load-test command itself works: a short run against the production
server on loopback answers every request (the 60-second run with 32 clients is
`repertoires loadtest`, documented in the README, not part of the suite)."""
from __future__ import annotations

from repertoires.loadtest import run


def test_short_load_run_has_no_errors(index_dir, data_dir):
    report = run(clients=4, seconds=3, index_dir=index_dir, data_dir=data_dir, rebuild=False, threads=4)
    assert report["errors"] == 0, report["error_samples"]
    assert report["requests"] > 20
    assert report["check_totals"] and len(report["check_totals"]) == 1
    assert report["p50_ms"] <= report["p95_ms"] <= report["p99_ms"]
