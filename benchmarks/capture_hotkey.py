"""Hotkey press → screens in memory, and → PNG files on disk, against scrot and ImageMagick.

Two 1920×1080 monitors side by side (one 3840×1080 Xvfb, the layout injected)
show a synthetic busy screen. In one run, alternately:

- the app's path: an XTEST key press of Ctrl+Alt+Shift+S → the X11 backend's
  grab fires → the mss instance (opened by the first press, as in the app, whose
  idle tray keeps no capture open; timed apart) grabs both screens → RGB images in
  memory (timed at the end of the callback); then both screens encoded to
  PNG (Pillow, compress_level=1) on two worker threads and written to a
  temporary folder (timed when both files are written);
- ``scrot -o`` and ``import -window root``, as whole processes capturing the
  same 3840×1080 to PNG.

The PNG files hold the synthetic screen only (no real capture) and go to a
temporary folder deleted at the end.

    .venv/bin/python benchmarks/capture_hotkey.py [--runs 20]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from Xlib import XK, X
from Xlib.display import Display
from Xlib.ext import xtest

from samu_desktop.capture.grabber import ScreenGrabber
from samu_desktop.capture.hotkey import HotkeySpec
from samu_desktop.capture.models import CaptureBatch, MonitorLayout
from samu_desktop.capture.x11_hotkey import X11HotkeyBackend
from samu_desktop.fsutil import atomic_write_bytes

WIDTH, HEIGHT = 3840, 1080
LAYOUT = MonitorLayout.parse("1920x1080+0+0,1920x1080+1920+0")
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    number = next(n for n in range(150, 400) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                  and not Path(f"/tmp/.X{n}-lock").exists())
    proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", f"{WIDTH}x{HEIGHT}x24",
                             "-nolisten", "tcp"], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            Display(f":{number}").close()
            return proc, f":{number}"
        except Exception:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("Xvfb did not start")


def busy_screen() -> Image.Image:
    """Something like two screens of a web application: panels, tables, lots of text."""
    rng = random.Random(5)
    image = Image.new("RGB", (WIDTH, HEIGHT), (240, 242, 245))
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 14) if FONT.exists() else ImageFont.load_default()
    words = [
        "appel", "régulation", "incident", "portail", "bandeau", "patient", "dossier",
        "ressource", "SMUR", "transfert", "conférence", "statut", "disponible", "engagé",
        "15", "116", "117", "Nice", "FR680",
    ]
    for screen_x in (0, 1920):
        draw.rectangle((screen_x, 0, screen_x + 1919, 44), fill=(0, 70, 140))
        draw.rectangle((screen_x, 45, screen_x + 220, 1050), fill=(225, 230, 238))
        for row in range(60, 1040, 22):
            x = screen_x + 240
            while x < screen_x + 1880:
                text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
                draw.text((x, row), text, font=font, fill=(rng.randint(0, 80),) * 3)
                x += 60 + 9 * len(text)
            if rng.random() < 0.1:
                draw.rectangle((screen_x + 230, row - 2, screen_x + 1900, row + 18),
                               outline=(180, 190, 200))
        for _ in range(6):  # a few photos / gradients, which compress badly
            x0, y0 = screen_x + rng.randint(300, 1500), rng.randint(100, 800)
            for dy in range(0, 180, 2):
                draw.line((x0, y0 + dy, x0 + 240, y0 + dy),
                          fill=(rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)))
    return image


def show_on_root(display_name: str, image: Image.Image) -> None:
    """Put the image on screen as the background of a full-screen window (server-painted)."""
    display = Display(display_name)
    screen = display.screen()
    pixmap = screen.root.create_pixmap(WIDTH, HEIGHT, screen.root_depth)
    gc = pixmap.create_gc()
    bgrx = image.convert("RGBX").tobytes("raw", "BGRX")
    step = 16  # rows per request: a request is at most 256 KiB without BIG-REQUESTS
    for top in range(0, HEIGHT, step):
        rows = min(step, HEIGHT - top)
        pixmap.put_image(gc, 0, top, WIDTH, rows, X.ZPixmap, screen.root_depth, 0,
                         bgrx[top * WIDTH * 4:(top + rows) * WIDTH * 4])
    window = screen.root.create_window(0, 0, WIDTH, HEIGHT, 0, screen.root_depth,
                                       background_pixmap=pixmap)
    window.map()
    display.sync()
    # The connection must stay open, or the window goes with it.
    show_on_root.keep = display  # type: ignore[attr-defined]


class Presser:
    """Presses Ctrl+Alt+Shift+S through XTEST, as a keyboard would."""

    def __init__(self, display_name: str) -> None:
        self.display = Display(display_name)
        names = ("Control_L", "Alt_L", "Shift_L", "s")
        self.codes = [self.display.keysym_to_keycode(XK.string_to_keysym(n)) for n in names]

    def press(self) -> None:
        for code in self.codes:
            xtest.fake_input(self.display, X.KeyPress, code)
        for code in reversed(self.codes):
            xtest.fake_input(self.display, X.KeyRelease, code)
        self.display.sync()


def encode_png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def save_png(image: Image.Image, path: Path) -> None:
    atomic_write_bytes(path, encode_png(image))


def app_runs(display_name: str, runs: int, out_dir: Path) -> dict[str, list[float]]:
    # Closed, as the app's is until the first press: that press opens it (mss
    # imported, a fresh instance); the next ones find it warm.
    grabber = ScreenGrabber(display=display_name, layout=LAYOUT)
    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="png")
    state: dict[str, object] = {}
    done = threading.Event()

    def on_hotkey() -> None:
        batch = grabber.grab_batch()
        state["memory"] = time.perf_counter()
        state["batch"] = batch
        futures = [
            pool.submit(save_png, capture.image, out_dir / f"screen-{capture.monitor.index}.png")
            for capture in batch.captures
        ]
        for future in futures:
            future.result()
        state["disk"] = time.perf_counter()
        done.set()

    backend = X11HotkeyBackend(display_name)
    backend.start(HotkeySpec.parse("<ctrl>+<alt>+<shift>+s"), on_hotkey)
    presser = Presser(display_name)
    figures: dict[str, list[float]] = {"memory": [], "disk": [], "grab": [], "first": []}
    try:
        for n in range(runs + 1):
            done.clear()
            start = time.perf_counter()
            presser.press()
            if not done.wait(10):
                raise SystemExit("the hotkey did not fire")
            in_memory = float(state["memory"]) - start  # type: ignore[arg-type]
            if n == 0:
                figures["first"].append(in_memory)
                continue
            figures["memory"].append(in_memory)
            figures["disk"].append(float(state["disk"]) - start)  # type: ignore[arg-type]
            time.sleep(0.05)
            t0 = time.perf_counter()
            grabber.grab_batch()
            figures["grab"].append(time.perf_counter() - t0)
        batch = state["batch"]
        assert isinstance(batch, CaptureBatch)
        assert [c.image.size for c in batch.captures] == [(1920, 1080), (1920, 1080)]
    finally:
        backend.stop()
        pool.shutdown()
        grabber.close()
    return figures


def cold_runs(display_name: str, runs: int) -> list[float]:
    """A fresh mss instance per capture: what the warm instance saves."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        with ScreenGrabber(display=display_name, layout=LAYOUT) as grabber:
            grabber.grab_batch()
        times.append(time.perf_counter() - t0)
    return times


def tool_runs(cmd: Callable[[Path], list[str]], env: dict[str, str], runs: int,
              out_dir: Path) -> list[float]:
    times = []
    for n in range(runs):
        target = out_dir / f"tool-{n}.png"
        t0 = time.perf_counter()
        subprocess.run(cmd(target), env=env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
        if not target.exists():
            raise SystemExit(f"{cmd(target)[0]} wrote nothing")
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    for tool in ("Xvfb", "scrot", "import"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is missing: run scripts/setup.sh test")
    xvfb, display_name = start_xvfb()
    out_dir = Path(tempfile.mkdtemp(prefix="capture-bench-"))
    env = dict(os.environ, DISPLAY=display_name)
    try:
        show_on_root(display_name, busy_screen())
        app = app_runs(display_name, args.runs, out_dir)
        cold = cold_runs(display_name, max(3, args.runs // 4))
        scrot = tool_runs(lambda p: ["scrot", "-o", str(p)], env, max(3, args.runs // 2),
                          out_dir)
        magick = tool_runs(lambda p: ["import", "-window", "root", str(p)], env, 3, out_dir)
        sizes = {p.name: p.stat().st_size for p in sorted(out_dir.glob("screen-*.png"))}
        scrot_size = (out_dir / "tool-0.png").stat().st_size
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
        xvfb.terminate()
        xvfb.wait(10)

    def ms(values: list[float]) -> str:
        return (f"median {statistics.median(values) * 1000:8.1f} ms   "
                f"min {min(values) * 1000:8.1f}   max {max(values) * 1000:8.1f}   "
                f"(n={len(values)})")

    memory, disk = statistics.median(app["memory"]), statistics.median(app["disk"])
    rows = [
        ("app: first press → 2 screens (opens mss)", app["first"]),
        ("app: press → 2 screens in memory", app["memory"]),
        ("app: press → 2 PNG on disk (level 1)", app["disk"]),
        ("app: warm grab of 2 screens only", app["grab"]),
        ("fresh mss instance + grab (no warm-up)", cold),
        ("scrot -o (3840×1080, process)", scrot),
        ("import -window root (process)", magick),
    ]
    print(f"Two 1920×1080 screens (one {WIDTH}×{HEIGHT} Xvfb), Python {sys.version.split()[0]}")
    for label, values in rows:
        print(f"  {label:42s} {ms(values)}")
    print(f"  PNG sizes: app {sizes}, scrot {scrot_size} bytes")
    print("Ratios (median):")
    print(f"  scrot / app in memory    {statistics.median(scrot) / memory:7.1f}×")
    print(f"  scrot / app PNG on disk  {statistics.median(scrot) / disk:7.1f}×")
    print(f"  import / app in memory   {statistics.median(magick) / memory:7.1f}×")
    print(f"  import / app PNG on disk {statistics.median(magick) / disk:7.1f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
