"""The parts of a report's e-mail: attachments, addresses, the MIME tree.

The message with its headers is composed in :mod:`samu_desktop.mail.compose`,
above the size budget (:mod:`samu_desktop.mail.budget`), which assembles
messages from these parts too.
"""

from __future__ import annotations

import enum
import platform
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
RESEND_HEADER = "X-SAMU-Resend"
REFERENCE_HEADER = "X-SAMU-Reference"
# The domain of a Message-ID when neither an address nor the relay names one:
# the workstation's short name (platform.node() asks no DNS server) under a
# suffix that says where the message comes from.
FALLBACK_ID_SUFFIX = "samu-desktop.local"
# An encoded word may be 75 characters; "Subject: " plus one must stay within
# the 78 of a line, or the email package would fold it again its own way.
_WORD_PAYLOAD = 57
_Q_SAFE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!*+-/")


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
    # Text files say how they are encoded, or a strict reader guesses wrong.
    charset: str | None = None

    @property
    def effective_charset(self) -> str | None:
        textual = self.mime_type.startswith("text/") or self.mime_type == "application/json"
        return self.charset or ("utf-8" if textual else None)

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


def encode_subject(subject: str) -> str:
    """The subject as RFC 2047 encoded words, each line short enough to stay as is.

    The email package folds a long subject into a mix of plain and encoded
    words; decoders drop the white space between two encoded words and keep
    the one of a fold, so "— début" came back as "—début" and ", réception"
    as ",  réception". Here every character, spaces included, is inside an
    encoded word and the folds fall only between two of them: every decoder
    reads the exact text back. A short plain-ASCII subject stays as typed.
    """
    subject = one_line(subject)
    if subject.isascii() and len(subject) <= 69 and "=?" not in subject:
        return subject
    words: list[str] = []
    current = ""
    for char in subject:
        if char == " ":
            piece = "_"
        elif char in _Q_SAFE:
            piece = char
        else:
            piece = "".join(f"={byte:02X}" for byte in char.encode("utf-8"))
        if len(current) + len(piece) > _WORD_PAYLOAD:
            words.append(current)
            current = ""
        current += piece
    if current:
        words.append(current)
    return "\r\n ".join(f"=?utf-8?q?{word}?=" for word in words)


def message_id_domain(settings: Settings) -> str:
    """The right-hand side of a Message-ID: the sender's domain when there is one.

    Else the reporter's, else the centre's relay (a name, not an address), else
    one made from the workstation's name: always a stable, plausible domain
    (``samu-desktop.invalid`` told the desk nothing, and some filters dislike it).
    """
    for value in (settings.sender_address, settings.reporter_email):
        domain = one_line(value).rpartition("@")[2].lower()
        if _is_domain(domain):
            return domain
    host = one_line(settings.smtp_host).lower()
    if _is_domain(host) and not re.fullmatch(r"[\d.]+", host) and host != "localhost":
        return host.split(".", 1)[1] if host.count(".") >= 2 else host
    node = re.sub(r"[^a-z0-9-]+", "-", platform.node().split(".")[0].lower()).strip("-")
    return f"{node or 'poste'}.{FALLBACK_ID_SUFFIX}"


def _is_domain(value: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9](?:[a-z0-9-]{0,62}\.)+[a-z0-9-]{2,63}", value))


def make_message_id(local: str, settings: Settings) -> str:
    """``<local@domain>``; ``local`` names the report or the follow-up it carries."""
    return f"<{local}@{message_id_domain(settings)}>"


def sender_of(settings: Settings) -> str:
    """The From address: the sender setting, else the reporter's own address."""
    return settings.sender_address.strip() or settings.reporter_email.strip()


class EncodedSubject(str):
    """A header value already encoded and folded: written to the message as it is."""


Header = str | Address | tuple[Address, ...]


def assemble(
    headers: Sequence[tuple[str, Header]],
    text_body: str,
    html_body: str,
    attachments: Sequence[Attachment],
) -> OutgoingMessage:
    """The MIME tree: mixed[alternative[text, html], attachments…]."""
    msg = OutgoingMessage()
    for name, value in headers:
        if isinstance(value, EncodedSubject):
            msg.set_raw(name, str(value))  # kept byte for byte (see encode_subject)
        else:
            msg[name] = value
    # Quoted-printable keeps the bodies 7-bit (any relay takes them) and readable.
    msg.set_content(text_body, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(html_body, subtype="html", charset="utf-8", cte="quoted-printable")
    for attachment in attachments:
        maintype, _, subtype = attachment.mime_type.partition("/")
        charset = attachment.effective_charset
        msg.add_attachment(
            attachment.data,
            maintype=maintype or "application",
            subtype=subtype or "octet-stream",
            filename=one_line(attachment.filename, 200),
            params={"charset": charset} if charset else {},
        )
    return msg
