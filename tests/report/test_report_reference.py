"""The incident reference: readable, typeable, unique, made once and carried everywhere."""

from __future__ import annotations

import itertools
import json
from datetime import datetime

from samu_desktop.config.paths import AppPaths
from samu_desktop.config.settings import Settings
from samu_desktop.procedure import Catalogue
from samu_desktop.report.drafts import DraftStore
from samu_desktop.report.history import History
from samu_desktop.report.model import Report, parse_report
from samu_desktop.report.reference import (
    ALPHABET,
    ensure_reference,
    is_reference,
    make_reference,
    normalise,
    reference_of,
)
from samu_desktop.report.render import render_json, render_text, subject_line
from tests.report.conftest import Filler


def test_format_is_crra_date_and_four_unambiguous_characters(now: datetime) -> None:
    reference = make_reference("fr999", now)
    crra, day, code = reference.split("-")
    assert (crra, day) == ("FR999", "031126")  # 3 November 2026, said "03 11 26"
    assert len(code) == 4 and set(code) <= set(ALPHABET)
    assert is_reference(reference)
    # Nothing a person confuses when reading, hearing or typing it.
    assert not set(ALPHABET) & set("0O1IL2Z5S8BUV")
    assert make_reference("", now).startswith("SAMU-031126-")


def test_a_reference_already_given_is_never_drawn_again(now: datetime) -> None:
    # A chooser that repeats itself: the first two codes are taken, the third is new.
    draws = itertools.cycle("AAAAAAAACCCC")
    taken = {"FR999-031126-AAAA"}
    assert make_reference("FR999", now, taken, lambda _: next(draws)) == "FR999-031126-CCCC"


def test_references_are_unique_over_many_reports(now: datetime) -> None:
    taken: set[str] = set()
    for _ in range(2000):
        taken.add(make_reference("FR999", now, taken))
    assert len(taken) == 2000


def test_a_typed_reference_is_recognised() -> None:
    assert normalise(" fr999 031126 k7qm ") == "FR999-031126-K7QM"
    assert is_reference("fr999.031126.k7qm")
    assert not is_reference("FR999-031126-K0QM")  # 0 is not in the alphabet


def test_made_once_stored_on_the_report_and_in_the_history(
    catalogue: Catalogue, filled: Filler, settings: Settings,
) -> None:
    paths = AppPaths.default()
    history = History(paths, catalogue)
    drafts = DraftStore(paths, history)
    report = filled("B", "bandeau")
    first = ensure_reference(report, settings.crra_id, history.references())
    assert ensure_reference(report, "FR111") == first == reference_of(report)
    drafts.save(report)
    assert parse_report(drafts.path_for(report.id).read_bytes()).reference == first
    drafts.mark_finished(report.id)
    (entry,) = history.entries()
    assert entry.reference == first and history.references() == {first}
    # Everywhere the desk and the user look.
    assert f"[Réf. {first}]" in subject_line(report, catalogue, settings)
    assert render_text(report, catalogue).splitlines()[2] == f"Référence : {first}"
    assert json.loads(render_json(report, catalogue))["report"]["reference"] == first


def test_a_draft_from_before_references_still_opens(catalogue: Catalogue, now: datetime) -> None:
    report = Report.new("B", "bandeau", catalogue.version, now)
    data = json.loads(report.model_dump_json())
    for name in ("reference", "message_id", "subject"):
        data.pop(name)
    assert parse_report(json.dumps(data)).reference == ""

