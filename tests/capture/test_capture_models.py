"""The capture models: rectangles, monitor layouts, captures, the log of hotkey captures."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest
from PIL import Image
from pydantic import ValidationError

from samu_desktop.capture.grabber import crop_from
from samu_desktop.capture.models import (
    Capture,
    CaptureBatch,
    CaptureLog,
    MonitorLayout,
    Rect,
)

PARIS_WINTER = timezone(timedelta(hours=1))
TWO = MonitorLayout.parse("1920x1080+0+0,1920x1080+1920+0")


def _screen(layout: MonitorLayout, index: int, color: tuple[int, int, int],
            when: datetime) -> Capture:
    monitor = layout.monitor(index)
    assert monitor is not None
    image = Image.new("RGB", (monitor.rect.width, monitor.rect.height), color)
    return Capture(image=image, monitor=monitor, area=monitor.rect, taken_at=when)


def _batch(when: datetime) -> CaptureBatch:
    return CaptureBatch(captures=(_screen(TWO, 1, (1, 2, 3), when),), taken_at=when)


def test_rect_intersection_and_corners() -> None:
    a = Rect(left=0, top=0, width=1920, height=1080)
    b = Rect(left=1800, top=500, width=300, height=200)
    assert a.intersect(b) == Rect(left=1800, top=500, width=120, height=200)
    # Disjoint rectangles have no intersection (not a rectangle between them).
    assert a.intersect(Rect(left=1920, top=0, width=10, height=10)) is None
    assert Rect.from_corners(10, 20, 5, 8) == Rect(left=5, top=8, width=5, height=12)
    assert Rect.from_corners(3, 3, 3, 9) is None


def test_layout_from_mss_skips_the_union_entry() -> None:
    layout = MonitorLayout.from_mss(
        [
            {"left": -1280, "top": 0, "width": 3200, "height": 1080},
            {"left": 0, "top": 0, "width": 1920, "height": 1080, "is_primary": True,
             "output": "HDMI-1"},
            {"left": -1280, "top": 56, "width": 1280, "height": 1024, "output": "DP-2"},
        ]
    )
    assert [m.index for m in layout.monitors] == [1, 2]
    assert layout.primary.name == "HDMI-1"
    assert layout.bounds == Rect(left=-1280, top=0, width=3200, height=1080)
    assert layout.monitor_at(-1, 100) == layout.monitor(2)
    # Left of the second monitor, above its top: in no monitor.
    assert layout.monitor_at(-1, 10) is None


def test_best_monitor_is_the_one_showing_most_of_the_region() -> None:
    assert TWO.best_monitor_for(Rect(left=1800, top=0, width=300, height=10)).index == 2
    assert TWO.best_monitor_for(Rect(left=300, top=200, width=72, height=70)).index == 1


def test_capture_requires_rgb_aware_time_and_matching_size() -> None:
    monitor = TWO.primary
    good = Image.new("RGB", (1920, 1080))
    with pytest.raises(ValidationError):
        Capture(image=good.convert("RGBA"), monitor=monitor, area=monitor.rect,
                taken_at=datetime.now(UTC))
    with pytest.raises(ValidationError):
        Capture(image=good, monitor=monitor, area=monitor.rect, taken_at=datetime.now())
    with pytest.raises(ValidationError):
        Capture(image=good.resize((960, 540)), monitor=monitor, area=monitor.rect,
                taken_at=datetime.now(UTC))


def test_capture_repr_carries_no_pixels() -> None:
    capture = _screen(TWO, 1, (9, 9, 9), datetime(2026, 1, 5, 14, 3, tzinfo=PARIS_WINTER))
    text = repr(capture)
    assert "1920x1080" in text and "2026-01-05T14:03:00+01:00" in text
    assert len(text) < 200


def test_crop_across_two_monitors_stitches_both() -> None:
    when = datetime(2026, 1, 5, 14, 3, tzinfo=PARIS_WINTER)
    left, right = _screen(TWO, 1, (200, 0, 0), when), _screen(TWO, 2, (0, 0, 200), when)
    region = Rect(left=1800, top=500, width=300, height=200)
    capture = crop_from([left, right], region, TWO)
    assert capture.image.size == (300, 200)
    assert capture.image.getpixel((0, 0)) == (200, 0, 0)
    assert capture.image.getpixel((119, 199)) == (200, 0, 0)
    assert capture.image.getpixel((120, 0)) == (0, 0, 200)
    assert capture.kind == "region" and capture.monitor.index == 2
    assert capture.area == region


def test_log_keeps_batches_in_time_order() -> None:
    log = CaptureLog()
    base = datetime(2026, 1, 5, 14, 0, tzinfo=PARIS_WINTER)
    log.add(_batch(base + timedelta(seconds=20)))
    log.add(_batch(base))
    log.add(_batch(base + timedelta(seconds=40)))
    times = [b.taken_at for b in log.batches()]
    assert times == sorted(times)
    assert log.first_taken_at == base
    assert len(log.captures()) == 3
    taken = log.take()
    assert len(taken) == 3 and len(log) == 0 and log.first_taken_at is None


def test_log_is_bounded_but_keeps_the_first_capture() -> None:
    log = CaptureLog(max_batches=3)
    base = datetime(2026, 1, 5, 14, 0, tzinfo=UTC)
    for n in range(6):
        log.add(_batch(base + timedelta(minutes=n)))
    minutes = [int((b.taken_at - base).total_seconds() // 60) for b in log.batches()]
    assert minutes == [0, 4, 5]
    assert log.dropped == 3


def test_log_accepts_batches_from_several_threads() -> None:
    log = CaptureLog(max_batches=1000)
    base = datetime(2026, 1, 5, 14, 0, tzinfo=UTC)

    def add_many(offset: int) -> None:
        for n in range(50):
            log.add(_batch(base + timedelta(seconds=offset + 4 * n)))

    threads = [threading.Thread(target=add_many, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    times = [b.taken_at for b in log.batches()]
    assert len(times) == 200 and times == sorted(times)
