"""Warn when a free-text answer looks like patient data: the report leaves the centre.

The detection itself is :mod:`samu_desktop.pii.text` (shared with the
screenshot detector, so that typed text and images follow one set of rules).
These are warnings, not errors: the user decides, the wizard shows where.
"""

from __future__ import annotations

from samu_desktop.i18n import translate
from samu_desktop.pii.kinds import kind_label
from samu_desktop.pii.text import TextFinding, find_patient_data
from samu_desktop.procedure.schema import TEXT_TYPES, Catalogue
from samu_desktop.report.model import Report
from samu_desktop.report.validation import Problem, visible_fields

MACHINE_FACTS = frozenset({"os", "browser_version", "crra"})


def patient_data_spans(report: Report, catalogue: Catalogue) -> dict[str, list[TextFinding]]:
    """For each visible free-text answer (and the short title), what looks like patient data.

    Keys are field ids (``"title"`` for the short title); only fields with
    findings are present. Offsets index the stored answer, for highlighting.
    """
    texts: list[tuple[str, str]] = [("title", report.title)]
    for f in visible_fields(catalogue, report):
        value = report.answers.get(f.id)
        # What the machine fills in (its OS, browser version) is not patient data,
        # even when it reads like a name ("Debian GNU/Linux 12 (bookworm)").
        if f.type in TEXT_TYPES and isinstance(value, str) and f.prefill not in MACHINE_FACTS:
            texts.append((f.id, value))
    found: dict[str, list[TextFinding]] = {}
    for field_id, text in texts:
        findings = find_patient_data(text)
        if findings:
            found[field_id] = findings
    return found


def free_text_warnings(
    report: Report, catalogue: Catalogue, language: str = "fr"
) -> list[Problem]:
    """One warning per free-text answer that seems to hold patient data."""
    labels = {
        f.id: f.label.get(language) for f in catalogue.fields_for(report.case, report.application)
    }
    labels["title"] = translate("report", "Titre court")
    warnings: list[Problem] = []
    for field_id, findings in patient_data_spans(report, catalogue).items():
        kinds = list(dict.fromkeys(kind_label(f.kind) for f in findings))
        warnings.append(
            Problem(
                field_id,
                "patient_data",
                translate(
                    "report",
                    "« {label} » semble contenir des données de patient ({kinds}) : ce texte "
                    "quitte le centre, retirez-les avant l'envoi.",
                ).format(label=labels.get(field_id, field_id), kinds=", ".join(kinds)),
                "warning",
            )
        )
    return warnings
