"""The outbox on disk: complete entries, crash leftovers, locks, the sender thread."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from email import message_from_bytes
from email import policy as email_policy
from pathlib import Path

from samu_desktop.config.settings import Settings
from samu_desktop.mail.compose import build_message
from samu_desktop.mail.failures import FailureKind
from samu_desktop.mail.filelock import FileLock
from samu_desktop.mail.message import Attachment, AttachmentKind
from samu_desktop.mail.outbox import EntryState, Outbox, OutboxRecord, RetryOutcome, status_text
from samu_desktop.mail.sender import OutboxSender
from tests.mail.screens import screen_png
from tests.mail.smtp_server import MailServer, Pki
from tests.mail.test_mail_transport import store_password, transport_for

Factory = Callable[..., MailServer]


def _relay(mail_server: Factory) -> tuple[MailServer, Settings]:
    server = mail_server(auth=False)
    return server, server.settings()


def test_an_entry_is_written_whole(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    msg = build_message(Settings(sender_address="a@example.test"), "Objet é", "t", "<p>h</p>",
                        [], "1")
    record = outbox.add(msg, notes=["une note"])
    folder = tmp_path / "outbox" / record.id
    assert sorted(p.name for p in folder.iterdir()) == ["message.eml", "state.json"]
    assert (folder / "message.eml").read_bytes() == msg.as_bytes()
    state = json.loads((folder / "state.json").read_text(encoding="utf-8"))
    assert state["state"] == "waiting" and state["message_id"] == msg["Message-ID"]
    assert state["recipients"] == ["monserviceclient.si-samu@esante.gouv.fr"]
    assert outbox.load(record.id) == record
    assert outbox.bodies(record.id) == ("t\r\n", "<p>h</p>\r\n")
    # A half-made entry (a crash while adding) is not an entry.
    (tmp_path / "outbox" / ".new-20260101-000000-abcdef").mkdir()
    assert outbox.ids() == [record.id]


def test_exports(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    record = outbox.add(build_message(Settings(), "s", "t", "h", [], "1"))
    target = tmp_path / "export" / "signalement.eml"
    outbox.export_eml(record.id, target)
    assert target.read_bytes() == outbox.message_bytes(record.id)
    draft = outbox.mail_client_copy(record.id)
    assert draft.read_bytes() == b"X-Unsent: 1\r\n" + outbox.message_bytes(record.id)
    parsed = message_from_bytes(draft.read_bytes(), policy=email_policy.default)
    assert parsed["X-Unsent"] == "1" and parsed["Message-ID"] == record.message_id
    assert outbox.ids() == [record.id]  # the copies are not new entries


def test_no_server_configured_waits_and_says_what_to_do(
    mail_server: Factory, pki: Pki, tmp_path: Path
) -> None:
    server, configured = _relay(mail_server)
    current = {"settings": Settings()}  # a fresh install
    outbox = Outbox(tmp_path / "outbox")
    record = outbox.add(build_message(current["settings"], "s", "t", "h", [], "1"))
    sender = OutboxSender(outbox, lambda: current["settings"], transport_for(pki))
    (waiting,) = sender.run_once()
    assert waiting.state is EntryState.WAITING and waiting.attempts == 0
    assert waiting.error is not None and waiting.error.kind is FailureKind.NOT_CONFIGURED
    assert "réglages d'envoi" in status_text(waiting) and ".eml" in status_text(waiting)

    # Host configured but still no sender address: the same kind of wait.
    current["settings"] = configured.model_copy(update={"sender_address": ""})
    (waiting,) = sender.run_once()
    assert waiting.error is not None and waiting.error.kind is FailureKind.NO_SENDER
    assert server.delivered == []

    current["settings"] = configured.model_copy(update={
        "centre_name": "SAMU de démonstration", "reporter_email": "arm-test@example.test"})
    (sent,) = sender.run_once()
    assert sent.state is EntryState.SENT and sent.attempts == 1
    (delivery,) = server.delivered
    got = message_from_bytes(delivery.content, policy=email_policy.default)
    # Set up afterwards: the centre's name, replies to the person, a real Message-ID domain.
    assert got.get_all("From") == ["SAMU de démonstration <crra-test@example.test>"]
    assert got.get_all("Reply-To") == ["arm-test@example.test"]
    assert got["Message-ID"] == record.message_id  # kept
    assert not record.message_id.endswith("@samu-desktop.invalid>")
    assert delivery.content == outbox.message_bytes(record.id)


def _force_state(outbox: Outbox, record: OutboxRecord, **values: object) -> None:
    outbox.save(record.changed(**values))


def test_abandoned_sending_is_retried_once_and_flagged(
    mail_server: Factory, pki: Pki, tmp_path: Path
) -> None:
    server, settings = _relay(mail_server)
    outbox = Outbox(tmp_path / "outbox")
    record = outbox.add(build_message(settings, "s", "t", "h", [], "1"))
    # What a process killed during DATA leaves behind (its lock died with it).
    _force_state(outbox, record, state=EntryState.SENDING, phase="data", attempts=1)
    sender = OutboxSender(outbox, lambda: settings, transport_for(pki))
    (sent,) = sender.run_once()
    assert sent.state is EntryState.SENT
    assert sent.interrupted == 1 and sent.maybe_delivered and sent.attempts == 2
    assert "deux fois" in status_text(sent)
    assert len(server.delivered) == 1


def test_an_entry_held_by_another_sender_is_left_alone(
    mail_server: Factory, pki: Pki, tmp_path: Path
) -> None:
    server, settings = _relay(mail_server)
    outbox = Outbox(tmp_path / "outbox")
    record = outbox.add(build_message(settings, "s", "t", "h", [], "1"))
    _force_state(outbox, record, state=EntryState.SENDING, phase="connecting")
    other = FileLock(outbox.path(record.id) / ".lock")
    assert other.acquire()  # another process is sending it right now
    sender = OutboxSender(outbox, lambda: settings, transport_for(pki))
    assert sender.run_once(force=True) == []
    assert outbox.retry(record.id) is RetryOutcome.BUSY
    assert outbox.load(record.id).state is EntryState.SENDING
    other.release()
    (sent,) = sender.run_once()
    assert sent.state is EntryState.SENT and len(server.delivered) == 1


def test_unreadable_state_is_kept_for_the_user_not_resent(
    mail_server: Factory, pki: Pki, tmp_path: Path
) -> None:
    server, settings = _relay(mail_server)
    outbox = Outbox(tmp_path / "outbox")
    record = outbox.add(build_message(settings, "s", "t", "h", [], "1"))
    (outbox.path(record.id) / "state.json").write_bytes(b"{not json")
    sender = OutboxSender(outbox, lambda: settings, transport_for(pki))
    assert sender.run_once(force=True) == []
    kept = outbox.load(record.id)
    assert kept.state is EntryState.NEEDS_ACTION and kept.maybe_delivered
    assert kept.message_id == record.message_id
    assert list((outbox.path(record.id) / "corrupt").iterdir())  # the bad file kept aside
    assert server.delivered == []
    assert outbox.retry(record.id) is RetryOutcome.QUEUED
    (sent,) = sender.run_once()
    assert sent.state is EntryState.SENT and len(server.delivered) == 1


def test_background_thread_sends_on_wake_and_tells_subscribers(
    mail_server: Factory, pki: Pki, tmp_path: Path
) -> None:
    server, settings = _relay(mail_server)
    outbox = Outbox(tmp_path / "outbox")
    sender = OutboxSender(outbox, lambda: settings, transport_for(pki))
    seen: list[tuple[str, EntryState]] = []
    sent = threading.Event()

    def listener(record: OutboxRecord) -> None:
        seen.append((record.id, record.state))
        if record.state is EntryState.SENT:
            sent.set()

    sender.add_listener(listener)
    sender.start()
    try:
        assert sender.running
        record = outbox.add(build_message(settings, "s", "t", "h", [], "1"))
        sender.wake()
        assert sent.wait(10)
    finally:
        assert sender.stop(10)
    assert seen == [(record.id, EntryState.SENDING), (record.id, EntryState.SENT)]
    assert len(server.delivered) == 1
    assert not sender.running


def test_saving_settings_retries_only_what_settings_can_fix(
    mail_server: Factory, pki: Pki, tmp_path: Path, secret_service: str
) -> None:
    server = mail_server()
    settings = server.settings()
    store_password(settings, "wrong-synthetic-password")
    outbox = Outbox(tmp_path / "outbox")
    sender = OutboxSender(outbox, lambda: settings, transport_for(pki))
    refused = sender.submit(build_message(settings, "auth", "t", "h", [], "1"))
    (failed,) = sender.run_once()
    assert failed.state is EntryState.NEEDS_ACTION
    server.fault = "554"
    store_password(settings)
    rejected = sender.submit(build_message(settings, "554", "t", "h", [], "1"))
    (failed,) = sender.run_once()
    assert failed.error is not None and failed.error.kind is FailureKind.REJECTED
    server.fault = None

    assert sender.settings_changed() == [refused.id]  # the 554 waits for the user
    (sent,) = sender.run_once()
    assert sent.id == refused.id and sent.state is EntryState.SENT
    assert outbox.load(rejected.id).state is EntryState.NEEDS_ACTION
    assert len(server.delivered) == 1


def test_shrink_notes_travel_with_the_entry(tmp_path: Path) -> None:
    shot = Attachment(filename="e.png", mime_type="image/png", data=screen_png(2),
                      kind=AttachmentKind.SCREENSHOT)
    msg = build_message(Settings(size_budget_mb=0.5), "s", "t", "h", [shot], "1")
    record = Outbox(tmp_path / "outbox").add(msg)
    assert record.notes == msg.notes and "256 couleurs" in record.notes[0]


def test_an_entry_carries_the_report_it_was_built_from(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox")
    msg = build_message(Settings(sender_address="a@example.test"), "Objet", "t", "<p>h</p>",
                        [], "1")
    report_id = "0b8f3c2e-4a7d-4c1e-9f00-123456789abc"
    record = outbox.add(msg, report_id=report_id)
    assert outbox.load(record.id).report_id == report_id
    # An entry written before the field existed named its report in the Message-ID only.
    state = tmp_path / "outbox" / record.id / "state.json"
    data = json.loads(state.read_text(encoding="utf-8"))
    del data["report_id"]
    data["message_id"] = f"<{report_id}.report@example.test>"
    state.write_text(json.dumps(data), encoding="utf-8")
    assert outbox.load(record.id).report_id == report_id
    plain = outbox.add(build_message(Settings(), "Objet", "t", "<p>h</p>", [], "1"))
    assert outbox.load(plain.id).report_id is None
