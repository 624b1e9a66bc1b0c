"""The schema-driven codec itself: ordering, namespaces, nil, wrapped arrays, type coercion."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hpcpack import MalformedResponse, XmlCharacterError, _spec, xmlcodec

from .conftest import XSI


@pytest.fixture
def reversed_start_info(monkeypatch: pytest.MonkeyPatch) -> None:
    """A spec whose WebSessionStartInfo lists its members in reverse: the wire order must not
    follow the declaration order but the ordinal one the schema asks for."""
    schemas = copy.deepcopy(_spec.schemas())
    body = schemas["WebSessionStartInfo"]
    body["properties"] = dict(reversed(list(body["properties"].items())))
    plain = schemas["WebSessionInfo"]
    plain["properties"] = dict(reversed(list(plain["properties"].items())))
    monkeypatch.setattr(_spec, "schemas", lambda: schemas)


@pytest.mark.usefixtures("reversed_start_info")
def test_ordinal_order_is_computed_not_copied() -> None:
    data = {
        "Username": "u",
        "UseSessionPool": False,
        "ServiceName": "S",
        "AdminJobForHostInDiag": True,
    }
    assert (
        xmlcodec.encode("WebSessionStartInfo", data)
        == (
            f'<WebSessionStartInfo xmlns="http://hpc.microsoft.com/" xmlns:i="{XSI}">'
            "<AdminJobForHostInDiag>true</AdminJobForHostInDiag><ServiceName>S</ServiceName>"
            "<UseSessionPool>false</UseSessionPool><Username>u</Username></WebSessionStartInfo>"
        ).encode()
    )
    # a schema without the ordinal marker keeps its declared order
    info = {"BrokerNode": "b", "Id": 1}
    assert xmlcodec.encode("WebSessionInfo", info).index(b"<Id>") < xmlcodec.encode(
        "WebSessionInfo", info
    ).index(b"<BrokerNode>")


def test_decoding_coerces_to_schema_types() -> None:
    name, data = xmlcodec.decode(
        f'<WebSessionInfo xmlns="http://hpc.microsoft.com/" xmlns:i="{XSI}"><BrokerNode>b'
        "</BrokerNode><Id> 12 </Id><IsDurable>1</IsDurable><MaxMessageSize>70000"
        "</MaxMessageSize><ServiceOperationTimeout>5</ServiceOperationTimeout>"
        "<Unknown>ignored</Unknown></WebSessionInfo>".encode()
    )
    assert name == "WebSessionInfo"
    assert data == {
        "BrokerNode": "b",
        "Id": 12,
        "IsDurable": True,
        "MaxMessageSize": 70000,
        "ServiceOperationTimeout": 5,
    }


@pytest.mark.parametrize(
    "element",
    ["<Id>twelve</Id>", "<IsDurable>yes</IsDurable>", "<MaxMessageSize>1e3</MaxMessageSize>"],
)
def test_values_of_the_wrong_type_are_malformed(element: str) -> None:
    with pytest.raises(MalformedResponse):
        xmlcodec.decode(
            f'<WebSessionInfo xmlns="http://hpc.microsoft.com/">{element}</WebSessionInfo>'.encode()
        )


def test_enum_names_become_their_json_numbers_and_unknown_names_are_refused() -> None:
    status = '<BrokerClientStatus xmlns="http://hpc.microsoft.com">{}</BrokerClientStatus>'
    assert xmlcodec.decode(status.format("Processing").encode()) == ("BrokerClientStatus", 2)
    with pytest.raises(MalformedResponse):
        xmlcodec.decode(status.format("Exploded").encode())


@pytest.mark.parametrize(
    ("root", "data", "expected"),
    [
        (
            "ArrayOfstring",
            ["a", "", "c&d"],
            '<ArrayOfstring xmlns="http://schemas.microsoft.com/2003/10/Serialization/Arrays" '
            f'xmlns:i="{XSI}"><string>a</string><string></string><string>c&amp;d</string></ArrayOfstring>',
        ),
        (
            "ArrayOfProperty",
            [],
            '<ArrayOfProperty xmlns="http://schemas.microsoft.com/HPCS2008R2/common" '
            f'xmlns:i="{XSI}"/>',
        ),
        (
            "SerializedInt",
            -5,
            '<int xmlns="http://schemas.microsoft.com/2003/10/Serialization/">-5</int>',
        ),
        (
            "CancelMessage",
            "",
            '<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/"></string>',
        ),
    ],
)
def test_wrapped_arrays_and_scalars(root: str, data: Any, expected: str) -> None:
    wire = xmlcodec.encode(root, data)
    assert wire == expected.encode()
    assert xmlcodec.decode(wire)[1] == data


def test_nested_nil_and_foreign_namespace_items() -> None:
    fault = {"Code": 7, "Message": "m", "Values": [{"key": "k", "value": None}]}
    wire = xmlcodec.encode("HpcWebServiceFault", fault)
    assert b'<a:value i:nil="true"/>' in wire
    assert b'xmlns:a="http://schemas.datacontract.org/2004/07/System.Collections.Generic"' in wire
    assert xmlcodec.decode(wire) == ("HpcWebServiceFault", fault)


def test_check_chars_names_the_character_and_its_offset() -> None:
    with pytest.raises(XmlCharacterError, match="U\\+0001 at offset 2"):
        xmlcodec.check_chars("ab\x01")
    assert xmlcodec.check_chars("tab\tnl\ncr\r é \U0001f600") == "tab\tnl\ncr\r é \U0001f600"
    # a carriage return survives the round trip (as a character reference)
    props = [{"Name": "CommandLine", "Value": "a\r\nb"}]
    assert xmlcodec.decode(xmlcodec.encode("ArrayOfProperty", props))[1] == props


CATALOGUE_NUMBERS = {  # API catalogue §3.7
    "JobState": {
        "Configuring": 1,
        "Submitted": 2,
        "Validating": 4,
        "ExternalValidation": 8,
        "Queued": 16,
        "Running": 32,
        "Finishing": 64,
        "Finished": 128,
        "Failed": 256,
        "Canceled": 512,
        "Canceling": 1024,
        "All": 2047,
    },
    "TaskState": {
        "Configuring": 1,
        "Submitted": 2,
        "Validating": 4,
        "Queued": 8,
        "Dispatching": 16,
        "Running": 32,
        "Finishing": 64,
        "Finished": 128,
        "Failed": 256,
        "Canceled": 512,
        "Canceling": 1024,
        "All": 2047,
    },
    "NodeState": {"Offline": 1, "Draining": 2, "Online": 4, "All": 7},
    "JobPriority": {"Lowest": 0, "BelowNormal": 1, "Normal": 2, "AboveNormal": 3, "Highest": 4},
    "JobUnitType": {"Core": 0, "Socket": 1, "Node": 2},
    "TaskType": {"Basic": 0, "ParametricSweep": 1, "NodePrep": 2, "NodeRelease": 3, "Service": 4},
    "JobNodeGroupOp": {"Intersect": 0, "Uniform": 1, "Union": 2},
}


@pytest.mark.parametrize("enum_name", sorted(CATALOGUE_NUMBERS))
def test_enum_values_by_number_follow_the_catalogue(enum_name: str) -> None:
    import hpc_client.models as models
    from hpcpack import properties

    enum_cls = getattr(models, enum_name)
    lookup = properties._enum_lookup(enum_cls)
    for name, number in CATALOGUE_NUMBERS[enum_name].items():
        assert lookup[str(number)].value == name, (enum_name, number)
        assert lookup[name.lower()].value == name
