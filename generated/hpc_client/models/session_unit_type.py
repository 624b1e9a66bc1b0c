from enum import IntEnum


class SessionUnitType(IntEnum):
    CORE = 0
    SOCKET = 1
    NODE = 2

    def __str__(self) -> str:
        return str(self.value)
