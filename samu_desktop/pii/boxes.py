"""The detector's answer: a rectangle to hide and why. Kept free of pydantic.

A frozen dataclass rather than a pydantic model: importing pydantic is 0.15 s
of CPU, a sixth of a whole one-image ``samu-desktop pii-scan`` run, for a
class of five fields. The two pydantic methods its callers use,
``model_dump`` and ``model_copy``, keep their meaning, so the CLI's JSON and
the editor's code are unchanged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, Literal

from samu_desktop.pii.kinds import PatientDataKind


@dataclasses.dataclass(frozen=True, slots=True)
class Box:
    """A rectangle to hide, in pixels of the analysed image, and why."""

    x: int
    y: int
    width: int
    height: int
    kind: PatientDataKind

    def __post_init__(self) -> None:
        # As pydantic did: a kind given as its string value ("name") is the kind.
        if not isinstance(self.kind, PatientDataKind):
            object.__setattr__(self, "kind", PatientDataKind(self.kind))

    def model_dump(self, *, mode: Literal["python", "json"] = "python") -> dict[str, Any]:
        """The fields in order; ``mode="json"``: the kind as its string value."""
        data = dataclasses.asdict(self)
        if mode == "json":
            data["kind"] = self.kind.value
        return data

    def model_copy(self, *, update: Mapping[str, Any] | None = None) -> Box:
        return dataclasses.replace(self, **dict(update or {}))
