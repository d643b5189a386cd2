"""Shared pieces of the red-team tests: synthetic reports, captures and windows.

Everything here is synthetic: random pixels stand for a capture with a patient on it,
no real name or number is ever written.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from pathlib import Path
from uuid import UUID

from PIL import Image
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.procedure import load_catalogue
from samu_desktop.report.attachments import ReportAttachments
from samu_desktop.report.drafts import DraftStore
from samu_desktop.report.model import Report


def capture(width: int = 320, height: int = 180) -> Image.Image:
    """Random pixels: stands for a screenshot with patient data on it."""
    return Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))


def draft_with_capture(
    paths: AppPaths, age: timedelta = timedelta(0), status: str = "draft"
) -> tuple[Report, Image.Image]:
    """A case-B draft on disk with one unredacted capture in its vault (key in the keyring)."""
    moment = datetime.now().astimezone() - age
    report = Report.new("B", "portail", load_catalogue().version, moment)
    report.status = status  # type: ignore[assignment]
    DraftStore(paths).save(report)
    image = capture()
    ReportAttachments(paths, report.id).add_original(image, moment)
    return report, image


def vault_files(paths: AppPaths, report_id: UUID | str) -> list[Path]:
    folder = paths.data_dir / "vault" / str(report_id)
    return sorted(folder.glob("*.vault")) if folder.is_dir() else []


def write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def main_window(qtbot: QtBot, settings: Settings | None = None):  # type: ignore[no-untyped-def]
    """The real main window with inline background tasks (what a start does)."""
    from samu_desktop.app.state import AppState
    from samu_desktop.gui.main_window import MainWindow
    from samu_desktop.gui.tasks import TaskRunner

    window = MainWindow(AppState.of(settings or Settings(), AppPaths.default()),
                        QApplication.windowIcon(), TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    return window
