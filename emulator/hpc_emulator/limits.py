"""The emulator's bounds on requests and connections, in one place (DESIGN.md, "Limits").

Why these numbers: a head node behind IIS refuses a body above its configured limits before
WCF reads it, and the emulator must not buffer an unbounded body in memory either. The
real values are site configuration (IIS `maxAllowedContentLength` defaults to 30,000,000 bytes
[D, IIS requestLimits reference]; WCF `maxReceivedMessageSize` defaults to 65,536 [D]); what
HPC Pack ships in its web.config is unknown [I], so the scheduler bound is a strict, round
few MB: large enough for any job of 10,000 tasks in one HpcJobXml, small enough to matter.
"""

from __future__ import annotations

MIB = 1024 * 1024

# Scheduler, node and cluster operations: property lists, cancel reasons, HpcJobXml. [I]
SCHEDULER_MAX_BODY = 4 * MIB
# SOA operations (Send Requests streams many envelopes): `EmulatorConfig.soa_max_body`. [I]
SOA_MAX_BODY_DEFAULT = 64 * MIB
# Bodies at least this large are parsed in a worker thread, so one big document never
# blocks the event loop (other clients' requests keep being answered meanwhile).
PARSE_IN_THREAD_BYTES = 64 * 1024


# Connections (server.py): IIS `connectionTimeout` and the HTTP.sys idle timer keep an idle
# connection 2 minutes [D]; HTTP.sys's HeaderWait is 2 minutes [D], 30 s is our choice.
KEEP_ALIVE_S = 120
HEADER_TIMEOUT_S = 30.0
MAX_CONNECTIONS = 512  # open connections; more are closed before a byte is read
FD_RESERVE = 128  # descriptors kept free for the database, task pipes and std files

# `$filter` (listing.py): IIS refuses a query string over 2,048 bytes (`maxQueryString`) [D].
MAX_FILTER = 2048
# Continuation state (paging.py): cached row keys of all open queries together, in bytes.
PAGING_CACHE_BYTES = 64 * MIB
# A string property without a documented length (props.py): the spec's Property.Value bound.
MAX_STRING = 65536


def describe(limit: int) -> str:
    """`4 MiB (4194304 bytes)`: the form fault messages name a limit in."""
    return f"{limit / MIB:g} MiB ({limit} bytes)"
