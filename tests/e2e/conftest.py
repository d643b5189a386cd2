"""What every journey needs: the centre's settings, the support desk's mail server,
a Firefox ESR on the workstation, the application built as ``run_gui`` builds it.

Everything is real: aiosmtpd with STARTTLS and AUTH (the test CA trusted through
``SSL_CERT_FILE``, as in production), the SMTP password in the real Secret
Service, drafts and the outbox on disk, the prerequisites test against closed
ports of 127.0.0.1 (it fails fast, and for real).
"""

from __future__ import annotations

import email
import json
import os
import stat
from collections.abc import Callable, Iterator
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from samu_desktop import i18n
from samu_desktop.config import credentials
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.config.store import SettingsStore
from samu_desktop.crash import CrashHandler, PreviousRun
from samu_desktop.gui.app import Application, build
from samu_desktop.mail.transport import smtp_account
from samu_desktop.procedure import load_catalogue
from samu_desktop.procedure.schema import Catalogue
from samu_desktop.report.autofill import detect_machine_facts
from samu_desktop.report.model import Report
from samu_desktop.report.render import display_value, rows
from tests.e2e.user import RECORDED
from tests.mail.smtp_server import PASSWORD, USER, MailServer, make_pki

CATALOGUE: Catalogue = load_catalogue()
SUPPORT = "monserviceclient.si-samu@esante.gouv.fr"
LOCAL_IT = "dsi-test@hopital.example.test"
FIREFOX_VERSION = "128.5.0esr"  # the stand-in's


def centre_settings(server: MailServer, **overrides: Any) -> Settings:
    """A centre as its administrator set it up; every network target of the checks is a
    closed port on 127.0.0.1, except the SMTP server, which is the test's."""
    values: dict[str, Any] = dict(
        crra_id="FR999", centre_name="SAMU de test", reporter_name="ARM Test",
        reporter_phone="01 00 00 00 99", environment="production", auth_mode="otp_mail",
        portal_url_production="https://127.0.0.1:9/", ntp_server="127.0.0.1:9",
        check_timeout_s=1.0,
        support_phone_calls="01 00 00 00 15", support_phone_hardware="01 00 00 00 16",
        local_it_name="DSI de test", local_it_phone="01 00 00 00 17",
    )
    values.update(overrides)
    return server.settings(**values)


def save_settings(settings: Settings) -> None:
    SettingsStore(AppPaths.default()).save(settings, frozenset())


@pytest.fixture
def support_desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                 secret_service: str) -> Iterator[MailServer]:
    """The support desk's mail server (STARTTLS + AUTH), its password in the keyring."""
    pki_dir = tmp_path / "pki"
    pki_dir.mkdir()
    pki = make_pki(pki_dir)
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca_file))
    credentials.set_secret(smtp_account(USER, "127.0.0.1"), PASSWORD)
    server = MailServer(pki).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def firefox_esr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A Firefox ESR on the workstation, as every SI-SAMU workstation has one.

    If this machine has none, a stand-in on PATH (a program answering
    ``--version`` next to its ``application.ini``). Returns the version the
    report should pre-fill.
    """
    folder = tmp_path / "firefox-esr"
    folder.mkdir()
    version = FIREFOX_VERSION.removesuffix("esr")
    (folder / "application.ini").write_text(
        f"[App]\nVendor=Mozilla\nName=Firefox\nRemotingName=firefox-esr\nVersion={version}\n"
        "SourceRepository=https://hg.mozilla.org/releases/mozilla-esr128\n", encoding="utf-8")
    program = folder / "firefox"
    program.write_text(f"#!/bin/sh\necho 'Mozilla Firefox {FIREFOX_VERSION}'\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    # A Firefox installed in the usual place wins, as it would on the workstation.
    version = detect_machine_facts().browser_version
    assert version.endswith("esr")
    return version


@pytest.fixture
def make_app(qtbot: QtBot) -> Iterator[Callable[..., Application]]:
    """The application as ``run_gui`` builds it (settings from disk, translators, outbox
    sender started), in this process, offscreen."""
    built: list[Application] = []

    def make(lang: str | None = None, crash: CrashHandler | None = None,
             previous: PreviousRun | None = None) -> Application:
        qapp = QApplication.instance()
        assert isinstance(qapp, QApplication)
        running = build(qapp, AppPaths.default(), lang, crash, previous)
        qtbot.addWidget(running.window)
        built.append(running)
        running.window.show()
        qtbot.waitExposed(running.window)
        return running

    yield make
    for running in built:
        running.window.tasks.wait(30_000)
        running.shutdown()
        for translator in running.translators:
            QCoreApplication.removeTranslator(translator)
    i18n.install(None)


# -- what reached the support desk --------------------------------------------------
def received(server: MailServer) -> list[EmailMessage]:
    return [email.message_from_bytes(d.content, policy=policy.default)  # type: ignore[misc]
            for d in server.delivered]


def attachments(message: EmailMessage) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for part in message.iter_attachments():
        name = part.get_filename()
        assert name is not None
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        found[name] = payload
    return found


def check_message(message: EmailMessage, report: Report, to: str = SUPPORT) -> dict[str, bytes]:
    """The e-mail carries every answered question of ``report`` (the draft as it was
    sent): in the text the support desk reads, and in the JSON attached for its tools.
    Returns the attachments by name."""
    assert message["To"] == to
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    files = attachments(message)
    assert "signalement.json" in files
    data = json.loads(files["signalement.json"])
    answered = rows(report, CATALOGUE)
    assert answered, "nothing answered"
    for row in answered:
        display = display_value(row.field, report)
        if "\n" in display:
            assert f"{row.label} :" in text
            assert all(line in text for line in display.split("\n"))
        else:
            assert f"{row.label} : {display}" in text, row.label
    assert [f["id"] for f in data["fields"]] == [row.field.id for row in answered]
    assert data["report"]["id"] == str(report.id)
    assert data["report"]["status"] == "sent"  # the copy the desk receives
    assert data["report"]["reference"] == report.reference != ""
    assert message["X-SAMU-Reference"] == report.reference
    pngs = [name for name in files if name.endswith(".png")]
    assert len(pngs) == len(report.screenshots)
    return files


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not RECORDED:
        return
    terminalreporter.section("user actions per journey (tests/e2e)")
    for journey, ledger in sorted(RECORDED.items()):
        terminalreporter.write_line(f"{journey}: {ledger.summary()}")
        if ledger.show_steps:
            terminalreporter.write_line("    " + " · ".join(ledger.steps))
