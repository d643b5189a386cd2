"""The workstation prerequisites test ("utilitaire de test"), without Qt.

Public API::

    from samu_desktop.checks import run_checks, CheckRun, CheckEnv, default_specs
    report = run_checks(settings)                 # blocking, ≤ timeout + grace
    report_to_json(report), report_to_html(report), report_to_text(report)
    exit_code(report)                             # 0 passed, 1 warnings, 2 failures
"""

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
