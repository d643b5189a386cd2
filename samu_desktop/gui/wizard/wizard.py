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
from samu_desktop.config.settings import Settings
from samu_desktop.errors import UserFacingError
from samu_desktop.gui import style
from samu_desktop.gui.send_readiness import SendReadinessPanel, readiness_for
from samu_desktop.gui.widgets import heading
from samu_desktop.gui.wizard.application_page import ApplicationPage
from samu_desktop.gui.wizard.captures_flow import CapturesMixin
from samu_desktop.gui.wizard.context import WizardContext
from samu_desktop.gui.wizard.final_pages import CallPage, ReviewPage
from samu_desktop.gui.wizard.form_page import FormPage
from samu_desktop.gui.wizard.phone_flow import PhoneMixin
from samu_desktop.gui.wizard.prerequisites import PrerequisitesMixin
from samu_desktop.procedure.schema import Case
from samu_desktop.report.model import Report
from samu_desktop.report.patient_data import (
    confirm_not_patient_data,
    flagged_spans,
    free_text_warnings,
    unconfirmed,
)
from samu_desktop.report.reference import ensure_reference
from samu_desktop.report.render import render_html, render_text, subject_line
from samu_desktop.report.validation import Problem, is_answered, validate, visible_fields

if TYPE_CHECKING:
    from samu_desktop.capture.models import CaptureBatch

    # The checks and the capture editor load when first opened: start-up stays quick.
    from samu_desktop.gui.checks_page import ChecksPage
    from samu_desktop.gui.wizard.screenshots_page import ScreenshotsPage

log = logging.getLogger(__name__)


class ReportWizard(CapturesMixin, PhoneMixin, PrerequisitesMixin, QWidget):
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
        # Every hotkey batch of this wizard: another application chosen after a
        # guess starts a new report, and the captures go with it.
        self._batches: list[CaptureBatch] = []
        self._guessed: str | None = None  # the application guessed from the focused window

        layout = QVBoxLayout(self)
        self.heading = heading(parent=self)
        self.guidance = QLabel(case.guidance.get(context.language), self)
        self.guidance.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.guidance)
        # "Application reconnue…": the guess is said, and can be changed in one click.
        self.guessed_note = QLabel(self)
        self.guessed_note.setObjectName("hint")
        self.guessed_note.setWordWrap(True)
        self.guessed_note.linkActivated.connect(lambda _link: self.choose_application())
        self.guessed_note.hide()
        layout.addWidget(self.guessed_note)
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
        # Case B complete, nothing to warn about: "Envoyer" (Ctrl+Return) sends from the
        # form, the answers on screen being the report; "Suivant" becomes "Relire avant
        # l'envoi" and still shows the e-mail first.
        self.send_now = QPushButton(style.icon("send", on_accent=True),
                                    self.tr("&Envoyer au support SI-SAMU"), self)
        self.send_now.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.send_now.clicked.connect(self.send_from_form)
        self.send_now.hide()
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.next)
        nav.addWidget(self.send_now)
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
        self._handing_over = False  # sent to the outbox, not yet accepted by it
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
    def choose_application(self) -> None:
        """Back to "which application?" (after a guess the user wants to change)."""
        self.pages.setCurrentWidget(self.application_page)
        self._update_nav()

    def _application_chosen(self, application_id: str) -> None:
        if self.report is not None and self.report.application != application_id:
            # Another application means another form: start a fresh draft. The old
            # report ends here, its captures and their key with it (discard wipes them);
            # the hotkey's captures are put again in the new one.
            self.session.discard()
            self._drop_form()
            self._drop_screenshots()
            self._pending_batches.extend(self._batches)
            self._batches.clear()
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

    def _ensure_reference(self) -> None:
        assert self.report is not None
        if not self.report.reference:
            # Made once, before the user sees the subject or the call script.
            ensure_reference(self.report, self.context.settings.crra_id,
                             self._taken_references())
            self._save()

    def focus_first_field(self) -> None:
        """Focus the first question still to answer (the start time is pre-filled)."""
        if self.form is None or self.report is None:
            return
        shown = visible_fields(self.context.catalogue, self.report)
        if self.checks is not None and self.checks.is_running():
            # The test fills its own answer in a moment: nothing for the keyboard there.
            shown = [f for f in shown if f.type != "prerequisites_result"]
        # The questions on screen first: the optional ones may be folded away.
        reachable = [f for f in shown if self.form.is_reachable(f.id)]
        target = next((f for f in reachable if not is_answered(f, self.report)), None)
        target = target or (reachable[0] if reachable else None)
        if target is not None:
            self.form.rows[target.id].editor.focus_target().setFocus()

    def _taken_references(self) -> set[str]:
        """References already given: in the history, and on other reports being written."""
        drafts = {r.reference for r in self.context.drafts.list_drafts().reports if r.reference}
        return self.context.history.references() | drafts

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

    def _attachments_changed(self) -> None:
        if self.form is not None:
            self.form.refresh()
        self._changed()

    def _drop_form(self) -> None:
        if self.form is not None:
            self.pages.removeWidget(self.form)
            self.form.deleteLater()
            self.form = None

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

    def ready_to_send(self) -> bool:
        """Case B with every answer given and nothing to warn about, the report able to leave:
        the form's Ctrl+Return reviews and sends in one action. Anything to say (a
        missing answer, a warning, patient data, a capture not checked) shows the
        review page first, as before: no warning is ever passed over."""
        r, c = self.report, self.context
        # A report that cannot leave from here (no server, no reporter…) shows the
        # review: its panel says so and offers what works instead.
        if r is None or self.form is None or self.case.action != "email" \
                or not readiness_for(c.state, self.case.action).ready \
                or not self.session.sends_mail():
            return False
        if self.screenshots is not None and (self.screenshots.pending()
                                             or self.screenshots.exporting):
            return False
        if self.checks is not None and self.checks.is_running():
            return False
        return not (validate(r, c.catalogue, language=c.language)
                    or free_text_warnings(r, c.catalogue, c.language, blocking=True)
                    or unconfirmed(r, c.catalogue)
                    or any(flagged_spans(r, c.catalogue).values()))

    def send_from_form(self) -> None:
        """« Envoyer » on the form: reviewed and sent in one action when nothing is
        missing and nothing warns; otherwise the review, as « Suivant » does."""
        if self.pages.currentWidget() is not self.form:
            return
        if self.ready_to_send():
            self._send()  # the form on screen is the report; the outbox takes it from here
        else:
            self.go_next()

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

    def _update_nav(self) -> None:
        current = self.pages.currentWidget()
        language = self.context.language
        title = f"{self.case.id} — {self.case.title.get(language)}"
        app = self.case.application(self.report.application if self.report else None)
        if app is not None:
            title += f" · {app.name.get(language)}"
        self.heading.setText(title)
        guessed = (self._guessed is not None and self.report is not None
                   and self.report.application == self._guessed
                   and current is not self.application_page)
        if guessed and app is not None:
            self.guessed_note.setText(self.tr(
                "Application reconnue d'après la fenêtre active : {application}. "
                "<a href='#change'>Choisir une autre application</a>").format(
                application=html.escape(app.name.get(language))))
        self.guessed_note.setVisible(guessed)
        self.next.setVisible(current is self.form)
        ready = current is self.form and self.ready_to_send()
        self.send_now.setVisible(ready)
        text = self.tr("&Relire avant l'envoi") if ready else self.tr("&Suivant")
        if self.next.text() != text:
            # Ctrl+Return and the colour go to the button that does what the user came for.
            self.next.setText(text)
            self.next.setIcon(style.icon("scan-eye" if ready else "arrow-right",
                                         on_accent=not ready))
            self.next.setShortcut(QKeySequence() if ready else QKeySequence("Ctrl+Return"))
            self.send_now.setShortcut(QKeySequence("Ctrl+Return") if ready else QKeySequence())
            for button, primary in ((self.next, not ready), (self.send_now, ready)):
                button.setObjectName("primary" if primary else "")
                button.style().unpolish(button)
                button.style().polish(button)
        self.back.setVisible(
            current in (self.review, self.screenshots, self.checks)
            or (current is self.form
                and (bool(self.case.applications) or self.case.action == "phone"))
        )

    # -- the report ----------------------------------------------------------
    def _changed(self) -> None:
        self._save()
        self._show_warnings()
        self._update_nav()  # "Suivant" becomes "Envoyer" once nothing is missing

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
        if self._handing_over:
            return  # one report, one e-mail: a second press while it is handed over
        # The e-mail's modules (and the vault they read) load when first needed.
        from samu_desktop.report.outgoing import prepare_for_sending

        c = self.context
        ensure_reference(self.report, c.settings.crra_id, self._taken_references())
        prepare_for_sending(self.report, c.catalogue, c.settings)
        self._save()
        self._handing_over = True
        self.send_now.setEnabled(False)
        self.review.send.setEnabled(False)
        self.send_requested.emit(self.session)

    def send_failed(self) -> None:
        """The report could not be put in the outbox (the user was told why): it can be
        sent again, from where the user is."""
        if not self._handing_over:
            return
        self._handing_over = False
        self.send_now.setEnabled(True)
        self._refresh_review()  # the review's button follows its problems again

    def finish(self) -> None:
        assert self.report is not None
        try:
            report = self.session.finish()
        except UserFacingError as exc:
            self.error.emit(exc.user_message)
            return
        self.finished.emit(report)
