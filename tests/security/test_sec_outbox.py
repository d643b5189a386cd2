"""Red team, outbox: it does not trust its own files, and a full disk leaves nothing behind.

Real files, a real SMTP server (aiosmtpd on loopback), and for the full disk a
real 3 MB tmpfs (skipped with the reason when this user may not mount one).
The attacks: a state.json edited to add a hidden recipient, a message.eml
truncated to 50 bytes or edited, a refused entry retried, a disk that fills up
while a report is handed to the outbox.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from samu_desktop.app.state import AppState
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.errors import StorageError
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.mail.compose import build_message
from samu_desktop.mail.failures import FailureKind
from samu_desktop.mail.message import Attachment, AttachmentKind
from samu_desktop.mail.outbox import EntryState, Outbox, OutboxRecord, RetryOutcome, status_text
from samu_desktop.mail.sender import OutboxSender
from samu_desktop.mail.transport import SmtpConfig, SmtpTransport
from tests.gui.test_wizard import fill_required
from tests.mail.smtp_server import MailServer, Pki, make_pki

HIDDEN = "exfiltration@attacker.example"
TAMPERED_SENTENCE = "a été modifié sur le disque"


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def relay(pki: Pki) -> Iterator[MailServer]:
    server = MailServer(pki, auth=False).start()
    yield server
    server.stop()


def _sender(outbox: Outbox, server: MailServer, pki: Pki) -> OutboxSender:
    settings = server.settings()

    def transport(config: SmtpConfig) -> SmtpTransport:
        return SmtpTransport(config, ssl_context_factory=pki.client_context)

    return OutboxSender(outbox, lambda: settings, transport)


def _added(outbox: Outbox, server: MailServer) -> OutboxRecord:
    message = build_message(server.settings(), "Bandeau indisponible", "texte", "<p>html</p>",
                            [], "1")
    return outbox.add(message)


def _assert_refused(outbox: Outbox, sender: OutboxSender, server: MailServer,
                    record: OutboxRecord) -> None:
    sender.run_once(force=True)
    kept = outbox.load(record.id)
    assert server.delivered == []
    assert kept.state is EntryState.NEEDS_ACTION
    assert kept.error is not None and kept.error.kind is FailureKind.TAMPERED
    assert TAMPERED_SENTENCE in status_text(kept)
    # Asking again does not get it out either.
    outbox.retry(record.id)
    sender.run_once(force=True, include_needs_action=True)
    assert server.delivered == []
    assert outbox.load(record.id).state is not EntryState.SENT


def test_a_recipient_added_to_state_json_never_receives_the_report(
    tmp_path: Path, relay: MailServer, pki: Pki
) -> None:
    outbox = Outbox(tmp_path / "outbox")
    record = _added(outbox, relay)
    state = outbox.path(record.id) / "state.json"
    raw = json.loads(state.read_text(encoding="utf-8"))
    raw["recipients"].append(HIDDEN)
    state.write_text(json.dumps(raw), encoding="utf-8")
    _assert_refused(outbox, _sender(outbox, relay, pki), relay, record)


def test_a_recipient_swapped_in_state_json_never_receives_the_report(
    tmp_path: Path, relay: MailServer, pki: Pki
) -> None:
    outbox = Outbox(tmp_path / "outbox")
    record = _added(outbox, relay)
    state = outbox.path(record.id) / "state.json"
    raw = json.loads(state.read_text(encoding="utf-8"))
    raw["recipients"] = [HIDDEN]
    state.write_text(json.dumps(raw), encoding="utf-8")
    _assert_refused(outbox, _sender(outbox, relay, pki), relay, record)


def test_a_message_truncated_to_50_bytes_is_refused_not_shown_sent(
    tmp_path: Path, relay: MailServer, pki: Pki
) -> None:
    outbox = Outbox(tmp_path / "outbox")
    record = _added(outbox, relay)
    message = outbox.path(record.id) / "message.eml"
    message.write_bytes(message.read_bytes()[:50])
    _assert_refused(outbox, _sender(outbox, relay, pki), relay, record)


def test_a_message_edited_on_disk_is_refused(
    tmp_path: Path, relay: MailServer, pki: Pki
) -> None:
    outbox = Outbox(tmp_path / "outbox")
    record = _added(outbox, relay)
    message = outbox.path(record.id) / "message.eml"
    message.write_bytes(f"Bcc: {HIDDEN}\r\n".encode() + message.read_bytes())
    _assert_refused(outbox, _sender(outbox, relay, pki), relay, record)


def test_a_message_forged_whole_with_its_digest_recomputed_reaches_nobody_new(
    tmp_path: Path, relay: MailServer, pki: Pki
) -> None:
    """Message and state edited together: only addresses the settings name are used."""
    outbox = Outbox(tmp_path / "outbox")
    record = _added(outbox, relay)
    folder = outbox.path(record.id)
    forged = f"Cc: {HIDDEN}\r\n".encode() + (folder / "message.eml").read_bytes()
    (folder / "message.eml").write_bytes(forged)
    raw = json.loads((folder / "state.json").read_text(encoding="utf-8"))
    raw["digest"] = hashlib.sha256(forged).hexdigest()
    raw["recipients"].append(HIDDEN)
    (folder / "state.json").write_text(json.dumps(raw), encoding="utf-8")
    sender = _sender(outbox, relay, pki)
    sender.run_once(force=True)
    assert relay.delivered == []
    kept = outbox.load(record.id)
    assert kept.state is EntryState.NEEDS_ACTION
    assert kept.error is not None and kept.error.kind is FailureKind.RECIPIENT_NOT_ALLOWED
    assert HIDDEN in status_text(kept)


def test_a_message_cut_while_its_state_was_lost_is_never_sent(
    tmp_path: Path, relay: MailServer, pki: Pki
) -> None:
    """Without its state the message vouches for itself only when it is whole."""
    outbox = Outbox(tmp_path / "outbox")
    record = _added(outbox, relay)
    folder = outbox.path(record.id)
    data = (folder / "message.eml").read_bytes()
    (folder / "message.eml").write_bytes(data[: len(data) // 2])
    (folder / "state.json").unlink()
    sender = _sender(outbox, relay, pki)
    assert outbox.retry(record.id) is RetryOutcome.QUEUED
    sender.run_once(force=True, include_needs_action=True)
    assert relay.delivered == []
    kept = outbox.load(record.id)
    assert kept.error is not None and kept.error.kind is FailureKind.TAMPERED


def test_an_untouched_entry_still_leaves_with_its_sender_added_later(
    tmp_path: Path, relay: MailServer, pki: Pki
) -> None:
    """The check refuses tampering, not the outbox's own rewrite (a From added at send)."""
    outbox = Outbox(tmp_path / "outbox")
    no_sender = Settings(support_email="monserviceclient.si-samu@esante.gouv.fr")
    record = outbox.add(build_message(no_sender, "s", "t", "<p>h</p>", [], "1"))
    (sent,) = _sender(outbox, relay, pki).run_once(force=True)
    assert sent.state is EntryState.SENT
    (delivery,) = relay.delivered
    assert delivery.rcpt_tos == ["monserviceclient.si-samu@esante.gouv.fr"]
    assert outbox.load(record.id).digest != record.digest  # the From is part of it now


# -- a full disk ---------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 3 MB tmpfs; skipped, with the reason, where mounting is not permitted."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"mount not permitted here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> None:
    """Take every free block, so that the next write fails with ENOSPC."""
    with (folder / "filler").open("wb", buffering=0) as handle:
        for chunk in (65536, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while True:
                    handle.write(b"\0" * chunk)


def test_a_full_disk_in_add_leaves_no_hidden_folder_and_keeps_the_input(
    small_disk: Path,
) -> None:
    outbox = Outbox(small_disk / "outbox")
    outbox.directory.mkdir()
    shot = Attachment(filename="copie-ecran-1.png", mime_type="image/png",
                      data=os.urandom(4_000_000), kind=AttachmentKind.OTHER)
    settings = Settings(sender_address="crra@example.test")
    message = build_message(settings, "s", "t", "<p>h</p>", [shot], "1")
    with pytest.raises(StorageError) as caught:
        outbox.add(message)
    assert "Votre saisie est conservée" in caught.value.user_message
    assert list(outbox.directory.iterdir()) == []
    assert outbox.ids() == []


def test_leftover_staging_folders_are_swept_when_the_app_starts(
    qtbot: QtBot, isolated_home: Path
) -> None:
    paths = AppPaths.default()
    stale = paths.outbox_dir / ".new-20260101-000000-abcdef"
    stale.mkdir(parents=True)
    (stale / "message.eml").write_bytes(b"half a message")
    window = MainWindow(AppState.of(Settings(), paths), QApplication.windowIcon(),
                        TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    assert window.sending.outbox.ids() == []
    assert not stale.exists()


def test_a_full_disk_when_sending_from_the_wizard_says_the_input_is_kept(
    qtbot: QtBot, isolated_home: Path, small_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = AppPaths.default()
    # The outbox (only) lives on the small disk.
    paths.outbox_dir.parent.mkdir(parents=True, exist_ok=True)
    paths.outbox_dir.symlink_to(small_disk, target_is_directory=True)
    settings = Settings(sender_address="crra@example.test", crra_id="FR999")
    window = MainWindow(AppState.of(settings, paths), QApplication.windowIcon(),
                        TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    wizard = window.open_case("B")
    assert wizard is not None
    qtbot.mouseClick(wizard.application_page.buttons["selfcare"], Qt.MouseButton.LeftButton)
    fill_required(wizard)
    report = wizard.report
    assert report is not None
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    _fill(small_disk)
    qtbot.mouseClick(wizard.review.send, Qt.MouseButton.LeftButton)
    texts = window.message_bar.texts()
    assert any("Votre saisie est conservée" in text for text in texts), texts
    assert [p.name for p in small_disk.iterdir() if p.name.startswith(".new-")] == []
    assert window.drafts.load(report.id).status == "draft"  # nothing typed is lost
