"""A resend after an uncertain delivery says so, and keeps everything else.

When the connection dropped after DATA, or the app died before the server's
answer was written down, the desk may already hold the message. The resend
keeps the same Message-ID, subject and reference (a mail system recognises the
duplicate by them) and adds ``X-SAMU-Resend: <n>`` and one line at the top of
both bodies, so that a person reading the ticket understands it too.
Headers are kept byte for byte: only the two body parts are rewritten.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.parser import BytesParser

from samu_desktop.mail.message import POLICY, RESEND_HEADER

# The desk's language, like the rest of the message (not the interface's).
RESEND_LINE = (
    "Renvoi : l'envoi précédent de ce message a été interrompu au moment où le serveur le "
    "recevait. Si vous l'avez déjà reçu, ce message est le même (même référence, même "
    "identifiant) : vous pouvez ignorer ce doublon."
)


def resend_count(data: bytes) -> int:
    parsed = BytesParser(policy=POLICY).parsebytes(data, headersonly=True)
    try:
        return int(str(parsed.get(RESEND_HEADER, "0")).strip() or 0)
    except ValueError:
        return 0


def mark_as_resend(data: bytes) -> bytes:
    """The same message, marked as a possible duplicate; a marked message is left as is."""
    if is_resend(data):
        return data
    parsed = BytesParser(policy=POLICY).parsebytes(data)
    assert isinstance(parsed, EmailMessage)
    parsed[RESEND_HEADER] = "1"
    for part in parsed.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        if not isinstance(part, EmailMessage):
            continue
        subtype = part.get_content_subtype()
        if subtype not in ("plain", "html"):
            continue
        text = str(part.get_content())
        if subtype == "plain":
            text = f"{RESEND_LINE}\n\n{text}"
        else:
            banner = (f"<p class='resend' style='background:#fde7ea;padding:6px'>"
                      f"{RESEND_LINE}</p>")
            head, found, rest = text.partition("<body>")
            text = f"{head}{found}{banner}{rest}" if found else banner + text
        part.set_content(text, subtype=subtype, charset="utf-8", cte="quoted-printable")
        del part["MIME-Version"]  # set_content adds one; it belongs to the top only
    return parsed.as_bytes(policy=POLICY)


def is_resend(data: bytes) -> bool:
    return resend_count(data) > 0
