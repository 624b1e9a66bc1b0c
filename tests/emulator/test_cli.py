"""The `hpc-emulator` command line: every option, through a real process on loopback."""

from __future__ import annotations

import os
import socket
import ssl
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from hpc_emulator.__main__ import parser
from hpc_emulator.tls import self_signed

from .helpers import (
    XML,
    V,
    add_task,
    create_job,
    parse_objects,
    props_xml,
    submit,
    task_props,
    wait_state,
)


@contextmanager
def emulator(*args: str, env: dict[str, str] | None = None) -> Iterator[tuple[str, str]]:
    """Run `python -m hpc_emulator ARGS`; yield (base URL from the readiness line, the line)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "hpc_emulator", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        assert line.startswith("hpc-emulator listening on "), (line, proc.stderr)
        yield line.split()[3], line
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    assert proc.returncode == 0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_defaults_loopback_open_and_temp_dir_removed(tmp_path: Path) -> None:
    with emulator(env={**os.environ, "TMPDIR": str(tmp_path)}) as (url, line):
        assert url.startswith("http://127.0.0.1:")
        assert line.endswith("(cluster EMULATED)")
        r = httpx.get(f"{url}/WindowsHpc/Nodes", headers=V)
        assert r.status_code == 200 and len(parse_objects(r.text)) == 4
        r = httpx.post(f"{url}/WindowsHpc/Jobs", content=props_xml(Name="x"), headers=XML)
        assert r.status_code == 200  # open: no credentials needed
        (state,) = tmp_path.iterdir()
        assert (state / "emulator.sqlite3").exists()
    assert list(tmp_path.iterdir()) == []  # the temp data dir goes with the process


def users_file(path: Path, text: str, mode: int = 0o600) -> Path:
    path.write_text(text)
    path.chmod(mode)
    return path


def test_port_cluster_name_nodes_cores_users_data_dir(tmp_path: Path) -> None:
    port = free_port()
    data = tmp_path / "state"
    ready = tmp_path / "ready"
    accounts = users_file(tmp_path / "users", "# accounts\nalice:pw1\nHPC\\bob:pw2\n")
    args = [
        "--port", str(port), "--cluster-name", "LAB", "--nodes", "3", "--cores-per-node", "2",
        "--users-file", str(accounts), "--data-dir", str(data), "--ready-file", str(ready),
    ]  # fmt: skip
    with emulator(*args) as (url, line):
        assert url == f"http://127.0.0.1:{port}"
        assert ready.read_text().strip() == url
        assert line.endswith("(cluster LAB)")
        base = f"{url}/WindowsHpc/LAB"
        assert httpx.get(f"{base}/Nodes", headers=V).status_code == 401
        assert httpx.get(f"{base}/Nodes", headers=V, auth=("alice", "wrong")).status_code == 401
        assert httpx.get(f"{base}/Nodes", headers=V, auth=("bob", "pw2")).status_code == 401
        r = httpx.get(
            f"{base}/Nodes",
            headers=V,
            params={"Properties": "Name,NumCores"},
            auth=("HPC\\bob", "pw2"),
        )
        assert r.status_code == 200
        assert parse_objects(r.text) == [{"Name": f"NODE0{i}", "NumCores": "2"} for i in (1, 2, 3)]
        clusters = httpx.get(f"{url}/WindowsHpc/Clusters", headers=V, auth=("alice", "pw1"))
        assert parse_objects(clusters.text) == [{"Name": "LAB"}]
    assert (data / "emulator.sqlite3").exists()  # state is kept in --data-dir


def test_tls_self_signed(tmp_path: Path) -> None:
    with emulator("--tls-self-signed", "--data-dir", str(tmp_path)) as (url, _):
        assert url.startswith("https://127.0.0.1:")
        cert = tmp_path / "emulator-cert.pem"
        r = httpx.get(f"{url}/WindowsHpc/Version", verify=ssl.create_default_context(cafile=cert))
        assert r.status_code == 200
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{url}/WindowsHpc/Version")  # not trusted by default


def test_tls_cert_and_key(tmp_path: Path) -> None:
    cert, key = self_signed(tmp_path / "pki")
    with emulator("--tls-cert", str(cert), "--tls-key", str(key)) as (url, _):
        assert url.startswith("https://")
        trust = ssl.create_default_context(cafile=cert)
        assert httpx.get(f"{url}/WindowsHpc/Version", verify=trust).status_code == 200


def test_latency_delays_every_answer() -> None:
    """--latency-ms: each answer, concurrent ones included, waits at least that long."""
    assert parser().parse_args([]).latency_ms == 0  # loopback speed unless asked
    with emulator("--latency-ms", "300") as (url, _), httpx.Client(headers=V) as http:
        http.get(f"{url}/WindowsHpc/Version")  # connect outside the timed part
        assert timed_get(http, f"{url}/WindowsHpc/Version")[1] >= 0.3
        with ThreadPoolExecutor(4) as pool:
            waits = list(pool.map(lambda _: timed_get(http, f"{url}/WindowsHpc/Nodes"), range(4)))
        assert all(status == 200 and took >= 0.3 for status, took in waits)


def timed_get(http: httpx.Client, path: str) -> tuple[int, float]:
    t0 = time.perf_counter()
    status = http.get(path).status_code
    return status, time.perf_counter() - t0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--users", "alice:pw"], "--users-file PATH (mode 0600) or $HPC_EMULATOR_USERS"),
        (["--users-file", "/nonexistent"], "cannot read users file"),
        (["--host", "0.0.0.0"], "--insecure-open-to-network"),
        (["--auth", "ntlm"], "--auth ntlm needs accounts"),
        (["--auth", "digest"], "invalid choice"),
        (["--nodes", "0"], "at least 1"),
        (["--cores-per-node", "-2"], "at least 1"),
        (["--port", "70000"], "0..65535"),
        (["--tls-key", "k.pem"], "--tls-key needs --tls-cert"),
        (["--tls-cert", "/nonexistent.pem"], "no such file"),
        (["--tls-self-signed", "--tls-cert", "c.pem"], "cannot be combined"),
        (["--latency-ms", "-1"], "0..60000 ms"),
    ],
)
def test_bad_arguments_are_usage_errors(args: list[str], message: str) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "hpc_emulator", *args], capture_output=True, text=True, timeout=30
    )
    assert r.returncode == 2
    assert message in r.stderr


def test_users_file_readable_by_others_is_refused(tmp_path: Path) -> None:
    accounts = users_file(tmp_path / "users", "alice:pw\n", mode=0o644)
    r = subprocess.run(
        [sys.executable, "-m", "hpc_emulator", "--users-file", str(accounts)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert r.returncode == 2 and f"chmod 600 {accounts}" in r.stderr


def test_users_from_the_environment_reach_neither_argv_nor_tasks(tmp_path: Path) -> None:
    """$HPC_EMULATOR_USERS (lines like the file): not on argv, removed before tasks start."""
    secret = "env-secret, with: punctuation"
    env = {**os.environ, "HPC_EMULATOR_USERS": f"HPC\\alice:{secret}\nbob:b\n"}
    with (
        emulator("--data-dir", str(tmp_path / "d"), env=env) as (url, _),
        httpx.Client(base_url=f"{url}/WindowsHpc", auth=("HPC\\alice", secret)) as c,
    ):
        job = create_job(c)
        task = add_task(c, job, CommandLine="printenv HPC_EMULATOR_USERS; echo exit=$?")
        submit(c, job)
        wait_state(c, job, {"Finished", "Failed"})
        assert task_props(c, job, task, "Output")["Output"] == "exit=1\n"
        assert c.get("/Nodes", headers=V, auth=("bob", "wrong")).status_code == 401


def test_ready_file_and_data_dir_are_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        data, ready = tmp_path / "state", tmp_path / "ready"
        with emulator("--data-dir", str(data), "--ready-file", str(ready)):
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in data.iterdir()}
            ready_mode = stat.S_IMODE(ready.stat().st_mode)
    finally:
        os.umask(old)
    assert ready_mode == 0o600 and stat.S_IMODE(data.stat().st_mode) == 0o700
    assert modes["emulator.sqlite3"] == 0o600 and modes["emulator.sqlite3-wal"] == 0o600
