"""Fixtures for the report tests: the real catalogue, a fixed moment, synthetic settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import pytest

from samu_desktop.config.settings import Settings
from samu_desktop.procedure import Catalogue, FieldDef, load_catalogue
from samu_desktop.report.model import PrerequisitesSummary, Report

PARIS_WINTER = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 3, 14, 5, 30, tzinfo=PARIS_WINTER)

Filler = Callable[[str, str | None], Report]


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def settings() -> Settings:
    # Obviously synthetic identity: no real centre, person or number.
    return Settings(
        crra_id="FR999",
        centre_name="SAMU de démonstration",
        reporter_name="Agent Exemple",
        reporter_phone="00 00 00 00 00",
        reporter_email="agent@example.invalid",
    )


def _wanted(fields: tuple[FieldDef, ...]) -> dict[str, set[str]]:
    """For each field some condition looks at, the values that make its dependents show."""
    wanted: dict[str, set[str]] = {}
    for f in fields:
        if f.show_if is not None:
            wanted.setdefault(f.show_if.field, set()).update(f.show_if.any_of)
    return wanted


def fill(catalogue: Catalogue, case: str, app: str | None, now: datetime) -> Report:
    """A report answering every question, choosing values that show every question."""
    fields = catalogue.fields_for(case, app)
    wanted = _wanted(fields)
    report = Report.new(case, app, catalogue.version, now)
    for f in fields:
        needs = wanted.get(f.id, set())
        if f.type == "datetime":
            report.set_answer(f.id, now - timedelta(minutes=15), now)
        elif f.type == "single_choice":
            ids = [c.id for c in f.choices]
            report.set_answer(f.id, next((i for i in ids if i in needs), ids[0]), now)
        elif f.type == "multi_choice":
            ids = [c.id for c in f.choices]
            report.set_answer(f.id, sorted(set(ids[:1]) | needs, key=ids.index), now)
        elif f.type == "yes_no":
            report.set_answer(f.id, "no" not in needs, now)
        elif f.type == "number":
            report.set_answer(f.id, 3, now)
        elif f.type == "short_text":
            report.set_answer(f.id, f"Réponse courte {f.id}", now)
        elif f.type == "long_text":
            report.set_answer(f.id, f"Première ligne {f.id}\nSeconde ligne", now)
        elif f.type == "screenshots":
            report.screenshots = ["capture-exemple-1", "capture-exemple-2"]
        elif f.type == "prerequisites_result":
            report.prerequisites = PrerequisitesSummary(
                passed=17, warnings=2, failures=1, statuses={"clock": "pass"})
    return report


@pytest.fixture
def filled(catalogue: Catalogue, now: datetime) -> Filler:
    return lambda case, app: fill(catalogue, case, app, now)
