"""Attack: the unredacted capture of a report that ended stays decryptable.

Issue 17, item 1. Real parts: gnome-keyring's Secret Service on a private D-Bus (the
``secret_service`` fixture), the real vault files, the real main window and wizard
(offscreen). Each test keeps a copy of the encrypted file, as a backup or an attacker
would, and proves that it no longer opens once the report has ended.
"""

from __future__ import annotations

import shutil
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from samu_desktop.config import credentials
from samu_desktop.config.paths import AppPaths
from samu_desktop.redaction.vault import Vault, VaultError
from samu_desktop.report.drafts import DraftStore
from tests.security.helpers import draft_with_capture, main_window, vault_files


@pytest.fixture
def paths() -> AppPaths:
    return AppPaths.default()


def keep_a_copy(paths: AppPaths, report_id: object, tmp_path: Path) -> Path:
    """What a backup (or an attacker) kept of the encrypted capture before the end."""
    files = vault_files(paths, str(report_id))
    assert files, "the capture must be in the vault before the attack"
    copy = tmp_path / "backup" / files[0].name
    copy.parent.mkdir(parents=True)
    shutil.copy2(files[0], copy)
    return copy


def assert_unrecoverable(paths: AppPaths, report_id: object, copy: Path) -> None:
    """No file left, no key left, and the kept copy does not open any more."""
    assert vault_files(paths, str(report_id)) == []
    assert not (paths.data_dir / "vault" / str(report_id)).exists()
    assert credentials.get_secret(f"vault:{report_id}") is None
    # Put the kept copy back where it was: without its key it is noise.
    restored = paths.data_dir / "vault" / str(report_id) / copy.name
    restored.parent.mkdir(parents=True)
    shutil.copy2(copy, restored)
    with pytest.raises(VaultError):
        Vault(str(report_id), paths.data_dir / "vault").load(copy.stem)
    shutil.rmtree(restored.parent)


def test_abandon_in_the_restore_offer_wipes_the_originals_and_their_key(
    secret_service: str, qtbot: QtBot, paths: AppPaths, tmp_path: Path
) -> None:
    """After a crash the draft is offered; "Abandonner" must end it for good."""
    report, image = draft_with_capture(paths)
    # The capture really decrypts before the attack (the test can fail).
    assert Vault(str(report.id), paths.data_dir / "vault").load("cap-1").tobytes() == \
        image.tobytes()
    copy = keep_a_copy(paths, report.id, tmp_path)

    window = main_window(qtbot)
    notice = next(n for n in window.message_bar.notices() if "n'a pas été terminé" in
                  n.label.text())
    abandon = next(b for b in notice.findChildren(QPushButton) if b.text() == "Abandonner")
    abandon.click()

    assert not DraftStore(paths).path_for(report.id).exists()
    assert_unrecoverable(paths, report.id, copy)
    window.sending.outbox_sender.stop(5.0)


def test_choosing_another_application_mid_report_wipes_the_first_reports_originals(
    secret_service: str, qtbot: QtBot, paths: AppPaths, tmp_path: Path
) -> None:
    window = main_window(qtbot)
    wizard = window.open_case("B")
    assert wizard is not None
    wizard.application_page.chosen.emit("portail")
    first = wizard.report
    assert first is not None
    page = wizard.screenshots_page()
    assert page is not None
    from tests.security.helpers import capture

    page.store.add_original(capture(), first.created_at)
    copy = keep_a_copy(paths, first.id, tmp_path)

    wizard.go_back()
    wizard.application_page.chosen.emit("bandeau")

    assert wizard.report is not None and wizard.report.id != first.id
    assert_unrecoverable(paths, first.id, copy)
    # The new report's captures go to its own vault, not the wiped one.
    page = wizard.screenshots_page()
    assert page is not None and page.store.report_id == str(wizard.report.id)
    window.sending.outbox_sender.stop(5.0)


def test_an_expired_draft_is_wiped_at_start(
    secret_service: str, qtbot: QtBot, paths: AppPaths, tmp_path: Path
) -> None:
    """A draft nobody came back to for longer than the retention ends at the next start."""
    old, _ = draft_with_capture(paths, age=timedelta(days=31))
    live, image = draft_with_capture(paths, age=timedelta(days=1))
    copy = keep_a_copy(paths, old.id, tmp_path)

    window = main_window(qtbot)

    assert not DraftStore(paths).path_for(old.id).exists()
    assert_unrecoverable(paths, old.id, copy)
    # A draft still within its retention is offered, and its capture still opens.
    assert any("n'a pas été terminé" in t for t in window.message_bar.texts())
    assert Vault(str(live.id), paths.data_dir / "vault").load("cap-1").tobytes() == \
        image.tobytes()
    window.sending.outbox_sender.stop(5.0)


def test_orphaned_vaults_and_keys_are_swept_at_start(
    secret_service: str, qtbot: QtBot, paths: AppPaths, tmp_path: Path
) -> None:
    """Originals whose report is gone (draft deleted, or finished before the wipe ran) and a
    key left without any vault are all removed when the application starts."""
    deleted, _ = draft_with_capture(paths)
    DraftStore(paths).path_for(deleted.id).unlink()  # the draft is gone, its vault is not
    finished, _ = draft_with_capture(paths, status="finished")  # crash before the wipe
    lone_key = f"vault:{uuid.uuid4()}"
    credentials.set_secret(lone_key, "AAAA")
    copies = {r.id: keep_a_copy(paths, r.id, tmp_path / str(r.id)) for r in
              (deleted, finished)}

    window = main_window(qtbot)

    for report_id, copy in copies.items():
        assert_unrecoverable(paths, report_id, copy)
    assert credentials.get_secret(lone_key) is None
    window.sending.outbox_sender.stop(5.0)


def test_a_key_the_keyring_refused_to_delete_goes_at_the_next_start(
    secret_service: str, qtbot: QtBot, paths: AppPaths, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Abandoned while the keyring was away: the files go at once, the key at next start."""
    report, _ = draft_with_capture(paths)
    copy = keep_a_copy(paths, report.id, tmp_path)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    DraftStore(paths).discard(report.id)
    assert vault_files(paths, report.id) == []
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", secret_service)
    assert credentials.get_secret(f"vault:{report.id}") is not None  # the keyring refused

    window = main_window(qtbot)

    assert_unrecoverable(paths, report.id, copy)
    window.sending.outbox_sender.stop(5.0)
