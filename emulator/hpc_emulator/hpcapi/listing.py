"""Lists of the /hpc API: `$filter` clauses, `sort*By` + `asc`, and both paging modes.

Continuation (`rowsPerRead`, `queryId`, `x-ms-continuation-queryId`) reuses the emulator's
query cache; offset paging (`startRow`) answers the total in `x-ms-row-count` and never a
continuation header [D, KB4537169].
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from hpc_emulator import values
from hpc_emulator.faults import bad_request
from hpc_emulator.limits import MAX_FILTER
from hpc_emulator.listing import filter_clauses
from hpc_emulator.web import Ctx

CONTINUATION = "x-ms-continuation-queryId"


def parse_filter(text: str | None, allowed: tuple[str, ...]) -> dict[str, str]:
    """`name eq value [and ...]` -> {lower-case name: value}; unknown names are 400 [I]."""
    out: dict[str, str] = {}
    if text is None or not text.strip():
        return out
    if len(text) > MAX_FILTER:
        raise bad_request(f"The filter is longer than {MAX_FILTER} characters.")
    names = {a.lower(): a for a in allowed}
    for tokens in filter_clauses(text):
        if len(tokens) < 3 or tokens[1].lower() != "eq" or tokens[0].lower() not in names:
            raise bad_request(
                f"The filter clause '{' '.join(tokens)}' is not valid (names: {', '.join(allowed)})."
            )
        out[tokens[0].lower()] = " ".join(tokens[2:]).strip("'\"")
    return out


def since(flt: dict[str, str]) -> datetime | None:
    raw = flt.get("changetimefrom")
    return values.parse_datetime(raw) if raw is not None else None


def changed_since(changed: Any, after: datetime | None) -> bool:
    return after is None or (isinstance(changed, datetime) and changed >= after)


def bool_param(ctx: Ctx, name: str, default: bool) -> bool:
    raw = ctx.q(name)
    return values.parse_bool(raw) if raw else default


def int_param(ctx: Ctx, name: str, default: int | None, minimum: int) -> int | None:
    raw = ctx.q(name)
    if raw is None or raw == "":
        return default
    value = values.parse_int(raw)
    if value < minimum:
        raise bad_request(f"{name} must be at least {minimum}.")
    return value


def page(ctx: Ctx, scope: str, select: Callable[[], list[Any]]) -> tuple[list[Any], dict[str, str]]:
    """One page of `select()` (already sorted ascending) and the paging headers."""
    asc = bool_param(ctx, "asc", True)

    def ordered() -> list[Any]:
        keys = select()
        return keys if asc else keys[::-1]

    rows = int_param(ctx, "rowsPerRead", 10, 1) or 10
    start = int_param(ctx, "startRow", None, 0)
    if start is not None:  # offset paging: queryId ignored, no continuation [D]
        keys = ordered()
        return keys[start : start + rows], {"x-ms-row-count": str(len(keys))}
    chunk, token = ctx.emu.queries.page(scope, ctx.q("queryId"), ordered, rows)
    return chunk, ({CONTINUATION: token} if token else {})
