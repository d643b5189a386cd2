"""Writes fake keys into the real registry of the Windows lane's Wine prefix, and removes them.

Only for tests under tests/windows/, which run on Windows only (the lane runs them in a
throwaway copy of its Wine prefix: see scripts/windows/run_prefix.sh). Every key and value
written is put back as it was when the test ends, whatever happens.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

assert sys.platform == "win32"

import winreg  # noqa: E402

_HIVES = {"HKLM": winreg.HKEY_LOCAL_MACHINE, "HKCU": winreg.HKEY_CURRENT_USER}
_MISSING = object()


def _split(path: str) -> tuple[int, str]:
    hive, _, sub = path.partition("\\")
    return _HIVES[hive], sub


def _kind(value: Any) -> int:
    if isinstance(value, int):
        return winreg.REG_DWORD
    if isinstance(value, list):
        return winreg.REG_MULTI_SZ
    return winreg.REG_SZ


def _existing_parent_depth(hive: int, sub: str) -> int:
    """How many leading parts of ``sub`` already exist."""
    parts = sub.split("\\")
    for depth in range(len(parts), 0, -1):
        try:
            winreg.OpenKey(hive, "\\".join(parts[:depth]), 0,
                           winreg.KEY_READ | winreg.KEY_WOW64_64KEY).Close()
            return depth
        except OSError:
            continue
    return 0


def _delete_tree(hive: int, sub: str) -> None:
    try:
        key = winreg.OpenKey(hive, sub, 0, winreg.KEY_ALL_ACCESS | winreg.KEY_WOW64_64KEY)
    except OSError:
        return
    with key:
        while True:
            try:
                child = winreg.EnumKey(key, 0)
            except OSError:
                break
            _delete_tree(hive, f"{sub}\\{child}")
    winreg.DeleteKeyEx(hive, sub, winreg.KEY_WOW64_64KEY)


@contextmanager
def registry_values(keys: Mapping[str, Mapping[str, Any]]) -> Iterator[None]:
    """Write ``{"HKLM\\SOFTWARE\\X": {"Name": value}}``; put everything back afterwards."""
    created: list[tuple[int, str]] = []
    previous: list[tuple[int, str, str, Any]] = []
    try:
        for path, values in keys.items():
            hive, sub = _split(path)
            depth = _existing_parent_depth(hive, sub)
            parts = sub.split("\\")
            if depth < len(parts):
                created.append((hive, "\\".join(parts[: depth + 1])))
            with winreg.CreateKeyEx(hive, sub, 0,
                                    winreg.KEY_ALL_ACCESS | winreg.KEY_WOW64_64KEY) as key:
                for name, value in values.items():
                    try:
                        old: Any = winreg.QueryValueEx(key, name)
                    except OSError:
                        old = _MISSING
                    previous.append((hive, sub, name, old))
                    winreg.SetValueEx(key, name, 0, _kind(value), value)
        yield
    finally:
        for hive, sub, name, old in reversed(previous):
            try:
                with winreg.OpenKey(hive, sub, 0,
                                    winreg.KEY_ALL_ACCESS | winreg.KEY_WOW64_64KEY) as key:
                    if old is _MISSING:
                        winreg.DeleteValue(key, name)
                    else:
                        winreg.SetValueEx(key, name, 0, old[1], old[0])
            except OSError:
                pass  # inside a key created here: removed just below
        for hive, sub in reversed(created):
            _delete_tree(hive, sub)
