"""Journey 1, the outage: from the hotkey to the support desk's mailbox, with the real program.

The ARM works in the communication banner (a stand-in window showing synthetic
patient data) when it breaks. They press the capture hotkey; the notification
opens a case-B report on the banner's form (recognised from the window that had
the focus); the patient data the app proposes to hide is shown, they attach the
capture as checked; the prerequisites test has run by itself; they answer what
only they know with one key each and send from the form (nothing missing,
nothing to warn about: no warning is passed over). The support desk's
server (aiosmtpd, STARTTLS + AUTH, password from the Secret Service) then holds
one message with every answered question, the redacted capture and the test's
results.

Every click and key press goes through :class:`tests.e2e.user.XUser`, which
counts them: the figure is asserted (a new step must be a decision, not an
accident) and printed at the end of the run.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from samu_desktop.config.paths import AppPaths
from samu_desktop.pii.engines import default_engine
from samu_desktop.report.drafts import DraftStore
from samu_desktop.report.model import Report
from tests.conftest import XServer
from tests.e2e.conftest import centre_settings, check_message, received, save_settings
from tests.e2e.desktop import (
    banner_in_front,
    only_draft,
    report_with_hotkey_capture,
    running_app,
    screen_at_failure,
    wait_for,
)
from tests.e2e.fake_bandeau import LINES, PHONE
from tests.e2e.user import XUser
from tests.mail.smtp_server import MailServer

pytestmark = pytest.mark.xvfb

# The fewest a careful user needs (see the module docstring); the README quotes it.
EXPECTED_ACTIONS = 6


def test_outage_journey_from_hotkey_to_support_desk(
    xserver: XServer, isolated_home: Path, support_desk: MailServer, firefox_esr: str,
) -> None:
    save_settings(centre_settings(support_desk))
    user = XUser(xserver)
    with running_app(xserver, isolated_home), banner_in_front(xserver) as banner_id:
        try:
            report_id = report_with_hotkey_capture(user, xserver, isolated_home, banner_id)
            # Back on the questions, the keyboard on the first one left to answer. The
            # prerequisites test ran by itself meanwhile; the start time is the
            # capture's; the browser, its version, the system and the login mode are
            # pre-filled. A digit answers a question and goes on to the next one.
            user.key("1")  # impact: 1 — total
            user.key("1")  # the banner: 1 — totally inoperative
            wait_for(lambda: only_draft(isolated_home).get("prerequisites"),
                     "the prerequisites test")
            # Nothing missing, nothing to warn about: the form's button reads
            # « Envoyer au support SI-SAMU » and Ctrl+Return sends.
            user.key("ctrl+Return")
            wait_for(lambda: support_desk.delivered, "the delivery")
            wait_for(lambda: only_draft(isolated_home).get("status") == "sent",
                     "the report marked sent")
        except BaseException:
            screen_at_failure(xserver, isolated_home.parent, user)
            raise
        finally:
            user.close()

    user.ledger.record("journey 1 (outage, hotkey to sent)", show_steps=True)
    assert user.ledger.total == EXPECTED_ACTIONS, user.ledger.steps

    # Exactly one message, with every answered question and every attachment.
    messages = received(support_desk)
    assert len(messages) == 1
    report: Report = DraftStore(AppPaths.default(), None).load(report_id)
    answers = report.answers
    assert answers["impact"] == "total" and answers["state"] == "inoperant"
    assert answers["browser"] == "firefox" and answers["browser_version"] == firefox_esr
    assert answers["auth_mode"] == "otp_mail" and answers["os"]
    # The portal is unreachable here: the test's summary counts that failure.
    assert report.prerequisites is not None and report.prerequisites.failures >= 1
    assert "[SI-SAMU][Incident][B/" in str(messages[0]["Subject"])
    files = check_message(messages[0], report)
    pngs = [name for name in files if name.endswith(".png")]
    assert len(pngs) == 1  # one screen, one capture
    assert sum(name.endswith(".html") for name in files) == 1
    assert sum(name.endswith(".json") for name in files) == 2  # checks + report
    checks = json.loads(next(data for name, data in files.items()
                             if name.endswith(".json") and name != "signalement.json"))
    assert checks["results"]

    # The capture shows the banner, but not the patient: the name and the number
    # were burnt into the pixels.
    capture = Image.open(io.BytesIO(files[pngs[0]])).convert("RGB")
    read = " ".join(w.text for w in default_engine().words(capture))
    assert "Session" in read and "Server" in read
    assert PHONE.replace(" ", "")[-4:] not in read.replace(" ", "")
    assert "DURAND" not in read
    assert LINES[1].split(":")[0].strip() in read  # the label stays, the value is gone
