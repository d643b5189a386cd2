"""The report being written: model, validation, rendering, drafts and history (no Qt)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from samu_desktop.lazy import lazy_attributes

if TYPE_CHECKING:
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

# Each name loads its module on first use: importing the package stays cheap,
# which keeps the application's start quick.
_SOURCES: dict[str, str] = {
    "MachineFacts": "samu_desktop.report.autofill",
    "StartTimeChoice": "samu_desktop.report.autofill",
    "detect_machine_facts": "samu_desktop.report.autofill",
    "new_report": "samu_desktop.report.autofill",
    "prefill": "samu_desktop.report.autofill",
    "start_time_choices": "samu_desktop.report.autofill",
    "DraftError": "samu_desktop.report.drafts",
    "DraftListing": "samu_desktop.report.drafts",
    "DraftStore": "samu_desktop.report.drafts",
    "History": "samu_desktop.report.history",
    "HistoryEntry": "samu_desktop.report.history",
    "HistoryListing": "samu_desktop.report.history",
    "AnswerValue": "samu_desktop.report.model",
    "Report": "samu_desktop.report.model",
    "Reporter": "samu_desktop.report.model",
    "ReportError": "samu_desktop.report.model",
    "ReportStatus": "samu_desktop.report.model",
    "datetime_answer": "samu_desktop.report.model",
    "parse_datetime_answer": "samu_desktop.report.model",
    "parse_report": "samu_desktop.report.model",
    "free_text_warnings": "samu_desktop.report.patient_data",
    "patient_data_spans": "samu_desktop.report.patient_data",
    "Row": "samu_desktop.report.render",
    "display_value": "samu_desktop.report.render",
    "render_html": "samu_desktop.report.render",
    "render_json": "samu_desktop.report.render",
    "render_json_data": "samu_desktop.report.render",
    "render_text": "samu_desktop.report.render",
    "rows": "samu_desktop.report.render",
    "short_title": "samu_desktop.report.render",
    "start_time": "samu_desktop.report.render",
    "subject_line": "samu_desktop.report.render",
    "Problem": "samu_desktop.report.validation",
    "is_answered": "samu_desktop.report.validation",
    "validate": "samu_desktop.report.validation",
    "visible_fields": "samu_desktop.report.validation",
}

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


__getattr__ = lazy_attributes(__name__, _SOURCES)
