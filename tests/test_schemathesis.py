"""Schemathesis generates requests from the OpenAPI document and checks that
every answer conforms to it (status codes, content types, response schemas)
and that no request makes the server fail.

The operations are driven with Hypothesis directly rather than through
Schemathesis's pytest plugin, which breaks with some pytest releases."""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

OPERATIONS = ["GET /api/search", "GET /api/search.csv", "GET /api/search.jsonl", "GET /api/map",
              "GET /api/partnerships/{id}", "GET /api/actions/{id}", "GET /api/suggest", "GET /api/facets",
              "GET /api/status"]


@pytest.fixture(scope="module")
def operations(app):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    return {op.ok().label: op.ok() for op in schema.get_all_operations()}


def test_every_operation_is_covered(operations):
    assert sorted(operations) == sorted(OPERATIONS)


@pytest.mark.parametrize("label", OPERATIONS)
def test_api_conforms_to_its_openapi_document(operations, label):
    @given(case=operations[label].as_strategy())
    @settings(max_examples=25, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    def check(case):
        case.call_and_validate()

    check()
