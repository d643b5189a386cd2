"""The report wizard: (application) → questions → review and send, or call.

Everything typed goes into the Report and is saved as a draft at once, so a
crash or a ``kill -9`` loses nothing that was on screen. The report itself is
owned by a :class:`~samu_desktop.app.session.ReportSession`; the settings are
read from the application state when shown, and a save of the settings
refreshes the page on screen.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from samu_desktop.app.session import ReportSession
from samu_desktop.app.state import AppState
from samu_desktop.config.settings import Settings
from samu_desktop.errors import UserFacingError
from samu_desktop.gui import style
from samu_desktop.gui.send_readiness import SendReadinessPanel
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.gui.widgets import heading
from samu_desktop.gui.wizard.application_page import ApplicationPage
from samu_desktop.gui.wizard.fields import AttachmentEditor
from samu_desktop.gui.wizard.final_pages import CallPage, ReviewPage
from samu_desktop.gui.wizard.form_page import FormPage
from samu_desktop.mail.message import Attachment
from samu_desktop.procedure.schema import Case, Catalogue
from samu_desktop.report.autofill import MachineFacts
from samu_desktop.report.drafts import DraftStore
from samu_desktop.report.history import History
from samu_desktop.report.model import PrerequisitesSummary, Report
from samu_desktop.report.patient_data import (
    confirm_not_patient_data,
    flagged_spans,
    free_text_warnings,
    unconfirmed,
)
from samu_desktop.report.reference import ensure_reference
from samu_desktop.report.render import ChecksSummary, render_html, render_text, subject_line
from samu_desktop.report.validation import Problem, is_answered, validate, visible_fields

if TYPE_CHECKING:
    from samu_desktop.capture.models import CaptureBatch

    # The checks and the capture editor load when first opened: start-up stays quick.
    from samu_desktop.checks.model import CheckReport
    from samu_desktop.gui.checks_page import ChecksPage
    from samu_desktop.gui.wizard.screenshots_page import GrabAll, ScreenshotsPage

log = logging.getLogger(__name__)


@dataclass
class WizardContext:
    catalogue: Catalogue
    state: AppState
    drafts: DraftStore
    history: History
    facts: MachineFacts
    tasks: TaskRunner
    grab_all: GrabAll | None = None
    # Case B: start the prerequisites test in the background as soon as the
    # form opens (the application does; unit tests of the form need not).
    run_prerequisites_on_open: bool = False

    @property
    def language(self) -> str:
        return self.state.language

    @property
    def settings(self) -> Settings:
        """The settings in force, read from the one application state (never a copy)."""
        return self.state.settings


class ReportWizard(QWidget):
    """One report, from the case to its sending.

    Signals:
        error(str) — a French sentence to show (the report is kept in memory);
        send_requested(object) — the ReportSession whose report is complete and must be sent;
        finished(object) — the Report is done (called, or handed to the outbox);
        attachment_requested(str) — "screenshots" or "prerequisites_result";
        call_trace_requested(object, str) — the Report and the number called, when
        the centre's policy wants a written trace of the call e-mailed to the desk.
    """

    error = Signal(str)
    send_requested = Signal(object)
    call_trace_requested = Signal(object, str)
    finished = Signal(object)
    attachment_requested = Signal(str)

    def __init__(
        self,
        context: WizardContext,
        case_id: str,
        report: Report | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        case = context.catalogue.get_case(case_id)
        if case is None:
            raise ValueError(f"unknown case {case_id}")
        self.case: Case = case
        self.session = ReportSession(context.state, context.catalogue, context.drafts,
                                     context.history, context.facts, case, report)
        self.form: FormPage | None = None
        self.screenshots: ScreenshotsPage | None = None
        self.checks: ChecksPage | None = None
        self._pending_batches: list[CaptureBatch] = []

        layout = QVBoxLayout(self)
        self.heading = heading(parent=self)
        self.guidance = QLabel(case.guidance.get(context.language), self)
        self.guidance.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.guidance)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)
        nav = QHBoxLayout()
        self.back = QPushButton(style.icon("arrow-left"), self.tr("&Précédent"), self)
        self.back.setShortcut(QKeySequence("Alt+Left"))
        self.back.clicked.connect(self.go_back)
        self.next = QPushButton(style.icon("arrow-right", on_accent=True), self.tr("&Suivant"),
                                self)
        self.next.setObjectName("primary")
        self.next.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the arrow after
        self.next.setShortcut(QKeySequence("Ctrl+Return"))
        self.next.clicked.connect(self.go_next)
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.next)
        layout.addLayout(nav)

        self.application_page = ApplicationPage(case, context.language, self)
        self.application_page.chosen.connect(self._application_chosen)
        self.review = ReviewPage(self)
        self.review.title_changed.connect(self._title_changed)
        self.review.patient_data.confirmed.connect(self._title_confirmed)
        self._final_problems: list[Problem] = []
        self.review.send_requested.connect(self._send)
        # Before "Envoyer": whether the report can leave from here, and what else works.
        self.readiness = SendReadinessPanel(self)
        self.call = CallPage(self)
        self.call.called.connect(self._called)
        self.call.fill_form.connect(self._show_form)
        for page in (self.application_page, self.review, self.call):
            self.pages.addWidget(page)
        self._maximised_for_masking = False
        self.pages.currentChanged.connect(self._page_changed)

        if report is not None:
            self._open_form()
        elif case.applications:
            self.pages.setCurrentWidget(self.application_page)
        else:
            self._start(None)
        self._update_nav()
        # A settings save refreshes what is on screen (numbers, addresses). The main
        # window calls ``detach`` before the wizard goes.
        self._unsubscribe = context.state.subscribe(self._settings_saved)

    @property
    def report(self) -> Report | None:
        return self.session.report

    def detach(self) -> None:
        """Stop listening to the settings: the wizard is about to be deleted."""
        self._unsubscribe()
        self.readiness.detach()

    def _settings_saved(self, _settings: Settings) -> None:
        if not shiboken6.isValid(self):  # deleted without detach (its window went first)
            self._unsubscribe()
            return
        if self.report is not None and self.pages.currentWidget() in (self.review, self.call):
            self._show_final(validate(self.report, self.context.catalogue,
                                      language=self.context.language))

    # -- steps ---------------------------------------------------------------
    def _application_chosen(self, application_id: str) -> None:
        if self.report is not None and self.report.application != application_id:
            # Another application means another form: start a fresh draft. The old
            # report ends here, its captures and their key with it (discard wipes them).
            self.session.discard()
            self._drop_form()
            self._drop_screenshots()
        if self.report is None or self.form is None:
            self._start(application_id)
        else:
            self.pages.setCurrentWidget(self.form)
        self._update_nav()

    def _start(self, application_id: str | None) -> None:
        try:
            self.session.start(application_id)
        except UserFacingError as exc:
            log.warning("draft not saved: %s", exc.details)
            self.error.emit(exc.user_message)
        self._open_form()

    def _open_form(self) -> None:
        assert self.report is not None
        self.form = FormPage(self.context.catalogue, self.report, self.context.language, self)
        self.form.report_changed.connect(self._changed)
        self.form.attachment_requested.connect(self._attachment_requested)
        self.pages.addWidget(self.form)
        self.pages.setCurrentWidget(self.form)
        self._show_warnings()
        if self.context.run_prerequisites_on_open and self.report.prerequisites is None \
                and self._prerequisites_field() is not None:
            self.start_prerequisites()
        self.focus_first_field()
        for batch in self._pending_batches:
            self.add_captures(batch)
        self._pending_batches.clear()
        if self.case.action == "phone":
            # Cases A and C: the number to call comes first; the form can wait.
            self._show_call([])

    def _show_form(self) -> None:
        if self.form is None:
            return
        self.pages.setCurrentWidget(self.form)
        self.focus_first_field()
        self._update_nav()

    def _support_number(self) -> str:
        return self.session.number_to_call().strip()

    def _ensure_reference(self) -> None:
        assert self.report is not None
        if not self.report.reference:
            # Made once, before the user sees the subject or the call script.
            ensure_reference(self.report, self.context.settings.crra_id,
                             self._taken_references())
            self._save()

    def _show_call(self, problems: list) -> None:  # type: ignore[type-arg]
        from samu_desktop.report.spoken import call_checklist

        assert self.report is not None
        self._ensure_reference()  # the call page comes first: the reference is said there
        c = self.context
        self.call.show_call(self.tr("Téléphonez au support SI-SAMU"), self._support_number(),
                            call_checklist(self.report, c.catalogue, c.language), problems)
        self.pages.setCurrentWidget(self.call)
        self.call.done.setFocus()
        self._update_nav()

    def _prerequisites_field(self) -> str | None:
        """The id of the form's prerequisites question, if the form has one."""
        application = self.report.application if self.report else None
        return next((f.id for f in self.context.catalogue.fields_for(self.case.id, application)
                     if f.type == "prerequisites_result"), None)

    def focus_first_field(self) -> None:
        """Focus the first question still to answer (the start time is pre-filled)."""
        if self.form is None or self.report is None:
            return
        shown = visible_fields(self.context.catalogue, self.report)
        if self.checks is not None and self.checks.is_running():
            # The test fills its own answer in a moment: nothing for the keyboard there.
            shown = [f for f in shown if f.type != "prerequisites_result"]
        target = next((f for f in shown if not is_answered(f, self.report)), None)
        target = target or (shown[0] if shown else None)
        if target is not None:
            self.form.rows[target.id].editor.focus_target().setFocus()

    def set_prerequisites(self, summary: PrerequisitesSummary | None) -> None:
        """Attach the prerequisites test result (its summary) to the report."""
        if self.report is None:
            return
        self.report.prerequisites = summary
        self._attachments_changed()

    def _taken_references(self) -> set[str]:
        """References already given: in the history, and on other reports being written."""
        drafts = {r.reference for r in self.context.drafts.list_drafts().reports if r.reference}
        return self.context.history.references() | drafts

    def _checks_summary(self) -> ChecksSummary | None:
        from samu_desktop.report.outgoing import checks_summary

        return checks_summary(self.session.attachments())

    def extra_attachments(self) -> list[Attachment]:
        """Files that go with the report besides the screenshots (the checks results)."""
        from samu_desktop.report.outgoing import file_attachments

        return [] if self.report is None else file_attachments(self.session.attachments())

    def _checks_page(self) -> ChecksPage:
        if self.checks is None:
            from samu_desktop.gui.checks_page import ChecksPage

            state = self.context.state
            self.checks = ChecksPage(lambda: state.settings, parent=self)
            self.checks.started.connect(lambda: self._show_prerequisites_running(True))
            self.checks.finished.connect(self._checks_done)
            self.pages.addWidget(self.checks)
        return self.checks

    def start_prerequisites(self) -> None:
        """Run the prerequisites test without leaving the form; the result attaches itself."""
        if self.report is None:
            return
        checks = self._checks_page()
        done = checks.report()
        if checks.is_running():
            self._show_prerequisites_running(True)
        elif done is not None:
            self._checks_done(done)  # another application chosen: same workstation, just now
        else:
            checks.start()

    def _show_prerequisites_running(self, running: bool) -> None:
        field_id = self._prerequisites_field()
        if self.form is not None and field_id is not None:
            editor = self.form.rows[field_id].editor
            if isinstance(editor, AttachmentEditor):
                editor.set_running(running)

    def open_prerequisites(self) -> None:
        if self.report is None:
            return
        checks = self._checks_page()
        self.pages.setCurrentWidget(checks)
        self._update_nav()
        # Already run (in the background, as the form opened): show it; each
        # check, or the whole test, can be run again from the page.
        if not checks.is_running() and checks.report() is None:
            checks.start()

    def _checks_done(self, result: CheckReport) -> None:
        self._show_prerequisites_running(False)
        if self.report is None:
            return
        try:
            self.session.attach_checks(result)
        except UserFacingError as exc:
            self.error.emit(exc.user_message)
            return
        self._attachments_changed()

    def _attachment_requested(self, field_id: str) -> None:
        field = next(
            f for f in self.context.catalogue.fields_for(self.case.id, self.report.application
                                                         if self.report else None)
            if f.id == field_id
        )
        if field.type == "screenshots":
            self.open_screenshots()
        else:
            self.open_prerequisites()

    def screenshots_page(self) -> ScreenshotsPage | None:
        if self.report is None:
            return None
        if self.screenshots is None:
            from samu_desktop.gui.wizard.screenshots_page import ScreenshotsPage

            store = self.session.attachments()
            self.screenshots = ScreenshotsPage(store, self.context.tasks, self.context.grab_all,
                                               parent=self, state=self.context.state)
            self.screenshots.done.connect(self._screenshots_done)
            self.screenshots.message.connect(self.error)
            self.pages.addWidget(self.screenshots)
        return self.screenshots

    def open_screenshots(self) -> None:
        page = self.screenshots_page()
        if page is not None:
            self.pages.setCurrentWidget(page)
            self._update_nav()

    def _page_changed(self, _index: int) -> None:
        """The masking screen needs the whole screen to be read: maximise the
        window while it is shown, and give the user's size back afterwards."""
        window = self.window()
        if window is self:
            return
        masking = self.screenshots is not None and self.pages.currentWidget() is self.screenshots
        # The case's guidance is for the questions; the image needs the height.
        self.guidance.setVisible(not masking)
        if masking and not window.isMaximized() and not window.isFullScreen():
            self._maximised_for_masking = True
            window.showMaximized()
        elif not masking and self._maximised_for_masking:
            self._maximised_for_masking = False
            if window.isVisible():
                window.showNormal()

    def add_captures(self, batch: CaptureBatch) -> None:
        """Captures from the hotkey: attach them, and offer their time as the start."""
        page = self.screenshots_page()
        if page is None:
            self._pending_batches.append(batch)
            return
        first = page.editor.count() == 0
        page.add_batch(batch)
        start = self.context.catalogue.field_with_role(
            self.case.id, self.report.application if self.report else None, "start"
        )
        # The first capture of the series is the best guess of when it broke.
        if first and start is not None and self.report is not None and self.form is not None:
            self.report.set_answer(start.id, batch.taken_at)
            self.form.refresh()
            self._changed()
        self.open_screenshots()

    def _screenshots_done(self, names: list[str]) -> None:
        self.set_screenshots(names)
        if self.form is not None:
            self.pages.setCurrentWidget(self.form)
            # Back to the questions: the keyboard goes on where there is something to answer.
            self.focus_first_field()
        self._update_nav()

    def set_screenshots(self, attachment_ids: list[str]) -> None:
        if self.report is None:
            return
        self.report.screenshots = list(attachment_ids)
        self._attachments_changed()

    def _attachments_changed(self) -> None:
        if self.form is not None:
            self.form.refresh()
        self._changed()

    def _drop_form(self) -> None:
        if self.form is not None:
            self.pages.removeWidget(self.form)
            self.form.deleteLater()
            self.form = None

    def _drop_screenshots(self) -> None:
        # The page holds the old report's store: the new report gets a page of its own.
        # The old one is emptied and hidden, not deleted: a patient-data search still
        # running delivers its result to it harmlessly (it goes with the wizard).
        if self.screenshots is not None:
            old, self.screenshots = self.screenshots, None
            old.done.disconnect(self._screenshots_done)
            old.clear()
            self.pages.removeWidget(old)
            old.hide()

    def go_back(self) -> None:
        current = self.pages.currentWidget()
        if current is self.form and self.case.action == "phone":
            self._show_call([])
            return
        if current in (self.review, self.call, self.screenshots, self.checks) \
                and self.form is not None:
            self.pages.setCurrentWidget(self.form)
        elif current is self.form and self.case.applications:
            self.pages.setCurrentWidget(self.application_page)
        self._update_nav()

    def go_next(self) -> None:
        if self.pages.currentWidget() is not self.form or self.report is None:
            return
        assert self.form is not None
        problems = validate(self.report, self.context.catalogue, language=self.context.language)
        blocking = {p.field_id or "": p.message for p in problems if p.blocking}
        if self.screenshots is not None and self.screenshots.pending():
            shots = self.context.catalogue.fields_for(self.case.id, self.report.application)
            field = next((f for f in shots if f.type == "screenshots"), None)
            blocking[field.id if field else ""] = self.tr(
                "Des copies d'écran ne sont pas encore vérifiées : masquez les données des "
                "patients, cochez « vérifiée » sur chacune, puis joignez-les."
            )
        # Typed text that looks like patient data holds back what is sent.
        held = unconfirmed(self.report, self.context.catalogue) if self._sends() else {}
        held.pop("title", None)  # the title is typed (and checked) on the review page
        if blocking or held:
            self.form.show_problems(blocking)
            if held and not blocking:
                self.form.reveal_patient_data(next(iter(held)))
            return
        self._show_final(problems)
        self._update_nav()

    def _sends(self) -> bool:
        """Whether the report's text leaves the centre by e-mail.

        Cases A and C are read out on the telephone, unless the centre also
        e-mails the call's written trace.
        """
        return self.case.action != "phone" or self.context.settings.call_trace_email

    def _show_final(self, problems: list[Problem]) -> None:
        assert self.report is not None
        c = self.context
        self._ensure_reference()
        self._final_problems = problems
        problems = problems + free_text_warnings(self.report, c.catalogue, c.language,
                                                 blocking=self._sends())
        if self.case.action == "phone":
            self._show_call(problems)
            return
        self.review.title.setText(self.report.title)
        if self.case.action == "local_it":
            contact = self._local_it_html()
            send_text = (
                self.tr("&Envoyer au service informatique")
                if c.settings.local_it_email
                else self.tr("&Terminer")
            )
        else:
            contact = ""
            send_text = self.tr("&Envoyer au support SI-SAMU")
        self.review.show_report(
            "",  # the wizard's title above already names the case
            subject_line(self.report, c.catalogue, c.settings),
            # The preview shows the same summary of the checks as the e-mail will.
            render_html(self.report, c.catalogue, checks=self._checks_summary()),
            problems,
            send_text,
            contact,
        )
        self._show_title_patient_data()
        if self.case.action == "local_it":
            from samu_desktop.report.spoken import short_reference

            subject = subject_line(self.report, c.catalogue, c.settings)
            body = render_text(self.report, c.catalogue, c.language)
            self.review.set_text(f"{subject}\n\n{body}",
                                 f"signalement-{short_reference(self.report)}.txt")
        self.pages.setCurrentWidget(self.review)

    def _refresh_review(self) -> None:
        """After the title changed (or a passage was cleared): subject, problems, send button."""
        if self.report is None or self.pages.currentWidget() is not self.review:
            return
        c = self.context
        self.review.set_subject(subject_line(self.report, c.catalogue, c.settings))
        self.review.set_problems(self._final_problems + free_text_warnings(
            self.report, c.catalogue, c.language, blocking=self._sends()))
        self._show_title_patient_data()

    def _show_title_patient_data(self) -> None:
        assert self.report is not None
        spans = flagged_spans(self.report, self.context.catalogue).get("title", [])
        self.review.patient_data.show_spans(spans, self._sends())

    def _title_confirmed(self, text: str, checked: bool) -> None:
        if self.report is not None:
            confirm_not_patient_data(self.report, "title", text, checked)
            self._save()
            self._refresh_review()

    def _local_it_html(self) -> str:
        s = self.context.settings
        parts = [html.escape(v) for v in (s.local_it_name, s.local_it_phone, s.local_it_email) if v]
        if s.local_it_url:
            url = html.escape(s.local_it_url, quote=True)
            parts.append(f"<a href='{url}'>{url}</a>")
        if not parts:
            return self.tr(
                "Contact du service informatique non renseigné : demandez-le à votre "
                "administrateur."
            )
        return self.tr("Votre service informatique : {contact}").format(
            contact=" · ".join(parts)
        )

    def _update_nav(self) -> None:
        current = self.pages.currentWidget()
        language = self.context.language
        title = f"{self.case.id} — {self.case.title.get(language)}"
        app = self.case.application(self.report.application if self.report else None)
        if app is not None:
            title += f" · {app.name.get(language)}"
        self.heading.setText(title)
        self.next.setVisible(current is self.form)
        self.back.setVisible(
            current in (self.review, self.screenshots, self.checks)
            or (current is self.form
                and (bool(self.case.applications) or self.case.action == "phone"))
        )

    # -- the report ----------------------------------------------------------
    def _changed(self) -> None:
        self._save()
        self._show_warnings()

    def _show_warnings(self) -> None:
        if self.form is None or self.report is None:
            return
        spans = flagged_spans(self.report, self.context.catalogue)
        spans.pop("title", None)
        self.form.show_patient_data(spans, blocking=self._sends())

    def _title_changed(self, text: str) -> None:
        if self.report is not None:
            self.report.title = text
            self._save()
            self._refresh_review()

    def _save(self) -> bool:
        if self.report is None:
            return False
        try:
            self.session.save()
        except UserFacingError as exc:
            log.warning("draft not saved: %s", exc.details)
            self.error.emit(exc.user_message)
            return False
        return True

    def _send(self) -> None:
        assert self.report is not None
        if not self.session.sends_mail():
            self.finish()
            return
        if unconfirmed(self.report, self.context.catalogue):
            self._refresh_review()  # the send button is off; this is a second lock
            return
        # The e-mail's modules (and the vault they read) load when first needed.
        from samu_desktop.report.outgoing import prepare_for_sending

        c = self.context
        ensure_reference(self.report, c.settings.crra_id, self._taken_references())
        prepare_for_sending(self.report, c.catalogue, c.settings)
        self._save()
        self.send_requested.emit(self.session)

    def _called(self) -> None:
        assert self.report is not None
        trace = self.context.settings.call_trace_email
        held = unconfirmed(self.report, self.context.catalogue) if trace else {}
        held.pop("title", None)
        if held and self.form is not None:
            # The written trace leaves by e-mail: back to the field that holds it.
            self._show_form()
            self.form.reveal_patient_data(next(iter(held)))
            self.error.emit(self.tr(
                "La trace écrite de l'appel part par e-mail : retirez les données de patient "
                "signalées, ou cochez chaque passage qui n'en est pas, puis revenez à l'appel."))
            return
        if trace:
            from samu_desktop.report.followup import prepare_call_trace

            prepare_call_trace(self.report, self.context.catalogue, self.context.settings)
            self._save()
        try:
            self.session.record_call()
        except UserFacingError as exc:
            self.error.emit(exc.user_message)
            return
        if trace:
            self.call_trace_requested.emit(self.report.model_copy(deep=True),
                                           self._support_number())
        self.finish()

    def finish(self) -> None:
        assert self.report is not None
        try:
            report = self.session.finish()
        except UserFacingError as exc:
            self.error.emit(exc.user_message)
            return
        self.finished.emit(report)
