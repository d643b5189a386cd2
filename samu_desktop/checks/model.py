"""What a check returns, and the report that gathers every result.

A check function returns an :class:`Outcome`; the runner adds the check's id,
title and duration to make a :class:`CheckResult`. The report is what travels
with the case-B e-mail (see :mod:`samu_desktop.checks.report`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path, PurePath
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from samu_desktop.i18n import translate

REPORT_FORMAT_VERSION = 1


class Status(StrEnum):
    PASS = "pass"
    WARNING = "warning"
    FAILURE = "failure"
    NOT_APPLICABLE = "not_applicable"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]

    def label(self) -> str:
        """The French word shown to the user."""
        if self is Status.PASS:
            return translate("checks", "Réussi")
        if self is Status.WARNING:
            return translate("checks", "Avertissement")
        if self is Status.FAILURE:
            return translate("checks", "Échec")
        return translate("checks", "Sans objet")


_SEVERITY = {Status.NOT_APPLICABLE: 0, Status.PASS: 0, Status.WARNING: 1, Status.FAILURE: 2}

# Values allowed in ``details``: what JSON can carry, nothing else.
Detail = str | int | float | bool | None | list[Any] | dict[str, Any]


@dataclass
class Outcome:
    """What a check function found. ``explanation`` and ``action`` are French sentences."""

    status: Status
    explanation: str
    action: str = ""
    details: dict[str, Detail] = field(default_factory=dict)
    # User-visible versions this check read, e.g. {"Firefox": "128.5.0esr"}.
    versions: dict[str, str] = field(default_factory=dict)


class CheckResult(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    status: Status
    explanation: str
    action: str = ""
    details: dict[str, Any] = Field(default_factory=dict)
    versions: dict[str, str] = Field(default_factory=dict)
    duration_s: float = 0.0
    timed_out: bool = False
    cancelled: bool = False


class MachineInfo(BaseModel):
    model_config = ConfigDict(frozen=True)

    hostname: str
    system: str
    system_version: str
    architecture: str
    python: str


class CheckReport(BaseModel):
    """Every result of one run of the prerequisites test."""

    format_version: int = REPORT_FORMAT_VERSION
    app_version: str
    generated_at: datetime
    environment: str
    auth_mode: str
    machine: MachineInfo
    versions: dict[str, str] = Field(default_factory=dict)
    results: list[CheckResult] = Field(default_factory=list)
    duration_s: float = 0.0
    cancelled: bool = False

    @property
    def status(self) -> Status:
        return worst_status(r.status for r in self.results)

    def counts(self) -> dict[Status, int]:
        counts = dict.fromkeys(Status, 0)
        for result in self.results:
            counts[result.status] += 1
        return counts

    def result(self, check_id: str) -> CheckResult | None:
        return next((r for r in self.results if r.id == check_id), None)

    def with_result(self, result: CheckResult) -> CheckReport:
        """A copy where ``result`` replaces the result of the same check (a re-run)."""
        results = [result if r.id == result.id else r for r in self.results]
        if all(r.id != result.id for r in self.results):
            results.append(result)
        versions = dict(self.versions)
        versions.update(result.versions)
        return self.model_copy(update={"results": results, "versions": versions})


def worst_status(statuses: Any) -> Status:
    worst = Status.PASS
    for status in statuses:
        if status.severity > worst.severity:
            worst = status
    return worst


def exit_code(report: CheckReport) -> int:
    """0 when everything passed, 1 with warnings, 2 with at least one failure."""
    return report.status.severity


def display_path(path: PurePath | str, home: Path | None) -> str:
    """Show a path with the home folder as ``~``: the user's login name stays out of reports."""
    text = str(path)
    if home is not None:
        home_text = str(home)
        if home_text and text.startswith(home_text):
            return "~" + text[len(home_text):]
    return text
