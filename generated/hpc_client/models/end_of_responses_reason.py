from enum import StrEnum


class EndOfResponsesReason(StrEnum):
    CLIENTPURGED = "ClientPurged"
    CLIENTTIMEOUT = "ClientTimeout"
    SUCCESS = "Success"

    def __str__(self) -> str:
        return str(self.value)
