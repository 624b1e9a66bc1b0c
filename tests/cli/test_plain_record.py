"""`hpc ... view` in captured output is written without Rich: the same text Rich draws."""

from __future__ import annotations

import io

from hpc_cli.output import _CAPTURED_WIDTH, _title, plain_record
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.table import Table
from rich.text import Text

ASCII = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=90)
KEYS = st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=30)


def rich_record(rows: list[tuple[str, str]], title: str | None) -> str:
    """What `Output.record` drew before, captured as `Output._print` leaves it."""
    console = Console(file=io.StringIO(), width=_CAPTURED_WIDTH, highlight=False, soft_wrap=False)
    table = Table(title=_title(title), title_justify="left", show_header=False, box=None)
    table.add_column("Property", style="bold")
    table.add_column("Value", overflow="fold")
    for key, value in rows:
        table.add_row(Text(key), Text(value))
    with console.capture() as captured:
        console.print(table)
    return "\n".join(line.rstrip() for line in captured.get().splitlines()) + "\n"


@given(
    st.lists(st.tuples(KEYS, ASCII.map(str.rstrip).filter(bool)), min_size=1, max_size=8),
    st.one_of(st.none(), st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=20)),
)
def test_plain_text_is_what_rich_draws(rows: list[tuple[str, str]], title: str | None) -> None:
    plain = plain_record(rows, title or None)
    if plain is not None:
        assert plain == rich_record(rows, title or None)


def test_a_job_view_is_drawn_plainly_and_odd_cells_go_to_rich() -> None:
    rows = [("Id", "12"), ("Name", "sweep run"), ("State", "Running")]
    assert plain_record(rows, "Job 12") == rich_record(rows, "Job 12")
    assert plain_record([("Name", "caf\u00e9")], None) is None  # wide/combining characters
    assert plain_record([("Output", "line 1\nline 2")], None) is None  # multi-line cell
    assert plain_record([("Output", "x" * 200)], None) is None  # folded by Rich
    assert plain_record([], "Job 1") is None
