from enum import IntEnum


class BrokerClientStatusCode(IntEnum):
    UNKNOWN = 0
    READY = 1
    PROCESSING = 2
    FINISHED = 3

    def __str__(self) -> str:
        return str(self.value)
