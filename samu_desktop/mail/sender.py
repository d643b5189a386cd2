"""The background sender: empties the outbox, retrying what may succeed later.

A plain thread (the core never imports Qt) woken by :meth:`OutboxSender.wake`
— after a new report, a retry, a settings change — or by the next retry time.
Subscribers get every changed :class:`OutboxRecord` through
:meth:`add_listener`; they are called on the sender's thread, so the GUI hands
them over to its own thread. :meth:`run_once` does one pass synchronously
(``samu-desktop outbox flush`` and the tests use it).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email import policy as email_policy
from email.headerregistry import Address
from email.message import EmailMessage
from typing import Protocol

from samu_desktop.config.settings import Settings
from samu_desktop.errors import StorageError
from samu_desktop.mail.failures import FailureKind, SendFailure
from samu_desktop.mail.message import MessageError, one_line, parse_address, sender_of
from samu_desktop.mail.outbox import (
    EntryState,
    LastError,
    Outbox,
    OutboxError,
    OutboxRecord,
    RetryOutcome,
    TamperedEntry,
    digest_of,
    parse_message,
    recipients_of,
    sender_address_of,
    utcnow,
)
from samu_desktop.mail.resend import is_resend, mark_as_resend
from samu_desktop.mail.transport import Receipt, SmtpConfig, SmtpTransport

log = logging.getLogger(__name__)

Listener = Callable[[OutboxRecord], None]
TransportFactory = Callable[[SmtpConfig], SmtpTransport]
# Rebuilds a waiting report's message with the current settings, just before it
# leaves: (its record, the stored bytes, the settings) -> new bytes, or None to send
# the stored ones. Given by the application (the mail package knows no reports).
Rebuild = Callable[[OutboxRecord, bytes, Settings], "bytes | None"]


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return utcnow()


@dataclass(frozen=True)
class Backoff:
    """Delay before attempt n+1 after n temporary failures: base·2^(n-1), capped."""

    base_s: float = 30.0
    cap_s: float = 1800.0

    def delay(self, attempts: int) -> timedelta:
        return timedelta(seconds=min(self.cap_s, self.base_s * 2 ** max(0, attempts - 1)))


# Failures that a change of the sending settings (or of the password) can fix.
FIXED_BY_SETTINGS = frozenset({
    FailureKind.NO_PASSWORD, FailureKind.KEYRING, FailureKind.PLAINTEXT_FORBIDDEN,
    FailureKind.AUTH_REFUSED, FailureKind.AUTH_UNSUPPORTED, FailureKind.TLS_HANDSHAKE,
    FailureKind.NO_STARTTLS,
})

def allowed_recipients(settings: Settings) -> frozenset[str]:
    """The only addresses a report may go to: those the sending settings name."""
    values = (settings.support_email, settings.local_it_email, settings.cc_address,
              settings.reporter_email)  # the reporter's own copy
    return frozenset(v.strip().lower() for v in values if v.strip())


# Longest sleep with nothing due: another process (the CLI) may change the outbox.
IDLE_POLL_S = 300.0


class OutboxSender:
    def __init__(
        self,
        outbox: Outbox,
        settings: Callable[[], Settings],
        transport_factory: TransportFactory | None = None,
        *,
        allow_plaintext: bool = False,
        clock: Clock | None = None,
        backoff: Backoff | None = None,
        rebuild: Rebuild | None = None,
    ) -> None:
        self.outbox = outbox
        self._rebuild = rebuild
        self._settings = settings
        self._allow_plaintext = allow_plaintext
        self._transport_factory = transport_factory or self._default_transport
        self.clock: Clock = clock or SystemClock()
        self.backoff = backoff or Backoff()
        self._listeners: list[Listener] = []
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # Entries this process saw accepted, in case writing "sent" failed.
        self._accepted: dict[str, OutboxRecord] = {}

    # -- subscribers ------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _notify(self, record: OutboxRecord) -> None:
        for listener in list(self._listeners):
            try:
                listener(record)
            except Exception as exc:  # a broken subscriber must not stop sending
                log.error("outbox listener failed: %s", type(exc).__name__)

    # -- what the application calls ----------------------------------------
    def submit(self, message: EmailMessage, report_id: str | None = None) -> OutboxRecord:
        """Keep a finished report in the outbox (durably), then send it in the background."""
        record = self.outbox.add(message, report_id=report_id)
        self._notify(record)
        self.wake()
        return record

    def settings_changed(self) -> list[str]:
        """After the sending settings were saved: retry what they may have fixed."""
        retried = []
        for record in self.outbox.entries():
            fixable = record.error is not None and record.error.kind in FIXED_BY_SETTINGS
            if (record.state is EntryState.NEEDS_ACTION and fixable
                    and self.outbox.retry(record.id) is RetryOutcome.QUEUED):
                retried.append(record.id)
        self.wake()
        return retried

    # -- the thread ---------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="outbox-sender", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> bool:
        """Ask the thread to end; True once it has. A send in progress finishes first."""
        self._stop.set()
        self._wake.set()
        if self._thread is None:
            return True
        self._thread.join(timeout)
        ended = not self._thread.is_alive()
        if ended:
            self._thread = None
        return ended

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()  # a wake during the pass makes the wait return at once
            try:
                self.run_once()
            except Exception as exc:
                log.error("outbox pass failed: %s", type(exc).__name__)
            if self._stop.is_set():
                break
            self._wake.wait(self._seconds_to_next())

    def _seconds_to_next(self) -> float:
        now = self.clock.now()
        waits = [
            (r.next_attempt_at - now).total_seconds()
            for r in self.outbox.entries()
            if r.state is EntryState.WAITING and r.next_attempt_at is not None
        ]
        return max(0.05, min([IDLE_POLL_S, *waits]))

    # -- one pass ---------------------------------------------------------------
    def run_once(self, *, force: bool = False, include_needs_action: bool = False
                 ) -> list[OutboxRecord]:
        """Send every entry that is due; ``force`` ignores retry times.

        Returns the records as they ended (entries skipped are not listed).
        """
        done: list[OutboxRecord] = []
        for entry_id in self.outbox.ids():
            if self._stop.is_set() and self._thread is not None:
                break
            # Look before locking: the lock of an entry this pass will not send
            # (waiting for the user, not yet due, sent) stays free, so that
            # "Réessayer" on it is never refused as "being sent".
            try:
                seen = self.outbox.load(entry_id)
            except OutboxError:
                continue  # removed meanwhile
            if seen.state is not EntryState.SENDING and not self._due(
                    seen, force, include_needs_action):
                continue
            with self.outbox.locked(entry_id) as got:
                if not got:
                    continue  # another sender (the app or the CLI) has it
                try:
                    current = self.outbox.load(entry_id)
                except OutboxError:
                    continue  # taken out by the user meanwhile (deleted, reopened)
                record = self._recover(current)
                if not self._due(record, force, include_needs_action):
                    continue
                ended = self._send(record)
            # Told once the lock is free: a "Réessayer" clicked the moment the page
            # shows the outcome is never refused as "being sent".
            self._notify(ended)
            done.append(ended)
        return done

    def _recover(self, record: OutboxRecord) -> OutboxRecord:
        """A "sending" entry whose lock we could take was abandoned by a crash."""
        if record.state is not EntryState.SENDING:
            return record
        if record.id in self._accepted:
            recovered = self._accepted[record.id]
        else:
            log.warning("outbox: %s was interrupted while sending (phase %s): will retry",
                        record.id, record.phase)
            recovered = record.changed(
                state=EntryState.WAITING,
                next_attempt_at=None,
                interrupted=record.interrupted + 1,
                maybe_delivered=record.maybe_delivered or record.phase == "data",
                phase=None,
            )
        self.outbox.save(recovered)
        self._notify(recovered)
        return recovered

    def _due(self, record: OutboxRecord, force: bool, include_needs_action: bool) -> bool:
        if record.state is EntryState.NEEDS_ACTION:
            return include_needs_action
        if record.state is not EntryState.WAITING:
            return False
        return force or record.next_attempt_at is None or record.next_attempt_at <= self.clock.now()

    def _send(self, record: OutboxRecord) -> OutboxRecord:
        data = self.outbox.message_bytes(record.id)
        try:
            # Only the bytes checked here are sent, to the addresses they name.
            recipients = self.outbox.verified(record, data)
        except TamperedEntry:
            return self._refuse(record)
        settings = self._settings()
        config = SmtpConfig.from_settings(settings)
        if not config.host:
            return self._wait_for_settings(record, FailureKind.NOT_CONFIGURED)
        # A waiting report is addressed as the settings say now (a Cc changed meanwhile
        # is no reason to refuse it); then, even a message forged whole (digest
        # recomputed) only reaches an address the settings name, which the
        # administrator's policy can lock.
        data, record, recipients = self._rebuilt(record, data, settings, recipients)
        stranger = next((r for r in recipients if r.lower() not in allowed_recipients(settings)),
                        None)
        if stranger is not None:
            return self._refuse(record, FailureKind.RECIPIENT_NOT_ALLOWED, stranger)
        sender = sender_address_of(data)
        if not sender:
            try:
                data, record = self._add_sender(record, data, settings)
            except MessageError:
                return self._wait_for_settings(record, FailureKind.NO_SENDER)
            sender = sender_address_of(data)
        if record.maybe_delivered and not is_resend(data):
            # The desk may hold it already: same Message-ID and reference, marked as such.
            try:
                marked = mark_as_resend(data)
                # The digest follows the rewrite (see Outbox.replace_message).
                rewritten = self.outbox.replace_message(record, marked)
            except Exception as exc:  # unmarked is still better than not sent at all
                log.warning("outbox: %s not marked as a resend: %s", record.id,
                            type(exc).__name__)
            else:
                data = marked
                record = rewritten.changed(size=len(data))

        now = self.clock.now()
        record = record.changed(state=EntryState.SENDING, phase="connecting",
                                attempts=record.attempts + 1, last_attempt_at=now)
        self.outbox.save(record)
        self._notify(record)
        log.info("outbox: sending %s (attempt %d)", record.id, record.attempts)

        def before_data() -> None:
            nonlocal record
            record = record.changed(phase="data")
            self.outbox.save(record)

        try:
            transport = self._transport_factory(config)
            receipt = transport.send(data, sender, recipients, before_data,
                                     on_accepted=lambda r: self._accepted_now(record, r))
        except SendFailure as failure:
            record = self._failed(record, failure)
        except StorageError as exc:  # the state could not be written before DATA
            record = self._failed(record, SendFailure(FailureKind.UNEXPECTED,
                                                      details=exc.details))
        except Exception as exc:
            log.error("outbox: unexpected %s while sending %s", type(exc).__name__, record.id)
            record = self._failed(record, SendFailure(FailureKind.UNEXPECTED,
                                                      details=type(exc).__name__))
        else:
            record = self._accepted[record.id]
            log.info("outbox: %s accepted by the server (%d)", record.id, receipt.code)
        return record  # run_once tells the listeners, once the lock is released

    def _rebuilt(self, record: OutboxRecord, data: bytes, settings: Settings,
                 recipients: list[str]) -> tuple[bytes, OutboxRecord, list[str]]:
        """The report as it leaves now: with the settings of now, not of when it was kept.

        A report that may already be at the desk is never rebuilt (a resend must be
        the same message); when the rebuild fails, the stored message leaves as is.
        """
        if self._rebuild is None or record.report_id is None or record.maybe_delivered \
                or is_resend(data):
            return data, record, recipients
        try:
            fresh = self._rebuild(record, data, settings)
            if fresh is None or fresh == data:
                return data, record, recipients
            # Checked before it replaces anything: whole, with its recipients.
            fresh_recipients = self.outbox.verified(
                record.changed(digest=digest_of(fresh), previous_digest=None,
                               recipients=recipients_of(parse_message(fresh))), fresh)
        except Exception as exc:  # the stored message is still a whole report
            log.warning("outbox: %s not rebuilt with the current settings: %s", record.id,
                        type(exc).__name__)
            return data, record, recipients
        try:
            return fresh, self.outbox.replace_message(record, fresh), fresh_recipients
        except StorageError as exc:
            # Whichever version the disk holds now is the one to send, with its record.
            log.warning("outbox: %s rebuilt but not stored: %s", record.id, exc.details)
            current = self.outbox.load(record.id)
            stored = self.outbox.message_bytes(record.id)
            return stored, current, self.outbox.verified(current, stored)

    def _accepted_now(self, record: OutboxRecord, receipt: Receipt) -> None:
        """Runs the moment the server says 250, before QUIT: write "sent" first."""
        sent = record.changed(state=EntryState.SENT, phase=None, error=None,
                              sent_at=self.clock.now(), next_attempt_at=None,
                              server_reply=f"{receipt.code} {receipt.reply}".strip())
        self._accepted[record.id] = sent
        try:
            self.outbox.save(sent)
        except StorageError as exc:
            # Sent, but not recorded: this process remembers; say so in the log.
            log.error("outbox: %s sent but its state could not be saved: %s",
                      record.id, exc.details)

    def _failed(self, record: OutboxRecord, failure: SendFailure) -> OutboxRecord:
        log.info("outbox: %s failed: %s (code %s)", record.id, failure.kind, failure.code)
        error = LastError(kind=failure.kind, host=failure.host, code=failure.code,
                          server_reply=failure.reply, temporary=failure.temporary)
        maybe = record.maybe_delivered or failure.after_data
        if failure.temporary:
            next_at = self.clock.now() + self.backoff.delay(record.attempts)
            record = record.changed(state=EntryState.WAITING, next_attempt_at=next_at,
                                    error=error, phase=None, maybe_delivered=maybe)
        elif failure.needs_settings:
            record = record.changed(state=EntryState.WAITING, next_attempt_at=None,
                                    error=error, phase=None)
        else:
            record = record.changed(state=EntryState.NEEDS_ACTION, next_attempt_at=None,
                                    error=error, phase=None, maybe_delivered=maybe)
        self.outbox.save(record)
        return record

    def _refuse(self, record: OutboxRecord, kind: FailureKind = FailureKind.TAMPERED,
                address: str = "") -> OutboxRecord:
        """A message that is not the one added is never sent; the user is told why."""
        log.error("outbox: %s refused (%s)", record.id, kind)
        record = record.changed(state=EntryState.NEEDS_ACTION, next_attempt_at=None, phase=None,
                                error=LastError(kind=kind, host=address))
        self.outbox.save(record)
        return record

    def _wait_for_settings(self, record: OutboxRecord, kind: FailureKind) -> OutboxRecord:
        """Nothing to try before the settings change: no attempt is counted."""
        if record.error is not None and record.error.kind is kind:
            return record
        record = record.changed(error=LastError(kind=kind), next_attempt_at=None)
        self.outbox.save(record)
        return record

    def _add_sender(self, record: OutboxRecord, data: bytes, settings: Settings
                    ) -> tuple[bytes, OutboxRecord]:
        """Reports kept before a sender address was set get it now (same Message-ID)."""
        address = sender_of(settings)
        if not address:
            raise MessageError("no sender")
        header = EmailMessage(policy=email_policy.SMTP)
        parsed = parse_address(address, "sender_address")
        header["From"] = Address(one_line(settings.centre_name, 120), parsed.username,
                                 parsed.domain)
        reporter = settings.reporter_email.strip()
        if reporter and reporter != address and b"\r\nReply-To:" not in data.split(
                b"\r\n\r\n", 1)[0]:
            # Replies go to the person, as for a report written after the set-up.
            header["Reply-To"] = parse_address(reporter, "reporter_email")
        data = header.as_bytes().rstrip(b"\r\n") + b"\r\n" + data
        return data, self.outbox.replace_message(record, data)

    def _default_transport(self, config: SmtpConfig) -> SmtpTransport:
        return SmtpTransport(config, allow_plaintext=self._allow_plaintext)
