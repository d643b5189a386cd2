"""The last step of a report: review and send (B, D), or call the support desk (A, C)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from samu_desktop.fsutil import atomic_write_text
from samu_desktop.gui import style
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
        self.text = ""  # the report as plain text, for case D's copy, print and save
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(self.tr("Aperçu du signalement"))
        layout.addWidget(self.preview, 1)
        self.saved = QLabel(self)
        self.saved.setWordWrap(True)
        self.saved.setObjectName("hint")
        self.saved.hide()
        layout.addWidget(self.saved)
        row = QHBoxLayout()
        # Case D: the centre's IT may have no address; the text still goes somewhere.
        self.copy = QPushButton(style.icon("copy"), self.tr("&Copier le texte"), self)
        self.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text))
        self.print_button = QPushButton(style.icon("printer"), self.tr("&Imprimer…"), self)
        self.print_button.clicked.connect(lambda: print_text(self, self.text))
        self.save_button = QPushButton(style.icon("save"), self.tr("&Enregistrer…"), self)
        self.save_button.clicked.connect(self.ask_where_to_save)
        for button in (self.copy, self.print_button, self.save_button):
            row.addWidget(button)
            button.hide()
        row.addStretch(1)
        self.send = QPushButton(self)
        self.send.setObjectName("primary")
        self.send.setIcon(style.icon("send", on_accent=True))
        self.send.setDefault(True)
        self.send.setShortcut(QKeySequence("Ctrl+Return"))
        self.send.clicked.connect(self.send_requested)
        row.addWidget(self.send)
        layout.addLayout(row)
        self.file_name = "signalement.txt"
        self.save_dialog: QFileDialog | None = None

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
        self.heading.setVisible(bool(heading))  # the wizard's own title may say it already
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
        self.set_text("")

    def set_text(self, text: str, file_name: str = "signalement.txt") -> None:
        """Offer to copy, print and save ``text`` (empty: no such buttons)."""
        self.text = text
        self.file_name = file_name
        for button in (self.copy, self.print_button, self.save_button):
            button.setVisible(bool(text))
        self.saved.hide()

    def ask_where_to_save(self) -> None:
        dialog = QFileDialog(self, self.tr("Enregistrer le signalement"),
                             str(Path.home() / self.file_name), self.tr("Texte (*.txt)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("txt")
        dialog.fileSelected.connect(lambda name: self.save_to(Path(name)))
        dialog.finished.connect(dialog.deleteLater)
        self.save_dialog = dialog
        dialog.open()

    def save_to(self, path: Path) -> bool:
        try:
            atomic_write_text(path, self.text)
        except OSError:
            self.saved.setText(self.tr(
                "Le fichier n'a pas pu être enregistré à cet endroit : choisissez un autre "
                "dossier (par exemple Documents)."))
            self.saved.show()
            return False
        self.saved.setText(self.tr("Signalement enregistré : {path}").format(path=str(path)))
        self.saved.show()
        return True


class CallPage(QWidget):
    """Cases A and C: the number to call first, large and copyable, then the few
    sentences to say; the form is optional and comes after.

    Signals: called(), fill_form()
    """

    called = Signal()
    fill_form = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = heading(parent=self)
        layout.addWidget(self.heading)
        self.number_label = QLabel(self.tr("Appelez le support :"), self)
        layout.addWidget(self.number_label)
        number_row = QHBoxLayout()
        self.number = QLabel(self)
        self.number.setObjectName("callNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.number.setAccessibleName(self.tr("Numéro du support"))
        number_row.addWidget(self.number)
        self.copy_number = QPushButton(style.icon("copy"), self.tr("Copier le &numéro"), self)
        self.copy_number.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.number.text())
        )
        number_row.addWidget(self.copy_number)
        number_row.addStretch(1)
        layout.addLayout(number_row)
        # No number configured: an ordinary sentence, never a headline that pushes
        # the buttons off the screen.
        self.no_number = QLabel(
            self.tr("Le numéro du support n'est pas renseigné sur ce poste : demandez-le à "
                    "votre encadrement ou à votre administrateur, puis appelez-le."), self
        )
        self.no_number.setObjectName("warning")
        self.no_number.setWordWrap(True)
        layout.addWidget(self.no_number)
        self.say_label = QLabel(self.tr("À dire au support :"), self)
        self.say_label.setObjectName("sectionTitle")
        layout.addWidget(self.say_label)
        self.checklist = QLabel(self)
        self.checklist.setObjectName("checklist")
        self.checklist.setWordWrap(True)
        self.checklist.setTextFormat(Qt.TextFormat.RichText)
        self.checklist.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.checklist.setAccessibleName(self.tr("Informations à donner au support"))
        self.checklist.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.checklist)
        layout.addWidget(scroll, 1)
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        layout.addWidget(self.problems)
        row = QHBoxLayout()
        self.copy = QPushButton(style.icon("copy"), self.tr("&Copier le texte"), self)
        self.copy.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.script_text())
        )
        self.print_button = QPushButton(style.icon("printer"), self.tr("&Imprimer…"), self)
        self.print_button.clicked.connect(self.print_script)
        self.form_button = QPushButton(style.icon("clipboard-list"), self.tr("&Remplir la fiche"),
                                       self)
        self.form_button.setToolTip(
            self.tr("Noter les détails de l'incident : ils complètent ce qu'il faut dire.")
        )
        self.form_button.clicked.connect(self.fill_form)
        self.done = QPushButton(style.icon("phone-call", on_accent=True),
                                self.tr("J'ai &appelé le support"), self)
        self.done.setObjectName("primary")
        self.done.setShortcut(QKeySequence("Ctrl+Return"))
        self.done.clicked.connect(self.called)
        for button in (self.copy, self.print_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.form_button)
        row.addWidget(self.done)
        layout.addLayout(row)
        self._lines: list[str] = []

    def show_call(self, heading: str, number: str, lines: list[str],
                  problems: list[Problem]) -> None:
        self.heading.setText(heading)
        number = number.strip()
        self.number.setText(number)
        for widget in (self.number_label, self.number, self.copy_number):
            widget.setVisible(bool(number))
        self.no_number.setVisible(not number)
        self._lines = list(lines)
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        self.checklist.setText(f"<ol>{items}</ol>")
        self.problems.setText(problems_html(problems))
        self.problems.setVisible(bool(problems))

    def script_text(self) -> str:
        """The number and the sentences, as plain text to paste or print."""
        head = [self.tr("Support : {number}").format(number=self.number.text())] \
            if self.number.text() else []
        return "\n".join(head + [f"{i}. {line}" for i, line in enumerate(self._lines, 1)])

    def print_script(self) -> None:
        print_text(self, self.script_text())


def print_text(parent: QWidget, text: str) -> None:
    printer = QPrinter()
    dialog = QPrintDialog(printer, parent)
    if dialog.exec():
        document = QTextDocument()
        document.setPlainText(text)
        document.print_(printer)
