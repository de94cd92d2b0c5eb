"""The load-test command itself works: a short run against the production
server on loopback answers every request (the 60-second run with 32 clients is
`repertoires loadtest`, documented in the README, not part of the suite)."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest

from repertoires.loadtest import free_port, run, wait_ready


def test_short_load_run_has_no_errors(index_dir, data_dir):
    report = run(clients=4, seconds=3, index_dir=index_dir, data_dir=data_dir, rebuild=False, threads=4)
    assert report["errors"] == 0, report["error_samples"]
    assert report["requests"] > 20
    assert report["check_totals"] and len(report["check_totals"]) == 1
    assert report["p50_ms"] <= report["p95_ms"] <= report["p99_ms"]


def test_a_server_that_exits_before_answering_is_said_at_once():
    """A server that could not start was waited for until the timeout (two minutes), silently."""
    dead = subprocess.Popen([sys.executable, "-c", "import sys; sys.exit(3)"])
    dead.wait(timeout=30)
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="exited with status 3 before answering"):
        wait_ready(free_port(), dead, timeout=60)
    assert time.monotonic() - started < 5
