"""The report session: the one report being written, and everything it owns.

It keeps the draft saved at every change (a crash loses nothing on screen),
owns the report's attachments (captures, the prerequisites results), knows
which number to call, records a call, builds the e-mail for the outbox and
wipes what is no longer needed once the report is handed over. The wizard
displays it; it holds no copy of the settings (they are read from the
application state when needed).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from samu_desktop.app.state import AppState
from samu_desktop.procedure.schema import Case, Catalogue
from samu_desktop.report.autofill import MachineFacts, new_report
from samu_desktop.report.drafts import DraftStore
from samu_desktop.report.history import History
from samu_desktop.report.model import PrerequisitesSummary, Report

if TYPE_CHECKING:
    # The checks, the capture store and the mail builder load when first used.
    from samu_desktop.checks.model import CheckReport
    from samu_desktop.mail.message import OutgoingMessage
    from samu_desktop.report.attachments import ReportAttachments

log = logging.getLogger(__name__)


def summarise(result: CheckReport) -> PrerequisitesSummary:
    """The prerequisites test result as the report keeps it: counts and statuses."""
    from samu_desktop.checks.model import Status

    counts = result.counts()
    return PrerequisitesSummary(
        passed=counts.get(Status.PASS, 0),
        warnings=counts.get(Status.WARNING, 0),
        failures=counts.get(Status.FAILURE, 0),
        statuses={r.id: str(r.status) for r in result.results},
    )


class ReportSession:
    """One report of one case, from its first answer to its hand-over.

    Methods that write raise :class:`~samu_desktop.errors.UserFacingError`
    (one French sentence); the report in memory is kept either way.
    """

    def __init__(
        self,
        state: AppState,
        catalogue: Catalogue,
        drafts: DraftStore,
        history: History,
        facts: MachineFacts,
        case: Case,
        report: Report | None = None,
    ) -> None:
        self.state = state
        self.catalogue = catalogue
        self.drafts = drafts
        self.history = history
        self.facts = facts
        self.case = case
        self.report = report

    # -- the draft ------------------------------------------------------------
    def start(self, application_id: str | None) -> Report:
        """A new report, pre-filled from the settings and the machine, saved at once."""
        self.report = new_report(self.catalogue, self.case.id, application_id,
                                 self.state.settings, self.facts)
        self.save()
        return self.report

    def save(self) -> None:
        if self.report is not None:
            self.drafts.save(self.report, touch=True)

    def discard(self) -> None:
        """Drop the draft (another application means another form)."""
        if self.report is not None:
            self.drafts.discard(self.report.id)
            self.report = None

    # -- attachments --------------------------------------------------------------
    def attachments(self) -> ReportAttachments:
        # The store pulls in the encrypted vault (cryptography, keyring): loaded when used.
        from samu_desktop.report.attachments import ReportAttachments

        assert self.report is not None
        return ReportAttachments(self.state.paths, self.report.id)

    def set_prerequisites(self, summary: PrerequisitesSummary | None) -> None:
        assert self.report is not None
        self.report.prerequisites = summary
        self.save()

    def attach_checks(self, result: CheckReport) -> None:
        """Keep the prerequisites test's files with the report, and its summary in it."""
        from samu_desktop.checks.report import report_filename, report_to_html, report_to_json

        store = self.attachments()
        store.clear_files()
        store.save_file(report_filename(result, "html"), report_to_html(result).encode())
        store.save_file(report_filename(result, "json"), report_to_json(result).encode())
        self.set_prerequisites(summarise(result))

    # -- phone cases ------------------------------------------------------------------
    def number_to_call(self) -> str:
        """The number the procedure says to call for this case (A: calls, C: hardware)."""
        settings = self.state.settings
        if self.case.id == "A":
            return settings.support_phone_calls
        return settings.support_phone_hardware

    def record_call(self) -> None:
        assert self.report is not None
        self.history.record_call(self.report, self.number_to_call())

    # -- sending ----------------------------------------------------------------------
    def sends_mail(self) -> bool:
        """Case D without a local IT address ends on the review page: nothing to send."""
        return not (self.case.action == "local_it" and not self.state.settings.local_it_email)

    def build_message(self) -> OutgoingMessage:
        """The e-mail for the outbox (off the GUI thread: it reads and encodes images)."""
        from samu_desktop.report.outgoing import build_report_message
        from samu_desktop.report.rebuild import fill_reporter

        assert self.report is not None
        # Who reports, as the settings say now (a report started before the set-up, or
        # taken back from the outbox, had blanks); what the user typed stays. On a copy:
        # this runs off the GUI thread, which owns the report and its draft.
        report = self.report.model_copy(deep=True)
        fill_reporter(report, self.state.settings)
        return build_report_message(report, self.catalogue, self.state.settings,
                                    self.attachments())

    def handed_over(self) -> None:
        """The e-mail is in the outbox: the originals of the captures can go."""
        if self.report is not None:
            self.attachments().wipe()

    def finish(self) -> Report:
        assert self.report is not None
        self.report = self.drafts.mark_finished(self.report.id)
        return self.report
