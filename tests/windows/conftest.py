"""Tests of the real Windows code: run by the Windows lane (scripts/windows_lane.sh) under
Wine, skipped elsewhere. Their Linux counterparts use recorded values and stand-ins."""

from __future__ import annotations

import sys

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    skip = pytest.mark.skip(reason="Windows only: the Windows lane runs it under Wine "
                                   "(bash scripts/windows_lane.sh)")
    for item in items:
        if "tests/windows/" in item.nodeid.replace("\\", "/"):
            item.add_marker("windows")
            if sys.platform != "win32":
                item.add_marker(skip)

