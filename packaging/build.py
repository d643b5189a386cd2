"""Build samu-desktop for distribution: the PyInstaller folder, then the Linux tarball.

    .venv/bin/python packaging/build.py                   # dist/samu-desktop/ + tarball
    .venv/bin/python packaging/build.py --dist /tmp/out --work /tmp/work --no-archive

Steps, on every platform:
1. ``setup.py build_ui``: compile ``ui/*.ui`` and the translations, and record
   the git commit in ``samu_desktop/_commit.py`` (see samu_desktop/buildinfo.py);
2. fill ``packaging/win-version-info.txt.in`` from ``samu_desktop.__version__``
   and the commit (the Windows version resource; written on every platform, used
   on Windows);
3. PyInstaller on ``packaging/samu-desktop.spec`` → ``<dist>/samu-desktop/``.

Then on Linux: ``<dist>/samu-desktop-<version>-linux-<arch>.tar.gz`` holding one
``samu-desktop/`` folder with ``bin/samu-desktop`` (a launcher),
``lib/samu-desktop/`` (the PyInstaller folder), the desktop entry and the icon
under ``share/``. On Windows: the NSIS installer
``<dist>/samu-desktop-<version>-setup.exe`` (``packaging/windows/samu-desktop.nsi``, run
when ``makensis`` is on PATH, else its command is printed); the Windows lane
(scripts/windows/release.sh) builds the folder under Wine and runs Debian's makensis.
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "samu-desktop.spec"
NAME = "samu-desktop"

LAUNCHER = """#!/bin/sh
# Starts samu-desktop from wherever this folder was unpacked (symbolic links to
# this script are fine: it follows them).
here=$(dirname "$(readlink -f "$0")")
exec "$here/../lib/samu-desktop/samu-desktop" "$@"
"""


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


def read_version() -> str:
    text = (ROOT / NAME.replace("-", "_") / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise SystemExit("__version__ not found in samu_desktop/__init__.py")
    return found.group(1)


def read_commit() -> str:
    """What setup.py build_ui recorded (buildinfo's rules), read without importing the app."""
    path = ROOT / "samu_desktop" / "_commit.py"
    try:
        found = re.search(r"^COMMIT = '([^']+)'", path.read_text(encoding="utf-8"), re.MULTILINE)
    except OSError:
        return "unknown"
    return found.group(1) if found else "unknown"


def version_tuple(version: str) -> tuple[int, ...]:
    """``0.1.0`` → (0, 1, 0, 0); ``1.2.0rc1`` → (1, 2, 0, 0): the four numbers Windows shows."""
    release = re.match(r"\d+(\.\d+)*", version)
    if release is None:
        raise SystemExit(f"version {version!r} does not start with numbers")
    numbers = [int(n) for n in release.group(0).split(".")][:4]
    return tuple(numbers + [0] * (4 - len(numbers)))


def render_version_info(version: str, commit: str, exe_name: str = f"{NAME}.exe") -> str:
    template = (PACKAGING / "win-version-info.txt.in").read_text(encoding="utf-8")
    year = time.strftime("%Y")
    return template.format(
        version_tuple=version_tuple(version),
        version=version,
        commit=commit,
        company="samu-desktop",
        copyright=f"© {year} samu-desktop",
        exe_name=exe_name,
    )


def compile_generated(python: str) -> None:
    log("setup.py build_ui (Designer files, translations, git commit)")
    subprocess.run([python, "-W", "ignore", str(ROOT / "setup.py"), "-q", "build_ui"],
                   cwd=ROOT, check=True)


def run_pyinstaller(python: str, dist: Path, work: Path, version_info: Path,
                    without_ocr: bool) -> Path:
    env = dict(os.environ, SAMU_WIN_VERSION_INFO=str(version_info))
    if without_ocr:
        env["SAMU_WITHOUT_OCR"] = "1"
    log(f"PyInstaller → {dist / NAME}")
    subprocess.run([python, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)],
                   cwd=ROOT, env=env, check=True)
    return dist / NAME


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes, mode: int) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), mode, int(time.time())
    tar.addfile(info, io.BytesIO(data))


def make_tarball(bundle: Path, target: Path, level: int) -> Path:
    """One ``samu-desktop/`` folder: bin/ (launcher), lib/samu-desktop/ (the bundle), share/."""
    log(f"archive → {target.name} (gzip -{level})")
    top = NAME
    share = [
        (PACKAGING / "linux" / f"{NAME}.desktop", f"share/applications/{NAME}.desktop"),
        (ROOT / "resources" / "icons" / f"{NAME}.png",
         f"share/icons/hicolor/256x256/apps/{NAME}.png"),
        (ROOT / "docs" / "guide-administrateur.md", f"share/doc/{NAME}/guide-administrateur.md"),
        (PACKAGING / "policy.sample.json", f"share/doc/{NAME}/policy.sample.json"),
    ]
    with tarfile.open(target, "w:gz", compresslevel=level) as tar:
        _add_bytes(tar, f"{top}/bin/{NAME}", LAUNCHER.encode(), 0o755)
        tar.add(bundle, arcname=f"{top}/lib/{NAME}")
        for source, name in share:
            tar.add(source, arcname=f"{top}/{name}")
    return target


def nsis_command(version: str, bundle: Path, output: Path, icon: Path) -> list[str]:
    """The makensis command of the Windows installer (the same on Windows and Linux)."""
    return ["makensis", "-V2", "-INPUTCHARSET", "UTF8", f"-DAPP_VERSION={version}",
            "-DAPP_VERSION4=" + ".".join(str(n) for n in version_tuple(version)),
            f"-DSOURCE_DIR={bundle}", f"-DICON_FILE={icon}", f"-DOUTPUT_FILE={output}",
            str(PACKAGING / "windows" / f"{NAME}.nsi")]


def windows_installer(version: str, dist: Path, work: Path) -> None:
    """NSIS (makensis), as scripts/windows/release.sh runs it from Linux."""
    from PIL import Image  # a dependency of the app: present wherever it builds

    icon = work / f"{NAME}.ico"
    Image.open(ROOT / "resources" / "icons" / f"{NAME}.png").save(
        icon, sizes=[(16, 16), (32, 32), (48, 48), (256, 256)])
    command = nsis_command(version, dist / NAME, dist / f"{NAME}-{version}-setup.exe", icon)
    if shutil.which("makensis"):
        log("NSIS → " + str(dist))
        subprocess.run(command, check=True)
    else:
        log("NSIS (makensis) is not on PATH; to make the installer, run:")
        print("  " + subprocess.list2cmdline(command))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the bundle and the archive go (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default: build/pyinstaller/)")
    parser.add_argument("--no-archive", action="store_true",
                        help="Linux: stop after the folder, no tarball")
    parser.add_argument("--no-installer", action="store_true",
                        help="Windows: stop after the folder, no installer (the Windows lane "
                             "runs makensis from Linux)")
    parser.add_argument("--gzip-level", type=int, default=6, choices=range(1, 10),
                        help="Linux tarball compression (default 6)")
    parser.add_argument("--without-ocr", action="store_true",
                        help="build without the Tesseract models (not for deployment)")
    args = parser.parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        # Windows writes a pipe in cp1252, which has no "→": the build's log is UTF-8.
        sys.stdout.reconfigure(encoding="utf-8")
    started = time.perf_counter()
    python = sys.executable
    dist: Path = args.dist.resolve()
    work: Path = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)

    compile_generated(python)
    version, commit = read_version(), read_commit()
    log(f"version {version}, commit {commit}")
    version_info = work / "win-version-info.txt"
    version_info.write_text(render_version_info(version, commit), encoding="utf-8")
    bundle = run_pyinstaller(python, dist, work, version_info, args.without_ocr)

    if sys.platform == "win32" and not args.no_installer:
        windows_installer(version, dist, work)
    elif sys.platform.startswith("linux") and not args.no_archive:
        arch = platform.machine().lower() or "unknown"
        tarball = make_tarball(bundle, dist / f"{NAME}-{version}-linux-{arch}.tar.gz",
                               args.gzip_level)
        log(f"archive size {tarball.stat().st_size / 1e6:.1f} MB")
    log(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
