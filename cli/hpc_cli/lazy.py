"""Command groups and commands built when click first looks them up.

Building a typer command inspects its signature and evaluates its type hints; a group builds
all its commands. `hpc job view` needs one group and one command of it: building every group
cost ~15 ms and every job command ~7 ms of its start-up. Help and completion iterate the
mappings, which builds everything, in registration order, as typer would.
"""

from __future__ import annotations

import copy
import functools
import importlib
from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

import typer
from typer.main import get_command_from_info, get_command_name, get_group_from_info
from typer.models import TyperInfo

__all__ = ["LazyCommands", "group"]


class LazyCommands(MutableMapping[str, Any]):
    """name -> click command, each built by its builder on first lookup."""

    def __init__(self, builders: dict[str, Callable[[], Any]]) -> None:
        self._builders = builders
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            self._built[name] = self._builders[name]()  # KeyError: no such command
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        del self._built[name]

    def __iter__(self) -> Iterator[str]:
        yield from self._builders
        yield from (n for n in self._built if n not in self._builders)

    def __len__(self) -> int:
        return len(self._builders) + sum(1 for n in self._built if n not in self._builders)


def group(root: typer.Typer, name: str, module: str, attr: str) -> Any:
    """What `root.add_typer(<module>.<attr>, name=name)` builds, with lazy commands."""
    sub: typer.Typer = getattr(importlib.import_module(module), attr)
    options: dict[str, Any] = {
        "pretty_exceptions_short": root.pretty_exceptions_short,
        "rich_markup_mode": root.rich_markup_mode,
    }
    shell = copy.copy(sub)
    shell.registered_commands = []  # the group itself: callback, help, no_args_is_help
    built = get_group_from_info(
        TyperInfo(shell, name=name), suggest_commands=root.suggest_commands, **options
    )
    builders: dict[str, Callable[[], Any]] = {}
    for info in sub.registered_commands:
        assert info.callback is not None
        command_name = info.name or get_command_name(info.callback.__name__)
        builders[command_name] = functools.partial(get_command_from_info, info, **options)
    built.commands = LazyCommands(builders)
    return built
