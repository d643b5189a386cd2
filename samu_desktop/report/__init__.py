"""The report being written: model, validation, rendering, drafts and history (no Qt)."""

from samu_desktop.report.autofill import (
    MachineFacts,
    StartTimeChoice,
    detect_machine_facts,
    new_report,
    prefill,
    start_time_choices,
)
from samu_desktop.report.drafts import DraftError, DraftListing, DraftStore
from samu_desktop.report.history import History, HistoryEntry, HistoryListing
from samu_desktop.report.model import (
    AnswerValue,
    Report,
    Reporter,
    ReportError,
    ReportStatus,
    datetime_answer,
    parse_datetime_answer,
    parse_report,
)
from samu_desktop.report.patient_data import free_text_warnings, patient_data_spans
from samu_desktop.report.render import (
    Row,
    display_value,
    render_html,
    render_json,
    render_json_data,
    render_text,
    rows,
    short_title,
    start_time,
    subject_line,
)
from samu_desktop.report.validation import Problem, is_answered, validate, visible_fields

__all__ = [
    "AnswerValue",
    "DraftError",
    "DraftListing",
    "DraftStore",
    "History",
    "HistoryEntry",
    "HistoryListing",
    "MachineFacts",
    "Problem",
    "Report",
    "ReportError",
    "ReportStatus",
    "Reporter",
    "Row",
    "StartTimeChoice",
    "datetime_answer",
    "detect_machine_facts",
    "display_value",
    "free_text_warnings",
    "is_answered",
    "new_report",
    "parse_datetime_answer",
    "parse_report",
    "patient_data_spans",
    "prefill",
    "render_html",
    "render_json",
    "render_json_data",
    "render_text",
    "rows",
    "short_title",
    "start_time",
    "start_time_choices",
    "subject_line",
    "validate",
    "visible_fields",
]
