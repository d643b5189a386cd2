"""Attack: one damaged or hostile file stops the application on every start.

Issue 17, item 4. Every file the application reads (settings, policy, drafts, outbox
state, history, procedure catalogue, vault, checks results, Firefox files) is read
with a size limit and parsed with every parser error caught, and lands on its
documented path: settings set aside with a French notice, a policy fails closed,
a draft is set aside. Real files, FIFOs and links to ``/dev/zero``; the real program
for the start-up.

Reading an endless file is attempted in a child process with a 2 GB address-space
limit and a timeout, so that the old behaviour fails the test instead of the machine.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.config.store import SettingsStore
from tests.security.helpers import write_json

REPO = Path(__file__).resolve().parents[2]
DEEP = b"[" * 200_000 + b"]" * 200_000
DEEP_OBJECT = b'{"a":' * 150_000 + b"1" + b"}" * 150_000  # under every size limit
LIMIT_AS = 2 * 1024 * 1024 * 1024


@pytest.fixture
def paths() -> AppPaths:
    return AppPaths.default()


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_AS, LIMIT_AS))


def run_child(code: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run ``code`` (it may print one JSON line) in a child with bounded memory and time."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    try:
        return subprocess.run(
            [sys.executable, "-c", textwrap.dedent(code)], env=env, cwd=REPO,
            capture_output=True, text=True, timeout=timeout, preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("the application hung on the file (it waited or read without end)")


def hostile(path: Path, kind: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    else:  # a sparse file far bigger than any file of ours: costs no disk
        with path.open("wb") as handle:
            handle.truncate(3 * 1024 * 1024 * 1024)


LOAD_SETTINGS = """
    import json
    from samu_desktop.config.paths import AppPaths
    from samu_desktop.config.store import SettingsStore
    loaded = SettingsStore(AppPaths.default()).load()
    print(json.dumps({"messages": loaded.messages, "unreadable": loaded.policy.unreadable,
                      "locked": sorted(loaded.locked), "smtp_host": loaded.settings.smtp_host}))
"""


def loaded_in_child() -> dict[str, object]:
    result = run_child(LOAD_SETTINGS)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode == 0
    data: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return data


# -- settings ------------------------------------------------------------------


@pytest.mark.parametrize("content", [DEEP, DEEP_OBJECT], ids=["deep-list", "deep-object"])
def test_a_damaged_settings_file_is_set_aside_with_a_french_notice(
    paths: AppPaths, content: bytes
) -> None:
    paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_bytes(content)
    loaded = SettingsStore(paths).load()
    assert loaded.settings == Settings()
    assert len(loaded.messages) == 1 and "réglages" in loaded.messages[0]


@pytest.mark.parametrize("kind", ["zero", "fifo", "huge"])
def test_a_settings_file_that_never_ends_is_set_aside(paths: AppPaths, kind: str) -> None:
    hostile(paths.settings_file, kind)
    data = loaded_in_child()
    messages = data["messages"]
    assert isinstance(messages, list) and len(messages) == 1
    assert "réglages" in messages[0]
    # Moved out of the way: the next start does not meet it again.
    assert not os.path.lexists(paths.settings_file)
    assert loaded_in_child()["messages"] == []


# -- policy --------------------------------------------------------------------


@pytest.mark.parametrize("content", [DEEP, DEEP_OBJECT], ids=["deep-list", "deep-object"])
def test_a_deeply_nested_policy_fails_closed(paths: AppPaths, content: bytes) -> None:
    write_json(paths.settings_file, {"smtp_host": "relay.attacker.invalid"})
    paths.policy_file.parent.mkdir(parents=True, exist_ok=True)
    paths.policy_file.write_bytes(content)
    loaded = SettingsStore(paths).load()
    assert loaded.policy.unreadable
    assert "smtp_host" in loaded.locked and loaded.settings.smtp_host == ""
    assert any("politique" in m for m in loaded.messages)


@pytest.mark.parametrize("kind", ["zero", "fifo", "huge"])
def test_a_policy_that_never_ends_fails_closed(paths: AppPaths, kind: str) -> None:
    write_json(paths.settings_file, {"smtp_host": "relay.attacker.invalid"})
    hostile(paths.policy_file, kind)
    data = loaded_in_child()
    assert data["unreadable"] is True
    assert "smtp_host" in data["locked"] and data["smtp_host"] == ""  # type: ignore[operator]
    assert any("politique" in m for m in data["messages"])  # type: ignore[union-attr]


# -- the application's own data files -------------------------------------------


@pytest.mark.parametrize("kind", ["zero", "fifo", "huge"])
def test_drafts_history_and_outbox_survive_files_that_never_end(
    paths: AppPaths, kind: str
) -> None:
    """Listing drafts, the history and the outbox at start neither hangs nor crashes."""
    import uuid

    hostile(paths.drafts_dir / f"{uuid.uuid4()}.json", kind)
    hostile(paths.data_dir / "history" / f"{uuid.uuid4()}.json", kind)
    entry = paths.outbox_dir / "20260101-000000-abcdef"
    entry.mkdir(parents=True)
    (entry / "message.eml").write_bytes(
        b"Message-ID: <x@example.invalid>\r\nTo: support@example.invalid\r\n"
        b"Subject: test\r\n\r\nbody\r\n")
    hostile(entry / "state.json", kind)
    result = run_child("""
        import json
        from samu_desktop.config.paths import AppPaths
        from samu_desktop.mail.outbox import Outbox
        from samu_desktop.procedure import load_catalogue
        from samu_desktop.report.drafts import DraftStore
        from samu_desktop.report.history import History
        paths = AppPaths.default()
        listing = DraftStore(paths).list_drafts()
        history = History(paths, load_catalogue()).list_entries()
        records = Outbox(paths.outbox_dir).entries()
        print(json.dumps({"drafts": len(listing.reports), "draft_messages": listing.messages,
                          "history": history.messages,
                          "outbox": [r.state.value for r in records]}))
    """)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    data = json.loads(result.stdout.splitlines()[-1])
    assert data["drafts"] == 0 and len(data["draft_messages"]) == 1
    assert "brouillon" in data["draft_messages"][0]
    assert len(data["history"]) == 1
    # The message is kept; its unknown state asks the user rather than risk a duplicate.
    assert data["outbox"] == ["needs_action"]


def test_a_catalogue_that_is_a_fifo_gives_one_french_sentence(tmp_path: Path) -> None:
    target = tmp_path / "catalogue.json"
    hostile(target, "fifo")
    result = run_child(f"""
        from pathlib import Path
        from samu_desktop.procedure.loader import CatalogueError, load_catalogue
        try:
            load_catalogue(Path({str(target)!r}))
        except CatalogueError as exc:
            print(exc.user_message)
    """)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert "procédure" in result.stdout


@pytest.mark.parametrize("kind", ["zero", "fifo"])
def test_checks_results_and_firefox_files_that_never_end_are_skipped(
    paths: AppPaths, tmp_path: Path, kind: str
) -> None:
    """The prerequisites results kept with a report, and Firefox's own files the checks
    read, can be FIFOs or endless devices: they are skipped, nothing hangs."""
    import uuid

    report_id = uuid.uuid4()
    files = paths.drafts_dir / f"{report_id}.screens" / "files"
    hostile(files / "prerequis-20260101-000000.json", kind)
    (files / "prerequis-20260101-000000.html").write_bytes(b"<p>ok</p>")
    prefs = tmp_path / "profile" / "prefs.js"
    hostile(prefs, kind)
    policies = tmp_path / "distribution" / "policies.json"
    policies.parent.mkdir(parents=True)
    policies.write_bytes(DEEP_OBJECT)
    result = run_child(f"""
        import json
        from pathlib import Path
        from samu_desktop.checks import firefox_files
        from samu_desktop.config.paths import AppPaths
        from samu_desktop.report.attachments import ReportAttachments
        names = sorted(ReportAttachments(AppPaths.default(), {str(report_id)!r}).files())
        prefs = firefox_files.read_text(Path({str(prefs)!r}))
        source = firefox_files.read_policies_json(Path({str(policies)!r}))
        print(json.dumps({{"files": names, "prefs": prefs,
                          "policies": source.policies if source else None}}))
    """)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    data = json.loads(result.stdout.splitlines()[-1])
    assert data == {"files": ["prerequis-20260101-000000.html"], "prefs": None,
                    "policies": {"_unreadable": True}}


def test_setting_a_device_aside_copies_nothing_endless(tmp_path: Path) -> None:
    """The copy kept for the administrator never reads an endless file."""
    link = tmp_path / "settings.json"
    hostile(link, "zero")
    result = run_child(f"""
        from pathlib import Path
        from samu_desktop.fsutil import quarantine_copy
        print(quarantine_copy(Path({str(link)!r}), Path({str(tmp_path / "corrupt")!r})))
    """)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.stdout.strip() == "None"


# -- the real program ------------------------------------------------------------


def test_the_real_program_starts_with_damaged_settings_and_policy(
    paths: AppPaths, isolated_home: Path
) -> None:
    """200,000 levels of nesting in both files: the window opens with French notices,
    no traceback, and it quits cleanly."""
    paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file.write_bytes(DEEP)
    paths.policy_file.parent.mkdir(parents=True, exist_ok=True)
    paths.policy_file.write_bytes(DEEP_OBJECT)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SAMU_DESKTOP_STARTUP_PROBE="1",
               PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-m", "samu_desktop"], env=env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seen: list[str] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            seen.append(line)
            if "window shown" in line:
                break
        else:
            pytest.fail("the window was never shown: " + "".join(seen)[-3000:])
        quit_result = subprocess.run([sys.executable, "-m", "samu_desktop", "--quit"],
                                     env=env, cwd=REPO, timeout=60, check=False)
        assert quit_result.returncode == 0
        rest, _ = proc.communicate(timeout=60)
        seen.append(rest)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    assert proc.returncode == 0
    assert "Traceback" not in "".join(seen)
    # Both files were met on the documented paths: the settings set aside, the policy copied
    # aside for the administrator (and failed closed).
    corrupt = sorted(p.name.split(".")[0] for p in paths.quarantine_dir.iterdir())
    assert corrupt == ["policy", "settings"]
