"""The Windows probe: the registry (behind :class:`RegistryReader`), files, services, PC/SC.

Tests run on Linux: they give :class:`RecordedRegistry` values recorded from
real workstations, a folder tree for the files, and stand-ins for the service
manager and the audio devices, which cannot exist there.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal, Protocol

from samu_desktop.checks.pcsc import read_smartcards
from samu_desktop.checks.probe_base import ProbeBase, run_command
from samu_desktop.checks.probes import (
    BrowserInfo,
    CryptolibInfo,
    FirefoxInstall,
    OsInfo,
    PolicySource,
    ProxyInfo,
    ServiceState,
    SmartCardState,
)
from samu_desktop.checks.system_checks import windows_marketing_name

CURRENT_VERSION = r"HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion"
FIREFOX_KEYS = (
    r"HKLM\SOFTWARE\Mozilla\Mozilla Firefox", r"HKLM\SOFTWARE\Mozilla\Mozilla Firefox ESR",
    r"HKLM\SOFTWARE\WOW6432Node\Mozilla\Mozilla Firefox",
    r"HKLM\SOFTWARE\WOW6432Node\Mozilla\Mozilla Firefox ESR",
    r"HKCU\Software\Mozilla\Mozilla Firefox",
)
POLICY_KEYS = (
    r"HKLM\SOFTWARE\Policies\Mozilla\Firefox", r"HKCU\Software\Policies\Mozilla\Firefox",
)
CRYPTOLIB_KEYS = (
    r"HKLM\SOFTWARE\ASIP\Cryptolib CPS", r"HKLM\SOFTWARE\WOW6432Node\ASIP\Cryptolib CPS",
)
PKCS11_KEY = r"HKLM\SOFTWARE\Mozilla\PKCS11Modules"
INTERNET_SETTINGS = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings"
_UNINSTALL = (r"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall",
              r"HKLM\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall")
_BROWSERS = (
    ("Chrome", r"HKCU\Software\Google\Chrome\BLBeacon", "Google Chrome"),
    ("Edge", r"HKCU\Software\Microsoft\Edge\BLBeacon", "Microsoft Edge"),
)


class RegistryReader(Protocol):
    """Read-only registry access; paths look like ``HKLM\\SOFTWARE\\…``."""

    def values(self, path: str) -> dict[str, Any]: ...

    def subkeys(self, path: str) -> list[str]: ...


class RecordedRegistry:
    """A registry made of recorded values: ``{"HKLM\\SOFTWARE\\X": {"Name": value}}``.

    Paths are compared without regard to case, as Windows does.
    """

    def __init__(self, data: Mapping[str, Mapping[str, Any]]) -> None:
        self._data: dict[str, dict[str, Any]] = {}
        self._spelling: dict[str, str] = {}
        for key, values in data.items():
            path = key.rstrip("\\")
            self._data[path.lower()] = dict(values)
            self._spelling[path.lower()] = path

    def values(self, path: str) -> dict[str, Any]:
        return dict(self._data.get(path.lower().rstrip("\\"), {}))

    def subkeys(self, path: str) -> list[str]:
        prefix = path.lower().rstrip("\\") + "\\"
        names: dict[str, str] = {}
        for lower, original in self._spelling.items():
            if lower.startswith(prefix):
                child = original[len(prefix):].split("\\", 1)[0]
                names.setdefault(child.lower(), child)
        return list(names.values())


def _winreg() -> Any:  # pragma: no cover - Windows only
    # Imported by name: the module exists on Windows only, and mypy checks on Linux.
    return importlib.import_module("winreg")


class WinRegReader:  # pragma: no cover - Windows only
    """The real registry through :mod:`winreg`."""

    def _open(self, path: str) -> Any:
        winreg = _winreg()

        hive_name, _, sub = path.partition("\\")
        hive = {"HKLM": winreg.HKEY_LOCAL_MACHINE, "HKCU": winreg.HKEY_CURRENT_USER}[hive_name]
        return winreg.OpenKey(hive, sub)

    def values(self, path: str) -> dict[str, Any]:
        winreg = _winreg()

        try:
            key = self._open(path)
        except OSError:
            return {}
        found: dict[str, Any] = {}
        with key:
            index = 0
            while True:
                try:
                    name, value, _ = winreg.EnumValue(key, index)
                except OSError:
                    break
                found[name] = value
                index += 1
        return found

    def subkeys(self, path: str) -> list[str]:
        winreg = _winreg()

        try:
            key = self._open(path)
        except OSError:
            return []
        names: list[str] = []
        with key:
            index = 0
            while True:
                try:
                    names.append(winreg.EnumKey(key, index))
                except OSError:
                    break
                index += 1
        return names


def query_service(name: str) -> ServiceState:  # pragma: no cover - Windows only
    """State of a Windows service from ``sc query`` (the state number is language-neutral)."""
    output = run_command(["sc", "query", name])
    if output is None:
        return "stopped"  # sc fails with 1060 when the service does not exist
    match = re.search(r"STATE\s*:\s*(\d+)", output)
    if match is None:
        return "unknown"
    return "running" if match.group(1) == "4" else "stopped"


def wave_outputs() -> list[str] | None:  # pragma: no cover - Windows only
    """Audio output devices from winmm (``waveOutGetNumDevs`` / ``waveOutGetDevCapsW``)."""
    import ctypes

    class Caps(ctypes.Structure):
        _fields_ = (("wMid", ctypes.c_ushort), ("wPid", ctypes.c_ushort),
                    ("vDriverVersion", ctypes.c_uint), ("szPname", ctypes.c_wchar * 32),
                    ("dwFormats", ctypes.c_uint), ("wChannels", ctypes.c_ushort),
                    ("wReserved1", ctypes.c_ushort), ("dwSupport", ctypes.c_uint))

    try:
        winmm = ctypes.WinDLL("winmm")  # type: ignore[attr-defined,unused-ignore]
    except (OSError, AttributeError):
        return None
    names = []
    for index in range(int(winmm.waveOutGetNumDevs())):
        caps = Caps()
        if winmm.waveOutGetDevCapsW(index, ctypes.byref(caps), ctypes.sizeof(caps)) == 0:
            names.append(caps.szPname)
    return names


class WindowsProbe(ProbeBase):
    def __init__(
        self,
        registry: RegistryReader | None = None,
        home: Path | None = None,
        environ: Mapping[str, str] | None = None,
        services: Callable[[str], ServiceState] = query_service,
        smartcards: Callable[[], SmartCardState] = read_smartcards,
        audio: Callable[[], list[str] | None] = wave_outputs,
    ) -> None:
        super().__init__(home, environ)
        if home is None and "USERPROFILE" in self.environ:
            self._home = Path(self.environ["USERPROFILE"])
        self.registry: RegistryReader = registry if registry is not None else WinRegReader()
        self._services = services
        self._smartcards = smartcards
        self._audio = audio

    def _env_path(self, name: str, default: str) -> Path:
        return Path(self.environ.get(name) or default)

    def os_info(self) -> OsInfo:
        values = self.registry.values(CURRENT_VERSION)
        build = str(values.get("CurrentBuildNumber", ""))
        if "UBR" in values:
            build = f"{build}.{values['UBR']}"
        name = windows_marketing_name(str(values.get("ProductName", "Windows")), build)
        arch = self.environ.get("PROCESSOR_ARCHITECTURE", "")
        return OsInfo("windows", name, str(values.get("DisplayVersion") or
                                           values.get("ReleaseId", "")), build, arch)

    def _registry_installs(self) -> tuple[list[Path], list[FirefoxInstall]]:
        dirs: list[Path] = []
        bare: list[FirefoxInstall] = []
        for key in FIREFOX_KEYS:
            current = str(self.registry.values(key).get("CurrentVersion", ""))
            for sub in self.registry.subkeys(key):
                main = self.registry.values(f"{key}\\{sub}\\Main")
                folder = main.get("Install Directory")
                if isinstance(folder, str) and folder:
                    dirs.append(Path(folder))
                    # Known to the registry but files unreadable: keep what the registry says.
                    if sub == current and not (Path(folder) / "application.ini").exists():
                        match = re.match(r"([\d.]+)", current)
                        if match:
                            channel = "esr" if "esr" in current.lower() else ""
                            bare.append(FirefoxInstall(Path(folder), match.group(1), channel))
        return dirs, bare

    def install_candidates(self) -> list[Path]:
        dirs, _ = self._registry_installs()
        for variable, default in (("ProgramFiles", r"C:\Program Files"),
                                  ("ProgramFiles(x86)", r"C:\Program Files (x86)")):
            dirs.append(self._env_path(variable, default) / "Mozilla Firefox")
        return dirs

    def firefox_installs(self) -> list[FirefoxInstall]:
        found = super().firefox_installs()
        known = {i.path for i in found}
        _, bare = self._registry_installs()
        return found + [b for b in bare if b.path not in known]

    def other_browsers(self) -> list[BrowserInfo]:
        found: list[BrowserInfo] = []
        for name, beacon, uninstall_name in _BROWSERS:
            version = self.registry.values(beacon).get("version")
            if not version:
                for base in _UNINSTALL:
                    version = self.registry.values(f"{base}\\{uninstall_name}").get(
                        "DisplayVersion")
                    if version:
                        break
            if version:
                found.append(BrowserInfo(name, str(version)))
        return found

    def profile_root_candidates(self) -> list[Path]:
        appdata = self._env_path("APPDATA", str(self.home / "AppData" / "Roaming"))
        return [appdata / "Mozilla" / "Firefox"]

    def firefox_policies(self) -> list[PolicySource]:
        sources = super().firefox_policies()
        for key in POLICY_KEYS:
            policies = self._policy_tree(key, depth=0)
            if policies:
                sources.append(PolicySource(origin=key, policies=policies))
        return sources

    def _policy_tree(self, key: str, depth: int) -> dict[str, Any]:
        """Registry policies as policies.json would say them (DWORD 1 → true …)."""
        tree: dict[str, Any] = {}
        for name, value in self.registry.values(key).items():
            if isinstance(value, int) and value in (0, 1):
                tree[name] = bool(value)
            elif isinstance(value, str) and value.lstrip().startswith(("{", "[")):
                try:
                    tree[name] = json.loads(value)  # "Preferences" is a JSON string
                except (ValueError, RecursionError):
                    tree[name] = value
            else:
                tree[name] = value
        if depth < 3:
            for sub in self.registry.subkeys(key):
                tree[sub] = self._policy_tree(f"{key}\\{sub}", depth + 1)
        return tree

    def cryptolib(self) -> CryptolibInfo:
        system32 = self._env_path("SystemRoot", r"C:\Windows") / "System32"
        module = system32 / "cps3_pkcs11_w64.dll"
        for key in CRYPTOLIB_KEYS:
            values = self.registry.values(key)
            if values:
                return CryptolibInfo(True, str(values.get("Version", "")), module,
                                     module.exists(), key)
        return CryptolibInfo(False, "", module, module.exists(), "")

    def firefox_registered_modules(self) -> list[str]:
        modules = []
        for sub in self.registry.subkeys(PKCS11_KEY):
            for value in self.registry.values(f"{PKCS11_KEY}\\{sub}").values():
                if isinstance(value, str) and value:
                    modules.append(value)
        return modules

    def smartcard_service(self) -> ServiceState:
        return self._services("SCardSvr")

    def smartcards(self) -> SmartCardState:
        return self._smartcards()

    def audio_outputs(self) -> list[str] | None:
        return self._audio()

    def system_proxy(self) -> ProxyInfo:
        values = self.registry.values(INTERNET_SETTINGS)
        pac = str(values.get("AutoConfigURL", ""))
        bypass = [b for b in str(values.get("ProxyOverride", "")).split(";") if b]
        servers: dict[str, str] = {}
        raw = str(values.get("ProxyServer", ""))
        for part in filter(None, raw.split(";")):
            scheme, sep, server = part.partition("=")
            if sep:
                servers[scheme.strip().lower()] = server.strip()
            else:
                servers["*"] = part.strip()
        mode: Literal["none", "manual", "auto", "unknown"]
        if pac:
            mode = "auto"
        elif values.get("ProxyEnable") == 1 and servers:
            mode = "manual"
        else:
            mode = "none"
        return ProxyInfo(mode, servers, bypass, pac, INTERNET_SETTINGS)
