"""The editor on a HiDPI screen (Qt scale factors 1.25, 1.5, 2), in a fresh process.

The scale factor must be set before Qt starts, hence the subprocess. A box
dragged with the mouse must cover, once exported, every capture pixel it was
drawn over: no one-pixel sliver left at the edge by fractional scaling.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

SCRIPT = r"""
import io, json, os
from PIL import Image
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from samu_desktop.gui.redaction import RedactionEditor
from samu_desktop.gui.tasks import TaskRunner

app = QApplication([])
raw = bytearray(os.urandom(600 * 400 * 3))
raw[0::3] = bytes(b | 1 for b in raw[0::3])
original = Image.frombytes("RGB", (600, 400), bytes(raw))
editor = RedactionEditor(runner=TaskRunner(synchronous=True))
editor.resize(700, 500)
editor.show()
QTest.qWaitForWindowExposed(editor)
editor.add_capture(original)
view = editor.view
results = {"ratio": view.devicePixelRatioF()}
for zoom in ("fit", "actual"):
    if zoom == "actual":
        view.zoom_actual()
        view.centerOn(175, 140)
        results["actual_zoom"] = view.zoom
    a = view.mapFromScene(QPointF(100.3, 100.6))
    b = view.mapFromScene(QPointF(250.2, 180.7))
    vp = view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(vp, (a + b) / 2)
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    doc = editor.document(0)
    box = doc.box(max(doc.boxes))
    results[zoom] = [box.left, box.top, box.right, box.bottom]
    results[zoom + "_zoom"] = view.zoom
    # Where the tool saw the mouse, in capture pixels (what the user dragged over).
    pa, pb = view.mapToScene(a), view.mapToScene(b)
    results[zoom + "_dragged"] = [pa.x(), pa.y(), pb.x(), pb.y()]
    out = Image.open(io.BytesIO(editor.jobs()[0].export())).convert("RGB")
    left, top = int(pa.x()), int(pa.y())  # every pixel the drag touched
    right, bottom = int(pb.x()) + (pb.x() % 1 > 0), int(pb.y()) + (pb.y() % 1 > 0)
    colours = out.crop((left, top, right, bottom)).getcolors()
    results[zoom + "_dragged_colours"] = [list(c) for _, c in colours]
    doc.undo_stack.undo()
print(json.dumps(results))
"""


@pytest.mark.parametrize("factor", ["1.25", "1.5", "2"])
def test_drawn_box_covers_what_the_mouse_went_over(factor: str) -> None:
    env = dict(os.environ, QT_SCALE_FACTOR=factor, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["ratio"] == pytest.approx(float(factor))
    # 100 % means one capture pixel per physical pixel, whatever the scaling.
    assert data["actual_zoom"] == pytest.approx(1 / float(factor))
    for zoom in ("fit", "actual"):
        left, top, right, bottom = data[zoom]
        assert all(v == int(v) for v in data[zoom])  # snapped to whole pixels
        # Every capture pixel the drag went over is covered, and burnt black.
        x0, y0, x1, y1 = data[f"{zoom}_dragged"]
        assert left <= x0 and top <= y0 and right >= x1 and bottom >= y1
        assert data[f"{zoom}_dragged_colours"] == [[0, 0, 0]]
        # And not much more: the mouse lands on whole logical pixels.
        slack = 1 / data[f"{zoom}_zoom"] + 1
        assert abs(left - 100.3) <= slack and abs(top - 100.6) <= slack
        assert abs(right - 250.2) <= slack and abs(bottom - 180.7) <= slack
