"""Which proxy the browser would use: Firefox's own setting, the system's, the environment's.

The network checks go the way Firefox goes, so that "the portal is unreachable"
means what the user sees; the proxy check lists all three for the report.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

from samu_desktop.checks import firefox_files as ff
from samu_desktop.checks.probes import FirefoxConfigProbe, ProxyInfo, ProxyProbe

_ENV_NAMES = ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY")

# Firefox's network.proxy.type values.
FIREFOX_MODES = {0: "none", 1: "manual", 2: "pac", 4: "wpad", 5: "system"}


def mask_credentials(value: str) -> str:
    """``http://user:secret@proxy:3128`` → ``http://***@proxy:3128``: no secret in reports."""
    return re.sub(r"(?<=://)[^/@\s]+@", "***@", value)


def environment_proxies(environ: Mapping[str, str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for name in _ENV_NAMES:
        value = environ.get(name) or environ.get(name.lower())
        if value:
            found[name] = value
    return found


@dataclass
class FirefoxProxy:
    mode: str = "system"  # none, manual, pac, wpad, system
    servers: dict[str, str] = field(default_factory=dict)  # "http"/"https" -> host:port
    bypass: list[str] = field(default_factory=list)
    pac_url: str = ""


def firefox_proxy(probe: FirefoxConfigProbe) -> FirefoxProxy | None:
    """The proxy setting of the profile Firefox opens, policies applied; None without profile."""
    profiles = [p for root in probe.firefox_profile_roots() for p in ff.read_profiles(root)]
    in_use = next((p for p in profiles if p.is_default), None)
    if in_use is None:
        return None
    prefs = ff.profile_prefs(in_use.path)
    prefs.values.update(ff.policy_prefs(probe.firefox_policies()).values)
    values = prefs.values
    kind = values.get("network.proxy.type", 5)
    result = FirefoxProxy(mode=FIREFOX_MODES.get(kind if isinstance(kind, int) else 5, "system"))
    for scheme, host_pref in (("http", "network.proxy.http"), ("https", "network.proxy.ssl")):
        host = values.get(host_pref)
        port = values.get(host_pref + "_port")
        if isinstance(host, str) and host and isinstance(port, int) and port:
            result.servers[scheme] = f"{host}:{port}"
    share = values.get("network.proxy.share_proxy_settings")
    if "https" not in result.servers and share and "http" in result.servers:
        result.servers["https"] = result.servers["http"]
    bypass = values.get("network.proxy.no_proxies_on")
    if isinstance(bypass, str):
        result.bypass = [b.strip() for b in re.split(r"[,;\s]+", bypass) if b.strip()]
    pac = values.get("network.proxy.autoconfig_url")
    result.pac_url = pac if isinstance(pac, str) else ""
    return result


@dataclass(frozen=True)
class ProxyChoice:
    """The proxy to go through (None: direct) and a French-neutral label of where it came from."""

    proxy: tuple[str, int] | None
    source: str
    note: str = ""


def _split_hostport(value: str, default_port: int) -> tuple[str, int] | None:
    text = value.strip()
    if "://" in text:
        parts = urlsplit(text)
        if not parts.hostname:
            return None
        return parts.hostname, parts.port or default_port
    text = text.rsplit("@", 1)[-1]
    host, sep, port = text.rpartition(":")
    if sep and port.isdigit() and host:
        return host.strip("[]"), int(port)
    return (text, default_port) if text else None


def _bypassed(host: str, patterns: list[str]) -> bool:
    host = host.lower()
    for pattern in patterns:
        p = pattern.strip().lower()
        if not p:
            continue
        if p == "*":
            return True
        if p == "<local>":
            if "." not in host:
                return True
            continue
        p = p.split(":", 1)[0] if p.count(":") == 1 else p
        p = p.lstrip("*")
        if p.startswith("."):
            if host.endswith(p) or host == p[1:]:
                return True
        elif host == p or host.endswith("." + p):
            return True
    return host in ("localhost", "127.0.0.1", "::1")


def _from_environment(environ: Mapping[str, str], scheme: str, host: str) -> ProxyChoice:
    proxies = environment_proxies(environ)
    no_proxy = [p for p in re.split(r"[,\s]+", proxies.get("NO_PROXY", "")) if p]
    if _bypassed(host, no_proxy):
        return ProxyChoice(None, "environment")
    value = proxies.get("HTTPS_PROXY" if scheme == "https" else "HTTP_PROXY") or proxies.get(
        "ALL_PROXY"
    )
    target = _split_hostport(value, 3128) if value else None
    return ProxyChoice(target, "environment")


def _from_system(info: ProxyInfo, scheme: str, host: str) -> ProxyChoice | None:
    if info.mode == "none":
        return ProxyChoice(None, "system")
    if info.mode == "auto":
        return ProxyChoice(None, "system", "pac")
    if info.mode != "manual":
        return None
    if _bypassed(host, info.bypass):
        return ProxyChoice(None, "system")
    value = info.servers.get(scheme) or info.servers.get("http") or info.servers.get("*")
    return ProxyChoice(_split_hostport(value, 8080) if value else None, "system")


class NetProbe(ProxyProbe, FirefoxConfigProbe, Protocol):
    """What the network checks read to choose a route."""


def choose_proxy(probe: NetProbe, url: str) -> ProxyChoice:
    """The proxy Firefox would use for ``url`` (https and wss go through the HTTPS proxy)."""
    parts = urlsplit(url)
    scheme = "https" if parts.scheme in ("https", "wss") else "http"
    host = parts.hostname or ""
    firefox = firefox_proxy(probe)
    if firefox is not None and firefox.mode == "none":
        return ProxyChoice(None, "firefox")
    if firefox is not None and firefox.mode == "manual":
        if _bypassed(host, firefox.bypass):
            return ProxyChoice(None, "firefox")
        value = firefox.servers.get(scheme)
        return ProxyChoice(_split_hostport(value, 8080) if value else None, "firefox")
    # A proxy script cannot be evaluated here: try the system's route and say so.
    note = "pac" if firefox is not None and firefox.mode in ("pac", "wpad") else ""
    system = _from_system(probe.system_proxy(), scheme, host)
    if system is not None and (system.proxy is not None or system.source == "system"):
        return ProxyChoice(system.proxy, system.source, system.note or note)
    choice = _from_environment(probe.environ, scheme, host)
    return ProxyChoice(choice.proxy, choice.source, note)
