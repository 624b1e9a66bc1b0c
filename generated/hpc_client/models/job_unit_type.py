from enum import StrEnum


class JobUnitType(StrEnum):
    CORE = "Core"
    GPU = "GPU"
    NODE = "Node"
    SOCKET = "Socket"

    def __str__(self) -> str:
        return str(self.value)
