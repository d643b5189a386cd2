"""What the machine and the settings fill in, and the quick start-time choices."""

from __future__ import annotations

import platform
import re
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from samu_desktop.config.settings import Settings
from samu_desktop.procedure import Catalogue
from samu_desktop.report.autofill import (
    MachineFacts,
    detect_machine_facts,
    firefox_version_from_ini,
    new_report,
    prefill,
    start_time_choices,
)
from samu_desktop.report.validation import validate

WINDOWS = MachineFacts(os_name="Windows", os_version="11 (10.0.22631)", browser="firefox",
                       browser_version="128.5.0esr")


def test_banner_prefill(catalogue: Catalogue, settings: Settings, now: datetime) -> None:
    settings.auth_mode = "otp_sms"
    answers = prefill(catalogue, "B", "bandeau", settings, WINDOWS, now)
    assert answers == {
        "start": "2026-11-03T14:05:00+01:00",  # to the minute
        "auth_mode": "otp_sms",
        "browser": "firefox",
        "browser_version": "128.5.0esr",
        "os": "Windows 11 (10.0.22631)",
    }


def test_portal_prefill_maps_settings_onto_its_own_choices(
    catalogue: Catalogue, settings: Settings, now: datetime
) -> None:
    settings.auth_mode = "otp_sms"
    settings.environment = "formation"
    settings.device_type = "tablette"
    answers = prefill(catalogue, "B", "portail", settings, WINDOWS, now)
    # The portal has one OTP choice for both OTP modes of the settings.
    assert answers["auth_mode"] == "otp"
    assert answers["environment"] == "formation"
    assert answers["device_type"] == "tablette"
    settings.auth_mode = "cps"
    assert prefill(catalogue, "B", "portail", settings, WINDOWS, now)["auth_mode"] == "cps"


def test_an_unknown_browser_is_left_for_the_user(
    catalogue: Catalogue, settings: Settings, now: datetime
) -> None:
    facts = MachineFacts(os_name="Linux", os_version="Debian GNU/Linux 12 (bookworm)",
                         browser="opera", browser_version="")
    answers = prefill(catalogue, "B", "nice", settings, facts, now)
    assert "browser" not in answers and "browser_version" not in answers
    assert answers["os"] == "Debian GNU/Linux 12 (bookworm)"  # "Linux" said once


def test_cases_without_machine_questions_get_the_start_only(
    catalogue: Catalogue, settings: Settings, now: datetime
) -> None:
    for case in ("A", "C", "D"):
        assert prefill(catalogue, case, None, settings, WINDOWS, now) == {
            "start": "2026-11-03T14:05:00+01:00"
        }
    assert prefill(catalogue, "B", None, settings, WINDOWS, now) == {}  # no application yet


def test_new_report_is_prefilled_and_carries_the_reporter(
    catalogue: Catalogue, settings: Settings, now: datetime
) -> None:
    report = new_report(catalogue, "B", "portail", settings, WINDOWS, now)
    assert report.catalogue_version == catalogue.version
    assert report.created_at == now and report.status == "draft"
    assert report.reporter.crra_id == "FR999"
    assert report.reporter.centre_name == "SAMU de démonstration"
    assert report.answers["browser"] == "firefox"
    # What is left is what only the user knows.
    missing = {p.field_id for p in validate(report, catalogue, now=now) if p.code == "required"}
    assert missing == {"prerequisites", "functions", "users_count", "description"}


def test_start_time_choices(now: datetime) -> None:
    choices = start_time_choices(now)
    assert [c.label for c in choices] == ["Maintenant", "Il y a 5 min", "Il y a 15 min",
                                          "Il y a 30 min"]
    assert [c.minutes_ago for c in choices] == [0, 5, 15, 30]
    assert choices[0].value == now.replace(second=0)
    assert choices[3].value == now.replace(second=0) - timedelta(minutes=30)
    assert all(c.value.tzinfo is not None for c in choices)


def test_start_time_choices_of_a_naive_time_are_local_and_aware() -> None:
    choices = start_time_choices(datetime(2026, 1, 1, 0, 10, 45))
    assert choices[2].value.replace(tzinfo=None) == datetime(2025, 12, 31, 23, 55)
    assert choices[2].value.tzinfo is not None


@pytest.mark.parametrize(("ini", "expected"), [
    ("[App]\nVersion=128.5.0\nSourceRepository=https://hg.mozilla.org/releases/mozilla-esr128\n",
     "128.5.0esr"),
    ("[App]\nVersion=133.0.3\nSourceRepository=https://hg.mozilla.org/releases/mozilla-release\n",
     "133.0.3"),
    ("[App]\nVersion=115.18.0\nRemotingName=firefox-esr\n", "115.18.0esr"),
    ("[App]\nVersion=not a version\n", ""),
    ("no section at all", ""),
    ("", ""),
])
def test_firefox_version_from_application_ini(tmp_path: Path, ini: str, expected: str) -> None:
    path = tmp_path / "application.ini"
    path.write_text(ini, encoding="utf-8")
    assert firefox_version_from_ini(path) == expected
    assert firefox_version_from_ini(tmp_path / "missing.ini") == ""


def test_detect_machine_facts_on_this_machine() -> None:
    facts = detect_machine_facts()
    assert facts.os_name == {"Windows": "Windows", "Darwin": "macOS"}.get(
        platform.system(), platform.system()
    )
    assert facts.os_version
    if shutil.which("firefox") is None:
        assert facts.browser == "" and facts.browser_version == ""
    else:
        assert facts.browser == "firefox"
        assert re.fullmatch(r"\d+(\.\d+)*(esr)?", facts.browser_version)
