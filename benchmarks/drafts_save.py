"""How long a draft save takes, since the wizard saves at every keystroke.

Run: ``.venv/bin/python benchmarks/drafts_save.py [--saves N] [--dir PATH]``

Prints, for a typical report (Bandeau de communication, every question
answered, a 600-character description) and a large one (5,000 characters),
the median, 95th percentile and worst time of: the JSON serialisation alone,
and the whole durable save (atomic replace with fsync of the file and of its
folder). ``--dir`` measures another disk (the default is a fresh temporary
folder, usually on the same disk as /tmp).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from samu_desktop.config.paths import AppPaths
from samu_desktop.procedure import load_catalogue
from samu_desktop.report.drafts import DraftStore
from samu_desktop.report.model import Report


def _report(description_length: int) -> Report:
    catalogue = load_catalogue()
    now = datetime.now(UTC)
    report = Report.new("B", "bandeau", catalogue.version, now)
    for f in catalogue.fields_for("B", "bandeau"):
        if f.type == "datetime":
            report.set_answer(f.id, now - timedelta(minutes=5))
        elif f.type == "single_choice":
            report.set_answer(f.id, f.choices[-1].id)
        elif f.type == "multi_choice":
            report.set_answer(f.id, [c.id for c in f.choices])
        elif f.type == "yes_no":
            report.set_answer(f.id, True)
        elif f.type in ("short_text", "long_text"):
            report.set_answer(f.id, "Texte synthétique. ")
    report.set_answer("description", ("Texte synthétique de test. " * 400)[:description_length])
    report.screenshots = ["capture-1", "capture-2", "capture-3"]
    report.prerequisites = "prerequis-1"
    return report


def _figures(samples: list[float]) -> str:
    ms = sorted(s * 1000 for s in samples)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return f"median {statistics.median(ms):6.3f} ms   p95 {p95:6.3f} ms   max {ms[-1]:6.3f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=300)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    base = args.dir or Path(tempfile.mkdtemp(prefix="drafts-bench-"))
    try:
        _run(base, args.saves)
    finally:
        if args.dir is None:
            shutil.rmtree(base, ignore_errors=True)
    return 0


def _run(base: Path, saves: int) -> None:
    paths = AppPaths(config_dir=base / "c", data_dir=base / "d", state_dir=base / "s",
                     log_dir=base / "l", policy_dir=base / "p")
    store = DraftStore(paths)
    print(f"{saves} saves per line, folder {paths.drafts_dir}")
    for name, length in (("typical (600 chars)", 600), ("large (5,000 chars)", 5000)):
        report = _report(length)
        size = len(report.model_dump_json(indent=1).encode())
        dump: list[float] = []
        save: list[float] = []
        for i in range(saves):
            # Each "keystroke" changes the text, as typing does.
            report.answers["error_message_text"] = "x" * (i % 50)
            t0 = time.perf_counter()
            report.model_dump_json(indent=1)
            t1 = time.perf_counter()
            store.save(report)
            t2 = time.perf_counter()
            dump.append(t1 - t0)
            save.append(t2 - t1)
        print(f"{name:22s} {size:6d} bytes  serialise: {_figures(dump)}")
        print(f"{'':22s} {'':6s}        save:      {_figures(save)}")


if __name__ == "__main__":
    sys.exit(main())
