"""What the platform probes share: the environment, screens through mss, policy files."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from samu_desktop.checks import firefox_files as ff
from samu_desktop.checks.probes import FirefoxInstall, PolicySource, ProbeUnavailable, ScreenInfo

# An external command must never hold a check past its timeout.
COMMAND_TIMEOUT_S = 2.0


class ProbeBase:
    def __init__(self, home: Path | None = None, environ: Mapping[str, str] | None = None) -> None:
        self._environ: Mapping[str, str] = dict(os.environ if environ is None else environ)
        self._home = home if home is not None else Path(self._environ.get("HOME") or
                                                          Path.home())

    @property
    def home(self) -> Path:
        return self._home

    @property
    def environ(self) -> Mapping[str, str]:
        return self._environ

    # Subclasses say where things are.
    def install_candidates(self) -> list[Path]:
        return []

    def profile_root_candidates(self) -> list[Path]:
        return []

    def policy_files(self) -> list[Path]:
        return []

    def firefox_installs(self) -> list[FirefoxInstall]:
        found: list[FirefoxInstall] = []
        seen: set[Path] = set()
        for directory in self.install_candidates():
            try:
                key = directory.resolve()
            except OSError:
                continue
            if key in seen:
                continue
            seen.add(key)
            install = ff.read_install(directory)
            if install is not None:
                found.append(install)
        return found

    def firefox_profile_roots(self) -> list[Path]:
        return [p for p in self.profile_root_candidates() if (p / "profiles.ini").is_file()]

    def firefox_policies(self) -> list[PolicySource]:
        files = list(self.policy_files())
        files += [i.path / "distribution" / "policies.json" for i in self.firefox_installs()]
        sources: list[PolicySource] = []
        seen: set[Path] = set()
        for path in files:
            if path in seen:
                continue
            seen.add(path)
            source = ff.read_policies_json(path)
            if source is not None:
                sources.append(source)
        return sources

    def screens(self) -> list[ScreenInfo]:
        return mss_screens()


def mss_screens() -> list[ScreenInfo]:
    """Every monitor in physical pixels, through mss (X11, Windows, macOS alike)."""
    try:
        import mss

        with mss.MSS() as grabber:
            monitors = grabber.monitors[1:]  # [0] is the union of all of them
    except Exception as exc:  # mss raises its own errors per platform (XError, …)
        raise ProbeUnavailable(f"{type(exc).__name__}: {exc}") from exc
    return [ScreenInfo(int(m["width"]), int(m["height"])) for m in monitors]


def run_command(args: Sequence[str], environ: Mapping[str, str] | None = None) -> str | None:
    """Output of a short command, or None if it is missing, fails or takes too long."""
    kwargs: dict[str, object] = {}
    if os.name == "nt":
        kwargs["creationflags"] = 0x08000000  # CREATE_NO_WINDOW: no console flashing
    try:
        completed = subprocess.run(
            list(args),
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT_S,
            env=dict(environ) if environ is not None else None,
            check=False,
            **kwargs,  # type: ignore[call-overload]
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    return str(completed.stdout)


def dpkg_versions(status_file: Path, wanted: Callable[[str], bool]) -> dict[str, str]:
    """Upstream versions of installed Debian packages, read from dpkg's status file."""
    text = ff.read_text(status_file)
    if text is None:
        return {}
    found: dict[str, str] = {}
    for block in text.split("\n\n"):
        fields: dict[str, str] = {}
        for line in block.splitlines():
            key, sep, value = line.partition(":")
            if sep and not line.startswith(" "):
                fields[key.strip()] = value.strip()
        name = fields.get("Package", "")
        if wanted(name) and "install ok installed" in fields.get("Status", ""):
            version = fields.get("Version", "")
            version = version.split(":", 1)[-1].rsplit("-", 1)[0]  # drop epoch and revision
            found[name] = version
    return found
