from enum import StrEnum


class RenderMode(StrEnum):
    HPCJOBXML = "HpcJobXml"
    RESTPROPRENDER = "RestPropRender"

    def __str__(self) -> str:
        return str(self.value)
