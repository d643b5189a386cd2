"""Network checks: the portal, the Session Server, the clock, the SMTP server."""

from __future__ import annotations

import smtplib
import socket
import ssl
from email.utils import parsedate_to_datetime

from samu_desktop.checks import net, ntp
from samu_desktop.checks import proxy as px
from samu_desktop.checks.model import Detail, Outcome, Status
from samu_desktop.config.settings import Settings
from samu_desktop.i18n import translate

SLOW_S = 1.5  # a portal slower than this to answer is worth a warning
CLOCK_WARN_S = 5.0  # the HTTP Date header has a one-second resolution
CLOCK_FAIL_S = 120.0


def portal_url(settings: Settings) -> str:
    if settings.environment == "formation":
        return settings.portal_url_formation.strip()
    return settings.portal_url_production.strip()


def _ms(timings: dict[str, float]) -> dict[str, int]:
    return {k.removesuffix("_s") + "_ms": round(v * 1000) for k, v in timings.items()}


def _proxy_detail(choice: px.ProxyChoice) -> str:
    if choice.proxy is None:
        return "direct"
    return f"{choice.proxy[0]}:{choice.proxy[1]} ({choice.source})"


def _action_for(step: str) -> str:
    if step == "dns":
        return translate("checks", "Vérifiez que le poste est bien connecté au réseau ; si "
                         "c'est le cas, transmettez ce résultat à votre service informatique.")
    if step == "config":
        return translate("checks", "Demandez à votre administrateur de corriger l'adresse dans "
                         "les réglages.")
    return translate("checks", "Un pare-feu, le proxy ou le serveur bloque peut-être l'accès : "
                     "transmettez ce résultat à votre service informatique.")


def check_portal(probe: px.NetProbe, settings: Settings, tls: net.TlsConfig,
                 deadline: net.Deadline) -> Outcome:
    url = portal_url(settings)
    env = settings.environment
    if not url:
        return Outcome(
            Status.WARNING,
            translate("checks", "L'adresse du portail pour l'environnement « {env} » n'est pas "
                      "renseignée : il n'a pas pu être testé.").format(env=env),
            translate("checks", "Demandez à votre administrateur de renseigner l'adresse du "
                      "portail dans les réglages."),
            {"environment": env},
        )
    choice = px.choose_proxy(probe, url)
    details: dict[str, Detail] = {"url": url, "environment": env,
                                  "proxy": _proxy_detail(choice)}
    if choice.note == "pac":
        details["proxy_note"] = "pac-not-evaluated"
    try:
        result = net.fetch(url, choice.proxy, tls, deadline)
    except net.StepError as exc:
        details.update({"step": exc.step, "error": exc.detail, **_ms(exc.timings)})
        explanation = translate("checks", "Le portail ({env}) est injoignable : {reason}").format(
            env=env, reason=exc.message)
        if exc.step == "tls" and exc.detail and deadline.remaining() > 0.2:
            issuer = net.peek_issuer(url, choice.proxy, deadline)
            if issuer:
                details["issuer"] = issuer
                explanation += " " + translate(
                    "checks", "Certificat émis par « {issuer} » : un équipement du réseau "
                    "intercepte peut-être le trafic chiffré.").format(issuer=issuer)
        return Outcome(Status.FAILURE, explanation, _action_for(exc.step), details)
    answer = result.answer
    elapsed = sum(result.timings.values())
    details.update({"http_status": answer.status, "elapsed_ms": round(elapsed * 1000),
                    **_ms(result.timings)})
    if result.tls is not None:
        details.update({"tls_version": result.tls.version, "cipher": result.tls.cipher,
                        "issuer": result.tls.issuer, "subject": result.tls.subject,
                        "certificate_expires": result.tls.not_after})
    if answer.status >= 500:
        return Outcome(
            Status.FAILURE,
            translate("checks", "Le portail ({env}) répond, mais avec une erreur du serveur "
                      "(code {code}).").format(env=env, code=answer.status),
            translate("checks", "Le problème vient probablement du service : signalez-le au "
                      "service client avec ce résultat."),
            details,
        )
    expected = [e for e in settings.tls_expected_issuers if e.strip()]
    if result.tls is not None and expected and not any(
        e.lower() in result.tls.issuer.lower() for e in expected
    ):
        return Outcome(
            Status.WARNING,
            translate("checks", "Le portail répond, mais son certificat est émis par « {issuer} »"
                      ", un émetteur inattendu : le réseau inspecte probablement le trafic "
                      "chiffré (inspection TLS).").format(issuer=result.tls.issuer_org or
                                                          result.tls.issuer),
            translate("checks", "Si le bandeau de communication se déconnecte, signalez cette "
                      "inspection TLS à votre service informatique : elle peut couper les "
                      "WebSockets."),
            details,
        )
    if elapsed > SLOW_S:
        return Outcome(
            Status.WARNING,
            translate("checks", "Le portail ({env}) répond lentement : {ms} ms.").format(
                env=env, ms=round(elapsed * 1000)),
            translate("checks", "Signalez cette lenteur dans votre demande."),
            details,
        )
    version = f", {result.tls.version}" if result.tls else ""
    return Outcome(
        Status.PASS,
        translate("checks", "Le portail ({env}) répond en {ms} ms (code {code}{tls}).").format(
            env=env, ms=round(elapsed * 1000), code=answer.status, tls=version),
        details=details,
    )


def check_session_server(probe: px.NetProbe, settings: Settings, tls: net.TlsConfig,
                         deadline: net.Deadline) -> Outcome:
    url = settings.session_server_url.strip()
    if not url:
        return Outcome(
            Status.NOT_APPLICABLE,
            translate("checks", "L'adresse du Session Server n'est pas renseignée dans les "
                      "réglages : il n'est pas testé."),
        )
    choice = px.choose_proxy(probe, url)
    details: dict[str, Detail] = {"url": url, "proxy": _proxy_detail(choice)}
    try:
        result = net.fetch(url, choice.proxy, tls, deadline, websocket=True)
    except net.StepError as exc:
        details.update({"step": exc.step, "error": exc.detail, **_ms(exc.timings)})
        return Outcome(
            Status.FAILURE,
            translate("checks", "Le Session Server du bandeau de communication est injoignable "
                      ": {reason}").format(reason=exc.message),
            _action_for(exc.step),
            details,
        )
    elapsed = sum(result.timings.values())
    details.update({"elapsed_ms": round(elapsed * 1000), **_ms(result.timings)})
    if result.tls is not None:
        details.update({"tls_version": result.tls.version, "issuer": result.tls.issuer})
    return Outcome(
        Status.PASS,
        translate("checks", "Le Session Server accepte la connexion WebSocket ({ms} ms).").format(
            ms=round(elapsed * 1000)),
        details=details,
    )


def _clock_status(offset: float) -> Status:
    if abs(offset) <= CLOCK_WARN_S:
        return Status.PASS
    return Status.WARNING if abs(offset) <= CLOCK_FAIL_S else Status.FAILURE


def check_clock(probe: px.NetProbe, settings: Settings, tls: net.TlsConfig,
                deadline: net.Deadline) -> Outcome:
    offsets: dict[str, float] = {}
    details: dict[str, Detail] = {}
    server = settings.ntp_server.strip()
    if server:
        try:
            answer = ntp.query(server, deadline.sub(0.45))
            offsets["ntp"] = answer.offset_s
            details["ntp"] = {"server": answer.server, "offset_s": round(answer.offset_s, 3),
                              "delay_ms": round(answer.delay_s * 1000), "stratum":
                              answer.stratum}
        except net.StepError as exc:
            details["ntp"] = {"server": server, "error": exc.message}
    url = portal_url(settings)
    if url:
        try:
            fetched = net.fetch(url, px.choose_proxy(probe, url).proxy, tls, deadline)
            header = fetched.answer.headers.get("Date")
            if header is None:
                raise net.StepError("http", translate("checks", "Le portail n'envoie pas "
                                                      "d'en-tête Date."))
            # Date is truncated to the second: the server's time lies in [Date, Date + 1).
            server_time = parsedate_to_datetime(header).timestamp() + 0.5
            ours = (fetched.answer.sent_at + fetched.answer.received_at) / 2
            offsets["http"] = server_time - ours
            details["http"] = {"url": url, "offset_s": round(offsets["http"], 1)}
        except net.StepError as exc:
            details["http"] = {"url": url, "error": exc.message}
        except (TypeError, ValueError):
            details["http"] = {"url": url, "error": "invalid Date header"}
    if not offsets:
        return Outcome(
            Status.WARNING,
            translate("checks", "L'heure du poste n'a pu être comparée à aucune référence "
                      "(serveur de temps ni portail)."),
            translate("checks", "Vérifiez que l'heure du poste est réglée automatiquement ; "
                      "votre service informatique peut indiquer le serveur de temps à utiliser "
                      "dans les réglages."),
            details,
        )
    worst_source = max(offsets, key=lambda k: abs(offsets[k]))
    worst = offsets[worst_source]
    status = _clock_status(worst)
    details["max_offset_s"] = round(worst, 3)
    shown = f"{worst:+.1f}"
    if status is Status.PASS:
        return Outcome(
            Status.PASS,
            translate("checks", "L'horloge du poste est à l'heure (écart {offset} s).").format(
                offset=shown),
            details=details,
        )
    return Outcome(
        status,
        translate("checks", "L'horloge du poste a un écart de {offset} s avec la référence : les "
                  "heures de votre signalement et des journaux seront décalées.").format(
            offset=shown),
        translate("checks", "Demandez à votre service informatique de régler la synchronisation "
                  "automatique de l'heure du poste."),
        details,
    )


class _PreConnectedSMTP(smtplib.SMTP):
    """smtplib with the connection made by :func:`net.connect`, so DNS and TCP are named."""

    def __init__(self, sock: socket.socket, host: str) -> None:
        self._ready_sock = sock
        # An explicit local name: smtplib would otherwise call getfqdn(), a DNS lookup
        # that no deadline bounds.
        super().__init__(local_hostname="samu-desktop.invalid")
        self._host = host

    def _get_socket(self, host: str, port: int, timeout: float) -> socket.socket:
        return self._ready_sock


def check_smtp(settings: Settings, tls: net.TlsConfig, deadline: net.Deadline) -> Outcome:
    host = settings.smtp_host.strip()
    if not host:
        return Outcome(
            Status.WARNING,
            translate("checks", "Le serveur SMTP n'est pas renseigné : le signalement ne pourra "
                      "pas partir par e-mail depuis l'application."),
            translate("checks", "Renseignez le serveur SMTP du centre dans les réglages, ou "
                      "demandez-le à votre service informatique."),
        )
    port, security = settings.smtp_port, settings.smtp_security
    details: dict[str, Detail] = {"host": host, "port": port, "security": security}
    step = "tcp"
    client: _PreConnectedSMTP | None = None
    try:
        sock = net.connect(host, port, deadline)
        if security == "tls":
            step = "tls"
            target = net.Target("smtps", host, port, "/")
            sock, info = net.tls_handshake(sock, target, tls.context(), deadline)
            details["tls_version"] = info.version
        step = "smtp"
        client = _PreConnectedSMTP(sock, host)
        sock.settimeout(deadline.timeout("smtp"))
        code, _ = client.connect(host, port)
        if code != 220:
            raise net.StepError("smtp", translate("checks", "Le serveur SMTP refuse la "
                                                  "connexion (code {code}).").format(code=code))
        client.ehlo("samu-desktop.invalid")
        if security == "starttls":
            if not client.has_extn("starttls"):
                raise net.StepError("smtp", translate("checks", "Le serveur SMTP ne propose pas "
                                                      "STARTTLS."))
            step = "tls"
            assert client.sock is not None
            client.sock.settimeout(deadline.timeout("tls"))
            client.starttls(context=tls.context())
            tls_sock = client.sock
            if isinstance(tls_sock, ssl.SSLSocket):
                details["tls_version"] = tls_sock.version() or ""
            step = "smtp"
            tls_sock.settimeout(deadline.timeout("smtp"))
            client.ehlo("samu-desktop.invalid")
        auth = client.has_extn("auth")
        details["auth_offered"] = auth
        if client.sock is not None:
            client.sock.settimeout(deadline.timeout("smtp"))
        client.quit()
        client = None
    except net.StepError as exc:
        if client is not None:
            client.close()
        details.update({"step": exc.step, "error": exc.detail})
        return Outcome(Status.FAILURE, translate(
            "checks", "Le serveur SMTP {host}:{port} est injoignable : {reason}").format(
            host=host, port=port, reason=exc.message), _action_for(exc.step), details)
    except (ssl.SSLError, smtplib.SMTPException, OSError) as exc:
        if client is not None:
            client.close()
        details.update({"step": step, "error": type(exc).__name__})
        reason = (net.timeout_message(step) if isinstance(exc, TimeoutError | socket.timeout)
                  else translate("checks", "erreur à l'étape « {step} ».").format(
                      step=net.step_label(step)))
        if isinstance(exc, ssl.SSLCertVerificationError):
            reason = translate("checks", "son certificat n'est pas reconnu par ce poste.")
        return Outcome(Status.FAILURE, translate(
            "checks", "Le serveur SMTP {host}:{port} est injoignable : {reason}").format(
            host=host, port=port, reason=reason), _action_for(step), details)
    if settings.smtp_auth and not auth:
        return Outcome(
            Status.WARNING,
            translate("checks", "Le serveur SMTP répond mais ne propose pas d'authentification, "
                      "alors que les réglages en prévoient une."),
            translate("checks", "Vérifiez le réglage « le serveur demande un identifiant » avec "
                      "votre service informatique."),
            details,
        )
    if security == "none":
        return Outcome(
            Status.WARNING,
            translate("checks", "Le serveur SMTP répond, mais la connexion n'est pas chiffrée."),
            translate("checks", "Demandez à votre service informatique si STARTTLS est "
                      "disponible."),
            details,
        )
    return Outcome(
        Status.PASS,
        translate("checks", "Le serveur SMTP {host}:{port} répond ({security}).").format(
            host=host, port=port, security=details.get("tls_version") or security),
        details=details,
    )
