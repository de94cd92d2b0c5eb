"""`repertoires loadtest`: a bounded load test of the production server on loopback.

It starts `repertoires serve` (waitress) on a free port of 127.0.0.1, holds N
concurrent clients for a fixed time on a fixed mix of requests, and reports
throughput, latency percentiles and errors. With `--rebuild` it also runs
`repertoires index` on the served index while the load goes on, and checks
that no request failed, that every search answer came from a complete index
(the same totals before and after) and that the server picked up the new
generation without a restart.

Only loopback is ever contacted; the number of clients and the duration are
bounded.
"""
from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

from indexer.corpus import DEFAULT_DATA_DIR

from .args import MAX_THREADS, ArgumentParser, number_between

MAX_CLIENTS = 256
MAX_SECONDS = 600

# A fixed mix: searches with facets (most of the traffic), pages, suggestions.
REQUESTS = [
    "/api/search?q=" + quote("assainissement Kayes"),
    "/api/search?q=" + quote("centre de santé Ségou") + "&country=Mali",
    "/api/search?q=" + quote("formation des élus") + "&country=" + quote("Algérie"),
    "/api/search?q=" + quote("patrimoine Fès"),
    "/api/search?q=" + quote("jumelage 1986"),
    "/api/search?q=&domain=" + quote("Santé") + "&country=Mali",
    "/api/search?q=eau&type=action&per_page=50",
    "/api/search?q=" + quote("Tombouctu"),
    "/api/search?q=&sort=year_desc&page=3",
    "/api/suggest?q=Kou",
    "/api/partnerships/chilly-mazarin--diema",
    "/?q=" + quote("assainissement Kayes"),
    "/partenariats/chilly-mazarin--diema",
]
CHECK = "/api/search?q=" + quote("assainissement Kayes") + "&per_page=1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port: int, server: subprocess.Popen | None = None, timeout: float = 120.0) -> None:
    """Until the server on `port` answers; a `server` that exits first is said at once, not waited for."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server is not None and server.poll() is not None:
            raise RuntimeError(f"the server exited with status {server.returncode} before answering")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/status")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the server on port {port} did not answer within {timeout:.0f} s")


class Client(threading.Thread):
    def __init__(self, port: int, stop: threading.Event, offset: int):
        super().__init__(daemon=True)
        self.port, self.stop, self.offset = port, stop, offset
        self.t0 = time.perf_counter()
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.totals: set[int] = set()
        self.versions: list[tuple[float, str]] = []

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        i = self.offset
        while not self.stop.is_set():
            path = CHECK if i % 5 == 0 else REQUESTS[i % len(REQUESTS)]
            i += 1
            start = time.perf_counter()
            try:
                conn.request("GET", path)
                resp = conn.getresponse()
                body = resp.read()
            except (OSError, http.client.HTTPException) as exc:
                self.errors.append(f"{path}: {type(exc).__name__}: {exc} "
                                   f"(sent at {start - self.t0:.1f} s, after {time.perf_counter() - start:.1f} s)")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                continue
            self.latencies.append(time.perf_counter() - start)
            if resp.status != 200:
                self.errors.append(f"{path}: HTTP {resp.status}")
                continue
            if path == CHECK:
                data = json.loads(body)
                self.totals.add(data["total"])
                self.versions.append((time.monotonic(), data["index_version"]))
        conn.close()


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k] * 1000


def run(clients: int, seconds: float, index_dir: Path, data_dir: Path, rebuild: bool, threads: int) -> dict:
    port = free_port()
    env = dict(os.environ)
    # The server's log goes to a file: a pipe nobody reads fills up and then
    # blocks every server thread that logs (waitress warns on queue depth).
    with tempfile.NamedTemporaryFile(prefix="repertoires-serve-", suffix=".log", delete=False) as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "repertoires.cli", "serve", "--port", str(port), "--index", str(index_dir),
             "--data", str(data_dir), "--threads", str(threads)],
            stdout=subprocess.DEVNULL, stderr=log, env=env)
        rebuilds: list[dict] = []
        try:
            wait_ready(port, server)
            stop = threading.Event()
            pool = [Client(port, stop, k) for k in range(clients)]
            started = time.monotonic()
            for c in pool:
                c.start()
            if rebuild:
                time.sleep(seconds / 3)
                t0 = time.monotonic()
                proc = subprocess.run([sys.executable, "-m", "repertoires.cli", "index", "--quiet",
                                       "--index", str(index_dir), "--data", str(data_dir)],
                                      capture_output=True, text=True, check=False)
                rebuilds.append({"exit": proc.returncode, "seconds": round(time.monotonic() - t0, 2),
                                 "at": round(t0 - started, 1)})
            remaining = seconds - (time.monotonic() - started)
            if remaining > 0:
                time.sleep(remaining)
            stop.set()
            for c in pool:
                c.join(timeout=60)
            elapsed = time.monotonic() - started
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    lat = [x for c in pool for x in c.latencies]
    errors = [e for c in pool for e in c.errors]
    totals = set().union(*(c.totals for c in pool))
    versions = sorted(v for c in pool for v in c.versions)
    return {
        "clients": clients, "seconds": round(elapsed, 1), "requests": len(lat) + len(errors),
        "rps": round(len(lat) / elapsed, 1), "errors": len(errors), "error_samples": errors[:5],
        "p50_ms": round(pct(lat, 50), 1), "p95_ms": round(pct(lat, 95), 1), "p99_ms": round(pct(lat, 99), 1),
        "max_ms": round(max(lat) * 1000, 1) if lat else None,
        "check_totals": sorted(totals), "index_versions": list(dict.fromkeys(v for _, v in versions)),
        "rebuilds": rebuilds,
        "server_log": log.name,
    }


def main(argv: list[str] | None = None) -> int:
    parser = ArgumentParser(
        prog="repertoires loadtest",
        description="Test de charge borné de `repertoires serve` sur 127.0.0.1 (avec, si demandé, une\n"
                    "reconstruction de l'index pendant la charge). Outil de développement : son rapport\n"
                    "est en anglais, comme docs/benchmarks.md.",
        epilog="exemple :\n  repertoires loadtest --clients 32 --seconds 60 --rebuild")
    parser.add_argument("--clients", type=number_between(1, MAX_CLIENTS), default=32, metavar="N",
                        help=f"clients simultanés (par défaut 32, au plus {MAX_CLIENTS})")
    parser.add_argument("--seconds", type=number_between(1, MAX_SECONDS, float), default=60, metavar="S",
                        help=f"durée de la charge en secondes (par défaut 60, au plus {MAX_SECONDS})")
    parser.add_argument("--threads", type=number_between(1, MAX_THREADS), default=8, metavar="N",
                        help="fils de traitement du serveur (par défaut 8)")
    parser.add_argument("--rebuild", action="store_true", help="lance `repertoires index` pendant la charge")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, metavar="DOSSIER",
                        help="dossier des documents sources (par défaut : le dossier data/ du projet)")
    parser.add_argument("--index", type=Path, default=None, metavar="DOSSIER",
                        help="index servi (par défaut : une copie temporaire, construite d'abord)")
    parser.add_argument("--json", action="store_true", help="le rapport en JSON")
    args = parser.parse_args(argv)

    tmp = None
    index_dir = args.index
    if index_dir is None:
        from indexer.build import build_index

        tmp = Path(tempfile.mkdtemp(prefix="repertoires-load-"))
        index_dir = tmp / "index"
        print("building a temporary index…", file=sys.stderr)
        build_index(args.data, index_dir)
    try:
        print(f"{args.clients} clients for {args.seconds:.0f} s on 127.0.0.1"
              + (" with a rebuild during the load" if args.rebuild else "") + "…", file=sys.stderr)
        report = run(args.clients, args.seconds, index_dir, args.data, args.rebuild, args.threads)
    except RuntimeError as exc:  # the server did not start: said, not a traceback
        print(f"repertoires loadtest: {exc}", file=sys.stderr)
        return 2
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"clients {report['clients']}, {report['seconds']} s: {report['requests']} requests, "
              f"{report['rps']} req/s, errors {report['errors']}")
        print(f"latency p50 {report['p50_ms']} ms, p95 {report['p95_ms']} ms, p99 {report['p99_ms']} ms, "
              f"max {report['max_ms']} ms")
        print(f"totals of the check query: {report['check_totals']} (one value = every answer from a complete index)")
        if report["rebuilds"]:
            print(f"rebuilds: {report['rebuilds']}; index versions served: {len(report['index_versions'])}")
        for e in report["error_samples"]:
            print(f"  error: {e}")
    ok = report["errors"] == 0 and len(report["check_totals"]) <= 1
    if args.rebuild:
        ok = ok and len(report["index_versions"]) >= 2 and all(r["exit"] == 0 for r in report["rebuilds"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
