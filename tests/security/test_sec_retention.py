"""Attack: nothing is ever deleted after sending.

Issue 17, item 2. Sent outbox entries (full text, redacted images) and sent or
finished drafts must go once the administrator's retention has passed — at start and
after each send — while reports still waiting, or being written, stay. Real parts:
real files, the real settings store and policy, the real main window (offscreen), a
real SMTP server on loopback (aiosmtpd with STARTTLS and AUTH) and the real keyring.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from samu_desktop.config import credentials
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.config.store import SettingsStore
from samu_desktop.mail.outbox import EntryState, Outbox
from samu_desktop.procedure import load_catalogue
from samu_desktop.report.drafts import DraftStore
from samu_desktop.report.model import Report
from tests.security.helpers import main_window, write_json


@pytest.fixture
def paths() -> AppPaths:
    return AppPaths.default()


def outbox_entry(paths: AppPaths, state: EntryState, age: timedelta,
                 message_id: str = "") -> str:
    """An outbox entry in ``state``, sent (or created) ``age`` ago."""
    message = EmailMessage()
    message["From"] = "agent@example.invalid"
    message["To"] = "support@example.invalid"
    message["Subject"] = "[SI-SAMU][Incident] synthétique"
    message["Message-ID"] = message_id or \
        f"<{datetime.now().timestamp()}.{age.days}.{state}@example.invalid>"
    message.set_content("Texte synthétique d'un signalement.")
    outbox = Outbox(paths.outbox_dir)
    when = datetime.now(UTC) - age
    record = outbox.add(message, now=when)
    if state is EntryState.SENT:
        outbox.save(record.changed(state=state, sent_at=when, server_reply="250 OK"))
    return record.id


def draft(paths: AppPaths, status: str, age: timedelta) -> Report:
    report = Report.new("B", "portail", load_catalogue().version,
                        datetime.now().astimezone() - age)
    report.status = status  # type: ignore[assignment]
    DraftStore(paths).save(report)
    return report


def test_sent_reports_are_deleted_at_start_once_the_retention_has_passed(
    qtbot: QtBot, paths: AppPaths
) -> None:
    old_sent = outbox_entry(paths, EntryState.SENT, timedelta(days=8))
    recent_sent = outbox_entry(paths, EntryState.SENT, timedelta(days=1))
    old_waiting = outbox_entry(paths, EntryState.WAITING, timedelta(days=30))
    old_sent_draft = draft(paths, "sent", timedelta(days=8))
    old_finished_draft = draft(paths, "finished", timedelta(days=8))
    recent_sent_draft = draft(paths, "sent", timedelta(days=1))
    # Finished long ago but its e-mail still waits (network down for days): kept, so that
    # its delivery is still recorded.
    waiting_draft = draft(paths, "finished", timedelta(days=8))
    outbox_entry(paths, EntryState.WAITING, timedelta(days=8),
                 f"<{waiting_draft.id}.report@example.invalid>")
    drafts = DraftStore(paths)

    window = main_window(qtbot, Settings(sent_retention_days=7))

    outbox = Outbox(paths.outbox_dir)
    assert old_sent not in outbox.ids()
    assert not (paths.outbox_dir / old_sent).exists()
    assert recent_sent in outbox.ids()
    assert old_waiting in outbox.ids()  # never sent: never deleted
    assert not drafts.path_for(old_sent_draft.id).exists()
    assert not drafts.path_for(old_finished_draft.id).exists()
    assert drafts.path_for(recent_sent_draft.id).exists()
    assert drafts.path_for(waiting_draft.id).exists()
    # Nothing of the deleted entry is left in a hidden folder either.
    assert [p.name for p in paths.outbox_dir.iterdir() if p.name.startswith(".")] == []
    window.sending.outbox_sender.stop(5.0)


def test_the_retention_is_the_administrators_and_a_broken_policy_keeps_it(
    paths: AppPaths,
) -> None:
    write_json(paths.settings_file, {"sent_retention_days": 3650, "draft_retention_days": 3650})
    write_json(paths.policy_file, {"locked": {"sent_retention_days": 2,
                                              "draft_retention_days": 10}})
    loaded = SettingsStore(paths).load()
    assert loaded.settings.sent_retention_days == 2
    assert loaded.settings.draft_retention_days == 10
    assert {"sent_retention_days", "draft_retention_days"} <= loaded.locked
    # A policy that cannot be read does not hand the retention to the user.
    paths.policy_file.write_bytes(b"{ broken")
    loaded = SettingsStore(paths).load()
    assert loaded.settings.sent_retention_days == Settings().sent_retention_days
    assert "sent_retention_days" in loaded.locked


def test_a_report_is_deleted_right_after_it_is_sent_when_the_retention_is_zero(
    qtbot: QtBot, secret_service: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    paths: AppPaths,
) -> None:
    from samu_desktop.mail.transport import smtp_account
    from tests.gui.test_wizard import fill_required
    from tests.mail.smtp_server import PASSWORD, USER, MailServer, make_pki

    pki = make_pki(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca_file))
    server = MailServer(pki).start()
    window = None
    try:
        credentials.set_secret(smtp_account(USER, "127.0.0.1"), PASSWORD)
        window = main_window(qtbot, server.settings(crra_id="FR999", sent_retention_days=0))
        window.show()
        window.sending.outbox_sender.start()
        wizard = window.open_case("B")
        assert wizard is not None
        qtbot.mouseClick(wizard.application_page.buttons["selfcare"], Qt.MouseButton.LeftButton)
        fill_required(wizard)
        report = wizard.report
        assert report is not None
        qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(wizard.review.send, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(server.delivered) == 1, timeout=20000)
        qtbot.waitUntil(lambda: Outbox(paths.outbox_dir).ids() == [], timeout=10000)
    finally:
        if window is not None:
            window.sending.outbox_sender.stop(5.0)
        server.stop()
    assert not DraftStore(paths).path_for(report.id).exists()
    # The history keeps its line (no typed text, no image in it).
    assert window.history is not None
    assert [e.status for e in window.history.entries() if e.report_id == report.id] == ["sent"]


def test_copies_of_damaged_drafts_set_aside_do_not_stay_forever(
    qtbot: QtBot, paths: AppPaths
) -> None:
    """A damaged draft set aside still holds what was typed: it goes after the retention."""
    paths.quarantine_dir.mkdir(parents=True)
    old = paths.quarantine_dir / "0b6e2f4c-0000-4000-8000-000000000000.20260101-000000.json"
    old.write_text('{"answers": {"details": "texte synthétique"}', encoding="utf-8")
    forty_days_ago = (datetime.now() - timedelta(days=40)).timestamp()
    os.utime(old, (forty_days_ago, forty_days_ago))
    recent = paths.quarantine_dir / "settings.20261201-000000.json"
    recent.write_text("{", encoding="utf-8")

    window = main_window(qtbot, Settings(draft_retention_days=30))

    assert not old.exists()
    assert recent.exists()  # still within the retention: kept for the administrator
    window.sending.outbox_sender.stop(5.0)


def test_a_flush_from_the_command_line_applies_the_retention_too(
    tmp_path: Path, paths: AppPaths
) -> None:
    """``samu-desktop outbox flush`` (the real program) sends, then deletes what is past
    the retention, like the application does after a send."""
    import subprocess
    import sys

    from samu_desktop.mail.compose import build_message
    from tests.mail.smtp_server import MailServer, make_pki

    pki = make_pki(tmp_path)
    server = MailServer(pki, auth=False).start()
    try:
        settings = server.settings(sent_retention_days=0)
        SettingsStore(paths).save(settings, frozenset())
        Outbox(paths.outbox_dir).add(build_message(settings, "Incident test", "t", "h", [],
                                                   "1"))
        repo = Path(__file__).resolve().parents[2]
        result = subprocess.run(
            [sys.executable, "-m", "samu_desktop", "outbox", "flush"],
            env=dict(os.environ, SSL_CERT_FILE=str(pki.ca_file), PYTHONPATH=str(repo)),
            cwd=repo, capture_output=True, text=True, timeout=60, check=False)
    finally:
        server.stop()
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(server.delivered) == 1
    assert Outbox(paths.outbox_dir).ids() == []
