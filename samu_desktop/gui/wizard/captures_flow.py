"""The wizard's screenshots: the hotkey's captures, the masking page, what is attached.

A mixin of :class:`~samu_desktop.gui.wizard.wizard.ReportWizard`, kept apart so the
wizard stays readable: it takes the hotkey's capture batches (and guesses the
application from the window that had the focus), opens the masking page (the
window maximised while it is shown) and attaches the verified exports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

    from samu_desktop.app.session import ReportSession
    from samu_desktop.capture.models import CaptureBatch
    from samu_desktop.gui.wizard.application_page import ApplicationPage
    from samu_desktop.gui.wizard.context import WizardContext
    from samu_desktop.gui.wizard.form_page import FormPage
    from samu_desktop.gui.wizard.screenshots_page import ScreenshotsPage
    from samu_desktop.procedure.schema import Case
    from samu_desktop.report.model import Report

    _Base = QWidget
else:
    _Base = object


class CapturesMixin(_Base):
    """The screenshots flow; the wizard provides what is declared below."""

    if TYPE_CHECKING:
        error: Signal
        context: WizardContext
        case: Case
        session: ReportSession
        form: FormPage | None
        screenshots: ScreenshotsPage | None
        pages: QStackedWidget
        application_page: ApplicationPage
        guidance: QLabel
        _pending_batches: list[CaptureBatch]
        _batches: list[CaptureBatch]
        _guessed: str | None
        _maximised_for_masking: bool

        @property
        def report(self) -> Report | None: ...

        def _update_nav(self) -> None: ...

        def _attachments_changed(self) -> None: ...

        def _changed(self) -> None: ...

        def _application_chosen(self, application_id: str) -> None: ...

        def focus_first_field(self) -> None: ...

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
        """Captures from the hotkey: attach them, and offer their time as the start.

        Case B still on "which application?": the window that had the focus at the
        hotkey often names it; a sure guess opens its form (said, and changeable).
        """
        if self.report is None and self.pages.currentWidget() is self.application_page:
            from samu_desktop.report.app_guess import guess_application

            guess = guess_application(self.case, batch.focused_window)
            if guess is not None:
                self._guessed = guess
                self._pending_batches.append(batch)
                self._application_chosen(guess)  # the form takes the pending batches
                return
        page = self.screenshots_page()
        if page is None:
            self._pending_batches.append(batch)
            return
        first = page.editor.count() == 0
        page.add_batch(batch)
        self._batches.append(batch)
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

