"""Loading and saving settings, with the policy applied and bad files survived."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from samu_desktop.config.paths import AppPaths
from samu_desktop.config.policy import MAX_POLICY_BYTES, PolicyLoad, fail_closed, parse_policy
from samu_desktop.config.settings import (
    SCHEMA_VERSION,
    Settings,
    non_default_values,
    setting_names,
)
from samu_desktop.errors import StorageError
from samu_desktop.fsutil import (
    UnsafeFile,
    atomic_write_text,
    quarantine_copy,
    read_limited,
    set_aside,
)
from samu_desktop.i18n import translate

# A settings file is a few kilobytes; anything far bigger is not one of ours.
MAX_SETTINGS_BYTES = 1_000_000


def _drop_defaults(data: dict[str, Any], proposed: dict[str, Any]) -> dict[str, Any]:
    """Version 1 wrote every setting, the defaults too: keep only the user's own choices.

    A value equal to the built-in default, or to the administrator's proposed
    default, cannot be told apart from "never touched": it is dropped, so the
    user follows the defaults of later releases and policies again.
    """
    defaults = Settings().model_dump(mode="json")
    kept: dict[str, Any] = {}
    for name, value in data.items():
        if name in defaults and (value == defaults[name]
                                 or (name in proposed and value == proposed[name])):
            continue
        kept[name] = value
    return kept


# Each entry upgrades a user file from version N to N+1; it also gets the
# administrator's proposed defaults.
MIGRATIONS: dict[int, Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]] = {
    1: _drop_defaults,
}


@dataclass
class LoadedSettings:
    settings: Settings
    policy: PolicyLoad
    # One French sentence per problem met while loading, to show at start-up.
    messages: list[str] = field(default_factory=list)
    # The user's own choices, as read from their file: the only values written back.
    user: dict[str, Any] = field(default_factory=dict)

    @property
    def locked(self) -> frozenset[str]:
        return self.policy.locked_names


class SettingsStore:
    def __init__(self, paths: AppPaths) -> None:
        self.paths = paths

    # -- loading ---------------------------------------------------------
    def load(self) -> LoadedSettings:
        messages: list[str] = []
        policy = self._load_policy(messages)
        user = self._load_user(messages, policy.policy.defaults)
        merged = {**policy.policy.defaults, **user}
        for name in policy.extra_locked:
            merged.pop(name, None)  # fail-closed: back to the built-in default
        merged.update(policy.policy.locked)
        try:
            settings = Settings(**merged)
        except ValidationError:
            # Only reachable if a policy default and a user value clash; the
            # policy's locked values were validated on their own.
            settings = Settings(**policy.policy.locked)
            user = {}
        names = setting_names()
        user = {k: v for k, v in user.items() if k in names}
        return LoadedSettings(settings=settings, policy=policy, messages=messages, user=user)

    def _load_policy(self, messages: list[str]) -> PolicyLoad:
        path = self.paths.policy_file
        last_good = self.paths.last_good_policy_file
        try:
            raw = read_limited(path, MAX_POLICY_BYTES)
        except FileNotFoundError as exc:
            if not os.path.lexists(path):
                return PolicyLoad(policy=parse_policy(b"{}"))  # no policy: nothing imposed
            # A link to nothing (a share not mounted): there is a policy, it cannot be read.
            messages.append(self._policy_message(None))
            return fail_closed(path, last_good, f"{type(exc).__name__}: dangling link")
        except OSError as exc:
            messages.append(self._policy_message(None))
            return fail_closed(path, last_good, f"{type(exc).__name__}: {exc.strerror}")
        try:
            policy = parse_policy(raw)
        except ValueError as exc:
            copy = quarantine_copy(path, self.paths.quarantine_dir)
            messages.append(self._policy_message(copy))
            return fail_closed(path, last_good, str(exc))
        # The last good copy is the administrator's to write (next to the policy): the
        # application never keeps one of its own, which the user could edit.
        return PolicyLoad(policy=policy)

    def _load_user(self, messages: list[str], proposed: dict[str, Any]) -> dict[str, Any]:
        path = self.paths.settings_file
        try:
            raw = read_limited(path, MAX_SETTINGS_BYTES)
        except FileNotFoundError:
            return {}
        except UnsafeFile:
            # A link to an endless device, a FIFO, a huge file: moved out of the way so
            # that it is not met again at the next start.
            messages.append(self._settings_message(set_aside(path, self.paths.quarantine_dir)))
            return {}
        except OSError:
            messages.append(
                translate(
                    "settings",
                    "Vos réglages n'ont pas pu être lus ; l'application démarre avec les "
                    "réglages par défaut.",
                )
            )
            return {}
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except (ValueError, RecursionError):  # bad UTF-8 and JSON, huge numbers, deep nesting
            copy = quarantine_copy(path, self.paths.quarantine_dir)
            messages.append(self._settings_message(copy))
            return {}
        data = self._migrate(data, proposed)
        return self._keep_valid(data, path, messages)

    @staticmethod
    def _migrate(data: dict[str, Any], proposed: dict[str, Any]) -> dict[str, Any]:
        # Version 1 always wrote its number; a file without one was written by hand
        # and holds only choices.
        version = data.get("schema_version", SCHEMA_VERSION)
        while isinstance(version, int) and version in MIGRATIONS:
            data = MIGRATIONS[version](data, proposed)
            version += 1
            data["schema_version"] = version
        data["schema_version"] = SCHEMA_VERSION
        return data

    def _keep_valid(
        self, data: dict[str, Any], path: Path, messages: list[str]
    ) -> dict[str, Any]:
        """Drop only the values that are wrong; keep the rest of the user's choices."""
        try:
            Settings(**data)
            return data
        except ValidationError as exc:
            bad = {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
        except (ValueError, RecursionError, TypeError):
            bad = set(data)  # nothing in it can be trusted
        copy = quarantine_copy(path, self.paths.quarantine_dir)
        messages.append(self._settings_message(copy))
        return {k: v for k, v in data.items() if k not in bad}

    @staticmethod
    def _settings_message(copy: Path | None) -> str:
        text = translate(
            "settings",
            "Le fichier de réglages était abîmé : les réglages par défaut sont utilisés "
            "pour ce qui ne pouvait pas être lu. Vérifiez vos réglages.",
        )
        if copy is not None:
            text += " " + translate("settings", "Une copie est conservée ici : {path}").format(
                path=copy
            )
        return text

    @staticmethod
    def _policy_message(copy: Path | None) -> str:
        text = translate(
            "settings",
            "Le fichier de politique de votre administrateur est illisible : les réglages "
            "qu'il impose restent verrouillés. Prévenez votre service informatique.",
        )
        if copy is not None:
            text += " " + translate("settings", "Une copie est conservée ici : {path}").format(
                path=copy
            )
        return text

    # -- saving ----------------------------------------------------------
    def save(self, user: Mapping[str, Any] | Settings, locked: frozenset[str]) -> None:
        """Write the user's own choices (and nothing else); locked values are never written.

        ``user`` is the user's choices (what :class:`~samu_desktop.app.state.AppState`
        keeps), or whole settings of which the non-default values are the choices
        (tools and tests). Raises :class:`StorageError` (one French sentence) when the
        file cannot be written: read-only folder, full disk.
        """
        if isinstance(user, Settings):
            user = non_default_values(user)
        data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        data.update({k: v for k, v in sorted(user.items())
                     if k not in locked and k != "schema_version"})
        try:
            atomic_write_text(
                self.paths.settings_file, json.dumps(data, indent=2, ensure_ascii=False) + "\n"
            )
        except StorageError as exc:
            raise StorageError(
                translate(
                    "settings",
                    "Vos réglages n'ont pas pu être enregistrés (dossier protégé en écriture "
                    "ou disque plein) ; ils restent affichés : libérez de la place ou prévenez "
                    "votre service informatique, puis enregistrez à nouveau.",
                ),
                details=exc.details,
            ) from exc
