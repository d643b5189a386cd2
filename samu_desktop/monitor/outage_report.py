"""From an outage the monitor saw to what the user sees: notification texts, the
prefilled report, its timeline picture and journal extract, and the recovery offer.

A failure of an application's endpoint opens a case-B report on that
application; a failure of the centre's own infrastructure (DNS, SMTP relay,
time server) a case-D report for the local IT. The report says what this
workstation saw, and nothing more: how many workstations of the centre are
affected is left for the user to answer (the monitor cannot know it).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from uuid import UUID

from samu_desktop.config.monitoring import MonitorEndpoint
from samu_desktop.config.settings import Settings
from samu_desktop.i18n import QT_TRANSLATE_NOOP, translate
from samu_desktop.monitor.journal import Journal
from samu_desktop.monitor.model import ErrorClass, Record, Step
from samu_desktop.monitor.timeline import render_timeline
from samu_desktop.monitor.transitions import Outage
from samu_desktop.procedure.schema import Catalogue
from samu_desktop.report.attachments import ReportAttachments
from samu_desktop.report.autofill import MachineFacts, new_report
from samu_desktop.report.model import Report, display_datetime

TIMELINE_FILE = "chronologie-surveillance.png"
EXTRACT_FILE = "journal-surveillance.json"
EXTRACT_FORMAT = "samu-desktop-monitor-extract"
# How much of the journal goes with a report: the hours before the outage matter
# (when did it start to slow down?), capped to keep the picture readable.
WINDOW_MS = 3 * 3_600_000

# "Down" sentences per application: the subject decides the verb's agreement.
_DOWN = {
    "portail": QT_TRANSLATE_NOOP("monitor", "Le portail SI-SAMU ne répond plus depuis {time}"),
    "bandeau": QT_TRANSLATE_NOOP(
        "monitor", "Le bandeau de communication (Session Server) ne répond plus depuis {time}"),
    "nice": QT_TRANSLATE_NOOP(
        "monitor", "Les enregistrements des communications ne répondent plus depuis {time}"),
    "statistiques": QT_TRANSLATE_NOOP(
        "monitor", "Le portail des statistiques ne répond plus depuis {time}"),
    "selfcare": QT_TRANSLATE_NOOP("monitor", "Le Selfcare ne répond plus depuis {time}"),
    None: QT_TRANSLATE_NOOP("monitor", "Le service « {endpoint} » ne répond plus depuis {time}"),
}
_UP = {
    "portail": QT_TRANSLATE_NOOP("monitor", "Le portail SI-SAMU répond de nouveau depuis {time}"),
    "bandeau": QT_TRANSLATE_NOOP(
        "monitor", "Le bandeau de communication (Session Server) répond de nouveau depuis {time}"),
    "nice": QT_TRANSLATE_NOOP(
        "monitor", "Les enregistrements des communications répondent de nouveau depuis {time}"),
    "statistiques": QT_TRANSLATE_NOOP(
        "monitor", "Le portail des statistiques répond de nouveau depuis {time}"),
    "selfcare": QT_TRANSLATE_NOOP("monitor", "Le Selfcare répond de nouveau depuis {time}"),
    None: QT_TRANSLATE_NOOP("monitor", "Le service « {endpoint} » répond de nouveau depuis {time}"),
}
_STEPS = {
    Step.DNS: QT_TRANSLATE_NOOP("monitor", "résolution du nom (DNS)"),
    Step.TCP: QT_TRANSLATE_NOOP("monitor", "connexion TCP"),
    Step.TLS: QT_TRANSLATE_NOOP("monitor", "négociation TLS"),
    Step.HTTP: QT_TRANSLATE_NOOP("monitor", "réponse HTTP"),
    Step.WEBSOCKET: QT_TRANSLATE_NOOP("monitor", "ouverture WebSocket"),
    Step.SMTP: QT_TRANSLATE_NOOP("monitor", "accueil du serveur SMTP"),
    Step.NTP: QT_TRANSLATE_NOOP("monitor", "serveur de temps (NTP)"),
}
_ERRORS = {
    ErrorClass.NONE: QT_TRANSLATE_NOOP("monitor", "aucune erreur"),
    ErrorClass.DNS_NOT_FOUND: QT_TRANSLATE_NOOP("monitor", "nom introuvable"),
    ErrorClass.TIMEOUT: QT_TRANSLATE_NOOP("monitor", "pas de réponse dans le délai"),
    ErrorClass.REFUSED: QT_TRANSLATE_NOOP("monitor", "connexion refusée"),
    ErrorClass.UNREACHABLE: QT_TRANSLATE_NOOP("monitor", "réseau injoignable"),
    ErrorClass.RESET: QT_TRANSLATE_NOOP("monitor", "connexion coupée"),
    ErrorClass.TLS_FAILED: QT_TRANSLATE_NOOP("monitor", "échec de la négociation"),
    ErrorClass.CERT_UNTRUSTED: QT_TRANSLATE_NOOP("monitor", "certificat non reconnu"),
    ErrorClass.CERT_EXPIRED: QT_TRANSLATE_NOOP("monitor", "certificat expiré"),
    ErrorClass.CERT_HOSTNAME: QT_TRANSLATE_NOOP("monitor", "certificat d'un autre nom"),
    ErrorClass.HTTP_SERVER_ERROR: QT_TRANSLATE_NOOP("monitor", "erreur du serveur (5xx)"),
    ErrorClass.BAD_RESPONSE: QT_TRANSLATE_NOOP("monitor", "réponse incompréhensible"),
    ErrorClass.WS_REJECTED: QT_TRANSLATE_NOOP("monitor", "ouverture refusée"),
    ErrorClass.SMTP_REFUSED: QT_TRANSLATE_NOOP("monitor", "le serveur refuse la connexion"),
    ErrorClass.NTP_UNSYNCHRONISED: QT_TRANSLATE_NOOP("monitor", "serveur non synchronisé"),
    ErrorClass.OTHER: QT_TRANSLATE_NOOP("monitor", "autre erreur"),
}


def local(ms: int, tz: tzinfo | None = None) -> datetime:
    moment = datetime.fromtimestamp(ms / 1000, UTC)
    return moment.astimezone(tz) if tz is not None else moment.astimezone()


def clock_text(ms: int, tz: tzinfo | None = None) -> str:
    moment = local(ms, tz)
    return f"{moment.hour:02d}:{moment.minute:02d}"


def down_text(endpoint: MonitorEndpoint, outage: Outage, tz: tzinfo | None = None) -> str:
    """« Le portail SI-SAMU ne répond plus depuis 10:28 — signaler ? »"""
    sentence = translate("monitor", _DOWN[endpoint.application]).format(
        time=clock_text(outage.started_ms, tz), endpoint=endpoint.id)
    return sentence + " — " + translate("monitor", "signaler ?")


def up_text(endpoint: MonitorEndpoint, outage: Outage, tz: tzinfo | None = None) -> str:
    assert outage.ended_ms is not None
    sentence = translate("monitor", _UP[endpoint.application]).format(
        time=clock_text(outage.ended_ms, tz), endpoint=endpoint.id)
    return sentence + " — " + translate("monitor", "signaler le rétablissement ?")


def local_down_text(started_ms: int, tz: tzinfo | None = None) -> str:
    """Every endpoint fails at once, the centre's own included: this workstation's network."""
    return translate(
        "monitor",
        "Aucun des services surveillés ne répond depuis {time} : le réseau de ce poste est "
        "peut-être coupé — prévenir le service informatique ?",
    ).format(time=clock_text(started_ms, tz))


def local_up_text(outage: Outage, offer: bool, tz: tzinfo | None = None) -> str:
    assert outage.ended_ms is not None
    sentence = translate("monitor", "Les services surveillés répondent de nouveau depuis {time}"
                         ).format(time=clock_text(outage.ended_ms, tz))
    if offer:
        return sentence + " — " + translate("monitor", "signaler le rétablissement ?")
    return sentence + "."


def local_outage_report(catalogue: Catalogue, settings: Settings, facts: MachineFacts,
                        outages: Sequence[Outage], now: datetime | None = None,
                        tz: tzinfo | None = None) -> Report:
    """A case-D draft (the centre's IT): nothing answers this workstation any more."""
    first = min(outages, key=lambda o: o.started_ms)
    report = new_report(catalogue, "D", None, settings, facts, now)
    fields = {f.id: f for f in catalogue.fields_for("D", None)}
    start = local(first.started_ms, tz)
    if "start" in fields:
        report.set_answer("start", start, now)
    if "description" in fields:
        text = translate(
            "monitor",
            "Constaté par la surveillance automatique de ce poste : aucun des services "
            "surveillés ne répond depuis le {start}, ceux du centre compris ({endpoints}). Le "
            "réseau du poste est probablement en cause. La chronologie et l'extrait du journal "
            "de surveillance sont joints.",
        ).format(start=display_datetime(start),
                 endpoints=", ".join(o.endpoint for o in sorted(outages,
                                                                 key=lambda o: o.endpoint)))
        limit = fields["description"].max_length or len(text)
        report.set_answer("description", text[:limit], now)
    return report


def failures_text(outage: Outage) -> str:
    return "; ".join(f"{translate('monitor', _STEPS[step])} : {translate('monitor', _ERRORS[err])}"
                     for step, err in outage.failures)


def case_for(endpoint: MonitorEndpoint) -> tuple[str, str | None]:
    """(case, application) of the report an outage of ``endpoint`` opens."""
    if endpoint.application is not None:
        return "B", endpoint.application
    return "D", None


def outage_report(catalogue: Catalogue, settings: Settings, facts: MachineFacts,
                  endpoint: MonitorEndpoint, outage: Outage, now: datetime | None = None,
                  tz: tzinfo | None = None) -> Report:
    """A draft on the right form with the start time from the journal, the failing steps
    and the environment; the impact and the number of users are left to the user."""
    case, application = case_for(endpoint)
    report = new_report(catalogue, case, application, settings, facts, now)
    fields = {f.id: f for f in catalogue.fields_for(case, application)}
    start = local(outage.started_ms, tz)
    if "start" in fields:
        report.set_answer("start", start, now)
    environment = endpoint.environment or settings.environment
    env_field = fields.get("environment")
    if env_field is not None and any(c.id == environment for c in env_field.choices):
        report.set_answer("environment", environment, now)
    if "description" in fields:
        text = translate(
            "monitor",
            "Constaté par la surveillance automatique de ce poste : pas de réponse depuis le "
            "{start} (environnement {environment}). Étapes en échec : {failures}. La "
            "chronologie et l'extrait du journal de surveillance sont joints.",
        ).format(start=display_datetime(start), environment=environment,
                 failures=failures_text(outage))
        limit = fields["description"].max_length or len(text)
        report.set_answer("description", text[:limit], now)
    return report


def extract(records: Sequence[Record], endpoint: MonitorEndpoint, outage: Outage,
            since_ms: int, until_ms: int) -> bytes:
    """The journal extract attached as JSON: machine facts only, as the journal holds them."""
    def iso(ms: int | None) -> str | None:
        return None if ms is None else datetime.fromtimestamp(ms / 1000, UTC).isoformat(
            timespec="seconds")

    document = {
        "format": EXTRACT_FORMAT,
        "version": 1,
        "endpoint": {"id": endpoint.id, "kind": endpoint.kind,
                     "application": endpoint.application, "environment": endpoint.environment},
        "outage": {"start": iso(outage.started_ms), "end": iso(outage.ended_ms),
                   "failures": [{"step": s.value, "error": e.value}
                                for s, e in outage.failures]},
        "window": {"from": iso(since_ms), "to": iso(until_ms)},
        "records": [r.model_dump(mode="json") for r in records],
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def attach_evidence(store: ReportAttachments, journal: Journal,
                    endpoints: Sequence[MonitorEndpoint], endpoint: MonitorEndpoint,
                    outage: Outage, now_ms: int, interval_ms: int = 30_000,
                    tz: tzinfo | None = None) -> None:
    """Draw the timeline and cut the journal extract; keep both with the report.

    Reads the journal and encodes a PNG: run it off the GUI thread. Raises OSError.
    """
    since = min(outage.started_ms - 3_600_000, now_ms - WINDOW_MS)
    since = max(since, now_ms - 2 * WINDOW_MS)
    found = journal.read(since_ms=since, until_ms=now_ms)
    ids = [e.id for e in endpoints]
    png = render_timeline(found.records, ids, since, now_ms,
                          (endpoint.id, outage.started_ms, outage.ended_ms), interval_ms, tz)
    own = [r for r in found.records if r.e == endpoint.id]
    store.save_monitor_file(TIMELINE_FILE, png)
    store.save_monitor_file(EXTRACT_FILE, extract(own, endpoint, outage, since, now_ms))


@dataclass(frozen=True)
class Recovery:
    """The service answers again: what a "rétablissement" follow-up needs.

    The GUI hands it to a :data:`RecoveryHandler` (issue 20's threaded follow-up,
    wired by the application); ``report_id`` is the report opened for the outage.
    """

    report_id: UUID
    endpoint_id: str
    started_at: datetime
    ended_at: datetime
    text: str  # the French sentence the follow-up can carry as its body


def recovery(report_id: UUID, endpoint: MonitorEndpoint, outage: Outage,
             tz: tzinfo | None = None) -> Recovery:
    assert outage.ended_ms is not None
    started, ended = local(outage.started_ms, tz), local(outage.ended_ms, tz)
    text = translate(
        "monitor",
        "Rétablissement constaté par la surveillance automatique de ce poste : le service "
        "répond de nouveau depuis le {end} (panne constatée depuis le {start}).",
    ).format(end=display_datetime(ended), start=display_datetime(started))
    return Recovery(report_id, endpoint.id, started, ended, text)
