"""Durability: SIGKILL the emulator process, restart it on the same data dir, lose nothing.

Documented recovery rule: a task that was Running when the emulator died has lost its
process; if `IsRerunnable` (the default, as in HPC Pack) it is requeued (AutoRequeueCount + 1)
and runs again, otherwise it is marked Failed with a lost-node ErrorMessage. The job continues.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
from hpc_emulator.testing import start_emulator_process

from .helpers import (
    V,
    add_task,
    create_job,
    job_props,
    parse_objects,
    submit,
    task_props,
    wait_state,
)


def _wait_task(c: httpx.Client, job: int, task: int, state: str) -> None:
    deadline = time.monotonic() + 15
    while task_props(c, job, task, "State")["State"] != state:
        assert time.monotonic() < deadline, f"task {job}.{task} never reached {state}"
        time.sleep(0.05)


def test_sigkill_and_restart_keeps_every_job(tmp_path: Path) -> None:
    proc = start_emulator_process(data_dir=tmp_path, nodes=2, cores_per_node=2)
    try:
        c = httpx.Client(base_url=proc.base_url, timeout=30)
        configuring = [create_job(c, Name=f"cfg-{i}") for i in range(5)]
        add_task(c, configuring[0], CommandLine="echo kept")
        c.post(
            f"/Job/{configuring[0]}/EnvVariables",
            content='<ArrayOfProperty xmlns="http://schemas.microsoft.com/HPCS2008R2/common"><Property><Name>K</Name><Value>V</Value></Property></ArrayOfProperty>',
            headers={"Content-Type": "application/xml"},
        )
        lost = create_job(c, Name="lost")
        marker = tmp_path / "ran-twice"
        t_fail = add_task(c, lost, CommandLine="sleep 60", IsRerunnable="False")
        t_rerun = add_task(
            c,
            lost,
            CommandLine=f"if [ -e {tmp_path}/first ]; then touch {marker}; else touch {tmp_path}/first; sleep 60; fi",
        )
        submit(c, lost)
        _wait_task(c, lost, t_fail, "Running")
        _wait_task(c, lost, t_rerun, "Running")
        done = create_job(c, Name="done")
        add_task(c, done, CommandLine="echo finished-before")
        submit(c, done)
        wait_state(c, done, {"Finished"})
        c.close()
    finally:
        proc.kill()
    assert proc.process.returncode == -9

    proc2 = start_emulator_process(data_dir=tmp_path, nodes=2, cores_per_node=2)
    try:
        c = httpx.Client(base_url=proc2.base_url, timeout=30)
        rows = parse_objects(
            c.get("/Jobs", params={"RowsPerRead": "100", "Properties": "Id,Name"}).text
        )
        assert [r["Name"] for r in rows] == [*(f"cfg-{i}" for i in range(5)), "lost", "done"]
        assert job_props(c, configuring[0], "State")["State"] == "Configuring"
        assert "<Value>V</Value>" in c.get(f"/Job/{configuring[0]}/EnvVariables").text
        assert task_props(c, configuring[0], 1, "CommandLine")["CommandLine"] == "echo kept"
        assert job_props(c, done, "State")["State"] == "Finished"
        assert task_props(c, done, 1, "Output")["Output"] == "finished-before\n"
        failed = task_props(c, lost, t_fail, "State,ErrorMessage")
        assert failed["State"] == "Failed"
        assert "became unreachable" in (failed["ErrorMessage"] or "")
        _wait_task(c, lost, t_rerun, "Finished")
        assert marker.exists()
        assert task_props(c, lost, t_rerun, "AutoRequeueCount")["AutoRequeueCount"] == "1"
        props = wait_state(c, lost, {"Failed"})
        assert "1 task(s) failed" in (props["ErrorMessage"] or "")
        new = create_job(c)
        assert new == done + 1  # ids are never reused
        # the orphaned `sleep 60` of the killed emulator was killed on recovery
        ps = subprocess.run(
            ["ps", "-eo", "args"], capture_output=True, text=True, check=True
        ).stdout
        assert "sleep 60" not in ps
        c.close()
    finally:
        proc2.terminate()


def test_console_entry_point_prints_readiness(tmp_path: Path) -> None:
    ready = tmp_path / "url"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "hpc_emulator",
            "--data-dir",
            str(tmp_path),
            "--ready-file",
            str(ready),
            "--cluster-name",
            "TESTC",
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "HPC_EMULATOR_USERS": "a:b"},  # never argv
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        url = ready.read_text().strip()
        assert line == f"hpc-emulator listening on {url} (cluster TESTC)"
        assert url.startswith("http://127.0.0.1:")
        r = httpx.get(f"{url}/WindowsHpc/TESTC/Version", auth=("a", "b"), headers=V)
        assert r.status_code == 200
        assert httpx.get(f"{url}/WindowsHpc/Version").status_code == 401
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    assert proc.returncode == 0


SOAP = "http://www.w3.org/2003/05/soap-envelope"
WSA = "http://www.w3.org/2005/08/addressing"
HPC = "http://hpc.microsoft.com/"
OCTET = {"Content-Type": "application/octet-stream", **V}


def _requests(n: int, delay_ms: int, tag: str) -> str:
    """`EchoWithDelay` requests: still unanswered when the emulator is killed."""
    envelopes = "".join(
        f'<s:Envelope xmlns:s="{SOAP}" xmlns:a="{WSA}"><s:Header><a:Action s:mustUnderstand="1">'
        "http://tempuri.org/IService/EchoWithDelay</a:Action></s:Header><s:Body>"
        f'<EchoWithDelay xmlns="http://tempuri.org/"><message>{tag}{i}</message>'
        f"<delayMs>{delay_ms}</delayMs></EchoWithDelay></s:Body></s:Envelope>"
        for i in range(n)
    )
    return f"<HPCServer2008_WebAPI_MessageArray>{envelopes}</HPCServer2008_WebAPI_MessageArray>"


def _session(c: httpx.Client, durable: bool) -> int:
    body = (
        f'<WebSessionStartInfo xmlns="{HPC}"><ClientIdleTimeout>20000</ClientIdleTimeout>'
        "<ServiceName>EchoService</ServiceName></WebSessionStartInfo>"
    )
    r = c.post(
        "/Sessions/Create",
        params={"durable": str(durable).lower()},
        content=body,
        headers={"Content-Type": "application/xml", **V},
    )
    assert r.status_code == 201, r.text
    return int(r.text.split("<Id>")[1].split("</Id>")[0])


def test_sigkill_keeps_queued_soa_requests(tmp_path: Path) -> None:
    """Requests accepted over HTTP but not yet answered are answered after a SIGKILL + restart."""
    proc = start_emulator_process(data_dir=tmp_path)
    try:
        c = httpx.Client(base_url=proc.base_url, timeout=30)
        interactive, durable = _session(c, False), _session(c, True)
        r = c.post(
            f"/Session/{interactive}/batch/q",
            params={"commit": "true"},
            content=_requests(40, 700, "i"),
            headers=OCTET,
        )
        assert r.status_code == 201, r.text
        r = c.post(f"/Session/{durable}/batch/open", content=_requests(5, 700, "d"), headers=OCTET)
        assert r.status_code == 200, r.text  # not committed
        status = c.get(f"/Session/{interactive}/batch/q/Status", headers=V).text
        assert ">Processing<" in status  # nothing answered yet: 700 ms per request
        c.close()
    finally:
        proc.kill()
    assert proc.process.returncode == -9

    proc2 = start_emulator_process(data_dir=tmp_path)
    try:
        c = httpx.Client(base_url=proc2.base_url, timeout=30)
        r = c.get(f"/Session/{interactive}/Attach", params={"durable": "false"}, headers=V)
        assert r.status_code == 200, r.text
        assert job_props(c, interactive, "State")["State"] == "Running"
        r = c.post(f"/Session/{interactive}/batch/q/Response", content=b"", headers=V)
        assert r.status_code == 200
        got = sorted(re.findall(r"<EchoWithDelayResult>(\w+)</EchoWithDelayResult>", r.text))
        assert got == sorted(f"i{i}" for i in range(40))  # each exactly once
        assert "<Count>40</Count><Reason>Success</Reason>" in r.text
        status = c.get(f"/Session/{durable}/batch/open/Status", headers=V).text
        assert ">Ready<" in status  # still open: more requests may come
        r = c.post(
            f"/Session/{durable}/batch/open",
            params={"commit": "true"},
            content=_requests(1, 0, "late"),
            headers=OCTET,
        )
        assert r.status_code == 201, r.text
        r = c.post(f"/Session/{durable}/batch/open/Response", content=b"", headers=V)
        got = sorted(re.findall(r"<EchoWithDelayResult>(\w+)</EchoWithDelayResult>", r.text))
        assert got == sorted([*(f"d{i}" for i in range(5)), "late0"])
        c.close()
    finally:
        proc2.terminate()
