"""The last step of a report: review and send (B, D), or call the support desk (A, C)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from samu_desktop.gui.widgets import heading
from samu_desktop.gui.wizard.patient_data_panel import PatientDataPanel
from samu_desktop.report.validation import Problem


def problems_html(problems: list[Problem]) -> str:
    if not problems:
        return ""
    items = "".join(
        f"<li style='color:{'#b00020' if p.blocking else '#8a5a00'}'>{html.escape(p.message)}</li>"
        for p in problems
    )
    return f"<ul>{items}</ul>"


class ReviewPage(QWidget):
    """Read the report once more, give it a short title, then send it.

    Signals: title_changed(str), send_requested()
    """

    title_changed = Signal(str)
    send_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = heading(parent=self)
        layout.addWidget(self.heading)
        self.contact = QLabel(self)
        self.contact.setWordWrap(True)
        self.contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.contact.setOpenExternalLinks(True)
        layout.addWidget(self.contact)
        title_row = QHBoxLayout()
        title_label = QLabel(self.tr("&Titre court :"), self)
        self.title = QLineEdit(self)
        self.title.setAccessibleName(self.tr("Titre court du signalement"))
        self.title.setPlaceholderText(self.tr("Généré à partir de la description si vide"))
        self.title.setMaxLength(120)
        title_label.setBuddy(self.title)
        self.title.textEdited.connect(self.title_changed)
        title_row.addWidget(title_label)
        title_row.addWidget(self.title, 1)
        layout.addLayout(title_row)
        # Right under the title: what in it looks like patient data.
        self.patient_data = PatientDataPanel(self)
        layout.addWidget(self.patient_data)
        self.subject = QLabel(self)
        self.subject.setWordWrap(True)
        self.subject.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.subject)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.problems)
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(self.tr("Aperçu du signalement"))
        layout.addWidget(self.preview, 1)
        self.send = QPushButton(self)
        self.send.setDefault(True)
        self.send.setShortcut(QKeySequence("Ctrl+Return"))
        self.send.clicked.connect(self.send_requested)
        layout.addWidget(self.send, 0, Qt.AlignmentFlag.AlignRight)

    def show_report(
        self,
        heading: str,
        subject: str,
        body_html: str,
        problems: list[Problem],
        send_text: str,
        contact_html: str = "",
    ) -> None:
        self.heading.setText(heading)
        self.set_subject(subject)
        self.preview.setHtml(body_html)
        self.contact.setText(contact_html)
        self.contact.setVisible(bool(contact_html))
        self.send.setText(send_text)
        self.send.setAccessibleName(send_text)
        # setText() replaces the shortcut with the text's mnemonic: set it again.
        self.send.setShortcut(QKeySequence("Ctrl+Return"))
        self.set_problems(problems)

    def set_subject(self, subject: str) -> None:
        self.subject.setText(self.tr("Objet : {subject}").format(subject=subject))

    def set_problems(self, problems: list[Problem]) -> None:
        """Show what is wrong; sending waits while one of them blocks."""
        self.problems.setText(problems_html(problems))
        self.send.setEnabled(not any(p.blocking for p in problems))


class CallPage(QWidget):
    """Cases A and C: the number in large type and what to read out.

    Signals: called()
    """

    called = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = heading(parent=self)
        layout.addWidget(self.heading)
        self.number = QLabel(self)
        self.number.setObjectName("callNumber")
        self.number.setStyleSheet("font-size: 32pt; font-weight: bold;")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.number)
        layout.addWidget(QLabel(self.tr("À dire au support :"), self))
        self.script = QPlainTextEdit(self)
        self.script.setReadOnly(True)
        self.script.setAccessibleName(self.tr("Informations à donner au support"))
        layout.addWidget(self.script, 1)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems)
        row = QHBoxLayout()
        self.copy = QPushButton(self.tr("&Copier"), self)
        self.copy.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.script.toPlainText())
        )
        self.print_button = QPushButton(self.tr("&Imprimer…"), self)
        self.print_button.clicked.connect(self.print_script)
        self.done = QPushButton(self.tr("J'ai &appelé le support"), self)
        self.done.setShortcut(QKeySequence("Ctrl+Return"))
        self.done.clicked.connect(self.called)
        for button in (self.copy, self.print_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.done)
        layout.addLayout(row)

    def show_call(self, heading: str, number: str, script: str, problems: list[Problem]) -> None:
        self.heading.setText(heading)
        self.number.setText(
            number or self.tr("Numéro non renseigné : demandez-le à votre administrateur.")
        )
        self.script.setPlainText(script)
        self.problems.setText(problems_html(problems))

    def print_script(self) -> None:
        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec():
            document = QTextDocument()
            document.setPlainText(self.script.toPlainText())
            document.print_(printer)
