from enum import StrEnum


class JobNodeGroupOp(StrEnum):
    INTERSECT = "Intersect"
    UNIFORM = "Uniform"
    UNION = "Union"

    def __str__(self) -> str:
        return str(self.value)
