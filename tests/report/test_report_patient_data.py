"""Free-text answers that look like patient data hold the report back (synthetic values only)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from samu_desktop.pii.kinds import PatientDataKind
from samu_desktop.procedure import Catalogue
from samu_desktop.report.model import Report
from samu_desktop.report.patient_data import free_text_warnings, patient_data_spans
from samu_desktop.report.validation import validate

Filler = Callable[[str, str | None], Report]  # the ``filled`` fixture


def test_an_ordinary_report_has_no_warning(catalogue: Catalogue, filled: Filler) -> None:
    report = filled("B", "bandeau")
    report.set_answer("description", "Depuis 14:05 le 03/11/2026, erreur 503 du Session "
                      "Server sur FR999 ; Firefox 128.5.0esr, https://portail.example.invalid")
    assert free_text_warnings(report, catalogue) == []


def test_phone_and_email_in_a_description(catalogue: Catalogue, filled: Filler) -> None:
    report = filled("D", None)
    text = "Rappeler la famille au 06 00 00 00 00 ou famille@example.invalid"
    report.set_answer("description", text)
    warnings = free_text_warnings(report, catalogue)
    assert len(warnings) == 1
    warning = warnings[0]
    assert (warning.field_id, warning.code, warning.blocking) == ("description", "patient_data",
                                                                  True)
    assert "« Description du problème » semble contenir des données de patient" in warning.message
    assert "numéro de téléphone" in warning.message and "adresse e-mail" in warning.message
    spans = patient_data_spans(report, catalogue)["description"]
    assert {f.kind for f in spans} == {PatientDataKind.PHONE, PatientDataKind.EMAIL}
    assert text[spans[0].start:spans[0].end] == "06 00 00 00 00"


def test_title_and_hidden_fields(catalogue: Catalogue, filled: Filler) -> None:
    report = filled("B", "bandeau")
    report.title = "Appel de Mme Exemple née le 01/02/1950"
    report.set_answer("error_message_text", "tél 06 00 00 00 00")
    report.set_answer("error_message", False)  # hides the error text
    ids = [w.field_id for w in free_text_warnings(report, catalogue)]
    assert ids == ["title"]


def test_patient_data_is_not_a_validation_error(
    catalogue: Catalogue, filled: Filler, now: datetime
) -> None:
    report = filled("D", None)
    report.set_answer("description", "Patient joignable au 06 00 00 00 00")
    assert validate(report, catalogue, now=now) == []
    assert free_text_warnings(report, catalogue, language="en")


def test_machine_facts_filled_in_by_the_app_are_not_flagged() -> None:
    from samu_desktop.procedure import load_catalogue
    from samu_desktop.report.model import Report
    from samu_desktop.report.patient_data import patient_data_spans

    catalogue = load_catalogue()
    report = Report.new("B", "bandeau", catalogue.version)
    report.set_answer("os", "Debian GNU/Linux 12 (bookworm)")
    report.set_answer("description", "Rappeler Mme Martin au 06 12 34 56 78")
    assert set(patient_data_spans(report, catalogue)) == {"description"}
