"""The e-mail of a report: headers from the settings, text + HTML, attachments.

Independent of the report package on purpose: the caller passes the subject,
the two bodies and the attachments. Every header goes through the ``email``
API after user text has been flattened to one line, so nothing a user types
can add a header. The Message-ID is made here, once: the outbox keeps it
through every retry, which is what lets a mail system recognise a resend.
Composition stands above the size budget, which shrinks screenshots until the
assembled message fits.
"""

from __future__ import annotations

from datetime import datetime
from email.headerregistry import Address
from email.utils import format_datetime, make_msgid

from samu_desktop.config.settings import Settings
from samu_desktop.i18n import translate
from samu_desktop.mail.budget import fit_to_budget
from samu_desktop.mail.message import (
    FALLBACK_ID_DOMAIN,
    VERSION_HEADER,
    Attachment,
    OutgoingMessage,
    one_line,
    parse_address,
    sender_of,
)


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
