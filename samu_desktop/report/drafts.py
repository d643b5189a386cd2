"""Reports on disk: one JSON file per report, rewritten whole at every change.

Each save is an atomic replace with fsync, so a crash or a ``kill -9`` leaves
either the previous or the new version, never half of one. A file that cannot
be read is copied aside (``paths.quarantine_dir``) and removed from the
drafts, so that listing never fails and never offers it again; nothing is lost.
Screenshots are not stored here: a report only keeps their attachment ids.

:meth:`DraftStore.discard` is how a report ends when it is not sent (abandoned,
replaced by another, expired): it wipes its captures too — the encrypted
originals and their key in the keyring — so that nothing outlives the report.
"""

from __future__ import annotations

import contextlib
import logging
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

from samu_desktop.config.paths import AppPaths
from samu_desktop.errors import StorageError, UserFacingError
from samu_desktop.fsutil import (
    UnsafeFile,
    atomic_write_text,
    quarantine_copy,
    read_limited,
    set_aside,
)
from samu_desktop.i18n import translate
from samu_desktop.report.model import Report, ReportError, ReportStatus, parse_report

if TYPE_CHECKING:
    from samu_desktop.report.history import History

log = logging.getLogger(__name__)
# A draft is a few kilobytes; a file far bigger is not one of ours.
MAX_DRAFT_BYTES = 4_000_000
STALE_TEMPORARY_S = 60.0


class DraftError(UserFacingError):
    """A draft cannot be found or read back."""


@dataclass
class DraftListing:
    reports: list[Report] = field(default_factory=list)
    # One French sentence per file that had to be set aside.
    messages: list[str] = field(default_factory=list)


class DraftStore:
    """The reports being written (and finished ones until they are discarded).

    ``history``, when given, is told when a report is finished or sent.
    """

    def __init__(self, paths: AppPaths, history: History | None = None) -> None:
        self.paths = paths
        self.directory = paths.drafts_dir
        self.quarantine_dir = paths.quarantine_dir
        self.history = history

    def path_for(self, report_id: UUID | str) -> Path:
        return self.directory / f"{UUID(str(report_id))}.json"

    # -- writing -----------------------------------------------------------
    def save(self, report: Report, *, touch: bool = False) -> None:
        """Write the report durably (cheap enough for every keystroke).

        Raises :class:`StorageError` (disk full, no permission) in French.
        """
        if touch:
            report.touch()
        atomic_write_text(self.path_for(report.id), report.model_dump_json(indent=1))

    def discard(self, report_id: UUID | str) -> None:
        """The report ends here: its captures (encrypted originals, their key in the
        keyring, redacted exports) are wiped, then the draft itself is deleted.

        Never raises for a keyring that is away: the vault's folder then stays as a
        record, and the sweep at the next start deletes the key.
        """
        # Loaded when used: the vault pulls in cryptography and the keyring.
        from samu_desktop.report.attachments import ReportAttachments

        ReportAttachments(self.paths, report_id).wipe()
        with contextlib.suppress(FileNotFoundError):
            self.path_for(report_id).unlink()

    def set_status(
        self, report_id: UUID | str, status: ReportStatus, now: datetime | None = None
    ) -> Report:
        report = self.load(report_id)
        report.status = status
        report.touch(now)
        self.save(report)
        if self.history is not None and status != "draft":
            self.history.record_report(report)
        return report

    def mark_finished(self, report_id: UUID | str, now: datetime | None = None) -> Report:
        """The user finished the report: it leaves the unfinished list."""
        return self.set_status(report_id, "finished", now)

    def mark_sent(self, report_id: UUID | str, now: datetime | None = None) -> Report:
        return self.set_status(report_id, "sent", now)

    # -- reading -----------------------------------------------------------
    def load(self, report_id: UUID | str) -> Report:
        path = self.path_for(report_id)
        try:
            raw = _read(path)
        except FileNotFoundError as exc:
            raise DraftError(
                translate("drafts", "Ce brouillon n'existe plus : il a peut-être été supprimé."),
            ) from exc
        except UnsafeFile as exc:
            raise DraftError(self._set_aside(path), details=exc.strerror or "unsafe file") from exc
        except OSError as exc:
            raise StorageError(
                translate(
                    "drafts",
                    "Impossible de lire le brouillon {name} : vérifiez les droits du dossier "
                    "des données, puis réessayez.",
                ).format(name=path.name),
                details=f"{type(exc).__name__}: {exc.strerror}",
            ) from exc
        try:
            return _parse(raw, path)
        except ReportError as exc:
            raise DraftError(self._set_aside(path), details=exc.details) from exc

    def list_drafts(self) -> DraftListing:
        """Every readable report on disk, the most recently changed first."""
        listing = DraftListing()
        self._sweep_temporary()
        try:
            paths = sorted(self.directory.glob("*.json"))
        except OSError:
            return listing
        for path in paths:
            try:
                listing.reports.append(_parse(_read(path), path))
            except FileNotFoundError:
                continue  # discarded meanwhile
            except UnsafeFile:  # a FIFO, a link to a device, a huge file
                listing.messages.append(self._set_aside(path))
            except OSError:
                listing.messages.append(
                    translate(
                        "drafts",
                        "Le brouillon {name} n'a pas pu être lu : vérifiez les droits du dossier "
                        "des données.",
                    ).format(name=path.name)
                )
            except ReportError:
                listing.messages.append(self._set_aside(path))
        listing.reports.sort(key=lambda r: r.updated_at, reverse=True)
        return listing

    def unfinished(self) -> list[Report]:
        """The drafts to offer for restoring at start-up."""
        return [r for r in self.list_drafts().reports if r.status == "draft"]

    def _sweep_temporary(self) -> None:
        # A crash during a save leaves the temporary file of atomic_write behind;
        # it holds typed text, so it must not linger. Recent ones may belong to
        # a save in progress in another thread.
        cutoff = time.time() - STALE_TEMPORARY_S
        with contextlib.suppress(OSError):
            for tmp in self.directory.glob(".*.json.*.tmp"):
                with contextlib.suppress(OSError):
                    if tmp.stat().st_mtime < cutoff:
                        tmp.unlink()

    def _set_aside(self, path: Path) -> str:
        copy = quarantine_copy(path, self.quarantine_dir)
        if copy is None:
            # Not a file that can be copied (a FIFO, a link to a device): moved instead.
            copy = set_aside(path, self.quarantine_dir)
            if copy is not None:
                log.warning("unusable draft %s moved aside as %s", path.name, copy.name)
                return translate(
                    "drafts",
                    "Un brouillon abîmé a été mis de côté ({name}) ; les autres brouillons "
                    "sont intacts.",
                ).format(name=copy.name)
        if copy is None:
            # Keep the original where it is rather than lose it.
            return translate(
                "drafts",
                "Le brouillon {name} est abîmé et n'a pas pu être mis de côté : prévenez votre "
                "administrateur.",
            ).format(name=path.name)
        with contextlib.suppress(OSError):
            path.unlink()
        log.warning("unreadable draft %s set aside as %s", path.name, copy.name)
        return translate(
            "drafts",
            "Un brouillon abîmé a été mis de côté ({name}) ; les autres brouillons sont intacts.",
        ).format(name=copy.name)


def _read(path: Path) -> bytes:
    # A file over the limit, a FIFO or a link to a device: refused (an OSError).
    return read_limited(path, MAX_DRAFT_BYTES)


def _parse(raw: bytes, path: Path) -> Report:
    if len(raw) > MAX_DRAFT_BYTES:
        raise ReportError(
            translate("drafts", "Ce fichier est bien trop gros pour être un brouillon."),
            details="size",
        )
    report = parse_report(raw)
    if path.stem != str(report.id):
        # A file copied by hand under another name would be saved twice.
        raise ReportError(
            translate("drafts", "Ce fichier ne porte pas le nom du brouillon qu'il contient."),
            details="id",
        )
    return report
