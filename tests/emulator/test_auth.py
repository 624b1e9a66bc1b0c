"""Authentication on the wire, as a head node set up with `-AuthenticationMethod Basic|NTLM`
answers it: challenges, domain-qualified accounts, the per-connection NTLM handshake, and the
modes of the files the emulator keeps."""

from __future__ import annotations

import base64
import http.client
import os
import ssl
import stat
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import spnego
from hpc_emulator.testing import run_emulator, start_emulator_process

from .helpers import XML, V, fault_code, parse_int, parse_props, props_xml

USERS = {"HPC\\alice": "pw-hpc", "LAB\\alice": "pw-lab", "carol": "pw-carol"}


def basic(user: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def owner_of(c: httpx.Client, job: int, headers: dict[str, str]) -> str | None:
    r = c.get(f"/Job/{job}", params={"Properties": "Owner"}, headers=headers)
    assert r.status_code == 200, r.text
    return parse_props(r.text)["Owner"]


def new_job(c: httpx.Client, headers: dict[str, str]) -> int:
    r = c.post("/Jobs", content=props_xml(Name="j"), headers={**headers, **XML})
    assert r.status_code == 200, r.text
    return parse_int(r.text)


@pytest.fixture(scope="module")
def basic_emulator() -> Iterator[httpx.Client]:
    with run_emulator(users=USERS) as emu, httpx.Client(base_url=emu.base_url, timeout=30) as c:
        yield c


def test_basic_challenge_names_the_host_as_realm(basic_emulator: httpx.Client) -> None:
    r = basic_emulator.get("/Nodes", headers=V)
    assert r.status_code == 401 and fault_code(r) == 50331701
    assert r.headers.get_list("www-authenticate") == ['Basic realm="127.0.0.1"']


@pytest.mark.parametrize(
    ("login", "password"),
    [
        ("HPC\\alice", "pw-lab"),  # LAB\alice's password does not open HPC\alice
        ("LAB\\alice", "pw-hpc"),
        ("EVIL\\carol", "pw-carol"),  # carol is in the default domain, not in any domain
        ("alice", "pw-hpc"),  # alice alone is EMULATOR\alice: not configured
        ("HPC\\carol", "pw-carol"),
    ],
)
def test_a_login_is_its_domain_and_user(
    basic_emulator: httpx.Client, login: str, password: str
) -> None:
    assert basic_emulator.get("/Version", headers=basic(login, password)).status_code == 401


@pytest.mark.parametrize(
    ("login", "password", "owner"),
    [
        ("HPC\\alice", "pw-hpc", "HPC\\alice"),
        ("hpc\\ALICE", "pw-hpc", "HPC\\alice"),  # case-insensitive, owner as configured
        ("LAB\\alice", "pw-lab", "LAB\\alice"),
        ("carol", "pw-carol", "EMULATOR\\carol"),
        ("Emulator\\Carol", "pw-carol", "EMULATOR\\carol"),
    ],
)
def test_jobs_are_owned_by_the_account(
    basic_emulator: httpx.Client, login: str, password: str, owner: str
) -> None:
    who = basic(login, password)
    assert owner_of(basic_emulator, new_job(basic_emulator, who), who) == owner


def test_same_user_name_in_another_domain_is_another_owner(basic_emulator: httpx.Client) -> None:
    hpc, lab = basic("HPC\\alice", "pw-hpc"), basic("LAB\\alice", "pw-lab")
    job = new_job(basic_emulator, hpc)
    r = basic_emulator.put(
        f"/Job/{job}", content=props_xml(Name="taken"), headers={**lab, **XML, **V}
    )
    assert r.status_code == 403 and fault_code(r) == 50331701
    mine = basic_emulator.get("/Jobs", params={"Owner": "LAB\\alice"}, headers=lab)
    assert f"<Value>{job}</Value>" not in mine.text
    theirs = basic_emulator.get("/Jobs", params={"Owner": "hpc\\alice"}, headers=lab)
    assert f"<Value>{job}</Value>" in theirs.text


def test_default_domain_is_configurable() -> None:
    with (
        run_emulator(users={"alice": "pw"}, default_domain="HPC") as emu,
        httpx.Client(base_url=emu.base_url, timeout=30) as c,
    ):
        for login in ("alice", "HPC\\alice"):
            who = basic(login, "pw")
            assert owner_of(c, new_job(c, who), who) == "HPC\\alice"
        assert c.get("/Version", headers=basic("EMULATOR\\alice", "pw")).status_code == 401


# --- NTLM -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ntlm_url() -> Iterator[str]:
    with run_emulator(users=USERS, auth="ntlm") as emu:
        yield emu.url


def connect(url: str) -> http.client.HTTPConnection:
    host, port = url.removeprefix("http://").split(":")
    return http.client.HTTPConnection(host, int(port), timeout=30)


def get(
    conn: http.client.HTTPConnection, header: str | None = None, path: str = "/WindowsHpc/Nodes"
) -> http.client.HTTPResponse:
    headers = {"api-version": "2012-11-01.4.0"}
    if header is not None:
        headers["Authorization"] = header
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.read()
    return response


def ntlm_header(token: bytes, scheme: str = "NTLM") -> str:
    return f"{scheme} {base64.b64encode(token).decode()}"


def handshake(conn: http.client.HTTPConnection, user: str, password: str) -> int:
    """NEGOTIATE -> 401 CHALLENGE -> AUTHENTICATE on `conn`; the final status."""
    client = spnego.client(user, password, hostname="127.0.0.1", service="HTTP", protocol="ntlm")
    challenge = get(conn, ntlm_header(client.step() or b""))
    assert challenge.status == 401
    scheme, _, token = challenge.getheader("WWW-Authenticate", "").partition(" ")
    assert scheme == "NTLM" and token
    return get(conn, ntlm_header(client.step(base64.b64decode(token)) or b"")).status


def test_ntlm_offers_negotiate_and_ntlm_and_refuses_basic(ntlm_url: str) -> None:
    conn = connect(ntlm_url)
    r = get(conn)
    assert r.status == 401
    assert r.headers.get_all("WWW-Authenticate") == ["Negotiate", "NTLM"]
    assert get(conn, basic("HPC\\alice", "pw-hpc")["Authorization"]).status == 401
    conn.close()


def test_ntlm_authenticates_the_connection_not_the_client(ntlm_url: str) -> None:
    first, second = connect(ntlm_url), connect(ntlm_url)
    assert handshake(first, "HPC\\alice", "pw-hpc") == 200
    assert get(first).status == 200  # later requests on that connection need no header
    first.request("POST", "/WindowsHpc/Jobs", body=props_xml(Name="n"), headers=XML)
    created = first.getresponse()
    job = parse_int(created.read().decode())
    assert created.status == 200
    assert get(second).status == 401  # another connection from the same client is not in
    assert handshake(second, "LAB\\alice", "pw-lab") == 200
    path = f"/WindowsHpc/Job/{job}?Properties=Owner"
    assert b"HPC\\alice" in _body(first, path) and b"HPC\\alice" in _body(second, path)
    first.close()
    second.close()


def _body(conn: http.client.HTTPConnection, path: str) -> bytes:
    conn.request("GET", path)
    response = conn.getresponse()
    assert response.status == 200
    return response.read()


def test_ntlm_authenticate_on_another_connection_is_refused(ntlm_url: str) -> None:
    first, other = connect(ntlm_url), connect(ntlm_url)
    client = spnego.client("HPC\\alice", "pw-hpc", hostname="h", service="HTTP", protocol="ntlm")
    challenge = get(first, ntlm_header(client.step() or b"")).getheader("WWW-Authenticate", "")
    token = client.step(base64.b64decode(challenge.partition(" ")[2])) or b""
    assert get(other, ntlm_header(token)).status == 401
    first.close()
    other.close()


@pytest.mark.parametrize(
    ("user", "password", "status"),
    [
        ("HPC\\alice", "pw-hpc", 200),
        ("hpc\\ALICE", "pw-hpc", 200),
        ("HPC\\alice", "wrong", 401),
        ("HPC\\alice", "pw-lab", 401),
        ("EVIL\\carol", "pw-carol", 401),
        ("carol", "pw-carol", 200),  # no domain: the default domain
        ("EMULATOR\\carol", "pw-carol", 200),
        ("alice", "pw-hpc", 401),
    ],
)
def test_ntlm_accounts_follow_the_domain_rule(
    ntlm_url: str, user: str, password: str, status: int
) -> None:
    conn = connect(ntlm_url)
    assert handshake(conn, user, password) == status
    conn.close()


@pytest.mark.parametrize(
    "header",
    [
        "NTLM !!!not-base64",
        "NTLM " + base64.b64encode(b"garbage").decode(),
        "NTLM " + base64.b64encode(b"NTLMSSP\x00\x03\x00\x00\x00" + b"\x00" * 80).decode(),
        "Negotiate " + base64.b64encode(b"\x60\x03\x06\x01\x00").decode(),
        "NTLM",
    ],
)
def test_malformed_ntlm_tokens_are_refused_not_crashes(ntlm_url: str, header: str) -> None:
    conn = connect(ntlm_url)
    r = get(conn, header)
    assert r.status == 401
    assert handshake(conn, "HPC\\alice", "pw-hpc") == 200  # and the connection recovers
    conn.close()


# --- files ------------------------------------------------------------------------------


def test_state_files_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)  # the usual umask: files would be 0644 unless created private
    try:
        data = tmp_path / "state"
        with run_emulator(data_dir=data, users=USERS, auth="ntlm", tls=True) as emu:
            trust = ssl.create_default_context(cafile=emu.cert_file)
            port = int(emu.url.rsplit(":", 1)[1])
            conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=30, context=trust)
            assert handshake(conn, "carol", "pw-carol") == 200
            conn.close()
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in data.iterdir()}
            user_file = (data / "ntlm-users").read_text()
        assert stat.S_IMODE(data.stat().st_mode) == 0o700
        for name in ("emulator.sqlite3", "emulator.sqlite3-wal", "emulator.sqlite3-shm"):
            assert modes[name] == 0o600, (name, oct(modes[name]))
        assert modes["emulator-key.pem"] == 0o600 and modes["ntlm-users"] == 0o600
        assert not any(password in user_file for password in USERS.values())  # hashes only
    finally:
        os.umask(old)


def test_start_emulator_process_keeps_passwords_off_argv(tmp_path: Path) -> None:
    """Any local user reads /proc/<pid>/cmdline; the users file is gone once it listens."""
    secret = "argv-leak-check-7f2"
    proc = start_emulator_process(data_dir=tmp_path / "d", users={"HPC\\alice": secret})
    try:
        cmdline = Path(f"/proc/{proc.pid}/cmdline").read_bytes()
        assert secret.encode() not in cmdline and b"--users-file" in cmdline
        assert not [p for p in (tmp_path / "d").iterdir() if p.name.startswith(".users")]
        with httpx.Client(base_url=proc.base_url, timeout=30) as c:
            assert c.get("/Nodes", headers={**V, **basic("HPC\\alice", secret)}).status_code == 200
            assert c.get("/Nodes", headers={**V, **basic("HPC\\alice", "x")}).status_code == 401
    finally:
        proc.terminate()
