"""The outbox: every finished report, on disk, until the server has accepted it.

Layout: ``<outbox>/<id>/message.eml`` (the complete message, CRLF, exactly
the bytes that will be sent), ``state.json`` (its :class:`OutboxRecord`) and
``.lock`` (held while a sender works on it). A new entry is written whole in a
hidden folder, fsynced, then renamed into place: after a crash it is either
complete or absent; a folder left by a failed add is removed at once, one left
by a crash at the next start (:meth:`Outbox.sweep_staging`). Every state change
is an atomic, fsynced rewrite of ``state.json``.

The outbox does not trust its own files: ``state.json`` carries the SHA-256 of
``message.eml``, the recipients are derived from the message's To and Cc (never
taken from the state alone), and :meth:`Outbox.verified` refuses a message that
was edited, truncated or whose state names other recipients. A refused entry is
never sent; the user is told in one sentence (``FailureKind.TAMPERED``).

Sending once — the rules, and the one window they leave:

- ``sending`` is written (phase ``connecting``) before connecting, and the
  phase becomes ``data`` just before the DATA command; the lock is held all
  along. ``sent`` is written the moment the server's final 250 arrives,
  before QUIT.
- A ``sending`` entry whose lock is free was abandoned by a process that died.
  It goes back to ``waiting`` and is sent again with the *same* Message-ID:
  losing a report is worse than a duplicate, and a duplicate carries the same
  identifier, so the support desk's mail system can recognise it.
- The residual window is between the server committing the message and our
  fsync of ``sent`` (the time for the 250 to cross the network plus one
  small file write). Only a crash inside that window can send a report twice.
  When the crash happened in phase ``data`` the entry is flagged
  ``maybe_delivered`` so that the user can be told.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import logging
import os
import re
import secrets
import shutil
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from email import policy as email_policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from samu_desktop.errors import StorageError
from samu_desktop.fsutil import (
    atomic_write_bytes,
    atomic_write_text,
    quarantine_copy,
    read_limited,
)
from samu_desktop.i18n import translate
from samu_desktop.mail.failures import FailureKind, describe
from samu_desktop.mail.filelock import FileLock
from samu_desktop.mail.message import POLICY, OutgoingMessage

log = logging.getLogger(__name__)

MESSAGE = "message.eml"
STATE = "state.json"
LOCK = ".lock"
MAIL_CLIENT_COPY = "a-ouvrir-dans-la-messagerie.eml"
# Read limits: a state is a few kilobytes; a message is at most the size budget (100 MB).
MAX_STATE_BYTES = 1_000_000
MAX_MESSAGE_BYTES = 160 * 1024 * 1024
_REPORT_MESSAGE_ID = re.compile(r"<([0-9a-f-]{36})\.report@[^>]+>")


class EntryState(enum.StrEnum):
    WAITING = "waiting"
    SENDING = "sending"
    SENT = "sent"
    NEEDS_ACTION = "needs_action"


class RetryOutcome(enum.Enum):
    """What "Réessayer" did, so that the user is told the true reason."""

    QUEUED = "queued"  # it leaves at the sender's next pass
    BUSY = "busy"  # a sender is sending it right now
    ALREADY_SENT = "already_sent"
    GONE = "gone"  # no longer in the outbox

    def message(self) -> str:
        """One French sentence for the user (empty when it worked)."""
        texts = {
            RetryOutcome.QUEUED: "",
            RetryOutcome.BUSY: translate(
                "mail", "Ce signalement est en train de partir : le résultat s'affiche dans "
                        "un instant."),
            RetryOutcome.ALREADY_SENT: translate(
                "mail", "Ce signalement est déjà parti : le serveur l'a accepté. Il n'y a "
                        "rien à renvoyer."),
            RetryOutcome.GONE: translate(
                "mail", "Ce signalement n'est plus dans la boîte d'envoi : la liste a été "
                        "actualisée."),
        }
        return texts[self]


class RemoveOutcome(enum.Enum):
    """What taking a report out of the outbox (to delete or reopen it) did."""

    REMOVED = "removed"
    BUSY = "busy"  # a sender is sending it right now: it cannot be changed any more
    ALREADY_SENT = "already_sent"
    GONE = "gone"

    def message(self) -> str:
        """One French sentence for the user (empty when it worked)."""
        texts = {
            RemoveOutcome.REMOVED: "",
            RemoveOutcome.BUSY: translate(
                "mail", "Ce signalement est en train de partir : il ne peut plus être modifié "
                        "ni supprimé. Le résultat s'affiche dans un instant."),
            RemoveOutcome.ALREADY_SENT: translate(
                "mail", "Ce signalement est déjà parti : le serveur l'a accepté. Ajoutez des "
                        "informations depuis l'historique."),
            RemoveOutcome.GONE: translate(
                "mail", "Ce signalement n'est plus dans la boîte d'envoi : la liste a été "
                        "actualisée."),
        }
        return texts[self]


class LastError(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: FailureKind
    host: str = ""
    code: int | None = None
    server_reply: str = ""
    temporary: bool = False

    def message(self) -> str:
        """The French sentence, rebuilt in the current language."""
        return describe(self.kind, self.host, self.code, self.server_reply)


class OutboxRecord(BaseModel):
    model_config = ConfigDict(frozen=True)

    schema_version: int = 1
    id: str
    message_id: str
    # The report this e-mail carries, so the application can tell which one left.
    report_id: str | None = None
    subject: str = ""
    recipients: list[str] = []
    size: int = 0
    created_at: datetime
    state: EntryState = EntryState.WAITING
    attempts: int = 0
    next_attempt_at: datetime | None = None
    last_attempt_at: datetime | None = None
    phase: Literal["connecting", "data"] | None = None
    interrupted: int = 0
    maybe_delivered: bool = False
    error: LastError | None = None
    sent_at: datetime | None = None
    server_reply: str = ""
    notes: list[str] = []
    # SHA-256 of message.eml; while the message is being rewritten (a From
    # added), the digest of the previous version is accepted too.
    digest: str = ""
    previous_digest: str | None = None
    # The recipients of the previous version, while a rebuilt message (current
    # settings) replaces it: the version on disk is checked against its own.
    previous_recipients: list[str] | None = None

    def changed(self, **values: Any) -> OutboxRecord:
        return self.model_copy(update=values)

    @model_validator(mode="after")
    def _report_of_older_entries(self) -> OutboxRecord:
        # Entries written before ``report_id`` existed named their report only in
        # the Message-ID ("<uuid.report@domain>").
        if self.report_id is None:
            match = _REPORT_MESSAGE_ID.fullmatch(self.message_id.strip())
            if match:
                object.__setattr__(self, "report_id", match.group(1))
        return self


def utcnow() -> datetime:
    return datetime.now(UTC)


class OutboxError(StorageError):
    """An entry that does not exist (any more) or cannot be read."""


class TamperedEntry(OutboxError):
    """The stored message does not match its record: it must not be sent."""


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Outbox:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def sweep_staging(self) -> list[str]:
        """Remove the hidden folders of adds that a crash interrupted.

        Called at start, before this process adds anything; only the
        application adds, and only one instance of it runs.
        """
        removed = []
        try:
            leftovers = list(self.directory.glob(".new-*")) if self.directory.is_dir() else []
        except OSError as exc:  # an unreadable outbox is reported when it is used
            log.warning("outbox: cannot look for unfinished entries: %s", type(exc).__name__)
            return []
        for folder in leftovers:
            shutil.rmtree(folder, ignore_errors=True)
            if not folder.exists():
                removed.append(folder.name)
        if removed:
            log.warning("outbox: %d unfinished entries removed", len(removed))
        return removed

    # -- adding -------------------------------------------------------------
    def add(
        self,
        message: EmailMessage,
        notes: Sequence[str] = (),
        now: datetime | None = None,
        report_id: str | None = None,
    ) -> OutboxRecord:
        """Keep ``message`` durably; from now on it cannot be lost.

        The notes of an :class:`OutgoingMessage` (what was shrunk) are kept with it.
        """
        if isinstance(message, OutgoingMessage):
            notes = [*message.notes, *notes]
        message_id = str(message.get("Message-ID", "")).strip()
        if not message_id:
            raise ValueError("the message has no Message-ID")  # a programming error
        data = message.as_bytes(policy=POLICY)
        created = now or utcnow()
        entry_id = f"{created:%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"
        record = OutboxRecord(
            id=entry_id,
            message_id=message_id,
            report_id=report_id,
            subject=str(message.get("Subject", "")),
            recipients=recipients_of(message),
            size=len(data),
            created_at=created,
            notes=list(notes),
            digest=digest_of(data),
        )
        staging = self.directory / f".new-{entry_id}"
        try:
            staging.mkdir(parents=True)
            atomic_write_bytes(staging / MESSAGE, data)
            atomic_write_text(staging / STATE, record.model_dump_json(indent=2))
            os.replace(staging, self.directory / entry_id)
            _fsync_dir(self.directory)
        except (OSError, StorageError) as exc:
            # A full disk fails inside the atomic writes (StorageError) as often
            # as in mkdir or rename (OSError): the half-made folder goes either way.
            shutil.rmtree(staging, ignore_errors=True)
            reason = (exc.details if isinstance(exc, StorageError)
                      else f"{type(exc).__name__}: {exc.strerror}")
            raise StorageError(
                translate(
                    "mail",
                    "Le signalement n'a pas pu être placé dans la boîte d'envoi : vérifiez "
                    "l'espace disque disponible, puis réessayez. Votre saisie est conservée.",
                ),
                details=reason,
            ) from exc
        log.info("outbox: entry %s added (%d bytes)", entry_id, len(data))
        return record

    # -- reading ------------------------------------------------------------
    def ids(self) -> list[str]:
        if not self.directory.is_dir():
            return []
        return sorted(
            p.name for p in self.directory.iterdir()
            if p.is_dir() and not p.name.startswith(".") and (p / MESSAGE).exists()
        )

    def entries(self) -> list[OutboxRecord]:
        return [self.load(entry_id) for entry_id in self.ids()]

    def path(self, entry_id: str) -> Path:
        if "/" in entry_id or "\\" in entry_id or entry_id.startswith("."):
            raise ValueError(entry_id)
        return self.directory / entry_id

    def load(self, entry_id: str) -> OutboxRecord:
        folder = self.path(entry_id)
        try:
            raw = read_limited(folder / STATE, MAX_STATE_BYTES)
            return OutboxRecord.model_validate_json(raw)
        except FileNotFoundError:
            if not (folder / MESSAGE).exists():
                raise self._missing(entry_id) from None
            problem = "state missing"
        except (OSError, ValidationError, ValueError, RecursionError) as exc:
            quarantine_copy(folder / STATE, folder / "corrupt")
            problem = type(exc).__name__
        # The message is there but not its state: we cannot know whether it
        # left. Keep it, and let the user decide rather than risk a duplicate.
        log.warning("outbox: state of %s unreadable (%s)", entry_id, problem)
        record = self._record_from_message(entry_id).changed(
            state=EntryState.NEEDS_ACTION,
            maybe_delivered=True,
            notes=[translate("mail", "L'état de ce signalement était illisible : vérifiez "
                                     "auprès du service client s'il a été reçu avant de le "
                                     "renvoyer.")],
        )
        self.save(record)
        return record

    def message_bytes(self, entry_id: str) -> bytes:
        try:
            return read_limited(self.path(entry_id) / MESSAGE, MAX_MESSAGE_BYTES)
        except FileNotFoundError:
            raise self._missing(entry_id) from None

    def message(self, entry_id: str) -> EmailMessage:
        parsed = BytesParser(policy=email_policy.default).parsebytes(self.message_bytes(entry_id))
        assert isinstance(parsed, EmailMessage)
        return parsed

    def verified(self, record: OutboxRecord, data: bytes) -> list[str]:
        """The recipients of ``data``, once it is known to be the message that was added.

        Raises :class:`TamperedEntry` when the bytes are not those the record's
        digest names (edited, truncated, replaced), when the message is not
        whole, or when the record lists other recipients than the message's
        own To and Cc (an edited state adding a hidden one).
        """
        actual = digest_of(data)
        accepted = {record.digest, record.previous_digest} - {"", None}
        problem = ""
        expected = record.recipients
        if actual == record.previous_digest and record.previous_recipients is not None:
            expected = record.previous_recipients
        if actual not in accepted:
            problem = "digest mismatch" if accepted else "no digest"
        else:
            msg = _parse(data)
            recipients = recipients_of(msg)
            if not _is_whole(msg):
                problem = "message incomplete"
            elif not recipients:
                problem = "no recipient"
            elif sorted(recipients) != sorted(expected):
                problem = "recipients differ from the message"
        if problem:
            log.error("outbox: %s refused: %s", record.id, problem)
            raise TamperedEntry(
                LastError(kind=FailureKind.TAMPERED).message(), details=f"{record.id}: {problem}")
        return recipients

    def bodies(self, entry_id: str) -> tuple[str, str]:
        """The plain-text and HTML bodies, for printing and previews."""
        msg = self.message(entry_id)
        text = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
        return (
            str(text.get_content()) if text is not None else "",
            str(html.get_content()) if html is not None else "",
        )

    # -- changing -----------------------------------------------------------
    def save(self, record: OutboxRecord) -> None:
        atomic_write_text(self.path(record.id) / STATE, record.model_dump_json(indent=2))

    def replace_message(self, record: OutboxRecord, data: bytes) -> OutboxRecord:
        """Rewrite the stored message: a From the settings now know, a resend mark, or
        the report rebuilt with the current settings (then its recipients may change).

        The state names the new digest (and recipients) before the message changes,
        and keeps the old ones until it has: a crash in between leaves a verifiable
        entry.
        """
        msg = _parse(data)
        moving = record.changed(
            digest=digest_of(data), previous_digest=record.digest,
            recipients=recipients_of(msg), previous_recipients=list(record.recipients),
            subject=str(msg.get("Subject", record.subject)), size=len(data))
        self.save(moving)
        atomic_write_bytes(self.path(record.id) / MESSAGE, data)
        done = moving.changed(previous_digest=None, previous_recipients=None)
        self.save(done)
        return done

    @contextlib.contextmanager
    def locked(self, entry_id: str) -> Iterator[bool]:
        """Hold the entry's lock; yields False when another sender has it."""
        lock = FileLock(self.path(entry_id) / LOCK)
        try:
            got = lock.acquire()
        except FileNotFoundError:
            got = False
        try:
            yield got
        finally:
            lock.release()

    def retry(self, entry_id: str) -> RetryOutcome:
        """Send again as soon as possible; the outcome says why not when it cannot."""
        with self.locked(entry_id) as got:
            if not got:
                # Only a sender that is sending this entry holds its lock.
                return RetryOutcome.GONE if not self.path(entry_id).exists() else (
                    RetryOutcome.BUSY)
            try:
                record = self.load(entry_id)
            except OutboxError:
                return RetryOutcome.GONE
            if record.state is EntryState.SENT:
                return RetryOutcome.ALREADY_SENT
            if record.state is EntryState.SENDING:
                # Its lock was free: a sender died mid-send; the next pass recovers it.
                return RetryOutcome.QUEUED
            self.save(record.changed(state=EntryState.WAITING, next_attempt_at=None, phase=None))
        log.info("outbox: retry %s requested", entry_id)
        return RetryOutcome.QUEUED

    def remove(self, entry_id: str) -> RemoveOutcome:
        """Take a report out of the outbox (deleted, or reopened to be completed).

        Never while a sender holds its lock, never once sent. The message goes first:
        from then on the entry is no longer listed, whatever else a crash leaves.
        """
        with self.locked(entry_id) as got:
            if not got:
                return RemoveOutcome.GONE if not self.path(entry_id).exists() else (
                    RemoveOutcome.BUSY)
            try:
                record = self.load(entry_id)
            except OutboxError:
                return RemoveOutcome.GONE
            if record.state is EntryState.SENT:
                return RemoveOutcome.ALREADY_SENT
            folder = self.path(entry_id)
            try:
                (folder / MESSAGE).unlink()
            except FileNotFoundError:
                return RemoveOutcome.GONE
            except OSError as exc:
                raise StorageError(
                    translate("mail", "Ce signalement n'a pas pu être retiré de la boîte "
                                      "d'envoi : vérifiez les droits du dossier des données."),
                    details=f"{type(exc).__name__}: {exc.strerror}") from exc
            with contextlib.suppress(OSError):
                (folder / STATE).unlink()
        # Once the lock is released (Windows cannot delete an open file).
        shutil.rmtree(self.path(entry_id), ignore_errors=True)
        log.info("outbox: entry %s removed", entry_id)
        return RemoveOutcome.REMOVED

    def waiting(self) -> list[OutboxRecord]:
        """The entries the server has not accepted yet (waiting, sending, needing action)."""
        found = []
        for entry_id in self.ids():
            with contextlib.suppress(OutboxError):
                record = self.load(entry_id)
                if record.state is not EntryState.SENT:
                    found.append(record)
        return found

    def export_eml(self, entry_id: str, target: Path) -> None:
        """A copy of the exact message, e.g. to send it from another machine."""
        atomic_write_bytes(target, self.message_bytes(entry_id))

    def mail_client_copy(self, entry_id: str) -> Path:
        """A copy marked as a draft (``X-Unsent: 1``): Outlook opens it ready to send."""
        target = self.path(entry_id) / MAIL_CLIENT_COPY
        atomic_write_bytes(target, b"X-Unsent: 1\r\n" + self.message_bytes(entry_id))
        return target

    # -- helpers ------------------------------------------------------------
    def _record_from_message(self, entry_id: str) -> OutboxRecord:
        data = self.message_bytes(entry_id)
        msg = _parse(data)
        return OutboxRecord(
            id=entry_id,
            message_id=str(msg.get("Message-ID", "")),
            subject=str(msg.get("Subject", "")),
            recipients=recipients_of(msg),
            size=len(data),
            created_at=utcnow(),
            # Without its state, the message can only vouch for itself when it
            # is whole; a cut one keeps no digest and is never sent.
            digest=digest_of(data) if _is_whole(msg) else "",
        )

    @staticmethod
    def _missing(entry_id: str) -> OutboxError:
        return OutboxError(
            translate("mail", "Ce signalement n'est plus dans la boîte d'envoi : actualisez "
                              "la liste."),
            details=f"missing {entry_id}",
        )


def recipients_of(message: EmailMessage) -> list[str]:
    values = [str(v) for name in ("To", "Cc") for v in message.get_all(name, [])]
    return [address for _, address in getaddresses(values) if address]


def parse_message(data: bytes) -> EmailMessage:
    """Stored message bytes as an ``EmailMessage`` (the default policy)."""
    return _parse(data)


def _parse(data: bytes) -> EmailMessage:
    parsed = BytesParser(policy=email_policy.default).parsebytes(data)
    assert isinstance(parsed, EmailMessage)
    return parsed


def _is_whole(msg: EmailMessage) -> bool:
    """Everything the application writes: a Message-ID, To, and a MIME tree with no defect."""
    if not str(msg.get("Message-ID", "")).strip() or not msg.get("To"):
        return False
    return not any(part.defects for part in msg.walk()) and not msg.defects


def sender_address_of(data: bytes) -> str:
    """The From address of stored message bytes, or "" when it has none yet."""
    msg = BytesParser(policy=email_policy.default).parsebytes(data, headersonly=True)
    return parseaddr(str(msg.get("From", "")))[1]


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def state_label(state: EntryState) -> str:
    labels = {
        EntryState.WAITING: translate("mail", "En attente"),
        EntryState.SENDING: translate("mail", "Envoi en cours"),
        EntryState.SENT: translate("mail", "Envoyé"),
        EntryState.NEEDS_ACTION: translate("mail", "Action requise"),
    }
    return labels[state]


def status_text(record: OutboxRecord) -> str:
    """One or two French sentences about where the entry stands, for lists."""
    if record.state is EntryState.SENT:
        sent_at = record.sent_at.astimezone() if record.sent_at else None
        # The server's own words ("250 2.0.0 Ok: queued as …") mean nothing to a
        # user: they stay in the record (and the CLI shows them to administrators).
        sent = translate("mail", "Envoyé le {date} à {time} : le serveur d'envoi l'a accepté.")
        text = sent.format(
            date=f"{sent_at:%d/%m/%Y}" if sent_at else "?",
            time=f"{sent_at:%H:%M:%S}" if sent_at else "?",
        )
    elif record.state is EntryState.SENDING:
        text = translate("mail", "Envoi en cours…")
    elif record.error is not None:
        text = record.error.message()
        if record.state is EntryState.WAITING and record.next_attempt_at is not None:
            text += " " + translate("mail", "Prochain essai à {time}.").format(
                time=f"{record.next_attempt_at.astimezone():%H:%M:%S}")
    else:
        text = translate("mail", "En attente d'envoi.")
    if record.maybe_delivered:
        text += " " + translate(
            "mail",
            "Un envoi précédent a été interrompu au moment où le serveur recevait le message : "
            "si le service client le reçoit deux fois, les deux exemplaires portent le même "
            "identifiant.",
        )
    return text
