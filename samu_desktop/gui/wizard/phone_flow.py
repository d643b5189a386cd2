"""The wizard's telephone side: cases A and C open on the number to call and what to
say; the call is kept in the history (and, if the centre wants it, its written trace
e-mailed). Case D's contact of the centre's IT is built here too.

A mixin of :class:`~samu_desktop.gui.wizard.wizard.ReportWizard`, kept apart so the
wizard stays readable. Its words are the wizard's (translation context "ReportWizard"):
the translation tools see no Qt class in a mixin.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from samu_desktop.errors import UserFacingError
from samu_desktop.report.patient_data import unconfirmed

if TYPE_CHECKING:
    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QStackedWidget, QWidget

    from samu_desktop.app.session import ReportSession
    from samu_desktop.gui.wizard.context import WizardContext
    from samu_desktop.gui.wizard.final_pages import CallPage
    from samu_desktop.gui.wizard.form_page import FormPage
    from samu_desktop.procedure.schema import Case
    from samu_desktop.report.model import Report

    _Base = QWidget
else:
    _Base = object


class PhoneMixin(_Base):
    """Cases A and C; the wizard provides what is declared below."""

    if TYPE_CHECKING:
        error: Signal
        call_trace_requested: Signal
        context: WizardContext
        case: Case
        session: ReportSession
        form: FormPage | None
        pages: QStackedWidget
        call: CallPage

        @property
        def report(self) -> Report | None: ...

        def _update_nav(self) -> None: ...

        def _ensure_reference(self) -> None: ...

        def _show_form(self) -> None: ...

        def _save(self) -> bool: ...

        def finish(self) -> None: ...

    def _support_number(self) -> str:
        return self.session.number_to_call().strip()

    def _show_call(self, problems: list) -> None:  # type: ignore[type-arg]
        from samu_desktop.report.spoken import call_checklist

        assert self.report is not None
        self._ensure_reference()  # the call page comes first: the reference is said there
        c = self.context
        title = QCoreApplication.translate("ReportWizard", "Téléphonez au support SI-SAMU")
        self.call.show_call(title, self._support_number(),
                            call_checklist(self.report, c.catalogue, c.language), problems)
        self.pages.setCurrentWidget(self.call)
        self.call.done.setFocus()
        self._update_nav()

    def _local_it_html(self) -> str:
        s = self.context.settings
        parts = [html.escape(v) for v in (s.local_it_name, s.local_it_phone, s.local_it_email) if v]
        if s.local_it_url:
            url = html.escape(s.local_it_url, quote=True)
            parts.append(f"<a href='{url}'>{url}</a>")
        if not parts:
            return QCoreApplication.translate("ReportWizard",
                "Contact du service informatique non renseigné : demandez-le à votre "
                "administrateur."
            )
        return QCoreApplication.translate(
            "ReportWizard", "Votre service informatique : {contact}").format(
            contact=" · ".join(parts))

    def _called(self) -> None:
        assert self.report is not None
        trace = self.context.settings.call_trace_email
        held = unconfirmed(self.report, self.context.catalogue) if trace else {}
        held.pop("title", None)
        if held and self.form is not None:
            # The written trace leaves by e-mail: back to the field that holds it.
            self._show_form()
            self.form.reveal_patient_data(next(iter(held)))
            self.error.emit(QCoreApplication.translate("ReportWizard",
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
