"""The API's OpenAPI contract as the tests check it (search_app/openapi.json, loaded by the
session fixture `spec` of conftest.py)."""
from __future__ import annotations

from jsonschema import Draft202012Validator


def check_schema(spec: dict, name: str, data) -> None:
    """Validate `data` against components/schemas/<name> of the OpenAPI document (3.1 = JSON Schema 2020-12)."""
    schema = {"$ref": f"#/components/schemas/{name}", "components": spec["components"]}
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
