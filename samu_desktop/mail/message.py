"""The e-mail of a report: headers from the settings, text + HTML, attachments.

Independent of the report package on purpose: the caller passes the subject,
the two bodies and the attachments. Every header goes through the ``email``
API after user text has been flattened to one line, so nothing a user types
can add a header. The Message-ID is made here, once: the outbox keeps it
through every retry, which is what lets a mail system recognise a resend.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from datetime import datetime
from email import policy as email_policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from pydantic import BaseModel, ConfigDict

from samu_desktop.config.settings import Settings
from samu_desktop.errors import UserFacingError
from samu_desktop.i18n import translate

# CRLF line ends, lines folded at 78: what goes on the wire, and a valid .eml.
POLICY = email_policy.SMTP
VERSION_HEADER = "X-Samu-Desktop-Version"
# Used in the Message-ID when no sender address is known yet. Never the
# machine's own name: it can be slow to find and says more than needed.
FALLBACK_ID_DOMAIN = "samu-desktop.invalid"


class AttachmentKind(enum.StrEnum):
    SCREENSHOT = "screenshot"  # PNG: may be re-encoded or downscaled to fit the budget
    CHECKS_HTML = "checks_html"
    CHECKS_JSON = "checks_json"
    REPORT_JSON = "report_json"
    MONITOR_TIMELINE = "monitor_timeline"  # PNG drawn for e-mail: never re-encoded
    MONITOR_JSON = "monitor_json"
    OTHER = "other"


class Attachment(BaseModel):
    model_config = ConfigDict(frozen=True)

    filename: str
    mime_type: str
    data: bytes
    kind: AttachmentKind = AttachmentKind.OTHER

    @property
    def shrinkable(self) -> bool:
        return self.kind is AttachmentKind.SCREENSHOT


class MessageError(UserFacingError):
    """The message cannot be built as asked (an address, the size budget)."""


class OutgoingMessage(EmailMessage):
    """An ``EmailMessage`` that also says what was done to fit it (French notes)."""

    def __init__(self, policy: email_policy.Policy | None = None) -> None:
        super().__init__(policy=policy or POLICY)
        self.notes: list[str] = []


def one_line(text: str, limit: int = 900) -> str:
    """User text made safe for a header: no CR/LF or control characters, one line."""
    text = re.sub(r"[\x00-\x1f\x7f\u2028\u2029]+", " ", text)
    return re.sub(r" {2,}", " ", text).strip()[:limit]


def parse_address(value: str, setting_label: str) -> Address:
    """A single address from a setting, or a French message naming the setting."""
    value = one_line(value)
    try:
        address = Address(addr_spec=value)
        if not address.username or not address.domain or " " in value:
            raise ValueError(value)
    except (ValueError, IndexError, TypeError) as exc:
        raise MessageError(
            translate(
                "mail",
                "L'adresse « {address} » du réglage « {setting} » n'est pas valable : "
                "corrigez-la dans les réglages.",
            ).format(address=value, setting=setting_label),
            details=f"{type(exc).__name__}",
        ) from exc
    return address


def sender_of(settings: Settings) -> str:
    """The From address: the sender setting, else the reporter's own address."""
    return settings.sender_address.strip() or settings.reporter_email.strip()


def build_message(
    settings: Settings,
    subject: str,
    text_body: str,
    html_body: str,
    attachments: list[Attachment],
    app_version: str,
    *,
    now: datetime | None = None,
) -> OutgoingMessage:
    """Build the report's e-mail, shrinking screenshots to fit ``size_budget_mb``.

    Raises :class:`MessageError` for an invalid address, or when the message
    cannot fit even with the screenshots reduced (the message names the
    attachment and what to do). ``notes`` on the result tells the user what
    was reduced. With no sender configured yet there is no From: the outbox
    adds it at send time, so that a fresh install can still keep the report.
    """
    from samu_desktop.mail.budget import fit_to_budget  # budget builds messages too

    headers = _headers(settings, subject, app_version, now)
    budget = int(settings.size_budget_mb * 1_000_000)
    return fit_to_budget(headers, text_body, html_body, attachments, budget)


def _headers(
    settings: Settings, subject: str, app_version: str, now: datetime | None
) -> list[tuple[str, str | Address]]:
    to = parse_address(settings.support_email, translate("mail", "Adresse du service client"))
    headers: list[tuple[str, str | Address]] = []
    domain = FALLBACK_ID_DOMAIN
    sender = sender_of(settings)
    if sender:
        from_address = parse_address(sender, translate("mail", "Adresse d'expéditeur"))
        # The centre's name tells the support desk who writes, before any field is read.
        display = one_line(settings.centre_name, 120)
        headers.append(("From", Address(display, from_address.username, from_address.domain)))
        domain = from_address.domain
    headers.append(("To", to))
    if settings.cc_address.strip():
        headers.append(("Cc", parse_address(settings.cc_address, translate("mail", "Copie"))))
    if settings.reporter_email.strip() and settings.reporter_email.strip() != sender:
        reply_to = parse_address(settings.reporter_email, translate("mail", "Adresse de réponse"))
        headers.append(("Reply-To", reply_to))
    headers.append(("Subject", one_line(subject)))
    headers.append(("Date", format_datetime((now or datetime.now()).astimezone())))
    headers.append(("Message-ID", make_msgid(domain=domain)))
    headers.append((VERSION_HEADER, one_line(app_version, 40)))
    return headers


def assemble(
    headers: Sequence[tuple[str, str | Address]],
    text_body: str,
    html_body: str,
    attachments: Sequence[Attachment],
) -> OutgoingMessage:
    """The MIME tree: mixed[alternative[text, html], attachments…]."""
    msg = OutgoingMessage()
    for name, value in headers:
        msg[name] = value
    # Quoted-printable keeps the bodies 7-bit (any relay takes them) and readable.
    msg.set_content(text_body, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(html_body, subtype="html", charset="utf-8", cte="quoted-printable")
    for attachment in attachments:
        maintype, _, subtype = attachment.mime_type.partition("/")
        msg.add_attachment(
            attachment.data,
            maintype=maintype or "application",
            subtype=subtype or "octet-stream",
            filename=one_line(attachment.filename, 200),
        )
    return msg
