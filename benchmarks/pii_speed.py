"""How long ``samu-desktop pii-scan --json IMAGE`` takes, one image per process, per screen size.

Usage: python benchmarks/pii_speed.py [--set DIR] [--per-size N] [--before CHECKOUT] [--json]

The administrator's command as it is run: a fresh process per image, so the
figures include Python's start, the imports, the name lists and the OCR
models. For each size (1366×768, 1920×1080, 4K at scale 2) of a set rendered
by headless Firefox ESR (``benchmarks/pii_webset.py``; generated into a
temporary folder when ``--set`` is not given), on ``--per-size`` screens of
that size: wall time, CPU time (user + system, of that process alone, read
with ``os.wait4``) and peak memory (max RSS). Then the same screens in one
process (the whole-run figure of the issue), and the start-up part alone,
each step in a fresh process: an empty Python, importing the detector,
loading the name lists, loading one OCR model.

``--before CHECKOUT`` (another copy of the sources, e.g. ``git worktree add
/tmp/old main``): each screen is also scanned by that code, in turn with this
code, so that both meet the same load (``one_image_per_process_before``).

The machine is shared: read CPU time more than wall time, and ratios more than
absolute values. No assertion here (tests never assert on time).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SIZES = {"1366x768": (1300, 1500), "1920x1080": (1800, 2000), "4K": (3200, 4000)}

_STARTUP = r"""
import json, time
T = time.process_time
out = {}
t = T(); import samu_desktop.pii.detect; out["import_detector"] = T() - t
t = T()
from samu_desktop.pii.names import gazetteer
gazetteer(); out["name_lists"] = T() - t
from samu_desktop.pii.ocr_tesserocr import TesserocrEngine
t = T(); TesserocrEngine()._api(); out["one_ocr_model"] = T() - t
print(json.dumps(out))
"""


def timed(cmd: list[str], code: Path | None = None) -> tuple[float, float, float, bytes]:
    """Wall seconds, CPU seconds and max RSS (MB) of one child process, and its output.

    ``code``: the checkout whose ``samu_desktop`` the child runs (default: this one)."""
    env = dict(os.environ, PYTHONPATH=str(code or HERE.parent))
    start = time.perf_counter()
    # Run from a neutral folder: ``python -m`` puts the current folder first on the path.
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            cwd=tempfile.gettempdir())
    out = proc.stdout.read() if proc.stdout else b""
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(err.decode(errors="replace"))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out


def pick(set_dir: Path, per_size: int) -> dict[str, list[Path]]:
    manifest = json.loads((set_dir / "manifest.json").read_text(encoding="utf-8"))
    chosen: dict[str, list[Path]] = {size: [] for size in SIZES}
    for screen in manifest["screens"]:
        for size, (low, high) in SIZES.items():
            if low <= screen["width"] < high and len(chosen[size]) < per_size:
                chosen[size].append(set_dir / screen["file"])
    return chosen


def figures(values: list[float]) -> dict[str, float]:
    return {"min": round(min(values), 2), "median": round(statistics.median(values), 2),
            "max": round(max(values), 2)}


def sizes_report(runs: dict[str, list[tuple[float, float, float, bytes]]]) -> dict[str, object]:
    return {size: {"images": len(r), "wall_s": figures([x[0] for x in r]),
                   "cpu_s": figures([x[1] for x in r]), "peak_rss_mb": round(max(x[2] for x in r))}
            for size, r in runs.items() if r}


def measure(set_dir: Path, per_size: int, before: Path | None = None) -> dict[str, object]:
    scan = [sys.executable, "-m", "samu_desktop", "pii-scan", "--json"]
    report: dict[str, object] = {"load_average_before": os.getloadavg()[0]}
    empty = [timed([sys.executable, "-c", "pass"]) for _ in range(3)]
    report["empty_python"] = {"wall_s": figures([e[0] for e in empty]),
                              "cpu_s": figures([e[1] for e in empty]),
                              "rss_mb": round(max(e[2] for e in empty))}
    steps = [json.loads(timed([sys.executable, "-c", _STARTUP])[3]) for _ in range(3)]
    report["startup_cpu_s"] = {key: round(statistics.median(s[key] for s in steps), 3)
                               for key in steps[0]}
    chosen = pick(set_dir, per_size)
    now: dict[str, list[tuple[float, float, float, bytes]]] = {}
    old: dict[str, list[tuple[float, float, float, bytes]]] = {}
    for size, paths in chosen.items():
        for path in paths:
            if before is not None:
                old.setdefault(size, []).append(timed([*scan, str(path)], before))
            run = timed([*scan, str(path)])
            json.loads(run[3])  # the output format still parses
            now.setdefault(size, []).append(run)
    report["one_image_per_process"] = sizes_report(now)
    if before is not None:
        report["one_image_per_process_before"] = sizes_report(old)
    every = [p for paths in chosen.values() for p in paths]
    wall, cpu, rss, out = timed([*scan, *map(str, every)])
    assert len(json.loads(out)["images"]) == len(every)
    report["whole_run"] = {"images": len(every), "wall_s_per_image": round(wall / len(every), 2),
                           "cpu_s_per_image": round(cpu / len(every), 2),
                           "peak_rss_mb": round(rss)}
    report["load_average_after"] = os.getloadavg()[0]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, help="a set made by pii_webset.py")
    parser.add_argument("--per-size", type=int, default=3)
    parser.add_argument("--before", type=Path, help="a checkout of the code to compare with")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pii-speed-") as tmp:
        set_dir = args.set
        if set_dir is None:
            import pii_webset

            set_dir = Path(tmp) / "web"
            pii_webset.generate(set_dir, 24, 23, "holdout")
        report = measure(set_dir, args.per_size, args.before)
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        for key, value in report.items():
            print(f"{key}: {json.dumps(value)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
