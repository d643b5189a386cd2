"""Every evaluation set of the patient-data detector, one report: recall per kind, false
boxes, seconds per image, memory.

Usage: python benchmarks/pii_eval_all.py [--out DIR] [--qt-count N] [--web-count N]
                                         [--cli-images N] [--json]

Sets (generated into DIR, default a temporary folder; reused when already there):
- ``qt-dev`` (seed 7) and ``qt-holdout`` (seed 1234): call-centre screens drawn by
  benchmarks/pii_evalset.py;
- ``web-dev``, ``web-dev2`` and ``web-holdout``: SI-SAMU-like pages rendered by
  headless Firefox ESR (benchmarks/pii_webset.py). The held-out splits are never
  used to tune a rule;
- ``web-blind`` (seed 4242, split ``blind``): held out too, names from another
  source than the gazetteer (synthetic surnames of several origins), more fonts,
  sizes, zooms and a third theme; its novel names are scored apart.

``--misses`` lists what was missed (and every false box) on the TUNING sets only:
looking at held-out screens one by one would make them tuning sets.

For each set: recall overall and per kind (a value is hidden when >= 95 % of its
ink is under the boxes), false boxes on the screens without patient data, boxes
on patient screens that touch no patient-data ink, and the detector's seconds
per image. Then the whole command, as an administrator runs it:
``samu-desktop pii-scan --json IMAGE`` in a fresh process per image (model
load included), its wall time and peak memory (max RSS), on ``--cli-images``
screens of each size of the held-out web set.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import pii_eval  # noqa: E402
import pii_evalset  # noqa: E402

TUNING = frozenset({"qt-dev", "web-dev", "web-dev2"})


def ensure(set_dir: Path, make: str, count: int, seed: int, split: str = "") -> Path:
    if (set_dir / "manifest.json").exists():
        return set_dir
    if make == "qt":
        pii_evalset.generate(set_dir, count, seed)
    else:
        import pii_webset

        pii_webset.generate(set_dir, count, seed, split)
    return set_dir


def cli_runs(set_dir: Path, per_size: int) -> dict[str, object]:
    """Wall time and peak memory of ``samu-desktop pii-scan --json`` per image."""
    manifest = json.loads((set_dir / "manifest.json").read_text(encoding="utf-8"))
    by_size: dict[str, list[Path]] = {}
    for screen in manifest["screens"]:
        size = "4K" if screen["width"] >= 3200 else f"{screen['width']}x{screen['height']}"
        by_size.setdefault(size, []).append(set_dir / screen["file"])
    exe = [sys.executable, "-m", "samu_desktop"]
    out: dict[str, object] = {}
    for size, paths in sorted(by_size.items()):
        walls, rss = [], []
        for path in paths[:per_size]:
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.perf_counter()
            done = subprocess.run([*exe, "pii-scan", "--json", str(path)], capture_output=True,
                                  check=False)
            walls.append(time.perf_counter() - start)
            if done.returncode != 0:
                raise RuntimeError(done.stderr.decode(errors="replace"))
            json.loads(done.stdout)  # the output format still parses
            rss.append(max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
        out[size] = {"n": len(walls), "wall_median_s": round(statistics.median(walls), 2),
                     "wall_max_s": round(max(walls), 2), "peak_rss_mb": round(max(rss) / 1024)}
    return out


def summary(result: dict[str, object]) -> dict[str, object]:
    seconds = result["seconds_per_image"]
    assert isinstance(seconds, dict)
    return {
        "screens": result["screens"],
        "values": result["values"],
        "recall": round(float(result["recall"]), 4),  # type: ignore[arg-type]
        "recall_per_kind": {k: round(v, 3) for k, v in result["recall_per_kind"].items()},  # type: ignore[union-attr]
        "values_per_kind": result["values_per_kind"],
        "recall_novel_names": result["recall_novel_names"],
        "clean_screens": result["screens_without_patient_data"],
        "false_boxes_on_clean_screens": result["false_boxes_total"],
        "boxes_touching_no_patient_data_on_patient_screens": result["stray_boxes_total"],
        "detect_s_per_image_median": round(statistics.median(
            v["median"] for v in seconds.values()), 2),
        "detect_s_per_image_max": round(max(v["max"] for v in seconds.values()), 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path)
    parser.add_argument("--qt-count", type=int, default=40)
    parser.add_argument("--web-count", type=int, default=42)
    parser.add_argument("--cli-images", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--misses", action="store_true",
                        help="list misses and false boxes of the tuning sets")
    parser.add_argument("--sets", help="comma-separated names of the sets to score")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pii-all-") as tmp:
        root = args.out or Path(tmp)
        sets = {
            "qt-dev": ensure(root / "qt-dev", "qt", args.qt_count, 7),
            "qt-holdout": ensure(root / "qt-holdout", "qt", args.qt_count, 1234),
            "web-dev": ensure(root / "web-dev", "web", args.web_count, 11, "dev"),
            "web-dev2": ensure(root / "web-dev2", "web", args.web_count, 5, "dev2"),
            "web-holdout": ensure(root / "web-holdout", "web", args.web_count, 23, "holdout"),
            "web-blind": ensure(root / "web-blind", "web", args.web_count, 4242, "blind"),
        }
        if args.sets:
            wanted = args.sets.split(",")
            sets = {k: v for k, v in sets.items() if k in wanted}
        print(f"load average before: {os.getloadavg()[0]:.2f}", file=sys.stderr)
        report: dict[str, object] = {}
        for name, set_dir in sets.items():
            tuning = name in TUNING
            result = pii_eval.evaluate(set_dir, show_misses=args.misses and tuning)
            report[name] = summary(result)
            print(f"{name}: {json.dumps(report[name], ensure_ascii=False)}", file=sys.stderr)
            if args.misses and tuning:
                print("\n".join(f"  {m}" for m in result["misses"]), file=sys.stderr)  # type: ignore[union-attr]
        if "web-holdout" in sets and args.cli_images > 0:
            report["cli_per_image_web_holdout"] = cli_runs(sets["web-holdout"], args.cli_images)
        report["load_average_at_end"] = os.getloadavg()[0]
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        for key, value in report.items():
            print(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
