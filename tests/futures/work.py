"""Functions the tests run on the emulator's "nodes" (pickled by value: nodes lack `tests`)."""

from __future__ import annotations

import os
import time


def add(a: int, b: int = 0) -> int:
    return a + b


def shout(text: str) -> str:
    print(f"stdout says {text}")
    raise ValueError(f"bad input {text}")


def gated(gate: str, value: int, limit: float = 60.0) -> int:
    """Mark `<gate>.started`, then wait (bounded) until the test creates `gate`."""
    with open(gate + ".started", "w") as f:
        f.write(str(os.getpid()))
    end = time.monotonic() + limit
    while not os.path.exists(gate) and time.monotonic() < end:
        time.sleep(0.05)
    with open(gate + ".finished", "w") as f:
        f.write("done")
    return value


class Unloadable:
    """Pickles fine on the node; unpickling it on the client fails."""

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return (_refuse, ())


def _refuse() -> None:
    raise RuntimeError("this object cannot be rebuilt")


def unloadable() -> Unloadable:
    return Unloadable()
