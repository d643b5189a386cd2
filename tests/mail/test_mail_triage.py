"""The report's e-mail as a support desk's mail collector reads it.

Subject decoded back exactly by two decoders of Python's ``email`` (the modern
parser with the default policy, and ``decode_header``); the Postfix journey
(``test_mail_postfix.py``) adds notmuch's GMime as an independent third.
"""

from __future__ import annotations

import json
from email import message_from_bytes, message_from_string
from email import policy as email_policy
from email.header import decode_header, make_header
from email.message import EmailMessage

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samu_desktop.config.paths import AppPaths
from samu_desktop.mail.message import encode_subject, one_line
from samu_desktop.mail.resend import RESEND_LINE, is_resend, mark_as_resend
from samu_desktop.procedure import Catalogue, load_catalogue
from samu_desktop.report.followup import FollowUp, build_followup_message
from samu_desktop.report.history import History
from samu_desktop.report.outgoing import build_report_message
from samu_desktop.report.render import subject_line
from tests.mail.journey import STARTED, TITLE, centre_settings, sample_report

# The two subjects of the issue: a dash before "début", a comma before "réception".
ISSUE_SUBJECTS = [
    "[SI-SAMU][Incident][B/Bandeau][FR680] Réceptions d'appels impossibles — début "
    "06/12/2026 10:28",
    "[SI-SAMU][Incident][B/Bandeau][Impact : Total][FR680][Réf. FR680-061226-K7QM] Poste "
    "WS-1006, réception des appels impossible depuis ce matin — début 06/12/2026 10:28",
]


def decoders(header_value: str) -> list[str]:
    """The subject as each decoder reads it back."""
    parsed = message_from_string(f"Subject: {header_value}\r\n\r\n", policy=email_policy.default)
    return [str(parsed["Subject"]), str(make_header(decode_header(header_value)))]


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.mark.parametrize("subject", ISSUE_SUBJECTS)
def test_the_issue_s_subjects_decode_exactly(subject: str) -> None:
    encoded = encode_subject(subject)
    assert decoders(encoded) == [subject, subject]
    # Short lines: the email package writes the header back as it is.
    lines = f"Subject: {encoded}".split("\r\n")
    assert all(len(line) <= 78 for line in lines) and len(lines) > 1


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=400))
def test_any_subject_decodes_exactly(text: str) -> None:
    expected = one_line(text)
    assert decoders(encode_subject(text)) == [expected, expected]


def test_report_message_for_triage(catalogue: Catalogue) -> None:
    settings_ = centre_settings()
    report, store = sample_report(catalogue, settings_, AppPaths.default())
    built = build_report_message(report, catalogue, settings_, store)
    msg = message_from_bytes(built.as_bytes(), policy=email_policy.default)
    assert isinstance(msg, EmailMessage)
    assert all(not part.defects for part in msg.walk())

    # The subject: what the review page showed, decoded exactly.
    shown = subject_line(report, catalogue, settings_)
    assert shown == report.subject
    assert str(msg["Subject"]) == shown
    assert shown.startswith("[SI-SAMU][Incident][B/Bandeau][Impact : Partiel][FR999]"
                            f"[Réf. {report.reference}] {TITLE} — début 06/12/2026 10:28")
    raw = built.as_bytes().split(b"\r\n\r\n", 1)[0].decode("ascii")
    assert all(len(line) <= 78 for line in raw.split("\r\n"))

    # Threading and identity.
    assert msg["Message-ID"] == f"<{report.id}.report@example.test>" == report.message_id
    assert msg["X-SAMU-Reference"] == report.reference
    assert msg["Cc"] == "arm-test@example.test"  # the reporter's own copy
    assert msg["Reply-To"] == "arm-test@example.test"

    # The triage summary opens the body.
    text = msg.get_body(("plain",))
    assert text is not None
    body = str(text.get_content()).replace("\r\n", "\n")
    assert body.startswith("Signalement d'incident SI-SAMU\n")
    summary = body.split("\n\n")[1].splitlines()
    assert summary == [
        "Résumé pour le tri :",
        "  - Impact : Partiel (une partie des utilisateurs du Samu)",
        "  - Reproductibilité : Systématique",
        "  - Début de l'incident : 06/12/2026 10:28",
        "  - Test des prérequis : 3 vérification(s) réussie(s) sur 5 ; en échec : Cryptolib "
        "CPS ; avertissements : Heure du poste",
    ]
    assert f"Référence : {report.reference}" in body.split("\n\n")[0]
    html = msg.get_body(("html",))
    assert html is not None and "class='triage'" in str(html.get_content())

    # Every attachment says what it is, and text says its charset.
    kinds = {part.get_filename(): (part.get_content_type(), part.get_content_charset())
             for part in msg.iter_attachments()}
    assert kinds == {
        "copie-ecran-1.png": ("image/png", None),
        "prerequis-20261206-093500.html": ("text/html", "utf-8"),
        "prerequis-20261206-093500.json": ("application/json", "utf-8"),
        "signalement.json": ("application/json", "utf-8"),
    }
    data = next(p for p in msg.iter_attachments() if p.get_filename() == "signalement.json")
    carried = json.loads(data.get_content() if isinstance(data.get_content(), str)
                         else data.get_content().decode("utf-8"))
    assert carried["report"]["status"] == "sent"
    assert carried["report"]["reference"] == report.reference
    assert carried["triage"]["checks"] == {"passed": 3, "total": 5, "failed": ["Cryptolib CPS"],
                                           "warnings": ["Heure du poste"]}
    page = next(p for p in msg.iter_attachments() if p.get_content_type() == "text/html")
    assert "prérequis" in str(page.get_content())  # decoded with its charset, no "pr��requis"


def test_follow_ups_thread_under_the_first_message(catalogue: Catalogue) -> None:
    paths = AppPaths.default()
    settings_ = centre_settings()
    report, _ = sample_report(catalogue, settings_, paths)
    report.status = "sent"
    history = History(paths, catalogue)
    entry = history.record_report(report)
    restored = FollowUp.restored(STARTED.replace(hour=12, minute=5), "Tout fonctionne.")
    built = build_followup_message(entry, restored, catalogue, settings_)
    msg = message_from_bytes(built.as_bytes(), policy=email_policy.default)
    assert all(not part.defects for part in msg.walk())
    assert msg["In-Reply-To"] == msg["References"] == report.message_id
    assert msg["Subject"] == f"Re: {report.subject}"
    assert msg["X-SAMU-Reference"] == report.reference
    assert msg["Message-ID"] == f"<{restored.id}.followup@example.test>"
    assert msg["Message-ID"] != report.message_id
    body = msg.get_body(("plain",))
    assert body is not None
    content = str(body.get_content())
    assert f"Référence : {report.reference}" in content
    assert "Rétablissement constaté le : 06/12/2026 12:05" in content
    assert "Tout fonctionne." in content
    history.record_followup(entry.id, "restored", str(msg["Message-ID"]), restored.restored_at)
    again = history.get(entry.id)
    assert again is not None and again.restored_at == restored.restored_at
    assert [f.kind for f in again.followups] == ["restored"]
    # Without the first subject (an entry from an older version): rebuilt with the reference.
    bare = entry.model_copy(update={"subject": ""})
    info = build_followup_message(bare, FollowUp.information("Suite"), catalogue, settings_)
    assert str(info["Subject"]) == f"Re: [SI-SAMU][Incident][B/Bandeau][Réf. {report.reference}]"


def test_a_resend_is_the_same_message_marked_as_such(catalogue: Catalogue) -> None:
    settings_ = centre_settings()
    report, store = sample_report(catalogue, settings_, AppPaths.default())
    data = build_report_message(report, catalogue, settings_, store).as_bytes()
    marked = mark_as_resend(data)
    assert is_resend(marked) and not is_resend(data)
    assert mark_as_resend(marked) == marked
    # Every header of the first sending is still there, byte for byte.
    head, marked_head = (d.split(b"\r\n\r\n", 1)[0] for d in (data, marked))
    assert marked_head == head + b"\r\nX-SAMU-Resend: 1"
    first = message_from_bytes(data, policy=email_policy.default)
    again = message_from_bytes(marked, policy=email_policy.default)
    assert all(not part.defects for part in again.walk())
    for name in ("Message-ID", "Subject", "X-SAMU-Reference", "Date", "From", "To", "Cc"):
        assert again[name] == first[name]
    assert again["X-SAMU-Resend"] == "1"
    text, html = again.get_body(("plain",)), again.get_body(("html",))
    assert text is not None and str(text.get_content()).startswith(RESEND_LINE)
    assert html is not None and "<body><p class='resend'" in str(html.get_content())
    assert RESEND_LINE in str(html.get_content())
    assert [p.get_content() for p in again.iter_attachments()] == \
        [p.get_content() for p in first.iter_attachments()]
