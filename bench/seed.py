"""Emulator state for the end-to-end benches: N jobs written straight into its SQLite store.

Creating 100,000 jobs over HTTP would take minutes; instead one job is created over the wire
(so its stored document is exactly what the emulator writes), then copied N-1 times under new
ids in one transaction. The emulator loads them all when it starts.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import httpx
from hpc_emulator.testing import EmulatorProcess, run_emulator, start_emulator_process

CREATE_BODY = (
    b'<ArrayOfProperty xmlns="http://schemas.microsoft.com/HPCS2008R2/common">'
    b"<Property><Name>Name</Name><Value>bench</Value></Property></ArrayOfProperty>"
)
HEADERS = {"api-version": "2012-11-01.4.0", "Accept": "application/xml"}


def seed_jobs(data_dir: Path, count: int) -> None:
    """Fill `data_dir` with `count` Configuring jobs (ids 1..count)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with run_emulator(data_dir=data_dir) as emu:
        answer = httpx.post(
            f"{emu.base_url}/Jobs",
            content=CREATE_BODY,
            headers={**HEADERS, "Content-Type": "application/xml; charset=utf-8"},
        )
        answer.raise_for_status()
    db = next(data_dir.glob("*.db"), None) or next(data_dir.glob("*.sqlite*"))
    conn = sqlite3.connect(db)
    try:
        (first,) = conn.execute("SELECT data FROM jobs ORDER BY id LIMIT 1").fetchone()
        template = json.loads(first)
        rows = []
        for job_id in range(2, count + 1):
            template["props"]["Id"] = job_id
            template["props"]["Name"] = f"bench-{job_id}"
            rows.append((job_id, json.dumps(template)))
        with conn:
            conn.executemany("INSERT INTO jobs (id, data) VALUES (?, ?)", rows)
        (stored,) = conn.execute("SELECT COUNT(*) FROM jobs").fetchone()
    finally:
        conn.close()
    if stored != count:
        raise RuntimeError(f"seeded {stored} jobs, wanted {count}")


def start(data_dir: Path, latency: float = 0.0) -> EmulatorProcess:
    """The emulator in its own process: its CPU and memory stay out of the client's figures."""
    return start_emulator_process(data_dir=data_dir, latency=latency, timeout=120)
