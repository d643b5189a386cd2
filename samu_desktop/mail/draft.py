"""A report as a ready-to-send draft for the user's own mail client (.eml).

When this workstation cannot send (no server, no password…), the report can
still leave from the user's mail client: the whole message, attachments
included, marked ``X-Unsent: 1`` so that Outlook and Thunderbird open it as a
draft with its To, Cc, subject and attachments filled in, ready to send.
"""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

from samu_desktop.fsutil import atomic_write_bytes
from samu_desktop.mail.message import POLICY

UNSENT_HEADER = b"X-Unsent: 1\r\n"


def draft_bytes(message: EmailMessage) -> bytes:
    """The message as a mail client's draft: the very bytes the outbox would send."""
    return UNSENT_HEADER + message.as_bytes(policy=POLICY)


def write_draft(message: EmailMessage, target: Path) -> Path:
    """Write the draft at ``target`` (atomically); raises StorageError (French)."""
    atomic_write_bytes(target, draft_bytes(message))
    return target
