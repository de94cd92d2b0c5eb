"""Shared fixtures: one index built from the real data/ per test session
(in a temporary folder), the engine on it, and the Flask app and client."""
from __future__ import annotations

from pathlib import Path

import pytest

from engine import Engine
from indexer.build import build_index
from indexer.corpus import DEFAULT_DATA_DIR

DATA_DIR = Path(DEFAULT_DATA_DIR)


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA_DIR


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The build result of the real corpus (records and reports), built once."""
    index_dir = tmp_path_factory.mktemp("index")
    result = build_index(DATA_DIR, index_dir)
    return index_dir, result


@pytest.fixture(scope="session")
def index_dir(built) -> Path:
    return built[0]


@pytest.fixture
def likeness_table(index_dir, tmp_path) -> tuple[Path, Path]:
    """A copy of the session's index (to damage or take from) and its likeness table."""
    import shutil

    from indexer.store import LIKENESS, current_generation

    copy = tmp_path / "index"
    shutil.copytree(index_dir, copy)
    return copy, current_generation(copy).path / LIKENESS


@pytest.fixture(scope="session")
def corpus(built):
    return built[1].corpus


@pytest.fixture(scope="session")
def engine(index_dir) -> Engine:
    return Engine(index_dir)


@pytest.fixture(scope="session")
def app(index_dir):
    from search_app import create_app

    return create_app({"INDEX_DIR": str(index_dir), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def spec() -> dict:
    """The OpenAPI document the API serves (search_app/openapi.json)."""
    import json

    return json.loads((Path(__file__).resolve().parents[1] / "search_app" / "openapi.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def check_search_contract(spec):
    """A function asserting that an /api/search answer matches its OpenAPI schema, and holds no
    field the schema does not declare (contract.undeclared)."""
    from jsonschema import Draft202012Validator

    from contract import undeclared

    ok = spec["paths"]["/api/search"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    schema = {"$ref": ok["$ref"], "components": spec["components"]}
    validator = Draft202012Validator(schema)

    def check(data: dict) -> None:
        errors = list(validator.iter_errors(data))
        assert not errors, errors[0].message
        extra = undeclared(spec, schema, data)
        assert not extra, f"fields the OpenAPI document does not declare: {extra[:10]}"
    return check


@pytest.fixture
def export_day(monkeypatch):
    """The day an export's file name says, frozen: a test reading `date.today()` itself failed when the
    request ran past midnight (review 2 r49, L6 and item 6)."""
    from datetime import date

    from search_app import exports

    day = date(2001, 2, 3)  # no day a run meets: a name said by the real day fails
    monkeypatch.setattr(exports, "date", type("FrozenDate", (date,), {"today": classmethod(lambda cls: day)}))
    return day
