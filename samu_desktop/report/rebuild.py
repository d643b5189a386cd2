"""A report waiting in the outbox leaves with the settings of the moment it leaves.

A report kept before the set-up was finished (no CRRA, no reporter, no server)
must not reach the desk frozen with "CRRA non renseigné" and no Reply-To. Just
before sending, the outbox sender asks :class:`ReportRebuilder` for the message
again: headers (From, To, Reply-To, Cc) from the current settings, the reporter's
blank fields filled from them, subject and bodies rendered again. What cannot be
made again is taken from the stored message itself: the masked screenshots (their
originals were wiped at hand-over) and the prerequisites and monitor files. The
Message-ID, the reference and the report's answers never change. The draft is
not written from the sender's thread: the GUI thread settles it once the report
is sent (:func:`settle_sent`).
"""

from __future__ import annotations

import logging
from email.message import EmailMessage
from uuid import UUID

from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.mail.compose import build_message
from samu_desktop.mail.message import POLICY, Attachment, AttachmentKind
from samu_desktop.mail.outbox import Outbox, OutboxRecord, RemoveOutcome, parse_message
from samu_desktop.procedure.schema import Catalogue
from samu_desktop.report.attachments import ReportAttachments
from samu_desktop.report.drafts import DraftStore
from samu_desktop.report.history import History
from samu_desktop.report.model import Report
from samu_desktop.report.outgoing import app_version, recipient_settings
from samu_desktop.report.render import (
    ChecksSummary,
    render_html,
    render_json,
    render_text,
    subject_line,
    summarise_checks,
)

log = logging.getLogger(__name__)

REPORT_JSON = "signalement.json"


def fill_reporter(report: Report, settings: Settings) -> bool:
    """The reporter's blank fields from the settings (what the user typed stays)."""
    reporter = report.reporter
    changed = False
    for name, value in (("crra_id", settings.crra_id), ("centre_name", settings.centre_name),
                        ("name", settings.reporter_name), ("phone", settings.reporter_phone),
                        ("email", settings.reporter_email)):
        if not getattr(reporter, name).strip() and value.strip():
            setattr(reporter, name, value.strip())
            changed = True
    return changed


def stored_attachments(message: EmailMessage) -> list[Attachment]:
    """The attachments of a stored report, but its JSON copy (rendered again)."""
    found = []
    for part in message.iter_attachments():
        if not isinstance(part, EmailMessage):
            continue
        name = part.get_filename() or ""
        if not name or name == REPORT_JSON:
            continue
        content = part.get_content()
        data = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        mime = part.get_content_type()
        if name.startswith("copie-ecran-") and mime == "image/png":
            kind = AttachmentKind.SCREENSHOT
        elif mime == "image/png":
            kind = AttachmentKind.MONITOR_TIMELINE
        elif name.endswith(".html"):
            kind = AttachmentKind.CHECKS_HTML
        else:
            kind = AttachmentKind.OTHER
        found.append(Attachment(filename=name, mime_type=mime, data=data, kind=kind))
    return found


def checks_in(attachments: list[Attachment]) -> ChecksSummary | None:
    """The prerequisites results summarised from their JSON attachment, if any."""
    from samu_desktop.checks.report import report_from_json

    for attachment in attachments:
        if attachment.mime_type == "application/json":
            try:
                return summarise_checks(report_from_json(attachment.data.decode("utf-8")))
            except (ValueError, UnicodeDecodeError):
                continue  # the monitor's journal, not the prerequisites results
    return None


class ReportRebuilder:
    """The outbox sender's ``rebuild``: runs on the sender's thread, under the entry's lock.

    Returns None (send the stored message) when the report's draft is gone or the
    catalogue cannot be loaded: a report kept is never held back by its rebuild.
    """

    def __init__(self, paths: AppPaths, catalogue: Catalogue | None = None) -> None:
        self.paths = paths
        self._catalogue = catalogue

    def catalogue(self) -> Catalogue:
        if self._catalogue is None:
            from samu_desktop.procedure import load_catalogue

            self._catalogue = load_catalogue()
        return self._catalogue

    def __call__(self, record: OutboxRecord, data: bytes, settings: Settings) -> bytes | None:
        if record.report_id is None:
            return None
        drafts = DraftStore(self.paths)
        try:
            report = drafts.load(record.report_id)
        except Exception as exc:  # deleted, unreadable: the stored message leaves
            log.info("outbox: report of %s not found for a rebuild (%s)", record.id,
                     type(exc).__name__)
            return None
        catalogue = self.catalogue()
        fill_reporter(report, settings)
        report.subject = subject_line(report, catalogue, settings)
        attachments = stored_attachments(parse_message(data))
        checks = checks_in(attachments)
        attachments.append(Attachment(
            filename=REPORT_JSON, mime_type="application/json",
            data=render_json(report, catalogue, status="sent", checks=checks).encode("utf-8"),
            kind=AttachmentKind.REPORT_JSON))
        message = build_message(
            recipient_settings(report, catalogue, settings), report.subject,
            render_text(report, catalogue, checks=checks),
            render_html(report, catalogue, checks=checks),
            attachments, app_version(), message_id=record.message_id,
            reference=report.reference)
        # The draft is not written here (the sender's thread): the GUI thread owns it and
        # settles it once the report is sent (see :func:`settle_sent`).
        return message.as_bytes(policy=POLICY)


def settle_sent(report: Report, catalogue: Catalogue, settings: Settings) -> bool:
    """The sent report's draft as the desk received it (rebuilt with these settings):
    the reporter's blanks filled, the subject the follow-ups refer to. True if changed."""
    changed = fill_reporter(report, settings)
    subject = subject_line(report, catalogue, settings)
    if subject != report.subject:
        report.subject = subject
        changed = True
    return changed


def restore_attachments(paths: AppPaths, report: Report, data: bytes) -> None:
    """Put the stored message's attachments back beside the report, so that it can be
    completed and sent again: the masked screenshots under the names the report lists,
    the prerequisites results and what the monitor saw."""
    store = ReportAttachments(paths, report.id)
    for attachment in stored_attachments(parse_message(data)):
        name = attachment.filename
        if attachment.kind is AttachmentKind.SCREENSHOT:
            number = name.removeprefix("copie-ecran-").removesuffix(".png")
            index = int(number) - 1 if number.isdigit() else -1
            if 0 <= index < len(report.screenshots):
                store.save_export(report.screenshots[index], attachment.data)
        elif name.startswith("prerequis-"):
            store.save_file(name, attachment.data)
        else:
            store.save_monitor_file(name, attachment.data)


def reopen(paths: AppPaths, outbox: Outbox, record: OutboxRecord) -> tuple[RemoveOutcome,
                                                                           Report | None]:
    """Take a waiting report out of the outbox and make it a draft again.

    Its attachments come back first; the entry is removed only then, and never while
    a sender holds it or once it was sent (the restored copies are then dropped again).
    Raises :class:`~samu_desktop.errors.UserFacingError` when its draft is gone.
    """
    drafts = DraftStore(paths)
    assert record.report_id is not None
    report = drafts.load(record.report_id)
    restore_attachments(paths, report, outbox.message_bytes(record.id))
    outcome = outbox.remove(record.id)
    if outcome is not RemoveOutcome.REMOVED:
        ReportAttachments(paths, report.id).wipe()
        return outcome, None
    report.status = "draft"
    drafts.save(report, touch=True)
    log.info("report %s taken out of the outbox to be completed", report.id)
    return outcome, report


def discard(paths: AppPaths, outbox: Outbox, record: OutboxRecord,
            history: History | None = None) -> RemoveOutcome:
    """Delete a waiting report: out of the outbox, its draft, captures and history line
    with it (it never left: nothing of it stays behind)."""
    outcome = outbox.remove(record.id)
    if outcome is RemoveOutcome.REMOVED and record.report_id is not None:
        DraftStore(paths).discard(record.report_id)
        if history is not None:
            history.forget(UUID(record.report_id))
        log.info("report %s deleted from the outbox", record.report_id)
    return outcome
