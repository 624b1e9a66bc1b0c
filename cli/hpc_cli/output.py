"""Rendering: Rich tables for people, stable JSON for scripts.

JSON shape (documented in `hpc --help`): objects keyed by HPC Pack property names exactly as the
service spells them (`Id`, `Name`, `State`, `CommandLine`, ...), lists as JSON arrays of such
objects, enums by name, date-times in ISO 8601. Using the service's own names keeps one
vocabulary across `hpc`, HPC Pack's `job view`, and the REST API.
"""

from __future__ import annotations

import enum
import json
import os
import sys
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Rich is imported when something is drawn, not at start-up
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

STATE_STYLES = {
    "Finished": "green",
    "Failed": "bold red",
    "Canceled": "yellow",
    "Canceling": "yellow",
    "Running": "cyan",
    "Queued": "blue",
    "Online": "green",
    "Offline": "red",
    "Draining": "yellow",
}


def jsonable(value: Any) -> Any:
    """A JSON-serialisable form with a stable shape (enum names, ISO dates, lists)."""
    if isinstance(value, enum.Enum):
        return value.name if value.name else value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def text_of(value: Any) -> str:
    """How a value reads in a table cell."""
    value = jsonable(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, list):
        return ", ".join(text_of(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={text_of(v)}" for k, v in value.items())
    return str(value)


def _cell(column: str, value: Any) -> Text:
    from rich.text import Text

    text = text_of(value).rstrip()  # task Output ends with a newline: no blank table line
    style = STATE_STYLES.get(text, "") if column.endswith("State") else ""
    return Text(text, style=style)


def _title(title: str | None) -> Text | None:
    """Titles hold user data (names): never parse them as Rich markup."""
    from rich.text import Text

    return Text(title, style="bold") if title else None


def make_console(stderr: bool = False) -> Console:
    """A console that never wraps tables at 80 columns when output is captured."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    width = None
    if not stream.isatty() and not os.environ.get("COLUMNS"):
        width = 160
    return Console(file=stream, width=width, highlight=False, soft_wrap=False)


_RICH_ENV = ("COLUMNS", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS")
_CAPTURED_WIDTH = 160  # make_console's width for captured output


def _printable(text: str) -> bool:
    return all(" " <= c <= "~" for c in text)


def plain_record(rows: Sequence[tuple[str, str]], title: str | None) -> str | None:
    """The lines Rich draws for `record`'s borderless two-column table in captured output
    (padding 1, no styles), without importing Rich (~30 ms of `hpc job view`); None where
    Rich's layout could differ: non-ASCII or control characters, a table wider than the
    console (folding), no rows, or a title wider than the table."""
    if not rows:
        return None
    key_width = max(len(k) for k, _ in rows)
    value_width = max(len(v) for _, v in rows)
    width = key_width + value_width + 4
    cells = [title or ""] + [c for row in rows for c in row]
    if width > _CAPTURED_WIDTH or len(title or "") > width or not all(map(_printable, cells)):
        return None
    lines = [title] if title else []
    lines += [f" {k.ljust(key_width)}  {v}".rstrip() for k, v in rows]
    return "\n".join(lines) + "\n"


class Output:
    """One per command invocation: knows whether the user asked for JSON."""

    def __init__(self, json_mode: bool, quiet: bool = False) -> None:
        self.json_mode = json_mode
        self.quiet = quiet
        self._console: Console | None = None
        self._err: Console | None = None

    @property
    def console(self) -> Console:
        """stdout, made on first use (a `--json` run never needs Rich for stdout)."""
        if self._console is None:
            self._console = make_console()
        return self._console

    @property
    def err(self) -> Console:
        """stderr: notes and progress."""
        if self._err is None:
            self._err = make_console(stderr=True)
        return self._err

    @err.setter
    def err(self, console: Console) -> None:
        self._err = console

    def _print(self, table: Table) -> None:
        """Tables on a terminal as Rich draws them; captured output without trailing blanks."""
        if self.console.is_terminal:
            self.console.print(table)
            return
        with self.console.capture() as captured:
            self.console.print(table)
        lines = [line.rstrip() for line in captured.get().splitlines()]
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()

    def json(self, data: Any) -> None:
        """Print JSON on stdout (always, regardless of --json)."""
        sys.stdout.write(json.dumps(jsonable(data), indent=2, sort_keys=False) + "\n")
        sys.stdout.flush()

    def table(
        self,
        rows: Sequence[Mapping[str, Any]],
        columns: Sequence[str],
        title: str | None = None,
        json_rows: Sequence[Mapping[str, Any]] | None = None,
    ) -> None:
        """A list: table of `columns` for people, every property of each row for scripts."""
        if self.json_mode:
            self.json(list(json_rows if json_rows is not None else rows))
            return
        from rich.table import Table

        table = Table(title=_title(title), title_justify="left", header_style="bold")
        for column in columns:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(c, row.get(c)) for c in columns))
        self._print(table)
        if not rows:
            self.err.print("(none)", markup=False)

    def record(self, data: Mapping[str, Any], title: str | None = None) -> None:
        """One object: a property/value table of the non-empty values, or the whole JSON object."""
        if self.json_mode:
            self.json(dict(data))
            return
        rows = [(key, text_of(value).rstrip()) for key, value in data.items()]
        rows = [(key, text) for key, text in rows if text]
        text = plain_record(rows, title) if self._captured() else None
        if text is not None:
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        from rich.table import Table
        from rich.text import Text

        table = Table(title=_title(title), title_justify="left", show_header=False, box=None)
        table.add_column("Property", style="bold")
        table.add_column("Value", overflow="fold")
        for key, value in data.items():
            cell = _cell(key, value)
            if cell.plain:
                table.add_row(Text(key), cell)  # names are data: never Rich markup
        self._print(table)

    def _captured(self) -> bool:
        """stdout is captured and Rich would draw it plainly, 160 columns wide."""
        if self._console is not None or any(os.environ.get(v) for v in _RICH_ENV):
            return False
        return not sys.stdout.isatty()

    def result(self, message: str, data: Mapping[str, Any]) -> None:
        """The outcome of an action: a sentence for people, an object for scripts."""
        if self.json_mode:
            self.json(dict(data))
        elif not self.quiet:
            self.console.print(message, markup=False)

    def note(self, message: str) -> None:
        """Side information (stderr, so stdout stays parseable)."""
        if not self.quiet:
            self.err.print(message, markup=False)

    def warn(self, message: str) -> None:
        """A warning line on stderr, even when quiet: security-relevant choices must be seen."""
        sys.stderr.write(f"warning: {message}\n")
        sys.stderr.flush()
