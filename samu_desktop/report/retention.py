"""How long reports live on the workstation, and the sweep that ends them.

A report's files live exactly as long as the report needs them:

- an unfinished draft, with its encrypted captures and their key, until it is sent,
  abandoned, replaced, or left untouched for ``draft_retention_days`` (it expires);
- a sent or finished report (its draft and its outbox entry: full text, redacted
  images) for ``sent_retention_days`` after it was sent or finished;
- encrypted originals, their key in the keyring and redacted exports of a report
  that is gone (a crash between two steps, a draft deleted by hand): removed at the
  next start;
- copies of damaged files set aside for the administrator (a damaged draft holds
  typed text): ``draft_retention_days`` after they were set aside.

Both durations are administrative settings (the policy can lock them). The history
keeps its one line per report: it holds no typed text and no image.

:func:`sweep` runs at start and :func:`purge` after each send, both off the GUI
thread; neither raises for a file it cannot remove (it tries again next time).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.errors import UserFacingError
from samu_desktop.report.drafts import DraftStore
from samu_desktop.report.model import Report, aware

log = logging.getLogger(__name__)

VAULT_FOLDER = "vault"  # the same name as redaction.vault.VAULT_FOLDER (kept import-free)
SCREENS_SUFFIX = ".screens"
# A report's e-mail names it in its Message-ID (see report/outgoing.py report_message_id).
_REPORT_MESSAGE_ID = re.compile(r"<([0-9a-f-]{36})\.report@[^>]+>")


@dataclass
class SweepResult:
    drafts: int = 0
    outbox_entries: int = 0
    vaults: int = 0
    keys: int = 0


def expired(report: Report, settings: Settings, now: datetime | None = None) -> bool:
    """Whether the report has outlived its retention (a draft, or a sent/finished one)."""
    moment = aware(now or datetime.now().astimezone())
    age = moment - aware(report.updated_at)
    if report.status == "draft":
        return age > timedelta(days=settings.draft_retention_days)
    return age >= timedelta(days=settings.sent_retention_days)


def purge(paths: AppPaths, settings: Settings, now: datetime | None = None) -> SweepResult:
    """Delete the drafts and sent outbox entries past their retention."""
    result = SweepResult()
    drafts = DraftStore(paths)
    waiting: set[str] | None = None
    for report in drafts.list_drafts().reports:
        if expired(report, settings, now):
            if report.status == "finished":
                # Handed over but not yet accepted by the server: kept, so that the
                # delivery can still mark it sent in the history.
                waiting = _waiting_reports(paths) if waiting is None else waiting
                if str(report.id) in waiting:
                    continue
            try:
                drafts.discard(report.id)
            except (OSError, UserFacingError) as exc:
                log.warning("expired report %s not removed: %s", report.id, type(exc).__name__)
                continue
            result.drafts += 1
    result.outbox_entries = _purge_outbox(paths, settings, now)
    if result.drafts or result.outbox_entries:
        log.info("retention: %d report(s) and %d sent message(s) deleted",
                 result.drafts, result.outbox_entries)
    return result


def sweep(paths: AppPaths, settings: Settings, now: datetime | None = None) -> SweepResult:
    """At start: :func:`purge`, then every original whose report is gone."""
    result = purge(paths, settings, now)
    drafts = DraftStore(paths)
    vault_root = paths.data_dir / VAULT_FOLDER
    if vault_root.is_dir():
        result.vaults = _sweep_vaults(paths, drafts)
        result.keys = _sweep_keys(paths, drafts)
    _sweep_screens(paths, drafts)
    _purge_quarantine(paths, settings, now)
    if result.vaults or result.keys:
        log.info("sweep: %d vault(s) and %d key(s) of ended reports deleted",
                 result.vaults, result.keys)
    return result


def _live(drafts: DraftStore, report_id: str) -> bool:
    """A report still being written: its captures must stay. Checked just before each
    removal, so that a report started meanwhile is never touched."""
    try:
        UUID(report_id)
    except ValueError:
        return False
    if not drafts.path_for(report_id).exists():
        return False
    try:
        report = drafts.load(report_id)
    except UserFacingError:
        # Unreadable now (set aside, or a permission problem): keep its captures rather
        # than guess; a draft set aside is gone and is swept next time.
        return drafts.path_for(report_id).exists()
    return report.status == "draft"


def _sweep_vaults(paths: AppPaths, drafts: DraftStore) -> int:
    # Loaded when used: the vault pulls in cryptography and the keyring.
    from samu_desktop.redaction.vault import Vault

    wiped = 0
    for report_id in Vault.existing(paths.data_dir / VAULT_FOLDER):
        if _live(drafts, report_id):
            continue
        vault = Vault(report_id, paths.data_dir / VAULT_FOLDER)
        vault.wipe()
        if not vault.directory.exists():
            wiped += 1
    return wiped


def _sweep_keys(paths: AppPaths, drafts: DraftStore) -> int:
    """Keys in the keyring whose vault and report are both gone (where it can list them)."""
    from samu_desktop.config import credentials
    from samu_desktop.config.credentials import CredentialsUnavailable
    from samu_desktop.redaction.vault import ACCOUNT_PREFIX

    try:
        accounts = credentials.accounts(ACCOUNT_PREFIX)
    except CredentialsUnavailable:
        return 0
    deleted = 0
    for account in accounts:
        report_id = account[len(ACCOUNT_PREFIX):]
        if (paths.data_dir / VAULT_FOLDER / report_id).exists() or _live(drafts, report_id):
            continue
        try:
            credentials.delete_secret(account)
        except CredentialsUnavailable:
            return deleted
        deleted += 1
    return deleted


def _sweep_screens(paths: AppPaths, drafts: DraftStore) -> None:
    """Redacted exports and test results of reports that are no longer being written."""
    try:
        folders = [p for p in paths.drafts_dir.glob(f"*{SCREENS_SUFFIX}") if p.is_dir()]
    except OSError:
        return
    for folder in folders:
        report_id = folder.name[: -len(SCREENS_SUFFIX)]
        if not _live(drafts, report_id):
            shutil.rmtree(folder, ignore_errors=True)


def _waiting_reports(paths: AppPaths) -> set[str]:
    """Ids of the reports whose e-mail is still in the outbox, not yet sent."""
    from samu_desktop.mail.outbox import EntryState, Outbox

    outbox = Outbox(paths.outbox_dir)
    found: set[str] = set()
    for entry_id in outbox.ids():
        try:
            record = outbox.load(entry_id)
        except (OSError, ValueError, UserFacingError):
            continue
        match = _REPORT_MESSAGE_ID.fullmatch(record.message_id.strip())
        if match and record.state is not EntryState.SENT:
            found.add(match.group(1))
    return found


def _purge_quarantine(paths: AppPaths, settings: Settings, now: datetime | None) -> None:
    moment = aware(now or datetime.now().astimezone()).timestamp()
    cutoff = moment - timedelta(days=settings.draft_retention_days).total_seconds()
    try:
        entries = list(paths.quarantine_dir.iterdir())
    except OSError:
        return
    for entry in entries:
        with contextlib.suppress(OSError):
            if entry.lstat().st_mtime < cutoff:
                if entry.is_dir() and not entry.is_symlink():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink()


def _purge_outbox(paths: AppPaths, settings: Settings, now: datetime | None) -> int:
    # Loaded when used: the outbox pulls in the e-mail modules.
    from samu_desktop.mail.outbox import EntryState, Outbox

    outbox = Outbox(paths.outbox_dir)
    moment = aware(now or datetime.now().astimezone())
    keep = timedelta(days=settings.sent_retention_days)
    removed = 0
    for entry_id in outbox.ids():
        try:
            record = outbox.load(entry_id)
        except (OSError, ValueError, UserFacingError):
            continue
        if record.state is not EntryState.SENT:
            continue  # waiting or needing the user: never deleted
        sent_at = aware(record.sent_at or record.created_at)
        if moment - sent_at < keep:
            continue
        # Renamed first, so that it leaves the list at once even if deleting is slow.
        folder = outbox.path(entry_id)
        hidden = folder.with_name(f".purge-{entry_id}")
        try:
            os.replace(folder, hidden)
        except OSError as exc:
            log.warning("sent entry %s not removed: %s", entry_id, type(exc).__name__)
            continue
        shutil.rmtree(hidden, ignore_errors=True)
        removed += 1
    # Left by an interrupted purge.
    with contextlib.suppress(OSError):
        for stale in outbox.directory.glob(".purge-*"):
            shutil.rmtree(stale, ignore_errors=True)
    return removed
