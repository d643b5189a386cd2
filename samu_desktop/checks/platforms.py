"""The probe for the running system."""

from __future__ import annotations

import sys

from samu_desktop.checks.probes import WorkstationProbe


def default_probe() -> WorkstationProbe:
    if sys.platform == "win32":
        from samu_desktop.checks.platform_windows import WindowsProbe

        return WindowsProbe()
    if sys.platform == "darwin":
        from samu_desktop.checks.platform_macos import MacProbe

        return MacProbe()
    from samu_desktop.checks.platform_linux import LinuxProbe

    return LinuxProbe()
