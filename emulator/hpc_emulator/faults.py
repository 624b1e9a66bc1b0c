"""Faults the emulator answers with: HTTP status + HpcWebServiceFault code (see DESIGN.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

API_VERSION_INCORRECT = 50331700  # 0x03000034 WebAPI_APIVersionIncorrect [C]
ACCESS_DENIED = 50331701  # 0x03000035 WebAPI_AccessDenied [C]
NOT_SUPPORT_DURABLE = 50331698  # 0x03000032 Azure_NotSupportDurableSession [C]
ARGUMENT_ERROR = 251723775  # 0x0F00FFFF SOA ArgumentError [C]
UNKNOWN_ERROR = 251658240  # 0x0F000000 SOA UnknownError [C]
GENERIC = 267386880  # 0x0FF00000, the documentation's example code [D]
INVALID_STATE = -2147220984  # Cancel Job's documented example ("Jobs in the Canceled state...") [D]


@dataclass
class Fault(Exception):
    """Raised anywhere in the emulator; the HTTP layer renders it as the service would."""

    status: int
    code: int
    message: str
    values: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)  # extra HTTP headers (e.g. Allow on 405)

    def __str__(self) -> str:
        return f"{self.status} {self.code}: {self.message}"


def bad_request(message: str, code: int = ARGUMENT_ERROR) -> Fault:
    return Fault(400, code, message)


def not_found(message: str) -> Fault:
    return Fault(404, GENERIC, message)


def invalid_state(message: str) -> Fault:
    return Fault(409, INVALID_STATE, message)


def forbidden(message: str = "Access denied.") -> Fault:
    return Fault(403, ACCESS_DENIED, message)
