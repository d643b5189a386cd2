"""What one report carries besides its answers, kept so that a crash loses none of it.

Screenshots:
Originals go to the encrypted vault (key in the OS keyring); the user's boxes,
crop and "vérifiée" marks go to a small JSON file (no pixels); only images the
user verified are exported, redacted and without metadata, next to the draft.
Those exports are what the e-mail carries and what ``Report.screenshots``
lists. The prerequisites test's HTML and JSON results are kept beside them.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from datetime import datetime
from pathlib import Path
from uuid import UUID

from PIL import Image
from pydantic import AwareDatetime, BaseModel, ConfigDict, ValidationError

from samu_desktop.config.paths import AppPaths
from samu_desktop.fsutil import atomic_write_bytes, atomic_write_text, read_limited
from samu_desktop.redaction.state import RedactionState
from samu_desktop.redaction.vault import Vault

_NAME = re.compile(r"^[a-z0-9-]{1,40}$")
_FILE = re.compile(r"^[a-z0-9-]{1,60}\.(html|json)$")
_MONITOR_FILE = re.compile(r"^[a-z0-9-]{1,60}\.(png|json)$")
# Limits of what is read back: the index holds boxes, the exports are PNG screenshots,
# the files are the prerequisites test's results.
MAX_INDEX_BYTES = 4_000_000
MAX_EXPORT_BYTES = 256 * 1024 * 1024
MAX_FILE_BYTES = 8_000_000


class StoredCapture(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    taken_at: AwareDatetime
    state: RedactionState = RedactionState()


class _Index(BaseModel):
    model_config = ConfigDict(extra="forbid")

    captures: list[StoredCapture] = []


class ReportAttachments:
    """One report's captures (encrypted originals, edit states, redacted exports)
    and the other files attached to it."""

    def __init__(self, paths: AppPaths, report_id: UUID | str) -> None:
        self.report_id = str(UUID(str(report_id)))
        self.folder = paths.drafts_dir / f"{self.report_id}.screens"
        self.vault = Vault(self.report_id, paths.data_dir / "vault")

    # -- originals (encrypted) and their edit states ------------------------------
    def _index(self) -> _Index:
        try:
            raw = read_limited(self.folder / "index.json", MAX_INDEX_BYTES)
            return _Index.model_validate_json(raw)
        except (OSError, ValidationError, ValueError, RecursionError):
            return _Index()

    def _write_index(self, index: _Index) -> None:
        atomic_write_text(self.folder / "index.json", index.model_dump_json(indent=1))

    def captures(self) -> list[StoredCapture]:
        return self._index().captures

    def add_original(self, image: Image.Image, taken_at: datetime) -> str:
        """Keep an unredacted capture, encrypted. Raises VaultUnavailable without a keyring."""
        index = self._index()
        name = f"cap-{len(index.captures) + 1}"
        while any(c.name == name for c in index.captures):
            name += "b"
        self.vault.store(name, image)
        index.captures.append(StoredCapture(name=name, taken_at=taken_at))
        self._write_index(index)
        return name

    def load_original(self, name: str) -> Image.Image:
        return self.vault.load(name)

    def save_states(self, states: dict[str, RedactionState]) -> None:
        index = self._index()
        for capture in index.captures:
            if capture.name in states:
                capture.state = states[capture.name]
        self._write_index(index)

    # -- redacted exports -----------------------------------------------------------
    def export_path(self, name: str) -> Path:
        if not _NAME.match(name):
            raise ValueError("bad attachment name")
        return self.folder / f"{name}.png"

    def save_export(self, name: str, png: bytes) -> None:
        atomic_write_bytes(self.export_path(name), png)

    def load_export(self, name: str) -> bytes:
        return read_limited(self.export_path(name), MAX_EXPORT_BYTES)

    # -- other files that go with the report (the prerequisites test results) --------
    def save_file(self, filename: str, data: bytes) -> None:
        if not _FILE.match(filename):
            raise ValueError("bad file name")
        atomic_write_bytes(self.folder / "files" / filename, data)

    def files(self) -> dict[str, bytes]:
        folder = self.folder / "files"
        if not folder.is_dir():
            return {}
        found = {}
        for path in sorted(folder.iterdir()):
            if _FILE.match(path.name):
                # A file that cannot be read safely is left out rather than stop the send.
                with contextlib.suppress(OSError):
                    found[path.name] = read_limited(path, MAX_FILE_BYTES)
        return found

    def clear_files(self) -> None:
        shutil.rmtree(self.folder / "files", ignore_errors=True)

    # -- what the outage monitor saw (timeline picture, journal extract) --------------
    # Kept apart from the checks' files, which are replaced each time the test runs.
    def save_monitor_file(self, filename: str, data: bytes) -> None:
        if not _MONITOR_FILE.match(filename):
            raise ValueError("bad file name")
        atomic_write_bytes(self.folder / "monitor" / filename, data)

    def monitor_files(self) -> dict[str, bytes]:
        folder = self.folder / "monitor"
        if not folder.is_dir():
            return {}
        found = {}
        for path in sorted(folder.iterdir()):
            if _MONITOR_FILE.match(path.name):
                with contextlib.suppress(OSError):  # as files(): left out, never a stop
                    found[path.name] = read_limited(path, MAX_FILE_BYTES)
        return found

    def wipe(self) -> None:
        """Forget everything: the report was sent or abandoned."""
        # No folder, no capture ever stored: no key to delete from the keyring.
        if self.vault.directory.exists():
            with contextlib.suppress(Exception):
                self.vault.wipe()
        shutil.rmtree(self.folder, ignore_errors=True)


