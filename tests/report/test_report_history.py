"""The history of finished and sent reports and of support calls, on real files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from samu_desktop.config.paths import AppPaths
from samu_desktop.procedure import Catalogue
from samu_desktop.report.history import History
from samu_desktop.report.model import Report

Filler = Callable[[str, str | None], Report]  # the ``filled`` fixture


@pytest.fixture
def history(catalogue: Catalogue) -> History:
    return History(AppPaths.default(), catalogue)


def test_record_report_and_update_its_status(
    history: History, filled: Filler, now: datetime
) -> None:
    report = filled("B", "bandeau")
    report.status = "finished"
    first = history.record_report(report, now)
    assert (first.kind, first.case, first.application, first.status) == (
        "report", "B", "bandeau", "finished"
    )
    assert first.incident_start == now - timedelta(minutes=15)
    report.status = "sent"
    later = now + timedelta(minutes=3)
    second = history.record_report(report, later)
    entries = history.entries()
    assert len(entries) == 1  # one line per report, its status updated
    assert entries[0].status == "sent"
    assert entries[0].recorded_at == now and entries[0].updated_at == later
    assert second == entries[0]


def test_a_draft_is_not_history(history: History, filled: Filler) -> None:
    with pytest.raises(ValueError):
        history.record_report(filled("A", None))


def test_record_calls_for_cases_a_and_c(
    history: History, filled: Filler, now: datetime
) -> None:
    call_a = history.record_call(filled("A", None), " 00 00 00 00 01 ", now)
    call_c = history.record_call(filled("C", None), "00 00 00 00 02", now + timedelta(minutes=1))
    again = history.record_call(filled("A", None), "00 00 00 00 01", now + timedelta(minutes=2))
    entries = history.entries()
    assert [e.id for e in entries] == [again.id, call_c.id, call_a.id]  # newest first
    assert all(e.kind == "call" and e.status == "called" for e in entries)
    assert call_a.number == "00 00 00 00 01"
    assert call_c.case == "C" and call_c.incident_start is not None


def test_history_holds_no_typed_text(history: History, filled: Filler) -> None:
    report = filled("D", None)
    report.set_answer("description", "TEXTE-SYNTHETIQUE-QUI-NE-DOIT-PAS-FUIR")
    report.title = "TITRE-SYNTHETIQUE"
    report.status = "finished"
    history.record_report(report)
    history.record_call(report, "00")
    for path in history.directory.iterdir():
        content = path.read_text(encoding="utf-8")
        assert "SYNTHETIQUE" not in content


def test_a_damaged_entry_is_set_aside(history: History, filled: Filler) -> None:
    report = filled("C", None)
    history.record_call(report, "00")
    (history.directory / "abîmé.json").write_text("{", encoding="utf-8")
    listing = history.list_entries()
    assert len(listing.entries) == 1
    assert len(listing.messages) == 1 and "mise de côté" in listing.messages[0]
    assert not (history.directory / "abîmé.json").exists()
    assert list(AppPaths.default().quarantine_dir.iterdir())


def test_a_damaged_report_entry_is_replaced_when_recorded_again(
    history: History, filled: Filler, now: datetime
) -> None:
    report = filled("B", "portail")
    report.status = "finished"
    history.record_report(report, now)
    (history.directory / f"{report.id}.json").write_text("garbage", encoding="utf-8")
    report.status = "sent"
    history.record_report(report, now)
    assert [e.status for e in history.entries()] == ["sent"]


def test_empty_history(history: History) -> None:
    assert history.entries() == []
