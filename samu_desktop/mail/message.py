"""The parts of a report's e-mail: attachments, addresses, the MIME tree.

The message with its headers is composed in :mod:`samu_desktop.mail.compose`,
above the size budget (:mod:`samu_desktop.mail.budget`), which assembles
messages from these parts too.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from email import policy as email_policy
from email.headerregistry import Address
from email.message import EmailMessage

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
