"""Drafts on real files: saved at every change, survive kill -9, damaged ones set aside."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from samu_desktop.config.paths import AppPaths
from samu_desktop.errors import StorageError
from samu_desktop.procedure import Catalogue
from samu_desktop.report.drafts import DraftError, DraftStore
from samu_desktop.report.history import History
from samu_desktop.report.model import Report

Filler = Callable[[str, str | None], Report]  # the ``filled`` fixture


@pytest.fixture
def paths() -> AppPaths:
    return AppPaths.default()  # inside this test's own HOME (autouse fixture)


@pytest.fixture
def store(paths: AppPaths) -> DraftStore:
    return DraftStore(paths)


def test_save_and_load_round_trip(store: DraftStore, filled: Filler, paths: AppPaths) -> None:
    report = filled("B", "nice")
    store.save(report)
    assert store.path_for(report.id).parent == paths.drafts_dir
    assert store.load(report.id) == report
    assert store.load(str(report.id)) == report
    assert [r.id for r in store.unfinished()] == [report.id]


def test_every_keystroke_saved(store: DraftStore, filled: Filler) -> None:
    report = filled("D", None)
    typed = ""
    for char in "Le poste ne démarre plus…":
        typed += char
        report.set_answer("description", typed)
        store.save(report)
    assert store.load(report.id).answers["description"] == "Le poste ne démarre plus…"
    # One file per report, and no temporary file left behind.
    assert [p.name for p in store.directory.iterdir()] == [f"{report.id}.json"]


def test_save_can_touch(store: DraftStore, filled: Filler, now: datetime) -> None:
    report = filled("C", None)
    assert report.updated_at == now
    store.save(report, touch=True)
    assert store.load(report.id).updated_at > now


def test_unfinished_lists_drafts_newest_first(
    store: DraftStore, filled: Filler, now: datetime
) -> None:
    older, newer, done = filled("A", None), filled("C", None), filled("D", None)
    older.touch(now - timedelta(hours=1))
    newer.touch(now)
    for report in (older, newer, done):
        store.save(report)
    store.mark_finished(done.id)
    assert [r.id for r in store.unfinished()] == [newer.id, older.id]
    assert {r.id for r in store.list_drafts().reports} == {older.id, newer.id, done.id}


def test_discard(store: DraftStore, filled: Filler) -> None:
    report = filled("A", None)
    store.save(report)
    store.discard(report.id)
    store.discard(report.id)  # twice is fine
    assert store.unfinished() == []
    with pytest.raises(DraftError, match="n'existe plus"):
        store.load(report.id)


def test_a_damaged_draft_is_set_aside_and_the_others_are_listed(
    store: DraftStore, filled: Filler, paths: AppPaths
) -> None:
    good = filled("A", None)
    store.save(good)
    damaged = store.directory / "3f1b6a4e-0000-4000-8000-000000000001.json"
    damaged.write_bytes(b'{"case": "A", "answers": {"start": "2026-')  # cut short by a crash
    listing = store.list_drafts()
    assert [r.id for r in listing.reports] == [good.id]
    assert len(listing.messages) == 1
    assert "mis de côté" in listing.messages[0]
    assert not damaged.exists()
    kept = list(paths.quarantine_dir.iterdir())
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b'{"case": "A"')
    assert store.list_drafts().messages == []  # not offered again


@pytest.mark.parametrize("content", [
    b"\xff\xfe not even text",
    b"[]",
    b'{"case": "A"}',
    json.dumps({"schema_version": 1, "id": "3f1b6a4e-0000-4000-8000-000000000002",
                "case": "A", "catalogue_version": "1", "created_at": "2026-11-03T14:00:00",
                "updated_at": "2026-11-03T14:00:00+01:00"}).encode(),  # naive date
])
def test_load_of_a_damaged_draft_raises_a_french_error(
    store: DraftStore, paths: AppPaths, content: bytes
) -> None:
    report_id = "3f1b6a4e-0000-4000-8000-000000000002"
    store.directory.mkdir(parents=True)
    store.path_for(report_id).write_bytes(content)
    with pytest.raises(DraftError) as info:
        store.load(report_id)
    assert "mis de côté" in info.value.user_message
    assert len(list(paths.quarantine_dir.iterdir())) == 1


def test_a_draft_under_another_name_is_set_aside(store: DraftStore, filled: Filler) -> None:
    report = filled("A", None)
    store.save(report)
    store.path_for(report.id).rename(store.directory / "copie.json")
    listing = store.list_drafts()
    assert listing.reports == [] and len(listing.messages) == 1


@pytest.mark.posix_only
def test_unwritable_folder_gives_a_storage_error(store: DraftStore, filled: Filler) -> None:
    if os.geteuid() == 0:
        # root ignores permissions: make the folder's place a file instead.
        store.directory.parent.mkdir(parents=True, exist_ok=True)
        store.directory.write_text("not a folder")
    else:
        store.directory.mkdir(parents=True)
        store.directory.chmod(stat.S_IRUSR | stat.S_IXUSR)
    with pytest.raises(StorageError) as info:
        store.save(filled("A", None))
    assert "Impossible d'enregistrer" in info.value.user_message
    assert store.list_drafts().reports == []


def test_mark_finished_and_sent_update_the_history(
    paths: AppPaths, catalogue: Catalogue, filled: Filler
) -> None:
    history = History(paths, catalogue)
    store = DraftStore(paths, history)
    report = filled("B", "selfcare")
    store.save(report)
    assert store.mark_finished(report.id).status == "finished"
    assert store.unfinished() == []
    assert [(e.report_id, e.status) for e in history.entries()] == [(report.id, "finished")]
    store.mark_sent(report.id)
    assert [(e.report_id, e.status) for e in history.entries()] == [(report.id, "sent")]
    assert store.load(report.id).status == "sent"


_CHILD = textwrap.dedent("""
    import sys
    from datetime import datetime, timezone
    from samu_desktop.config.paths import AppPaths
    from samu_desktop.report.drafts import DraftStore
    from samu_desktop.report.model import Report

    store = DraftStore(AppPaths.default())
    report = Report.new("D", None, "test", datetime.now(timezone.utc))
    text = ""
    while True:
        text += "é"
        report.set_answer("description", text)
        store.save(report)
        print(report.id, len(text), flush=True)
""")


@pytest.mark.posix_only
def test_kill_9_while_typing_loses_nothing_saved(store: DraftStore) -> None:
    """A real process saves at every keystroke and is killed with SIGKILL mid-way."""
    child = subprocess.Popen([sys.executable, "-c", _CHILD], stdout=subprocess.PIPE, text=True,
                             env=dict(os.environ))
    assert child.stdout is not None
    acknowledged = 0
    report_id = ""
    for _ in range(150):
        report_id, count = child.stdout.readline().split()
        acknowledged = int(count)
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    child.stdout.close()
    drafts = store.unfinished()
    assert [str(r.id) for r in drafts] == [report_id]
    text = drafts[0].answers["description"]
    assert isinstance(text, str) and set(text) == {"é"}
    # Every character whose save was acknowledged is there (the next may be too).
    assert len(text) >= acknowledged
    assert store.list_drafts().messages == []


def test_temporary_files_left_by_a_crash_are_swept(store: DraftStore, filled: Filler) -> None:
    report = filled("D", None)
    store.save(report)
    stale = store.directory / f".{report.id}.json.abc123.tmp"
    fresh = store.directory / f".{report.id}.json.def456.tmp"
    for tmp in (stale, fresh):
        tmp.write_text('{"description": "texte tapé"}', encoding="utf-8")
    old = stale.stat().st_mtime - 3600
    os.utime(stale, (old, old))
    assert [r.id for r in store.unfinished()] == [report.id]
    assert not stale.exists()
    assert fresh.exists()  # may be a save in progress
