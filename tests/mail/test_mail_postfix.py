"""The e-mail journey through a real MTA, read the way a desk's mail collector reads it.

A report, then two follow-ups ("Ajouter des informations" with a new capture,
"Signaler le rétablissement"), leave through the app's own outbox and sender
to Postfix on loopback (STARTTLS with the test CA, trusted through
SSL_CERT_FILE like production trusts the OS store), which delivers them to the
desk's Maildir and, as a Cc, to the reporter's. Then, in the Maildir: every
part parses without defects; the subjects decode exactly to what the app
showed, with Python's parser, with ``decode_header``, and with notmuch (GMime,
an independent implementation); every attachment has its type and text ones
their charset; notmuch threads the three messages into one thread.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from email import message_from_bytes
from email import policy as email_policy
from email.header import decode_header, make_header
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from pathlib import Path

import pytest

from samu_desktop.config.paths import AppPaths
from samu_desktop.mail.outbox import EntryState, Outbox
from samu_desktop.mail.sender import OutboxSender
from samu_desktop.procedure import load_catalogue
from samu_desktop.report.drafts import DraftStore
from samu_desktop.report.followup import FollowUp, build_followup_message
from samu_desktop.report.history import History
from samu_desktop.report.outgoing import build_report_message
from samu_desktop.report.render import subject_line
from tests.mail.journey import STARTED, centre_settings, sample_report
from tests.mail.postfix import PostfixRelay, available
from tests.mail.screens import screen_png
from tests.mail.smtp_server import Pki, make_pki

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="Postfix runs on Linux")


@pytest.fixture
def relay() -> Iterator[PostfixRelay]:
    """Postfix in a world-readable temporary folder (its daemons run as other users)."""
    if not available():
        pytest.fail("Postfix is missing or not run as root: run 'bash scripts/setup.sh test'")
    root = Path(tempfile.mkdtemp(prefix="samu-postfix-"))
    os.chmod(root, 0o755)
    (root / "pki").mkdir()
    server = PostfixRelay(root / "relay", make_pki(root / "pki"))
    (root / "relay").mkdir()
    try:
        yield server.start()
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


def notmuch(config: Path, *args: str) -> str:
    done = subprocess.run(["notmuch", *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "NOTMUCH_CONFIG": str(config)}, check=True)
    return done.stdout


def header_subject(path: Path) -> str:
    """The raw Subject header, for ``decode_header``."""
    raw = BytesHeaderParser(policy=email_policy.compat32).parsebytes(path.read_bytes())
    return str(raw["Subject"])


@pytest.mark.timeout(120)  # starts and stops a whole Postfix
def test_report_and_two_follow_ups_through_postfix_land_in_one_thread(
    relay: PostfixRelay, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    pki: Pki = relay.pki
    monkeypatch.setenv("SSL_CERT_FILE", str(pki.ca_file))
    settings = centre_settings(smtp_host="127.0.0.1", smtp_port=relay.port,
                               smtp_security="starttls", smtp_auth=False, smtp_timeout_s=20)
    paths = AppPaths.default()
    catalogue = load_catalogue()
    history = History(paths, catalogue)
    drafts = DraftStore(paths, history)
    outbox = Outbox(paths.outbox_dir)
    sender = OutboxSender(outbox, lambda: settings)

    # The report, as the wizard hands it over.
    report, store = sample_report(catalogue, settings, paths)
    shown = subject_line(report, catalogue, settings)  # what the review page shows
    drafts.save(report)
    sender.submit(build_report_message(report, catalogue, settings, store))
    (first,) = sender.run_once()
    assert first.state is EntryState.SENT, first.error
    drafts.mark_finished(report.id)
    drafts.mark_sent(report.id)
    entry = history.get(report.id)
    assert entry is not None and entry.reference == report.reference

    # Two follow-ups from the history.
    info = FollowUp.information("Deux nouvelles captures : le bandeau reste gris.")
    restored = FollowUp.restored(STARTED.replace(hour=12, minute=5),
                                 "Tout fonctionne de nouveau.")
    for followup, shots in ((info, [screen_png(2)]), (restored, [])):
        message = build_followup_message(entry, followup, catalogue, settings, shots)
        sender.submit(message)
        history.record_followup(entry.id, followup.kind, str(message["Message-ID"]),
                                followup.restored_at)
    assert [r.state for r in sender.run_once()] == [EntryState.SENT, EntryState.SENT]

    # What the desk's mailbox holds (the reporter got the same three as a Cc).
    files = relay.wait_for("support-test", 3)
    assert len(relay.wait_for("arm-test", 3)) == 3
    messages: dict[str, EmailMessage] = {}
    for path in files:
        msg = message_from_bytes(path.read_bytes(), policy=email_policy.default)
        assert isinstance(msg, EmailMessage)
        for part in msg.walk():
            assert not part.defects, (path.name, part.get_content_type(), part.defects)
        messages[str(msg["Message-ID"])] = msg
        # Every attachment: its type, and its charset when it is text.
        for attachment in msg.iter_attachments():
            kind = attachment.get_content_type()
            assert kind in ("image/png", "text/html", "application/json"), kind
            if kind != "image/png":
                assert attachment.get_content_charset() == "utf-8", attachment.get_filename()
        assert str(make_header(decode_header(header_subject(path)))) == str(msg["Subject"])
    first_msg = messages[report.message_id]
    assert str(first_msg["Subject"]) == shown
    assert first_msg["X-SAMU-Reference"] == report.reference
    replies = [m for mid, m in messages.items() if mid != report.message_id]
    assert len(replies) == 2
    for reply in replies:
        assert str(reply["Subject"]) == f"Re: {shown}"
        assert reply["In-Reply-To"] == reply["References"] == report.message_id
        assert reply["X-SAMU-Reference"] == report.reference
    report_json = next(p for p in first_msg.iter_attachments()
                       if p.get_filename() == "signalement.json")
    content = report_json.get_content()
    data = json.loads(content if isinstance(content, str) else content.decode("utf-8"))
    assert data["report"]["status"] == "sent"

    # notmuch (GMime): one thread of three, subjects decoded the same.
    config = tmp_path / "notmuch-config"
    config.write_text(
        f"[database]\npath={relay.maildir('support-test')}\n[user]\nname=Support\n"
        "primary_email=support-test@example.test\n[new]\ntags=inbox;\n"
        "[search]\nexclude_tags=\n[maildir]\nsynchronize_flags=false\n")
    notmuch(config, "new", "--quiet")
    threads = json.loads(notmuch(config, "search", "--format=json", "*"))
    assert len(threads) == 1, threads
    assert threads[0]["total"] == 3 and threads[0]["matched"] == 3
    shown_by_notmuch = json.loads(notmuch(config, "show", "--format=json", "--body=false", "*"))

    def flatten(node: object) -> Iterator[dict[str, object]]:
        if isinstance(node, dict):
            if "headers" in node:
                yield node
        elif isinstance(node, list):
            for item in node:
                yield from flatten(item)

    subjects = sorted(str(m["headers"]["Subject"])  # type: ignore[index]
                      for m in flatten(shown_by_notmuch))
    assert subjects == sorted([shown, f"Re: {shown}", f"Re: {shown}"])
