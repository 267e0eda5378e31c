# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A förbund's form as data: structure, wording, roles and rules, read from a TOML file.

The pydantic draft model is built from this (``finsam_desktop.model``), and the wizard,
validation, the writers and the reader all follow it, so a new förbund's Slutrapport or
a new edition is a new file in ``resources/forms`` or in the user's forms folder
(``finsam_desktop.forms.registry``), not new code. ``docs/forms.md`` describes the format.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from pydantic import Field

from finsam_desktop.forms.heading import DEFAULT_FORM
from finsam_desktop.forms.kinds import FieldBase, FieldSpec, RowsBase, TableSpec
from finsam_desktop.forms.kinds.base import Frozen
from finsam_desktop.forms.paths import FieldPath, InvalidPath
from finsam_desktop.forms.rules import Rule


class SectionSpec(Frozen):
    """A numbered section; ``fields`` prints as a label/value table, ``questions`` one by one."""

    key: str
    number: str
    title: str
    fields: tuple[FieldSpec, ...] = Field(min_length=1)
    layout: Literal["questions", "fields"] = "questions"

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def path(self) -> FieldPath:
        return FieldPath.of(self.key)

    @property
    def is_one_list(self) -> bool:
        """A section that is one list (Samverkansparter) is addressed by its key alone."""
        return len(self.fields) == 1 and self.fields[0].key == self.key

    def field_path(self, spec: FieldBase) -> FieldPath:
        return self.path if self.is_one_list else self.path.child(spec.key)


class Contact(Frozen):
    name: str
    role: str
    email: str
    phone: str


class Forbund(Frozen):
    name: str
    recipient: str
    website: str = ""
    send_instruction: str = ""
    purpose: str = ""
    footer: str = ""
    contacts_heading: str = ""  # above the contacts: "Kontakt" unless the form says
    contacts: tuple[Contact, ...] = ()


class FormInfo(Frozen):
    id: str
    edition: str
    title: str
    subtitle: str
    instruction: str = ""
    example: bool = False  # a form to show what the app can do, never offered to a reporter


class OfficeBox(Frozen):
    labels: tuple[str, ...] = Field(min_length=1)
    caption: str = "Fylls i av samordningsförbundet"


class Roles(Frozen):
    """Which field plays each part the rest of the app needs: file names, the e-mail, the
    drafts list, the profile and the office's compilation never name a field themselves.
    A path may point into the first row of a list (``parter[0].namn``); an amount
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
    partners: str = ""  # a list's column
    profile: tuple[str, ...] = ()  # the reporter's own details, remembered for the next report
    purpose: str = ""  # syfte, for the förbund's annual report
    target_group: str = ""
    comment: str = ""
    women: str = ""  # participants by kön: a number, or a table's column (its sum)
    men: str = ""
    goals: str = ""  # a list of goals and their results
    goal: str = ""  # its column with the goal, the result, and whether it was reached
    result: str = ""
    reached: str = ""


class Carry(Frozen):
    """How a draft of an earlier edition is carried into this one: fields renamed or moved
    (old path → new path) and fields this edition no longer has."""

    edition: str
    renamed: dict[str, str] = Field(default_factory=dict)
    dropped: tuple[str, ...] = ()


@dataclass(frozen=True)
class FieldNode:
    """Where a field stands in the form: its path (rows left out), its spec, its section,
    the top-level field it belongs to and its place in reading order."""

    path: FieldPath
    spec: FieldBase
    section: SectionSpec
    top: FieldPath
    order: int


class FormSpec(Frozen):
    """A whole edition of one förbund's form."""

    form: FormInfo
    forbund: Forbund
    office_box: OfficeBox | None = None
    front_sections: int = Field(default=2, ge=0)
    roles: Roles
    rules: tuple[Rule, ...] = ()
    carry: tuple[Carry, ...] = ()
    sections: tuple[SectionSpec, ...] = Field(min_length=1)

    @property
    def id(self) -> str:
        return self.form.id

    @property
    def edition(self) -> str:
        return self.form.edition

    @cached_property
    def nodes(self) -> dict[FieldPath, FieldNode]:
        """Every field, its columns and parts, by path."""
        found: dict[FieldPath, FieldNode] = {}

        def add(path: FieldPath, spec: FieldBase, section: SectionSpec, top: FieldPath) -> None:
            found.setdefault(path, FieldNode(path, spec, section, top, len(found)))
            for key, child in spec.children():
                add(path.child(key), child, section, top)

        for section in self.sections:
            for spec in section.fields:
                path = section.field_path(spec)
                add(path, spec, section, path)
        return found

    def fields(self) -> Iterator[tuple[FieldPath, FieldBase, SectionSpec]]:
        """Every top-level field with its path (``avsnitt.epost``), in the form's order."""
        for section in self.sections:
            for spec in section.fields:
                yield section.field_path(spec), spec, section

    def node(self, path: FieldPath) -> FieldNode:
        """Where ``path`` (with or without row numbers) stands; ``KeyError`` when nowhere."""
        return self.nodes[path.without_rows]

    def spec_at(self, path: FieldPath) -> FieldBase:
        return self.node(path).spec

    def has(self, path: FieldPath) -> bool:
        return path.without_rows in self.nodes

    def has_text(self, text: str) -> bool:
        try:
            return self.has(FieldPath.parse(text))
        except InvalidPath:
            return False

    def section_of(self, path: FieldPath) -> SectionSpec:
        """The section a field path belongs to."""
        return next(section for section in self.sections if section.key == path.section)

    def column(self, path: FieldPath) -> tuple[FieldPath, FieldPath] | None:
        """``(rows path, path in a row)`` when ``path`` names a whole column of a list or
        table (``avsnitt.tabell.kolumn``) rather than one cell."""
        top = self.node(path).top
        if not isinstance(self.spec_at(top), RowsBase) or len(path.steps) <= len(top.steps):
            return None
        if isinstance(path.steps[len(top.steps)], int):
            return None
        return top, path.relative_to(top)

    def fixed_tables(self) -> tuple[tuple[FieldPath, int], ...]:
        return tuple((path, len(spec.rows)) for path, spec, _section in self.fields() if isinstance(spec, TableSpec))

    def position(self, path: FieldPath) -> tuple[int, tuple[int, ...]]:
        """Where a field stands in reading order: its top field, then its row numbers."""
        try:
            node = self.node(path)
        except KeyError:
            section = next((index for index, each in enumerate(self.sections) if each.key == path.section), 0)
            first = next((n.order for n in self.nodes.values() if n.section is self.sections[section]), 0)
            return first, path.rows
        return self.nodes[node.top].order, path.rows

    def paths(self, text: str) -> FieldPath:
        """A path written in the form file (roles, rules)."""
        return FieldPath.parse(text)


def load_form(form_id: str = DEFAULT_FORM, edition: str = "") -> FormSpec:
    """An installed form by its id, in ``edition`` or the newest one (``KeyError`` if none)."""
    from finsam_desktop.forms.registry import installed_forms  # the registry is built from this module

    return installed_forms().get(form_id, edition)
