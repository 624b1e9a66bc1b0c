"""`hpc session create|attach|close|send|status`: SOA sessions through the broker.

Each `hpc` run is a separate process, so `create` leaves the session open for later `send`s
and `close`; `send --service NAME` without a session id runs a throwaway session instead.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..config import ConfigError
from ..context import connect
from ..errors import CliError
from ..views import as_props
from . import lib

app = typer.Typer(help="SOA sessions: create, send requests, read replies, close.")

JsonOpt = Annotated[bool, typer.Option("--json", help="JSON output")]
SessionArg = Annotated[int, typer.Argument(help="Session id", min=1)]


@app.command("create")
def create(
    ctx: typer.Context,
    service: Annotated[str, typer.Option("--service", "-s", help="SOA service name")],
    min_units: Annotated[int | None, typer.Option(help="Minimum resource units")] = None,
    max_units: Annotated[int | None, typer.Option(help="Maximum resource units")] = None,
    unit_type: Annotated[str | None, typer.Option(help="Core|Socket|Node")] = None,
    job_name: Annotated[str | None, typer.Option(help="Name of the service job")] = None,
    durable: Annotated[bool, typer.Option(help="Durable session")] = False,
    json_flag: JsonOpt = False,
) -> None:
    """Create a session and leave it open; prints its id (the service job's id)."""
    with connect(ctx, json_flag) as (hpc, out):
        info = lib.create_session(hpc, service, min_units, max_units, unit_type, job_name, durable)
        data = as_props(info)
        out.result(f"Session {data.get('Id')} created (broker {data.get('BrokerNode')}).", data)


@app.command("attach")
def attach(
    ctx: typer.Context,
    session_id: SessionArg,
    durable: Annotated[bool, typer.Option(help="The session is durable")] = False,
    json_flag: JsonOpt = False,
) -> None:
    """Attach to an existing session and show what the broker reports."""
    with connect(ctx, json_flag) as (hpc, out):
        out.record(
            as_props(lib.attach_session(hpc, session_id, durable)), title=f"Session {session_id}"
        )


@app.command("close")
def close(ctx: typer.Context, session_id: SessionArg, json_flag: JsonOpt = False) -> None:
    """Close a session: ends its service job and drops its responses."""
    with connect(ctx, json_flag) as (hpc, out):
        lib.close_session(hpc, session_id)
        out.result(f"Session {session_id} closed.", {"Id": session_id, "Closed": True})


@app.command("status")
def status(
    ctx: typer.Context,
    session_id: SessionArg,
    batch: Annotated[str, typer.Option("--batch", "-b", help="Batch (client) name")] = "hpc-cli",
    json_flag: JsonOpt = False,
) -> None:
    """The status of one batch of a session (Unknown, Ready, Processing, Finished)."""
    with connect(ctx, json_flag) as (hpc, out):
        value = lib.batch_status(hpc, session_id, batch)
        out.record({"Id": session_id, "Batch": batch, "Status": value})


def _messages(count: int | None, file: Path | None, message: str) -> list[str]:
    """The request texts: lines of a file (`-` = stdin), or `count` numbered messages."""
    if file is None:
        return [f"{message} {i}" for i in range(1, (count or 1) + 1)]
    if str(file) == "-":
        lines = sys.stdin.read().splitlines()
    else:
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise ConfigError(f"cannot read {file}: {exc.strerror}") from None
    requests = [line for line in lines if line.strip()]
    if not requests:
        raise ConfigError(f"no requests in {file}")
    return requests


@app.command("send")
def send(
    ctx: typer.Context,
    session_id: Annotated[int | None, typer.Argument(help="Session id", min=1)] = None,
    service: Annotated[
        str | None, typer.Option("--service", "-s", help="No session id: use a throwaway session")
    ] = None,
    count: Annotated[int | None, typer.Option("--count", "-n", help="Echo requests", min=1)] = None,
    file: Annotated[
        Path | None, typer.Option("--file", "-f", help="One request per line; `-` = stdin")
    ] = None,
    message: Annotated[str, typer.Option(help="Text of generated requests")] = "hello",
    action: Annotated[str, typer.Option(help="Operation name")] = "Echo",
    param: Annotated[str, typer.Option(help="Name of the request's parameter")] = "message",
    batch: Annotated[str, typer.Option("--batch", "-b", help="Batch (client) name")] = "hpc-cli",
    json_flag: JsonOpt = False,
) -> None:
    """Send requests (N echoes, or lines of a file/stdin) and print every reply.

    Each request is `<ACTION><PARAM>text</PARAM></ACTION>`; replies come back in request order.
    Exit 1 if any reply is a SOAP fault (every reply is still printed).
    """
    if count is not None and file is not None:
        raise typer.BadParameter("give --count or --file, not both")
    with connect(ctx, json_flag) as (hpc, out):
        if session_id is None and service is None:
            raise ConfigError("give a session id, or --service NAME for a throwaway session")
        requests = _messages(count, file, message)
        work = lib.Batch(action, param, batch, requests)
        replies = lib.send_requests(hpc, session_id, service, work, out)
        rows: list[dict[str, Any]] = [
            {"N": i, "Request": q, "Reply": r.value, "Fault": r.fault}
            for i, (q, r) in enumerate(zip(requests, replies, strict=True), 1)
        ]
        faults = sum(1 for r in replies if r.fault)
        out.table(rows, ["N", "Request", "Reply", "Fault"] if faults else ["N", "Request", "Reply"])
        if faults:
            raise CliError(f"{faults} of {len(requests)} requests ended in a SOAP fault")
