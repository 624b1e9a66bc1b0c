from enum import StrEnum


class BrokerClientStatus(StrEnum):
    FINISHED = "Finished"
    PROCESSING = "Processing"
    READY = "Ready"
    UNKNOWN = "Unknown"

    def __str__(self) -> str:
        return str(self.value)
