"""Smoke test of the Windows installer under Wine, the way an administrator deploys it.

    python3 scripts/windows/smoke_installer.py SETUP.EXE VERSION RUN_DIR

Run by scripts/windows/release.sh with WINEPREFIX set to a throwaway prefix and DISPLAY to
a private Xvfb. Steps, each checked:
1. silent per-machine install with the switches of the admin guide
   (/VERYSILENT /SUPPRESSMSGBOXES /NORESTART /TASKS="autostart,desktopicon" /LOG=…):
   files in Program Files, the uninstall key with DisplayVersion, the HKLM Run value, the
   Start menu and desktop shortcuts, the policy folder in ProgramData;
2. the installed program: ``--version``, ``check --json``, ``pii-scan --json`` on a synthetic
   screen with a phone number, the window opened (its first paint) and closed by a second
   launch with ``--quit``;
3. silent removal: everything the installer made is gone, and the prefix's files are the
   ones it had before the installation.
The program's own files (settings, logs) go to RUN_DIR/profile through platformdirs'
WIN_PD_OVERRIDE_* variables: nothing is written into the Wine user's profile.
Exit status 0 when every step passed. Standard library only (and Pillow for the image,
from the repository's .venv).
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

APP_ID = "{6F1C2B7E-4D3A-4B8E-9A51-2E7D0C9B3F46}"
UNINSTALL_KEY = rf"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}_is1"
RUN_KEY = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Run"
SHORTCUT = "Incident SI-SAMU.lnk"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
TIMEOUT = 300  # seconds for any one step; Wine on a loaded machine is slow, never this slow


def winpath(path: Path) -> str:
    return "Z:" + str(path).replace("/", "\\")


def wine(*args: str, env: dict[str, str] | None = None,
         timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
    # Pipes, never files: Python under Wine aborts when stdout/stderr is a regular file.
    return subprocess.run(["wine", *args], stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", env=env,
                          timeout=timeout, check=False)


def wait_for_wine() -> None:
    """Until every Windows process of the prefix has ended (the uninstaller's copy in TEMP)."""
    subprocess.run(["wineserver", "-w"], timeout=TIMEOUT, check=True)


def reg_value(key: str, name: str) -> str | None:
    out = wine("reg", "query", key, "/v", name).stdout
    for line in out.splitlines():
        parts = line.strip().split(None, 2)
        if len(parts) == 3 and parts[0] == name:
            return parts[2]
    return None


def reg_key_exists(key: str) -> bool:
    return wine("reg", "query", key).returncode == 0


def files_of(prefix: Path) -> set[str]:
    """The prefix's files and folders, minus what Windows itself changes as it runs."""
    drive = prefix / "drive_c"
    skip = ("windows/temp", "users/root/temp", "users/root/appdata/local/temp")
    found = set()
    for path in drive.rglob("*"):
        relative = path.relative_to(drive).as_posix()
        if not relative.lower().startswith(skip):
            found.add(relative)
    return found


def sample_screen(path: Path) -> Path:
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (900, 160), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 20)
    draw.text((20, 30), "Tél. : 06 12 34 56 78", font=font, fill="#111111")
    draw.text((20, 100), "Portail SI-SAMU 5.2.1 · incident du 12/03/2026 10:32", font=font,
              fill="#111111")
    image.save(path)
    return path


class Smoke:
    def __init__(self, setup: Path, version: str, run: Path) -> None:
        self.setup, self.version, self.run = setup, version, run
        self.prefix = Path(os.environ["WINEPREFIX"])
        self.app_dir = self.prefix / "drive_c" / "Program Files" / "samu-desktop"
        self.failures: list[str] = []
        profile = run / "profile"
        self.env = dict(os.environ)
        for csidl, sub in (("LOCAL_APPDATA", "AppData/Local"), ("APPDATA", "AppData/Roaming"),
                           ("COMMON_APPDATA", "ProgramData")):
            (profile / sub).mkdir(parents=True, exist_ok=True)
            self.env[f"WIN_PD_OVERRIDE_{csidl}"] = winpath(profile / sub)

    def check(self, ok: bool, what: str, detail: str = "") -> None:
        print(f"[smoke] {'ok  ' if ok else 'FAIL'} {what}" + (f": {detail}" if detail and not ok
                                                              else ""), flush=True)
        if not ok:
            self.failures.append(what)

    def cli(self, *args: str, timeout: float = TIMEOUT) -> subprocess.CompletedProcess[str]:
        return wine(r"C:\Program Files\samu-desktop\samu-desktop-cli.exe", *args, env=self.env,
                    timeout=timeout)

    # -- 1 -----------------------------------------------------------------------------------
    def install(self) -> None:
        log = self.run / "install.log"
        started = time.monotonic()
        result = wine(winpath(self.setup), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART",
                      "/TASKS=autostart,desktopicon", f"/LOG={winpath(log)}")
        wait_for_wine()
        self.check(result.returncode == 0, f"silent install, exit code {result.returncode} "
                   f"({time.monotonic() - started:.0f} s)", result.stdout + result.stderr)
        self.check(log.is_file() and "installation finished" in log.read_text("utf-8", "replace"),
                   "/LOG= file written to the end")
        for name in ("samu-desktop.exe", "samu-desktop-cli.exe", "unins000.exe", "_internal"):
            self.check((self.app_dir / name).exists(), rf"Program Files\samu-desktop\{name}")
        self.check(reg_value(UNINSTALL_KEY, "DisplayVersion") == self.version,
                   f"uninstall key {APP_ID}_is1 with DisplayVersion {self.version}")
        run_value = reg_value(RUN_KEY, "samu-desktop") or ""
        self.check(run_value.endswith(r'samu-desktop\samu-desktop.exe" --hidden'),
                   "HKLM Run value (task autostart)", run_value)
        programs = self.prefix / "drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs"
        self.check((programs / SHORTCUT).is_file(), "Start menu shortcut for every user")
        self.check((self.prefix / "drive_c/users/Public/Desktop" / SHORTCUT).is_file(),
                   "desktop shortcut for every user (task desktopicon)")
        self.check((self.prefix / "drive_c/ProgramData/samu-desktop").is_dir(),
                   r"policy folder C:\ProgramData\samu-desktop")

    # -- 2 -----------------------------------------------------------------------------------
    def start_program(self) -> None:
        version = self.cli("--version")
        self.check(version.returncode == 0 and version.stdout.startswith(
            f"samu-desktop {self.version} "), "samu-desktop-cli --version",
            version.stdout + version.stderr)
        check = self.cli("check", "--json")
        try:
            report = json.loads(check.stdout)
            os_result = next(r for r in report["results"] if r["id"] == "os")
            ok = check.returncode in (0, 1, 2) and os_result["status"] == "pass"
            detail = str(os_result)
        except (ValueError, KeyError, StopIteration) as exc:
            ok, detail = False, f"{exc!r}: {check.stdout[-500:]} {check.stderr[-1500:]}"
        self.check(ok, "check --json (Windows 10 seen through the registry)", detail)
        image = sample_screen(self.run / "capture.png")
        scan = self.cli("pii-scan", "--json", winpath(image))
        try:
            (found,) = json.loads(scan.stdout)["images"]
            kinds = [b["kind"] for b in found["boxes"]]
        except (ValueError, KeyError) as exc:
            kinds = [repr(exc)]
        self.check(scan.returncode == 0 and kinds == ["phone"],
                   "pii-scan --json finds the phone number (bundled Tesseract)",
                   f"{kinds} {scan.stderr[-1500:]}")
        self.window()

    def window(self) -> None:
        env = dict(self.env, SAMU_DESKTOP_STARTUP_PROBE="1")
        proc = subprocess.Popen(
            ["wine", r"C:\Program Files\samu-desktop\samu-desktop-cli.exe", "--lang", "en"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, encoding="utf-8", errors="replace", env=env)
        lines: queue.Queue[str | None] = queue.Queue()

        def pump() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.put(line.rstrip("\n"))
            lines.put(None)

        threading.Thread(target=pump, daemon=True).start()
        seen: list[str] = []
        shown = False
        deadline = time.monotonic() + TIMEOUT
        try:
            while not shown and time.monotonic() < deadline:
                try:
                    line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
                except queue.Empty:
                    break
                if line is None:
                    break
                seen.append(line)
                shown = "samu-desktop: window shown" in line
            self.check(shown, "the window opens and paints", "\n".join(seen[-20:]))
            quit_result = self.cli("--quit")
            self.check(quit_result.returncode == 0, "a second launch with --quit closes it",
                       quit_result.stdout + quit_result.stderr)
            code = proc.wait(TIMEOUT)
            self.check(code == 0, f"the window's process ends with 0 (got {code})",
                       "\n".join(seen[-20:]))
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(30)
            if proc.stdout is not None:
                proc.stdout.close()

    # -- 3 -----------------------------------------------------------------------------------
    def uninstall(self, before: set[str]) -> None:
        result = wine(r"C:\Program Files\samu-desktop\unins000.exe", "/VERYSILENT",
                      "/SUPPRESSMSGBOXES", "/NORESTART")
        wait_for_wine()  # the real work runs in the uninstaller's copy in TEMP
        self.check(result.returncode == 0, f"silent removal, exit code {result.returncode}",
                   result.stdout + result.stderr)
        self.check(not self.app_dir.exists(), r"Program Files\samu-desktop removed")
        self.check(not reg_key_exists(UNINSTALL_KEY), "uninstall key removed")
        self.check(reg_value(RUN_KEY, "samu-desktop") is None, "HKLM Run value removed")
        left = sorted(files_of(self.prefix) - before)
        self.check(not left, "nothing left behind in the prefix", "\n".join(left[:20]))


def main(argv: list[str]) -> int:
    setup, version, run = Path(argv[0]), argv[1], Path(argv[2])
    smoke = Smoke(setup, version, run)
    before = files_of(smoke.prefix)
    started = time.monotonic()
    smoke.install()
    if not smoke.failures:
        smoke.start_program()
        smoke.uninstall(before)
    took = time.monotonic() - started
    if smoke.failures:
        print(f"[smoke] FAILED ({len(smoke.failures)}): " + "; ".join(smoke.failures))
        return 1
    print(f"[smoke] installer smoke test passed in {took:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
