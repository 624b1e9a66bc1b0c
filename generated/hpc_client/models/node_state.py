from enum import StrEnum


class NodeState(StrEnum):
    ALL = "All"
    DRAINING = "Draining"
    OFFLINE = "Offline"
    ONLINE = "Online"

    def __str__(self) -> str:
        return str(self.value)
