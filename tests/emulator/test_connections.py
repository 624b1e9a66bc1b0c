"""Connections as a head node keeps them, and BrokerNode a client can follow (raw wire).

* Idle keep-alive of 120 s (IIS/HTTP.sys), tested with `http.client`, which never reconnects
  after the server closed its connection (as Microsoft's `winhpclib.py` samples do).
* A request head must complete within the header timeout; connections beyond the cap are
  closed before a byte is read; other clients are served meanwhile.
* `WebSessionInfo.BrokerNode` is the Host the request came to, so a client sending every batch
  call to `http://{BrokerNode}/WindowsHpc/...` (as Microsoft's SOA client does) reaches the
  emulator on any port.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET

import httpx
import pytest
from hpc_emulator.testing import RunningEmulator, run_emulator

from .test_nodes_soa import ENVELOPE, HPC, START_INFO

V = {"api-version": "2012-11-01"}
XML = {"Content-Type": "application/xml; charset=utf-8", **V}


def _get_version(conn: http.client.HTTPConnection) -> int:
    conn.request("GET", "/WindowsHpc/Version", headers=V)
    response = conn.getresponse()
    response.read()
    return response.status


@pytest.mark.slow
def test_one_connection_survives_pauses_of_6_and_60_seconds(hpc_emulator: RunningEmulator) -> None:
    """Both pauses run at once (60 s in all); uvicorn's default closed after 5 s."""
    host, port = urllib.parse.urlsplit(hpc_emulator.url).netloc.split(":")
    outcomes: dict[float, object] = {}

    def client(pause: float) -> None:
        conn = http.client.HTTPConnection(host, int(port), timeout=30)
        try:
            first = _get_version(conn)
            before = conn.sock.getsockname() if conn.sock else None
            time.sleep(pause)
            second = _get_version(conn)  # RemoteDisconnected if the server closed it
            after = conn.sock.getsockname() if conn.sock else None
            outcomes[pause] = (first, second, before == after)
        except Exception as exc:
            outcomes[pause] = exc
        finally:
            conn.close()

    threads = [threading.Thread(target=client, args=(p,)) for p in (6.0, 60.0)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert outcomes == {6.0: (200, 200, True), 60.0: (200, 200, True)}


def _closed_by_server(sock: socket.socket, within: float) -> bool:
    """True once the server closed `sock` (EOF or reset) within `within` seconds."""
    sock.settimeout(within)
    try:
        while True:
            data = sock.recv(4096)
            if not data:
                return True
    except (ConnectionResetError, BrokenPipeError):
        return True
    except TimeoutError:
        return False


def test_a_request_head_must_complete_within_the_header_timeout() -> None:
    with run_emulator(header_timeout=0.5) as emu, httpx.Client(base_url=emu.base_url) as c:
        host, port = urllib.parse.urlsplit(emu.url).netloc.split(":")
        silent = socket.create_connection((host, int(port)))
        dripping = socket.create_connection((host, int(port)))
        stop = threading.Event()

        def drip() -> None:
            head = b"GET /WindowsHpc/Version HTTP/1.1\r\nHost: x\r\nX-Pad: " + b"a" * 200
            for byte in head:
                if stop.is_set():
                    return
                try:
                    dripping.send(bytes([byte]))
                except OSError:
                    return
                time.sleep(0.05)

        dripper = threading.Thread(target=drip)
        dripper.start()
        try:
            assert c.get("/Version", headers=V).status_code == 200  # others are served
            assert _closed_by_server(silent, within=10)
            assert _closed_by_server(dripping, within=10)
        finally:
            stop.set()
            dripper.join(timeout=15)
            silent.close()
            dripping.close()
        # a connection that sent its head in time and then idles is kept (keep-alive, not head)
        with socket.create_connection((host, int(port))) as kept:
            kept.sendall(
                b"GET /WindowsHpc/Version HTTP/1.1\r\nHost: x\r\napi-version: 2012-11-01\r\n\r\n"
            )
            kept.settimeout(5)
            assert kept.recv(4096).startswith(b"HTTP/1.1 200")
            assert not _closed_by_server(kept, within=1.5)


def test_connections_beyond_the_cap_are_closed_unread_and_the_cap_frees() -> None:
    with run_emulator(max_connections=8) as emu:
        host, port = urllib.parse.urlsplit(emu.url).netloc.split(":")
        idle = [socket.create_connection((host, int(port))) for _ in range(8)]
        try:
            time.sleep(0.3)  # let the server accept them all
            extra = socket.create_connection((host, int(port)))
            with extra:
                assert _closed_by_server(extra, within=10)
        finally:
            for s in idle:
                s.close()
        deadline = time.monotonic() + 10
        status = 0
        while time.monotonic() < deadline:  # the server notices the closes asynchronously
            try:
                status = httpx.get(f"{emu.base_url}/Version", headers=V, timeout=5).status_code
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert status == 200


def _send_batch_calls_to_broker_node(base: str, broker_node: str | None) -> str:
    """Create a session at `base`, then make every batch call at http://{BrokerNode}."""
    with httpx.Client(base_url=base, headers=V, timeout=30) as head:
        r = head.post("/Sessions/Create", params={"durable": "False"}, content=START_INFO,
                      headers=XML)  # fmt: skip
        assert r.status_code == 201, r.text
        info = ET.fromstring(r.text)
        node = info.findtext(f"{{{HPC}}}BrokerNode") or ""
        sid = int(info.findtext(f"{{{HPC}}}Id") or "0")
        attach = head.get(f"/Session/{sid}/Attach", params={"durable": "false"})
        assert ET.fromstring(attach.text).findtext(f"{{{HPC}}}BrokerNode") == node
    if broker_node is not None:
        return node
    with httpx.Client(base_url=f"http://{node}/WindowsHpc", headers=V, timeout=30) as broker:
        body = (
            "<HPCServer2008_WebAPI_MessageArray>"
            + "".join(ENVELOPE.format(n=i) for i in range(5))
            + "</HPCServer2008_WebAPI_MessageArray>"
        )
        octet = {"Content-Type": "application/octet-stream"}
        r = broker.post(f"/Session/{sid}/batch/b", params={"commit": "True"}, content=body,
                        headers=octet)  # fmt: skip
        assert r.status_code in (200, 201), r.text  # 201 when the send commits the batch
        r = broker.post(f"/Session/{sid}/batch/b/Response", params={"count": "-1"}, content=b"")
        assert r.status_code == 200
        assert all(f"m{i}" in r.text for i in range(5))
        assert broker.get(f"/Session/{sid}/batch/b/Status").status_code == 200
        assert broker.post(f"/Session/{sid}/batch/b/Purge", content=b"").status_code == 200
        assert broker.post(f"/Session/{sid}/Close", content=b"").status_code == 200
    return node


def test_broker_node_is_the_host_the_request_came_to(hpc_emulator: RunningEmulator) -> None:
    netloc = urllib.parse.urlsplit(hpc_emulator.url).netloc  # 127.0.0.1:<ephemeral port>
    assert _send_batch_calls_to_broker_node(hpc_emulator.base_url, None) == netloc
    # the same emulator reached under another name: BrokerNode follows the Host header
    port = netloc.split(":")[1]
    assert _send_batch_calls_to_broker_node(f"http://localhost:{port}/WindowsHpc", None) == (
        f"localhost:{port}"
    )


def test_broker_node_option_for_setups_behind_a_proxy() -> None:
    with run_emulator(broker_node="broker.example:8443") as emu:
        node = _send_batch_calls_to_broker_node(emu.base_url, "broker.example:8443")
    assert node == "broker.example:8443"
