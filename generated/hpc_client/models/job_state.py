from enum import StrEnum


class JobState(StrEnum):
    ALL = "All"
    CANCELED = "Canceled"
    CANCELING = "Canceling"
    CONFIGURING = "Configuring"
    EXTERNALVALIDATION = "ExternalValidation"
    FAILED = "Failed"
    FINISHED = "Finished"
    FINISHING = "Finishing"
    QUEUED = "Queued"
    RUNNING = "Running"
    SUBMITTED = "Submitted"
    VALIDATING = "Validating"

    def __str__(self) -> str:
        return str(self.value)
