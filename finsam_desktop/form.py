"""A förbund's form as data: structure, wording, roles and rules, read from a TOML file.

The pydantic draft model is built from this (``finsam_desktop.model``), and the wizard,
validation, the writers and the reader all follow it, so a new förbund's Slutrapport or
a new edition is a new file in ``resources/forms`` or in the user's forms folder
(``finsam_desktop.forms``), not new code. ``docs/forms.md`` describes the format.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

FieldKind = Literal[
    "text", "lines", "answer", "date", "daterange", "kronor", "phone", "email", "postnummer", "postort",
    "choice", "list", "table",
]
# How a list is printed: "" decides by its items (one item: a bullet list, more: a table).
ListLayout = Literal["", "table", "signatures"]
Severity = Literal["fel", "varning"]

DEFAULT_FORM = "gavleborg-slutrapport"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FieldSpec(_Frozen):
    """One question of the form. A ``list`` has rows of ``items``; a ``table`` has the fixed
    ``rows`` (labels) and typed columns ``items``, with a computed ``total`` row."""

    key: str
    label: str
    kind: FieldKind
    number: str = ""
    help: str = ""
    group: str = ""
    required: bool = False
    prompt: str = ""
    parts: dict[str, str] = {}
    choices: tuple[str, ...] = ()
    item_label: str = ""
    items: tuple[FieldSpec, ...] = ()
    layout: ListLayout = ""
    max_rows: int = 0
    signature_line: str = "Underskrift"
    row_header: str = ""
    rows: tuple[str, ...] = ()
    total: str = ""

    @property
    def name(self) -> str:
        """The label as a noun for messages: without the form's trailing colon."""
        return self.label.rstrip(": ").strip()

    @property
    def heading(self) -> str:
        """Number and label as the form prints them, e.g. ``4.1 Syfte och …:``."""
        return f"{self.number} {self.label}" if self.number else self.label

    @property
    def printed_layout(self) -> ListLayout:
        """How a list prints: as stated, else a table when a row has more than one item."""
        return self.layout or ("table" if len(self.items) > 1 else "")


class SectionSpec(_Frozen):
    """A numbered section; ``fields`` prints as a label/value table, ``questions`` one by one."""

    key: str
    number: str
    title: str
    fields: tuple[FieldSpec, ...]
    layout: Literal["questions", "fields"] = "questions"

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"


class Contact(_Frozen):
    name: str
    role: str
    email: str
    phone: str


class Forbund(_Frozen):
    name: str
    recipient: str
    website: str = ""
    send_instruction: str = ""
    purpose: str = ""
    footer: str = ""
    contacts_heading: str = ""
    contacts: tuple[Contact, ...] = ()


class FormInfo(_Frozen):
    id: str
    edition: str
    title: str
    subtitle: str
    instruction: str = ""


class OfficeBox(_Frozen):
    labels: tuple[str, ...]


class Roles(_Frozen):
    """Which field plays each part the rest of the app needs: file names, the e-mail, the
    drafts list, the profile and the office's compilation never name a field themselves.
    A path may point into the first row of a list (``medlemmar[0].organisation``); ``used``
    may be a table's column, whose sum is then the amount."""

    name: str
    organisation: str
    contact: str
    period: str
    granted: str
    used: str
    reporter_date: str
    contact_email: str = ""
    reporter_name: str = ""
    partners: str = ""
    profile: str = ""
    purpose: str = ""  # syfte, for the förbund's annual report
    target_group: str = ""
    goals: str = ""  # a list of goals and their results


class _Rule(_Frozen):
    severity: Severity = "fel"
    message: str


class DateOrder(_Rule):
    """``first`` is on or before ``then``; the problem stands at ``then``.
    Message fields: ``{first}``, ``{then}``."""

    kind: Literal["date_order"]
    first: str
    then: str


class NotFuture(_Rule):
    """A date that has not come yet. Message fields: ``{value}``, ``{today}``."""

    kind: Literal["not_future"]
    field: str


class AtMost(_Rule):
    """An amount (or a column's sum) no more than another. When ``explained_by`` is written,
    ``explained_message`` is shown as a varning instead. Message fields: ``{value}``, ``{limit}``."""

    kind: Literal["at_most"]
    field: str
    limit: str
    explained_by: str = ""
    explained_message: str = ""


class SumEquals(_Rule):
    """A column's sum equals a stated amount. Message fields: ``{sum}``, ``{value}``."""

    kind: Literal["sum_equals"]
    column: str
    field: str


class Case(_Frozen):
    field: str
    required: bool = True
    reason: str = ""
    hint: str = ""


class RequiredCase(_Rule):
    """Which answer is required depends on how two amounts compare (``left`` to ``right``):
    ``equal``, ``less`` or ``greater``. While an amount is missing, one of the answers must
    be written (``message`` at ``at``). The required answer's message is ``case_message``
    with ``{number}``, ``{label}`` and the case's ``{reason}``."""

    kind: Literal["required_case"]
    left: str
    right: str
    at: str
    equal: Case
    less: Case
    greater: Case
    case_message: str = ""
    unknown_hint: str = ""


Rule = Annotated[DateOrder | NotFuture | AtMost | SumEquals | RequiredCase, Field(discriminator="kind")]


class FormSpec(_Frozen):
    """A whole edition of one förbund's form."""

    form: FormInfo
    forbund: Forbund
    office_box: OfficeBox | None = None
    front_sections: int = 2
    roles: Roles
    rules: tuple[Rule, ...] = ()
    sections: tuple[SectionSpec, ...]

    @property
    def id(self) -> str:
        return self.form.id

    def fields(self) -> Iterator[tuple[str, FieldSpec, SectionSpec]]:
        """Every top-level field with its dotted path (``ansvarig.epost``)."""
        for section in self.sections:
            for spec in section.fields:
                yield field_path(section, spec), spec, section

    def field(self, path: str) -> FieldSpec:
        """The spec for a path such as ``ansvarig.epost`` or ``resultat.mal[2].resultat``."""
        head, _, item_key = path.partition("].")
        head = head.split("[", 1)[0]
        for candidate, spec, _section in self.fields():
            if candidate == head:
                if not item_key:
                    return spec
                return next(item for item in spec.items if item.key == item_key)
            if head.startswith(candidate + ".") and spec.kind in {"daterange", "list", "table"}:
                part = head[len(candidate) + 1 :]
                if part in spec.parts:
                    return spec.model_copy(update={"kind": "date", "label": spec.parts[part], "help": ""})
                return next(item for item in spec.items if item.key == part)
        raise KeyError(path)

    def section_of(self, path: str) -> SectionSpec:
        """The section a field path belongs to."""
        head = path.split("[", 1)[0].split(".", 1)[0]
        return next(section for section in self.sections if section.key == head)

    def has_path(self, path: str) -> bool:
        try:
            self.field(path)
        except (KeyError, StopIteration):
            return False
        return True

    def problems(self) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """What makes the form unusable though every entry has a known kind, with where it
        stands in the file: a key twice, a role or a rule naming a field the form lacks."""
        seen: set[str] = set()
        for section_index, section in enumerate(self.sections):
            for field_index, spec in enumerate(section.fields):
                where: tuple[str | int, ...] = ("sections", section_index, "fields", field_index)
                path = field_path(section, spec)
                if path in seen:
                    yield (*where, "key"), f"nyckeln ”{path}” finns två gånger"
                seen.add(path)
                if spec.kind == "choice" and not spec.choices:
                    yield where, f"fältet ”{path}” är ett val men saknar choices"
                if spec.kind in {"list", "table"} and not spec.items:
                    yield where, f"fältet ”{path}” saknar items (kolumner)"
                if spec.kind == "table" and not spec.rows:
                    yield where, f"tabellen ”{path}” saknar rows"
                keys = [item.key for item in spec.items]
                for key in sorted({key for key in keys if keys.count(key) > 1}):
                    yield where, f"nyckeln ”{key}” finns två gånger i ”{path}”"
        for role, path in self.roles.model_dump().items():
            known = any(section.key == path for section in self.sections) if role == "profile" else self.has_path(path)
            if path and not known:
                yield ("roles", role), f"rollen {role} pekar på ”{path}”, som inte finns i formuläret"
        for rule_index, rule in enumerate(self.rules):
            for name, path in _rule_paths(rule):
                if path and not self.has_path(path):
                    yield (
                        ("rules", rule_index, name.split(".")[0]),
                        f"regeln {rule.kind} har {name} = ”{path}”, som inte finns i formuläret",
                    )


def _rule_paths(rule: BaseModel) -> Iterator[tuple[str, str]]:
    for name, value in rule:
        if isinstance(value, Case):
            yield f"{name}.field", value.field
        elif isinstance(value, str) and name in {"first", "then", "field", "limit", "explained_by", "column", "left", "right"}:
            yield name, value


def field_path(section: SectionSpec, spec: FieldSpec) -> str:
    """A section that is one list (Samverkansparter) is addressed by its key alone."""
    return section.key if section.key == spec.key else f"{section.key}.{spec.key}"


def load_form(form_id: str = DEFAULT_FORM) -> FormSpec:
    """An installed form by its id (``KeyError`` if none is installed under it)."""
    from finsam_desktop.forms import installed_forms  # the registry is built from this module

    return installed_forms().forms[form_id]
