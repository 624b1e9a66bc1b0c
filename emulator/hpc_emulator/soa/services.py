"""SOA services the emulated broker can run: a registry of Python callables plus EchoService.

A *handler* is `handler(operation, body) -> reply` (or an awaitable of the reply):

* normal service: `operation` is the last segment of the request's SOAP action (`Echo` for
  `http://tempuri.org/IService/Echo`) and `body` the `s:Body` child as XML text, e.g.
  `<Echo xmlns="http://tempuri.org/"><message>hi</message></Echo>`. Return either the reply
  body XML (`<EchoResponse xmlns="http://tempuri.org/">...</EchoResponse>`, anything starting
  with `<`; it is checked for well-formedness) or plain text, which the broker wraps as
  `<{operation}Response xmlns=ns><{operation}Result>text</...></...>` in the request's namespace;
* generic service (`generic=True`): requests sent with `genericservice=true` arrive as
  `operation == "GenericOperation"` with the input text as `body`; return text. A generic
  service also receives normal SOAP requests (as above); a non-generic one refuses generic sends.

Raising any exception turns that one request's response into a SOAP fault; the broker goes on.
Sync handlers run on a worker thread (they may block) unless registered with `inline=True`
(cheap pure functions: no thread hop, much higher throughput). `async def` handlers run on the
broker's event loop. Example::

    registry = ServiceRegistry()
    registry.register("Upper", lambda op, text: text.upper(), generic=True, inline=True)

    async def add(op: str, body: str) -> str:
        root = ET.fromstring(body)
        return str(sum(int(e.text or 0) for e in root))   # wrapped as <AddResponse>...
    registry.register("Calc", add, version=(1, 0, 0, 0))

Emulator users reach this registry through `EmulatorConfig.services` / `run_emulator(services=)`
(a name -> handler or `ServiceSpec` mapping), `RunningEmulator.register_service` on a live
emulator, or `hpc-emulator --service NAME=module:callable`.
"""

from __future__ import annotations

import asyncio
import inspect
import re
import threading
import xml.etree.ElementTree as ET
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..faults import bad_request, not_found
from .envelopes import GENERIC_OPERATION, escape

_MESSAGE = re.compile(r"<message(?: xmlns=\"[^\"]*\")?>([^<]*)</message>")
Handler = Callable[[str, str], "str | Awaitable[str]"]
Version = tuple[int, int, int, int]


@dataclass(frozen=True)
class Service:
    """A registered service. `trusted` skips output validation (built-ins only)."""

    name: str
    handler: Handler
    version: Version | None
    generic: bool
    inline: bool
    trusted: bool = False

    @property
    def is_async(self) -> bool:
        return inspect.iscoroutinefunction(self.handler)


@dataclass(frozen=True)
class ServiceSpec:
    """A handler with its registration options, for places that take a name -> service map."""

    handler: Handler
    version: tuple[int, ...] | None = None
    generic: bool = False
    inline: bool = False


ServiceDef = Handler | ServiceSpec  # what `EmulatorConfig.services` and `--service` accept


def version_dict(version: Version | None) -> dict[str, int]:
    """`System.Version` as serialised by the service; `None` is .NET `new Version(0, 0)`."""
    major, minor, build, revision = version if version is not None else (0, 0, -1, -1)
    return {"_Build": build, "_Major": major, "_Minor": minor, "_Revision": revision}


def parse_version(value: Any) -> Version | None:
    """Accept a dict (`_Major`... or `Major`...), a tuple, a `"1.0.0.0"` string, or None."""
    if value is None or value == "":
        return None
    try:
        if isinstance(value, dict):
            fields: dict[str, Any] = value
            keys = ("Major", "Minor", "Build", "Revision")
            got = [int(fields.get(f"_{k}", fields.get(k, -1))) for k in keys]
            return (got[0], got[1], got[2], got[3])
        parts = [int(p) for p in (value.split(".") if isinstance(value, str) else value)]
    except (TypeError, ValueError) as exc:
        raise bad_request(f"Invalid service version {value!r}.") from exc
    if not 2 <= len(parts) <= 4:
        raise bad_request(f"Invalid service version {value!r}.")
    parts += [-1] * (4 - len(parts))
    return (parts[0], parts[1], parts[2], parts[3])


class ServiceRegistry:
    """Services by name (case-insensitive, like registration file names on Windows)."""

    def __init__(self, *, builtins: bool = True) -> None:
        self._services: dict[str, dict[Version | None, Service]] = {}
        self._write = threading.Lock()  # writers only: readers see whole entries (see _add)
        if builtins:
            self._add(Service("EchoService", echo_handler, None, True, True, trusted=True))

    def register(
        self,
        name: str,
        handler: Handler,
        version: tuple[int, ...] | None = None,
        generic: bool = False,
        *,
        inline: bool = False,
    ) -> Service:
        """Register `handler` as service `name` (see the module docstring for the contract).

        `version` is a 2- to 4-tuple (missing parts are -1, as in .NET); registering the same
        name with another version adds a version, with the same version replaces it.
        """
        if not name or len(name) > 256:
            raise ValueError("service name must be 1..256 characters")
        if not callable(handler):
            raise TypeError(f"service {name!r}: the handler must be callable, got {handler!r}")
        service = Service(name, handler, parse_version(version), generic, inline)
        self._add(service)
        return service

    def register_all(self, services: Mapping[str, ServiceDef]) -> None:
        """Register each name -> handler (defaults) or `ServiceSpec` (its options)."""
        for name, item in services.items():
            if isinstance(item, ServiceSpec):
                self.register(name, item.handler, item.version, item.generic, inline=item.inline)
            else:
                self.register(name, item)

    def _add(self, service: Service) -> None:
        # Copy-on-write, then one assignment: a registration from a test's thread never shows
        # the broker's event loop a half-built entry; the lock keeps concurrent writers' updates.
        key = service.name.lower()
        with self._write:
            versions = dict(self._services.get(key, {}))
            versions[service.version] = service
            self._services[key] = versions

    def unregister(self, name: str) -> None:
        with self._write:
            self._services.pop(name.lower(), None)

    def names(self) -> list[str]:
        return sorted(next(iter(v.values())).name for v in list(self._services.values()))

    def get(self, name: str, version: Version | None = None) -> Service:
        """The service at `version`, or its highest version when None; Fault 404 if unknown."""
        versions = self._services.get(name.lower())
        if not versions:
            raise not_found(f"The service {name} is not registered.")
        if version is None:
            return versions[max(versions, key=lambda v: v or (0, 0, -1, -1))]
        if version not in versions:
            raise bad_request(f"Version {'.'.join(map(str, version))} of {name} is not registered.")
        return versions[version]

    def service_versions(self, name: str) -> list[dict[str, int]]:
        """`System.Version[]` of a service, for `GET SoaService/{name}/Versions`."""
        versions = self._services.get(name.lower())
        if not versions:
            raise not_found(f"The service {name} is not registered.")
        return [version_dict(v) for v in sorted(versions, key=lambda v: v or (0, 0, -1, -1))]


def echo_handler(operation: str, body: str) -> str | Awaitable[str]:
    """EchoService: `Echo(message)`, `EchoWithDelay(message, delayMs)`, `EchoFault(message)`.

    Generic requests echo their input. `EchoWithDelay` exists to exercise streaming and
    `EchoFault` to exercise fault envelopes from the HTTP tests.
    """
    if operation == GENERIC_OPERATION:
        return body
    if operation == "Echo" and (m := _MESSAGE.search(body)):
        # Fast path: the broker's canonical serialisation; the text is already escaped.
        return _echo_reply("Echo", m.group(1), escaped=True)
    root = ET.fromstring(body)  # already parsed once by the guarded parser: safe
    message = next((e.text or "" for e in root.iter() if e.tag.endswith("message")), "")
    if operation == "Echo":
        return _echo_reply("Echo", message)
    if operation == "EchoFault":
        raise RuntimeError(message or "EchoFault")
    if operation == "EchoWithDelay":
        delay = next((e.text or "0" for e in root.iter() if e.tag.endswith("delayMs")), "0")
        return _delayed("EchoWithDelay", message, int(delay) / 1000)
    raise ValueError(f"EchoService has no operation {operation}.")


async def _delayed(operation: str, message: str, seconds: float) -> str:
    await asyncio.sleep(seconds)
    return _echo_reply(operation, message)


def _echo_reply(operation: str, message: str, escaped: bool = False) -> str:
    text = message if escaped else escape(message)
    return (
        f'<{operation}Response xmlns="http://tempuri.org/"><{operation}Result>{text}'
        f"</{operation}Result></{operation}Response>"
    )
