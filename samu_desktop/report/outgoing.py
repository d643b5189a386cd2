"""A finished report turned into the e-mail the procedure asks for.

Case B goes to the SI-SAMU support desk with the prerequisites test results,
the redacted screenshots and the report as JSON; case D goes to the centre's
own IT. Bodies and attachments come from the report's renderers.
"""

from __future__ import annotations

import logging

from samu_desktop import __version__, buildinfo
from samu_desktop.config.settings import Settings
from samu_desktop.mail.compose import build_message
from samu_desktop.mail.message import (
    Attachment,
    AttachmentKind,
    OutgoingMessage,
    make_message_id,
)
from samu_desktop.procedure.schema import Catalogue
from samu_desktop.report.attachments import ReportAttachments
from samu_desktop.report.model import Report
from samu_desktop.report.patient_data import require_no_patient_data
from samu_desktop.report.render import (
    ChecksSummary,
    render_html,
    render_json,
    render_text,
    subject_line,
    summarise_checks,
)

log = logging.getLogger(__name__)


def app_version() -> str:
    # The support desk can tell which build sent it (fits the header's 40 characters).
    return f"{__version__} (commit {buildinfo.commit()})"


def report_message_id(report: Report, settings: Settings) -> str:
    """The report's Message-ID: made once, kept on the report, named after it."""
    return report.message_id or make_message_id(f"{report.id}.report", settings)


def prepare_for_sending(report: Report, catalogue: Catalogue, settings: Settings) -> None:
    """Fix what the first e-mail will carry (Message-ID, subject) before it is built.

    Kept on the report and then in the history, so that follow-ups answer it.
    """
    report.message_id = report_message_id(report, settings)
    report.subject = subject_line(report, catalogue, settings)


def checks_summary(store: ReportAttachments) -> ChecksSummary | None:
    """The prerequisites test's results kept with the report, in one line."""
    from samu_desktop.checks.report import report_from_json

    for name, data in store.files().items():
        if name.endswith(".json"):
            try:
                return summarise_checks(report_from_json(data.decode("utf-8")))
            except (ValueError, UnicodeDecodeError) as exc:  # pydantic's error is one too
                log.warning("prerequisites results unreadable: %s", type(exc).__name__)
    return None


def recipient_settings(report: Report, catalogue: Catalogue, settings: Settings) -> Settings:
    """The settings with the right recipient: the local IT for case D."""
    return recipient_settings_for_case(report.case, catalogue, settings)


def recipient_settings_for_case(case_id: str, catalogue: Catalogue, settings: Settings
                                ) -> Settings:
    case = catalogue.get_case(case_id)
    if case is not None and case.action == "local_it":
        return settings.model_copy(update={"support_email": settings.local_it_email})
    return settings


_FILE_KINDS = {
    ".html": ("text/html", AttachmentKind.CHECKS_HTML),
    ".json": ("application/json", AttachmentKind.CHECKS_JSON),
}


_MONITOR_KINDS = {
    ".png": ("image/png", AttachmentKind.MONITOR_TIMELINE),
    "json": ("application/json", AttachmentKind.MONITOR_JSON),
}


def file_attachments(store: ReportAttachments) -> list[Attachment]:
    """The files kept with the report: the prerequisites test's HTML and JSON results,
    and what the outage monitor saw (its timeline and journal extract)."""
    checks = [
        Attachment(filename=name, mime_type=_FILE_KINDS[name[-5:]][0], data=data,
                   kind=_FILE_KINDS[name[-5:]][1])
        for name, data in store.files().items()
    ]
    return checks + [
        Attachment(filename=name, mime_type=_MONITOR_KINDS[name[-4:]][0], data=data,
                   kind=_MONITOR_KINDS[name[-4:]][1])
        for name, data in store.monitor_files().items()
    ]


def report_attachments(
    report: Report, catalogue: Catalogue, screenshots: ReportAttachments,
    checks: ChecksSummary | None = None,
) -> list[Attachment]:
    attachments = [
        Attachment(
            filename=f"copie-ecran-{number}.png",
            mime_type="image/png",
            data=screenshots.load_export(name),
            kind=AttachmentKind.SCREENSHOT,
        )
        for number, name in enumerate(report.screenshots, start=1)
    ]
    attachments.extend(file_attachments(screenshots))
    attachments.append(
        Attachment(
            filename="signalement.json",
            mime_type="application/json",
            # The copy in the e-mail is what the desk receives: a sent report.
            data=render_json(report, catalogue, status="sent", checks=checks).encode("utf-8"),
            kind=AttachmentKind.REPORT_JSON,
        )
    )
    return attachments


def build_report_message(
    report: Report,
    catalogue: Catalogue,
    settings: Settings,
    screenshots: ReportAttachments,
) -> OutgoingMessage:
    """The e-mail for ``report``; raises MessageError (French) when it cannot be built.

    Raises :class:`PatientDataError` while typed text flagged as patient data
    is neither removed nor cleared by the user: whatever path a report takes
    (wizard, restored draft), it cannot leave with it.
    """
    require_no_patient_data(report, catalogue)
    checks = checks_summary(screenshots)
    return build_message(
        recipient_settings(report, catalogue, settings),
        report.subject or subject_line(report, catalogue, settings),
        render_text(report, catalogue, checks=checks),
        render_html(report, catalogue, checks=checks),
        report_attachments(report, catalogue, screenshots, checks),
        app_version(),
        message_id=report_message_id(report, settings),
        reference=report.reference,
    )
