"""The administrator's policy: a system-wide file that locks chosen settings.

Format (JSON, see packaging/ for a sample)::

    {"schema_version": 1,
     "locked":   {"support_email": "...", "smtp_host": "..."},
     "defaults": {"environment": "formation"},
     "allow_plaintext_smtp": false}

``locked`` values win over the user's; ``defaults`` only replace the built-in
defaults. A policy that cannot be read never unlocks anything: the last good
copy is applied, or, failing that, every administrative setting stays locked.

The last good copy is ``policy.last-good.json`` *next to the policy*, in the
administrator's folder: only whoever can write the policy can write it (the
application never writes there). A copy anywhere the user can write would let a
user unlock everything by breaking the policy on purpose.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from samu_desktop.config.settings import ADMIN_SETTINGS, Settings, setting_names
from samu_desktop.fsutil import read_limited
from samu_desktop.i18n import translate

# A policy is a few kilobytes; anything far bigger is not one.
MAX_POLICY_BYTES = 1_000_000


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
    """Parse and validate a policy file's bytes; every parser error becomes ValueError."""
    if len(raw) > MAX_POLICY_BYTES:
        raise ValueError("fichier bien trop gros pour une politique")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"JSON illisible : {exc}") from exc
    except (ValueError, RecursionError) as exc:  # huge numbers, deep nesting
        raise ValueError(f"JSON illisible : {type(exc).__name__}") from exc
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        fields = ", ".join(".".join(str(p) for p in e["loc"]) or "racine" for e in exc.errors())
        raise ValueError(f"contenu invalide ({fields})") from exc
    except (ValueError, RecursionError, TypeError) as exc:
        raise ValueError(f"contenu invalide ({type(exc).__name__})") from exc


def read_policy(path: Path) -> Policy:
    """Read and validate a policy file (size-limited); raises OSError or ValueError."""
    return parse_policy(read_limited(path, MAX_POLICY_BYTES))


def trusted_last_good(policy_file: Path, last_good: Path) -> bool:
    """Whether ``last_good`` can only have been written by whoever can write the policy.

    It must sit in the policy's own folder; and a copy this user may write while the
    policy itself is not theirs to write (a file left writable by mistake) is ignored.
    """
    if last_good.parent != policy_file.parent:
        return False
    if not os.access(last_good, os.W_OK):
        return True
    return os.access(policy_file.parent, os.W_OK) or os.access(policy_file, os.W_OK)


def fail_closed(policy_file: Path, last_good: Path, problem: str | None = None) -> PolicyLoad:
    """The policy in force when the administrator's file cannot be used.

    The administrator's last good copy when it is trusted and valid; otherwise no
    policy at all and every administrative setting locked at its default.
    """
    if trusted_last_good(policy_file, last_good):
        try:
            return PolicyLoad(policy=read_policy(last_good), problem=problem, unreadable=True)
        except (OSError, ValueError):
            pass
    return PolicyLoad(
        policy=Policy(), extra_locked=ADMIN_SETTINGS, problem=problem, unreadable=True
    )


def coherence_problems(policy: Policy) -> list[str]:
    """What makes a valid policy unworkable (for ``policy check``), in French."""
    problems = []
    for section, values in (("locked", policy.locked), ("defaults", policy.defaults)):
        if values.get("smtp_security") == "none" and not policy.allow_plaintext_smtp:
            problems.append(
                translate(
                    "cli",
                    "« {section} » demande l'envoi sans chiffrement (smtp_security : none) "
                    "sans l'autoriser (allow_plaintext_smtp : true) : tout envoi serait refusé",
                ).format(section=section)
            )
    return problems
