"""The administrator's policy: a system-wide file that locks chosen settings.

Format (JSON, see packaging/ for a sample)::

    {"schema_version": 1,
     "locked":   {"support_email": "...", "smtp_host": "..."},
     "defaults": {"environment": "formation"},
     "allow_plaintext_smtp": false}

``locked`` values win over the user's; ``defaults`` only replace the built-in
defaults. A policy that cannot be read never unlocks anything: the last good
copy is applied, or, failing that, every administrative setting stays locked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from samu_desktop.config.settings import ADMIN_SETTINGS, Settings, setting_names


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = 1
    locked: dict[str, Any] = {}
    defaults: dict[str, Any] = {}
    allow_plaintext_smtp: bool = False

    @model_validator(mode="after")
    def _known_and_valid(self) -> Policy:
        known = setting_names()
        for section in (self.locked, self.defaults):
            unknown = sorted(set(section) - known)
            if unknown:
                raise ValueError("réglages inconnus : " + ", ".join(unknown))
            # Each value must be valid for its setting.
            Settings.model_validate(section)
        return self


@dataclass(frozen=True)
class PolicyLoad:
    policy: Policy
    # Locked even though the policy does not list them (fail-closed mode).
    extra_locked: frozenset[str] = frozenset()
    problem: str | None = None  # technical detail, free of secrets
    unreadable: bool = False
    locked_names: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "locked_names", frozenset(self.policy.locked) | self.extra_locked
        )


def parse_policy(raw: bytes) -> Policy:
    """Parse and validate a policy file's bytes (raises ValueError)."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"JSON illisible : {exc}") from exc
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        fields = ", ".join(".".join(str(p) for p in e["loc"]) or "racine" for e in exc.errors())
        raise ValueError(f"contenu invalide ({fields})") from exc


def fail_closed(last_good: Path) -> PolicyLoad:
    """The policy in force when the administrator's file cannot be used."""
    try:
        return PolicyLoad(policy=parse_policy(last_good.read_bytes()), unreadable=True)
    except (OSError, ValueError):
        return PolicyLoad(policy=Policy(), extra_locked=ADMIN_SETTINGS, unreadable=True)
