"""What the outage monitor watches, as the administrator's policy lists it.

Kept apart from ``settings`` (which only declares the fields) so that the
monitor package and the settings can both import it without a circle.

An endpoint id is what the journal stores: it comes from the policy, never
from a user or a server, and is held to a strict pattern so that it cannot
carry free text (a name, a number, a sentence) into the journal.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, field_validator, model_validator

ENDPOINT_ID_PATTERN = r"^[a-z][a-z0-9-]{0,31}$"
EndpointId = Annotated[str, StringConstraints(pattern=ENDPOINT_ID_PATTERN, strict=True)]

# What is probed, and so which steps run:
#   https/http — DNS, TCP, (TLS and certificate), HTTP status and time;
#   websocket  — DNS, TCP, (TLS), the HTTP Upgrade handshake (wss:// or ws://);
#   dns        — DNS resolution only; tcp — DNS and TCP connect (host:port);
#   smtp       — DNS, TCP and the server's 220 greeting (host:port);
#   ntp        — DNS and one SNTP query (host or host:port).
EndpointKind = Literal["https", "http", "websocket", "dns", "tcp", "smtp", "ntp"]
# The case-B applications of the procedure a failure can be reported on.
Application = Literal["portail", "bandeau", "nice", "statistiques", "selfcare"]

_HOST = re.compile(r"^[A-Za-z0-9.-]{1,253}$|^\[[0-9A-Fa-f:.]{2,45}\]$")
_URL_SCHEMES = {"https": ("https://",), "http": ("http://",), "websocket": ("wss://", "ws://")}


class MonitorEndpoint(BaseModel):
    """One address the monitor probes."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: EndpointId
    kind: EndpointKind
    # A URL (https, http, websocket) or host[:port] (dns, tcp, smtp, ntp).
    target: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    # The application a failure of this endpoint is reported on (case B); none for
    # infrastructure (DNS, SMTP relay, NTP): the tray then only tells the user.
    application: Application | None = None
    environment: Literal["production", "formation"] | None = None

    @field_validator("target")
    @classmethod
    def _target_shape(cls, value: str) -> str:
        value = value.strip()
        if any(ch.isspace() for ch in value):
            raise ValueError("pas d'espace dans une adresse")
        return value

    @model_validator(mode="after")
    def _target_fits_kind(self) -> MonitorEndpoint:
        prefixes = _URL_SCHEMES.get(self.kind)
        if prefixes is not None:
            if not self.target.lower().startswith(prefixes):
                raise ValueError(
                    f"{self.id} : une adresse {' ou '.join(prefixes)}… est attendue"
                )
            return self
        host = self.target
        if host.startswith("["):
            host = host.split("]")[0] + "]"
        elif host.count(":") == 1:
            host, _, port = host.partition(":")
            if not port.isdigit() or not 0 < int(port) < 65536:
                raise ValueError(f"{self.id} : port invalide")
        if not _HOST.match(host):
            raise ValueError(f"{self.id} : nom d'hôte invalide")
        return self
