"""Exit codes (DESIGN.md) and the mapping from library exceptions to them.

Scripts branch on the exit code, so every failure path ends here: one `error: ...` line on
stderr and a documented code; a traceback only with `--debug`.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from enum import IntEnum

from .config import ConfigError


class ExitCode(IntEnum):
    """The `hpc` exit codes; stable, documented in DESIGN.md and `hpc --help`."""

    OK = 0
    ERROR = 1
    USAGE = 2
    NOT_FOUND = 3
    AUTH = 4
    CONNECTION = 5
    JOB_FAILED = 6


class CliError(Exception):
    """An error the CLI itself detects, carrying its exit code."""

    def __init__(self, message: str, code: ExitCode = ExitCode.ERROR) -> None:
        super().__init__(message)
        self.code = code


def exit_code_for(exc: BaseException) -> ExitCode:
    """The exit code for any exception reaching the top of a command."""
    # imported here: only a failing run needs the library's exception types
    import ssl

    import httpx
    from hpcpack.errors import Forbidden, HpcTransportError, NotFound, Unauthorized

    if isinstance(exc, CliError):
        return exc.code
    if isinstance(exc, ConfigError):
        return ExitCode.USAGE
    if isinstance(exc, NotFound):
        return ExitCode.NOT_FOUND
    if isinstance(exc, Unauthorized | Forbidden):
        return ExitCode.AUTH
    if isinstance(exc, HpcTransportError):
        return ExitCode.CONNECTION
    if isinstance(exc, httpx.TransportError | ssl.SSLError | ConnectionError | TimeoutError):
        return ExitCode.CONNECTION
    return ExitCode.ERROR


def describe(exc: BaseException) -> str:
    """One line for stderr, with every URL in it stripped of user:password and secret query
    values (`hpcpack.errors.redact_text`)."""
    from hpcpack.errors import redact_text

    return redact_text(_describe(exc))


def _describe(exc: BaseException) -> str:
    """The line itself: the server's message when there is one, never a repr soup."""
    import ssl

    import httpx
    from hpcpack.errors import HpcFault, HpcTimeout, HpcTLSError, HpcTransportError

    if isinstance(exc, HpcFault):
        return f"{exc.message.strip().splitlines()[0] if exc.message.strip() else type(exc).__name__} (HTTP {exc.status})"
    text = str(exc).strip() or type(exc).__name__
    first = text.splitlines()[0]
    cause = str(exc.__cause__ or "").strip()
    if isinstance(exc, HpcTransportError) and cause and not isinstance(exc, HpcTimeout):
        # "connection failed: ConnectError" says little; the OS/TLS reason says what to fix
        first = f"{exc.message.split(':')[0]}: {cause.splitlines()[0]}" + (
            f" ({exc.operation})" if exc.operation else ""
        )
    if isinstance(exc, HpcTLSError | ssl.SSLError):
        return (
            f"{first}; to trust the head node's certificate pass --ca-bundle or set HPC_CA_BUNDLE"
        )
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect: {first}"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out: {first}"
    return first


def report(exc: BaseException, debug: bool) -> ExitCode:
    """Print the error line (and the traceback when debugging) and return its exit code."""
    code = exit_code_for(exc)
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    sys.stderr.write(f"error: {describe(exc)}\n")
    sys.stderr.flush()
    return code


def outcome(exc: BaseException, debug: bool) -> int | None:
    """The exit code a command ends with after `exc` (reported on stderr), or None: `exc`
    is not the command's to handle (typer's own exits and usage errors, SystemExit...)."""
    if isinstance(exc, KeyboardInterrupt):
        sys.stderr.write("error: interrupted\n")
        return 130
    if isinstance(exc, BrokenPipeError):
        # the reader went away (`hpc job list | head -1`): stop quietly, and keep Python's
        # final flush of stdout from complaining about the closed pipe
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return int(ExitCode.ERROR)
    if not isinstance(exc, Exception) or _from_typer(exc):
        return None
    return int(report(exc, debug))


def _from_typer(exc: Exception) -> bool:
    """typer's own click exceptions (Exit, Abort, usage errors); typer is imported only if
    it was already (a command that never started typer cannot raise them)."""
    if "typer" not in sys.modules:
        return False
    import typer
    from typer.exceptions import TyperException

    return isinstance(exc, typer.Exit | typer.Abort | TyperException)


@contextmanager
def handled(debug: bool) -> Iterator[None]:
    """Turn any exception from a command body into `error: ...` + exit code (typer.Exit)."""
    try:
        yield
    except BaseException as exc:
        code = outcome(exc, debug)
        if code is None:
            raise
        import typer

        raise typer.Exit(code) from None
