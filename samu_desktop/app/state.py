"""The application state: the one live copy of the settings, one save path, one event.

Every part that depends on a setting (the report wizard, the checks, the
outbox sender, the hotkey) reads ``state.settings`` when it needs a value and
subscribes to :meth:`AppState.subscribe` to hear about a save; none keeps a
copy of its own. The shape is napari's evented model, with a plain list of
callbacks: the core never imports Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any, Literal

from samu_desktop.config.paths import AppPaths
from samu_desktop.config.policy import Policy, PolicyLoad
from samu_desktop.config.settings import Settings, non_default_values
from samu_desktop.config.store import LoadedSettings, SettingsStore

log = logging.getLogger(__name__)

Subscriber = Callable[[Settings], None]
InterfaceLanguage = Literal["fr", "en"]


class AppState:
    """The settings in force, the administrator's policy, the interface language.

    ``save`` is the only way to change a setting: it validates, writes the
    user's own choices, and only then replaces the live settings and tells
    every subscriber. A failed save changes nothing.
    """

    def __init__(
        self,
        store: SettingsStore,
        loaded: LoadedSettings,
        language: str | None = None,
    ) -> None:
        self.store = store
        self._loaded = loaded
        # The interface language of this run: ``--lang`` wins over the setting
        # (a change of the setting applies at the next start).
        chosen = language or loaded.settings.language
        self.language: InterfaceLanguage = "en" if chosen == "en" else "fr"
        self._subscribers: list[Subscriber] = []

    @classmethod
    def load(cls, paths: AppPaths, language: str | None = None) -> AppState:
        store = SettingsStore(paths)
        return cls(store, store.load(), language)

    @classmethod
    def of(
        cls,
        settings: Settings,
        paths: AppPaths,
        policy: Policy | None = None,
        language: str | None = None,
    ) -> AppState:
        """A state holding ``settings`` as if the user had chosen every value that is not
        a default, the policy's locked values over them (tools and tests; the
        application uses :meth:`load`)."""
        policy = policy or Policy()
        user = {k: v for k, v in non_default_values(settings).items()
                if k not in policy.locked}
        in_force = Settings(**{**settings.model_dump(), **policy.locked})
        loaded = LoadedSettings(in_force, PolicyLoad(policy=policy), user=user)
        return cls(SettingsStore(paths), loaded, language)

    # -- reading ------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        """The settings in force. Read it when the value is needed; do not keep it."""
        return self._loaded.settings

    @property
    def locked(self) -> frozenset[str]:
        return self._loaded.locked

    @property
    def policy(self) -> PolicyLoad:
        return self._loaded.policy

    @property
    def allow_plaintext_smtp(self) -> bool:
        return self._loaded.policy.policy.allow_plaintext_smtp

    @property
    def paths(self) -> AppPaths:
        return self.store.paths

    @property
    def messages(self) -> list[str]:
        """French sentences about problems met while loading, to show at start-up."""
        return self._loaded.messages

    @property
    def user_choices(self) -> dict[str, Any]:
        """The values the user set themselves (a copy): what the settings file holds."""
        return dict(self._loaded.user)

    # -- changing -------------------------------------------------------------
    def candidate(self, changes: Mapping[str, Any]) -> Settings:
        """The settings these changes would give; raises pydantic's ValidationError."""
        allowed = {k: v for k, v in changes.items() if k not in self.locked}
        return Settings(**{**self.settings.model_dump(), **allowed})

    def save(self, changes: Mapping[str, Any]) -> Settings:
        """Apply the user's changes, write them, then tell every subscriber.

        Only values that differ from the settings in force become the user's
        own choices. Raises ValidationError (a value is not valid) or
        StorageError (one French sentence: the file could not be written); in
        both cases nothing changes, in memory or on disk.
        """
        new = self.candidate(changes)
        normalised = new.model_dump(mode="json")
        current = self.settings.model_dump(mode="json")
        user = dict(self._loaded.user)
        for name in changes:
            if name in self.locked or name not in normalised:
                continue
            if normalised[name] != current[name]:
                user[name] = normalised[name]
        self.store.save(user, self.locked)
        self._loaded.user = user
        self._loaded.settings = new
        self._notify(new)
        return new

    # -- subscribers ------------------------------------------------------------
    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Call ``callback(settings)`` after every save; returns the way to unsubscribe."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def _notify(self, settings: Settings) -> None:
        for callback in list(self._subscribers):
            try:
                callback(settings)
            except Exception:  # one broken subscriber must not stop the others
                log.exception("settings subscriber failed")
