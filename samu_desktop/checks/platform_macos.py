"""The macOS probe, kept cheap: Firefox's files, the Cryptolib library, ``scutil --proxy``.

Not a platform of the SI-SAMU workstation; it exists so that the test runs
and says what it could not check (smart cards, audio) instead of failing.
"""

from __future__ import annotations

import platform
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Literal

from samu_desktop.checks.probe_base import ProbeBase, run_command
from samu_desktop.checks.probes import (
    BrowserInfo,
    CryptolibInfo,
    OsInfo,
    ProxyInfo,
    ServiceState,
    SmartCardState,
)

_APP = Path("Applications/Firefox.app/Contents/Resources")
_CPS_MODULE = Path("usr/local/lib/libcps3_pkcs11_osx.dylib")


class MacProbe(ProbeBase):
    def __init__(
        self,
        root: Path = Path("/"),
        home: Path | None = None,
        environ: Mapping[str, str] | None = None,
        command: Callable[[list[str]], str | None] | None = None,
    ) -> None:
        super().__init__(home, environ)
        self.root = root
        self._command = command or (lambda args: run_command(args, self.environ))

    def os_info(self) -> OsInfo:
        return OsInfo("macos", "macOS", platform.mac_ver()[0], "", platform.machine())

    def install_candidates(self) -> list[Path]:
        return [self.root / _APP, self.home / _APP]

    def other_browsers(self) -> list[BrowserInfo]:
        return []  # reading Info.plist of each app is not worth it on a non-target system

    def profile_root_candidates(self) -> list[Path]:
        return [self.home / "Library" / "Application Support" / "Firefox"]

    def policy_files(self) -> list[Path]:
        return [self.root / _APP / "distribution" / "policies.json"]

    def cryptolib(self) -> CryptolibInfo:
        module = self.root / _CPS_MODULE
        return CryptolibInfo(module.exists(), "", Path("/") / _CPS_MODULE, module.exists(),
                             str(_CPS_MODULE))

    def firefox_registered_modules(self) -> list[str]:
        return []

    def smartcard_service(self) -> ServiceState:
        return "running"  # CryptoTokenKit is part of the system

    def smartcards(self) -> SmartCardState:
        return SmartCardState(None, "not checked on macOS")

    def audio_outputs(self) -> list[str] | None:
        return None

    def system_proxy(self) -> ProxyInfo:
        output = self._command(["scutil", "--proxy"]) or ""
        values = dict(re.findall(r"^\s*(\w+)\s*:\s*(.*?)\s*$", output, re.MULTILINE))
        servers = {}
        for scheme, prefix in (("http", "HTTP"), ("https", "HTTPS")):
            if values.get(f"{prefix}Enable") == "1" and values.get(f"{prefix}Proxy"):
                servers[scheme] = f"{values[f'{prefix}Proxy']}:{values.get(f'{prefix}Port', '80')}"
        pac = values.get("ProxyAutoConfigURLString", "") if values.get(
            "ProxyAutoConfigEnable") == "1" else ""
        mode: Literal["none", "manual", "auto", "unknown"] = (
            "auto" if pac else "manual" if servers else "none" if output else "unknown"
        )
        return ProxyInfo(mode, servers, [], pac, "scutil")
