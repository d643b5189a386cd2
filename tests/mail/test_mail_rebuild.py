"""A report that waited in the outbox leaves with the settings of the moment it leaves.

Issue 19: a report kept on a fresh install (no CRRA, no reporter, no server) used to
reach the desk frozen — "CRRA non renseigné", no From, no Reply-To. Real parts: the
real catalogue, the draft store and outbox on disk, an aiosmtpd server with STARTTLS.
"""

from __future__ import annotations

import email
import io
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from pathlib import Path

from PIL import Image

from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.mail.failures import FailureKind
from samu_desktop.mail.filelock import FileLock
from samu_desktop.mail.outbox import EntryState, LastError, Outbox, RemoveOutcome
from samu_desktop.mail.sender import OutboxSender
from samu_desktop.procedure import load_catalogue
from samu_desktop.report.attachments import ReportAttachments
from samu_desktop.report.autofill import MachineFacts, new_report
from samu_desktop.report.drafts import DraftStore
from samu_desktop.report.model import Report
from samu_desktop.report.outgoing import build_report_message, prepare_for_sending
from samu_desktop.report.rebuild import ReportRebuilder
from samu_desktop.report.reference import ensure_reference
from tests.mail.smtp_server import MailServer, Pki
from tests.mail.test_mail_transport import transport_for

Factory = Callable[..., MailServer]


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 200)).save(out, "PNG")
    return out.getvalue()


def _kept_on_fresh_install(paths: AppPaths, outbox: Outbox) -> tuple[Report, str, bytes]:
    """A case-B report handed over with the settings of a fresh install."""
    catalogue = load_catalogue()
    blank = Settings()
    report = new_report(catalogue, "B", "selfcare", blank, MachineFacts())
    ensure_reference(report, blank.crra_id)
    prepare_for_sending(report, catalogue, blank)
    store = ReportAttachments(paths, report.id)
    picture = _png()
    store.save_export("capture-1", picture)
    report.screenshots = ["capture-1"]
    drafts = DraftStore(paths)
    drafts.save(report)
    drafts.mark_finished(report.id)
    message = build_report_message(report, catalogue, blank, store)
    assert "CRRA non renseigné" in str(message["Subject"])  # what the old code sent
    record = outbox.add(message, report_id=str(report.id))
    store.wipe()  # as at hand-over: the screenshot now lives only in the message
    return report, record.id, picture


def _fixed(server: MailServer) -> Settings:
    return server.settings(crra_id="FR999", centre_name="SAMU de démonstration",
                           reporter_name="Agent Exemple", reporter_phone="00 00 00 00 00",
                           reporter_email="agent@example.invalid")


def _received(server: MailServer) -> EmailMessage:
    (delivered,) = server.delivered
    parsed = email.message_from_bytes(delivered.content, policy=policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def test_a_waiting_report_leaves_with_the_current_settings(
    mail_server: Factory, pki: Pki, tmp_path: Path
) -> None:
    paths = AppPaths.default()
    outbox = Outbox(paths.outbox_dir)
    report, entry_id, picture = _kept_on_fresh_install(paths, outbox)
    server = mail_server(auth=False)
    settings = _fixed(server)
    sender = OutboxSender(outbox, lambda: settings, transport_for(pki),
                          rebuild=ReportRebuilder(paths))

    (ended,) = sender.run_once()

    assert ended.state is EntryState.SENT
    received = _received(server)
    subject = str(received["Subject"])
    assert "[FR999]" in subject and "CRRA non renseigné" not in subject
    assert received["From"].addresses[0].addr_spec == "crra-test@example.test"
    assert received["Reply-To"].addresses[0].addr_spec == "agent@example.invalid"
    assert str(received["Message-ID"]).strip().startswith(f"<{report.id}.report@")
    assert received["X-SAMU-Reference"] == report.reference
    body = received.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    assert "Agent Exemple" in text and "FR999" in text
    shots = [p for p in received.iter_attachments() if p.get_filename() == "copie-ecran-1.png"]
    assert [p.get_content() for p in shots] == [picture]
    # The record says what left; the draft is the GUI thread's (settled once sent).
    assert "[FR999]" in outbox.load(entry_id).subject
    assert DraftStore(paths).load(report.id).status == "finished"
    assert outbox.load(entry_id).recipients == ["monserviceclient.si-samu@esante.gouv.fr",
                                                "agent@example.invalid"]


def test_a_report_that_may_be_at_the_desk_is_resent_unchanged(
    mail_server: Factory, pki: Pki, tmp_path: Path
) -> None:
    """Same Message-ID, same content: a desk recognises the duplicate."""
    paths = AppPaths.default()
    outbox = Outbox(paths.outbox_dir)
    _report, entry_id, _picture = _kept_on_fresh_install(paths, outbox)
    outbox.save(outbox.load(entry_id).changed(maybe_delivered=True))
    server = mail_server(auth=False)
    settings = _fixed(server)
    sender = OutboxSender(outbox, lambda: settings, transport_for(pki),
                          rebuild=ReportRebuilder(paths))

    (ended,) = sender.run_once()

    assert ended.state is EntryState.SENT
    assert "CRRA non renseigné" in str(_received(server)["Subject"])


def test_a_waiting_report_can_be_removed_but_never_while_it_is_sent(tmp_path: Path) -> None:
    paths = AppPaths.default()
    outbox = Outbox(paths.outbox_dir)
    _report, entry_id, _picture = _kept_on_fresh_install(paths, outbox)
    other = FileLock(outbox.path(entry_id) / ".lock")
    assert other.acquire()  # a sender is sending it right now
    try:
        assert outbox.remove(entry_id) is RemoveOutcome.BUSY
    finally:
        other.release()
    assert outbox.ids() == [entry_id]
    outbox.save(outbox.load(entry_id).changed(
        state=EntryState.NEEDS_ACTION, error=LastError(kind=FailureKind.AUTH_REFUSED)))
    assert [r.id for r in outbox.waiting()] == [entry_id]

    assert outbox.remove(entry_id) is RemoveOutcome.REMOVED

    assert outbox.ids() == [] and outbox.waiting() == []
    assert not outbox.path(entry_id).exists()
    assert outbox.remove(entry_id) is RemoveOutcome.GONE


def test_a_sent_report_is_not_removed(tmp_path: Path) -> None:
    paths = AppPaths.default()
    outbox = Outbox(paths.outbox_dir)
    _report, entry_id, _picture = _kept_on_fresh_install(paths, outbox)
    outbox.save(outbox.load(entry_id).changed(state=EntryState.SENT))
    assert outbox.remove(entry_id) is RemoveOutcome.ALREADY_SENT
    assert outbox.ids() == [entry_id] and outbox.waiting() == []


def test_a_report_kept_before_the_copy_address_changed_leaves_to_the_new_one(
    mail_server: Factory, pki: Pki, tmp_path: Path
) -> None:
    """The old Cc is no longer one the settings name: rebuilt, it is not refused."""
    paths = AppPaths.default()
    outbox = Outbox(paths.outbox_dir)
    catalogue = load_catalogue()
    old = Settings(cc_address="ancienne-copie@example.invalid")
    report = new_report(catalogue, "B", "selfcare", old, MachineFacts())
    ensure_reference(report, "")
    prepare_for_sending(report, catalogue, old)
    drafts = DraftStore(paths)
    drafts.save(report)
    drafts.mark_finished(report.id)
    outbox.add(build_report_message(report, catalogue, old, ReportAttachments(paths, report.id)),
               report_id=str(report.id))
    server = mail_server(auth=False)
    settings = _fixed(server).model_copy(update={"cc_address": "copie@example.invalid"})
    sender = OutboxSender(outbox, lambda: settings, transport_for(pki),
                          rebuild=ReportRebuilder(paths))

    (ended,) = sender.run_once()

    assert ended.state is EntryState.SENT
    (delivered,) = server.delivered
    assert "ancienne-copie@example.invalid" not in delivered.rcpt_tos
    assert "copie@example.invalid" in delivered.rcpt_tos
