"""Which of a head node's two REST APIs a client speaks: `HpcClient(api=...)`.

* `"windowshpc"` (the default): `/WindowsHpc`, served by every HPC Pack since 2008 R2 SP2; the
  scheduler operations speak DataContract XML, SOA sessions live only here.
* `"hpc"`: `/hpc`, HPC Pack 2016 Update 1 and later, JSON [D: Azure/hpcpack CHANGELOG].
* `"auto"`: the client asks the head node once, at the first call that must know:
  `GET /hpc/cluster/version`. An answer means `"hpc"`; a 404 without the API's own error body
  (IIS's page for a path nothing serves) means `"windowshpc"`. Other failures (401, TLS, a
  timeout) are raised, not guessed from.

The choice applies to what both APIs offer (jobs, tasks, subtasks, nodes, groups, version,
templates), which return the same typed models either way. Operations only one API has always
go there: SOA sessions, Get Clusters, the HpcJobXml rendering and service versions to
WindowsHpc; finish, impersonation (`as_user`), node operations, node group changes, statistics
and metrics to `/hpc`, which raise `ApiUnavailable`, naming the API and version they need,
where the head node does not serve them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from .errors import ApiUnavailable, HpcFault, safe_url
from .hooks import araising, fault_from_response, raising

if TYPE_CHECKING:
    from ._dialects import Calls

__all__ = ["API_CHOICES", "NEEDS", "NEEDS_2019", "NEEDS_U3", "Dialect", "rest_root"]

API_CHOICES = ("windowshpc", "hpc", "auto")
NEEDS = "the /hpc REST API of HPC Pack 2016 Update 1 or later"
NEEDS_U3 = "the /hpc REST API of HPC Pack 2016 Update 3 or later"
NEEDS_2019 = "the /hpc REST API of HPC Pack 2019"
NEEDS_KEY = "hpc.needs"  # request extension: what a 404 from IIS means this call needed
PROBE_PATH = "/cluster/version"


@dataclass(frozen=True, slots=True)
class Dialect:
    """One API as the resources use it: its call builders (`calls` or `restcalls`, the same
    functions), its generated client and the httpx client that sends them."""

    name: str
    calls: Calls
    raw: Any
    http: Any


def check_choice(api: str) -> str:
    if api not in API_CHOICES:
        raise ValueError(f"api must be one of {', '.join(API_CHOICES)}, not {api!r}")
    return api


def rest_root(windowshpc_root: str) -> str:
    """`https://head/hpc` from `https://head/WindowsHpc` (the cluster segment never applies:
    `/hpc` exists only on 2016 and later, which have none)."""
    root = windowshpc_root.rstrip("/")
    if root.lower().endswith("/windowshpc"):
        root = root[: -len("/windowshpc")]
    return root + "/hpc"


def needing(kwargs: dict[str, Any], need: str) -> dict[str, Any]:
    """Request arguments that name what the call needs (for `ApiUnavailable`'s message)."""
    kwargs["extensions"] = {**kwargs.get("extensions", {}), NEEDS_KEY: need}
    return kwargs


# ASP.NET Web API's own 404 for a URI no route matches [D: Web API's HttpError text]: what an
# `/hpc` server older than the operation answers (e.g. finish on 2016 Update 1)
_NO_ROUTE = "no http resource was found that matches the request uri"


def _has_api_body(response: httpx.Response) -> bool:
    """Whether an error answer carries the `/hpc` API's own JSON error body (`{"Message":
    ...}`) rather than the web server's "nothing here" (IIS's page, Web API's no-route)."""
    if "json" not in response.headers.get("content-type", "").lower():
        return False
    try:
        body = response.json()
    except ValueError:
        return False
    if not isinstance(body, dict):
        return False
    message = next((v for k, v in body.items() if k.lower() == "message"), None)
    return isinstance(message, str) and not message.lower().startswith(_NO_ROUTE)


def rest_fault(response: httpx.Response) -> HpcFault:
    """The typed fault of a `/hpc` error answer."""
    request = response.request
    if response.status_code == 404 and not _has_api_body(response):
        need = request.extensions.get(NEEDS_KEY, NEEDS)
        return ApiUnavailable(
            f"{request.method} {request.url.path} needs {need}; this head node does not serve it",
            status=404,
            method=request.method,
            url=safe_url(request.url),
        )
    return fault_from_response(response)


raise_for_rest_fault = raising(rest_fault)  # the `/hpc` httpx clients' event hooks
araise_for_rest_fault = araising(rest_fault)


def probe_answer(exc: ApiUnavailable | None) -> str:
    """The API `"auto"` settles on, from the probe's outcome."""
    return "windowshpc" if exc is not None else "hpc"


def probe(http: httpx.Client) -> str:
    try:
        http.request("GET", PROBE_PATH, extensions={NEEDS_KEY: NEEDS})
    except ApiUnavailable as exc:
        return probe_answer(exc)
    return probe_answer(None)


async def aprobe(http: httpx.AsyncClient) -> str:
    try:
        await http.request("GET", PROBE_PATH, extensions={NEEDS_KEY: NEEDS})
    except ApiUnavailable as exc:
        return probe_answer(exc)
    return probe_answer(None)
