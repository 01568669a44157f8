"""Schemathesis over the API's OpenAPI document: generated requests to every operation (reads and writes, with an
admin token, and anonymously; on SQLite and on the real PostgreSQL server) must never produce a server error, and
responses must match their documented schemas.

The operations are driven with Hypothesis directly (``operation.as_strategy()``) rather than through schemathesis'
pytest plugin, so the test does not depend on that plugin's compatibility with the installed pytest.
``PLANWATCH_SCHEMA_EXAMPLES`` raises the number of examples per operation for a longer hunt."""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance
from serve_support import PLAN, pg_schema, served_on, sqlite_copy, template_db_fixture  # noqa: F401  (fixtures)

from planwatch.sources.builtin import ensure_builtin
from planwatch.store.repository import Store

#: Examples per operation and caller: bounded so the suite stays quick (about 30 operations).
EXAMPLES = int(os.environ.get("PLANWATCH_SCHEMA_EXAMPLES", "12"))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served_for_schema(request, template_db, tmp_path_factory):
    if request.param == "sqlite":
        yield served_on(sqlite_copy(template_db, tmp_path_factory.mktemp("schema")))
        return
    with pg_schema("pw_schema_") as url:
        store = Store.open(url)
        ensure_builtin(store, PLAN)
        yield served_on(store)
        store.engine.dispose()


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
