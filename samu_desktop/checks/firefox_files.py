"""Reading Firefox's own files: installation, profiles, preferences, policies, modules.

Everything here parses files Firefox writes or ships, the same way on every
platform; the platform probes only say where those files are.
"""

from __future__ import annotations

import configparser
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from samu_desktop.checks.probes import FirefoxInstall, PolicySource
from samu_desktop.fsutil import read_limited_text

PrefValue = bool | int | str

# Files are small; a cap keeps a damaged or hostile file from eating memory.
_MAX_FILE = 8 * 1024 * 1024


def read_text(path: Path) -> str | None:
    """The text of a small regular file; None when absent, unreadable, too big or not a
    regular file (a FIFO would otherwise block the check until its timeout)."""
    try:
        return read_limited_text(path, _MAX_FILE)
    except OSError:
        return None


def read_ini(path: Path) -> configparser.ConfigParser | None:
    text = read_text(path)
    if text is None:
        return None
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    try:
        parser.read_string(text)
    except configparser.Error:
        return None
    return parser


def read_install(directory: Path) -> FirefoxInstall | None:
    """An installation folder holds ``application.ini`` and ``defaults/pref/channel-prefs.js``.

    On macOS both live in ``Firefox.app/Contents/Resources``.
    """
    ini = read_ini(directory / "application.ini")
    if ini is None or not ini.has_option("App", "Version"):
        return None
    if ini.get("App", "Name", fallback="Firefox") != "Firefox":
        return None  # Thunderbird and friends share the layout
    channel = ""
    prefs = read_text(directory / "defaults" / "pref" / "channel-prefs.js")
    if prefs is not None:
        value = parse_prefs(prefs).values.get("app.update.channel")
        channel = value if isinstance(value, str) else ""
    return FirefoxInstall(path=directory, version=ini.get("App", "Version"), channel=channel)


# -- preference files --------------------------------------------------------

_STRING = r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\''
_PREF = re.compile(
    r"\b(user_pref|pref|lockPref|sticky_pref|defaultPref)\s*\(\s*(" + _STRING + r")\s*,\s*("
    + _STRING
    + r"|true|false|-?\d+)\s*(?:,\s*(locked|sticky)\s*)?\)\s*;"
)


@dataclass
class Prefs:
    values: dict[str, PrefValue] = field(default_factory=dict)
    locked: set[str] = field(default_factory=set)


def _strip_comments(text: str) -> str:
    """Drop ``//``, ``#`` and ``/* */`` comments, leaving strings (URLs hold ``//``) alone."""
    out: list[str] = []
    i, n = 0, len(text)
    quote = ""
    line_start = True
    while i < n:
        ch = text[i]
        if quote:
            out.append(ch)
            if ch == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            if ch == quote:
                quote = ""
            i += 1
            continue
        if ch in "\"'":
            quote = ch
        elif text.startswith("//", i) or (ch == "#" and line_start):
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        if ch == "\n":
            line_start = True
        elif not ch.isspace():
            line_start = False
        out.append(ch)
        i += 1
    return "".join(out)


def _unquote(token: str) -> str:
    body = token[1:-1]
    return re.sub(r"\\(.)", r"\1", body)


def parse_prefs(text: str, into: Prefs | None = None) -> Prefs:
    """Parse ``prefs.js``/``user.js`` (``user_pref``) or default files (``pref``, ``lockPref``)."""
    prefs = into if into is not None else Prefs()
    for match in _PREF.finditer(_strip_comments(text)):
        kind, name_token, value_token, flag = match.groups()
        name = _unquote(name_token)
        value: PrefValue
        if value_token == "true":
            value = True
        elif value_token == "false":
            value = False
        elif value_token[0] in "\"'":
            value = _unquote(value_token)
        else:
            value = int(value_token)
        if name in prefs.locked and kind != "lockPref":
            continue  # a locked default wins over everything after it
        prefs.values[name] = value
        if kind == "lockPref" or flag == "locked":
            prefs.locked.add(name)
    return prefs


def install_default_prefs(install: FirefoxInstall) -> Prefs:
    """Default preferences an installation ships or an administrator added (autoconfig)."""
    prefs = Prefs()
    folders = [install.path / "defaults" / "pref", install.path / "browser" / "defaults" /
               "preferences"]
    for folder in folders:
        try:
            files = sorted(p for p in folder.iterdir() if p.suffix == ".js")
        except OSError:
            continue
        for path in files:
            text = read_text(path)
            if text is not None:
                parse_prefs(text, prefs)
    return prefs


# -- profiles -----------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    name: str
    path: Path
    is_default: bool  # what profiles.ini says Firefox opens


def read_profiles(root: Path) -> list[Profile]:
    """Profiles listed in ``root/profiles.ini``, the one Firefox opens marked default.

    Since Firefox 67 each installation has its own default (``[Install…]``
    sections), which wins over the older ``Default=1`` flag.
    """
    ini = read_ini(root / "profiles.ini")
    if ini is None:
        return []
    install_defaults = {
        ini.get(section, "Default", fallback="")
        for section in ini.sections()
        if section.startswith("Install")
    }
    install_defaults.discard("")
    profiles: list[Profile] = []
    for section in ini.sections():
        if not section.startswith("Profile") or not ini.has_option(section, "Path"):
            continue
        raw = ini.get(section, "Path")
        relative = ini.get(section, "IsRelative", fallback="1") == "1"
        path = root / raw if relative else Path(raw)
        flagged = ini.get(section, "Default", fallback="0") == "1"
        is_default = raw in install_defaults if install_defaults else flagged
        profiles.append(Profile(ini.get(section, "Name", fallback=raw), path, is_default))
    if profiles and not any(p.is_default for p in profiles):
        first = profiles[0]
        profiles[0] = Profile(first.name, first.path, True)
    return profiles


def profile_prefs(profile_dir: Path, defaults: Prefs | None = None) -> Prefs:
    """Effective preferences: defaults, then ``prefs.js``, then ``user.js`` (read at start-up)."""
    prefs = Prefs(dict(defaults.values), set(defaults.locked)) if defaults else Prefs()
    for name in ("prefs.js", "user.js"):
        text = read_text(profile_dir / name)
        if text is not None:
            parse_prefs(text, prefs)
    return prefs


def profile_last_major(profile_dir: Path) -> int | None:
    """The Firefox major version that last used a profile (``compatibility.ini``)."""
    ini = read_ini(profile_dir / "compatibility.ini")
    if ini is None:
        return None
    last = ini.get("Compatibility", "LastVersion", fallback="")
    head = last.split(".", 1)[0]
    return int(head) if head.isdigit() else None


def pkcs11_modules(profile_dir: Path) -> list[str]:
    """Library paths of the security modules in a profile's ``pkcs11.txt`` (NSS database)."""
    text = read_text(profile_dir / "pkcs11.txt")
    if text is None:
        return []
    modules = []
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep and key.strip() == "library" and value.strip():
            modules.append(value.strip())
    return modules


# -- policies -----------------------------------------------------------------


def read_policies_json(path: Path) -> PolicySource | None:
    text = read_text(path)
    if text is None:
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # deep nesting: unreadable, not a crash
        return PolicySource(origin=str(path), policies={"_unreadable": True})
    policies = data.get("policies") if isinstance(data, dict) else None
    if not isinstance(policies, dict):
        return PolicySource(origin=str(path), policies={"_unreadable": True})
    return PolicySource(origin=str(path), policies=policies)


def policy_prefs(sources: list[PolicySource]) -> Prefs:
    """Preferences set by policies, translated to the preference they control (all locked)."""
    prefs = Prefs()

    def force(name: str, value: PrefValue) -> None:
        prefs.values[name] = value
        prefs.locked.add(name)

    for source in sources:
        policies: dict[str, Any] = dict(source.policies)
        sanitize = policies.get("SanitizeOnShutdown")
        if isinstance(sanitize, bool):
            force("privacy.sanitize.sanitizeOnShutdown", sanitize)
            for name in ("privacy.clearOnShutdown.cookies",
                         "privacy.clearOnShutdown_v2.cookiesAndStorage"):
                force(name, sanitize)
        elif isinstance(sanitize, dict) and "Cookies" in sanitize:
            cookies = bool(sanitize["Cookies"])
            if cookies:
                force("privacy.sanitize.sanitizeOnShutdown", True)
            for name in ("privacy.clearOnShutdown.cookies",
                         "privacy.clearOnShutdown_v2.cookiesAndStorage"):
                force(name, cookies)
        cookies_policy = policies.get("Cookies")
        if isinstance(cookies_policy, dict):
            if cookies_policy.get("ExpireAtSessionEnd") is True:
                force("network.cookie.lifetimePolicy", 2)
            if cookies_policy.get("Default") is False:
                force("network.cookie.cookieBehavior", 2)
        preferences = policies.get("Preferences")
        if isinstance(preferences, dict):
            for name, spec in preferences.items():
                value = spec.get("Value") if isinstance(spec, dict) else spec
                if isinstance(value, bool | int | str):
                    force(str(name), value)
    return prefs


def policy_security_devices(sources: list[PolicySource]) -> list[str]:
    """Module paths the ``SecurityDevices`` policy asks Firefox to load."""
    paths: list[str] = []
    for source in sources:
        devices = source.policies.get("SecurityDevices")
        if isinstance(devices, dict):
            # Two shapes exist: {"name": "path"} and {"Add": {"name": "path"}}.
            nested = devices.get("Add")
            added: dict[str, Any] = nested if isinstance(nested, dict) else devices
            paths.extend(str(v) for v in added.values() if isinstance(v, str))
    return paths
