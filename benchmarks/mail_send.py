"""Building and sending a report with five Full HD screenshots to a local server.

Run: ``.venv/bin/python benchmarks/mail_send.py [--runs N] [--budget-mb MB]``

A real aiosmtpd on 127.0.0.1 with STARTTLS (test CA) and AUTH PLAIN, the
message built by ``build_message`` with five 1920×1080 screen-like PNGs
(Pillow, compress level 1 like a fresh capture), kept durably in an outbox
(atomic write + fsync), then sent by the outbox sender. Prints, per step, the
median and the worst of ``--runs`` runs, for the default size budget (10 MB,
nothing to shrink) and for a tight one (``--budget-mb``, default 2) that
forces the screenshots to be re-encoded. The password comes from an injected
lookup, not the keyring (a keyring round trip is measured in PLATFORM-NOTES).
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from samu_desktop.mail.compose import build_message
from samu_desktop.mail.message import Attachment, AttachmentKind
from samu_desktop.mail.outbox import EntryState, Outbox
from samu_desktop.mail.sender import OutboxSender
from samu_desktop.mail.transport import SmtpConfig, SmtpTransport
from tests.mail.screens import screen_png
from tests.mail.smtp_server import PASSWORD, MailServer, make_pki


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def run(runs: int, budget_mb: float, folder: Path, server: MailServer,
        shots: list[bytes]) -> dict[str, list[float]]:
    settings = server.settings(size_budget_mb=budget_mb)
    attachments = [
        Attachment(filename=f"ecran-{i + 1}.png", mime_type="image/png", data=data,
                   kind=AttachmentKind.SCREENSHOT)
        for i, data in enumerate(shots)
    ] + [Attachment(filename="prerequis.json", mime_type="application/json",
                    data=b'{"firefox": "128.5.0esr", "ok": true}',
                    kind=AttachmentKind.CHECKS_JSON)]
    text = "Fonctionnalité affectée : Connexion\n" * 40
    html = "<p>Fonctionnalité affectée : Connexion</p>\n" * 40

    def transport(config: SmtpConfig) -> SmtpTransport:
        return SmtpTransport(config, password_lookup=lambda _account: PASSWORD,
                             ssl_context_factory=server.pki.client_context)

    figures: dict[str, list[float]] = {"build": [], "outbox": [], "send": [], "total": []}
    sizes: list[int] = []
    for n in range(runs):
        outbox = Outbox(folder / f"outbox-{budget_mb}-{n}")
        build_s, msg = _timed(lambda: build_message(settings, "[SI-SAMU] Incident benchmark",
                                                    text, html, attachments, "bench"))
        add_s, record = _timed(lambda box=outbox, m=msg: box.add(m))  # type: ignore[misc]
        sender = OutboxSender(outbox, lambda: settings, transport)
        send_s, done = _timed(sender.run_once)
        assert done and done[0].state is EntryState.SENT, done  # type: ignore[index]
        sizes.append(record.size)  # type: ignore[attr-defined]
        for key, value in (("build", build_s), ("outbox", add_s), ("send", send_s),
                           ("total", build_s + add_s + send_s)):
            figures[key].append(value)
    figures["size_mb"] = [s / 1_000_000 for s in sizes]
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget-mb", type=float, default=2.0)
    args = parser.parse_args()
    logging.getLogger("mail.log").setLevel(logging.ERROR)  # aiosmtpd's own chatter

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pki_dir = folder / "pki"
        pki_dir.mkdir()
        server = MailServer(make_pki(pki_dir)).start()
        try:
            gen_s, shots = _timed(lambda: [screen_png(seed) for seed in range(5)])
            total_png = sum(len(s) for s in shots)  # type: ignore[union-attr]
            print(f"5 screenshots 1920x1080: {total_png / 1e6:.2f} MB of PNG "
                  f"(generated in {gen_s:.2f} s)")
            print("STARTTLS + AUTH PLAIN to aiosmtpd on 127.0.0.1; "
                  f"{args.runs} runs; median / worst, seconds")
            for budget in (10.0, args.budget_mb):
                figures = run(args.runs, budget, folder, server, shots)  # type: ignore[arg-type]
                print(f"\nsize budget {budget:g} MB -> message "
                      f"{statistics.median(figures.pop('size_mb')):.2f} MB as sent")
                for key, values in figures.items():
                    print(f"  {key:<7} {statistics.median(values):6.3f} / {max(values):6.3f}")
            print(f"\nmessages received by the server: {len(server.delivered)}")
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
