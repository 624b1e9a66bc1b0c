from enum import StrEnum


class NodeOperationKind(StrEnum):
    BRINGONLINE = "bringOnline"
    REBOOT = "reboot"
    SHUTDOWN = "shutdown"
    START = "start"
    STOP = "stop"
    TAKEOFFLINE = "takeOffline"

    def __str__(self) -> str:
        return str(self.value)
