"""Find task processes by a marker variable in their environment (/proc/<pid>/environ)."""

from __future__ import annotations

import time
import uuid
from pathlib import Path
from xml.sax.saxutils import escape

import httpx

from .helpers import COMMON, XML


def new_marker() -> str:
    return f"m{uuid.uuid4().hex}"


def marked_pids(marker: str) -> list[int]:
    """Live (not zombie) processes whose environment has MARK=<marker>."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if f"MARK={marker}".encode() in environ.split(b"\0") and state != "Z":
            found.append(int(entry.name))
    return found


def wait_none_marked(marker: str, timeout: float) -> list[int]:
    """Wait (bounded) until no process carries the marker; returns those still there."""
    deadline = time.monotonic() + timeout
    while (pids := marked_pids(marker)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return pids


def set_env(client: httpx.Client, path: str, **env: str) -> None:
    """POST name/value pairs to `<path>/EnvVariables` (job or task)."""
    body = "".join(
        f"<Property><Name>{k}</Name><Value>{escape(v)}</Value></Property>" for k, v in env.items()
    )
    r = client.post(
        f"{path}/EnvVariables",
        content=f'<ArrayOfProperty xmlns="{COMMON}">{body}</ArrayOfProperty>',
        headers=XML,
    )
    assert r.status_code == 200, r.text
