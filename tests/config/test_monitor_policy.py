"""The outage monitor's settings: off by default, set and locked by the policy, checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samu_desktop.config.paths import AppPaths
from samu_desktop.config.policy import parse_policy
from samu_desktop.config.settings import ADMIN_SETTINGS, Settings
from samu_desktop.config.store import SettingsStore

ENDPOINTS = [
    {"id": "portail-production", "kind": "https", "target": "https://portail.example.test",
     "application": "portail", "environment": "production"},
    {"id": "bandeau-session-server", "kind": "websocket",
     "target": "wss://session.example.test/ws", "application": "bandeau"},
    {"id": "dns-portail", "kind": "dns", "target": "portail.example.test"},
    {"id": "relais-smtp", "kind": "smtp", "target": "smtp.example.test:587"},
    {"id": "ntp", "kind": "ntp", "target": "[2001:db8::1]:123"},
]


def _write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_off_by_default_and_every_monitor_setting_is_administrative() -> None:
    settings = Settings()
    assert settings.monitor_enabled is False and settings.monitor_endpoints == []
    assert (settings.monitor_interval_s, settings.monitor_down_after,
            settings.monitor_up_after) == (30.0, 3, 2)
    assert (settings.monitor_journal_days, settings.monitor_journal_mb) == (7, 20.0)
    monitor = {name for name in Settings.model_fields if name.startswith("monitor_")}
    assert monitor <= ADMIN_SETTINGS  # locked at "off" when the policy is unreadable


def test_the_policy_turns_it_on_and_locks_it() -> None:
    paths = AppPaths.default()
    _write(paths.policy_file, {"locked": {"monitor_enabled": True,
                                          "monitor_endpoints": ENDPOINTS,
                                          "monitor_down_after": 4}})
    _write(paths.settings_file, {"monitor_enabled": False})
    loaded = SettingsStore(paths).load()
    assert not loaded.policy.unreadable, loaded.policy.problem
    assert loaded.settings.monitor_enabled is True
    assert [e.id for e in loaded.settings.monitor_endpoints] == [e["id"] for e in ENDPOINTS]
    assert loaded.settings.monitor_down_after == 4
    assert {"monitor_enabled", "monitor_endpoints"} <= loaded.locked


@pytest.mark.parametrize("endpoint", [
    {"id": "Portail SI-SAMU", "kind": "https", "target": "https://p.example.test"},
    {"id": "portail", "kind": "https", "target": "wss://p.example.test"},
    {"id": "portail", "kind": "https", "target": "https://p.example.test", "note": "x"},
    {"id": "relais", "kind": "smtp", "target": "smtp.example.test:99999"},
    {"id": "relais", "kind": "tcp", "target": "smtp example.test"},
    {"id": "portail", "kind": "https", "target": "https://p.example.test",
     "application": "autre"},
])
def test_a_wrong_endpoint_is_refused_by_the_policy_check(endpoint: dict[str, str]) -> None:
    raw = json.dumps({"locked": {"monitor_endpoints": [endpoint]}}).encode()
    with pytest.raises(ValueError, match="monitor_endpoints"):
        parse_policy(raw)


def test_two_endpoints_with_one_id_are_refused() -> None:
    twice = [ENDPOINTS[0], {**ENDPOINTS[2], "id": "portail-production"}]
    with pytest.raises(ValueError, match="monitor_endpoints"):
        parse_policy(json.dumps({"locked": {"monitor_endpoints": twice}}).encode())
