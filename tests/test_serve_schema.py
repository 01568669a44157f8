"""Schemathesis over the API's OpenAPI document: generated requests to every operation (reads and writes, with an
admin token, and anonymously) must never produce a server error, and responses must match their documented schemas.

The operations are driven with Hypothesis directly (``operation.as_strategy()``) rather than through schemathesis'
pytest plugin, so the test does not depend on that plugin's compatibility with the installed pytest."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance
from serve_support import served_on, sqlite_copy, template_db_fixture  # noqa: F401  (fixtures)

#: Examples per operation and caller: bounded so the suite stays quick (about 30 operations).
EXAMPLES = 15


@pytest.fixture(scope="module")
def served_for_schema(template_db, tmp_path_factory):
    return served_on(sqlite_copy(template_db, tmp_path_factory.mktemp("schema")))


@pytest.mark.parametrize("caller", ["admin", "anonymous"])
def test_no_server_errors(served_for_schema, caller):
    s = served_for_schema
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", s.app)
    headers = s.auth(s.admin) if caller == "admin" else {}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 25
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case):
            case.call_and_validate(headers=headers, checks=[not_a_server_error, response_schema_conformance])

        run()
