"""What the machine and the settings can answer before the user types anything.

:func:`detect_machine_facts` is deliberately small and best-effort: the full
browser and system probes live in ``samu_desktop.checks``; any code that has
better facts builds a :class:`MachineFacts` itself and passes it in.
"""

from __future__ import annotations

import configparser
import os
import platform
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from samu_desktop.config.settings import Settings
from samu_desktop.fsutil import read_limited_text
from samu_desktop.i18n import translate
from samu_desktop.procedure.schema import Catalogue, FieldDef
from samu_desktop.report.model import AnswerValue, Report, Reporter, aware, datetime_answer

QUICK_START_MINUTES = (0, 5, 15, 30)


@dataclass(frozen=True)
class MachineFacts:
    os_name: str = ""  # "Windows", "Linux", "macOS"
    os_version: str = ""  # "11 (10.0.22631)", "Debian GNU/Linux 12 (bookworm)"
    browser: str = ""  # a choice id of the catalogue: "firefox", "chrome", "edge", "safari"
    browser_version: str = ""  # "128.5.0esr"


@dataclass(frozen=True)
class StartTimeChoice:
    label: str
    value: datetime
    minutes_ago: int


def start_time_choices(now: datetime | None = None) -> list[StartTimeChoice]:
    """« Maintenant », « Il y a 5 / 15 / 30 min », to the minute."""
    base = aware(now or datetime.now().astimezone()).replace(second=0, microsecond=0)
    result = []
    for minutes in QUICK_START_MINUTES:
        if minutes == 0:
            label = translate("report", "Maintenant")
        else:
            label = translate("report", "Il y a {minutes} min").format(minutes=minutes)
        result.append(StartTimeChoice(label, base - timedelta(minutes=minutes), minutes))
    return result


def _values(settings: Settings, facts: MachineFacts, now: datetime) -> dict[str, str]:
    os_text = facts.os_version
    if facts.os_name.lower() not in facts.os_version.lower():
        # "Windows" + "11 (10.0.22631)", but not "Linux" + "Debian GNU/Linux 12".
        os_text = " ".join(x for x in (facts.os_name, facts.os_version) if x)
    return {
        "now": datetime_answer(aware(now).replace(second=0, microsecond=0)),
        "browser": facts.browser,
        "browser_version": facts.browser_version,
        "os": os_text,
        "device_type": settings.device_type,
        "environment": settings.environment,
        "auth_mode": settings.auth_mode,
        "crra": settings.crra_id,
    }


def _fit(field: FieldDef, value: str) -> AnswerValue | None:
    if not value:
        return None
    if field.type == "single_choice":
        wanted = value.lower()
        for choice in field.choices:
            if choice.id == wanted or wanted in choice.aliases:
                return choice.id
        return None
    if field.type in ("short_text", "long_text"):
        return value[: field.max_length or len(value)]
    return value  # a datetime, already in ISO form


def prefill(
    catalogue: Catalogue,
    case: str,
    application: str | None,
    settings: Settings,
    facts: MachineFacts,
    now: datetime | None = None,
) -> dict[str, AnswerValue]:
    """Answers for every question of the form whose ``prefill`` key we know a value for."""
    values = _values(settings, facts, now or datetime.now().astimezone())
    answers: dict[str, AnswerValue] = {}
    for f in catalogue.fields_for(case, application):
        if f.prefill is None:
            continue
        fitted = _fit(f, values.get(f.prefill, ""))
        if fitted is not None:
            answers[f.id] = fitted
    return answers


def new_report(
    catalogue: Catalogue,
    case: str,
    application: str | None,
    settings: Settings,
    facts: MachineFacts,
    now: datetime | None = None,
) -> Report:
    """A fresh draft for one form, pre-filled, with the reporter copied from the settings."""
    moment = aware(now or datetime.now().astimezone())
    report = Report.new(case, application, catalogue.version, moment)
    report.answers.update(prefill(catalogue, case, application, settings, facts, moment))
    report.reporter = Reporter(
        crra_id=settings.crra_id,
        centre_name=settings.centre_name,
        name=settings.reporter_name,
        phone=settings.reporter_phone,
        email=settings.reporter_email,
    )
    return report


# -- best-effort detection ----------------------------------------------------

def detect_machine_facts() -> MachineFacts:
    """The OS and Firefox version, cheaply (reads files; one short command at most)."""
    os_name, os_version = _os()
    version = _firefox_version()
    return MachineFacts(
        os_name=os_name,
        os_version=os_version,
        browser="firefox" if version else "",
        browser_version=version,
    )


def _os() -> tuple[str, str]:
    system = platform.system()
    if system == "Windows":
        release, full, _, _ = platform.win32_ver()
        parts = full.split(".")
        build = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 0
        # Windows 11 still reports release "10": the build number tells them apart.
        name = "11" if release == "10" and build >= 22000 else release
        return "Windows", f"{name} ({full})" if full else name
    if system == "Darwin":
        return "macOS", platform.mac_ver()[0]
    if system == "Linux":
        try:
            pretty = platform.freedesktop_os_release().get("PRETTY_NAME", "")
        except OSError:
            pretty = ""
        return "Linux", pretty or platform.release()
    return system, platform.release()


def _firefox_dirs() -> list[Path]:
    if sys.platform == "win32":
        roots = [os.environ.get("PROGRAMFILES", ""), os.environ.get("PROGRAMFILES(X86)", "")]
        return [Path(r) / "Mozilla Firefox" for r in roots if r]
    if sys.platform == "darwin":
        return [Path("/Applications/Firefox.app/Contents/Resources")]
    return [Path(p) for p in ("/usr/lib/firefox-esr", "/usr/lib/firefox", "/usr/lib64/firefox",
                              "/opt/firefox", "/snap/firefox/current/usr/lib/firefox")]


def firefox_version_from_ini(path: Path) -> str:
    """``Version`` of an ``application.ini``, with ``esr`` appended for the ESR channel."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(read_limited_text(path, 1_000_000))
    except (OSError, configparser.Error):
        return ""
    version = parser.get("App", "Version", fallback="").strip()
    if not re.fullmatch(r"\d+(\.\d+){0,3}", version):
        return ""
    channel = (parser.get("App", "SourceRepository", fallback="")
               + parser.get("App", "RemotingName", fallback="")).lower()
    return version + "esr" if "esr" in channel else version


def _firefox_version() -> str:
    for folder in _firefox_dirs():
        found = firefox_version_from_ini(folder / "application.ini")
        if found:
            return found
    # On Windows ``firefox --version`` prints nothing; elsewhere it is cheap.
    exe = shutil.which("firefox") if sys.platform != "win32" else None
    if exe is None:
        return ""
    try:
        out = subprocess.run(
            [exe, "--version"], capture_output=True, text=True, timeout=3, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    match = re.search(r"Firefox\s+(\d+(?:\.\d+){0,3}(?:esr)?)", out)
    return match.group(1) if match else ""
