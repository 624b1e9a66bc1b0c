"""What the /hpc API keeps beside the scheduler: operation logs and node operations in flight."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from hpc_emulator.hpcapi.oplog import OperationLogs


@dataclass
class RestState:
    oplogs: OperationLogs = field(default_factory=OperationLogs)
    running: set[asyncio.Task[None]] = field(default_factory=set)  # node operations

    def spawn(self, coro: object) -> None:
        task: asyncio.Task[None] = asyncio.get_running_loop().create_task(coro)  # type: ignore[arg-type]
        self.running.add(task)
        task.add_done_callback(self.running.discard)

    async def aclose(self) -> None:
        for task in list(self.running):
            task.cancel()
        await asyncio.gather(*self.running, return_exceptions=True)
