"""A finished report turned into the e-mail the procedure asks for.

Case B goes to the SI-SAMU support desk with the prerequisites test results,
the redacted screenshots and the report as JSON; case D goes to the centre's
own IT. Bodies and attachments come from the report's renderers.
"""

from __future__ import annotations

from samu_desktop import __version__, buildinfo
from samu_desktop.config.settings import Settings
from samu_desktop.mail.message import (
    Attachment,
    AttachmentKind,
    OutgoingMessage,
    build_message,
)
from samu_desktop.procedure.schema import Catalogue
from samu_desktop.report.attachments import ReportAttachments
from samu_desktop.report.model import Report
from samu_desktop.report.patient_data import require_no_patient_data
from samu_desktop.report.render import render_html, render_json, render_text, subject_line


def recipient_settings(report: Report, catalogue: Catalogue, settings: Settings) -> Settings:
    """The settings with the right recipient: the local IT for case D."""
    case = catalogue.get_case(report.case)
    if case is not None and case.action == "local_it":
        return settings.model_copy(update={"support_email": settings.local_it_email})
    return settings


_FILE_KINDS = {
    ".html": ("text/html", AttachmentKind.CHECKS_HTML),
    ".json": ("application/json", AttachmentKind.CHECKS_JSON),
}


def file_attachments(store: ReportAttachments) -> list[Attachment]:
    """The files kept with the report (the prerequisites test's HTML and JSON results)."""
    return [
        Attachment(filename=name, mime_type=_FILE_KINDS[name[-5:]][0], data=data,
                   kind=_FILE_KINDS[name[-5:]][1])
        for name, data in store.files().items()
    ]


def report_attachments(
    report: Report, catalogue: Catalogue, screenshots: ReportAttachments
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
            data=render_json(report, catalogue).encode("utf-8"),
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
    return build_message(
        recipient_settings(report, catalogue, settings),
        subject_line(report, catalogue, settings),
        render_text(report, catalogue),
        render_html(report, catalogue),
        report_attachments(report, catalogue, screenshots),
        # The support desk can tell which build sent it (fits the header's 40 characters).
        f"{__version__} (commit {buildinfo.commit()})",
    )
