"""The workstation prerequisites test ("utilitaire de test"), without Qt.

Public API::

    from samu_desktop.checks import run_checks, CheckRun, CheckEnv, default_specs
    report = run_checks(settings)                 # blocking, ≤ timeout + grace
    report_to_json(report), report_to_html(report), report_to_text(report)
    exit_code(report)                             # 0 passed, 1 warnings, 2 failures
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from samu_desktop.lazy import lazy_attributes

if TYPE_CHECKING:
    from samu_desktop.checks.model import (
        CheckReport,
        CheckResult,
        MachineInfo,
        Outcome,
        Status,
        exit_code,
        worst_status,
    )
    from samu_desktop.checks.net import TlsConfig
    from samu_desktop.checks.report import (
        report_filename,
        report_from_json,
        report_to_html,
        report_to_json,
        report_to_text,
    )
    from samu_desktop.checks.runner import CheckEnv, CheckRun, CheckSpec, default_specs, run_checks

# Each name loads its module on first use: importing the package stays cheap,
# which keeps the application's start quick.
_SOURCES: dict[str, str] = {
    "CheckReport": "samu_desktop.checks.model",
    "CheckResult": "samu_desktop.checks.model",
    "MachineInfo": "samu_desktop.checks.model",
    "Outcome": "samu_desktop.checks.model",
    "Status": "samu_desktop.checks.model",
    "exit_code": "samu_desktop.checks.model",
    "worst_status": "samu_desktop.checks.model",
    "TlsConfig": "samu_desktop.checks.net",
    "report_filename": "samu_desktop.checks.report",
    "report_from_json": "samu_desktop.checks.report",
    "report_to_html": "samu_desktop.checks.report",
    "report_to_json": "samu_desktop.checks.report",
    "report_to_text": "samu_desktop.checks.report",
    "CheckEnv": "samu_desktop.checks.runner",
    "CheckRun": "samu_desktop.checks.runner",
    "CheckSpec": "samu_desktop.checks.runner",
    "default_specs": "samu_desktop.checks.runner",
    "run_checks": "samu_desktop.checks.runner",
}

__all__ = [
    "CheckEnv",
    "CheckReport",
    "CheckResult",
    "CheckRun",
    "CheckSpec",
    "MachineInfo",
    "Outcome",
    "Status",
    "TlsConfig",
    "default_specs",
    "exit_code",
    "report_filename",
    "report_from_json",
    "report_to_html",
    "report_to_json",
    "report_to_text",
    "run_checks",
    "worst_status",
]


__getattr__ = lazy_attributes(__name__, _SOURCES)
