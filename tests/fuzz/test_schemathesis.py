"""Schemathesis against a loopback emulator, every operation of `openapi/hpc.yaml`, in CI.

One pytest test per operation (schemathesis's pytest integration): a few positive examples
each, XML and JSON bodies alike, aimed at real objects (`st_seeds`). Each response must not be
a 5xx and must conform to the spec (status, content type, headers, body schema), and requests
that are valid by the schema must not be refused (`positive_data_acceptance`). `make fuzz`
(`run_schemathesis.py`) is the longer run with the CLI's coverage and stateful phases.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
import yaml
from hpc_emulator.testing import RunningEmulator, run_emulator
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.fuzz import st_hooks
from tests.fuzz.st_seeds import Seeds

SPEC = Path(__file__).resolve().parents[2] / "openapi" / "hpc.yaml"
USER, PASSWORD = "fuzzer", "fuzz-secret"
MAX_EXAMPLES = int(os.environ.get("HPC_FUZZ_EXAMPLES", "6"))  # per operation; `make fuzz` runs more
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    positive_data_acceptance,
]


@pytest.fixture(scope="module")
def fuzz_emulator() -> Iterator[RunningEmulator]:
    # the spec describes the JSON extension too (x-emulator-extension): fuzz it, switched on
    with run_emulator(users={USER: PASSWORD}, json_extension=True) as emulator:
        seeds = Seeds(emulator.base_url, (USER, PASSWORD))
        seeds.create()
        st_hooks.SEEDS = seeds
        try:
            yield emulator
        finally:
            st_hooks.SEEDS = None
            seeds.close()


# Loaded at collection (one test per operation); the emulator's URL is only known at run time,
# so it is passed per call. (`schemathesis.pytest.from_fixture` fails under pytest 9.)
schema = schemathesis.openapi.from_path(SPEC)
schema.config.update(request_timeout=10)
schema.config.generation.update(
    modes=["positive"], max_examples=MAX_EXAMPLES, allow_x00=False, deterministic=True
)
AUTH = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()


@schema.parametrize()
def test_operation(case: Any, fuzz_emulator: RunningEmulator) -> None:
    case.call_and_validate(
        base_url=fuzz_emulator.base_url, headers={"Authorization": AUTH}, checks=CHECKS
    )


def test_every_operation_is_fuzzed() -> None:
    """`test_operation` is parametrized with every operationId of the spec, none lost."""
    spec = yaml.load(SPEC.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    declared = {
        op["operationId"]
        for item in spec["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    loaded = [result.ok() for result in schema.get_all_operations()]
    assert None not in loaded  # no operation failed to load
    assert {op.definition.raw["operationId"] for op in loaded} == declared
    assert len(declared) == 43
