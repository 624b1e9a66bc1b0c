"""The spec's claims, checked against the document and the generated client."""

from __future__ import annotations

import importlib
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi" / "hpc.yaml").read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
METHODS = {"get", "put", "post", "delete", "patch"}

# The catalogue's summary table (shared/reference/api-catalogue.md §2.1): operationId, method,
# path after the optional cluster segment, success statuses, api-version required.
CATALOGUE = [
    ("getClusters", "get", "/Clusters", {"200"}, True),
    ("getVersion", "get", "/Version", {"200"}, False),
    ("getActiveHeadNode", "get", "/ActiveHeadnode", {"200"}, True),
    ("getJobTemplates", "get", "/JobTemplates", {"200"}, False),
    ("getJobList", "get", "/Jobs", {"200"}, False),
    ("createJob", "post", "/Jobs", {"200"}, False),
    ("createJobFromXml", "post", "/Jobs/JobFile", {"200"}, False),
    ("getJob", "get", "/Job/{jobId}", {"200"}, False),
    ("setJobProperties", "put", "/Job/{jobId}", {"200"}, False),
    ("submitJob", "post", "/Job/{jobId}/Submit", {"200"}, False),
    ("cancelJob", "post", "/Job/{jobId}/Cancel", {"200"}, False),
    ("requeueJob", "post", "/Job/{jobId}/Requeue", {"200"}, False),
    ("getJobCustomProperties", "get", "/Job/{jobId}/CustomProperties", {"200"}, False),
    ("setJobCustomProperties", "post", "/Job/{jobId}/CustomProperties", {"200"}, False),
    ("getJobEnvVariables", "get", "/Job/{jobId}/EnvVariables", {"200"}, False),
    ("setJobEnvVariables", "post", "/Job/{jobId}/EnvVariables", {"200"}, False),
    ("getTaskList", "get", "/Job/{jobId}/Tasks", {"200"}, False),
    ("addTask", "post", "/Job/{jobId}/Tasks", {"200"}, False),
    ("getTask", "get", "/Job/{jobId}/Task/{taskId}", {"200"}, False),
    ("setTaskProperties", "put", "/Job/{jobId}/Task/{taskId}", {"200"}, False),
    ("cancelTask", "post", "/Job/{jobId}/Task/{taskId}/Cancel", {"200"}, False),
    ("requeueTask", "post", "/Job/{jobId}/Task/{taskId}/Requeue", {"200"}, False),
    (
        "getTaskCustomProperties",
        "get",
        "/Job/{jobId}/Task/{taskId}/CustomProperties",
        {"200"},
        False,
    ),
    (
        "setTaskCustomProperties",
        "post",
        "/Job/{jobId}/Task/{taskId}/CustomProperties",
        {"200"},
        False,
    ),
    ("getTaskEnvVariables", "get", "/Job/{jobId}/Task/{taskId}/EnvVariables", {"200"}, False),
    ("setTaskEnvVariables", "post", "/Job/{jobId}/Task/{taskId}/EnvVariables", {"200"}, False),
    ("getSubtask", "get", "/Job/{jobId}/Task/{taskId}/SubTask/{subtaskId}", {"200"}, False),
    (
        "setSubtaskProperties",
        "put",
        "/Job/{jobId}/Task/{taskId}/SubTask/{subtaskId}",
        {"200"},
        False,
    ),
    (
        "cancelSubtask",
        "post",
        "/Job/{jobId}/Task/{taskId}/SubTask/{subtaskId}/Cancel",
        {"200"},
        False,
    ),
    (
        "requeueSubtask",
        "post",
        "/Job/{jobId}/Task/{taskId}/SubTask/{subtaskId}/Requeue",
        {"200"},
        False,
    ),
    ("getNodeList", "get", "/Nodes", {"200"}, True),
    ("getNode", "get", "/Node/{nodeName}", {"200"}, True),
    ("getNodeGroupList", "get", "/NodeGroups", {"200"}, True),
    ("getNodeGroupMembers", "get", "/NodeGroup/{groupName}", {"200"}, True),
    ("createSession", "post", "/Sessions/Create", {"201"}, True),
    ("attachSession", "get", "/Session/{sessionId}/Attach", {"200"}, True),
    ("closeSession", "post", "/Session/{sessionId}/Close", {"200"}, True),
    ("sendRequests", "post", "/Session/{sessionId}/batch/{batchName}", {"200", "201"}, True),
    ("commitRequests", "post", "/Session/{sessionId}/batch/{batchName}/Commit", {"201"}, True),
    ("getResponses", "post", "/Session/{sessionId}/batch/{batchName}/Response", {"200"}, True),
    ("getBatchStatus", "get", "/Session/{sessionId}/batch/{batchName}/Status", {"200"}, True),
    ("purgeBatch", "post", "/Session/{sessionId}/batch/{batchName}/Purge", {"200"}, True),
    ("getServiceVersions", "get", "/SoaService/{serviceName}/Versions", {"200"}, True),
]
LIST_OPERATIONS = {"getJobList", "getTaskList", "getNodeList"}


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = SPEC
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def operations() -> dict[str, tuple[str, str, dict[str, Any], dict[str, Any]]]:
    found = {}
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            if method in METHODS:
                found[op["operationId"]] = (method, path, op, item)
    return found


OPS = operations()


def test_all_43_catalogue_operations_and_nothing_else() -> None:
    assert len(CATALOGUE) == 43
    assert {c[0] for c in CATALOGUE} == set(OPS)


@pytest.mark.parametrize(("op_id", "method", "path", "success", "needs_version"), CATALOGUE)
def test_operation_shape(
    op_id: str, method: str, path: str, success: set[str], needs_version: bool
) -> None:
    got_method, got_path, op, item = OPS[op_id]
    assert (got_method, got_path) == (method, path)
    for key in ("summary", "description", "tags"):
        assert op.get(key), f"{op_id} lacks {key}"
    statuses = set(op["responses"])
    assert {s for s in statuses if s.startswith("2")} == success
    assert {"4XX", "5XX"} <= statuses, f"{op_id} documents no fault responses"
    for status in ("4XX", "5XX"):
        fault = resolve(op["responses"][status])
        xml_media = fault["content"]["application/xml"]
        assert xml_media["schema"] == {"$ref": "#/components/schemas/HpcWebServiceFault"}
        assert {"$ref": "#/components/schemas/SerializedString"} in xml_media["x-hpc-alternatives"]
    params = [resolve(p) for p in op.get("parameters", []) + item.get("parameters", [])]
    api_version = [p for p in params if p["name"] == "api-version"]
    assert len(api_version) == 1 and api_version[0]["in"] == "header"
    assert api_version[0]["required"] is needs_version
    assert "default" not in resolve(api_version[0]["schema"])
    for name in re.findall(r"{(\w+)}", path):
        assert any(p["name"] == name and p["in"] == "path" for p in params)


@pytest.mark.parametrize("op_id", sorted(LIST_OPERATIONS))
def test_list_operations_page_with_continuation(op_id: str) -> None:
    _, _, op, _ = OPS[op_id]
    ok = resolve(op["responses"]["200"])
    assert "x-ms-continuation-QueryId" in ok["headers"]
    names = {resolve(p)["name"] for p in op["parameters"]}
    assert {"QueryId", "RowsPerRead", "Properties", "$filter", "Render"} <= names


def test_both_uri_forms_and_get_clusters_without_cluster_segment() -> None:
    urls = [s["url"] for s in SPEC["servers"]]
    assert "https://{head}/WindowsHpc" in urls
    assert "https://{head}/WindowsHpc/{cluster}" in urls
    # No path-level servers (generators let them override the caller's base URL): the rule
    # that Get Clusters never carries a cluster segment is stated in prose instead.
    assert all("servers" not in item for item in SPEC["paths"].values())
    assert "never carries a cluster segment" in SPEC["paths"]["/Clusters"]["get"]["description"]


def test_info_version_is_semver_and_enum_varnames_are_globally_unique() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", SPEC["info"]["version"])
    seen: dict[str, str] = {}
    for name, schema in SPEC["components"]["schemas"].items():
        if "enum" not in schema:
            continue
        varnames = schema.get("x-enum-varnames")
        assert varnames is not None, f"{name} has no x-enum-varnames"
        for var in varnames:
            key = var.upper()
            assert key not in seen, f"{name}.{var} collides with {seen[key]}"
            assert key.lower() not in {n.lower() for n in SPEC["components"]["schemas"]}
            seen[key] = name


def test_every_array_item_names_its_element() -> None:
    def arrays(node: object) -> list[dict[str, object]]:
        found = []
        if isinstance(node, dict):
            if node.get("type") in ("array", ["array", "null"]):
                found.append(node)
            for value in node.values():
                found += arrays(value)
        elif isinstance(node, list):
            for value in node:
                found += arrays(value)
        return found

    for arr in arrays(SPEC["components"]["schemas"]):
        items = arr["items"]
        assert isinstance(items, dict)
        # On the items themselves: generators do not look through a $ref for the element name.
        assert items.get("xml", {}).get("name"), items
        if "$ref" in items:
            assert items["xml"]["name"] == resolve(items)["xml"]["name"]


def test_basic_auth_security_scheme_applies_everywhere() -> None:
    assert SPEC["components"]["securitySchemes"]["basicAuth"] == {
        **SPEC["components"]["securitySchemes"]["basicAuth"],
        "type": "http",
        "scheme": "basic",
    }
    assert SPEC["security"] == [{"basicAuth": []}]


def _xml_content_schemas() -> set[str]:
    names: set[str] = set()

    def visit(content: dict[str, Any]) -> None:
        for media, body in content.items():
            if "xml" not in media:
                continue
            schema = body["schema"]
            for ref in [schema, *schema.get("oneOf", []), *body.get("x-hpc-alternatives", [])]:
                if "$ref" in ref:
                    names.add(ref["$ref"].rsplit("/", 1)[1])

    for _, _, op, _ in OPS.values():
        if "requestBody" in op:
            visit(resolve(op["requestBody"])["content"])
        for resp in op["responses"].values():
            visit(resolve(resp).get("content", {}))
    return names


def test_every_xml_body_schema_has_name_and_namespace() -> None:
    names = _xml_content_schemas()
    assert {
        "ArrayOfProperty",
        "ArrayOfObject",
        "WebSessionStartInfo",
        "HpcWebServiceFault",
    } <= names
    for name in names:
        xml = SCHEMAS[name].get("xml", {})
        assert xml.get("name") and xml.get("namespace", "").startswith("http://"), name
        if SCHEMAS[name]["type"] == "array":
            assert xml.get("wrapped") is True, name


def test_referenced_item_schemas_carry_xml_hints_too() -> None:
    for name in (
        "Property",
        "HpcObject",
        "KeyValuePairOfstringstring",
        "KeyValueOfstringstring",
        "Version",
    ):
        xml = SCHEMAS[name]["xml"]
        assert xml["name"] and xml["namespace"], name


def test_namespaces_match_the_catalogue() -> None:
    common = "http://schemas.microsoft.com/HPCS2008R2/common"
    assert SCHEMAS["ArrayOfProperty"]["xml"]["namespace"] == common
    assert SCHEMAS["HpcWebServiceFault"]["xml"]["namespace"] == common
    assert SCHEMAS["WebSessionStartInfo"]["xml"]["namespace"] == "http://hpc.microsoft.com/"
    assert SCHEMAS["BrokerClientStatus"]["xml"]["namespace"] == "http://hpc.microsoft.com"
    assert SCHEMAS["SerializedInt"]["xml"] == {
        "name": "int",
        "namespace": "http://schemas.microsoft.com/2003/10/Serialization/",
    }


def test_web_session_start_info_is_in_ordinal_order() -> None:
    schema = SCHEMAS["WebSessionStartInfo"]
    assert schema["x-hpc-xml-order"] == "ordinal"
    names = list(schema["properties"])
    assert len(names) == 30
    assert names == sorted(names)  # Python str order is ordinal (code point) order
    assert names.index("UseSessionPool") < names.index("Username")


def test_data_contract_objects_declare_members_in_ordinal_order() -> None:
    for name, schema in SCHEMAS.items():
        if schema.get("type") == "object" and "xml" in schema:
            members = list(schema.get("properties", {}))
            assert members == sorted(members), name


def test_numeric_enums_have_varnames() -> None:
    for name, schema in SCHEMAS.items():
        if "enum" in schema and schema.get("type") == "integer":
            assert len(schema["x-enum-varnames"]) == len(schema["enum"]), name
    # api-version: a string with its known values as examples (dotted values are not C
    # identifiers), each matching the schema's pattern.
    api = SCHEMAS["ApiVersion"]
    assert "enum" not in api and "2012-11-01.4.0" in api["examples"]
    assert all(re.fullmatch(api["pattern"], v) for v in api["examples"])


def test_typed_property_views_cover_the_catalogue() -> None:
    job = SCHEMAS["Job"]["properties"]
    for prop in (
        "Id",
        "Name",
        "Owner",
        "State",
        "Priority",
        "UnitType",
        "MinCores",
        "RunUntilCanceled",
        "HoldUntil",
    ):
        assert prop in job
    task = SCHEMAS["Task"]["properties"]
    for prop in (
        "TaskId",
        "CommandLine",
        "DependsOn",
        "StartValue",
        "EndValue",
        "IncrementValue",
        "Output",
        "ExitCode",
    ):
        assert prop in task
    assert job["Password"]["writeOnly"] is True


def test_generated_client_has_every_operation() -> None:
    for op_id, (_, _, op, _) in OPS.items():
        module_name = re.sub(r"(?<!^)(?=[A-Z])", "_", op_id).lower()
        module = importlib.import_module(f"hpc_client.api.{op['tags'][0]}.{module_name}")
        fns = ["sync_detailed", "asyncio_detailed"]
        if any(resolve(r).get("content") for s, r in op["responses"].items() if s.startswith("2")):
            fns += ["sync", "asyncio"]  # the generator adds these only when there is a body
        for fn in fns:
            assert callable(getattr(module, fn)), f"{op_id}.{fn}"


def test_runtime_spec_copy_is_the_faithful_spec() -> None:
    shipped = json.loads(
        (resources.files("hpc_client") / "openapi.json").read_text(encoding="utf-8")
    )
    assert shipped == SPEC


def test_generator_view_types_every_xml_body_and_drops_faults() -> None:
    import sys

    sys.path.insert(0, str(ROOT / "generator"))
    try:
        from prepare_spec import derive
    finally:
        sys.path.pop(0)
    view = derive(SPEC)
    for item in view["paths"].values():
        for method, op in item.items():
            if method not in METHODS:
                continue
            assert all(s.startswith("2") for s in op["responses"]), op["operationId"]
    bodies = view["components"]["requestBodies"]
    assert list(bodies["PropertyList"]["content"]) == [
        "application/vnd.hpc.xml+json; root=ArrayOfProperty"
    ]
    create = view["paths"]["/Sessions/Create"]["post"]["requestBody"]["content"]
    assert list(create) == ["application/vnd.hpc.xml+json; root=WebSessionStartInfo"]
    assert view["components"]["parameters"]["ApiVersionRequired"]["required"] is False


def _resolved(obj: dict[str, Any]) -> dict[str, Any]:
    ref = obj.get("$ref")
    if not isinstance(ref, str):
        return obj
    node: Any = SPEC
    for part in ref.split("/")[1:]:
        node = node[part]
    return _resolved(node)


def test_json_is_an_emulator_extension_outside_soa() -> None:
    """Scheduler, node and cluster JSON is marked `x-emulator-extension` (XML only on a head
    node); SOA JSON, documented, is not; and success/request media types always offer XML."""
    seen = 0
    for item in SPEC["paths"].values():
        for op in (v for v in item.values() if isinstance(v, dict) and "operationId" in v):
            soa = op["tags"] == ["sessions"]
            contents = [_resolved(op["requestBody"])["content"]] if "requestBody" in op else []
            contents += [
                _resolved(r).get("content", {})
                for status, r in op["responses"].items()
                if status.startswith("2")
            ]
            for content in contents:
                if "application/json" not in content:
                    continue
                seen += 1
                marked = content["application/json"].get("x-emulator-extension") is True
                assert marked is not soa, op["operationId"]
                assert "application/xml" in content, op["operationId"]
    assert seen > 40


def test_no_anonymous_unions_and_nullable_enums_are_bare_refs() -> None:
    """Generators name each multi-branch `oneOf` InlineObjectN (and Go pulls in a validator
    module for it); C and Java cannot compile `oneOf: [$ref, null]` enums."""

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            branches = node.get("oneOf")
            if isinstance(branches, list):
                real = [b for b in branches if b.get("type") != "null"]
                assert len(real) == 1, f"anonymous union at {where}"
                assert "$ref" not in real[0] or "enum" not in resolve(real[0]), where
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(SPEC, "#")
    for name, schema in SCHEMAS.items():
        for prop in schema.get("x-hpc-nillable", []):
            target = schema["properties"][prop]
            assert set(target) == {"$ref"} and "enum" in resolve(target), f"{name}.{prop}"


def test_client_notes_state_the_wire_rules() -> None:
    notes = SPEC["info"]["description"].split("**Client notes")[1]
    for rule in ("Content-Length: 0", "Accept: application/xml", "application/json", "api-version"):
        assert rule in notes


def _parameters() -> list[tuple[str, dict[str, Any]]]:
    found = list(SPEC["components"]["parameters"].items())
    for path, item in SPEC["paths"].items():
        for op in [item, *(v for k, v in item.items() if k in METHODS)]:
            for param in op.get("parameters", []):
                if "$ref" not in param:
                    found.append((f"{path} {param['name']}", param))
    return found


def test_enum_parameters_are_inline_and_python_keeps_one_named_enum() -> None:
    """openapi-generator's C client cannot compile a `$ref` enum parameter (its `*_e` type is
    never declared), so enum parameters are inline with a `title`; the Python view turns each
    back into one named component (`RenderMode`, not one class per operation)."""
    import sys

    sys.path.insert(0, str(ROOT / "generator"))
    try:
        from prepare_spec import derive, unprefixed
    finally:
        sys.path.pop(0)
    enums = {}
    for where, param in _parameters():
        schema = param["schema"]
        assert "enum" in schema or "enum" not in resolve(schema), f"$ref enum parameter {where}"
        if "enum" in schema:
            assert schema.get("title") and schema.get("type") == "string", where
            enums[where] = schema
    assert {s["title"] for s in enums.values()} == {"RenderMode", "ListRenderMode"}
    for view in (derive(SPEC), unprefixed(SPEC)):
        params, schemas = view["components"]["parameters"], view["components"]["schemas"]
        assert params["Render"]["schema"] == {"$ref": "#/components/schemas/RenderMode"}
        assert params["ListRender"]["schema"] == {"$ref": "#/components/schemas/ListRenderMode"}
        assert schemas["RenderMode"]["enum"] == ["RestPropRender", "HpcJobXml"]
        assert schemas["ListRenderMode"]["enum"] == ["RestPropRender"]
