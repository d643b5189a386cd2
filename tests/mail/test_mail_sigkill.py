"""SIGKILL while sending, restart, and the report is delivered exactly once.

A real process (``python -m samu_desktop outbox flush``) sends to a real
aiosmtpd with STARTTLS and AUTH (password from the real Secret Service, the
test CA trusted through ``SSL_CERT_FILE``, which the production trust store
code honours). The server holds the connection at a chosen point; the test
kills the process there, then starts a new one once the server answers again.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from email import message_from_bytes
from email import policy as email_policy
from pathlib import Path

import pytest

from samu_desktop.config.paths import AppPaths
from samu_desktop.config.store import SettingsStore
from samu_desktop.mail.compose import build_message
from samu_desktop.mail.outbox import EntryState, Outbox
from samu_desktop.mail.resend import mark_as_resend
from tests.mail.smtp_server import PASSWORD, MailServer, Pki
from tests.mail.test_mail_transport import store_password

Factory = Callable[..., MailServer]


def _flush(pki: Pki) -> subprocess.Popen[str]:
    env = dict(os.environ, SSL_CERT_FILE=str(pki.ca_file))
    return subprocess.Popen(
        [sys.executable, "-m", "samu_desktop", "outbox", "flush"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.mark.parametrize(("hold", "phase"), [("hold", "data"), ("silent", "connecting")])
def test_sigkill_while_sending_then_restart_delivers_once(
    hold: str, phase: str, mail_server: Factory, pki: Pki, secret_service: str,
    isolated_home: Path,
) -> None:
    server = mail_server()
    settings = server.settings(smtp_timeout_s=120.0)
    store_password(settings)
    paths = AppPaths.default()
    SettingsStore(paths).save(settings, frozenset())
    outbox = Outbox(paths.outbox_dir)
    record = outbox.add(build_message(settings, "Incident test", "texte", "<p>html</p>", [],
                                      "1"))
    stored = outbox.message_bytes(record.id)

    server.fault = hold
    process = _flush(pki)
    try:
        assert server.holding.wait(60), process.communicate(timeout=10)
        on_disk = outbox.load(record.id)
        assert (on_disk.state, on_disk.phase) == (EntryState.SENDING, phase)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert server.delivered == []
    assert outbox.load(record.id).state is EntryState.SENDING  # what the crash left

    server.fault = None
    restarted = _flush(pki)
    out, err = restarted.communicate(timeout=120)
    assert restarted.returncode == 0, (out, err)
    assert "Envoyé" in out

    final = outbox.load(record.id)
    assert final.state is EntryState.SENT and final.interrupted == 1
    assert final.maybe_delivered is (phase == "data")
    expected = mark_as_resend(stored) if final.maybe_delivered else stored
    assert [d.content for d in server.delivered] == [expected]
    got = message_from_bytes(server.delivered[0].content, policy=email_policy.default)
    assert got["Message-ID"] == record.message_id

    again = _flush(pki)
    again.communicate(timeout=120)
    assert again.returncode == 0 and len(server.delivered) == 1
    # No secret in anything the app wrote (settings, outbox, log).
    written = [p for p in isolated_home.rglob("*") if p.is_file()]
    assert any(p.name == "samu-desktop.log" for p in written)
    for path in written:
        assert PASSWORD.encode() not in path.read_bytes(), path
