"""The client factory: URL forms, credentials policy, auth choices, TLS, format and headers."""

from __future__ import annotations

import base64
import ssl
from pathlib import Path

import hpcpack
import httpx
import pytest
from hpcpack import AsyncHpcClient, HpcClient, InsecureCredentials, NtlmAuth

from .conftest import Wire, make_client, scalar_xml, xml


def test_public_api_is_exported() -> None:
    for name in (
        "HpcClient",
        "AsyncHpcClient",
        "Job",
        "Task",
        "Node",
        "JobState",
        "TaskState",
        "TaskType",
        "SessionStartInfo",
        "HpcError",
        "NotFound",
        "ApiVersionIncorrect",
    ):
        assert name in hpcpack.__all__
        assert getattr(hpcpack, name) is not None
    assert set(hpcpack.__all__) <= set(dir(hpcpack))
    assert (Path(hpcpack.__file__).parent / "py.typed").exists()


@pytest.mark.parametrize(
    ("url", "cluster", "expected"),
    [
        ("https://head", None, "/WindowsHpc/Version"),
        ("https://head/", None, "/WindowsHpc/Version"),
        ("https://head/WindowsHpc", None, "/WindowsHpc/Version"),
        ("https://head:8443/WindowsHPC/", None, "/WindowsHPC/Version"),
        ("https://head", "CLUSTER1", "/WindowsHpc/CLUSTER1/Version"),
        ("https://head/WindowsHpc", "a/b", "/WindowsHpc/a%2Fb/Version"),
    ],
)
def test_url_forms(wire: Wire, url: str, cluster: str | None, expected: str) -> None:
    wire.answer(xml(scalar_xml("string", "5")))
    with make_client(wire, url=url, cluster=cluster) as hpc:
        hpc.cluster.version()
    assert wire.last.url.raw_path.decode() == expected


def test_basic_over_plain_http_is_refused() -> None:
    with pytest.raises(InsecureCredentials, match="allow_insecure_basic"):
        HpcClient("http://head", username="HPC\\alice", password="pw")
    with pytest.raises(InsecureCredentials):
        HpcClient("http://head", auth=httpx.BasicAuth("u", "p"))
    with pytest.raises(InsecureCredentials):
        AsyncHpcClient("http://u:p@head")


def test_basic_over_http_allowed_when_asked(wire: Wire) -> None:
    wire.answer(xml(scalar_xml("string", "5")))
    with make_client(wire, url="http://127.0.0.1:1", allow_insecure_basic=True) as hpc:
        hpc.cluster.version()
    expected = base64.b64encode(b"HPC\\alice:s3cret-pw").decode()
    assert wire.last.headers["authorization"] == f"Basic {expected}"


def test_no_credentials_over_http_is_fine(wire: Wire) -> None:
    wire.answer(xml(scalar_xml("string", "5")))
    with make_client(wire, url="http://head", username=None, password=None) as hpc:
        hpc.cluster.version()
    assert "authorization" not in wire.last.headers


def test_ntlm_is_chosen_by_auth_method(wire: Wire) -> None:
    wire.answer(xml(scalar_xml("string", "5")))
    with make_client(wire, url="http://head", auth_method="ntlm") as hpc:
        assert isinstance(hpc.http.auth.inner, NtlmAuth)  # type: ignore[attr-defined]
        assert "s3cret" not in repr(hpc.http.auth)
        hpc.cluster.version()
    scheme, token = wire.last.headers["authorization"].split(" ", 1)
    assert scheme == "NTLM"
    assert base64.b64decode(token)[:12] == b"NTLMSSP\x00\x01\x00\x00\x00"  # NEGOTIATE_MESSAGE


def test_a_ready_auth_is_used_as_is(wire: Wire) -> None:
    class Token(httpx.Auth):
        def auth_flow(self, request: httpx.Request):  # type: ignore[no-untyped-def]
            request.headers["Authorization"] = "Bearer abc"
            yield request

    wire.answer(xml(scalar_xml("string", "5")))
    with make_client(wire, url="http://head", username=None, auth=Token()) as hpc:
        hpc.cluster.version()
    assert wire.last.headers["authorization"] == "Bearer abc"


def test_tls_verification_is_on_by_default_and_ca_bundle_is_used(tmp_path: Path) -> None:
    from hpc_emulator.tls import self_signed

    cert, _key = self_signed(tmp_path)
    with HpcClient("https://head") as hpc:
        pool = hpc.transport.inner._pool  # type: ignore[attr-defined]
        assert pool._ssl_context.verify_mode is ssl.CERT_REQUIRED
    with HpcClient("https://head", ca_bundle=str(cert)) as hpc:
        context = hpc.transport.inner._pool._ssl_context  # type: ignore[attr-defined]
        assert context.verify_mode is ssl.CERT_REQUIRED
        assert context.get_ca_certs()[0]["subject"] == ((("commonName", "localhost"),),)
    with HpcClient("https://head", verify=False) as hpc:
        assert hpc.transport.inner._pool._ssl_context.verify_mode is ssl.CERT_NONE  # type: ignore[attr-defined]


def test_timeouts_limits_and_headers(wire: Wire) -> None:
    with make_client(wire, timeout=3.5) as hpc:
        assert hpc.http.timeout == httpx.Timeout(3.5)
        assert hpc.http.headers["api-version"] == "2012-11-01.4.0"
        assert hpc.http.headers["accept"] == "application/xml"
    with make_client(wire, format="json", api_version="2011-11-01") as hpc:
        assert hpc.http.headers["accept"] == "application/xml"  # SOA calls ask for JSON
        assert hpc.http.headers["api-version"] == "2011-11-01"
        assert hpc.format == "json"
    with pytest.raises(ValueError):
        make_client(wire, format="yaml")
    with pytest.raises(ValueError):
        make_client(wire, auth_method="kerberos")


def test_api_version_view_shares_and_does_not_close(wire: Wire) -> None:
    wire.answer(xml(scalar_xml("string", "5")))
    with make_client(wire) as hpc:
        old = hpc.with_api_version("2011-11-01")
        assert old.transport is hpc.transport
        old.close()
        hpc.cluster.version()  # still open
        assert wire.last.headers["api-version"] == "2012-11-01.4.0"


def test_repr_names_user_not_password() -> None:
    hpc = HpcClient("https://head", username="HPC\\alice", password="hunter2")
    assert "hunter2" not in repr(hpc) and "alice" in repr(hpc)
    hpc.close()


class NtlmServer:
    """The head node side of an NTLM handshake (pyspnego's server context)."""

    def __init__(self) -> None:
        import spnego

        self.context = spnego.server(hostname="head", service="HTTP", protocol="ntlm")
        self.user: str | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme != "NTLM" or not token:
            return httpx.Response(401, headers={"WWW-Authenticate": "NTLM"})
        try:
            answer = self.context.step(base64.b64decode(token))
        except Exception:  # wrong credentials: the handshake fails
            return httpx.Response(401, headers={"WWW-Authenticate": "NTLM"})
        if not self.context.complete:
            challenge = base64.b64encode(answer or b"").decode()
            return httpx.Response(401, headers={"WWW-Authenticate": f"NTLM {challenge}"})
        self.user = self.context.client_principal
        return xml(scalar_xml("string", "5.3"))


@pytest.mark.parametrize(("password", "ok"), [("s3cret-pw", True), ("wrong", False)])
def test_ntlm_handshake(
    wire: Wire, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, password: str, ok: bool
) -> None:
    users = tmp_path / "ntlm-users"
    users.write_text("HPC:alice:s3cret-pw\n")
    monkeypatch.setenv("NTLM_USER_FILE", str(users))
    server = NtlmServer()
    wire.handler = server
    with make_client(wire, url="http://head", auth_method="ntlm", password=password) as hpc:
        if ok:
            assert hpc.cluster.version() == "5.3"
            assert server.user == "HPC\\alice"
        else:
            with pytest.raises(hpcpack.Unauthorized):
                hpc.cluster.version()
    assert len(wire.requests) == 2  # negotiate, authenticate (the challenge answered once)
    assert all(password not in str(r.headers) for r in wire.requests)


def test_digest_challenge_is_answered_not_raised(wire: Wire) -> None:
    """A ready httpx.Auth with a challenge round trip: the first 401 goes to the flow."""

    def handler(request: httpx.Request) -> httpx.Response:
        if "authorization" not in request.headers:
            challenge = 'Digest realm="WindowsHpc", nonce="abc", qop="auth", algorithm=MD5'
            return httpx.Response(401, headers={"WWW-Authenticate": challenge})
        assert request.headers["authorization"].startswith("Digest ")
        return xml(scalar_xml("string", "5.3"))

    wire.handler = handler
    auth = httpx.DigestAuth("HPC\\alice", "pw")
    with make_client(wire, username=None, auth=auth) as hpc:
        assert hpc.cluster.version() == "5.3"
    assert len(wire.requests) == 2


async def test_final_401_is_unauthorized_async(wire: Wire) -> None:
    from .conftest import make_async_client

    wire.answer(httpx.Response(401, headers={"WWW-Authenticate": 'Basic realm="WindowsHpc"'}))
    async with make_async_client(wire) as hpc:
        with pytest.raises(hpcpack.Unauthorized):
            await hpc.cluster.version()
    assert len(wire.requests) == 1
