from enum import StrEnum


class TaskType(StrEnum):
    BASIC = "Basic"
    NODEPREP = "NodePrep"
    NODERELEASE = "NodeRelease"
    PARAMETRICSWEEP = "ParametricSweep"
    SERVICE = "Service"

    def __str__(self) -> str:
        return str(self.value)
