"""Start and stop the servers under test, on 127.0.0.1 and a free port."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, name: str, argv: list[str], port: int, ready_path: str, log: Path):
        self.name, self.port, self.ready_path = name, port, ready_path
        self.base_url = f"http://127.0.0.1:{port}"
        self.log = open(log, "w")  # noqa: SIM115 (the server's log for its lifetime, closed by stop())
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(argv, cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 180.0) -> float:
        """Seconds from the start of the process to its first answer (polled every 50 ms)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}; see {self.log.name}")
            try:
                with urllib.request.urlopen(self.base_url + self.ready_path, timeout=5) as r:
                    if r.status == 200:
                        return time.perf_counter() - self.started
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"{self.name} not ready after {timeout:.0f} s; see {self.log.name}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def start_ours(index_dir: Path, data_dir: Path, log: Path, threads: int = 8, cache: bool = True) -> Server:
    port = free_port()
    argv = [sys.executable, "-m", "repertoires.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
            "--index", str(index_dir), "--data", str(data_dir), "--threads", str(threads)]
    if not cache:
        argv.append("--no-cache")
    return Server("repertoires serve", argv, port, "/api/status", log)


def start_datasette(db: Path, log: Path) -> Server:
    port = free_port()
    argv = [sys.executable, "-m", "datasette", "serve", "-i", str(db), "--host", "127.0.0.1", "--port", str(port),
            "--setting", "sql_time_limit_ms", "10000", "--setting", "facet_time_limit_ms", "10000",
            "--setting", "default_facet_size", "100", "--setting", "max_returned_rows", "1000"]
    return Server("datasette", argv, port, "/-/versions.json", log)
