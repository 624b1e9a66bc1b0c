"""A Rich progress bar over futures, for the CLI and notebooks; Rich is imported only here."""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

F = TypeVar("F", bound=cf.Future[Any])


def progress(
    futures: Iterable[F],
    *,
    description: str = "calls",
    timeout: float | None = None,
    console: Any | None = None,
) -> Iterator[F]:
    """`concurrent.futures.as_completed` that advances a Rich bar as each future is done.

    Needs Rich (the `cli` extra). `console` is a `rich.console.Console` (default: stdout;
    in Jupyter, Rich renders the bar as a widget).
    """
    from rich.progress import Progress

    items = list(futures)
    with Progress(console=console, transient=False) as bar:
        task = bar.add_task(description, total=len(items))
        by_id = {id(f): f for f in items}
        for future in cf.as_completed(items, timeout=timeout):
            bar.advance(task)
            yield by_id[id(future)]  # the caller's own object, typed as given
