"""Benchmark: the redaction editor on a 3840×2160 capture with 50 boxes.

Measures, offscreen (no GPU, the raster painter as on a plain Windows PC):
- opening the capture in the editor (the one PIL → QPixmap conversion);
- paint time of the view while a box is dragged, N mouse-move steps, at the
  "fit" zoom and at 100 %; each step is one mouse move on the viewport
  followed by the repaint of the region Qt marks dirty;
- export: burn + PNG encode + decode-and-compare, at compression 6 and 1;
- the vault: encrypt + write, read + decrypt (needs no keyring: the key is
  given directly here, since only the crypto and I/O are timed).

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/redaction_editor.py [steps]``
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image, ImageDraw
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from samu_desktop.gui.redaction import RedactionEditor
from samu_desktop.gui.redaction.view import RedactionView
from samu_desktop.redaction import Box, RedactionJob, Vault

WIDTH, HEIGHT, BOXES = 3840, 2160, 50


def synthetic_screen(seed: int = 6) -> Image.Image:
    """A busy call-centre-like screen: panels, tables of text, coloured badges."""
    rng = random.Random(seed)
    image = Image.new("RGB", (WIDTH, HEIGHT), (236, 239, 244))
    draw = ImageDraw.Draw(image)
    for x0 in range(0, WIDTH, 960):
        draw.rectangle((x0 + 8, 60, x0 + 950, HEIGHT - 10), fill=(255, 255, 255),
                       outline=(200, 205, 215))
        for row, y in enumerate(range(80, HEIGHT - 30, 18)):
            if row % 2:
                draw.rectangle((x0 + 10, y - 2, x0 + 948, y + 14), fill=(246, 248, 252))
            text = (
                f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}  "
                f"Appel {rng.randint(1000, 9999)}  DUPONT Jean  "
                f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} 45 67  "
                f"file 15  ARM {rng.randint(1, 40)}"
            )
            draw.text((x0 + 16, y), text, fill=(30, 35, 50))
            if rng.random() < 0.2:
                colour = rng.choice([(229, 57, 53), (67, 160, 71), (251, 140, 0)])
                draw.rectangle((x0 + 820, y, x0 + 900, y + 12), fill=colour)
    draw.rectangle((0, 0, WIDTH, 50), fill=(25, 60, 120))
    return image


def stats(values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return (f"median {statistics.median(ms):6.2f} ms  p95 {p95:6.2f} ms  max {ms[-1]:6.2f} ms"
            f"  (n={len(ms)})")


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def drag_benchmark(app: QApplication, editor: RedactionEditor, steps: int,
                   paints: list[float]) -> tuple[list[float], list[float]]:
    """Drags box 0 in a circle; returns (paint durations, whole-step durations)."""
    view = editor.view
    doc = editor.document(0)
    first = min(doc.boxes)
    box = doc.box(first)
    editor.select_tool("select")
    viewport = view.viewport()
    start = view.mapFromScene(QPointF((box.left + box.right) / 2, (box.top + box.bottom) / 2))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    app.processEvents()
    paints.clear()
    step_times = []
    item = view.capture_scene.box_items[first]
    before = item.rect
    for i in range(steps):
        offset = start + type(start)(int(120 * ((i % 40) / 40)), int(60 * ((i % 20) / 20)))
        t0 = time.perf_counter()
        QTest.mouseMove(viewport, offset)
        app.processEvents()  # the repaint of the dirty region happens here
        step_times.append(time.perf_counter() - t0)
    drag_paints = list(paints)
    if item.rect == before:
        raise SystemExit("the drag did not move the box: the figures would mean nothing")
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    app.processEvents()
    return drag_paints, step_times


def main() -> None:
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    paints: list[float] = []
    areas: list[int] = []
    original_paint = RedactionView.paintEvent

    def timed_paint(self: RedactionView, event: QPaintEvent) -> None:
        t0 = time.perf_counter()
        original_paint(self, event)
        paints.append(time.perf_counter() - t0)
        rect = event.region().boundingRect()
        areas.append(rect.width() * rect.height())

    RedactionView.paintEvent = timed_paint  # type: ignore[method-assign,assignment]

    print(f"Qt platform: {app.platformName()}, Python {sys.version.split()[0]}")
    t0 = time.perf_counter()
    image = synthetic_screen()
    print(f"synthetic {WIDTH}x{HEIGHT} screen generated in {time.perf_counter() - t0:.2f} s")

    rng = random.Random(50)
    # The dragged box is a large one (a patient panel), the worst case for repaint.
    boxes = [Box.from_xywh(1200, 700, 900, 400)]
    boxes += [Box.from_xywh(rng.randrange(0, WIDTH - 400), rng.randrange(60, HEIGHT - 100),
                           rng.randrange(80, 400), rng.randrange(16, 80),
                           kind=rng.choice([None, None, "phone", "name"]))
             for _ in range(BOXES - 1)]

    editor = RedactionEditor()
    editor.resize(1600, 1000)
    editor.show()
    app.processEvents()
    t0 = time.perf_counter()
    editor.add_capture(image)
    app.processEvents()
    print(f"open capture in the editor (one conversion + thumbnail + first paint): "
          f"{(time.perf_counter() - t0) * 1000:.0f} ms")
    editor.document(0).add_boxes(boxes)
    app.processEvents()
    print(f"viewport {editor.view.viewport().width()}x{editor.view.viewport().height()}, "
          f"{len(editor.document(0).boxes)} boxes")

    for label, zoom in (("fit", editor.view.zoom_fit), ("100 %", editor.view.zoom_actual)):
        zoom()
        app.processEvents()
        if label == "100 %":
            box = editor.document(0).box(min(editor.document(0).boxes))
            editor.view.centerOn((box.left + box.right) / 2, (box.top + box.bottom) / 2)
            app.processEvents()
        areas.clear()
        drag_paints, step_times = drag_benchmark(app, editor, steps, paints)
        dirty = statistics.median(areas) if areas else 0
        whole = editor.view.viewport().width() * editor.view.viewport().height()
        print(f"drag a box, zoom {label:>5} ({editor.view.zoom:.3f}), median dirty region "
              f"{dirty / 1000:.0f} kpx of {whole / 1000:.0f} kpx:")
        print(f"  paint per step : {stats(drag_paints)}")
        print(f"  move + paint   : {stats(step_times)}")
        paints.clear()
        t0 = time.perf_counter()
        editor.view.viewport().repaint()
        print(f"  full-viewport repaint for comparison: {(time.perf_counter() - t0) * 1000:.2f} ms")

    job = editor.jobs()[0]
    rendered = job.render()
    print("export of one 3840x2160 capture with 50 boxes (best of 3):")
    print(f"  burn (copy + 50 fills)            : {timed(job.render) * 1000:7.1f} ms")
    for level in (6, 1):
        level_job = RedactionJob(image=image, boxes=job.boxes, compress_level=level)
        data = level_job.export()
        print(f"  export_png level {level} (burn+encode+verify): "
              f"{timed(level_job.export) * 1000:7.1f} ms, {len(data) / 1e6:.2f} MB")
    del rendered

    with tempfile.TemporaryDirectory() as folder:
        vault = Vault("bench", Path(folder))
        vault._key = os.urandom(32)  # skip the keyring: only crypto and I/O are timed
        print(f"vault store (PNG level 1 + AES-GCM + atomic write): "
              f"{timed(lambda: vault.store('capture-1', image)) * 1000:.0f} ms, "
              f"{(vault.directory / 'capture-1.vault').stat().st_size / 1e6:.2f} MB on disk")
        print(f"vault load  (read + AES-GCM + PNG decode)        : "
              f"{timed(lambda: vault.load('capture-1')) * 1000:.0f} ms")

    editor.clear()
    editor.close()


if __name__ == "__main__":
    main()
