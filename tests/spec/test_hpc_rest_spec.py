"""The /hpc REST API spec (openapi/hpc-rest.yaml): coverage of Microsoft's operations and
a generated function for each of them."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load(
    (ROOT / "openapi" / "hpc-rest.yaml").read_text(encoding="utf-8")
)
METHODS = {"get", "put", "post", "delete", "patch"}

# Microsoft's 2019 document (53 operations) plus the 2016 node views still served.
EXPECTED = {
    ("get", "/cluster/version"), ("get", "/cluster/activeHeadNode"),
    ("get", "/cluster/info/dateTimeFormat"), ("get", "/cluster/userRoles"),
    ("get", "/cluster/metrics/definitions"), ("get", "/cluster/metrics/history/{name}"),
    ("get", "/cluster/metrics/jobs"), ("get", "/cluster/nodes"),
    ("get", "/cluster/nodes/{name}"), ("post", "/cluster/nodes/{name}/operations/{operation}"),
    ("get", "/cluster/nodes/metrics"), ("get", "/cluster/nodes/stats/state"),
    ("get", "/cluster/nodes/stats/health"), ("get", "/cluster/operations"),
    ("get", "/cluster/operations/first"), ("get", "/cluster/operations/{id}"),
    ("get", "/cluster/nodeGroups"), ("post", "/cluster/nodeGroups"),
    ("get", "/cluster/nodeGroups/{name}"), ("put", "/cluster/nodeGroups/{name}"),
    ("delete", "/cluster/nodeGroups/{name}"), ("get", "/cluster/nodeGroups/{name}/nodes"),
    ("patch", "/cluster/nodeGroups/{name}/nodes"),
    ("get", "/jobs"), ("post", "/jobs"), ("post", "/jobs/jobFile"), ("get", "/jobs/templates"),
    ("get", "/jobs/{jobId}"), ("put", "/jobs/{jobId}"),
    ("get", "/jobs/{jobId}/customProperties"), ("post", "/jobs/{jobId}/customProperties"),
    ("get", "/jobs/{jobId}/envVariables"), ("post", "/jobs/{jobId}/envVariables"),
    ("post", "/jobs/{jobId}/submit"), ("post", "/jobs/{jobId}/cancel"),
    ("post", "/jobs/{jobId}/finish"), ("post", "/jobs/{jobId}/requeue"),
    ("get", "/jobs/{jobId}/tasks"), ("post", "/jobs/{jobId}/tasks"),
    ("get", "/jobs/{jobId}/tasks/{taskId}"), ("put", "/jobs/{jobId}/tasks/{taskId}"),
    ("get", "/jobs/{jobId}/tasks/{taskId}/customProperties"),
    ("post", "/jobs/{jobId}/tasks/{taskId}/customProperties"),
    ("get", "/jobs/{jobId}/tasks/{taskId}/envVariables"),
    ("post", "/jobs/{jobId}/tasks/{taskId}/envVariables"),
    ("post", "/jobs/{jobId}/tasks/{taskId}/cancel"),
    ("post", "/jobs/{jobId}/tasks/{taskId}/finish"),
    ("post", "/jobs/{jobId}/tasks/{taskId}/requeue"),
    ("get", "/jobs/{jobId}/tasks/{taskId}/subtasks/{subtaskId}"),
    ("put", "/jobs/{jobId}/tasks/{taskId}/subtasks/{subtaskId}"),
    ("post", "/jobs/{jobId}/tasks/{taskId}/subtasks/{subtaskId}/cancel"),
    ("post", "/jobs/{jobId}/tasks/{taskId}/subtasks/{subtaskId}/finish"),
    ("post", "/jobs/{jobId}/tasks/{taskId}/subtasks/{subtaskId}/requeue"),
    ("get", "/nodes"), ("get", "/nodes/{name}"), ("get", "/nodes/groups"),
    ("get", "/nodes/groups/{name}"),
}  # fmt: skip


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, op)
        for path, item in SPEC["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def test_every_documented_operation_is_described() -> None:
    found = {(m, p) for m, p, _ in operations()}
    assert found == EXPECTED
    assert len(EXPECTED) == 57


def test_operation_ids_unique_and_tagged() -> None:
    ids = [op["operationId"] for _, _, op in operations()]
    assert len(ids) == len(set(ids))
    assert all(op.get("tags") for _, _, op in operations())


def test_generator_friendly() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", SPEC["info"]["version"])
    assert all("servers" not in item for item in SPEC["paths"].values())
    text = (ROOT / "openapi" / "hpc-rest.yaml").read_text(encoding="utf-8")
    assert "oneOf" not in text and "anyOf" not in text
    for name, schema in SPEC["components"]["schemas"].items():
        if "enum" in schema:
            upper = [str(v).upper() for v in schema["enum"]]
            assert len(upper) == len(set(upper)), name


def test_every_operation_carries_as_user_and_errors() -> None:
    for method, path, op in operations():
        refs = {p.get("$ref") for p in op.get("parameters", [])}
        assert "#/components/parameters/AsUser" in refs, (method, path)
        assert {"4XX", "5XX"} <= set(op["responses"]), (method, path)


@pytest.mark.parametrize(("method", "path", "op"), operations())
def test_generated_function_exists(method: str, path: str, op: dict[str, Any]) -> None:
    tag = snake(op["tags"][0])
    module = importlib.import_module(f"hpc_rest_client.api.{tag}.{snake(op['operationId'])}")
    for fn in ("sync_detailed", "asyncio_detailed"):
        assert callable(getattr(module, fn))
    kwargs = module._get_kwargs.__code__.co_varnames
    for name in re.findall(r"\{(\w+)\}", path):
        assert snake(name) in kwargs, (path, name)
    source = Path(module.__file__ or "").read_text(encoding="utf-8")
    assert f'"method": "{method}"' in source
