from enum import StrEnum


class OperationLogSeverity(StrEnum):
    ERROR = "Error"
    INFORMATION = "Information"
    TRACE = "Trace"
    WARNING = "Warning"

    def __str__(self) -> str:
        return str(self.value)
