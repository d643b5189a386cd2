"""From an outage to the report: the right form, the measured start, nothing invented,
and a timeline a person (here, an OCR engine) reads at 100 %."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from uuid import uuid4

from PIL import Image

from samu_desktop.config.monitoring import MonitorEndpoint
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.monitor.journal import Journal
from samu_desktop.monitor.model import ErrorClass, Step, probe_record
from samu_desktop.monitor.outage_report import (
    EXTRACT_FILE,
    TIMELINE_FILE,
    attach_evidence,
    down_text,
    outage_report,
    recovery,
    up_text,
)
from samu_desktop.monitor.timeline import render_timeline
from samu_desktop.monitor.transitions import Outage
from samu_desktop.pii.ocr import default_engine
from samu_desktop.procedure import load_catalogue
from samu_desktop.report.attachments import ReportAttachments
from samu_desktop.report.autofill import MachineFacts
from samu_desktop.report.model import parse_datetime_answer
from samu_desktop.report.outgoing import file_attachments

PARIS = timezone(timedelta(hours=1))
# 06/12/2026 10:28:30 in Paris (winter time).
START = int(datetime(2026, 12, 6, 10, 28, 30, tzinfo=PARIS).timestamp() * 1000)
PORTAL = MonitorEndpoint(id="portail-production", kind="https",
                         target="https://portail.si-samu.example", application="portail",
                         environment="production")
SESSION = MonitorEndpoint(id="bandeau-session-server", kind="websocket",
                          target="wss://session.si-samu.example/ws", application="bandeau")
SMTP = MonitorEndpoint(id="relais-smtp", kind="smtp", target="smtp.hopital.example:587")


def _outage(ended: int | None = None) -> Outage:
    return Outage("portail-production", START, START + 60_000,
                  [(Step.TLS, ErrorClass.TIMEOUT), (Step.TCP, ErrorClass.REFUSED)], ended)


def test_the_notification_says_what_and_since_when() -> None:
    assert down_text(PORTAL, _outage(), PARIS) == (
        "Le portail SI-SAMU ne répond plus depuis 10:28 — signaler ?")
    assert up_text(PORTAL, _outage(START + 13 * 60_000), PARIS) == (
        "Le portail SI-SAMU répond de nouveau depuis 10:41 — signaler le rétablissement ?")
    smtp = Outage("relais-smtp", START, START)
    assert down_text(SMTP, smtp, PARIS).startswith("Le service « relais-smtp » ne répond plus")


def test_the_report_is_prefilled_with_what_the_journal_knows_and_nothing_else() -> None:
    catalogue = load_catalogue()
    settings = Settings(environment="formation", crra_id="FR999")
    report = outage_report(catalogue, settings, MachineFacts(os_name="Linux"), PORTAL,
                           _outage(), tz=PARIS)
    assert (report.case, report.application) == ("B", "portail")
    assert parse_datetime_answer(report.answers["start"]) == datetime(
        2026, 12, 6, 10, 28, 30, tzinfo=PARIS)
    # The endpoint's environment, not the workstation's default.
    assert report.answers["environment"] == "production"
    description = str(report.answers["description"])
    assert "06/12/2026 10:28" in description
    assert "négociation TLS : pas de réponse dans le délai" in description
    assert "connexion TCP : connexion refusée" in description
    # How many are affected is the user's to say: never filled by the monitor.
    assert "users_count" not in report.answers and "impact" not in report.answers
    assert "poste" in description and "postes" not in description

    banner = outage_report(catalogue, settings, MachineFacts(), SESSION,
                           Outage("bandeau-session-server", START, START), tz=PARIS)
    assert banner.application == "bandeau" and "impact" not in banner.answers
    local_it = outage_report(catalogue, settings, MachineFacts(), SMTP,
                             Outage("relais-smtp", START, START), tz=PARIS)
    assert (local_it.case, local_it.application) == ("D", None)
    assert "category" not in local_it.answers and "start" in local_it.answers


def _journal(folder: Path) -> Journal:
    journal = Journal(folder)
    for n in range(-240, 60):  # two hours before the outage, thirty minutes of it
        t = START + n * 30_000
        down = n >= 0
        journal.append([
            probe_record("portail-production", t, not down, Step.TCP if down else Step.HTTP,
                         3 if down else 80 + (n % 7) * 10,
                         ErrorClass.REFUSED if down else ErrorClass.NONE, None if down else 200),
            probe_record("bandeau-session-server", t, True, Step.WEBSOCKET, 40),
        ])
    return journal


def test_evidence_is_attached_and_goes_with_the_e_mail(tmp_path: Path) -> None:
    journal = _journal(tmp_path / "journal")
    store = ReportAttachments(AppPaths.default(), uuid4())
    now = START + 30 * 60_000
    attach_evidence(store, journal, [PORTAL, SESSION], PORTAL, _outage(), now, tz=PARIS)
    files = store.monitor_files()
    extract = json.loads(files[EXTRACT_FILE])
    assert extract["outage"]["start"] == "2026-12-06T09:28:30+00:00"
    assert extract["outage"]["end"] is None
    assert {r["e"] for r in extract["records"]} == {"portail-production"}
    assert set(extract["records"][0]) == {"v", "ev", "e", "t", "ok", "step", "ms", "err",
                                          "http", "steps", "since"}
    sent = {a.filename: a for a in file_attachments(store)}
    assert sent[TIMELINE_FILE].mime_type == "image/png"
    assert not sent[TIMELINE_FILE].shrinkable  # a chart is not re-encoded to fit
    assert sent[EXTRACT_FILE].data == files[EXTRACT_FILE]
    # The checks' files are replaced when the test runs again; the evidence stays.
    store.save_file("prerequis.json", b"{}")
    store.clear_files()
    assert set(store.monitor_files()) == {TIMELINE_FILE, EXTRACT_FILE}


def test_the_timeline_reads_at_100_percent(tmp_path: Path) -> None:
    journal = _journal(tmp_path / "journal")
    now = START + 30 * 60_000
    records = journal.read(since_ms=now - 3 * 3_600_000).records
    png = render_timeline(records, [PORTAL.id, SESSION.id], now - 3 * 3_600_000, now,
                          (PORTAL.id, START, None), tz=PARIS)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.width == 960 and image.height < 400  # fits an e-mail without scrolling
    read = " ".join(w.text for w in default_engine().words(image))
    for expected in ("portail-production", "bandeau-session-server", "10:28", "début",
                     "Surveillance"):
        assert expected in read, (expected, read)
    # Red probes in the portal's strip after the start, green before; green for the other.
    def strip_colour(row: int, ms: int) -> tuple[int, int, int]:
        x = round(200 + (ms - (now - 3 * 3_600_000)) / (3 * 3_600_000) * (960 - 224))
        pixel = image.getpixel((x, 80 + row * 74 + 6 + 44 + 4 + 7))
        assert isinstance(pixel, tuple)
        return pixel[0], pixel[1], pixel[2]
    after, before = strip_colour(0, START + 10 * 60_000), strip_colour(0, START - 60 * 60_000)
    assert after[0] > 150 and after[1] < 120, after
    assert before[1] > 100 and before[0] < 100, before
    other = strip_colour(1, START + 10 * 60_000)
    assert other[1] > 100 and other[0] < 100, other


def test_recovery_carries_the_end_time_for_the_follow_up() -> None:
    report_id = uuid4()
    offer = recovery(report_id, PORTAL, _outage(START + 13 * 60_000), PARIS)
    assert offer.report_id == report_id and offer.endpoint_id == "portail-production"
    assert offer.ended_at == datetime(2026, 12, 6, 10, 41, 30, tzinfo=PARIS)
    assert offer.started_at == datetime(2026, 12, 6, 10, 28, 30, tzinfo=PARIS)
    assert "06/12/2026 10:41" in offer.text and "06/12/2026 10:28" in offer.text


def test_nothing_answers_opens_a_report_for_the_local_it() -> None:
    from samu_desktop.monitor.outage_report import local_down_text, local_outage_report

    outages = [_outage(), Outage("relais-smtp", START + 30_000, START + 60_000)]
    report = local_outage_report(load_catalogue(), Settings(), MachineFacts(), outages,
                                 tz=PARIS)
    assert (report.case, report.application) == ("D", None)
    assert parse_datetime_answer(report.answers["start"]) == datetime(
        2026, 12, 6, 10, 28, 30, tzinfo=PARIS)
    assert "portail-production, relais-smtp" in str(report.answers["description"])
    assert "category" not in report.answers
    assert local_down_text(START, PARIS).startswith(
        "Aucun des services surveillés ne répond depuis 10:28")
