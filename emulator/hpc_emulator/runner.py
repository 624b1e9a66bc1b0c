"""Runs one task's command line as a real local process (`/bin/sh -c`), never blocking the loop.

* Std files are opened in a worker thread with O_NONBLOCK (a FIFO with no peer cannot freeze the
  emulator) and only the tail the Output property keeps is read back, from regular files only
  (`/dev/zero` as stdout cannot fill memory).
* Any failure to prepare or start (a missing file, a NUL byte or lone surrogate in the command,
  an environment value or a path) is a `RunResult` with `error`, never an exception.
* The task ends when its own process exits; what it left running in its process group (its own
  session) is then killed. A kill that arrives before the process exists is applied on spawn.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import fcntl
import os
import signal
import stat
import subprocess
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from hpc_emulator.procs import TOKEN_VAR, kill_group, kill_verified

OUTPUT_TAIL = 4000  # characters kept in Output (HPC Pack: "up to 4 KB" [D])
READ_LIMIT = 4 * OUTPUT_TAIL  # bytes read back: enough for OUTPUT_TAIL UTF-8 characters
KILL_GRACE = 5.0  # SIGTERM -> SIGKILL on a non-forced cancel: "Same as node managers" [C]
DRAIN_LIMIT = 2.0  # seconds the output pipe is still read after the task's process exited


@dataclass
class RunSpec:
    command: str
    workdir: Path
    env: dict[str, str]
    stdin: str | None
    stdout: str | None
    stderr: str | None
    timeout: float | None
    dirs: list[Path] = field(default_factory=list)  # created before the start (HOME, TMPDIR)

    def path(self, name: str) -> Path:
        path = Path(name)
        return path if path.is_absolute() else self.workdir / path


@dataclass
class RunResult:
    exit_code: int | None
    output: str
    error: str | None  # why the process could not be run or was stopped
    timed_out: bool = False


def _open(path: Path, flags: int) -> int:
    fd = os.open(path, flags | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC, 0o666)
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    return fd


def _prepare(spec: RunSpec) -> list[int | None]:
    """(stdin, stdout, stderr) descriptors, None where the task has no file (worker thread)."""
    for directory in [spec.workdir, *spec.dirs]:
        if not os.path.isdir(directory):  # one stat: they exist but for a job's first task
            directory.mkdir(parents=True, exist_ok=True)
    fds: list[int | None] = [None, None, None]
    try:
        if spec.stdin:
            fds[0] = _open(spec.path(spec.stdin), os.O_RDONLY)
        write = (
            os.O_WRONLY | os.O_CREAT | os.O_TRUNC
        )  # "If the file exists, it is overwritten." [D]
        out = spec.path(spec.stdout) if spec.stdout else None
        err = spec.path(spec.stderr) if spec.stderr else None
        if out is not None:
            fds[1] = _open(out, write)
        if err is not None and err == out:
            fds[2] = os.dup(fds[1]) if fds[1] is not None else None
        elif err is not None:
            fds[2] = _open(err, write)
    except BaseException:
        _close(fds)
        raise
    return fds


def _close(fds: list[int | None]) -> None:
    for fd in fds:
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)


def _read_tail(path: Path) -> bytes:
    """The last READ_LIMIT bytes of a regular file; nothing from FIFOs and devices."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except (OSError, ValueError):
        return b""
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return b""
        start = max(0, info.st_size - READ_LIMIT)
        return os.pread(fd, READ_LIMIT, start)
    except OSError:
        return b""
    finally:
        os.close(fd)


def _describe(exc: BaseException) -> str:
    if isinstance(exc, UnicodeError):
        return "a value holds characters that cannot be encoded (a lone surrogate)"
    text = str(exc)
    return "a value holds a NUL character" if "null" in text.lower() else text


class Child:
    """A started process, reaped when its pidfd becomes readable on the running loop.

    Python 3.11's asyncio watches each child from a thread of its own and blocks the loop until
    that thread runs: a third of the loop's time per sweep instance, and 256 threads fighting for
    the GIL while 256 tasks run. The spawn itself is the same `subprocess.Popen` asyncio uses.
    """

    def __init__(self, popen: subprocess.Popen[bytes]) -> None:
        self.popen = popen
        self.pid = popen.pid
        self.returncode: int | None = None
        loop = asyncio.get_running_loop()
        self._done: asyncio.Future[int] = loop.create_future()
        self._fd = os.pidfd_open(self.pid)
        loop.add_reader(self._fd, self._reap)

    def _reap(self) -> None:
        try:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:  # reaped elsewhere: the status is lost
            pid, status = self.pid, 255 << 8
        if pid == 0:
            return
        asyncio.get_running_loop().remove_reader(self._fd)
        os.close(self._fd)
        self.returncode = self.popen.returncode = os.waitstatus_to_exitcode(status)
        if not self._done.done():
            self._done.set_result(self.returncode)

    async def wait(self) -> int:
        return await asyncio.shield(self._done)

    def ended(self) -> asyncio.Future[int]:
        """The exit as a bare future (one loop callback less than `wait`); canceling the
        awaiting task cancels it, which the reaping tolerates."""
        return self._done


class Pacer:
    """At most `per_tick` process starts per loop iteration, first come first served.

    A start holds the loop ~0.5 ms (fork, exec, pidfd); 256 of them in one iteration kept every
    answer waiting 0.3-0.8 s while a sweep ran. Paced, an iteration stays a few ms long.
    """

    def __init__(self, per_tick: int = 2, before: Callable[[], None] | None = None) -> None:
        self.per_tick = per_tick
        self.before = before  # run before a tick lets starts through (the store's flush)
        self.ticks = 0  # iterations that let starts through (tests count them)
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._scheduled = False

    async def turn(self) -> None:
        future = asyncio.get_running_loop().create_future()
        self._waiters.append(future)
        if not self._scheduled:
            self._scheduled = True
            asyncio.get_running_loop().call_soon(self._release)
        await future

    def _release(self) -> None:
        self.ticks += 1
        if self.before is not None and self._waiters:
            self.before()
        passed = 0
        while self._waiters and passed < self.per_tick:
            future = self._waiters.popleft()
            if not future.done():
                future.set_result(None)
                passed += 1
        self._scheduled = bool(self._waiters)
        if self._scheduled:
            asyncio.get_running_loop().call_soon(self._release)


def _pidfds() -> bool:
    try:
        os.close(os.pidfd_open(os.getpid()))
    except (AttributeError, OSError):  # not Linux >= 5.3, or refused by a seccomp filter
        return False
    return True


PIDFDS = _pidfds()


async def spawn(
    command: str, workdir: Path, env: dict[str, str], fds: list[int | None]
) -> Child | asyncio.subprocess.Process:
    """`/bin/sh -c command` in its own session; through asyncio where pidfds are missing."""
    stdin = fds[0] if fds[0] is not None else subprocess.DEVNULL
    if not PIDFDS:
        return await asyncio.create_subprocess_exec(
            "/bin/sh", "-c", command, cwd=workdir, env=env, stdin=stdin, stdout=fds[1],
            stderr=fds[2], start_new_session=True,
        )  # fmt: skip
    # In a worker thread: the parent side of a spawn (vfork, then waiting for the exec) took
    # 1-10 ms of wall time on a loaded machine, every spawn holding the loop that long; the
    # GIL is free meanwhile. The pidfd and the reaping stay on the loop.
    work = _spawner().submit(_popen, command, workdir, env, stdin, fds[1], fds[2])
    try:
        popen = await asyncio.wrap_future(work)
    except asyncio.CancelledError:  # the emulator stops: the process must not outlive it
        work.add_done_callback(_kill_started)
        raise
    try:
        return Child(popen)
    except BaseException:
        popen.kill()
        popen.wait()
        raise


def _popen(
    command: str, workdir: Path, env: dict[str, str], stdin: int, out: int | None, err: int | None
) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        ["/bin/sh", "-c", command], cwd=workdir, env=env, stdin=stdin, stdout=out, stderr=err,
        start_new_session=True,
    )  # fmt: skip


def _kill_started(work: concurrent.futures.Future[subprocess.Popen[bytes]]) -> None:
    if not work.cancelled() and work.exception() is None:
        kill_group(work.result().pid, signal.SIGKILL)


_SPAWNER: list[concurrent.futures.ThreadPoolExecutor] = []


def _spawner() -> concurrent.futures.ThreadPoolExecutor:
    """Two threads for spawns (the pacer lets two through a tick): more only fight for the
    GIL with the loop."""
    if not _SPAWNER:
        _SPAWNER.append(concurrent.futures.ThreadPoolExecutor(2, "hpc-spawn"))
    return _SPAWNER[0]


class TaskProcess:
    """Handle on one run of a task; `kill()` is safe at any moment, also before the spawn."""

    def __init__(
        self, on_spawn: Callable[[int], None] | None = None, pacer: Pacer | None = None
    ) -> None:
        self.on_spawn = on_spawn
        self.pacer = pacer
        self.proc: Child | asyncio.subprocess.Process | None = None
        self.killed = False
        self._forced = False

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc else None

    async def run(self, spec: RunSpec) -> RunResult:
        if self.killed:
            return RunResult(None, "", "The task was stopped before it started.")
        try:
            # a std file may be a FIFO (its open blocks): opened off the loop; without one,
            # only directories are made, on the loop (a worker-thread hop costs more)
            files = spec.stdin or spec.stdout or spec.stderr
            fds = await asyncio.to_thread(_prepare, spec) if files else _prepare(spec)
        except Exception as exc:  # OSError, ValueError (NUL), UnicodeError (surrogate)
            return RunResult(None, "", f"Cannot prepare the task: {_describe(exc)}")
        read_fd: int | None = None
        try:
            if self.killed:
                return RunResult(None, "", "The task was stopped before it started.")
            if self.pacer is not None:
                await self.pacer.turn()
                if self.killed:
                    return RunResult(None, "", "The task was stopped before it started.")
            out = fds[1]
            if out is None:
                read_fd, out = os.pipe()
                fds[1] = out
            if fds[2] is None:  # stderr goes where stdout goes
                fds[2] = os.dup(out)
            self.proc = await spawn(spec.command, spec.workdir, spec.env, fds)
        except Exception as exc:
            if read_fd is not None:
                os.close(read_fd)
            return RunResult(None, "", f"Cannot start the task: {_describe(exc)}")
        finally:
            _close(fds)
        if self.on_spawn is not None:
            self.on_spawn(self.proc.pid)
        if self.killed:  # canceled while it was being started
            self._signal()
        return await self._watch(spec, read_fd)

    async def _exit(self, timeout: float | None) -> bool:
        """Wait for the process to exit (killed after `timeout`), then kill what it left in
        its group; True if it timed out."""
        assert self.proc is not None
        timed_out = False
        try:
            if timeout is None and isinstance(self.proc, Child):
                await self.proc.ended()
            else:
                await asyncio.wait_for(self.proc.wait(), timeout)
        except TimeoutError:
            timed_out = True
            self.kill(forced=True)
            await self.proc.wait()
        kill_group(self.proc.pid, signal.SIGKILL)  # what the task left behind
        return timed_out

    async def _watch(self, spec: RunSpec, read_fd: int | None) -> RunResult:
        assert self.proc is not None
        tail = bytearray()
        reader, stop = (None, None) if read_fd is None else _read_pipe(read_fd, tail)
        try:
            timed_out = await self._exit(spec.timeout)
            if reader is not None and stop is not None and not await _drained(reader):
                stop()  # one that left the process group still holds the pipe
                if token := spec.env.get(TOKEN_VAR):
                    await asyncio.to_thread(kill_verified, None, None, token)
        finally:
            if stop is not None:
                stop()  # closes the pipe if still open (canceled: the emulator stops)
        if reader is None and spec.stdout:
            tail = bytearray(await asyncio.to_thread(_read_tail, spec.path(spec.stdout)))
        output = tail.decode("utf-8", "replace")[-OUTPUT_TAIL:]
        return RunResult(self.proc.returncode, output, None, timed_out)

    def kill(self, forced: bool) -> None:
        """Forced: SIGKILL now; otherwise SIGTERM, then SIGKILL after KILL_GRACE."""
        self.killed = True
        self._forced = self._forced or forced
        self._signal()

    def _signal(self) -> None:
        if self.proc is None or self.proc.returncode is not None:
            return
        if self._forced:
            kill_group(self.proc.pid, signal.SIGKILL)
            return
        kill_group(self.proc.pid, signal.SIGTERM)
        asyncio.get_running_loop().call_later(KILL_GRACE, self._escalate)

    def _escalate(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            kill_group(self.proc.pid, signal.SIGKILL)


async def _drained(reader: asyncio.Future[None]) -> bool:
    """Has the pipe reached EOF, or does within DRAIN_LIMIT?"""
    return reader.done() or bool((await asyncio.wait({reader}, timeout=DRAIN_LIMIT))[0])


def _read_pipe(fd: int, tail: bytearray) -> tuple[asyncio.Future[None], Callable[[], None]]:
    """Keep the last READ_LIMIT bytes written to the pipe; the future is done at EOF, or
    when the returned function is called (stop reading, close the pipe).

    A reader callback on the raw descriptor, not a StreamReader transport and a task: those
    cost ~8 loop callbacks per task run, most of a short task's loop time.
    """
    loop = asyncio.get_running_loop()
    done: asyncio.Future[None] = loop.create_future()
    os.set_blocking(fd, False)

    def readable() -> None:
        try:
            chunk = os.read(fd, 65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        if chunk:
            tail.extend(chunk)
            if len(tail) > READ_LIMIT:
                del tail[: len(tail) - READ_LIMIT]
            return
        close()

    open_ = [True]

    def close() -> None:
        if open_[0]:
            open_[0] = False
            loop.remove_reader(fd)
            os.close(fd)
        if not done.done():
            done.set_result(None)

    loop.add_reader(fd, readable)
    return done, close
