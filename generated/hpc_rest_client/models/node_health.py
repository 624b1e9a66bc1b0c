from enum import StrEnum


class NodeHealth(StrEnum):
    ERROR = "Error"
    OK = "OK"
    TRANSITIONAL = "Transitional"
    UNAPPROVED = "Unapproved"
    WARNING = "Warning"

    def __str__(self) -> str:
        return str(self.value)
