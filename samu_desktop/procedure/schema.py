"""The national procedure as data: cases, applications, fields, choices, conditions.

The catalogue file (``resources/procedure/catalogue.json``) is validated by these
models, so that a new version of the procedure is a data change. Structural rules
live on each model; rules that span several fields (ids, conditions, roles) are
checked once the whole catalogue is built, and name the case, application and
field at fault in French, because an administrator reads them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from samu_desktop.i18n import translate

FORMAT_VERSION = 1

FieldType = Literal[
    "datetime",
    "single_choice",
    "multi_choice",
    "yes_no",
    "number",
    "short_text",
    "long_text",
    "screenshots",
    "prerequisites_result",
]
# What the machine or the settings can fill in (see samu_desktop.report.autofill).
PrefillKey = Literal[
    "now", "browser", "browser_version", "os", "device_type", "environment", "auth_mode", "crra"
]
# A field the rest of the application needs to find whatever its id: the incident
# start (subject line, history), the free description (short title), and what the
# support desk triages on (the summary at the top of the e-mail, the subject's impact).
Role = Literal["start", "summary", "impact", "users", "reproducibility"]
ROLES: tuple[str, ...] = ("start", "summary", "impact", "users", "reproducibility")
Action = Literal["phone", "email", "local_it"]
Language = Literal["fr", "en"]

CHOICE_TYPES: frozenset[str] = frozenset({"single_choice", "multi_choice"})
TEXT_TYPES: frozenset[str] = frozenset({"short_text", "long_text"})
CONDITION_SOURCE_TYPES: frozenset[str] = CHOICE_TYPES | {"yes_no"}
YES_NO_VALUES: tuple[str, str] = ("yes", "no")
DEFAULT_MAX_LENGTH: dict[str, int] = {"short_text": 200, "long_text": 5000}

# Which field types each prefill key can fill: a choice (matched by id or alias)
# or plain text, or a date and time.
_PREFILL_TYPES: dict[str, frozenset[str]] = {
    "now": frozenset({"datetime"}),
    "browser": frozenset({"single_choice", "short_text"}),
    "browser_version": frozenset({"short_text"}),
    "os": frozenset({"short_text"}),
    "device_type": frozenset({"single_choice", "short_text"}),
    "environment": frozenset({"single_choice", "short_text"}),
    "auth_mode": frozenset({"single_choice", "short_text"}),
    "crra": frozenset({"short_text"}),
}

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
CaseId = Annotated[str, StringConstraints(pattern=r"^[A-Z]$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000)]


def _fail(message: str) -> PydanticCustomError:
    # A custom error keeps our French sentence as is (a ValueError would be
    # prefixed with "Value error, ").
    return PydanticCustomError("catalogue", message)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(_Model):
    """A text in French (the source) and English."""

    fr: Text
    en: Text

    def get(self, language: str) -> str:
        return self.en if language == "en" else self.fr


class Choice(_Model):
    id: Identifier
    label: Localized
    # Machine values (settings, probes) that mean this choice, for prefill:
    # e.g. the settings' "otp_sms" means the portal's "otp" choice.
    aliases: tuple[Annotated[str, StringConstraints(max_length=40)], ...] = ()


class Condition(_Model):
    """Show a field only when an earlier field has one of ``any_of``.

    For a yes/no field the values are ``"yes"`` and ``"no"``; for a multiple
    choice, any one of the ticked choices counts.
    """

    field: Identifier
    any_of: tuple[Identifier, ...] = Field(min_length=1)


class FieldDef(_Model):
    id: Identifier
    type: FieldType
    label: Localized
    help: Localized | None = None
    choices: tuple[Choice, ...] = ()
    required: bool = False
    max_length: int | None = Field(default=None, ge=1, le=20000)
    prefill: PrefillKey | None = None
    role: Role | None = None
    show_if: Condition | None = None

    @model_validator(mode="after")
    def _coherent(self) -> FieldDef:
        if self.type in CHOICE_TYPES:
            if len(self.choices) < 2:
                raise _fail(
                    translate("catalogue", "un champ à choix doit proposer au moins deux choix")
                )
            ids = [c.id for c in self.choices]
            if len(set(ids)) != len(ids):
                raise _fail(translate("catalogue", "deux choix portent le même identifiant"))
        elif self.choices:
            raise _fail(
                translate("catalogue", "le type « {type} » n'accepte pas de liste de choix").format(
                    type=self.type
                )
            )
        if self.max_length is not None and self.type not in TEXT_TYPES:
            raise _fail(
                translate("catalogue", "le type « {type} » n'accepte pas de longueur maximale")
                .format(type=self.type)
            )
        if self.type in TEXT_TYPES and self.max_length is None:
            object.__setattr__(self, "max_length", DEFAULT_MAX_LENGTH[self.type])
        if self.prefill is not None and self.type not in _PREFILL_TYPES[self.prefill]:
            raise _fail(
                translate(
                    "catalogue",
                    "le pré-remplissage « {prefill} » ne convient pas au type « {type} »",
                ).format(prefill=self.prefill, type=self.type)
            )
        if self.role == "start" and self.type != "datetime":
            raise _fail(
                translate("catalogue", "le champ de début d'incident doit être de type datetime")
            )
        if self.role == "summary" and self.type not in TEXT_TYPES:
            raise _fail(translate("catalogue", "le champ de description doit être un texte"))
        return self

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)

    def condition_values(self) -> tuple[str, ...]:
        """The values a condition on this field may test."""
        if self.type == "yes_no":
            return YES_NO_VALUES
        return tuple(c.id for c in self.choices)


class Application(_Model):
    """One application of case B, with the questions the procedure asks about it."""

    id: Identifier
    name: Localized
    short_name: Localized
    fields: tuple[FieldDef, ...] = Field(min_length=1)


class Case(_Model):
    id: CaseId
    title: Localized
    guidance: Localized
    action: Action
    # Asked whatever the application (before the application's own fields).
    fields: tuple[FieldDef, ...] = ()
    applications: tuple[Application, ...] = ()

    def application(self, application_id: str | None) -> Application | None:
        return next((a for a in self.applications if a.id == application_id), None)


class Catalogue(_Model):
    format: Literal[1]
    version: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z.+-]{0,39}$")]
    title: Localized
    cases: tuple[Case, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _coherent(self) -> Catalogue:
        problem = next(iter(_cross_checks(self)), None)
        if problem is not None:
            raise _fail(problem)
        return self

    # -- lookups for the wizard and the report ----------------------------
    def get_case(self, case_id: str) -> Case | None:
        return next((c for c in self.cases if c.id == case_id), None)

    def scopes(self) -> Iterator[tuple[Case, Application | None]]:
        """Every form the catalogue defines: one per case, or one per application."""
        for case in self.cases:
            if case.applications:
                for app in case.applications:
                    yield case, app
            else:
                yield case, None

    def fields_for(self, case_id: str, application_id: str | None = None) -> tuple[FieldDef, ...]:
        """The questions of one form in the procedure's order (empty if unknown).

        A case with applications has no form of its own: ``application_id`` is
        required there, and must be ``None`` for the other cases.
        """
        case = self.get_case(case_id)
        if case is None:
            return ()
        if not case.applications:
            return case.fields if application_id is None else ()
        app = case.application(application_id)
        return () if app is None else case.fields + app.fields

    def field_with_role(
        self, case_id: str, application_id: str | None, role: Role
    ) -> FieldDef | None:
        return next((f for f in self.fields_for(case_id, application_id) if f.role == role), None)


def _where(case: Case, app: Application | None) -> str:
    if app is None:
        return translate("catalogue", "cas {case}").format(case=case.id)
    return translate("catalogue", "cas {case}, application « {app} »").format(
        case=case.id, app=app.id
    )


def _cross_checks(catalogue: Catalogue) -> Iterator[str]:
    """Rules that span fields, one French sentence per problem found."""
    case_ids = [c.id for c in catalogue.cases]
    for dup in sorted({i for i in case_ids if case_ids.count(i) > 1}):
        yield translate("catalogue", "le cas « {case} » est défini deux fois").format(case=dup)
    for case in catalogue.cases:
        app_ids = [a.id for a in case.applications]
        for dup in sorted({i for i in app_ids if app_ids.count(i) > 1}):
            yield translate(
                "catalogue", "cas {case} : l'application « {app} » est définie deux fois"
            ).format(case=case.id, app=dup)
    for case, app in catalogue.scopes():
        yield from _scope_checks(case, app, case.fields + (app.fields if app else ()))


def _scope_checks(
    case: Case, app: Application | None, fields: tuple[FieldDef, ...]
) -> Iterator[str]:
    where = _where(case, app)
    seen: dict[str, FieldDef] = {}
    for index, f in enumerate(fields):
        here = translate("catalogue", "{where}, champ « {field} »").format(where=where, field=f.id)
        if f.id in seen:
            yield translate(
                "catalogue", "{here} : cet identifiant est déjà utilisé dans ce formulaire"
            ).format(here=here)
        if f.show_if is not None:
            yield from _condition_checks(here, f, f.show_if, seen, fields[index + 1 :])
        seen.setdefault(f.id, f)
    for role in ROLES:
        holders = [f.id for f in fields if f.role == role]
        if len(holders) > 1:
            yield translate(
                "catalogue", "{where} : plusieurs champs ont le rôle « {role} » ({fields})"
            ).format(where=where, role=role, fields=", ".join(holders))
    if not any(f.role == "start" for f in fields):
        yield translate(
            "catalogue", "{where} : aucun champ n'a le rôle « start » (date et heure de début)"
        ).format(where=where)


def _condition_checks(
    here: str,
    f: FieldDef,
    cond: Condition,
    earlier: dict[str, FieldDef],
    later: tuple[FieldDef, ...],
) -> Iterator[str]:
    source = earlier.get(cond.field)
    if cond.field == f.id:
        yield translate("catalogue", "{here} : la condition porte sur le champ lui-même").format(
            here=here
        )
    elif source is None and any(g.id == cond.field for g in later):
        yield translate(
            "catalogue",
            "{here} : la condition porte sur le champ « {source} », qui doit être placé avant",
        ).format(here=here, source=cond.field)
    elif source is None:
        yield translate(
            "catalogue", "{here} : la condition porte sur le champ inconnu « {source} »"
        ).format(here=here, source=cond.field)
    elif source.type not in CONDITION_SOURCE_TYPES:
        yield translate(
            "catalogue", "{here} : la condition porte sur « {source} », qui n'est pas un choix"
        ).format(here=here, source=cond.field)
    else:
        allowed = source.condition_values()
        for value in cond.any_of:
            if value not in allowed:
                yield translate(
                    "catalogue",
                    "{here} : la condition attend la valeur « {value} », que le champ "
                    "« {source} » ne propose pas",
                ).format(here=here, value=value, source=cond.field)
