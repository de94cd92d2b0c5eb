"""indexer.parallel: the build's work on the second core, and what it does
in the parent while the last item is worked on."""
from __future__ import annotations

import os
import time

import pytest

from indexer import parallel
from indexer.parallel import parallel_map


def _slow_square(marker: str, n: int) -> tuple[int, int, bool]:
    """n*n; item 0 (the longest) waits for `marker` to appear, up to 10 s."""
    seen = False
    if n == 0 and marker:
        deadline = time.monotonic() + 10
        while not (seen := os.path.exists(marker)) and time.monotonic() < deadline:
            time.sleep(0.01)
    return n * n, os.getpid(), seen


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork and two cores")
def test_when_idle_runs_in_the_parent_while_the_last_item_is_worked_on(tmp_path):
    marker = tmp_path / "idle"
    ran_in: list[int] = []

    def when_idle() -> None:
        ran_in.append(os.getpid())
        marker.touch()

    out = parallel_map(_slow_square, [0, 1, 2, 3], str(marker), when_idle=when_idle)
    assert [n for n, _, _ in out] == [0, 1, 4, 9]  # results in the items' order
    assert os.getpid() not in {pid for _, pid, _ in out}  # worked on elsewhere
    assert ran_in == [os.getpid()]
    assert out[0][2]  # item 0 saw it: when_idle ran while item 0 was being worked on


def test_when_idle_is_not_run_inline_and_its_failure_changes_nothing(monkeypatch):
    called = []
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    assert parallel_map(_slow_square, [1, 2], "", when_idle=lambda: called.append(1)) == \
        [(1, os.getpid(), False), (4, os.getpid(), False)]
    assert called == []


@pytest.mark.skipif(not parallel.can_fork(), reason="needs fork and two cores")
def test_a_failing_when_idle_leaves_the_results():
    def fail() -> None:
        raise RuntimeError("warming failed")

    assert [n for n, _, _ in parallel_map(_slow_square, [0, 3], "", when_idle=fail)] == [0, 9]
