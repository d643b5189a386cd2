"""The endpoints to watch and the monitor's settings, from the settings and the policy.

The policy may list the endpoints itself (``monitor_endpoints``). Left empty,
they come from settings the administrator already fills for the prerequisites
test: the portal of the environment this workstation uses, the Session
Server's WebSocket, the SMTP relay and the time server.
"""

from __future__ import annotations

import contextlib

from pydantic import ValidationError

from samu_desktop.config.monitoring import MonitorEndpoint
from samu_desktop.config.settings import Settings
from samu_desktop.monitor.runner import MonitorConfig


def endpoints_from(settings: Settings) -> list[MonitorEndpoint]:
    if settings.monitor_endpoints:
        return list(settings.monitor_endpoints)
    found: list[MonitorEndpoint] = []

    def add(**values: object) -> None:
        # A setting that is not an address the monitor can use is skipped.
        with contextlib.suppress(ValidationError):
            found.append(MonitorEndpoint.model_validate(values))

    environment = settings.environment
    portal = (settings.portal_url_production if environment == "production"
              else settings.portal_url_formation).strip()
    if portal:
        kind = "http" if portal.lower().startswith("http://") else "https"
        add(id=f"portail-{environment}", kind=kind, target=portal, application="portail",
            environment=environment)
    if settings.session_server_url.strip():
        add(id="bandeau-session-server", kind="websocket",
            target=settings.session_server_url.strip(), application="bandeau",
            environment=environment)
    if settings.smtp_host.strip():
        # Implicit TLS (465) greets only after the handshake: a TCP connect is what
        # can be measured without speaking TLS to it.
        add(id="relais-smtp", kind="tcp" if settings.smtp_security == "tls" else "smtp",
            target=f"{settings.smtp_host.strip()}:"
            f"{settings.smtp_port}")
    if settings.ntp_server.strip():
        add(id="ntp", kind="ntp", target=settings.ntp_server.strip())
    return found


def config_from(settings: Settings) -> MonitorConfig:
    return MonitorConfig(
        endpoints=endpoints_from(settings),
        interval_s=settings.monitor_interval_s,
        timeout_s=settings.monitor_timeout_s,
        down_after=settings.monitor_down_after,
        up_after=settings.monitor_up_after,
    )
