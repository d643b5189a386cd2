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
    REFERENCE_HEADER,
    VERSION_HEADER,
    Attachment,
    EncodedSubject,
    Header,
    OutgoingMessage,
    encode_subject,
    message_id_domain,
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
    message_id: str = "",
    reply_to_id: str = "",
    reference: str = "",
) -> OutgoingMessage:
    """Build the report's e-mail, shrinking screenshots to fit ``size_budget_mb``.

    Raises :class:`MessageError` for an invalid address, or when the message
    cannot fit even with the screenshots reduced (the message names the
    attachment and what to do). ``notes`` on the result tells the user what
    was reduced. With no sender configured yet there is no From: the outbox
    adds it at send time, so that a fresh install can still keep the report.
    ``reply_to_id`` (the first message's id) makes this a follow-up in its thread;
    ``reference`` is the incident reference, also put in a header for filters.
    """
    headers = _headers(settings, subject, app_version, now)
    headers = [(n, v) for n, v in headers if n != "Message-ID" or not message_id]
    if message_id:
        headers.append(("Message-ID", message_id))
    if reply_to_id:
        # Each follow-up answers the first message: mail clients and ticket systems
        # (GLPI, Zammad, OTRS) file it in the same thread or ticket.
        headers.append(("In-Reply-To", reply_to_id))
        headers.append(("References", reply_to_id))
    if reference:
        headers.append((REFERENCE_HEADER, one_line(reference, 40)))
    budget = int(settings.size_budget_mb * 1_000_000)
    return fit_to_budget(headers, text_body, html_body, attachments, budget)


def _headers(
    settings: Settings, subject: str, app_version: str, now: datetime | None
) -> list[tuple[str, Header]]:
    to = parse_address(settings.support_email, translate("mail", "Adresse du service client"))
    headers: list[tuple[str, Header]] = []
    sender = sender_of(settings)
    if sender:
        from_address = parse_address(sender, translate("mail", "Adresse d'expéditeur"))
        # The centre's name tells the support desk who writes, before any field is read.
        display = one_line(settings.centre_name, 120)
        headers.append(("From", Address(display, from_address.username, from_address.domain)))
    headers.append(("To", to))
    copies: list[Address] = []
    if settings.cc_address.strip():
        copies.append(parse_address(settings.cc_address, translate("mail", "Copie")))
    reporter = settings.reporter_email.strip()
    if reporter:
        reporter_address = parse_address(reporter, translate("mail", "Adresse de réponse"))
        if reporter != sender:
            headers.append(("Reply-To", reporter_address))
        # The reporter's copy is a Cc, not a Bcc: the desk's ticket system then lists
        # them as a participant and its answers reach them, replying to their own
        # copy threads under the report, and the recipients stay readable in the
        # stored message itself (the outbox derives them from To and Cc).
        known = {a.addr_spec.lower() for a in (to, *copies)}
        if settings.copy_to_reporter and reporter_address.addr_spec.lower() not in known:
            copies.append(reporter_address)
    if copies:
        headers.append(("Cc", tuple(copies)))
    headers.append(("Subject", EncodedSubject(encode_subject(subject))))
    headers.append(("Date", format_datetime((now or datetime.now()).astimezone())))
    headers.append(("Message-ID", make_msgid(domain=message_id_domain(settings))))
    headers.append((VERSION_HEADER, one_line(app_version, 40)))
    return headers
