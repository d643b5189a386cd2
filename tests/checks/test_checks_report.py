"""JSON, HTML and text reports, and the exit code rule."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from html.parser import HTMLParser

from samu_desktop.checks import (
    CheckReport,
    CheckResult,
    MachineInfo,
    Status,
    exit_code,
    report_filename,
    report_from_json,
    report_to_html,
    report_to_json,
    report_to_text,
)


def make_report(*statuses: Status, **extra: object) -> CheckReport:
    results = [
        CheckResult(id=f"c{i}", title=f"Vérification {i}", status=s,
                    explanation=f"Explication {i}", action="Faire ceci." if i else "",
                    details={"k": i, "liste": [1, "deux"], "sous": {"a": None}},
                    duration_s=0.0123)
        for i, s in enumerate(statuses)
    ]
    return CheckReport(
        app_version="0.1.0", generated_at=datetime(2026, 11, 27, 9, 30, tzinfo=UTC),
        environment="formation", auth_mode="cps",
        machine=MachineInfo(hostname="poste-test", system="Windows 11 Pro",
                            system_version="23H2 22631.4460", architecture="AMD64",
                            python="3.11.7"),
        versions={"Firefox": "128.5.0esr"}, results=results, duration_s=1.5, **extra)


def test_exit_codes() -> None:
    assert exit_code(make_report(Status.PASS, Status.NOT_APPLICABLE)) == 0
    assert exit_code(make_report(Status.PASS, Status.WARNING)) == 1
    assert exit_code(make_report(Status.WARNING, Status.FAILURE, Status.PASS)) == 2


def test_json_round_trip_and_overall_status() -> None:
    report = make_report(Status.PASS, Status.FAILURE)
    text = report_to_json(report)
    data = json.loads(text)
    assert data["status"] == "failure"
    assert data["results"][1]["status"] == "failure"
    assert data["versions"] == {"Firefox": "128.5.0esr"}
    assert report_from_json(text) == report


def test_html_escapes_everything_and_is_well_formed() -> None:
    report = make_report(Status.WARNING)
    hostile = report.results[0].model_copy(update={
        "explanation": "<script>alert(1)</script>",
        "details": {"<b>clé</b>": "<img src=x onerror=alert(1)>"},
    })
    page = report_to_html(report.with_result(hostile))
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page

    class Collector(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.text: list[str] = []
            self.tags: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append(tag)

        def handle_data(self, data: str) -> None:
            self.text.append(data)

    parser = Collector()
    parser.feed(page)
    text = " ".join(parser.text)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert "poste-test" in text and "Carte de la famille CPS" in text
    assert "128.5.0esr" in text and "Avertissement" in text


def test_text_summary_lists_actions_for_problems_only() -> None:
    text = report_to_text(make_report(Status.PASS, Status.FAILURE))
    assert "[Échec] Vérification 1 : Explication 1" in text
    assert "→ Faire ceci." in text
    assert text.count("→") == 1
    assert "Au moins un prérequis n'est pas rempli." in text


def test_rerun_replaces_one_result() -> None:
    report = make_report(Status.FAILURE, Status.PASS)
    fixed = report.results[0].model_copy(update={"status": Status.PASS,
                                                 "versions": {"Cryptolib CPS": "5.2.2"}})
    updated = report.with_result(fixed)
    assert [r.status for r in updated.results] == [Status.PASS, Status.PASS]
    assert updated.versions["Cryptolib CPS"] == "5.2.2"
    assert report.status is Status.FAILURE  # the original is untouched


def test_cancelled_report_says_so() -> None:
    report = make_report(Status.PASS, cancelled=True)
    assert "interrompu" in report_to_text(report)
    assert report_filename(report, "json") == "prerequis-20261127-093000.json"
