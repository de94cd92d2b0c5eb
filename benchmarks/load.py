"""A bounded HTTP load generator for loopback servers.

N client threads, each with one keep-alive connection, send the workload's
URLs round-robin until the request budget or the time budget is spent,
whichever comes first; then every thread stops on its own.
"""
from __future__ import annotations

import http.client
import threading
import time
from urllib.parse import urlsplit

from .stats import summary_ms


def _allowed(host: str) -> None:
    if not (host == "localhost" or host.startswith("127.") or host == "::1"):
        raise ValueError(f"the load generator only targets loopback, not {host!r}")


def run_load(base_url: str, paths: list[str], clients: int, max_requests: int, max_seconds: float,
             warmup: int = 0) -> dict:
    parts = urlsplit(base_url)
    _allowed(parts.hostname or "")
    lock = threading.Lock()
    budget = {"left": max_requests}
    latencies: list[float] = []
    errors: list[str] = []

    def take() -> bool:
        with lock:
            if budget["left"] <= 0:
                return False
            budget["left"] -= 1
            return True

    def client(idx: int, deadline: float, record: bool) -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        i = idx * 7
        local, errs = [], []
        while time.perf_counter() < deadline and (take() if record else len(local) < warmup):
            path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept": "application/json"})
                resp = conn.getresponse()
                resp.read()
                if resp.status != 200:
                    errs.append(f"HTTP {resp.status} {path}")
            except (OSError, http.client.HTTPException) as exc:
                errs.append(f"{type(exc).__name__} {path}")
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
            local.append(time.perf_counter() - t0)
        conn.close()
        if record:
            with lock:
                latencies.extend(local)
                errors.extend(errs)

    if warmup:
        ts = [threading.Thread(target=client, args=(i, time.perf_counter() + max_seconds, False))
              for i in range(min(clients, 4))]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
    start = time.perf_counter()
    deadline = start + max_seconds
    threads = [threading.Thread(target=client, args=(i, deadline, True), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(max_seconds + 60)
    elapsed = time.perf_counter() - start
    out = summary_ms(latencies)
    out.update(clients=clients, requests=len(latencies), seconds=elapsed,
               rps=len(latencies) / elapsed if elapsed else 0.0, errors=len(errors),
               error_examples=sorted(set(errors))[:3])
    return out
