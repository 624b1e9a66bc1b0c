"""`HpcClient` / `AsyncHpcClient`: the configured httpx client, the generated client on top of
it (`hpc.raw`) and the resource helpers (`hpc.jobs`, `hpc.tasks`, ...)."""

from __future__ import annotations

import copy
import functools
import re
import ssl
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar
from urllib.parse import quote

import hpc_client
import httpx

from . import apis, ntlm_pool
from .auth import NtlmAuth
from .deadline import install
from .errors import HpcError, XmlCharacterError, safe_url
from .hooks import ChallengeAwareAuth, araise_for_fault, raise_for_fault
from .paging import PagingLimits
from .proxies import env_proxy
from .tlsdefault import LazyCAContext
from .transport import DEFAULT_MAX_BODY, AsyncHpcTransport, HpcTransport, wire_arguments

if TYPE_CHECKING:
    from .soa import AsyncSessions, Sessions

__all__ = ["DEFAULT_API_VERSION", "AsyncHpcClient", "HpcClient", "InsecureCredentials"]

DEFAULT_API_VERSION = "2012-11-01.4.0"
USER_AGENT = "hpcpack/0.1"
_Net = TypeVar("_Net", httpx.BaseTransport, httpx.AsyncBaseTransport)
_Wrapped = TypeVar("_Wrapped", HpcTransport, AsyncHpcTransport)


def _unencodable(exc: UnicodeEncodeError) -> XmlCharacterError:
    bad = exc.object[exc.start : exc.start + 1]
    code = f"U+{ord(bad):04X}" if bad else "a character"
    return XmlCharacterError(f"request value contains {code}, which cannot be sent (not UTF-8)")


_SOA_PATH = re.compile(r"/(sessions?|soaservice)/", re.IGNORECASE)


def _for_format(wire_format: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> dict[str, Any]:
    """`build_request` arguments in the request's own format: `format="json"` applies to the
    SOA operations only (JSON is documented there); the scheduler, node and cluster operations
    always speak XML, as a head node does (its old API "does XML only")."""
    if wire_format != "json":
        return wire_arguments(kwargs, "xml")
    url = kwargs.get("url", args[1] if len(args) > 1 else "")
    if not _SOA_PATH.search(str(url).split("?", 1)[0]):
        return wire_arguments(kwargs, "xml")
    headers = kwargs.get("headers")
    if headers is None or type(headers) is dict:
        headers = dict(headers or {})
        if not any(k.lower() == "accept" for k in headers):
            headers["Accept"] = "application/json"
        kwargs = {**kwargs, "headers": headers}
    return wire_arguments(kwargs, "json")


class _Client(httpx.Client):
    """httpx.Client whose request building encodes the generated operations' marked bodies
    straight to the wire format (`transport.wire_arguments`) and turns an unencodable value (a
    lone surrogate the generated code hands to `json=`) into the typed error, before anything
    is sent."""

    def __init__(self, *, wire_format: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.wire_format = wire_format

    def build_request(self, *args: Any, **kwargs: Any) -> httpx.Request:
        try:
            return super().build_request(*args, **_for_format(self.wire_format, args, kwargs))
        except UnicodeEncodeError as exc:
            raise _unencodable(exc) from None


class _AsyncClient(httpx.AsyncClient):
    """Async twin of `_Client`."""

    def __init__(self, *, wire_format: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.wire_format = wire_format

    def build_request(self, *args: Any, **kwargs: Any) -> httpx.Request:
        try:
            return super().build_request(*args, **_for_format(self.wire_format, args, kwargs))
        except UnicodeEncodeError as exc:
            raise _unencodable(exc) from None


def _calls_module() -> Any:
    from . import calls

    return calls


class InsecureCredentials(HpcError, ValueError):
    """Basic credentials would travel in clear text over plain http."""


def service_urls(base_url: str, cluster: str | None) -> tuple[str, str, tuple[str, str] | None]:
    """(root `.../WindowsHpc`, base with the cluster segment, credentials found in the URL)."""
    url = httpx.URL(base_url.strip())
    creds: tuple[str, str] | None = None
    if url.userinfo:
        creds = (url.username, url.password)
        url = url.copy_with(username=None, password=None)
    root = str(url).rstrip("/")
    if not root.lower().endswith("/windowshpc"):
        root += "/WindowsHpc"
    base = f"{root}/{quote(cluster, safe='')}" if cluster else root
    return root, base, creds


def _headers(api_version: str | None, format: str) -> dict[str, str]:
    """Default request headers; no `api-version` at all for None (HPC Pack 2008 R2 SP2)."""
    headers = {
        "Accept": "application/xml",  # SOA calls ask for JSON per request (`_for_format`)
        "User-Agent": USER_AGENT,
    }
    if api_version is not None:
        headers["api-version"] = api_version
    return headers


class _Config:
    """Everything both clients derive from the constructor arguments."""

    def __init__(
        self,
        base_url: str,
        *,
        cluster: str | None,
        username: str | None,
        password: str | None,
        auth: httpx.Auth | None,
        auth_method: str,
        api_version: str | None,
        format: str,
        verify: bool | ssl.SSLContext,
        ca_bundle: str | None,
        timeout: float | httpx.Timeout,
        allow_insecure_basic: bool,
        transport_given: bool = False,
    ) -> None:
        if format not in ("xml", "json"):
            raise ValueError("format must be 'xml' or 'json'")
        self.root, self.base, url_creds = service_urls(base_url, cluster)
        if url_creds and username is None:
            username, password = url_creds
        self.username = username
        self.password = password  # for the SOA start info only; never in reprs or messages
        self.cluster = cluster
        self.format = format
        self.api_version = api_version
        if auth_method not in ("basic", "ntlm", "negotiate"):
            raise ValueError("auth_method must be 'basic', 'ntlm' or 'negotiate'")
        # NTLM/Negotiate: per connection in our own pool (`ntlm_pool`); `NtlmAuth` (per
        # request, one connection at a time) only when the caller brings the transport
        self.ntlm: ntlm_pool.Credentials | None = None
        if auth is None and username is not None:
            if auth_method == "basic":
                auth = httpx.BasicAuth(username, password or "")
            elif transport_given:
                auth = NtlmAuth(username, password or "", protocol=auth_method)
            else:
                self.ntlm = ntlm_pool.Credentials(username, password or "", auth_method)
        plain = httpx.URL(self.root).scheme != "https"
        if plain and isinstance(auth, httpx.BasicAuth) and not allow_insecure_basic:
            raise InsecureCredentials(
                "refusing to send Basic credentials over plain http to "
                f"{httpx.URL(self.root).host}; use https, or pass allow_insecure_basic=True "
                "(e.g. for the loopback emulator)"
            )
        self.auth = auth
        if ca_bundle:
            self.verify: bool | ssl.SSLContext = ssl.create_default_context(cafile=ca_bundle)
        elif verify is True:
            self.verify = LazyCAContext()  # CAs load at the first TLS handshake, not for http
        else:
            self.verify = verify
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self.headers = _headers(api_version, format)

    def with_api_version(self, api_version: str | None) -> _Config:
        other = copy.copy(self)
        other.api_version = api_version
        other.headers = _headers(api_version, self.format)
        return other

    def repr(self, cls: str) -> str:
        user = f", username={self.username!r}" if self.username else ""
        return f"{cls}({safe_url(self.base)!r}{user}, format={self.format!r})"


class _ClientBase(Generic[_Net, _Wrapped]):
    """What both clients share: the constructor, `format`, `with_api_version` and the repr.
    Each client names its two transport classes and wires its own httpx client (`_wire`)."""

    _network: Callable[..., _Net]  # the default network transport
    _ntlm_network: Callable[..., _Net]  # the same, authenticating each connection (NTLM)
    _wrapper: Callable[..., _Wrapped]  # the transport that adds retries, codec and bounds
    http: Any  # the WindowsHpc httpx client and the generated client on it (`_wire`)
    raw: Any

    def __init__(
        self,
        base_url: str,
        *,
        cluster: str | None = None,
        username: str | None = None,
        password: str | None = None,
        auth: httpx.Auth | None = None,
        auth_method: str = "basic",
        api_version: str | None = DEFAULT_API_VERSION,
        format: str = "xml",
        verify: bool | ssl.SSLContext = True,
        ca_bundle: str | None = None,
        timeout: float | httpx.Timeout = 30.0,
        limits: httpx.Limits | None = None,
        retries: int = 3,
        allow_insecure_basic: bool = False,
        transport: _Net | None = None,
        max_body: int = DEFAULT_MAX_BODY,
        retry_backoff: float = 0.5,
        paging: PagingLimits | None = None,
        trust_env: bool = True,
        api: str = "windowshpc",
        as_user: str | None = None,
    ) -> None:
        self.paging = paging or PagingLimits()
        self._api_choice = apis.check_choice(api)
        self._api: str | None = None if api == "auto" else api
        self._as_user = as_user
        self.trust_env = trust_env
        self._config = cfg = _Config(
            base_url,
            cluster=cluster,
            username=username,
            password=password,
            auth=auth,
            auth_method=auth_method,
            api_version=api_version,
            format=format,
            verify=verify,
            ca_bundle=ca_bundle,
            timeout=timeout,
            allow_insecure_basic=allow_insecure_basic,
            transport_given=transport is not None,
        )
        inner = transport or self._network_for(cfg, limits, trust_env)
        self.transport: _Wrapped = self._wrapper(
            inner, format=format, retries=retries, max_body=max_body, backoff=retry_backoff
        )
        self._owns_transport = True
        self._wire()

    def _network_for(self, cfg: _Config, limits: httpx.Limits | None, trust_env: bool) -> _Net:
        """The network transport: the environment's proxy (if `trust_env`), and every socket
        operation under the call's overall deadline (`deadline.install`)."""
        proxy = env_proxy(cfg.root) if trust_env else None
        make: Callable[..., _Net] = self._network
        if cfg.ntlm is not None:  # NTLM/Negotiate: each pooled connection authenticates itself
            make = functools.partial(self._ntlm_network, cfg.ntlm)
        try:
            network = make(
                verify=cfg.verify,
                limits=limits or httpx.Limits(max_connections=20),
                proxy=proxy,
                trust_env=trust_env,
            )
        except (ImportError, ValueError) as exc:
            raise ValueError(
                f"cannot use the proxy {safe_url(proxy or '')} set in the environment "
                f"({type(exc).__name__}); pass trust_env=False to ignore it"
            ) from None
        install(network)
        return network

    def _wire(self) -> None:
        """(Re)build the httpx client, the generated client and the resource helpers."""
        raise NotImplementedError

    def with_api_version(self, api_version: str | None) -> Self:
        """A view of this client sending another `api-version` (same connections and auth).

        For one call: `hpc.with_api_version("2011-11-01").jobs.get(1)`; None sends no
        `api-version` (HPC Pack 2008 R2 SP2; faults then come as `<string>`). Closing the view
        leaves this client open. (The generated functions of `hpc.raw` also take
        `api_version=` per call.)
        """
        view = copy.copy(self)
        view._config = self._config.with_api_version(api_version)
        view._owns_transport = False
        view._wire()
        return view

    def acting_as(self, user: str) -> Self:
        """A view of this client whose calls act as `user` (`x-ms-as-user`): an Administrator
        or Job Administrator acting for that user, e.g. creating a job that user owns.
        Impersonation exists only in the `/hpc` API (HPC Pack 2016 Update 3 and later), so the
        view sends every call there; SOA sessions (WindowsHpc only) are refused."""
        view = copy.copy(self)
        view._as_user = user
        view._owns_transport = False
        view._wire()
        return view

    @property
    def api(self) -> str:
        """The API jobs, tasks and nodes use: "windowshpc" or "hpc" ("auto" until the first
        call that needed to ask the head node)."""
        if self._as_user is not None:
            return "hpc"
        return self._api or self._api_choice

    @property
    def as_user(self) -> str | None:
        return self._as_user

    def _windowshpc(self) -> apis.Dialect:
        return apis.Dialect("windowshpc", _calls_module(), self.raw, self.http)

    def _rest_headers(self) -> dict[str, str]:
        headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        if self._as_user is not None:
            headers["x-ms-as-user"] = self._as_user
        return headers

    def _new_rest(self, client_cls: type[Any], hook: Any, attach: str) -> apis.Dialect:
        """The `/hpc` httpx client (`client_cls`, fault `hook`) on this client's transport,
        and the generated `/hpc` client on it (`attach`: its sync or async setter)."""
        import hpc_rest_client

        from . import restcalls

        cfg = self._config
        root = apis.rest_root(cfg.root)
        http = client_cls(
            base_url=root,
            headers=self._rest_headers(),
            auth=ChallengeAwareAuth(cfg.auth),
            transport=self.transport,
            timeout=cfg.timeout,
            trust_env=self.trust_env,
            event_hooks={"response": [hook]},
            wire_format="xml",
        )
        raw = getattr(hpc_rest_client.Client(base_url=root), attach)(http)
        return apis.Dialect("hpc", restcalls, raw, http)

    def _no_sessions_as_user(self) -> None:
        if self._as_user is not None:
            raise ValueError(
                "SOA sessions exist only in the WindowsHpc API, which has no impersonation: "
                "use a client without acting_as()"
            )

    @property
    def format(self) -> str:
        return self._config.format

    def __repr__(self) -> str:
        return self._config.repr(type(self).__name__)


class HpcClient(_ClientBase[httpx.BaseTransport, HpcTransport]):
    """Synchronous client of one head node.

    `base_url` is the head node (`https://head[:port]`, optionally ending in `/WindowsHpc`);
    `cluster` adds the pre-2016 cluster segment. Credentials: `username`/`password` (Basic,
    or NTLM/Negotiate with `auth_method=`, needs `hpcpack[ntlm]`), or any ready `auth=`
    httpx.Auth; Basic over plain http is refused unless `allow_insecure_basic=True`.
    `api_version` is sent as a header on every call (None: none, for HPC Pack 2008 R2 SP2;
    `with_api_version()` for one call); `format="json"` selects JSON bodies and answers for
    the SOA operations only, where JSON is documented: scheduler, node and cluster operations
    always speak XML (a head node's WindowsHpc scheduler API is XML only).
    TLS is verified (`verify=`, `ca_bundle=`); `timeout`, `limits`, `retries` (idempotent calls
    only), `retry_backoff` and `max_body` (answer size bound) tune the transport; `transport=`
    replaces the network (e.g. `httpx.MockTransport` in tests). `timeout` bounds each call as a
    whole (connect, answer, retries and backoff: `HpcTimeout`), not only each socket read.
    `paging` bounds every list enumeration (`PagingLimits`: stalled pages, pages, rows).
    `HTTP(S)_PROXY`/`ALL_PROXY`/`NO_PROXY` are honoured as httpx does unless
    `trust_env=False`. `api` picks the REST API of what both have ("windowshpc", "hpc" for
    HPC Pack 2016 Update 1+, or "auto": ask the head node once; see `hpcpack.apis`); the
    `/hpc`-only operations (finish, node operations, `node_groups`, metrics) always use `/hpc`,
    and `as_user` (or `acting_as()`) sends every call there as that user.
    """

    _network = httpx.HTTPTransport
    _ntlm_network = staticmethod(ntlm_pool.transport)
    _wrapper = HpcTransport
    http: _Client
    raw: hpc_client.Client

    def _wire(self) -> None:
        from .resources import Cluster, Jobs, Nodes, Subtasks, Tasks

        cfg = self._config
        self.http = _Client(
            base_url=cfg.base,
            headers=cfg.headers,
            auth=ChallengeAwareAuth(cfg.auth),
            transport=self.transport,
            timeout=cfg.timeout,
            trust_env=self.trust_env,
            event_hooks={"response": [raise_for_fault]},
            wire_format=cfg.format,
        )
        self.root_url = cfg.root
        self.raw = hpc_client.Client(base_url=cfg.base).set_httpx_client(self.http)
        self.jobs = Jobs(self)
        self.tasks = Tasks(self)
        self.subtasks = Subtasks(self)
        self.nodes = Nodes(self)
        self.cluster = Cluster(self)
        self._sessions: Sessions | None = None
        self._rest: apis.Dialect | None = None
        from .resources import NodeGroups

        self.node_groups = NodeGroups(self)

    def _rest_dialect(self) -> apis.Dialect:
        """The `/hpc` API on the same connections, auth and bounds (built at first use)."""
        if self._rest is None:
            self._rest = self._new_rest(_Client, apis.raise_for_rest_fault, "set_httpx_client")
        return self._rest

    def _dialect(self) -> apis.Dialect:
        """The API of the operations both have (`api=`; "auto" asks once)."""
        if self._as_user is not None:
            return self._rest_dialect()
        if self._api is None:
            self._api = apis.probe(self._rest_dialect().http)
        return self._rest_dialect() if self._api == "hpc" else self._windowshpc()

    @property
    def sessions(self) -> Sessions:
        """SOA sessions; `hpcpack.soa` is imported on first use (job commands never load it)."""
        self._no_sessions_as_user()
        if self._sessions is None:
            from .soa import Sessions

            self._sessions = Sessions(self)
        return self._sessions

    def close(self) -> None:
        if self._owns_transport:
            self.http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _async_network(**options: Any) -> httpx.AsyncHTTPTransport:
    """httpx's async transport on the asyncio-native backend (`aionet`: less CPU per read)."""
    from . import aionet

    network = httpx.AsyncHTTPTransport(**options)
    aionet.install(network)
    return network


class AsyncHpcClient(_ClientBase[httpx.AsyncBaseTransport, AsyncHpcTransport]):
    """Asynchronous twin of `HpcClient`; the same surface with coroutines and async iterators."""

    _network = staticmethod(_async_network)
    _ntlm_network = staticmethod(ntlm_pool.async_transport)
    _wrapper = AsyncHpcTransport
    http: _AsyncClient
    raw: hpc_client.Client

    def _wire(self) -> None:
        from .aresources import AsyncCluster, AsyncJobs, AsyncNodes, AsyncSubtasks, AsyncTasks

        cfg = self._config
        self.http = _AsyncClient(
            base_url=cfg.base,
            headers=cfg.headers,
            auth=ChallengeAwareAuth(cfg.auth),
            transport=self.transport,
            timeout=cfg.timeout,
            trust_env=self.trust_env,
            event_hooks={"response": [araise_for_fault]},
            wire_format=cfg.format,
        )
        self.root_url = cfg.root
        self.raw = hpc_client.Client(base_url=cfg.base).set_async_httpx_client(self.http)
        self.jobs = AsyncJobs(self)
        self.tasks = AsyncTasks(self)
        self.subtasks = AsyncSubtasks(self)
        self.nodes = AsyncNodes(self)
        self.cluster = AsyncCluster(self)
        self._sessions: AsyncSessions | None = None
        self._rest: apis.Dialect | None = None
        from .aresources import AsyncNodeGroups

        self.node_groups = AsyncNodeGroups(self)

    def _rest_dialect(self) -> apis.Dialect:
        """The `/hpc` API on the same connections, auth and bounds (built at first use)."""
        if self._rest is None:
            hook = apis.araise_for_rest_fault
            self._rest = self._new_rest(_AsyncClient, hook, "set_async_httpx_client")
        return self._rest

    async def _dialect(self) -> apis.Dialect:
        """The API of the operations both have (`api=`; "auto" asks once)."""
        if self._as_user is not None:
            return self._rest_dialect()
        if self._api is None:
            self._api = await apis.aprobe(self._rest_dialect().http)
        return self._rest_dialect() if self._api == "hpc" else self._windowshpc()

    @property
    def sessions(self) -> AsyncSessions:
        """Async SOA sessions, imported on first use."""
        self._no_sessions_as_user()
        if self._sessions is None:
            from .soa import AsyncSessions

            self._sessions = AsyncSessions(self)
        return self._sessions

    async def aclose(self) -> None:
        if self._owns_transport:
            await self.http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
