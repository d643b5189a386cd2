"""Whether a report can leave, and what "Tester" says: Qt-free, real keyring.

The keyring is the real Secret Service (fixture ``secret_service``); the one
case it cannot show here, a keyring that refuses to answer, goes through the
``password_lookup`` parameter (a function raising what the keyring module
raises), as the docstring of ``sending_readiness`` allows.
"""

from __future__ import annotations

import pytest

from samu_desktop.app.readiness import Missing, sending_readiness, setup_needed
from samu_desktop.config import credentials
from samu_desktop.config.settings import Settings
from samu_desktop.mail.connection_test import verdict
from samu_desktop.mail.failures import FailureKind
from samu_desktop.mail.transport import SmtpConfig, Step, StepResult, smtp_account

USER = "crra-test@example.test"
COMPLETE = dict(crra_id="FR999", centre_name="SAMU de test", reporter_name="ARM Test",
                reporter_phone="01 00 00 00 99", smtp_host="127.0.0.1", smtp_username=USER,
                sender_address=USER)


def test_a_complete_setup_with_its_password_is_ready(secret_service: str) -> None:
    settings = Settings(**COMPLETE)
    credentials.set_secret(smtp_account(USER, "127.0.0.1"), "Synthetic-Pw-readiness")
    assert sending_readiness(settings).ready
    assert not setup_needed(settings, frozenset())
    credentials.delete_secret(smtp_account(USER, "127.0.0.1"))
    assert sending_readiness(settings).missing == (Missing.PASSWORD,)


@pytest.mark.parametrize(("change", "reason"), [
    ({"smtp_host": ""}, Missing.SMTP_HOST),
    ({"sender_address": "", "reporter_email": ""}, Missing.SENDER),
    ({"support_email": ""}, Missing.RECIPIENT),
    ({"crra_id": ""}, Missing.CRRA),
    ({"smtp_username": ""}, Missing.USERNAME),
    ({"smtp_security": "none"}, Missing.PLAINTEXT_FORBIDDEN),
])
def test_each_missing_setting_has_its_reason_and_sentence(
    change: dict[str, str], reason: Missing
) -> None:
    settings = Settings(**{**COMPLETE, **change})
    found = sending_readiness(settings, password_lookup=lambda _account: "stored").missing
    assert found == (reason,)
    (sentence,) = sending_readiness(settings, password_lookup=lambda _a: "x").sentences()
    assert sentence.endswith(".") and " : " in sentence


def test_no_server_is_the_first_reason_of_a_fresh_install() -> None:
    readiness = sending_readiness(Settings())
    assert readiness.missing[0] is Missing.SMTP_HOST
    assert not readiness.ready


def test_a_keyring_that_cannot_answer_is_a_reason() -> None:
    def unavailable(_account: str) -> str | None:
        raise credentials.CredentialsUnavailable("synthetic", details="test")

    settings = Settings(**COMPLETE)
    assert sending_readiness(settings, password_lookup=unavailable).missing == (
        Missing.KEYRING,)


def test_case_d_goes_to_the_local_it_address() -> None:
    settings = Settings(**COMPLETE)
    found = sending_readiness(settings, password_lookup=lambda _a: "x", recipient="")
    assert found.missing == (Missing.RECIPIENT,)


def test_no_authentication_needs_no_password() -> None:
    settings = Settings(**{**COMPLETE, "smtp_auth": False, "smtp_username": ""})
    assert sending_readiness(settings, password_lookup=lambda _a: None).ready


def test_setup_is_not_needed_when_the_policy_gives_what_is_missing() -> None:
    empty = Settings()
    assert setup_needed(empty, frozenset())
    locked = {"centre_name", "crra_id", "reporter_name", "reporter_phone", "reporter_email",
              "smtp_host", "smtp_port", "smtp_security", "smtp_auth", "smtp_username",
              "sender_address"}
    assert not setup_needed(empty, frozenset(locked))


def test_the_verdict_of_a_test_is_one_sentence_worded_for_a_test() -> None:
    config = SmtpConfig(host="smtp.example.test", port=2525)
    ok = [StepResult(step, "ok", "fine") for step in Step]
    assert verdict(ok, config).startswith("La connexion au serveur d'envoi fonctionne")
    for kind in (FailureKind.DNS, FailureKind.REFUSED, FailureKind.TIMEOUT,
                 FailureKind.NETWORK, FailureKind.DISCONNECTED):
        failed = [StepResult(Step.DNS, "failed", "sending wording", kind)]
        sentence = verdict(failed, config)
        assert "smtp.example.test" in sentence and "nouvel essai" not in sentence
    certificate = [StepResult(Step.TLS, "failed", "Le certificat … n'est pas reconnu.",
                              FailureKind.CERTIFICATE)]
    assert verdict(certificate, config) == "Le certificat … n'est pas reconnu."
