"""The Linux probe: files under a root folder (``/`` in real use, a temporary tree in tests)."""

from __future__ import annotations

import platform
import re
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

from samu_desktop.checks import firefox_files as ff
from samu_desktop.checks.pcsc import read_smartcards
from samu_desktop.checks.probe_base import ProbeBase, dpkg_versions, run_command
from samu_desktop.checks.probes import (
    BrowserInfo,
    CryptolibInfo,
    OsInfo,
    ProxyInfo,
    ServiceState,
    SmartCardState,
)

CPS_DIR = Path("opt/santesocial/CPS")
CPS_MODULE = CPS_DIR / "lib" / "libcps3_pkcs11_lux.so"

# Where distributions and packagers put Firefox (relative to the root).
_INSTALL_DIRS = (
    "usr/lib/firefox-esr", "usr/lib/firefox", "usr/lib64/firefox-esr", "usr/lib64/firefox",
    "opt/firefox-esr", "opt/firefox", "usr/local/lib/firefox",
    "snap/firefox/current/usr/lib/firefox",
    "var/lib/flatpak/app/org.mozilla.firefox/current/active/files/lib/firefox",
)
_OTHER_BROWSERS = {
    "google-chrome-stable": "Chrome", "google-chrome-beta": "Chrome",
    "chromium": "Chromium", "microsoft-edge-stable": "Edge", "microsoft-edge-beta": "Edge",
}
_BROWSER_BINARIES = {
    "Chrome": "opt/google/chrome/chrome", "Edge": "opt/microsoft/msedge/msedge",
}


class LinuxProbe(ProbeBase):
    """Reads ``/etc/os-release``, Firefox's files, dpkg's status, ``/proc`` and PC/SC.

    Every path is taken under ``root``, so tests build the real layout in a
    temporary folder; ``smartcards`` and ``command`` can be replaced where no
    card or desktop can exist.
    """

    def __init__(
        self,
        root: Path = Path("/"),
        home: Path | None = None,
        environ: Mapping[str, str] | None = None,
        smartcards: Callable[[], SmartCardState] = read_smartcards,
        command: Callable[[list[str]], str | None] | None = None,
    ) -> None:
        super().__init__(home, environ)
        self.root = root
        self._smartcards = smartcards
        self._command = command or (lambda args: run_command(args, self.environ))

    @property
    def live(self) -> bool:
        return self.root == Path("/")

    def os_info(self) -> OsInfo:
        fields: dict[str, str] = {}
        for candidate in ("etc/os-release", "usr/lib/os-release"):
            text = ff.read_text(self.root / candidate)
            if text is None:
                continue
            for line in text.splitlines():
                key, sep, value = line.partition("=")
                if sep:
                    fields[key.strip()] = value.strip().strip("\"'")
            break
        name = fields.get("PRETTY_NAME") or fields.get("NAME") or "Linux"
        return OsInfo(
            family="linux",
            name=name,
            version=fields.get("VERSION_ID", ""),
            build=platform.release() if self.live else "",
            architecture=platform.machine(),
        )

    def install_candidates(self) -> list[Path]:
        dirs = [self.root / d for d in _INSTALL_DIRS]
        if self.live:
            # The firefox on PATH, wherever it was unpacked (a tarball in /opt, …).
            found = shutil.which("firefox", path=self.environ.get("PATH"))
            if found:
                dirs.append(Path(found).resolve().parent)
        return dirs

    def other_browsers(self) -> list[BrowserInfo]:
        status = self.root / "var/lib/dpkg/status"
        versions = dpkg_versions(status, lambda name: name in _OTHER_BROWSERS)
        found: dict[str, str] = {}
        for package, version in sorted(versions.items()):
            found.setdefault(_OTHER_BROWSERS[package], version)
        if self.live:
            for name, binary in _BROWSER_BINARIES.items():
                path = self.root / binary
                if name in found or not path.exists():
                    continue
                output = self._command([str(path), "--version"]) or ""
                match = re.search(r"\d+(?:\.\d+)+", output)
                if match:
                    found[name] = match.group(0)
        return [BrowserInfo(name, version) for name, version in found.items()]

    def profile_root_candidates(self) -> list[Path]:
        config = Path(self.environ.get("XDG_CONFIG_HOME") or self.home / ".config")
        return [
            self.home / ".mozilla" / "firefox",
            config / "mozilla" / "firefox",  # Firefox's XDG layout
            self.home / "snap" / "firefox" / "common" / ".mozilla" / "firefox",
            self.home / ".var" / "app" / "org.mozilla.firefox" / ".mozilla" / "firefox",
        ]

    def policy_files(self) -> list[Path]:
        return [
            self.root / "etc/firefox/policies/policies.json",
            self.root / "etc/firefox-esr/policies/policies.json",
        ]

    # -- CPS --------------------------------------------------------------------
    def cryptolib(self) -> CryptolibInfo:
        base = self.root / CPS_DIR
        module = self.root / CPS_MODULE
        if not base.is_dir() and not module.exists():
            return CryptolibInfo(installed=False, module_path=module)
        version, source = "", ""
        packages = dpkg_versions(self.root / "var/lib/dpkg/status",
                                 lambda name: "cryptolib" in name.lower())
        if packages:
            source, version = sorted(packages.items())[0]
            source = f"dpkg:{source}"
        if not version:
            for name in ("version", "VERSION", "version.txt"):
                text = ff.read_text(base / name)
                match = re.search(r"\d+(?:\.\d+)+", text or "")
                if match:
                    version, source = match.group(0), str(CPS_DIR / name)
                    break
        if not version:
            try:
                names = sorted(p.name for p in (base / "lib").iterdir())
            except OSError:
                names = []
            for name in names:  # libcps3_pkcs11_lux.so.5.2.2
                match = re.match(r"libcps3_pkcs11_lux\.so\.(\d+(?:\.\d+)+)$", name)
                if match:
                    version, source = match.group(1), name
        return CryptolibInfo(True, version, Path("/") / CPS_MODULE, module.exists(), source)

    def firefox_registered_modules(self) -> list[str]:
        return []  # on Linux, modules are declared in each profile (pkcs11.txt) or by policy

    def smartcard_service(self) -> ServiceState:
        proc = self.root / "proc"
        try:
            entries = list(proc.iterdir())
        except OSError:
            entries = []
        for entry in entries:
            if entry.name.isdigit():
                comm = ff.read_text(entry / "comm")
                if comm is not None and comm.strip() == "pcscd":
                    return "running"
        # With systemd, pcscd starts on the first connection to its socket.
        if (self.root / "run/pcscd/pcscd.comm").exists():
            return "activatable"
        return "stopped" if entries else "unknown"

    def smartcards(self) -> SmartCardState:
        return self._smartcards()

    # -- audio and proxy -------------------------------------------------------------
    def audio_outputs(self) -> list[str] | None:
        text = ff.read_text(self.root / "proc/asound/cards")
        if text is None:
            return []
        names = []
        for line in text.splitlines():
            match = re.match(r"\s*\d+\s+\[[^\]]*\]:\s*(.*)$", line)
            if match:
                names.append(match.group(1).split(" - ", 1)[-1].strip())
        return names

    def system_proxy(self) -> ProxyInfo:
        """GNOME's proxy settings (also what most Linux desktops follow), when gsettings exists."""
        if self.live and shutil.which("gsettings", path=self.environ.get("PATH")) is None:
            return ProxyInfo()
        output = self._command(["gsettings", "list-recursively", "org.gnome.system.proxy"])
        if not output:
            return ProxyInfo()
        values: dict[str, str] = {}
        for line in output.splitlines():
            parts = line.split(" ", 2)
            if len(parts) == 3 and "password" not in parts[1] and "user" not in parts[1]:
                values[f"{parts[0]} {parts[1]}"] = parts[2].strip().strip("'")
        mode = values.get("org.gnome.system.proxy mode", "none")
        servers: dict[str, str] = {}
        for scheme in ("http", "https"):
            host = values.get(f"org.gnome.system.proxy.{scheme} host", "")
            port = values.get(f"org.gnome.system.proxy.{scheme} port", "0")
            if host and port.isdigit() and int(port):
                servers[scheme] = f"{host}:{port}"
        bypass = re.findall(r"'([^']*)'", values.get("org.gnome.system.proxy ignore-hosts", ""))
        return ProxyInfo(
            mode="manual" if mode == "manual" else "auto" if mode == "auto" else "none",
            servers=servers,
            bypass=bypass,
            pac_url=values.get("org.gnome.system.proxy autoconfig-url", ""),
            source="gsettings",
        )
