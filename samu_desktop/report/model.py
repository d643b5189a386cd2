"""The report being written: which form, what the user answered, where it stands.

Answers are kept as JSON values (a date and time is an ISO 8601 string with its
UTC offset) so that a draft written at every keystroke reads back exactly.
Whether an answer is *acceptable* is not decided here but by
:func:`samu_desktop.report.validation.validate`, which explains it in French:
the model only refuses what no form could ever hold.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID, uuid4

from pydantic import (
    AllowInfNan,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    TypeAdapter,
    ValidationError,
)

from samu_desktop.errors import UserFacingError
from samu_desktop.i18n import translate

REPORT_SCHEMA_VERSION: Literal[1] = 1
ReportStatus = Literal["draft", "finished", "sent"]


def clean_text(value: object) -> object:
    """Replace lone surrogates (they cannot be written as UTF-8) with U+FFFD.

    A clipboard can hand them over; left in, the draft could not be saved (and
    pydantic refuses them). Anything but a string is left for the type check.
    """
    if not isinstance(value, str):
        return value
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


# Generous ceilings against runaway input; the real limits are the catalogue's.
ShortStr = Annotated[str, StringConstraints(max_length=200), BeforeValidator(clean_text)]
AnswerText = Annotated[
    str, Strict(), StringConstraints(max_length=100_000), BeforeValidator(clean_text)
]
# Strict members: pydantic's smart union then keeps each JSON type as it is
# (no "1" turned into 1, no 1 into True).
AnswerValue = (
    Annotated[bool, Strict()]
    | Annotated[int, Strict()]
    | Annotated[float, Strict(), AllowInfNan(False)]
    | AnswerText
    | Annotated[
        list[Annotated[str, Strict(), StringConstraints(max_length=200),
                       BeforeValidator(clean_text)]],
        Field(max_length=100),
    ]
)
_ANSWER = TypeAdapter(AnswerValue)


class ReportError(UserFacingError):
    """A stored report cannot be read back."""


class Reporter(BaseModel):
    """Who reports, copied from the settings when the report is started."""

    model_config = ConfigDict(extra="forbid")

    crra_id: Annotated[str, StringConstraints(max_length=40), BeforeValidator(clean_text)] = ""
    centre_name: ShortStr = ""
    name: ShortStr = ""
    phone: ShortStr = ""
    email: Annotated[str, StringConstraints(max_length=254), BeforeValidator(clean_text)] = ""


def _legacy_prerequisites(value: object) -> object:
    """Drafts written before the result became data held a sentence in the interface
    language ("3 réussie(s), 1 avertissement(s), 0 échec(s)"): read its three counts."""
    if not isinstance(value, str):
        return value
    numbers = [int(n) for n in re.findall(r"\d+", value)]
    if len(numbers) != 3 or max(numbers) > 10_000:
        return None  # not such a sentence (a file name, say): no result to show
    passed, warnings, failures = numbers
    return {"passed": passed, "warnings": warnings, "failures": failures}


class PrerequisitesSummary(BaseModel):
    """The prerequisites test result the report carries: counts and each check's status.

    Data, not a sentence: each reader (the form, the e-mail, the JSON for the
    desk) renders it in its own language. The full results are attached files.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    passed: Annotated[int, Field(ge=0, le=10_000)] = 0
    warnings: Annotated[int, Field(ge=0, le=10_000)] = 0
    failures: Annotated[int, Field(ge=0, le=10_000)] = 0
    # Check id → "pass", "warning", "failure", "skipped"…: what the desk sorts on.
    statuses: dict[Annotated[str, StringConstraints(max_length=64)],
                   Annotated[str, StringConstraints(max_length=20)]] = Field(
        default_factory=dict, max_length=200
    )


class Report(BaseModel):
    """One incident report, from the first answer to its sending."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    schema_version: Literal[1] = REPORT_SCHEMA_VERSION
    id: UUID = Field(default_factory=uuid4)
    case: Annotated[str, StringConstraints(min_length=1, max_length=8)]
    application: Annotated[str, StringConstraints(max_length=40)] | None = None
    catalogue_version: Annotated[str, StringConstraints(max_length=40)]
    answers: dict[Annotated[str, StringConstraints(max_length=64)], AnswerValue] = Field(
        default_factory=dict, max_length=500
    )
    # A short title the user may type on the review page; generated when empty.
    title: Annotated[str, StringConstraints(max_length=1000), BeforeValidator(clean_text)] = ""
    created_at: AwareDatetime
    updated_at: AwareDatetime
    status: ReportStatus = "draft"
    # Attachment ids from the capture store (the images are not kept here).
    screenshots: list[Annotated[str, StringConstraints(min_length=1, max_length=100)]] = Field(
        default_factory=list, max_length=200
    )
    # The prerequisites test result the report will carry (its files are attachments).
    prerequisites: Annotated[
        PrerequisitesSummary | None, BeforeValidator(_legacy_prerequisites)
    ] = None
    reporter: Reporter = Field(default_factory=Reporter)
    # The incident reference (see samu_desktop.report.reference), made once.
    reference: Annotated[str, StringConstraints(max_length=40)] = ""
    # The first e-mail as it left, so that follow-ups thread under it.
    message_id: Annotated[str, StringConstraints(max_length=250)] = ""
    subject: Annotated[str, StringConstraints(max_length=1000)] = ""
    # Text flagged as patient data that the user said, span by span, is not:
    # field id ("title" for the short title) → the exact flagged texts. A span
    # edited afterwards is flagged again (it is no longer the text confirmed).
    not_patient_data: dict[
        Annotated[str, StringConstraints(max_length=64)],
        list[Annotated[str, StringConstraints(max_length=5000)]],
    ] = Field(default_factory=dict, max_length=500)

    @classmethod
    def new(
        cls,
        case: str,
        application: str | None,
        catalogue_version: str,
        now: datetime | None = None,
    ) -> Report:
        moment = aware(now or datetime.now().astimezone())
        return cls(
            case=case,
            application=application,
            catalogue_version=catalogue_version,
            created_at=moment,
            updated_at=moment,
        )

    def answer(self, field_id: str) -> AnswerValue | None:
        return self.answers.get(field_id)

    def set_answer(
        self,
        field_id: str,
        value: AnswerValue | datetime | tuple[str, ...] | None,
        now: datetime | None = None,
    ) -> None:
        """Store one answer (``None`` clears it) and mark the report as changed.

        A ``datetime`` is kept as ISO 8601 with its offset (a naive one is taken
        as local time). Raises ``ValueError`` for a value no field can hold.
        """
        if value is None:
            self.answers.pop(field_id, None)
        else:
            if isinstance(value, datetime):
                value = datetime_answer(value)
            elif isinstance(value, tuple):
                value = list(value)
            try:
                self.answers[field_id] = _ANSWER.validate_python(value)
            except ValidationError as exc:
                raise ValueError(f"unsupported answer for {field_id}") from exc
        self.touch(now)

    def touch(self, now: datetime | None = None) -> None:
        self.updated_at = aware(now or datetime.now().astimezone())


def aware(moment: datetime) -> datetime:
    """A timezone-aware datetime (a naive one is taken as local time)."""
    return moment if moment.tzinfo is not None else moment.astimezone()


def datetime_answer(moment: datetime) -> str:
    return aware(moment).isoformat(timespec="seconds")


def display_datetime(moment: datetime) -> str:
    """``dd/mm/yyyy HH:MM`` in the answer's own offset.

    Built by hand: ``strftime`` refuses some years on Windows.
    """
    return (
        f"{moment.day:02d}/{moment.month:02d}/{moment.year:04d} "
        f"{moment.hour:02d}:{moment.minute:02d}"
    )


def parse_datetime_answer(value: object) -> datetime | None:
    """The datetime an answer holds, or ``None`` when it holds none."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        return aware(datetime.fromisoformat(value))
    except (ValueError, OverflowError, OSError):
        return None


def parse_report(raw: bytes | str) -> Report:
    """Read a report saved as JSON; raises :class:`ReportError` in French."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and bad UTF-8
        raise ReportError(
            translate("report", "Ce signalement enregistré n'est pas lisible (fichier abîmé)."),
            details=type(exc).__name__,
        ) from exc
    try:
        return Report.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "racine"
        raise ReportError(
            translate(
                "report",
                "Ce signalement enregistré est incomplet ou abîmé (donnée « {where} ») : il "
                "ne peut pas être rouvert.",
            ).format(where=where),
            details=f"{where}: {first['type']}",
        ) from exc
    except RecursionError as exc:
        raise ReportError(
            translate("report", "Ce signalement enregistré n'est pas lisible (fichier abîmé)."),
            details="RecursionError",
        ) from exc
