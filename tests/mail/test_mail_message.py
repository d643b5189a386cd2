"""Building the report's e-mail: headers, parts, no header injection, the size budget."""

from __future__ import annotations

import io
from email import message_from_bytes
from email import policy as email_policy
from email.message import EmailMessage

import pytest
from PIL import Image

from samu_desktop.config.settings import Settings
from samu_desktop.mail.budget import travel_size
from samu_desktop.mail.compose import build_message
from samu_desktop.mail.message import (
    VERSION_HEADER,
    Attachment,
    AttachmentKind,
    MessageError,
    message_id_domain,
)
from tests.mail.screens import screen_png

SETTINGS = dict(
    sender_address="crra-test@example.test",
    reporter_email="arm-test@example.test",
    cc_address="copie-test@example.test",
    support_email="support-test@example.test",
)


def _parse(msg: EmailMessage) -> EmailMessage:
    parsed = message_from_bytes(msg.as_bytes(), policy=email_policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def _attachments() -> list[Attachment]:
    return [
        Attachment(filename="écran-1.png", mime_type="image/png", data=screen_png(1),
                   kind=AttachmentKind.SCREENSHOT),
        Attachment(filename="prerequis.html", mime_type="text/html",
                   data="<p>Prérequis : OK</p>".encode(), kind=AttachmentKind.CHECKS_HTML),
        Attachment(filename="prerequis.json", mime_type="application/json",
                   data=b'{"ok": true}', kind=AttachmentKind.CHECKS_JSON),
        Attachment(filename="signalement.json", mime_type="application/json",
                   data=b'{"case": "B"}', kind=AttachmentKind.REPORT_JSON),
    ]


def test_headers_parts_and_attachments() -> None:
    atts = _attachments()
    msg = build_message(Settings(**SETTINGS), "[SI-SAMU] Incident Portail — FR680",
                        "Texte brut é\n", "<p>HTML é</p>\n", atts, "9.8.7")
    parsed = _parse(msg)
    assert parsed["From"] == "crra-test@example.test"
    assert parsed["To"] == "support-test@example.test"
    # The reporter gets their own copy (Cc, so that the desk's answers reach them too).
    assert parsed["Cc"] == "copie-test@example.test, arm-test@example.test"
    assert parsed["Reply-To"] == "arm-test@example.test"
    assert parsed["Subject"] == "[SI-SAMU] Incident Portail — FR680"
    assert parsed[VERSION_HEADER] == "9.8.7"
    assert parsed["Message-ID"].endswith("@example.test>")
    assert parsed["Date"].datetime is not None
    assert parsed.get_content_type() == "multipart/mixed"
    parts = list(parsed.iter_parts())
    assert parts[0].get_content_type() == "multipart/alternative"
    text, html = list(parts[0].iter_parts())
    assert (text.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
    # Canonical CRLF line ends on the wire.
    assert text.get_content() == "Texte brut é\r\n"
    assert html.get_content() == "<p>HTML é</p>\r\n"
    assert [(p.get_filename(), p.get_content_type()) for p in parts[1:]] == [
        (a.filename, a.mime_type) for a in atts]
    for part, att in zip(parts[1:], atts, strict=True):
        assert part.get_payload(decode=True) == att.data
    # 7-bit on the wire: any relay accepts it.
    assert max(msg.as_bytes()) < 128
    assert msg.notes == []


@pytest.mark.parametrize("evil", [
    "Objet\r\nBcc: victim@example.test",
    "Objet\nBcc: victim@example.test",
    "Objet\rBcc: victim@example.test",
    "Objet\u2028Bcc: victim@example.test",
])
def test_no_header_injection_from_subject(evil: str) -> None:
    msg = build_message(Settings(**SETTINGS), evil, "t", "<p>h</p>", [], "1")
    raw = msg.as_bytes()
    parsed = _parse(msg)
    assert parsed["Bcc"] is None
    assert b"\r\nBcc:" not in raw and b"\nBcc:" not in raw
    assert len(parsed.get_all("Subject")) == 1
    assert parsed["Subject"] == "Objet Bcc: victim@example.test"


def test_injection_through_an_address_setting_is_refused() -> None:
    settings = Settings(**{**SETTINGS, "cc_address": "x@example.test\r\nBcc: v@example.test"})
    with pytest.raises(MessageError) as info:
        build_message(settings, "s", "t", "h", [], "1")
    assert "Copie" in info.value.user_message
    assert "corrigez-la" in info.value.user_message


def test_from_carries_the_centre_name_safely() -> None:
    settings = Settings(**SETTINGS, centre_name="SAMU 68 – CRRA\r\nBcc: v@example.test")
    parsed = _parse(build_message(settings, "s", "t", "h", [], "1"))
    assert parsed["From"].addresses[0].display_name == "SAMU 68 – CRRA Bcc: v@example.test"
    assert parsed["From"].addresses[0].addr_spec == "crra-test@example.test"
    assert parsed["Bcc"] is None


def test_message_id_is_made_once_and_unique() -> None:
    a = build_message(Settings(**SETTINGS), "s", "t", "h", [], "1")
    b = build_message(Settings(**SETTINGS), "s", "t", "h", [], "1")
    assert a["Message-ID"] != b["Message-ID"]
    assert a.as_bytes().count(b"Message-ID:") == 1


def test_without_sender_there_is_no_from_yet() -> None:
    msg = build_message(Settings(), "s", "t", "h", [], "1")
    assert msg["From"] is None
    assert msg["To"] == "monserviceclient.si-samu@esante.gouv.fr"
    # Not "@samu-desktop.invalid": a domain made from the workstation's name.
    domain = msg["Message-ID"].rpartition("@")[2].rstrip(">")
    assert domain.endswith(".samu-desktop.local") and ".invalid" not in domain
    assert domain == message_id_domain(Settings())  # stable from one report to the next


@pytest.mark.parametrize(("values", "domain"), [
    ({"sender_address": "crra@chu-exemple.test", "reporter_email": "arm@autre.test"},
     "chu-exemple.test"),
    ({"reporter_email": "arm@chu-exemple.test"}, "chu-exemple.test"),
    ({"smtp_host": "smtp.chu-exemple.test"}, "chu-exemple.test"),
    ({"smtp_host": "relay.test"}, "relay.test"),
])
def test_message_id_domain_comes_from_what_the_settings_know(
    values: dict[str, str], domain: str
) -> None:
    assert message_id_domain(Settings(**values)) == domain
    msg = build_message(Settings(**values), "s", "t", "h", [], "1")
    assert msg["Message-ID"].endswith(f"@{domain}>")


def test_copy_to_reporter_follows_the_setting_and_is_never_doubled() -> None:
    on = _parse(build_message(Settings(**SETTINGS), "s", "t", "h", [], "1"))
    assert "arm-test@example.test" in str(on["Cc"])
    off = _parse(build_message(Settings(**SETTINGS, copy_to_reporter=False), "s", "t", "h",
                               [], "1"))
    assert off["Cc"] == "copie-test@example.test"
    # Already a recipient (here the Cc): not added twice.
    same = dict(SETTINGS, cc_address="arm-test@example.test")
    once = _parse(build_message(Settings(**same), "s", "t", "h", [], "1"))
    assert once["Cc"] == "arm-test@example.test"
    # No sender set yet: the reporter's address is the From, and still gets the copy.
    alone = _parse(build_message(Settings(reporter_email="arm-test@example.test"), "s", "t",
                                 "h", [], "1"))
    assert alone["From"] == "arm-test@example.test"
    assert alone["Cc"] == "arm-test@example.test"


def test_screenshots_are_shrunk_to_fit_and_the_user_is_told() -> None:
    shots = [Attachment(filename=f"ecran-{i}.png", mime_type="image/png",
                        data=screen_png(i), kind=AttachmentKind.SCREENSHOT) for i in range(3)]
    others = [a for a in _attachments() if a.kind is not AttachmentKind.SCREENSHOT]
    budget_mb = 1.2
    full = build_message(Settings(**SETTINGS, size_budget_mb=100), "s", "t", "h",
                         shots + others, "1")
    assert travel_size(full) > budget_mb * 1_000_000  # the test means something
    msg = build_message(Settings(**SETTINGS, size_budget_mb=budget_mb), "s", "t", "h",
                        shots + others, "1")
    assert travel_size(msg) <= budget_mb * 1_000_000
    assert len(msg.notes) == 1 and "captures d'écran (3)" in msg.notes[0]
    parts = list(_parse(msg).iter_parts())[1:]
    # Nothing dropped, the others untouched, every screenshot still a valid PNG.
    assert [p.get_filename() for p in parts] == [a.filename for a in shots + others]
    for part, att in zip(parts[3:], others, strict=True):
        assert part.get_payload(decode=True) == att.data
    for part in parts[:3]:
        data = part.get_payload(decode=True)
        with Image.open(io.BytesIO(data)) as image:
            assert image.format == "PNG"
            assert image.width >= 600
            assert not (set(image.info) & {"exif", "icc_profile", "dpi", "Software"})


def test_redaction_boxes_survive_re_encoding() -> None:
    image = Image.open(io.BytesIO(screen_png(5)))
    image.paste((0, 0, 0), (300, 200, 700, 260))  # a burnt-in redaction box
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    att = Attachment(filename="e.png", mime_type="image/png", data=out.getvalue(),
                     kind=AttachmentKind.SCREENSHOT)
    msg = build_message(Settings(**SETTINGS, size_budget_mb=0.5), "s", "t", "h", [att], "1")
    shrunk = list(_parse(msg).iter_parts())[1].get_payload(decode=True)
    with Image.open(io.BytesIO(shrunk)) as small:
        rgb = small.convert("RGB")
        scale = small.width / 1920
        box = [rgb.getpixel((round(x * scale), round(y * scale)))
               for x in range(320, 680, 20) for y in (215, 230, 245)]
    assert set(box) == {(0, 0, 0)}


def test_too_big_even_after_shrinking_names_the_attachment() -> None:
    shots = [Attachment(filename=f"ecran-{i}.png", mime_type="image/png",
                        data=screen_png(i, 960, 540), kind=AttachmentKind.SCREENSHOT)
             for i in range(2)]
    with pytest.raises(MessageError) as info:
        build_message(Settings(**SETTINGS, size_budget_mb=0.01), "s", "t", "h", shots, "1")
    text = info.value.user_message
    assert "Même après réduction" in text
    assert "« ecran-" in text and "retirez" in text


def test_too_big_without_screenshots_names_the_heaviest() -> None:
    atts = [Attachment(filename="gros.json", mime_type="application/json", data=b"x" * 200_000,
                       kind=AttachmentKind.REPORT_JSON),
            Attachment(filename="petit.json", mime_type="application/json", data=b"{}",
                       kind=AttachmentKind.CHECKS_JSON)]
    with pytest.raises(MessageError) as info:
        build_message(Settings(**SETTINGS, size_budget_mb=0.1), "s", "t", "h", atts, "1")
    assert "« gros.json »" in info.value.user_message
    assert "Même après" not in info.value.user_message
