"""The questions of one form, generated from the catalogue, bound to a Report.

Every edit goes straight into the report (and so into the draft, which the
wizard saves at once); questions appear and disappear with their conditions.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from samu_desktop.gui.wizard.fields import FieldEditor, SingleChoiceEditor, make_editor
from samu_desktop.gui.wizard.patient_data_panel import PatientDataPanel
from samu_desktop.procedure.schema import Catalogue, FieldDef
from samu_desktop.report.model import Report
from samu_desktop.report.patient_data import FlaggedSpan, confirm_not_patient_data
from samu_desktop.report.validation import is_answered, visible_fields


class FieldRow(QFrame):
    """A question: its label, its help and its editor."""

    def __init__(self, field: FieldDef, editor: FieldEditor, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        text = field.label.get(language) + (" *" if field.required else "")
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.label.setObjectName("fieldLabel")
        self.label.setBuddy(editor.focus_target())
        layout.addWidget(self.label)
        if field.help is not None:
            help_label = QLabel(field.help.get(language), self)
            help_label.setWordWrap(True)
            help_label.setObjectName("hint")
            layout.addWidget(help_label)
        # Above the editor, not under it: a long text's warning must not end up
        # below the fold while the user types.
        self.patient_data = PatientDataPanel(self)
        layout.addWidget(self.patient_data)
        layout.addWidget(editor)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("problem")
        self.problem.hide()
        layout.addWidget(self.problem)

    def show_problem(self, message: str | None, warning: bool = False) -> None:
        # Colours from the style sheet (#problem, and [warning="true"]), light or dark.
        self.problem.setProperty("warning", warning)
        self.problem.style().unpolish(self.problem)
        self.problem.style().polish(self.problem)
        self.problem.setText(message or "")
        self.problem.setVisible(bool(message))


class FormPage(QScrollArea):
    """Signals: report_changed() — after every edit; attachment_requested(str) — field id."""

    report_changed = Signal()
    attachment_requested = Signal(str)

    def __init__(self, catalogue: Catalogue, report: Report, language: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue
        self.report = report
        self.setWidgetResizable(True)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.rows: dict[str, FieldRow] = {}
        # What the procedure requires comes first; the optional questions wait, folded,
        # under "Autres questions" (opened by a click, or by itself when one of them
        # needs the user: a problem, patient data, a digit answer moving on).
        self.more_toggle = QToolButton(body)
        self.more_toggle.setObjectName("moreQuestions")
        self.more_toggle.setText(self.tr("Autres &questions (facultatives)"))
        self.more_toggle.setCheckable(True)
        self.more_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.more_toggle.toggled.connect(self.set_more_shown)
        self.more = QWidget(body)
        self.more.setObjectName("moreQuestionsBody")
        more_layout = QVBoxLayout(self.more)
        more_layout.setContentsMargins(0, 0, 0, 0)
        self.more.hide()
        self.folded: set[str] = set()
        for field in catalogue.fields_for(report.case, report.application):
            editor = make_editor(field, language, body)
            self._load(field, editor)
            row = FieldRow(field, editor, language, body)
            self.rows[field.id] = row
            if field.required or field.type in ("screenshots", "prerequisites_result"):
                layout.addWidget(row)
            else:
                self.folded.add(field.id)
                row.setParent(self.more)
                more_layout.addWidget(row)
            editor.changed.connect(lambda f=field, e=editor: self._edited(f, e))
            row.patient_data.confirmed.connect(
                lambda text, checked, fid=field.id: self._confirmed(fid, text, checked))
            if isinstance(editor, SingleChoiceEditor):
                editor.answered.connect(lambda fid=field.id: self.focus_next_question(fid))
            if hasattr(editor, "action_requested"):
                editor.action_requested.connect(
                    lambda fid=field.id: self.attachment_requested.emit(fid)
                )
        layout.addWidget(self.more_toggle)
        layout.addWidget(self.more)
        layout.addStretch(1)
        body.setLayout(layout)
        self.setWidget(body)
        self._update_visibility()

    def _load(self, field: FieldDef, editor: FieldEditor) -> None:
        if field.type == "screenshots":
            editor.set_value(list(self.report.screenshots))
        elif field.type == "prerequisites_result":
            editor.set_value(self.report.prerequisites)
        else:
            value = self.report.answer(field.id)
            if value is not None:
                editor.set_value(value)

    def _edited(self, field: FieldDef, editor: FieldEditor) -> None:
        if field.type in ("screenshots", "prerequisites_result"):
            return  # the wizard updates those parts of the report itself
        self.report.set_answer(field.id, editor.value())
        self.rows[field.id].show_problem(None)
        self._update_visibility()
        self.report_changed.emit()

    def _update_visibility(self) -> None:
        shown = {f.id for f in visible_fields(self.catalogue, self.report)}
        for field_id, row in self.rows.items():
            row.setVisible(field_id in shown)
        self.more_toggle.setVisible(bool(self.folded & shown))

    def set_more_shown(self, shown: bool) -> None:
        """Open (or fold) the optional questions."""
        if self.more_toggle.isChecked() != shown:
            self.more_toggle.setChecked(shown)  # comes back here through toggled
            return
        self.more_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                      else Qt.ArrowType.RightArrow)
        self.more.setVisible(shown)

    def is_reachable(self, field_id: str) -> bool:
        """Whether the question is on screen now (not folded away)."""
        return field_id not in self.folded or self.more_toggle.isChecked()

    def unfold_for(self, field_id: str) -> None:
        if field_id in self.folded:
            self.set_more_shown(True)

    def focus_next_question(self, after: str) -> None:
        """After a choice made with its digit: the keyboard goes to the next question
        still to answer (a question that appeared with the answer counts), if any."""
        shown = visible_fields(self.catalogue, self.report)
        ids = [f.id for f in shown]
        later = shown[ids.index(after) + 1:] if after in ids else []
        target = next((f for f in later if f.type not in ("screenshots", "prerequisites_result")
                       and self.is_reachable(f.id) and not is_answered(f, self.report)), None)
        if target is not None:
            row = self.rows[target.id]
            row.editor.focus_target().setFocus(Qt.FocusReason.TabFocusReason)
            self.ensureWidgetVisible(row)

    def visible_ids(self) -> list[str]:
        return [fid for fid, row in self.rows.items() if not row.isHidden()]

    def refresh(self) -> None:
        """Reload every editor from the report (after prefill or attachments)."""
        for row in self.rows.values():
            row.editor.blockSignals(True)
            self._load(row.field, row.editor)
            row.editor.blockSignals(False)
        self._update_visibility()

    def _confirmed(self, field_id: str, text: str, checked: bool) -> None:
        confirm_not_patient_data(self.report, field_id, text, checked)
        self.report_changed.emit()

    def show_patient_data(self, spans: dict[str, list[FlaggedSpan]], blocking: bool) -> None:
        """Each field's flagged passages next to it; a panel that appears is scrolled into view."""
        appeared: list[FieldRow] = []
        for field_id, row in self.rows.items():
            was_shown = not row.patient_data.isHidden()
            changed = row.patient_data.show_spans(spans.get(field_id, []), blocking)
            if changed and not was_shown and not row.patient_data.isHidden():
                appeared.append(row)
        if appeared:
            self.reveal_patient_data(appeared[0].field.id)

    def reveal_patient_data(self, field_id: str) -> None:
        """Scroll so that the field's patient-data panel (and its editor) can be read."""
        row = self.rows[field_id]
        self.unfold_for(field_id)

        def scroll() -> None:  # once the layout has made room for the panel
            self.ensureWidgetVisible(row.editor, 0, 0)
            self.ensureWidgetVisible(row.patient_data, 0, 8)

        QTimer.singleShot(0, self, scroll)

    def show_problems(self, problems: dict[str, str]) -> None:
        first: FieldRow | None = None
        for field_id, row in self.rows.items():
            message = problems.get(field_id)
            row.show_problem(message)
            if message and first is None and not row.isHidden():
                first = row
                self.unfold_for(field_id)
        if first is not None:
            self.ensureWidgetVisible(first)
            first.editor.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)
