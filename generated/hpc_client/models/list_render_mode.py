from enum import StrEnum


class ListRenderMode(StrEnum):
    RESTPROPRENDER = "RestPropRender"

    def __str__(self) -> str:
        return str(self.value)
