"""A waiting report is still the user's (issue 19), in the main window.

Real parts: the main window on Xvfb, the report's draft and the outbox on disk,
an aiosmtpd server with STARTTLS, the app's own sender with its rebuild. The
only stand-in is the application's quit itself (``MainWindow.quit_requested``):
ending the test process's QApplication would end the test run; the real quit is
driven by the e2e journey (tests/e2e/test_journey_outbox.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from samu_desktop.app.state import AppState
from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.gui.main_window import MainWindow
from samu_desktop.gui.outbox_flow import WAITING_KEY
from samu_desktop.gui.sending import Sending
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.mail.outbox import EntryState, Outbox
from samu_desktop.mail.sender import OutboxSender
from samu_desktop.report.attachments import ReportAttachments
from samu_desktop.report.drafts import DraftError
from samu_desktop.report.model import Report
from samu_desktop.report.rebuild import ReportRebuilder
from tests.guards import ModalDialogs
from tests.mail.smtp_server import MailServer, Pki
from tests.mail.test_mail_rebuild import _fixed, _kept_on_fresh_install
from tests.mail.test_mail_transport import transport_for

Factory = Callable[..., MailServer]


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    """The interface's French plural forms ("2 signalements", not "2 signalement(s)")."""
    from samu_desktop.gui.i18n import install_translators
    from samu_desktop.i18n import install

    translators = install_translators(qapp, "fr")
    yield
    for translator in translators:
        QApplication.removeTranslator(translator)
    install(None)


def _window(qtbot: QtBot, settings: Settings, pki: Pki | None = None) -> MainWindow:
    paths = AppPaths.default()
    state = AppState.of(settings, paths)
    tasks = TaskRunner(synchronous=True)
    sending = None
    if pki is not None:
        sender = OutboxSender(Outbox(paths.outbox_dir), lambda: state.settings,
                              transport_for(pki), rebuild=ReportRebuilder(paths))
        sending = Sending(state, tasks, sender)
    window = MainWindow(state, QApplication.windowIcon(), tasks, sending)
    qtbot.addWidget(window)
    window.show()
    return window


def _kept(window: MainWindow) -> tuple[Report, str, bytes]:
    report, entry_id, picture = _kept_on_fresh_install(window.state.paths,
                                                       Outbox(window.state.paths.outbox_dir))
    if window.history is not None:  # handed over: the history lists it
        window.history.record_report(window.drafts.load(report.id))
    return report, entry_id, picture


def test_a_waiting_report_is_deleted_after_an_inline_confirmation(qtbot: QtBot) -> None:
    window = _window(qtbot, Settings())
    report, entry_id, _picture = _kept(window)
    window.show_outbox()
    page = window.outbox_page
    assert page is not None and page.selected_id() == entry_id
    assert "non renseigné" in page.detail.text()  # what it will carry, said plainly
    assert page.delete_button.isEnabled() and page.open_button.isEnabled()

    page.delete_button.click()
    assert page.confirm.isVisibleTo(page)
    page.confirm_cancel.click()  # changed their mind: nothing happens
    assert not page.confirm.isVisibleTo(page) and Outbox(
        window.state.paths.outbox_dir).ids() == [entry_id]

    page.delete_button.click()
    page.confirm_delete.click()

    assert Outbox(window.state.paths.outbox_dir).ids() == []
    assert page.rows() == [] and "supprimé" in page.notice.text()
    with pytest.raises(DraftError):
        window.drafts.load(report.id)
    assert window.history is not None and window.history.get(report.id) is None


def test_a_waiting_report_opens_back_in_the_form_with_its_captures(qtbot: QtBot) -> None:
    window = _window(qtbot, Settings())
    report, entry_id, picture = _kept(window)
    window.show_outbox()
    page = window.outbox_page
    assert page is not None
    page.select(entry_id)

    page.open_button.click()

    assert window.wizard is not None and window.wizard.report is not None
    assert window.wizard.report.id == report.id
    assert window.pages.currentWidget() is window.wizard
    assert window.drafts.load(report.id).status == "draft"
    assert Outbox(window.state.paths.outbox_dir).ids() == []
    # The masked capture lives again beside the report, so that it leaves with it.
    assert ReportAttachments(window.state.paths, report.id).load_export("capture-1") == picture
    window.show_history()
    assert window.history_page is not None
    assert window.history_page.rows()[0][3] == "Brouillon : repris pour être complété"

    # Given up after all: it never left, so nothing of it stays (draft, captures, history).
    window.go_home()
    offer = next(n for n in window.message_bar.notices() if "pas été terminé" in n.label.text())
    (give_up,) = [b for b in offer.findChildren(QPushButton) if b.text() == "Abandonner"]
    give_up.click()
    with pytest.raises(DraftError):
        window.drafts.load(report.id)
    assert window.history is not None and window.history.get(report.id) is None


def test_the_end_of_a_report_replaces_its_earlier_notices(
    qtbot: QtBot, mail_server: Factory, pki: Pki
) -> None:
    server = mail_server(auth=False)
    window = _window(qtbot, _fixed(server), pki)
    report, entry_id, _picture = _kept(window)
    window.outbox_flow.announce_waiting()
    window.sending.handed_over.emit(window.drafts.load(report.id))
    texts = window.message_bar.texts()
    assert any("il part dès que" in t for t in texts)
    assert window.message_bar.notice_with(WAITING_KEY) is not None

    window.sending.outbox_sender.run_once()

    end = f"Envoyé à monserviceclient.si-samu@esante.gouv.fr — réf. {report.reference}"
    qtbot.waitUntil(lambda: end in window.message_bar.texts(), timeout=10_000)
    texts = window.message_bar.texts()
    assert not any("il part dès que" in t for t in texts)  # no stale notice
    assert window.message_bar.notice_with(WAITING_KEY) is None  # nothing waits any more
    assert not any("250" in t or "queued" in t for t in texts)  # no raw server text
    assert Outbox(window.state.paths.outbox_dir).load(entry_id).state is EntryState.SENT
    qtbot.waitUntil(lambda: window.drafts.load(report.id).status == "sent", timeout=10_000)
    window.show_history()
    assert window.history_page is not None
    (row,) = window.history_page.rows()
    assert row[3].startswith("Envoyé le ") and row[5] == report.reference
    # The draft and the history say what the desk received (follow-ups answer it).
    sent = window.drafts.load(report.id)
    assert "[FR999]" in sent.subject and sent.reporter.name == "Agent Exemple"
    assert window.history is not None
    entry = window.history.get(report.id)
    assert entry is not None and "[FR999]" in entry.subject and entry.status == "sent"
    assert len(server.delivered) == 1


def test_a_report_that_cannot_leave_says_why_in_the_history_and_its_notice(
    qtbot: QtBot, mail_server: Factory, pki: Pki
) -> None:
    server = mail_server(auth=False)
    server.fault = "554"
    window = _window(qtbot, _fixed(server), pki)
    report, _entry_id, _picture = _kept(window)
    window.sending.handed_over.emit(window.drafts.load(report.id))

    window.sending.outbox_sender.run_once()

    qtbot.waitUntil(lambda: any("n'est pas encore parti" in t
                                for t in window.message_bar.texts()), timeout=10_000)
    assert not any("il part dès que" in t for t in window.message_bar.texts())
    window.show_history()
    assert window.history_page is not None
    assert window.history_page.rows()[0][3].startswith("En attente : ")


def _click(text: str) -> Callable[[QWidget], None]:
    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        (button,) = [b for b in box.buttons() if b.text().replace("&", "") == text]
        button.click()
    return answer


def test_quitting_with_a_report_not_sent_asks_first(
    qtbot: QtBot, modal_dialogs: ModalDialogs, monkeypatch: pytest.MonkeyPatch, french: None
) -> None:
    window = _window(qtbot, Settings())
    quits: list[bool] = []
    monkeypatch.setattr(window, "quit_requested", lambda: quits.append(True))
    _kept(window)
    modal_dialogs.expect(_click("Garder l'application ouverte"), QMessageBox,
                         "1 signalement n'est pas encore parti : quitter quand même ?")
    assert window.ask_quit() is False
    qtbot.waitUntil(lambda: window.outbox_flow.question is None, timeout=5000)
    assert quits == []

    modal_dialogs.expect(_click("Ouvrir la boîte d'envoi"), QMessageBox, "pas encore parti")
    window.ask_quit()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.outbox_page, timeout=5000)
    assert quits == []

    modal_dialogs.expect(_click("Quitter quand même"), QMessageBox, "pas encore parti")
    window.ask_quit()
    qtbot.waitUntil(lambda: quits == [True], timeout=5000)


def test_quitting_with_nothing_waiting_asks_nothing(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, Settings())
    quits: list[bool] = []
    monkeypatch.setattr(window, "quit_requested", lambda: quits.append(True))
    assert window.ask_quit() is True and quits == [True]


def test_the_start_says_how_many_reports_wait(qtbot: QtBot, french: None) -> None:
    window = _window(qtbot, Settings())
    _kept(window)
    _kept(window)
    assert window.outbox_flow.announce_waiting() == 2
    notice = window.message_bar.notice_with(WAITING_KEY)
    assert notice is not None
    assert notice.label.text().startswith("2 signalements en attente")
    assert window.message_bar.texts().count(notice.label.text()) == 1
    assert window.outbox_flow.announce_waiting() == 2  # said once, not stacked
    assert len([n for n in window.message_bar.notices()
                if n.property("key") == WAITING_KEY]) == 1
    # A third one handed over meanwhile: the count follows, in the same notice.
    third, _entry, _picture = _kept(window)
    window.sending.handed_over.emit(window.drafts.load(third.id))
    waiting = [n for n in window.message_bar.notices() if n.property("key") == WAITING_KEY]
    assert [n.label.text()[:len("3 signalements")] for n in waiting] == ["3 signalements"]


class _UserClose(QCloseEvent):
    """The close a window manager sends when the user clicks the window's ×: Xvfb here
    has no window manager to send one, so the event says it came from outside."""

    def spontaneous(self) -> bool:
        return True


def test_closing_the_window_that_quits_asks_too(
    qtbot: QtBot, modal_dialogs: ModalDialogs, monkeypatch: pytest.MonkeyPatch, french: None
) -> None:
    """Without a tray, closing the window ends the application: it asks like Ctrl+Q."""
    window = _window(qtbot, Settings())
    window.ask_on_close = True  # as the application sets it when there is no tray
    quits: list[bool] = []
    monkeypatch.setattr(window, "quit_requested", lambda: quits.append(True))
    _kept(window)
    modal_dialogs.expect(_click("Garder l'application ouverte"), QMessageBox,
                         "pas encore parti")
    event = _UserClose()
    window.closeEvent(event)
    assert not event.isAccepted()  # refused: the question decides
    qtbot.waitUntil(lambda: window.outbox_flow.question is None, timeout=5000)
    assert window.isVisible() and quits == []

    modal_dialogs.expect(_click("Quitter quand même"), QMessageBox, "pas encore parti")
    window.closeEvent(_UserClose())
    qtbot.waitUntil(lambda: quits == [True], timeout=5000)

    # A close made by the program (at quit, a test's teardown) never asks.
    own = QCloseEvent()
    window.closeEvent(own)
    assert own.isAccepted()


def test_a_temporary_failure_keeps_the_promise_that_it_leaves(
    qtbot: QtBot, mail_server: Factory, pki: Pki
) -> None:
    """The network is down: "il part dès que le serveur répond" is still true."""
    server = mail_server(start=False, auth=False)  # nothing listens: refused, retried later
    window = _window(qtbot, _fixed(server), pki)
    report, entry_id, _picture = _kept(window)
    window.sending.handed_over.emit(window.drafts.load(report.id))

    with qtbot.waitSignal(window.sending.report_changed, timeout=10_000,
                          check_params_cb=lambda r: r.error is not None):
        window.sending.outbox_sender.run_once()

    waiting = Outbox(window.state.paths.outbox_dir).load(entry_id)
    assert waiting.state is EntryState.WAITING and waiting.next_attempt_at is not None
    assert any("il part dès que" in t for t in window.message_bar.texts())
    assert not any("n'est pas encore parti" in t for t in window.message_bar.texts())
