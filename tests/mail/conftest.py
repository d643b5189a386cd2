"""Fixtures of the mail tests: the test CA and real SMTP servers (see smtp_server.py)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.mail.smtp_server import MailServer, Pki, make_pki

# A real Postfix relay (tests/mail/postfix.py: pwd, Debian's postfix): Linux only.
collect_ignore = ["test_mail_postfix.py"] if sys.platform == "win32" else []


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def mail_server(pki: Pki) -> Iterator[Callable[..., MailServer]]:
    """Factory: ``mail_server(security=..., start=True, ...)``; all stopped at the end."""
    made: list[MailServer] = []

    def make(start: bool = True, **kwargs: Any) -> MailServer:
        server = MailServer(pki, **kwargs)
        made.append(server)
        return server.start() if start else server

    yield make
    for server in made:
        server.stop()
