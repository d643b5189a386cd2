"""The monitor's facts: what a probe saw, as closed vocabularies and numbers only.

Nothing here can hold free text. A step and an error class come from closed
enumerations; an endpoint id matches the policy's strict pattern; every other
value is a number or a boolean. A server's error message, a host name, a
user's words: none of them has a field to go into, so none can reach the
journal or the report's extract (``tests/monitor/test_journal.py`` walks the
types to prove it).
"""

from __future__ import annotations

import enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from samu_desktop.config.monitoring import EndpointId

RECORD_VERSION: Literal[1] = 1
# Milliseconds since 1970-01-01 UTC; the bound keeps it a safe JSON integer.
EpochMs = Annotated[int, Field(ge=0, le=2**53)]
Millis = Annotated[int, Field(ge=0, le=3_600_000)]


class Step(enum.StrEnum):
    """The steps of a probe, in the order they run."""

    DNS = "dns"
    TCP = "tcp"
    TLS = "tls"
    HTTP = "http"
    WEBSOCKET = "websocket"
    SMTP = "smtp"
    NTP = "ntp"


class ErrorClass(enum.StrEnum):
    """Why a step failed, in classes a support desk can act on (closed list)."""

    NONE = "none"
    DNS_NOT_FOUND = "dns_not_found"  # the name does not resolve
    TIMEOUT = "timeout"  # no answer within the probe's time limit
    REFUSED = "refused"  # the port is closed (RST)
    UNREACHABLE = "unreachable"  # no route, network down
    RESET = "reset"  # the connection was cut mid-way
    TLS_FAILED = "tls_failed"  # handshake failed (protocol, cipher, cut)
    CERT_UNTRUSTED = "cert_untrusted"  # unknown issuer (or an intercepting proxy)
    CERT_EXPIRED = "cert_expired"
    CERT_HOSTNAME = "cert_hostname"  # the certificate is for another name
    HTTP_SERVER_ERROR = "http_5xx"
    BAD_RESPONSE = "bad_response"  # not the protocol expected (HTTP, SMTP, NTP)
    WS_REJECTED = "ws_rejected"  # the server (or a proxy) refused the WebSocket upgrade
    SMTP_REFUSED = "smtp_refused"  # the relay greets with 4xx/5xx
    NTP_UNSYNCHRONISED = "ntp_unsynchronised"
    OTHER = "other"


class Event(enum.StrEnum):
    PROBE = "probe"  # one probe of one endpoint
    DOWN = "down"  # the endpoint was declared down (``since``: the outage's first failure)
    UP = "up"  # declared up again (``t``: the first success; ``since``: the outage's start)


StepTime = tuple[Step, Millis]


class Record(BaseModel):
    """One line of the journal."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    v: Literal[1] = RECORD_VERSION
    ev: Event = Event.PROBE
    e: EndpointId
    t: EpochMs
    ok: bool
    # The step that failed, or the last one that ran when all passed.
    step: Step
    ms: Millis  # the whole probe (or, for a transition, 0)
    err: ErrorClass = ErrorClass.NONE
    http: Annotated[int, Field(ge=100, le=599)] | None = None
    steps: Annotated[tuple[StepTime, ...], Field(max_length=8)] = ()
    since: EpochMs | None = None


def probe_record(
    endpoint: str, t: int, ok: bool, step: Step, ms: int, err: ErrorClass = ErrorClass.NONE,
    http: int | None = None, steps: tuple[StepTime, ...] = (),
) -> Record:
    # Latencies over the ceiling (a stuck clock, a suspended laptop) are clipped, not refused.
    clip = 3_600_000
    return Record(
        e=endpoint, t=t, ok=ok, step=step, ms=min(max(ms, 0), clip), err=err, http=http,
        steps=tuple((s, min(max(m, 0), clip)) for s, m in steps),
    )
