"""What was reported: finished and sent reports, and support calls (cases A and C).

One small JSON file per entry (atomic writes, like the drafts), holding only
what the list shows: case, application, dates, status, the number called, the
incident reference, and for a sent report what a follow-up needs to join its
thread (the first message's Message-ID and subject: the subject carries the
short title, which is what the support desk already holds). No answer text is
copied here.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal
from uuid import UUID, uuid4

from pydantic import AwareDatetime, BaseModel, ConfigDict, StringConstraints, ValidationError

from samu_desktop.config.paths import AppPaths
from samu_desktop.fsutil import (
    UnsafeFile,
    atomic_write_text,
    quarantine_copy,
    read_limited,
    set_aside,
)
from samu_desktop.i18n import translate
from samu_desktop.procedure.schema import Catalogue
from samu_desktop.report.model import Report, aware, parse_datetime_answer

log = logging.getLogger(__name__)

HistoryKind = Literal["report", "call"]
HistoryStatus = Literal["finished", "sent", "called"]
MAX_ENTRY_BYTES = 64_000


class FollowUpNote(BaseModel):
    """A follow-up handed to the outbox: what kind, when (never its text)."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["information", "restored", "call_trace"]
    at: AwareDatetime
    message_id: Annotated[str, StringConstraints(max_length=250)] = ""


class HistoryEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = 1
    id: UUID
    kind: HistoryKind
    report_id: UUID | None = None
    case: Annotated[str, StringConstraints(max_length=8)]
    application: Annotated[str, StringConstraints(max_length=40)] | None = None
    catalogue_version: Annotated[str, StringConstraints(max_length=40)] = ""
    incident_start: AwareDatetime | None = None
    recorded_at: AwareDatetime
    updated_at: AwareDatetime
    status: HistoryStatus
    number: Annotated[str, StringConstraints(max_length=40)] = ""
    reference: Annotated[str, StringConstraints(max_length=40)] = ""
    message_id: Annotated[str, StringConstraints(max_length=250)] = ""
    subject: Annotated[str, StringConstraints(max_length=1000)] = ""
    followups: list[FollowUpNote] = []
    restored_at: AwareDatetime | None = None



@dataclass
class HistoryListing:
    entries: list[HistoryEntry] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


class History:
    """The list of past reports and calls, newest first.

    ``catalogue`` tells which answer is the incident's start time.
    """

    def __init__(self, paths: AppPaths, catalogue: Catalogue) -> None:
        self.directory = paths.data_dir / "history"
        self.quarantine_dir = paths.quarantine_dir
        self.catalogue = catalogue

    def _path(self, entry_id: UUID) -> Path:
        return self.directory / f"{entry_id}.json"

    def _start(self, report: Report) -> datetime | None:
        start = self.catalogue.field_with_role(report.case, report.application, "start")
        return None if start is None else parse_datetime_answer(report.answers.get(start.id))

    def _write(self, entry: HistoryEntry) -> None:
        atomic_write_text(self._path(entry.id), entry.model_dump_json(indent=1))

    def record_report(self, report: Report, now: datetime | None = None) -> HistoryEntry:
        """Add a finished or sent report, or update its status (one entry per report)."""
        if report.status == "draft":
            raise ValueError("a draft does not belong in the history")
        moment = aware(now or datetime.now().astimezone())
        try:
            previous = self._read(self._path(report.id))
        except ValueError:
            previous = None  # a damaged entry is simply replaced
        entry = HistoryEntry(
            id=report.id,
            kind="report",
            report_id=report.id,
            case=report.case,
            application=report.application,
            catalogue_version=report.catalogue_version,
            incident_start=self._start(report),
            recorded_at=previous.recorded_at if previous else moment,
            updated_at=moment,
            status=report.status,
            reference=report.reference,
            message_id=report.message_id,
            subject=report.subject,
            followups=previous.followups if previous else [],
            restored_at=previous.restored_at if previous else None,
        )
        self._write(entry)
        return entry

    def forget(self, entry_id: UUID) -> None:
        """A report deleted before it left: its line goes too."""
        with contextlib.suppress(FileNotFoundError):
            self._path(entry_id).unlink()

    def get(self, entry_id: UUID) -> HistoryEntry | None:
        try:
            return self._read(self._path(entry_id))
        except ValueError:
            return None

    def record_followup(
        self, entry_id: UUID, kind: Literal["information", "restored", "call_trace"],
        message_id: str = "", restored_at: datetime | None = None, now: datetime | None = None,
    ) -> HistoryEntry | None:
        """Note that a follow-up of this entry went to the outbox."""
        entry = self.get(entry_id)
        if entry is None:
            return None
        moment = aware(now or datetime.now().astimezone())
        entry.followups = [*entry.followups,
                           FollowUpNote(kind=kind, at=moment, message_id=message_id)]
        if restored_at is not None:
            entry.restored_at = aware(restored_at)
        entry.updated_at = moment
        self._write(entry)
        return entry

    def references(self) -> set[str]:
        """Every incident reference already given (a new one must differ)."""
        return {e.reference for e in self.entries() if e.reference}

    def record_call(
        self, report: Report, number: str, now: datetime | None = None
    ) -> HistoryEntry:
        """The user called the support desk (cases A and C) with this report at hand."""
        moment = aware(now or datetime.now().astimezone())
        entry = HistoryEntry(
            id=uuid4(),
            kind="call",
            report_id=report.id,
            case=report.case,
            application=report.application,
            catalogue_version=report.catalogue_version,
            incident_start=self._start(report),
            recorded_at=moment,
            updated_at=moment,
            status="called",
            number=number.strip()[:40],
            reference=report.reference,
            # Set when the call's written trace is e-mailed (see report.followup).
            message_id=report.message_id,
            subject=report.subject,
        )
        self._write(entry)
        return entry

    def list_entries(self) -> HistoryListing:
        listing = HistoryListing()
        try:
            paths = sorted(self.directory.glob("*.json"))
        except OSError:
            return listing
        for path in paths:
            try:
                entry = self._read(path)
            except ValueError:
                listing.messages.append(self._set_aside(path))
                continue
            if entry is not None:
                listing.entries.append(entry)
        listing.entries.sort(key=lambda e: e.recorded_at, reverse=True)
        return listing

    def entries(self) -> list[HistoryEntry]:
        return self.list_entries().entries

    def _read(self, path: Path) -> HistoryEntry | None:
        """The entry, ``None`` if absent or unreadable now; ``ValueError`` if damaged."""
        try:
            raw = read_limited(path, MAX_ENTRY_BYTES)
        except UnsafeFile as exc:
            raise ValueError("not a regular file, or too big") from exc
        except OSError:
            return None
        if len(raw) > MAX_ENTRY_BYTES:
            raise ValueError("too big")
        try:
            entry = HistoryEntry.model_validate_json(raw)
        except (ValidationError, ValueError, RecursionError) as exc:
            raise ValueError("damaged") from exc
        if path.stem != str(entry.id):
            raise ValueError("name")
        return entry

    def _set_aside(self, path: Path) -> str:
        copy = quarantine_copy(path, self.quarantine_dir)
        if copy is not None:
            with contextlib.suppress(OSError):
                path.unlink()
            log.warning("unreadable history entry %s set aside", path.name)
        else:  # a FIFO, a link to a device: moved rather than copied
            copy = set_aside(path, self.quarantine_dir)
        return translate(
            "history",
            "Une ligne abîmée de l'historique a été mise de côté ({name}) ; le reste de "
            "l'historique est intact.",
        ).format(name=copy.name if copy else path.name)
