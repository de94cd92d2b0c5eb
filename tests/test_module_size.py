"""No module over 600 lines (the developers' guide): a longer module holds more
than one concept and should be split. Lint and types are checked by `.ci/run`
(ruff and mypy, configured in pyproject.toml), not here."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("analyzers", "indexer", "engine", "search_app", "repertoires", "evaluation", "benchmarks", "tools", "tests")
MAX_LINES = 600


def long_modules(root: Path = ROOT, limit: int = MAX_LINES) -> dict[str, int]:
    out = {}
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*.py")):
            n = len(path.read_text(encoding="utf-8").splitlines())
            if n > limit:
                out[str(path.relative_to(root))] = n
    return out


def test_the_check_finds_a_long_module(tmp_path):
    (tmp_path / "engine").mkdir()
    (tmp_path / "engine" / "long.py").write_text("x = 1\n" * 601, encoding="utf-8")
    (tmp_path / "engine" / "short.py").write_text("x = 1\n" * 600, encoding="utf-8")
    assert long_modules(tmp_path) == {"engine/long.py": 601}


def test_no_module_over_600_lines():
    assert long_modules() == {}
