"""One index build in its own process, so the parent can read its peak memory.

    python -m benchmarks.buildproc corpus DATA_DIR INDEX_DIR
    python -m benchmarks.buildproc records RECORDS.jsonl INDEX_DIR
    python -m benchmarks.buildproc peers RECORDS.jsonl WORK_DIR

prints one JSON line: seconds, documents.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    kind, src, dst = argv
    if kind == "corpus":
        from indexer.build import build_index

        r = build_index(Path(src), Path(dst))
        out = {"seconds": r.seconds, "documents": r.documents}
    elif kind == "records":
        from .replicate import build_from_records, read_records

        out = build_from_records(*read_records(Path(src)), Path(dst))
    elif kind == "peers":
        from .peers import build_peers
        from .replicate import read_records

        start = time.perf_counter()
        out = build_peers(*read_records(Path(src)), Path(dst))
        out["seconds"] = time.perf_counter() - start
    else:
        raise SystemExit(f"unknown build kind {kind!r}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
