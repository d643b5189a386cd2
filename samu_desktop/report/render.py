"""The report as the support desk reads it: plain text, HTML, JSON and a subject line.

Every answered question that is visible is listed in the procedure's order with
its label. The document's language is chosen by the caller (French for the
support desk), not by the interface, so its few fixed words come from the small
table below rather than from the interface's translator.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from samu_desktop import __version__
from samu_desktop.config.settings import Settings
from samu_desktop.pii.text import find_patient_data
from samu_desktop.procedure.schema import Catalogue, FieldDef, Role
from samu_desktop.report.model import (
    PrerequisitesSummary,
    Report,
    display_datetime,
    parse_datetime_answer,
)
from samu_desktop.report.validation import has_control_characters, is_answered, visible_fields

JSON_SCHEMA = "samu-desktop/incident-report"
JSON_SCHEMA_VERSION = 1
SHORT_TITLE_MAX = 80

if TYPE_CHECKING:
    from samu_desktop.checks.model import CheckReport

_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "heading": "Signalement d'incident SI-SAMU",
        "case": "Cas {case} — {title}",
        "application": "Application",
        "crra": "CRRA",
        "reporter": "Signalé par",
        "phone": "téléphone",
        "email": "e-mail",
        "title": "Titre",
        "footer": "Formulaire version {catalogue} · samu-desktop {app} · identifiant {id}",
        "yes": "Oui",
        "no": "Non",
        "screenshot": "{count} copie d'écran jointe",
        "screenshots": "{count} copies d'écran jointes",
        "prerequisites": "résultats joints au message",
        "prerequisites_counts": "{ok} réussie(s), {warn} avertissement(s), {fail} échec(s)",
        "start": "début",
        "unknown_start": "début non renseigné",
        "no_crra": "CRRA non renseigné",
        "reference": "Référence",
        "ref_tag": "Réf.",
        "triage": "Résumé pour le tri",
        "impact": "Impact",
        "users": "Utilisateurs impactés",
        "reproducibility": "Reproductibilité",
        "start_label": "Début de l'incident",
        "not_given": "non renseigné",
        "checks": "Test des prérequis",
        "checks_none": "résultats non joints",
        "checks_summary": "{passed} vérification(s) réussie(s) sur {total}",
        "checks_failed": "en échec : {names}",
        "checks_warnings": "avertissements : {names}",
    },
    "en": {
        "heading": "SI-SAMU incident report",
        "case": "Case {case} — {title}",
        "application": "Application",
        "crra": "CRRA",
        "reporter": "Reported by",
        "phone": "phone",
        "email": "e-mail",
        "title": "Title",
        "footer": "Form version {catalogue} · samu-desktop {app} · id {id}",
        "yes": "Yes",
        "no": "No",
        "screenshot": "{count} screenshot attached",
        "screenshots": "{count} screenshots attached",
        "prerequisites": "results attached to the message",
        "prerequisites_counts": "{ok} passed, {warn} warning(s), {fail} failure(s)",
        "start": "started",
        "unknown_start": "start not given",
        "no_crra": "CRRA not set",
        "reference": "Reference",
        "ref_tag": "Ref.",
        "triage": "Summary for triage",
        "impact": "Impact",
        "users": "Users affected",
        "reproducibility": "Reproducibility",
        "start_label": "Start of the incident",
        "not_given": "not given",
        "checks": "Prerequisites test",
        "checks_none": "results not attached",
        "checks_summary": "{passed} of {total} check(s) passed",
        "checks_failed": "failed: {names}",
        "checks_warnings": "warnings: {names}",
    },
}


def _words(language: str) -> dict[str, str]:
    return _WORDS.get(language, _WORDS["fr"])


@dataclass(frozen=True)
class Row:
    """One answered question, ready to show (the wizard's review page uses these too)."""

    field: FieldDef
    label: str
    display: str


def clean_line(text: str) -> str:
    """One line of text: control and invisible characters become spaces, runs collapse."""
    out = [" " if has_control_characters(c, multiline=False) else c for c in text]
    return re.sub(r"\s+", " ", "".join(out)).strip()


def clean_block(text: str) -> str:
    """Several lines: line breaks unified, other control characters dropped."""
    text = re.sub(r"\r\n?|[\u2028\u2029]", "\n", text)
    lines = [clean_line(line.replace("\t", " ")) for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def prerequisites_text(summary: PrerequisitesSummary, language: str = "fr") -> str:
    """The prerequisites test's counts in the reader's language."""
    return _words(language)["prerequisites_counts"].format(
        ok=summary.passed, warn=summary.warnings, fail=summary.failures)


def display_value(field: FieldDef, report: Report, language: str = "fr") -> str:
    """The answer to ``field`` as words (choice labels, Oui/Non, dd/mm/yyyy HH:MM)."""
    words = _words(language)
    if field.type == "screenshots":
        count = len(report.screenshots)
        # French takes the singular for 0 and 1, English for 1 only.
        one = count <= 1 if language == "fr" else count == 1
        return words["screenshot" if one else "screenshots"].format(count=count)
    if field.type == "prerequisites_result":
        if report.prerequisites is None:
            return words["prerequisites"]
        counts = prerequisites_text(report.prerequisites, language)
        return f"{counts} — {words['prerequisites']}"
    value = report.answers.get(field.id)
    if field.type == "datetime":
        moment = parse_datetime_answer(value)
        if moment is not None:
            return display_datetime(moment)
    if field.type == "yes_no" and isinstance(value, bool):
        return words["yes"] if value else words["no"]
    if field.type in ("single_choice", "multi_choice"):
        ids = value if isinstance(value, list) else [value]
        labels = []
        for item in ids:
            choice = field.choice(item) if isinstance(item, str) else None
            labels.append(choice.label.get(language) if choice else clean_line(str(item)))
        return ", ".join(labels)
    if field.type == "long_text" and isinstance(value, str):
        return clean_block(value)
    # Short text, numbers, and whatever a damaged draft may hold.
    return clean_line(str(value))


def rows(report: Report, catalogue: Catalogue, language: str = "fr") -> list[Row]:
    """Every visible, answered question in the procedure's order."""
    return [
        # "Avez-vous tenté :" would read "Avez-vous tenté : : …".
        Row(f, f.label.get(language).rstrip(" :"), display_value(f, report, language))
        for f in visible_fields(catalogue, report)
        if is_answered(f, report)
    ]


@dataclass(frozen=True)
class ChecksSummary:
    """The prerequisites test in one line: how many checks passed, which did not."""

    passed: int
    total: int
    failed: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


def summarise_checks(checks: CheckReport) -> ChecksSummary:
    from samu_desktop.checks.model import Status  # the checks load when a report has some

    counted = [r for r in checks.results if r.status is not Status.NOT_APPLICABLE]
    return ChecksSummary(
        passed=sum(r.status is Status.PASS for r in counted),
        total=len(counted),
        failed=tuple(clean_line(r.title) for r in counted if r.status is Status.FAILURE),
        warnings=tuple(clean_line(r.title) for r in counted if r.status is Status.WARNING),
    )


TRIAGE_ROLES: tuple[Role, ...] = ("impact", "users", "reproducibility")


def _role_value(report: Report, catalogue: Catalogue, role: Role, language: str,
                short: bool = False) -> str | None:
    """The answer of the field with ``role``: None when the form has no such field,
    "" when it is not answered. ``short`` keeps a choice's label before its
    parenthesis ("Total (l'ensemble…)" → "Total")."""
    field = catalogue.field_with_role(report.case, report.application, role)
    if field is None:
        return None
    if not is_answered(field, report):
        return ""
    value = display_value(field, report, language)
    return value.split(" (")[0].strip() if short else value


def triage_rows(
    report: Report, catalogue: Catalogue, language: str = "fr",
    checks: ChecksSummary | None = None,
) -> list[tuple[str, str]]:
    """What the support desk needs to sort the report, before reading any field."""
    words = _words(language)
    out: list[tuple[str, str]] = []
    if report.reference:
        out.append((words["reference"], report.reference))
    for role in TRIAGE_ROLES:
        value = _role_value(report, catalogue, role, language)
        if value is not None or role == "impact":
            out.append((words[role], value or words["not_given"]))
    start = start_time(report, catalogue)
    out.append((words["start_label"], display_datetime(start) if start else words["not_given"]))
    has_checks = any(f.type == "prerequisites_result"
                     for f in catalogue.fields_for(report.case, report.application))
    if has_checks:
        out.append((words["checks"], _checks_text(checks, words)))
    return out


def _checks_text(checks: ChecksSummary | None, words: dict[str, str]) -> str:
    if checks is None:
        return words["checks_none"]
    parts = [words["checks_summary"].format(passed=checks.passed, total=checks.total)]
    if checks.failed:
        parts.append(words["checks_failed"].format(names=", ".join(checks.failed)))
    if checks.warnings:
        parts.append(words["checks_warnings"].format(names=", ".join(checks.warnings)))
    return " ; ".join(parts)


def start_time(report: Report, catalogue: Catalogue) -> datetime | None:
    start = catalogue.field_with_role(report.case, report.application, "start")
    return None if start is None else parse_datetime_answer(report.answers.get(start.id))


def short_title(report: Report, catalogue: Catalogue, language: str = "fr") -> str:
    """The user's title, else the description's first line, else the tool's name.

    Free text that the patient-data detectors flag is never used, even when
    the user said it is not patient data: the subject is the most copied part
    of an e-mail (ticket lists, mail logs), the body alone carries that text.
    """
    title = clean_line(report.title)
    if find_patient_data(title):
        title = ""
    if not title and not report.title.strip():
        summary = catalogue.field_with_role(report.case, report.application, "summary")
        value = report.answers.get(summary.id) if summary else None
        if isinstance(value, str):
            title = next((clean_line(x) for x in clean_block(value).split("\n") if x.strip()), "")
            if find_patient_data(title):
                title = ""
    if not title:
        title = _form_name(report, catalogue, language)
    if len(title) > SHORT_TITLE_MAX:
        title = title[: SHORT_TITLE_MAX - 1].rstrip() + "…"
    return title


def _form_name(report: Report, catalogue: Catalogue, language: str) -> str:
    case = catalogue.get_case(report.case)
    if case is None:
        return clean_line(f"Incident {report.case}")
    app = case.application(report.application)
    return (app.name if app else case.title).get(language)


def subject_line(
    report: Report, catalogue: Catalogue, settings: Settings, language: str = "fr"
) -> str:
    """``[SI-SAMU][Incident][B/Bandeau][Impact : Total][FR680][Réf. FR680-061226-K7QM]
    <titre court> — début dd/mm/yyyy HH:MM``: what a desk sorts on, in one line."""
    words = _words(language)
    case = catalogue.get_case(report.case)
    app = case.application(report.application) if case else None
    tags = [
        "SI-SAMU", "Incident",
        clean_line(report.case) + (f"/{app.short_name.get(language)}" if app else ""),
    ]
    impact = _role_value(report, catalogue, "impact", language, short=True)
    users = _role_value(report, catalogue, "users", language)
    if impact:
        tags.append(f"{words['impact']} : {impact}")
    elif users:
        tags.append(f"{words['users']} : {users}")
    tags.append(clean_line(settings.crra_id or report.reporter.crra_id) or words["no_crra"])
    if report.reference:
        tags.append(f"{words['ref_tag']} {report.reference}")
    start = start_time(report, catalogue)
    when = f"{words['start']} {display_datetime(start)}" if start else words["unknown_start"]
    subject = "".join(f"[{clean_line(tag)}]" for tag in tags)
    return clean_line(f"{subject} {short_title(report, catalogue, language)} — {when}")


def _header(report: Report, catalogue: Catalogue, language: str) -> list[tuple[str, str]]:
    words = _words(language)
    case = catalogue.get_case(report.case)
    lines: list[tuple[str, str]] = []
    app = case.application(report.application) if case else None
    if app is not None:
        lines.append((words["application"], app.name.get(language)))
    who = report.reporter
    if who.crra_id or who.centre_name:
        crra = " — ".join(x for x in (clean_line(who.crra_id), clean_line(who.centre_name)) if x)
        lines.append((words["crra"], crra))
    contact = [clean_line(who.name)]
    if who.phone:
        contact.append(f"{words['phone']} {clean_line(who.phone)}")
    if who.email:
        contact.append(f"{words['email']} {clean_line(who.email)}")
    if any(contact):
        lines.append((words["reporter"], ", ".join(x for x in contact if x)))
    if report.title.strip():
        lines.append((words["title"], clean_line(report.title)))
    return lines


def _case_line(report: Report, catalogue: Catalogue, language: str) -> str:
    case = catalogue.get_case(report.case)
    title = case.title.get(language) if case else "?"
    return _words(language)["case"].format(case=clean_line(report.case), title=title)


def _footer(report: Report, language: str) -> str:
    return _words(language)["footer"].format(
        catalogue=clean_line(report.catalogue_version), app=__version__, id=report.id
    )


def render_text(report: Report, catalogue: Catalogue, language: str = "fr",
                checks: ChecksSummary | None = None) -> str:
    words = _words(language)
    heading = words["heading"]
    out = [heading, "=" * len(heading)]
    if report.reference:
        out.append(f"{words['reference']} : {report.reference}")
    out.append(_case_line(report, catalogue, language))
    out.append("")
    out.append(f"{words['triage']} :")
    out += [f"  - {name} : {value}" for name, value in triage_rows(report, catalogue, language,
                                                                     checks)
            if name != words["reference"]]
    out.append("")
    out += [f"{name} : {value}" for name, value in _header(report, catalogue, language)]
    out.append("")
    for row in rows(report, catalogue, language):
        if "\n" in row.display:
            out.append(f"{row.label} :")
            out += ["    " + line for line in row.display.split("\n")]
        else:
            out.append(f"{row.label} : {row.display}")
    out += ["", "-- ", _footer(report, language)]
    return "\n".join(out) + "\n"


def render_html(report: Report, catalogue: Catalogue, language: str = "fr",
                checks: ChecksSummary | None = None) -> str:
    """A whole HTML document; every value is escaped."""
    esc = html.escape
    words = _words(language)
    heading = words["heading"]
    triage = "".join(
        f"<tr><th scope='row' style='text-align:left;padding:2px 12px 2px 0'>{esc(name)}</th>"
        f"<td style='padding:2px 0'>{esc(value)}</td></tr>"
        for name, value in triage_rows(report, catalogue, language, checks)
    )
    reference = (f"<p style='font-size:1.2em'>{esc(words['reference'])} : "
                 f"<b>{esc(report.reference)}</b></p>" if report.reference else "")
    head = "".join(
        f"<tr><th scope='row'>{esc(name)}</th><td>{esc(value)}</td></tr>"
        for name, value in _header(report, catalogue, language)
    )
    body = "".join(
        f"<tr><th scope='row'>{esc(row.label)}</th>"
        f"<td>{esc(row.display).replace(chr(10), '<br>')}</td></tr>"
        for row in rows(report, catalogue, language)
    )
    lang = "en" if language == "en" else "fr"
    return (
        f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{esc(heading)}</title></head><body>"
        f"<h1>{esc(heading)}</h1>{reference}"
        f"<h2>{esc(_case_line(report, catalogue, language))}</h2>"
        f"<table class='triage' style='background:#fff4ce;border:2px solid #8a5a00;"
        f"padding:6px;margin-bottom:12px'><caption style='text-align:left;font-weight:bold'>"
        f"{esc(words['triage'])}</caption>{triage}</table>"
        f"<table class='header'>{head}</table>"
        f"<table class='answers' border='1' cellpadding='4' cellspacing='0'>{body}</table>"
        f"<p><small>{esc(_footer(report, language))}</small></p></body></html>\n"
    )


def render_json_data(
    report: Report, catalogue: Catalogue, language: str = "fr", status: str | None = None,
    checks: ChecksSummary | None = None,
) -> dict[str, Any]:
    """``status`` overrides the report's own (the e-mail's copy says "sent")."""
    case = catalogue.get_case(report.case)
    app = case.application(report.application) if case else None
    fields: list[dict[str, Any]] = []
    for row in rows(report, catalogue, language):
        f = row.field
        value: Any = report.answers.get(f.id)
        if f.type == "screenshots":
            value = list(report.screenshots)
        elif f.type == "prerequisites_result":
            value = (None if report.prerequisites is None
                     else report.prerequisites.model_dump(mode="json"))
        fields.append(
            {"id": f.id, "type": f.type, "label": row.label, "value": value,
             "display": row.display}
        )
    return {
        "schema": JSON_SCHEMA,
        "schema_version": JSON_SCHEMA_VERSION,
        "app_version": __version__,
        "catalogue_version": report.catalogue_version,
        "language": "en" if language == "en" else "fr",
        "report": {
            "id": str(report.id),
            "reference": report.reference,
            "status": status or report.status,
            "created_at": report.created_at.isoformat(),
            "updated_at": report.updated_at.isoformat(),
            "title": short_title(report, catalogue, language),
        },
        "case": {"id": report.case, "title": case.title.get(language) if case else None},
        "application": None if app is None else {
            "id": app.id, "name": app.name.get(language), "short_name": app.short_name.get(language)
        },
        "reporter": report.reporter.model_dump(mode="json"),
        "fields": fields,
        "screenshots": list(report.screenshots),
        "prerequisites": (None if report.prerequisites is None
                          else report.prerequisites.model_dump(mode="json")),
        "triage": {
            "impact": _role_value(report, catalogue, "impact", language),
            "users": _role_value(report, catalogue, "users", language),
            "reproducibility": _role_value(report, catalogue, "reproducibility", language),
            "start": start.isoformat() if (start := start_time(report, catalogue)) else None,
            "checks": None if checks is None else {
                "passed": checks.passed, "total": checks.total,
                "failed": list(checks.failed), "warnings": list(checks.warnings),
            },
        },
    }


def render_json(report: Report, catalogue: Catalogue, language: str = "fr",
                status: str | None = None, checks: ChecksSummary | None = None) -> str:
    return json.dumps(
        render_json_data(report, catalogue, language, status, checks), ensure_ascii=False,
        indent=2,
    ) + "\n"
