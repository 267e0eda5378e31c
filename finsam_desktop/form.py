"""The form's structure and wording, read from its data file in ``resources/forms``.

The pydantic model holds what a reporter types; this module holds what the form says
around it (numbers, labels, help texts, the förbund's details). Wizard pages,
validation messages and the Word export all read their wording from here.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from finsam_desktop.resources import resource

FieldKind = Literal[
    "text", "lines", "answer", "date", "daterange", "kronor", "phone", "email", "postnummer", "postort",
    "choice", "list",
]

DEFAULT_FORM = "gavleborg-slutrapport"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FieldSpec(_Frozen):
    """One question of the form; ``items`` describe one row when ``kind`` is list."""

    key: str
    label: str
    kind: FieldKind
    number: str = ""
    help: str = ""
    group: str = ""
    required: bool = False
    parts: dict[str, str] = {}
    choices: tuple[str, ...] = ()
    item_label: str = ""
    items: tuple[FieldSpec, ...] = ()

    @property
    def name(self) -> str:
        """The label as a noun for messages: without the form's trailing colon."""
        return self.label.rstrip(": ").strip()

    @property
    def heading(self) -> str:
        """Number and label as the form prints them, e.g. ``4.1 Syfte och …:``."""
        return f"{self.number} {self.label}" if self.number else self.label


class SectionSpec(_Frozen):
    key: str
    number: str
    title: str
    fields: tuple[FieldSpec, ...]

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
    website: str
    send_instruction: str
    purpose: str
    footer: str
    contacts_heading: str
    contacts: tuple[Contact, ...]


class FormInfo(_Frozen):
    id: str
    edition: str
    title: str
    subtitle: str
    instruction: str


class OfficeBox(_Frozen):
    labels: tuple[str, ...]


class FormSpec(_Frozen):
    """A whole edition of the form."""

    form: FormInfo
    forbund: Forbund
    office_box: OfficeBox
    sections: tuple[SectionSpec, ...]

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
        raise KeyError(path)

    def section_of(self, path: str) -> SectionSpec:
        """The section a field path belongs to."""
        head = path.split("[", 1)[0].split(".", 1)[0]
        return next(section for section in self.sections if section.key == head)


def field_path(section: SectionSpec, spec: FieldSpec) -> str:
    """A section that is one list (Samverkansparter) is addressed by its key alone."""
    return section.key if section.key == spec.key else f"{section.key}.{spec.key}"


@cache
def load_form(form_id: str = DEFAULT_FORM) -> FormSpec:
    """Read and check the form's data file; cached, since it never changes at run time."""
    data = tomllib.loads(resource("forms", f"{form_id}.toml").read_text(encoding="utf-8"))
    return FormSpec.model_validate(data)
