"""The API's OpenAPI contract as the tests check it (search_app/openapi.json, loaded by the
session fixture `spec` of conftest.py): an answer must validate against its schema, and hold no
field the schema does not declare.

The document leaves its objects open (no `additionalProperties: false`), as public APIs do so
that a field can be added without breaking a strict client; the tests are stricter than the
document: a field the API gives must be described there (`undeclared`), or a client generated
from the document never learns of it (`domain_sources` and `budget.kind` went out so)."""
from __future__ import annotations

from jsonschema import Draft202012Validator


def check_schema(spec: dict, name: str, data) -> None:
    """Validate `data` against components/schemas/<name> of the OpenAPI document (3.1 = JSON Schema
    2020-12), and find no field there that the schema does not declare."""
    schema = {"$ref": f"#/components/schemas/{name}", "components": spec["components"]}
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
    extra = undeclared(spec, schema, data)
    assert not extra, f"fields the OpenAPI document does not declare: {extra[:10]}"


def undeclared(spec: dict, schema: dict, data) -> list[str]:
    """The paths (`$.results[].budget.kind`) of the fields of `data` that `schema` does not
    declare: a key of an object whose schema lists `properties` and says nothing of others
    (`additionalProperties` absent). A map (`additionalProperties` a schema) declares any key,
    and its values are walked with that schema; `allOf` declares what its parts declare, and of
    a `oneOf` or `anyOf`, the first branch `data` is valid against is walked."""
    found: list[str] = []
    _walk(spec["components"], schema, data, "$", found)
    return found


def _plain(components: dict, s, value) -> dict | None:
    """`s` without references and combinations, as it applies to `value` (None: nothing to walk)."""
    while isinstance(s, dict) and "$ref" in s:
        s = components["schemas"][s["$ref"].rsplit("/", 1)[1]]
    if not isinstance(s, dict):
        return None
    if "allOf" in s:
        parts = [_plain(components, p, value) or {} for p in s["allOf"]]
        merged: dict = {"properties": {k: v for p in parts for k, v in p.get("properties", {}).items()}}
        for p in parts:
            if "additionalProperties" in p:
                merged["additionalProperties"] = p["additionalProperties"]
        return merged
    for key in ("oneOf", "anyOf"):
        if key in s:
            valid = (b for b in s[key] if Draft202012Validator({**b, "components": components}).is_valid(value))
            return _plain(components, next(valid, None), value)
    return s


def _walk(components: dict, s, value, where: str, found: list[str]) -> None:
    s = _plain(components, s, value)
    if s is None:
        return
    if isinstance(value, list) and "items" in s:
        for v in value:
            _walk(components, s["items"], v, f"{where}[]", found)
    if not isinstance(value, dict):
        return
    props, others = s.get("properties"), s.get("additionalProperties")
    for k, v in value.items():
        if props is not None and k in props:
            _walk(components, props[k], v, f"{where}.{k}", found)
        elif isinstance(others, dict):
            _walk(components, others, v, f"{where}.{k}", found)
        elif props is not None and others is None and f"{where}.{k}" not in found:
            found.append(f"{where}.{k}")
