"""The runner: parallel checks, per-check timeouts with abandoned threads, cancel, crashes,
and the whole default test against black-holed loopback targets."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from checks_servers import BlackHole, NtpServer

from samu_desktop.checks.model import CheckResult, Outcome, Status
from samu_desktop.checks.net import Deadline, TlsConfig
from samu_desktop.checks.platform_linux import LinuxProbe
from samu_desktop.checks.runner import CheckEnv, CheckRun, CheckSpec, default_specs
from samu_desktop.config.settings import Settings
from samu_desktop.errors import UserFacingError


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    """Held shut by hung checks; opened at teardown so no thread outlives the test."""
    event = threading.Event()
    yield event
    event.set()


def env(bare_probe: LinuxProbe, **values: Any) -> CheckEnv:
    return CheckEnv(Settings(**{"check_timeout_s": 0.3, **values}), bare_probe)


def quick(status: Status) -> Any:
    return lambda e, d: Outcome(status, f"résultat {status.value}")


def test_results_keep_spec_order_and_report_is_complete(bare_probe: LinuxProbe) -> None:
    specs = [CheckSpec(f"c{i}", f"Vérification {i}", quick(s))
             for i, s in enumerate([Status.PASS, Status.WARNING, Status.NOT_APPLICABLE])]
    seen: list[str] = []
    report = CheckRun(env(bare_probe), specs, lambda r: seen.append(r.id)).run()
    assert [r.id for r in report.results] == ["c0", "c1", "c2"]
    assert sorted(seen) == ["c0", "c1", "c2"]
    assert report.status is Status.WARNING
    assert not report.cancelled


def test_checks_run_in_parallel(bare_probe: LinuxProbe) -> None:
    """Each check waits for all the others to have started: only possible in parallel."""
    barrier = threading.Barrier(4, timeout=5)

    def meet(e: CheckEnv, d: Deadline) -> Outcome:
        barrier.wait()
        return Outcome(Status.PASS, "ensemble")

    specs = [CheckSpec(f"p{i}", "Parallèle", meet, timeout_s=5) for i in range(4)]
    report = CheckRun(env(bare_probe), specs).run()
    assert all(r.status is Status.PASS for r in report.results)


def test_overrunning_check_is_a_failure_and_its_thread_is_abandoned(
    bare_probe: LinuxProbe, gate: threading.Event
) -> None:
    started = threading.Event()

    def hang(e: CheckEnv, d: Deadline) -> Outcome:
        started.set()
        gate.wait()  # a check stuck in a call that ignores every timeout
        return Outcome(Status.PASS, "trop tard")

    specs = [CheckSpec("hung", "Bloquée", hang), CheckSpec("ok", "Rapide", quick(Status.PASS))]
    report = CheckRun(env(bare_probe), specs).run()
    hung = report.result("hung")
    assert hung is not None and hung.timed_out
    assert hung.status is Status.FAILURE
    assert "Délai dépassé" in hung.explanation
    assert report.result("ok") is not None and report.result("ok").status is Status.PASS  # type: ignore[union-attr]
    # run() returned while the check is still blocked: its thread was not awaited.
    assert started.is_set()
    workers = [t for t in threading.enumerate() if t.name == "check-hung"]
    assert workers and workers[0].is_alive() and workers[0].daemon


def test_cancel_ends_the_run_at_once(bare_probe: LinuxProbe, gate: threading.Event) -> None:
    specs = [CheckSpec("fast", "Rapide", quick(Status.PASS)),
             CheckSpec("slow", "Lente", lambda e, d: (gate.wait(), quick(Status.PASS)(e, d))[1],
                       timeout_s=60)]
    box: dict[str, CheckRun] = {}

    def on_result(result: CheckResult) -> None:
        if result.id == "fast":
            box["run"].cancel()

    run = box["run"] = CheckRun(env(bare_probe), specs, on_result)
    report = run.run()  # would last 60 s without the cancel
    assert report.cancelled
    slow = report.result("slow")
    assert slow is not None and slow.cancelled and slow.status is Status.NOT_APPLICABLE


def test_crashing_check_is_reported_without_traceback(bare_probe: LinuxProbe) -> None:
    def crash(e: CheckEnv, d: Deadline) -> Outcome:
        raise KeyError("secret-ne-doit-pas-sortir")

    def refuse(e: CheckEnv, d: Deadline) -> Outcome:
        raise UserFacingError("Message clair pour l'utilisateur.", "détail")

    report = CheckRun(env(bare_probe), [CheckSpec("boom", "Boum", crash),
                                        CheckSpec("user", "Utilisateur", refuse)]).run()
    boom = report.result("boom")
    assert boom is not None and boom.status is Status.FAILURE
    assert boom.details == {"error": "KeyError"}
    assert "secret-ne-doit-pas-sortir" not in boom.model_dump_json()
    user = report.result("user")
    assert user is not None and user.explanation == "Message clair pour l'utilisateur."


def test_default_specs_have_unique_ids_and_french_titles() -> None:
    specs = default_specs()
    assert len({s.id for s in specs}) == len(specs) == 12
    assert all(s.display_title() for s in specs)


def test_whole_test_with_every_target_black_holed(
    empty_root: Path, isolated_home: Path, blackhole: BlackHole, ntp_server: NtpServer
) -> None:
    """Portal, Session Server, SMTP and NTP all unreachable: the run still completes, every
    network check fails with a timeout, the others are unaffected."""
    ntp_server.behaviour.answer = False
    settings = Settings(
        check_timeout_s=0.5,
        portal_url_production=blackhole.url("https"),
        session_server_url=blackhole.url("wss"),
        smtp_host="127.0.0.1", smtp_port=blackhole.port,
        ntp_server=ntp_server.address,
        auth_mode="cps",
    )
    probe = LinuxProbe(root=empty_root, home=isolated_home, environ={},
                       command=lambda a: None)
    report = CheckRun(CheckEnv(settings, probe, TlsConfig())).run()
    by_id = {r.id: r for r in report.results}
    for check_id in ("portal", "session_server", "smtp"):
        assert by_id[check_id].status is Status.FAILURE, check_id
        assert by_id[check_id].details.get("step") == "tcp", by_id[check_id].details
    assert by_id["clock"].status is Status.WARNING
    assert by_id["proxy"].status is Status.PASS
    assert len(report.results) == 12
    assert not any(r.timed_out for r in report.results)  # each check's own timeouts spoke
