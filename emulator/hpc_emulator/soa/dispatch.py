"""Calling a service handler for one request, and turning its outcome into a stored response.

Kept apart from the broker so the contract with user handlers (see `services.py`) lives in one
place: what is awaited, where sync code runs, how replies are checked and failures reported.
"""

from __future__ import annotations

import asyncio
import inspect
import re

from ..faults import Fault
from . import envelopes as env
from .services import Service, ServiceRegistry, Version

_BODY_NS = re.compile(r'^<[^\s>/]+ xmlns="([^"]*)"')


async def compute(
    registry: ServiceRegistry,
    service_name: str,
    version: Version | None,
    req: env.Request,
    timeout: float | None,
) -> tuple[str, str, bool]:
    """(reply action, output, is fault) for one request; service failures become faults."""
    try:
        service = registry.get(service_name, version)
        if req.generic and not service.generic:
            raise ValueError(f"{service.name} is not a generic service.")
        result = await _call(service, req, timeout)
        if req.generic:
            if not isinstance(result, str):
                raise TypeError(f"the service returned {type(result).__name__}, not str")
            return env.GENERIC_REPLY_ACTION, result, False
        return req.action + "Response", _reply_body(service, req, result), False
    except Exception as exc:  # the service's failure, not the broker's
        return env.FAULT_ACTION, _describe(exc, timeout), True


async def _call(service: Service, req: env.Request, timeout: float | None) -> object:
    if service.is_async or service.inline:
        result: object = service.handler(req.operation, req.body)
    else:
        loop = asyncio.get_running_loop()
        call = loop.run_in_executor(None, service.handler, req.operation, req.body)
        result = await asyncio.wait_for(call, timeout)
    if inspect.isawaitable(result):
        result = await asyncio.wait_for(result, timeout)
    return result


def _reply_body(service: Service, req: env.Request, result: object) -> str:
    """Handler output as the response's `s:Body` content (see services.py for the contract)."""
    if not isinstance(result, str):
        raise TypeError(f"the service returned {type(result).__name__}, not str")
    text = result.strip()
    if text.startswith("<"):
        if not service.trusted:
            env.parse_xml_fragment(text)
        return text
    m = _BODY_NS.match(req.body)
    return env.wrap_result(req.operation, result, m.group(1) if m else "http://tempuri.org/")


def _describe(exc: Exception, timeout: float | None) -> str:
    if isinstance(exc, TimeoutError):
        return f"The service operation timed out after {timeout} s."
    if isinstance(exc, Fault):
        return exc.message
    return f"{type(exc).__name__}: {exc}"
