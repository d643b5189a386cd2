"""The prerequisites test page: run, watch progress, read results, re-run one, cancel.

The checks run in daemon threads (see :mod:`samu_desktop.checks.runner`);
they never touch Qt. They drop their results into a queue that a timer on
the GUI thread empties, so the page stays responsive whatever the network
does, and a check abandoned after its timeout can never reach a widget.
"""

from __future__ import annotations

import html
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from samu_desktop.checks.model import CheckReport, CheckResult, Status
from samu_desktop.checks.net import TlsConfig
from samu_desktop.checks.platforms import default_probe
from samu_desktop.checks.probes import WorkstationProbe
from samu_desktop.checks.report import overall_sentence, report_to_text, result_details_html
from samu_desktop.checks.runner import CheckEnv, CheckRun, CheckSpec, default_specs
from samu_desktop.config.settings import Settings
from samu_desktop.gui.bridge import gui_bridge

COL_TITLE, COL_STATUS, COL_SUMMARY, COL_TIME, COL_RERUN = range(5)
_ICONS = {
    Status.PASS: QStyle.StandardPixmap.SP_DialogApplyButton,
    Status.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Status.FAILURE: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Status.NOT_APPLICABLE: QStyle.StandardPixmap.SP_MessageBoxInformation,
}


@dataclass
class _Job:
    run: CheckRun
    only: str | None  # the id of a re-run check, None for the whole test
    inbox: queue.Queue[tuple[str, object]] = field(default_factory=queue.Queue)
    # Called on the worker thread after each put: wakes the page on the GUI thread.
    notify: Callable[[], None] = lambda: None


def _cancel_all(jobs: list[_Job]) -> None:
    for job in jobs:
        job.run.cancel()


def _start_worker(job: _Job) -> None:
    def work() -> None:
        try:
            report = job.run.run()
        except Exception as exc:  # the runner never raises; be safe anyway
            job.inbox.put(("error", exc))
            job.notify()
            return
        job.inbox.put(("done", report))
        job.notify()

    threading.Thread(target=work, name="checks-run", daemon=True).start()


class ChecksPage(QWidget):
    """Runs the workstation prerequisites test and shows its results.

    Signals:
        started() — a full run or a re-run began.
        result_ready(object) — a :class:`CheckResult`, as each check ends.
        finished(object) — the :class:`CheckReport` after a run, a re-run or a cancel.
    """

    started = Signal()
    result_ready = Signal(object)
    finished = Signal(object)

    def __init__(
        self,
        settings: Settings | Callable[[], Settings],
        probe: WorkstationProbe | None = None,
        tls: TlsConfig | None = None,
        specs: Sequence[CheckSpec] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # A getter reads the one application state at each run (a settings save in
        # between counts); fixed settings are for tools and tests.
        self._settings: Callable[[], Settings] = (
            settings if callable(settings) else (lambda: settings))
        self._probe = probe
        self._tls = tls or TlsConfig()
        self._specs = list(default_specs() if specs is None else specs)
        self._job: _Job | None = None
        self._report: CheckReport | None = None
        self._items: dict[str, QTreeWidgetItem] = {}
        self._shown: dict[str, CheckResult] = {}  # what each row shows, run in progress included
        self._rerun_buttons: dict[str, QPushButton] = {}
        # A plain list, not an attribute lookup: still reachable when the page is destroyed.
        live_jobs: list[_Job] = []
        self._live_jobs = live_jobs
        self.destroyed.connect(lambda *_: _cancel_all(live_jobs))
        self._build()

    # -- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Test des prérequis du poste de travail"), self)
        title.setObjectName("heading")
        self.summary = QLabel(
            self.tr("Le test vérifie le poste, Firefox, la carte CPS et l'accès aux outils du "
                    "SI-SAMU. Il dure quelques secondes."), self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Résumé du test"))
        buttons = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Lancer le test"), self)
        self.run_button.setAccessibleName(self.tr("Lancer le test des prérequis"))
        self.run_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Annuler"), self)
        self.cancel_button.setAccessibleName(self.tr("Annuler le test en cours"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.copy_button = QPushButton(self.tr("Copier le résumé"), self)
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self._copy_summary)
        for button in (self.run_button, self.cancel_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, len(self._specs))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v / %m vérifications"))
        self.progress.setAccessibleName(self.tr("Avancement du test"))
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Vérification"), self.tr("Résultat"),
                                   self.tr("Explication"), self.tr("Durée"), ""])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Résultats des vérifications"))
        header = self.tree.header()
        header.setSectionResizeMode(COL_SUMMARY, QHeaderView.ResizeMode.Stretch)
        for column in (COL_TITLE, COL_STATUS, COL_TIME, COL_RERUN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        rerun_selected = QAction(self.tr("Relancer la vérification sélectionnée"), self.tree)
        rerun_selected.setShortcut(QKeySequence(Qt.Key.Key_F5))
        rerun_selected.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        rerun_selected.triggered.connect(self._rerun_selected)
        self.tree.addAction(rerun_selected)
        for spec in self._specs:
            item = QTreeWidgetItem(self.tree, [spec.display_title(), self.tr("À lancer"), "", ""])
            item.setData(COL_TITLE, Qt.ItemDataRole.UserRole, spec.id)
            self._items[spec.id] = item
            button = QPushButton(self.tr("Relancer"), self.tree)
            button.setAccessibleName(self.tr("Relancer : {title}").format(
                title=spec.display_title()))
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, i=spec.id: self.rerun(i))
            self.tree.setItemWidget(item, COL_RERUN, button)
            self._rerun_buttons[spec.id] = button
        self.tree.currentItemChanged.connect(self._show_details)
        self.details = QTextBrowser(self)
        self.details.setAccessibleName(self.tr("Détails de la vérification sélectionnée"))
        self.details.setMaximumHeight(180)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.details)

    # -- public API --------------------------------------------------------------------
    def report(self) -> CheckReport | None:
        """The latest report, re-runs included; None before the first run."""
        return self._report

    def is_running(self) -> bool:
        return self._job is not None

    def start(self) -> None:
        """Run every check."""
        if self._job is not None:
            return
        for spec in self._specs:
            self._set_running(spec.id)
        self.progress.setRange(0, len(self._specs))
        self.progress.setValue(0)
        self.summary.setText(self.tr("Test en cours…"))
        self._launch(self._specs, None)

    def rerun(self, check_id: str) -> None:
        """Run one check again; its new result replaces the old one in the report."""
        spec = next((s for s in self._specs if s.id == check_id), None)
        if spec is None or self._job is not None:
            return
        self._set_running(check_id)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.summary.setText(self.tr("Nouvelle vérification en cours : {title}…").format(
            title=spec.display_title()))
        self._launch([spec], check_id)

    def cancel(self) -> None:
        if self._job is not None:
            self._job.run.cancel()

    # -- running -------------------------------------------------------------------------
    def _launch(self, specs: list[CheckSpec], only: str | None) -> None:
        if self._probe is None:
            self._probe = default_probe()
        env = CheckEnv(self._settings(), self._probe, self._tls)
        inbox: queue.Queue[tuple[str, object]] = queue.Queue()
        bridge = gui_bridge()

        def notify() -> None:
            bridge.post(self._drain, owner=self)

        def on_result(result: CheckResult) -> None:
            inbox.put(("result", result))
            notify()

        run = CheckRun(env, specs, on_result=on_result)
        job = _Job(run, only, inbox, notify)
        self._job = job
        self._live_jobs.append(job)
        self._set_busy(True)
        _start_worker(job)
        self.started.emit()

    def _drain(self) -> None:
        job = self._job
        if job is None:
            return
        while True:
            try:
                kind, payload = job.inbox.get_nowait()
            except queue.Empty:
                return
            if kind == "result" and isinstance(payload, CheckResult):
                self._show_result(payload)
                self.progress.setValue(self.progress.value() + 1)
                self.result_ready.emit(payload)
            elif kind == "done" and isinstance(payload, CheckReport):
                self._finish(job, payload)
                return
            else:
                self._finish(job, None)
                return

    def _finish(self, job: _Job, report: CheckReport | None) -> None:
        self._job = None
        self._live_jobs.remove(job)
        self._set_busy(False)
        if report is None:
            self.summary.setText(self.tr("Le test n'a pas pu se dérouler ; relancez-le."))
            return
        previous = self._report
        if job.only is not None and previous is not None:
            result = report.result(job.only)
            if result is not None and not result.cancelled:
                self._report = previous.with_result(result)
            old = previous.result(job.only)
            if result is not None and result.cancelled and old is not None:
                self._show_result(old)  # a cancelled re-run keeps the earlier result
        else:
            self._report = report
            for result in report.results:
                if result.cancelled:
                    self._show_result(result)
        current = self._report
        if current is None:  # a first re-run, cancelled: nothing to show yet
            self.summary.setText(self._summary_text(report, cancelled=True))
            return
        self.summary.setText(self._summary_text(current, cancelled=report.cancelled))
        self.copy_button.setEnabled(True)
        self._show_details(self.tree.currentItem(), None)
        self.finished.emit(current)

    def _summary_text(self, report: CheckReport, cancelled: bool) -> str:
        if cancelled:
            return self.tr("Test annulé : les vérifications non terminées sont marquées "
                           "« annulée ».")
        counts = report.counts()
        return self.tr("{sentence} Réussies : {ok}, avertissements : {warn}, échecs : {fail}, "
                       "sans objet : {na}.").format(
            sentence=overall_sentence(report), ok=counts[Status.PASS],
            warn=counts[Status.WARNING], fail=counts[Status.FAILURE],
            na=counts[Status.NOT_APPLICABLE])

    # -- rows ----------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        for check_id, button in self._rerun_buttons.items():
            button.setEnabled(not busy and self._has_result(check_id))

    def _has_result(self, check_id: str) -> bool:
        shown = self._shown.get(check_id)
        return shown is not None and not shown.cancelled

    def _set_running(self, check_id: str) -> None:
        item = self._items[check_id]
        self._shown.pop(check_id, None)
        item.setText(COL_STATUS, self.tr("En cours…"))
        item.setIcon(COL_STATUS, self.style().standardIcon(
            QStyle.StandardPixmap.SP_BrowserReload))
        item.setText(COL_SUMMARY, "")
        item.setText(COL_TIME, "")

    def _show_result(self, result: CheckResult) -> None:
        item = self._items.get(result.id)
        if item is None:
            return
        self._shown[result.id] = result
        label = self.tr("Annulée") if result.cancelled else result.status.label()
        item.setText(COL_STATUS, label)
        item.setIcon(COL_STATUS, self.style().standardIcon(_ICONS[result.status]))
        item.setText(COL_SUMMARY, result.explanation)
        item.setToolTip(COL_SUMMARY, result.explanation + (
            "\n" + result.action if result.action else ""))
        item.setText(COL_TIME, f"{round(result.duration_s * 1000)} ms")
        item.setData(COL_STATUS, Qt.ItemDataRole.AccessibleTextRole,
                     f"{label} : {result.explanation}")
        if self.tree.currentItem() is item:
            self._show_details(item, None)

    def _show_details(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is None:
            self.details.clear()
            return
        check_id = str(item.data(COL_TITLE, Qt.ItemDataRole.UserRole))
        result = self._shown.get(check_id)
        if result is None:
            self.details.setHtml(f"<p>{html.escape(item.text(COL_TITLE))}</p>")
            return
        self.details.setHtml(f"<h3>{html.escape(result.title)}</h3>"
                             + result_details_html(result))

    def _rerun_selected(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.rerun(str(item.data(COL_TITLE, Qt.ItemDataRole.UserRole)))

    def _copy_summary(self) -> None:
        if self._report is not None:
            QGuiApplication.clipboard().setText(report_to_text(self._report))
