"""How long rebuilding a waiting report takes, just before it leaves (issue 19).

Run: ``.venv/bin/python benchmarks/outbox_rebuild.py [--runs N]``

A case-B report kept on a fresh install (no CRRA, no reporter) with two
1920×1080 screenshots of synthetic noise is rebuilt with complete settings, as
the outbox sender does under the entry's lock, on its own thread (never the
GUI's). Prints the message size and the median and worst time of one rebuild.
Uses a fresh temporary HOME: nothing of the user's is read or written.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    home = Path(tempfile.mkdtemp(prefix="bench-rebuild-"))
    for name, sub in (("HOME", ""), ("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                      ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
        os.environ[name] = str(home / sub)

    from PIL import Image

    from samu_desktop.config.paths import AppPaths
    from samu_desktop.config.settings import Settings
    from samu_desktop.mail.outbox import Outbox
    from samu_desktop.procedure import load_catalogue
    from samu_desktop.report.attachments import ReportAttachments
    from samu_desktop.report.autofill import MachineFacts, new_report
    from samu_desktop.report.drafts import DraftStore
    from samu_desktop.report.outgoing import build_report_message, prepare_for_sending
    from samu_desktop.report.rebuild import ReportRebuilder
    from samu_desktop.report.reference import ensure_reference

    paths = AppPaths.default()
    catalogue = load_catalogue()
    blank = Settings()
    report = new_report(catalogue, "B", "selfcare", blank, MachineFacts())
    ensure_reference(report, "")
    prepare_for_sending(report, catalogue, blank)
    store = ReportAttachments(paths, report.id)
    noise = random.Random(1)
    for number in (1, 2):
        image = Image.new("RGB", (1920, 1080), (240, 240, 240))
        pixels = image.load()
        assert pixels is not None
        for _ in range(200_000):
            pixels[noise.randrange(1920), noise.randrange(1080)] = (noise.randrange(256),) * 3
        out = io.BytesIO()
        image.save(out, "PNG")
        store.save_export(f"capture-{number}", out.getvalue())
    report.screenshots = ["capture-1", "capture-2"]
    drafts = DraftStore(paths)
    drafts.save(report)
    drafts.mark_finished(report.id)
    outbox = Outbox(paths.outbox_dir)
    record = outbox.add(build_report_message(report, catalogue, blank, store),
                        report_id=str(report.id))
    data = outbox.message_bytes(record.id)
    fixed = Settings(crra_id="FR999", reporter_name="Agent Exemple",
                     reporter_email="agent@example.invalid", sender_address="x@example.invalid")
    rebuild = ReportRebuilder(paths, catalogue)
    rebuild(record, data, fixed)  # warm: imports, the checks' models
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        rebuild(record, data, fixed)
        times.append(time.perf_counter() - start)
    print(f"message {len(data) / 1e6:.2f} MB; one rebuild: median "
          f"{statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms "
          f"({runs} runs)")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
