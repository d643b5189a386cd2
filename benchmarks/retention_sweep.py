"""How long the sweep at start takes (retention, originals of ended reports).

Run: ``.venv/bin/python benchmarks/retention_sweep.py [--drafts N] [--runs N]``

Builds, in a fresh temporary home, ``--drafts`` unfinished drafts of the last ten days
and as many sent outbox entries of the last few days, none past the default retention,
then times :func:`samu_desktop.report.retention.sweep` (median and worst). It runs off
the GUI thread in the application; this says how soon after start it is done. No
keyring is touched (no vault on disk), as on a workstation without captures in progress.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=50)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="samu-sweep-")
    for name, sub in (("HOME", ""), ("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                      ("XDG_STATE_HOME", "state"), ("XDG_CONFIG_DIRS", "etc")):
        os.environ[name] = os.path.join(home, sub)
    # Imported once the folders point at the temporary home.
    from samu_desktop.config.paths import AppPaths
    from samu_desktop.config.settings import Settings
    from samu_desktop.mail.outbox import EntryState, Outbox
    from samu_desktop.procedure import load_catalogue
    from samu_desktop.report.drafts import DraftStore
    from samu_desktop.report.model import Report
    from samu_desktop.report.retention import sweep

    try:
        paths = AppPaths.default()
        drafts = DraftStore(paths)
        outbox = Outbox(paths.outbox_dir)
        version = load_catalogue().version
        for i in range(args.drafts):
            moment = datetime.now().astimezone() - timedelta(days=i % 10)
            drafts.save(Report.new("B", "portail", version, moment))
            message = EmailMessage()
            message["Message-ID"] = f"<bench-{i}@example.invalid>"
            message["To"] = "support@example.invalid"
            message.set_content("Texte synthétique.")
            sent = datetime.now(UTC) - timedelta(days=i % 5)
            record = outbox.add(message, now=sent)
            outbox.save(record.changed(state=EntryState.SENT, sent_at=sent))
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            sweep(paths, Settings())
            times.append(time.perf_counter() - start)
        print(f"sweep with {args.drafts} drafts and {args.drafts} sent e-mails, nothing "
              f"to delete: median {statistics.median(times) * 1000:.1f} ms, "
              f"worst {max(times) * 1000:.1f} ms ({args.runs} runs)")
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
