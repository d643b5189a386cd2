"""The interface language, read before anything else so that the window shows at once.

Only ``json`` is needed: the settings model (pydantic) loads after the first
paint. The order is the store's (``--lang``, then the policy's lock, the user's
choice, the policy's default, French); a file that cannot be read counts as
absent here, and the store reports it once the window is up.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from samu_desktop.config.paths import AppPaths

InterfaceLanguage = Literal["fr", "en"]


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _section(data: dict[str, Any], name: str) -> dict[str, Any]:
    value = data.get(name)
    return value if isinstance(value, dict) else {}


def interface_language(paths: AppPaths, requested: str | None = None) -> InterfaceLanguage:
    """``fr`` or ``en``: what the window speaks from its first paint."""
    if requested is None:
        policy = _read(paths.policy_file)
        for source in (_section(policy, "locked"), _read(paths.settings_file),
                       _section(policy, "defaults")):
            if source.get("language") in ("fr", "en"):
                requested = source["language"]
                break
    return "en" if requested == "en" else "fr"
