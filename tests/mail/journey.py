"""A realistic, synthetic case-B report with its files, for the e-mail tests and the guide.

Everything is obviously made up: centre "SAMU de démonstration", CRRA FR999,
addresses under ``example.test``, a generated screen without patient data.
The title is the one that broke standard decoders (a dash before "début",
a comma before "réception" at a fold).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from samu_desktop.checks.model import CheckReport, CheckResult, MachineInfo, Status
from samu_desktop.checks.report import report_filename, report_to_html, report_to_json
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.procedure.schema import Catalogue
from samu_desktop.report.attachments import ReportAttachments
from samu_desktop.report.model import Report, Reporter
from samu_desktop.report.outgoing import prepare_for_sending
from samu_desktop.report.reference import ensure_reference
from tests.mail.screens import screen_png

PARIS = timezone(timedelta(hours=1))
STARTED = datetime(2026, 12, 6, 10, 28, tzinfo=PARIS)
TITLE = "Réception des appels impossibles sur WS-1006, réception partielle ailleurs"


def sample_checks() -> CheckReport:
    statuses = [("Version de Firefox", Status.PASS), ("Cookies du profil", Status.PASS),
                ("Accès au portail", Status.PASS), ("Cryptolib CPS", Status.FAILURE),
                ("Heure du poste", Status.WARNING), ("Lecteur de carte", Status.NOT_APPLICABLE)]
    return CheckReport(
        app_version="0.0.0", generated_at=datetime(2026, 12, 6, 9, 35, tzinfo=UTC),
        environment="production", auth_mode="cps",
        machine=MachineInfo(hostname="poste-test", system="Windows 11 Pro",
                            system_version="23H2", architecture="AMD64", python="3.11.7"),
        results=[CheckResult(id=f"c{i}", title=title, status=status,
                             explanation=f"Explication {i} éàç")
                 for i, (title, status) in enumerate(statuses)],
    )


def centre_settings(**overrides: object) -> Settings:
    values: dict[str, object] = dict(
        crra_id="FR999", centre_name="SAMU de démonstration", reporter_name="Agent Exemple",
        reporter_phone="00 00 00 00 00", reporter_email="arm-test@example.test",
        sender_address="crra-test@example.test", support_email="support-test@example.test",
    )
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def sample_report(catalogue: Catalogue, settings: Settings, paths: AppPaths
                  ) -> tuple[Report, ReportAttachments]:
    """A case-B "bandeau" report ready to send, with one capture and the checks results."""
    report = Report.new("B", "bandeau", catalogue.version, STARTED + timedelta(minutes=7))
    answers: dict[str, object] = {
        "start": STARTED, "impact": "partiel", "state": "partiel",
        "impacted_functions": ["connexion", "reception"], "reproducibility": "systematique",
        "error_message": False, "ghost_calls": False, "phone_state": "rien",
        "auth_mode": "cps", "browser": "firefox", "browser_version": "128.5.0esr",
        "os": "Windows 11 Pro", "description": "Le bandeau reste figé après la connexion.\n"
                                               "Les appels sonnent mais ne s'affichent pas.",
    }
    for field_id, value in answers.items():
        report.set_answer(field_id, value)  # type: ignore[arg-type]
    report.title = TITLE
    report.reporter = Reporter(crra_id="FR999", centre_name="SAMU de démonstration",
                               name="Agent Exemple", phone="00 00 00 00 00",
                               email="arm-test@example.test")
    store = ReportAttachments(paths, report.id)
    store.save_export("cap-1", screen_png(1))
    report.screenshots = ["cap-1"]
    checks = sample_checks()
    store.save_file(report_filename(checks, "html"), report_to_html(checks).encode("utf-8"))
    store.save_file(report_filename(checks, "json"), report_to_json(checks).encode("utf-8"))
    report.prerequisites = report_filename(checks, "json")
    ensure_reference(report, settings.crra_id)
    prepare_for_sending(report, catalogue, settings)
    report.status = "finished"
    return report, store
