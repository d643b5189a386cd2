"""The Linux bundle, built by packaging/build.py into a temporary folder, works frozen.

One build for the module (about a minute on 2 cores), unpacked from its tarball
as an administrator would, then run through its launcher with the test's own
home: ``--version``, every registered subcommand, and the GUI under Xvfb.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import queue
import subprocess
import sys
import tarfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import mss
import pytest
from PIL import Image, ImageDraw, ImageFont, ImageStat

from samu_desktop import __version__
from samu_desktop.cli import COMMANDS
from tests.conftest import XServer

REPO = Path(__file__).resolve().parents[2]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

pytestmark = [
    pytest.mark.slow,
    # The first test sets up the module's fixture, which builds the whole bundle.
    pytest.mark.timeout(900),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
]


@dataclass(frozen=True)
class Frozen:
    root: Path  # the unpacked samu-desktop/ folder of the tarball

    @property
    def launcher(self) -> Path:
        return self.root / "bin" / "samu-desktop"

    @property
    def contents(self) -> Path:  # sys._MEIPASS of the frozen program
        return self.root / "lib" / "samu-desktop" / "_internal"

    @property
    def executable(self) -> Path:  # what the launcher starts
        return self.root / "lib" / "samu-desktop" / "samu-desktop"

    def run(self, *args: str, env: dict[str, str] | None = None, timeout: float = 120,
            direct: bool = False) -> subprocess.CompletedProcess[str]:
        program = self.executable if direct else self.launcher
        return subprocess.run([str(program), *args], env=env, capture_output=True,
                              text=True, timeout=timeout, check=False)


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Frozen:
    base = tmp_path_factory.mktemp("frozen")
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(base / "pyinstaller-cache"))
    build = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "build.py"), "--dist", str(base / "dist"),
         "--work", str(base / "work"), "--gzip-level", "1"],
        env=env, capture_output=True, text=True, timeout=1200, check=False,
    )
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    (tarball,) = (base / "dist").glob(f"samu-desktop-{__version__}-linux-*.tar.gz")
    with tarfile.open(tarball) as tar:
        tar.extractall(base / "unpacked", filter="data")
    return Frozen(base / "unpacked" / "samu-desktop")


def registered_commands() -> list[str]:
    """The subcommands samu_desktop/cli.py registers right now."""
    sub = argparse.ArgumentParser().add_subparsers()
    for module_name in COMMANDS:
        importlib.import_module(module_name).register(sub)
    return sorted(sub.choices)


def expected_commit() -> str:
    """What the build recorded (setup.py build_ui, run by build.py)."""
    from samu_desktop import buildinfo

    buildinfo.commit.cache_clear()
    sys.modules.pop("samu_desktop._commit", None)
    try:
        return buildinfo.commit()
    finally:
        buildinfo.commit.cache_clear()


# -- the bundle's content --------------------------------------------------------------------
def test_tarball_layout_and_bundle_content(frozen: Frozen) -> None:
    assert os.access(frozen.launcher, os.X_OK)
    assert (frozen.root / "share" / "applications" / "samu-desktop.desktop").is_file()
    assert (frozen.root / "share" / "icons" / "hicolor" / "256x256" / "apps"
            / "samu-desktop.png").is_file()
    assert (frozen.root / "share" / "doc" / "samu-desktop" / "policy.sample.json").is_file()
    inside = frozen.contents
    resources = inside / "samu_desktop" / "resources"
    assert (resources / "procedure" / "catalogue.json").is_file()
    assert (resources / "translations" / "samu_desktop_en.qm").is_file()
    assert (resources / "icons" / "samu-desktop.png").is_file()
    assert not list(resources.rglob("*.ts"))
    qt = next(inside.glob("PySide6/**/plugins/platforms")).parent.parent
    assert [p.name for p in (qt / "plugins" / "platforms").glob("*qxcb*")]
    assert sorted(p.name for p in (qt / "translations").iterdir()) == [
        "qt_en.qm", "qt_fr.qm", "qtbase_en.qm", "qtbase_fr.qm"]
    for model in ("fra", "eng"):
        assert (inside / "tesseract" / "tessdata" / f"{model}.traineddata").is_file()
    # Neither GTK (through Qt's gtk3 theme) nor test tools came along.
    names = {p.name for p in inside.rglob("*")}
    assert not {n for n in names if n.startswith(("libgtk-3", "libgdk-3", "libqgtk3"))}
    assert not {"mypy", "pytest", "hypothesis", "tkinter"} & names


# -- the command line ------------------------------------------------------------------------
def test_version_names_the_version_and_the_commit_built(frozen: Frozen) -> None:
    result = frozen.run("--version")
    assert result.returncode == 0, result.stderr
    commit = expected_commit()
    assert result.stdout == f"samu-desktop {__version__} (commit {commit})\n"
    if (REPO / ".git").exists():
        assert commit != "unknown"


def test_help_lists_every_registered_subcommand(frozen: Frozen) -> None:
    result = frozen.run("--help")
    assert result.returncode == 0, result.stderr
    for name in registered_commands():
        assert name in result.stdout


def sample_screen(path: Path) -> Path:
    image = Image.new("RGB", (900, 160), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 20)
    draw.text((20, 30), "Tél. : 06 12 34 56 78", font=font, fill="#111111")
    draw.text((20, 100), "Portail SI-SAMU 5.2.1 · incident du 12/03/2026 10:32", font=font,
              fill="#111111")
    image.save(path)
    return path


def smoke_check(frozen: Frozen, tmp: Path, xserver: XServer) -> None:
    """The prerequisites test, frozen and from the venv, on the same machine and screen."""
    env = xserver.env()
    result = frozen.run("check", "--json", env=env)
    assert result.returncode in (0, 1, 2), result.stderr  # pass, warnings, failures
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    from samu_desktop.checks.runner import default_specs

    assert [r["id"] for r in report["results"]] == [s.id for s in default_specs()]
    assert report["app_version"] == __version__
    venv = subprocess.run([sys.executable, "-m", "samu_desktop", "check", "--json"], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    reference = json.loads(venv.stdout)
    # Same answers, except where the network may answer differently from one run to the next.
    network = {"clock", "portal", "session_server", "smtp"}
    frozen_results = {r["id"]: (r["status"], r["explanation"]) for r in report["results"]
                      if r["id"] not in network}
    venv_results = {r["id"]: (r["status"], r["explanation"]) for r in reference["results"]
                    if r["id"] not in network}
    assert frozen_results == venv_results
    screens = next(r for r in report["results"] if r["id"] == "screens")
    assert screens["status"] == "pass"  # mss and Xlib work inside the bundle


def smoke_pii_scan(frozen: Frozen, tmp: Path, xserver: XServer) -> None:
    image = sample_screen(tmp / "capture.png")

    def scan(env: dict[str, str], direct: bool = False) -> list[dict[str, object]]:
        result = frozen.run("pii-scan", "--json", str(image), env=env, direct=direct)
        assert result.returncode == 0, result.stderr
        (found,) = json.loads(result.stdout)["images"]
        return list(found["boxes"])

    boxes = scan(dict(os.environ))
    assert [b["kind"] for b in boxes] == ["phone"]
    if importlib.util.find_spec("tesserocr") is not None:  # the build had it: so must the bundle
        assert (frozen.contents / "tesserocr").is_dir()
        # The bundle's own engine and models, with no tesseract program to fall back on
        # (nothing on PATH: started without the launcher, which needs readlink and dirname).
        empty = tmp / "empty-path"
        empty.mkdir()
        assert scan(dict(os.environ, PATH=str(empty)), direct=True) == boxes


def smoke_outbox(frozen: Frozen, tmp: Path, xserver: XServer) -> None:
    listed = frozen.run("outbox", "list")
    assert (listed.returncode, listed.stdout.strip()) == (0, "La boîte d'envoi est vide."), (
        listed.stderr)
    flushed = frozen.run("outbox", "flush")
    assert flushed.returncode == 0, flushed.stderr
    assert "Rien à envoyer." in flushed.stdout


def smoke_autostart(frozen: Frozen, tmp: Path, xserver: XServer) -> None:
    entry = Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / "samu-desktop.desktop"
    on = frozen.run("autostart", "on")
    assert on.returncode == 0, on.stderr
    exec_line = next(line for line in entry.read_text(encoding="utf-8").splitlines()
                     if line.startswith("Exec="))
    # A frozen program starts itself, not "python -m samu_desktop".
    assert exec_line == f"Exec={frozen.executable} --hidden"
    assert "activé" in frozen.run("autostart", "status").stdout
    off = frozen.run("autostart", "off")
    assert off.returncode == 0 and not entry.exists()


def smoke_hotkey(frozen: Frozen, tmp: Path, xserver: XServer) -> None:
    result = frozen.run("hotkey", env=xserver.env())
    assert result.returncode == 0, result.stderr
    assert "est libre" in result.stdout


def smoke_policy(frozen: Frozen, tmp: Path, xserver: XServer) -> None:
    # The bundle carries the sample policy next to the guide.
    sample = frozen.root / "share" / "doc" / "samu-desktop" / "policy.sample.json"
    result = frozen.run("policy", "check", str(sample))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Politique valable." in result.stdout


# One way to try each subcommand; a registered command missing here fails the test.
SMOKE: dict[str, Callable[[Frozen, Path, XServer], None]] = {
    "check": smoke_check,
    "pii-scan": smoke_pii_scan,
    "outbox": smoke_outbox,
    "autostart": smoke_autostart,
    "hotkey": smoke_hotkey,
    "policy": smoke_policy,
}


@pytest.mark.xvfb
@pytest.mark.parametrize("command", registered_commands())
def test_registered_subcommand_works_frozen(
    command: str, frozen: Frozen, tmp_path: Path, xserver: XServer
) -> None:
    smoke = SMOKE.get(command)
    if smoke is None:
        pytest.fail(f"the subcommand {command!r} is registered but has no frozen smoke test: "
                    "add one to SMOKE in tests/packaging/test_packaging_frozen.py")
    smoke(frozen, tmp_path, xserver)


# -- the GUI ---------------------------------------------------------------------------------
def read_lines(proc: subprocess.Popen[str]) -> queue.Queue[str | None]:
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def wait_for(lines: queue.Queue[str | None], text: str, seen: list[str], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            break
        if line is None:
            pytest.fail("the program ended before showing its window: " + "\n".join(seen))
        seen.append(line)
        if text in line:
            return
    pytest.fail(f"no {text!r} within {timeout} s: " + "\n".join(seen))


@pytest.mark.xvfb
def test_gui_opens_in_english_and_quits_cleanly(
    frozen: Frozen, xserver: XServer, isolated_home: Path
) -> None:
    env = xserver.env()
    env["SAMU_DESKTOP_STARTUP_PROBE"] = "1"
    if not any("UTF-8" in env.get(v, "").upper() for v in ("LC_ALL", "LC_CTYPE", "LANG")):
        # A UTF-8 locale, as in any desktop session: under "C" Qt prints a notice on stderr.
        env["LC_ALL"] = "C.UTF-8"
    proc = subprocess.Popen([str(frozen.launcher), "--lang", "en"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seen: list[str] = []
    try:
        lines = read_lines(proc)
        wait_for(lines, "samu-desktop: window shown", seen, timeout=60)
        wait_for(lines, "samu-desktop: started", seen, timeout=60)  # loaded after the paint
        # The title comes from our English .qm inside the bundle.
        found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name",
                                "SI-SAMU incident"], env=env, capture_output=True, text=True,
                               check=False).stdout.split()
        assert len(found) == 1
        geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", found[0]],
                                  env=env, capture_output=True, text=True, check=True).stdout
        geo = {k: int(v) for k, v in (line.split("=") for line in geometry.split())
               if k in ("X", "Y", "WIDTH", "HEIGHT")}
        with mss.MSS(display=xserver.display.encode()) as grabber:
            shot = grabber.grab({"left": geo["X"], "top": geo["Y"], "width": geo["WIDTH"],
                                 "height": geo["HEIGHT"]})
        image = Image.frombytes("RGB", shot.size, shot.bgra, "raw", "BGRX")
        colours = image.getcolors(maxcolors=1 << 16)
        assert colours is None or len(colours) > 20  # text and widgets, not a blank window
        assert ImageStat.Stat(image.convert("L")).mean[0] > 150

        quit_result = frozen.run("--quit", env=env, timeout=60)
        assert quit_result.returncode == 0, quit_result.stderr
        assert proc.wait(60) == 0
        time.sleep(0.1)
        while (line := lines.get(timeout=5)) is not None:
            seen.append(line)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()
    # Nothing else on the console: no missing plugin, no Qt warning, no traceback.
    assert seen == ["samu-desktop: window shown", "samu-desktop: started"]
    state = isolated_home / "state" / "samu-desktop"
    assert not (state / "crash" / "running").exists()
    log = (state / "log" / "samu-desktop.log").read_text(encoding="utf-8")
    assert "clean exit" in log
