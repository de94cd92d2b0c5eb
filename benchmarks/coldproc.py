"""One system asked the cold workload in a fresh process: opened, then each
request once, in order, with our caches off.

    python -m benchmarks.coldproc ours INDEX_DIR REQUESTS.json
    python -m benchmarks.coldproc sqlite|tantivy PEERS_DIR REQUESTS.json

prints one JSON line: open_seconds, seconds (one latency per request, in order).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from engine import Engine, SearchRequest

from .peers import DB_NAME, TANTIVY_DIR, SqlitePeer, TantivyPeer
from .workload import PER_PAGE, Request


def read_requests(path: Path) -> list[Request]:
    return [Request(r["q"], {k: tuple(v) for k, v in r["filters"].items()}, r.get("kind", ""))
            for r in json.loads(Path(path).read_text(encoding="utf-8"))]


def write_requests(path: Path, requests: list[Request]) -> None:
    Path(path).write_text(json.dumps([{"q": r.q, "filters": {k: list(v) for k, v in r.filters.items()},
                                       "kind": r.kind} for r in requests], ensure_ascii=False), encoding="utf-8")


def opener(system: str, where: Path):
    """A function answering one request, for `system` opened from `where`."""
    if system == "ours":
        engine = Engine(where, caching=False)
        engine.state()

        def run(r: Request):
            return engine.search(SearchRequest(q=r.q, filters={k: list(v) for k, v in r.filters.items()},
                                               per_page=PER_PAGE))
        return run
    if system == "sqlite":
        return SqlitePeer(where / DB_NAME).search
    if system == "tantivy":
        return TantivyPeer(where / TANTIVY_DIR).search
    raise SystemExit(f"unknown system {system!r}")


def main(argv: list[str]) -> int:
    system, where, requests_file = argv
    requests = read_requests(Path(requests_file))
    start = time.perf_counter()
    run = opener(system, Path(where))
    opened = time.perf_counter() - start
    seconds = []
    for r in requests:
        t0 = time.perf_counter()
        run(r)
        seconds.append(time.perf_counter() - t0)
    print(json.dumps({"open_seconds": opened, "seconds": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
