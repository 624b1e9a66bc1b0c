from enum import StrEnum


class TaskState(StrEnum):
    ALL = "All"
    CANCELED = "Canceled"
    CANCELING = "Canceling"
    CONFIGURING = "Configuring"
    DISPATCHING = "Dispatching"
    FAILED = "Failed"
    FINISHED = "Finished"
    FINISHING = "Finishing"
    QUEUED = "Queued"
    RUNNING = "Running"
    SUBMITTED = "Submitted"
    VALIDATING = "Validating"

    def __str__(self) -> str:
        return str(self.value)
