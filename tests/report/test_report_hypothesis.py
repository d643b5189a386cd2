"""No report, however odd, crashes validation or rendering; bad input gets French words."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samu_desktop.config.settings import Settings
from samu_desktop.procedure import Catalogue, load_catalogue
from samu_desktop.report.model import Report, Reporter, ReportError, parse_report
from samu_desktop.report.patient_data import free_text_warnings
from samu_desktop.report.render import (
    render_html,
    render_json,
    render_text,
    short_title,
    subject_line,
)
from samu_desktop.report.validation import validate

CATALOGUE: Catalogue = load_catalogue()
FIELD_IDS = sorted({f.id for case, app in CATALOGUE.scopes()
                    for f in CATALOGUE.fields_for(case.id, app.id if app else None)})
APP_IDS = sorted({a.id for c in CATALOGUE.cases for a in c.applications})
CHOICE_IDS = sorted({c.id for case, app in CATALOGUE.scopes()
                     for f in CATALOGUE.fields_for(case.id, app.id if app else None)
                     for c in f.choices})
NOW = datetime(2026, 11, 3, 14, 5, tzinfo=timezone(timedelta(hours=1)))
CODES = {"unknown_case", "missing_application", "unknown_application", "unexpected_application",
         "catalogue_version", "required", "future", "invalid_datetime", "too_long",
         "control_characters", "invalid_choice", "negative", "not_integer", "too_large",
         "invalid_type"}

# Every character, lone surrogates and control characters included.
any_text = st.text(st.characters(exclude_categories=()), max_size=60)
datetimes = st.datetimes(
    min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30),
    timezones=st.none() | st.timezones() | st.just(timezone(timedelta(hours=-23, minutes=-59))),
)
answer = st.one_of(
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    any_text,
    st.text(max_size=6000),
    st.sampled_from([*CHOICE_IDS, "yes", "no", "", " "]),
    datetimes.map(lambda d: d.isoformat()),
    st.lists(st.sampled_from(CHOICE_IDS) | any_text, max_size=5),
)
reports = st.builds(
    Report,
    case=st.sampled_from(["A", "B", "C", "D"]) | st.text(min_size=1, max_size=8),
    application=st.none() | st.sampled_from(APP_IDS) | st.text(max_size=40),
    catalogue_version=st.just(CATALOGUE.version) | st.text(max_size=40),
    answers=st.dictionaries(st.sampled_from(FIELD_IDS) | st.text(max_size=64), answer,
                            max_size=25),
    title=any_text,
    created_at=st.just(NOW),
    updated_at=st.just(NOW),
    status=st.sampled_from(["draft", "finished", "sent"]),
    screenshots=st.lists(st.text(min_size=1, max_size=100), max_size=3),
    prerequisites=st.none() | st.text(min_size=1, max_size=200),
    reporter=st.builds(Reporter, crra_id=st.text(max_size=40), centre_name=any_text,
                       name=any_text),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports, st.sampled_from(["fr", "en"]))
def test_validate_and_render_never_crash(report: Report, language: str) -> None:
    for problem in validate(report, CATALOGUE, now=NOW, language=language):
        assert problem.code in CODES
        assert problem.message.strip() and "Traceback" not in problem.message
    for warning in free_text_warnings(report, CATALOGUE, language):
        # Typed patient data holds back sending until removed or confirmed (issue 17).
        assert warning.blocking and warning.code == "patient_data" and warning.message
    text = render_text(report, CATALOGUE, language)
    assert text.endswith("\n")
    render_html(report, CATALOGUE, language).encode("utf-8")  # no lone surrogate left
    data = json.loads(render_json(report, CATALOGUE, language))
    assert data["schema_version"] == 1
    subject = subject_line(report, CATALOGUE, Settings(), language)
    assert "\n" not in subject and "\r" not in subject and subject.startswith("[SI-SAMU]")
    assert 0 < len(short_title(report, CATALOGUE, language)) <= 80


@settings(max_examples=200, deadline=None)
@given(reports)
def test_a_saved_report_reads_back_identical(report: Report) -> None:
    raw = report.model_dump_json().encode("utf-8")
    assert parse_report(raw) == report


json_documents = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(list(Report.model_fields)) | st.text(max_size=10), inner, max_size=6),
    max_leaves=12,
)


def _parse_or_french(raw: bytes) -> None:
    try:
        parse_report(raw)
    except ReportError as exc:
        assert exc.user_message.startswith("Ce signalement enregistré")


@settings(max_examples=200, deadline=None)
@given(json_documents)
def test_bad_saved_reports_get_a_french_message(document: Any) -> None:
    _parse_or_french(json.dumps(document).encode("utf-8", "surrogatepass"))


@settings(max_examples=100, deadline=None)
@given(reports, st.integers(min_value=0), st.binary(max_size=8))
def test_damaged_bytes_of_a_real_report(report: Report, cut: int, noise: bytes) -> None:
    raw = report.model_dump_json().encode("utf-8")
    cut %= len(raw)
    _parse_or_french(raw[:cut] + noise + raw[cut + len(noise):])


def test_a_lone_surrogate_is_replaced_not_refused() -> None:
    report = Report.new("D", None, CATALOGUE.version, NOW)
    report.set_answer("description", "avant \udc80 après")
    assert report.answer("description") == "avant \ufffd après"
    report.title = "\ud800"
    assert report.title == "\ufffd"
