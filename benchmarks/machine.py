"""What the figures were measured on."""
from __future__ import annotations

import os
import platform
import sqlite3
from importlib import metadata


def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "not installed"


def describe() -> dict:
    mem_gib = None
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    mem_gib = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(mem_gib, 1) if mem_gib else None,
        "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version, "whoosh": _version("whoosh"), "waitress": _version("waitress"),
        "datasette": _version("datasette"), "tantivy": _version("tantivy"), "load_average": os.getloadavg(),
    }
