"""Run the checks: all at once, each in its own thread, each with its own timeout.

A check that overruns is reported as a failure ("délai dépassé") and its
thread is abandoned, not awaited: threads are daemons, so a host that
black-holes packets never holds the test, nor the application's exit. The
whole run lasts at most the longest timeout plus a small grace, and
:meth:`CheckRun.cancel` ends it at once.
"""

from __future__ import annotations

import logging
import platform
import queue
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from samu_desktop import __version__
from samu_desktop.checks import browser_checks, cps_checks, network_checks, system_checks
from samu_desktop.checks.model import CheckReport, CheckResult, MachineInfo, Outcome, Status
from samu_desktop.checks.net import Deadline, TlsConfig
from samu_desktop.checks.probes import WorkstationProbe
from samu_desktop.config.settings import Settings
from samu_desktop.errors import UserFacingError
from samu_desktop.i18n import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)

# Beyond a check's own timeout, before the runner gives up on it: lets the
# check's own socket timeouts speak first, with a precise message.
GRACE_S = 0.25


@dataclass(frozen=True)
class CheckEnv:
    """What every check may read. Built once per run; shared by the threads, read-only."""

    settings: Settings
    probe: WorkstationProbe
    tls: TlsConfig = field(default_factory=TlsConfig)


@dataclass(frozen=True)
class CheckSpec:
    id: str
    title: str  # French, marked with QT_TRANSLATE_NOOP; translate() when shown
    run: Callable[[CheckEnv, Deadline], Outcome]
    timeout_s: float | None = None  # None: the check_timeout_s setting

    def display_title(self) -> str:
        return translate("checks", self.title)


def default_specs() -> list[CheckSpec]:
    """Every check of the prerequisites test, in the order of the report."""

    def spec(check_id: str, title: str, run: Callable[[CheckEnv, Deadline], Outcome]) -> CheckSpec:
        return CheckSpec(check_id, title, run)

    return [
        spec("os", QT_TRANSLATE_NOOP("checks", "Système d'exploitation"),
             lambda e, d: system_checks.check_os(e.probe)),
        spec("firefox", QT_TRANSLATE_NOOP("checks", "Firefox ESR"),
             lambda e, d: browser_checks.check_firefox(e.probe, e.settings.supported_firefox)),
        spec("other_browsers", QT_TRANSLATE_NOOP("checks", "Autres navigateurs (Chrome, Edge)"),
             lambda e, d: browser_checks.check_other_browsers(e.probe)),
        spec("firefox_profile", QT_TRANSLATE_NOOP("checks", "Cookies du profil Firefox"),
             lambda e, d: browser_checks.check_firefox_profile(e.probe)),
        spec("screens", QT_TRANSLATE_NOOP("checks", "Écrans"),
             lambda e, d: system_checks.check_screens(e.probe)),
        spec("cps", QT_TRANSLATE_NOOP("checks", "Carte CPS"),
             lambda e, d: cps_checks.check_cps(e.probe, e.settings.auth_mode,
                                               e.settings.cryptolib_min_version)),
        spec("clock", QT_TRANSLATE_NOOP("checks", "Horloge du poste"),
             lambda e, d: network_checks.check_clock(e.probe, e.settings, e.tls, d)),
        spec("portal", QT_TRANSLATE_NOOP("checks", "Accès au portail SI-SAMU"),
             lambda e, d: network_checks.check_portal(e.probe, e.settings, e.tls, d)),
        spec("session_server", QT_TRANSLATE_NOOP("checks", "Session Server (bandeau)"),
             lambda e, d: network_checks.check_session_server(e.probe, e.settings, e.tls, d)),
        spec("proxy", QT_TRANSLATE_NOOP("checks", "Proxy"),
             lambda e, d: system_checks.check_proxy(e.probe)),
        spec("audio", QT_TRANSLATE_NOOP("checks", "Sortie audio"),
             lambda e, d: system_checks.check_audio(e.probe)),
        spec("smtp", QT_TRANSLATE_NOOP("checks", "Serveur d'envoi (SMTP)"),
             lambda e, d: network_checks.check_smtp(e.settings, e.tls, d)),
    ]


def machine_info(probe: WorkstationProbe) -> MachineInfo:
    try:
        info = probe.os_info()
        system, version = info.name, f"{info.version} {info.build}".strip()
    except Exception:  # the report must be written even if the probe is broken
        system, version = platform.system(), platform.release()
    return MachineInfo(
        hostname=platform.node(),
        system=system,
        system_version=version,
        architecture=platform.machine(),
        python=sys.version.split()[0],
    )


def _timeout_result(spec: CheckSpec, timeout: float) -> CheckResult:
    return CheckResult(
        id=spec.id,
        title=spec.display_title(),
        status=Status.FAILURE,
        explanation=translate(
            "checks", "Délai dépassé : la vérification n'a pas abouti en {seconds} s."
        ).format(seconds=f"{timeout:g}"),
        action=translate(
            "checks", "Relancez cette vérification ; si le délai est de nouveau dépassé, "
            "transmettez ce résultat avec votre demande."
        ),
        duration_s=timeout,
        timed_out=True,
    )


def _cancelled_result(spec: CheckSpec, elapsed: float) -> CheckResult:
    return CheckResult(
        id=spec.id,
        title=spec.display_title(),
        status=Status.NOT_APPLICABLE,
        explanation=translate("checks", "Vérification annulée."),
        duration_s=elapsed,
        cancelled=True,
    )


def run_one(spec: CheckSpec, env: CheckEnv, timeout: float) -> CheckResult:
    """Run one check in the calling thread; never raises."""
    start = time.monotonic()
    try:
        outcome = spec.run(env, Deadline(timeout))
    except UserFacingError as exc:
        outcome = Outcome(Status.FAILURE, exc.user_message, details={"error": exc.details})
    except Exception as exc:  # a bug in one check must not sink the whole test
        log.exception("check %s crashed", spec.id)
        outcome = Outcome(
            Status.FAILURE,
            translate("checks", "Cette vérification a rencontré une erreur inattendue."),
            translate("checks", "Relancez-la ; si l'erreur revient, signalez-la avec ce "
                      "résultat."),
            {"error": type(exc).__name__},
        )
    return CheckResult(
        id=spec.id,
        title=spec.display_title(),
        status=outcome.status,
        explanation=outcome.explanation,
        action=outcome.action,
        details=outcome.details,
        versions=outcome.versions,
        duration_s=round(time.monotonic() - start, 4),
    )


class CheckRun:
    """One run of some checks. ``run()`` blocks; ``cancel()`` may be called from any thread.

    ``on_result`` is called from the thread that calls ``run()``, once per check,
    in the order the results arrive.
    """

    def __init__(
        self,
        env: CheckEnv,
        specs: Sequence[CheckSpec] | None = None,
        on_result: Callable[[CheckResult], None] | None = None,
    ) -> None:
        self.env = env
        self.specs = list(default_specs() if specs is None else specs)
        self._on_result = on_result
        self._inbox: queue.Queue[CheckResult | None] = queue.Queue()
        self._cancelled = threading.Event()

    def timeout_for(self, spec: CheckSpec) -> float:
        return spec.timeout_s if spec.timeout_s is not None else self.env.settings.check_timeout_s

    def cancel(self) -> None:
        self._cancelled.set()
        self._inbox.put(None)  # wakes run() at once

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> CheckReport:
        started_at = datetime.now(UTC)
        start = time.monotonic()
        deadlines: dict[str, float] = {}
        by_id = {spec.id: spec for spec in self.specs}
        for spec in self.specs:
            timeout = self.timeout_for(spec)
            deadlines[spec.id] = start + timeout + GRACE_S
            worker = threading.Thread(
                target=lambda s=spec, t=timeout: self._inbox.put(run_one(s, self.env, t)),
                name=f"check-{spec.id}",
                daemon=True,  # abandoned if it overruns: never joined
            )
            worker.start()
        results: dict[str, CheckResult] = {}
        while len(results) < len(self.specs) and not self._cancelled.is_set():
            pending = [i for i in deadlines if i not in results]
            wait = min(deadlines[i] for i in pending) - time.monotonic()
            try:
                item = self._inbox.get(timeout=max(wait, 0.0)) if wait > 0 else None
            except queue.Empty:
                item = None
            if item is not None:
                if item.id not in results:
                    self._accept(results, item)
                continue
            now = time.monotonic()
            for check_id in pending:
                if deadlines[check_id] <= now and check_id not in results:
                    spec = by_id[check_id]
                    log.warning("check %s timed out; its thread is abandoned", check_id)
                    self._accept(results, _timeout_result(spec, self.timeout_for(spec)))
        if self._cancelled.is_set():
            elapsed = time.monotonic() - start
            for spec in self.specs:
                if spec.id not in results:
                    results[spec.id] = _cancelled_result(spec, elapsed)
        ordered = [results[spec.id] for spec in self.specs]
        versions: dict[str, str] = {}
        for result in ordered:
            versions.update(result.versions)
        return CheckReport(
            app_version=__version__,
            generated_at=started_at,
            environment=self.env.settings.environment,
            auth_mode=self.env.settings.auth_mode,
            machine=machine_info(self.env.probe),
            versions=versions,
            results=ordered,
            duration_s=round(time.monotonic() - start, 3),
            cancelled=self._cancelled.is_set(),
        )

    def _accept(self, results: dict[str, CheckResult], result: CheckResult) -> None:
        results[result.id] = result
        if self._on_result is not None:
            self._on_result(result)


def run_checks(
    settings: Settings,
    probe: WorkstationProbe | None = None,
    tls: TlsConfig | None = None,
    specs: Sequence[CheckSpec] | None = None,
    on_result: Callable[[CheckResult], None] | None = None,
) -> CheckReport:
    """Run the prerequisites test on this workstation and return its report."""
    from samu_desktop.checks.platforms import default_probe

    env = CheckEnv(settings, probe or default_probe(), tls or TlsConfig())
    return CheckRun(env, specs, on_result).run()
