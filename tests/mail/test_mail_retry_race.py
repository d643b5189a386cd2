""""Réessayer" during a sender's pass: never refused as "being sent" when it is not.

The race (issue 15): the sender used to take the lock of every entry it looked
at, so a retry that landed while it merely *read* an entry waiting for the user
was answered "en cours d'envoi" and dropped. These tests reproduce that exact
interleaving without sleeps or luck: an outbox whose ``load`` runs the user's
click at the moment the sender reads the entry.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from samu_desktop.gui.outbox_page import OutboxPage
from samu_desktop.mail.compose import build_message
from samu_desktop.mail.failures import FailureKind
from samu_desktop.mail.filelock import FileLock
from samu_desktop.mail.outbox import EntryState, LastError, Outbox, OutboxRecord, RetryOutcome
from samu_desktop.mail.sender import OutboxSender
from tests.mail.smtp_server import MailServer, Pki
from tests.mail.test_mail_transport import transport_for

Factory = Callable[..., MailServer]


class _ClickWhileRead(Outbox):
    """Runs ``during`` (once) when entry ``target`` is read: the user's click mid-pass."""

    def __init__(self, directory: Path) -> None:
        super().__init__(directory)
        self.target = ""
        self.during: Callable[[], None] | None = None

    def load(self, entry_id: str) -> OutboxRecord:
        record = super().load(entry_id)
        if entry_id == self.target and self.during is not None:
            during, self.during = self.during, None
            during()
        return record


def _needs_action(outbox: Outbox, settings: object) -> OutboxRecord:
    record = outbox.add(build_message(settings, "Incident", "t", "<p>h</p>", [], "1"))  # type: ignore[arg-type]
    failed = record.changed(state=EntryState.NEEDS_ACTION,
                            error=LastError(kind=FailureKind.REJECTED, code=554))
    outbox.save(failed)
    return failed


def test_retry_while_the_sender_reads_the_entry_is_queued(
    mail_server: Factory, pki: Pki, tmp_path: Path
) -> None:
    server = mail_server(auth=False)
    settings = server.settings()
    outbox = _ClickWhileRead(tmp_path / "outbox")
    record = _needs_action(outbox, settings)
    sender = OutboxSender(outbox, lambda: settings, transport_for(pki))
    outcomes: list[RetryOutcome] = []
    outbox.target = record.id
    outbox.during = lambda: outcomes.append(outbox.retry(record.id))

    assert sender.run_once() == []  # the pass read the entry and left it to the user
    assert outcomes == [RetryOutcome.QUEUED]
    assert outbox.load(record.id).state is EntryState.WAITING
    (sent,) = sender.run_once()  # the next pass sends it
    assert sent.state is EntryState.SENT and len(server.delivered) == 1


def test_retry_says_why_it_cannot(mail_server: Factory, pki: Pki, tmp_path: Path) -> None:
    server = mail_server(auth=False)
    settings = server.settings()
    outbox = Outbox(tmp_path / "outbox")
    record = _needs_action(outbox, settings)

    other = FileLock(outbox.path(record.id) / ".lock")
    assert other.acquire()  # a sender is sending it right now
    assert outbox.retry(record.id) is RetryOutcome.BUSY
    other.release()

    outbox.save(outbox.load(record.id).changed(state=EntryState.SENT))
    assert outbox.retry(record.id) is RetryOutcome.ALREADY_SENT
    assert outbox.retry("no-such-entry") is RetryOutcome.GONE
    assert all(o.message() for o in RetryOutcome if o is not RetryOutcome.QUEUED)
    assert server.delivered == []


def test_the_page_retries_mid_pass_and_says_the_true_reason(
    qtbot: QtBot, mail_server: Factory, pki: Pki, tmp_path: Path
) -> None:
    server = mail_server(auth=False)
    settings = server.settings()
    outbox = _ClickWhileRead(tmp_path / "outbox")
    record = _needs_action(outbox, settings)
    sender = OutboxSender(outbox, lambda: settings, transport_for(pki))
    page = OutboxPage(outbox, sender=None, settings=lambda: settings)
    qtbot.addWidget(page)
    page.select(record.id)
    assert page.retry_button.isEnabled()

    outbox.target = record.id
    outbox.during = page.retry_button.click  # the click lands while the sender reads it
    assert sender.run_once() == []
    assert not page.notice.isVisible() or not page.notice.text()
    assert outbox.load(record.id).state is EntryState.WAITING

    # Sent meanwhile (by the CLI, say): the page says so, in the page, no dialog.
    outbox.save(outbox.load(record.id).changed(state=EntryState.SENT))
    page.refresh()
    page.select(record.id)
    page.retry_selected()
    assert page.notice.text() == RetryOutcome.ALREADY_SENT.message()
    assert server.delivered == []


def test_retry_the_moment_a_failure_is_shown_is_queued(
    mail_server: Factory, pki: Pki, tmp_path: Path
) -> None:
    """The listener (the page) hears of the failure only once the entry's lock is free.

    The user clicks "Réessayer" as soon as the row says "Action requise": here the
    listener itself asks for the retry, at the very moment it is told.
    """
    server = mail_server(auth=False)
    settings = server.settings()
    outbox = Outbox(tmp_path / "outbox")
    record = outbox.add(build_message(settings, "Incident", "t", "<p>h</p>", [], "1"))
    server.fault = "554"
    sender = OutboxSender(outbox, lambda: settings, transport_for(pki))
    outcomes: list[RetryOutcome] = []

    def listener(seen: OutboxRecord) -> None:
        if seen.state is EntryState.NEEDS_ACTION and not outcomes:
            outcomes.append(outbox.retry(seen.id))

    sender.add_listener(listener)
    (failed,) = sender.run_once()
    assert failed.state is EntryState.NEEDS_ACTION
    assert outcomes == [RetryOutcome.QUEUED]
    server.fault = None
    (sent,) = sender.run_once()
    assert sent.state is EntryState.SENT and len(server.delivered) == 1
    assert record.id == sent.id
