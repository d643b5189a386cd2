"""The small interfaces through which checks look at the workstation.

Each check takes only the interface it needs, so that a test can hand it a
real file layout built in a temporary folder (Linux), recorded registry values
(Windows) or, for what cannot exist on a test machine (a smart card), a small
stand-in. :func:`samu_desktop.checks.platforms.default_probe` picks the
implementation for the running system.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol


class ProbeUnavailable(Exception):
    """A probe could not read what it was asked (no display, no permission …)."""


ServiceState = Literal["running", "activatable", "stopped", "unknown"]


@dataclass(frozen=True)
class OsInfo:
    family: Literal["windows", "linux", "macos", "other"]
    name: str  # e.g. "Windows 11 Professionnel", "Debian GNU/Linux 12 (bookworm)"
    version: str  # e.g. "23H2", "12"
    build: str = ""  # e.g. "22631.4460", kernel release on Linux
    architecture: str = ""


@dataclass(frozen=True)
class FirefoxInstall:
    path: Path
    version: str  # from application.ini, e.g. "128.5.0"
    channel: str  # from channel-prefs.js, e.g. "esr", "release"; "" when unknown

    @property
    def display_version(self) -> str:
        """The version as Firefox shows it in "À propos", e.g. "128.5.0esr"."""
        return self.version + ("esr" if self.channel == "esr" else "")

    @property
    def major(self) -> int | None:
        head = self.version.split(".", 1)[0]
        return int(head) if head.isdigit() else None


@dataclass(frozen=True)
class BrowserInfo:
    name: str  # "Chrome", "Edge", "Chromium"
    version: str


@dataclass(frozen=True)
class ScreenInfo:
    width: int
    height: int


@dataclass(frozen=True)
class CryptolibInfo:
    installed: bool
    version: str = ""  # "" when it could not be read
    module_path: Path | None = None  # the PKCS#11 library Firefox must load
    module_present: bool = False
    source: str = ""  # where the facts came from, for the report


@dataclass(frozen=True)
class ReaderInfo:
    name: str
    card_present: bool


@dataclass(frozen=True)
class SmartCardState:
    """Readers as PC/SC sees them. ``readers`` is None when no PC/SC library could be used."""

    readers: list[ReaderInfo] | None
    error: str = ""


@dataclass(frozen=True)
class PolicySource:
    """An enterprise policy set for Firefox (``policies.json`` or the Windows registry)."""

    origin: str
    policies: Mapping[str, Any]


@dataclass(frozen=True)
class ProxyInfo:
    """The system's proxy configuration (not the environment's, nor Firefox's)."""

    mode: Literal["none", "manual", "auto", "unknown"] = "unknown"
    servers: dict[str, str] = field(default_factory=dict)  # scheme -> "host:port"
    bypass: list[str] = field(default_factory=list)
    pac_url: str = ""
    source: str = ""


class SystemProbe(Protocol):
    def os_info(self) -> OsInfo: ...


class BrowserProbe(Protocol):
    def firefox_installs(self) -> list[FirefoxInstall]: ...

    def other_browsers(self) -> list[BrowserInfo]: ...


class ScreenProbe(Protocol):
    def screens(self) -> list[ScreenInfo]: ...


class FirefoxConfigProbe(Protocol):
    """Where Firefox keeps its profiles and policies, and what the installation defaults."""

    @property
    def home(self) -> Path: ...

    def firefox_installs(self) -> list[FirefoxInstall]: ...

    def firefox_profile_roots(self) -> list[Path]: ...

    def firefox_policies(self) -> list[PolicySource]: ...


class CpsProbe(Protocol):
    """Cryptolib CPS, the smart-card service and readers (Firefox modules come from profiles)."""

    def cryptolib(self) -> CryptolibInfo: ...

    def firefox_registered_modules(self) -> list[str]: ...

    def smartcard_service(self) -> ServiceState: ...

    def smartcards(self) -> SmartCardState: ...


class AudioProbe(Protocol):
    def audio_outputs(self) -> list[str] | None:
        """Names of audio outputs; None when this system cannot tell."""
        ...


class ProxyProbe(Protocol):
    @property
    def environ(self) -> Mapping[str, str]: ...

    def system_proxy(self) -> ProxyInfo: ...


class WorkstationProbe(
    SystemProbe,
    BrowserProbe,
    ScreenProbe,
    FirefoxConfigProbe,
    CpsProbe,
    AudioProbe,
    ProxyProbe,
    Protocol,
):
    """Everything the default checks need: what a platform implementation provides."""
