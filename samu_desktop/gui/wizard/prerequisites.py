"""The wizard's prerequisites test (case B): run it beside the form, attach its result.

A mixin of :class:`~samu_desktop.gui.wizard.wizard.ReportWizard`, kept apart so the
wizard stays readable: it starts the workstation checks in the background when the
form opens, shows their progress on the form's prerequisites question, opens the
checks page on demand, and attaches the result (summary, HTML and JSON) to the report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from samu_desktop.errors import UserFacingError
from samu_desktop.gui.wizard.fields import AttachmentEditor
from samu_desktop.mail.message import Attachment
from samu_desktop.report.model import PrerequisitesSummary

if TYPE_CHECKING:
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QStackedWidget, QWidget

    from samu_desktop.app.session import ReportSession
    from samu_desktop.checks.model import CheckReport
    from samu_desktop.gui.checks_page import ChecksPage
    from samu_desktop.gui.wizard.context import WizardContext
    from samu_desktop.gui.wizard.form_page import FormPage
    from samu_desktop.procedure.schema import Case
    from samu_desktop.report.model import Report
    from samu_desktop.report.render import ChecksSummary

    _Base = QWidget
else:
    _Base = object


class PrerequisitesMixin(_Base):
    """The prerequisites flow; the wizard provides what is declared below."""

    if TYPE_CHECKING:
        error: Signal
        context: WizardContext
        case: Case
        session: ReportSession
        form: FormPage | None
        checks: ChecksPage | None
        pages: QStackedWidget

        @property
        def report(self) -> Report | None: ...

        def _update_nav(self) -> None: ...

        def _attachments_changed(self) -> None: ...

    def _prerequisites_field(self) -> str | None:
        """The id of the form's prerequisites question, if the form has one."""
        application = self.report.application if self.report else None
        return next((f.id for f in self.context.catalogue.fields_for(self.case.id, application)
                     if f.type == "prerequisites_result"), None)

    def set_prerequisites(self, summary: PrerequisitesSummary | None) -> None:
        """Attach the prerequisites test result (its summary) to the report."""
        if self.report is None:
            return
        self.report.prerequisites = summary
        self._attachments_changed()

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
