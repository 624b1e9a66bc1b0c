"""Runs one task's command line as a real local process (`/bin/sh -c`), without blocking the loop.

Each process gets its own session (process group) so cancel can kill the whole tree; standard
output is kept as a bounded tail, as HPC Pack keeps the last part of a task's output.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from dataclasses import dataclass
from pathlib import Path

OUTPUT_TAIL = 4000


@dataclass
class RunSpec:
    command: str
    workdir: Path
    env: dict[str, str]
    stdin: str | None
    stdout: str | None
    stderr: str | None
    timeout: float | None


@dataclass
class RunResult:
    exit_code: int | None
    output: str
    error: str | None  # why the process could not be run or was stopped
    timed_out: bool = False


class TaskProcess:
    """Handle on a running task process; `kill()` is safe at any moment."""

    def __init__(self, spec: RunSpec) -> None:
        self.spec = spec
        self.proc: asyncio.subprocess.Process | None = None
        self.killed = False

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    def _path(self, name: str) -> Path:
        path = Path(name)
        return path if path.is_absolute() else self.spec.workdir / path

    async def run(self) -> RunResult:
        spec = self.spec
        try:
            spec.workdir.mkdir(parents=True, exist_ok=True)
            stdin = open(self._path(spec.stdin), "rb") if spec.stdin else None  # noqa: SIM115
        except OSError as exc:
            return RunResult(None, "", f"Cannot prepare the task: {exc}")
        out_file = err_file = None
        try:
            if spec.stdout:
                out_file = open(self._path(spec.stdout), "wb")  # noqa: SIM115
            if spec.stderr:
                err_file = open(self._path(spec.stderr), "wb")  # noqa: SIM115
            self.proc = await asyncio.create_subprocess_exec(
                "/bin/sh",
                "-c",
                spec.command,
                cwd=spec.workdir,
                env=spec.env,
                stdin=stdin if stdin else asyncio.subprocess.DEVNULL,
                stdout=out_file if out_file else asyncio.subprocess.PIPE,
                stderr=err_file if err_file else asyncio.subprocess.STDOUT,
                start_new_session=True,
            )
        except OSError as exc:
            return RunResult(None, "", f"Cannot start the task: {exc}")
        finally:
            for f in (stdin, out_file, err_file):
                if f is not None:
                    f.close()
        timed_out = False
        tail = bytearray()
        try:
            async with asyncio.timeout(spec.timeout):
                if self.proc.stdout is not None:
                    while chunk := await self.proc.stdout.read(65536):
                        tail += chunk
                        if len(tail) > 4 * OUTPUT_TAIL:
                            del tail[: len(tail) - 4 * OUTPUT_TAIL]
                await self.proc.wait()
        except TimeoutError:
            timed_out = True
            self.kill(forced=True)
            await self.proc.wait()
        if spec.stdout:
            tail = bytearray(self._read_tail(self._path(spec.stdout)))
        output = tail.decode("utf-8", "replace")[-OUTPUT_TAIL:]
        return RunResult(self.proc.returncode, output, None, timed_out)

    @staticmethod
    def _read_tail(path: Path) -> bytes:
        try:
            with open(path, "rb") as f:
                f.seek(0, os.SEEK_END)
                size = f.tell()
                f.seek(max(0, size - 4 * OUTPUT_TAIL))
                return f.read()
        except OSError:
            return b""

    def kill(self, forced: bool) -> None:
        """Forced: SIGKILL now; otherwise SIGTERM, then SIGKILL after a short grace period."""
        self.killed = True
        if self.proc is None or self.proc.returncode is not None:
            return
        kill_group(self.proc.pid, signal.SIGKILL if forced else signal.SIGTERM)
        if not forced:
            loop = asyncio.get_running_loop()
            loop.call_later(2.0, kill_group, self.proc.pid, signal.SIGKILL)


def kill_group(pid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)
