"""What a report wizard needs from the application: the catalogue, the one
application state, the stores and the background task runner."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from samu_desktop.app.state import AppState
from samu_desktop.config.settings import Settings
from samu_desktop.gui.tasks import TaskRunner
from samu_desktop.procedure.schema import Catalogue
from samu_desktop.report.autofill import MachineFacts
from samu_desktop.report.drafts import DraftStore
from samu_desktop.report.history import History

if TYPE_CHECKING:
    from samu_desktop.gui.wizard.screenshots_page import GrabAll


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
