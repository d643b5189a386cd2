"""Benchmark of the patient-data detector on the synthetic evaluation set.

Usage: python benchmarks/pii_eval.py [--count N] [--seed S] [--set DIR] [--misses] [--json]
                                    [--engine default|program|tesserocr]

Generates the set (benchmarks/pii_evalset.py) into a temporary folder unless
--set names one, runs ``samu_desktop.pii.detect.detect`` on every screen and
prints:
- recall: a value counts as hidden when at least 95 % of its ink pixels lie
  under the proposed boxes; overall, per kind and per layout;
- false boxes per screen without patient data (every box there is false);
- boxes on patient screens that touch no patient-data ink (for information);
- seconds per image, for 1920×1080 screens and for 3840×2160 ones.
Targets (issue 7): recall >= 0.98 overall and per kind, <= 1 false box per
screen without patient data, <= 2 s per 1920×1080 image on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import pii_evalset  # noqa: E402

from samu_desktop.pii.detect import Box, detect  # noqa: E402
from samu_desktop.pii.engines import default_engine  # noqa: E402
from samu_desktop.pii.ocr import OcrEngine, TesseractEngine  # noqa: E402
from samu_desktop.pii.ocr_tesserocr import TesserocrEngine  # noqa: E402

HIDDEN = 0.95


def coverage(labels: Image.Image, boxes: list[Box]) -> tuple[list[int], list[int]]:
    """Ink pixels per value id, and how many of them lie under the boxes."""
    mask = Image.new("L", labels.size, 0)
    draw = ImageDraw.Draw(mask)
    for b in boxes:
        draw.rectangle((b.x, b.y, b.x + b.width - 1, b.y + b.height - 1), fill=255)
    covered = Image.composite(labels, Image.new("L", labels.size, 0), mask)
    return labels.histogram(), covered.histogram()


def touches_ink(labels: Image.Image, box: Box) -> bool:
    region = labels.crop((box.x, box.y, box.x + box.width, box.y + box.height))
    return region.getbbox() is not None


def make_engine(name: str) -> OcrEngine:
    if name == "program":
        return TesseractEngine()
    if name == "tesserocr":
        return TesserocrEngine()
    return default_engine()


def evaluate(set_dir: Path, show_misses: bool = False, engine: OcrEngine | None = None
             ) -> dict[str, object]:
    manifest = json.loads((set_dir / "manifest.json").read_text(encoding="utf-8"))
    hidden: dict[str, list[bool]] = defaultdict(list)
    per_layout: dict[str, list[bool]] = defaultdict(list)
    false_boxes: list[int] = []
    stray_boxes: list[int] = []
    seconds: dict[str, list[float]] = defaultdict(list)
    misses: list[str] = []
    novel: list[bool] = []  # names no word of which is in the gazetteer (blind split)
    for screen in manifest["screens"]:
        image = Image.open(set_dir / screen["file"])
        image.load()
        start = time.perf_counter()
        boxes = detect(image, engine=engine)
        seconds[f"{screen['width']}x{screen['height']}"].append(time.perf_counter() - start)
        if not screen["has_patient_data"]:
            false_boxes.append(len(boxes))
            if show_misses:
                misses.extend(f"FALSE {screen['file']}: {b}" for b in boxes)
            continue
        labels = Image.open(set_dir / screen["labels"])
        total, covered = coverage(labels, boxes)
        for value in screen["values"]:
            ink = total[value["id"]]
            ok = ink == 0 or covered[value["id"]] / ink >= HIDDEN
            hidden[value["kind"]].append(ok)
            if value.get("novel"):
                novel.append(ok)
            per_layout[screen["layout"]].append(ok)
            if not ok:
                misses.append(f"MISS {screen['file']} {value['kind']}: {value['text']!r} "
                              f"({covered[value['id']] / ink:.0%})")
        stray = [b for b in boxes if not touches_ink(labels, b)]
        stray_boxes.append(len(stray))
        if show_misses:
            misses.extend(f"STRAY {screen['file']}: {b}" for b in stray)
    everything = [ok for oks in hidden.values() for ok in oks]
    return {
        "screens": len(manifest["screens"]),
        "values": len(everything),
        "recall": sum(everything) / max(1, len(everything)),
        "recall_per_kind": {k: sum(v) / len(v) for k, v in sorted(hidden.items())},
        "values_per_kind": {k: len(v) for k, v in sorted(hidden.items())},
        "recall_novel_names": {"recall": sum(novel) / len(novel), "n": len(novel)}
        if novel else None,
        "recall_per_layout": {k: sum(v) / len(v) for k, v in sorted(per_layout.items())},
        "screens_without_patient_data": len(false_boxes),
        "false_boxes_per_clean_screen": {
            "mean": statistics.fmean(false_boxes) if false_boxes else 0.0,
            "max": max(false_boxes, default=0),
        },
        "false_boxes_total": sum(false_boxes),
        "stray_boxes_per_patient_screen": statistics.fmean(stray_boxes) if stray_boxes else 0.0,
        "stray_boxes_total": sum(stray_boxes),
        "seconds_per_image": {
            size: {"median": statistics.median(v), "max": max(v), "n": len(v)}
            for size, v in sorted(seconds.items())
        },
        "load_average_at_end": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--set", type=Path, help="an existing set (pii_evalset.py output)")
    parser.add_argument("--misses", action="store_true", help="list missed values and boxes")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--engine", choices=["default", "program", "tesserocr"],
                        default="default", help="OCR engine (default: as the app chooses)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pii-eval-") as tmp:
        set_dir = args.set or Path(tmp)
        if args.set is None:
            pii_evalset.generate(set_dir, args.count, args.seed)
        print(f"load average before: {os.getloadavg()[0]:.2f}", file=sys.stderr)
        engine = make_engine(args.engine)
        print(f"engine: {type(engine).__name__}", file=sys.stderr)
        result = evaluate(set_dir, args.misses, engine)
    misses = result.pop("misses")
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        for key, value in result.items():
            print(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    if args.misses:
        assert isinstance(misses, list)
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
