"""Follow-ups of a sent report: more information, the service restored, a call's trace.

A follow-up is an e-mail that answers the first one (``In-Reply-To`` and
``References`` name its Message-ID, the subject is the first one's with "Re:"),
so that a mail client or the desk's ticket system (GLPI, Zammad, OTRS) files it
in the same thread or ticket. It carries the same incident reference, and goes
through the outbox like a report. What it needs of the first message comes from
the history entry, which outlives the draft.

The call trace of cases A and C is the other way round: a first message, the
written trace of a phone call, sent only when the centre's policy asks for it.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any, Literal
from uuid import UUID, uuid4

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from samu_desktop.config.settings import Settings
from samu_desktop.i18n import translate
from samu_desktop.mail.compose import build_message
from samu_desktop.mail.message import Attachment, AttachmentKind, OutgoingMessage, make_message_id
from samu_desktop.pii.kinds import kind_label
from samu_desktop.pii.text import find_patient_data
from samu_desktop.procedure.schema import Catalogue
from samu_desktop.report.history import HistoryEntry
from samu_desktop.report.model import Report, aware, clean_text, display_datetime
from samu_desktop.report.outgoing import app_version, recipient_settings_for_case
from samu_desktop.report.patient_data import PatientDataError, require_no_patient_data
from samu_desktop.report.render import (
    clean_block,
    clean_line,
    render_html,
    render_json,
    render_text,
    subject_line,
)

FollowUpKind = Literal["information", "restored"]
JSON_SCHEMA = "samu-desktop/incident-followup"
MAX_TEXT = 5000

_WORDS = {
    "heading": "Suivi du signalement d'incident SI-SAMU",
    "reference": "Référence",
    "first": "Signalement initial",
    "information": "Informations complémentaires",
    "restored": "Le service est rétabli",
    "restored_at": "Rétablissement constaté le",
    "screenshots": "{count} copie(s) d'écran jointe(s)",
    "no_reference": "sans référence",
}


class FollowUp(BaseModel):
    """What the user adds to a sent report from the history."""

    model_config = ConfigDict(extra="forbid")

    id: UUID = Field(default_factory=uuid4)
    kind: FollowUpKind
    text: Annotated[str, StringConstraints(max_length=MAX_TEXT), BeforeValidator(clean_text)] = ""
    restored_at: AwareDatetime | None = None
    created_at: AwareDatetime
    # Flagged passages of ``text`` the user said are not patient data (exact texts).
    not_patient_data: list[Annotated[str, StringConstraints(max_length=MAX_TEXT)]] = Field(
        default_factory=list, max_length=200)

    @classmethod
    def information(cls, text: str, now: datetime | None = None) -> FollowUp:
        return cls(kind="information", text=text, created_at=_now(now))

    @classmethod
    def restored(cls, restored_at: datetime, text: str = "", now: datetime | None = None
                 ) -> FollowUp:
        return cls(kind="restored", text=text, restored_at=aware(restored_at),
                   created_at=_now(now))


def _now(now: datetime | None) -> datetime:
    return aware(now or datetime.now().astimezone())


def can_follow_up(entry: HistoryEntry) -> bool:
    """Only a report or a call trace that went (or is going) by e-mail has a thread to join."""
    return bool(entry.message_id) and entry.status in ("finished", "sent", "called")


def patient_data_warning(text: str) -> str:
    """The same check as the report's free text: a French warning, or ""."""
    findings = find_patient_data(text)
    if not findings:
        return ""
    kinds = ", ".join(dict.fromkeys(kind_label(f.kind) for f in findings))
    return translate(
        "report",
        "Ce texte semble contenir des données de patient ({kinds}) : il quitte le centre, "
        "retirez-les avant l'envoi.",
    ).format(kinds=kinds)


def followup_subject(entry: HistoryEntry, catalogue: Catalogue) -> str:
    """The first message's subject with "Re:", rebuilt from the entry if it was not kept."""
    subject = entry.subject
    if not subject:
        case = catalogue.get_case(entry.case)
        app = case.application(entry.application) if case else None
        tag = entry.case + (f"/{app.short_name.get('fr')}" if app else "")
        ref = f"[Réf. {entry.reference}]" if entry.reference else ""
        subject = f"[SI-SAMU][Incident][{tag}]{ref}"
    return subject if subject.lower().startswith("re:") else f"Re: {subject}"


def _lines(entry: HistoryEntry, followup: FollowUp, screenshots: int) -> list[tuple[str, str]]:
    out = [(_WORDS["reference"], entry.reference or _WORDS["no_reference"])]
    if entry.incident_start is not None:
        out.append((_WORDS["first"], f"début {display_datetime(entry.incident_start)}"))
    if followup.kind == "restored" and followup.restored_at is not None:
        out.append((_WORDS["restored_at"], display_datetime(followup.restored_at)))
    if screenshots:
        out.append(("", _WORDS["screenshots"].format(count=screenshots)))
    return out


def _title(followup: FollowUp) -> str:
    return _WORDS["restored"] if followup.kind == "restored" else _WORDS["information"]


def render_followup_text(entry: HistoryEntry, followup: FollowUp, screenshots: int = 0) -> str:
    heading = _WORDS["heading"]
    out = [heading, "=" * len(heading), _title(followup), ""]
    out += [f"{name} : {value}" if name else value
            for name, value in _lines(entry, followup, screenshots)]
    text = clean_block(followup.text)
    if text:
        out += ["", text]
    return "\n".join(out) + "\n"


def render_followup_html(entry: HistoryEntry, followup: FollowUp, screenshots: int = 0) -> str:
    esc = html.escape
    rows = "".join(
        f"<tr><th scope='row' style='text-align:left;padding-right:12px'>{esc(name)}</th>"
        f"<td>{esc(value)}</td></tr>"
        for name, value in _lines(entry, followup, screenshots)
    )
    text = clean_block(followup.text)
    body = f"<p>{esc(text).replace(chr(10), '<br>')}</p>" if text else ""
    return (
        "<!DOCTYPE html>\n<html lang='fr'><head><meta charset='utf-8'>"
        f"<title>{esc(_WORDS['heading'])}</title></head><body>"
        f"<h1>{esc(_WORDS['heading'])}</h1><h2>{esc(_title(followup))}</h2>"
        f"<table class='triage'>{rows}</table>{body}</body></html>\n"
    )


def followup_json(entry: HistoryEntry, followup: FollowUp, screenshots: int = 0) -> str:
    data: dict[str, Any] = {
        "schema": JSON_SCHEMA,
        "schema_version": 1,
        "reference": entry.reference,
        "report_id": str(entry.report_id) if entry.report_id else None,
        "in_reply_to": entry.message_id,
        "kind": followup.kind,
        "created_at": followup.created_at.isoformat(),
        "restored_at": followup.restored_at.isoformat() if followup.restored_at else None,
        "text": clean_block(followup.text),
        "screenshots": screenshots,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def build_followup_message(
    entry: HistoryEntry,
    followup: FollowUp,
    catalogue: Catalogue,
    settings: Settings,
    screenshots: Sequence[bytes] = (),
) -> OutgoingMessage:
    """The follow-up's e-mail, threaded under the first; MessageError (French) if impossible.

    ``screenshots`` are PNG files already masked and verified by the user.
    Raises :class:`PatientDataError` while a passage of its text flagged as
    patient data is neither removed nor cleared by the user.
    """
    left = [f for f in find_patient_data(followup.text)
            if followup.text[f.start:f.end] not in followup.not_patient_data]
    if left:
        raise PatientDataError(
            translate(
                "report",
                "Le signalement contient encore du texte qui ressemble à des données de "
                "patient : retirez-le, ou indiquez pour chaque passage signalé qu'il n'en est "
                "pas, puis envoyez à nouveau.",
            ),
            details="unconfirmed patient data in a follow-up",
        )
    attachments = [
        Attachment(filename=f"suivi-copie-ecran-{number}.png", mime_type="image/png",
                   data=data, kind=AttachmentKind.SCREENSHOT)
        for number, data in enumerate(screenshots, start=1)
    ]
    attachments.append(Attachment(
        filename="suivi.json", mime_type="application/json",
        data=followup_json(entry, followup, len(screenshots)).encode("utf-8"),
        kind=AttachmentKind.REPORT_JSON,
    ))
    return build_message(
        recipient_settings_for_case(entry.case, catalogue, settings),
        clean_line(followup_subject(entry, catalogue)),
        render_followup_text(entry, followup, len(screenshots)),
        render_followup_html(entry, followup, len(screenshots)),
        attachments,
        app_version(),
        message_id=make_message_id(f"{followup.id}.followup", settings),
        reply_to_id=entry.message_id,
        reference=entry.reference,
    )


def build_call_trace_message(
    report: Report, catalogue: Catalogue, settings: Settings, number: str,
    called_at: datetime | None = None,
) -> OutgoingMessage:
    """The written trace of a phone call to the desk (cases A and C), when the policy asks.

    Same reference as the call script the user read out, so the desk can attach
    it to the ticket opened during the call. Like a report, it is not built
    while typed text flagged as patient data is neither removed nor cleared.
    """
    require_no_patient_data(report, catalogue)
    moment = aware(called_at or datetime.now().astimezone())
    subject = report.subject or call_trace_subject(report, catalogue, settings)
    intro = (f"Trace écrite de l'appel passé au support le {display_datetime(moment)}"
             f"{f' au {clean_line(number)}' if number.strip() else ''}.")
    text = f"{intro}\n\n{render_text(report, catalogue)}"
    html_body = render_html(report, catalogue).replace(
        "<body>", f"<body><p><b>{html.escape(intro)}</b></p>", 1)
    attachment = Attachment(
        filename="signalement.json", mime_type="application/json",
        data=render_json(report, catalogue, status="called").encode("utf-8"),
        kind=AttachmentKind.REPORT_JSON,
    )
    return build_message(
        settings, subject, text, html_body, [attachment], app_version(),
        message_id=report.message_id or call_trace_message_id(report, settings),
        reference=report.reference,
    )


def call_trace_subject(report: Report, catalogue: Catalogue, settings: Settings) -> str:
    return subject_line(report, catalogue, settings).replace("[Incident]", "[Trace d'appel]", 1)


def call_trace_message_id(report: Report, settings: Settings) -> str:
    return make_message_id(f"{report.id}.call", settings)


def prepare_call_trace(report: Report, catalogue: Catalogue, settings: Settings) -> None:
    """Fix the trace's Message-ID and subject on the report, so that the call's history
    entry keeps them and follow-ups (the service restored…) thread under the trace."""
    report.message_id = call_trace_message_id(report, settings)
    report.subject = call_trace_subject(report, catalogue, settings)
