# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A draft as a neutral description of the printed report.

The Word writer and the on-screen/PDF renderer both draw this structure, so the two
cannot drift apart. The form says what is printed and in which order (its front page,
sections and their layout); each field's kind says how it prints (``forms.kinds``):
amounts as ``625 000 kr``, dates as ``åååå-mm-dd``, free text as paragraphs and lists,
tables with their computed values. A field hidden by its condition is not printed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from finsam_desktop.document.blocks import (
    CHECKED,
    UNCHECKED,
    UNPRINTABLE,
    Block,
    Choice,
    FieldTable,
    GridTable,
    Heading,
    ListBlock,
    OfficeBox,
    PageBreak,
    Paragraph,
    Title,
    breaks,
    free_text_blocks,
    printable,
)
from finsam_desktop.forms.kinds import FieldBase
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import has_errors
from finsam_desktop.forms.spec import FormSpec, SectionSpec
from finsam_desktop.forms.values import Values
from finsam_desktop.model import Report, all_texts
from finsam_desktop.roles import form_of, role_text
from finsam_desktop.validation import validate

DRAFT_MARK = "UTKAST – inte slutlig version"
PROPERTY_LIMIT = 255


@dataclass
class ReportDocument:
    """Everything a renderer needs: metadata, the blocks in order, the page furniture."""

    title: str
    author: str
    blocks: list[Block]
    footer: str
    draft_mark: str = ""
    replaced_characters: int = 0


class _Builder:
    """Lays the report out; what field kinds may ask while printing (``Printing``)."""

    def __init__(self, draft: Report, form: FormSpec, office: Mapping[str, str]) -> None:
        self.values = Values(draft, form)
        self.form = form
        self.office = office
        self.blocks: list[Block] = []
        self.section_title = ""

    # --- what kinds ask ----------------------------------------------------------

    def printed(self, path: FieldPath) -> str:
        return printable(self.values.printed(path))

    def number(self, path: FieldPath) -> int | float | None:
        return self.values.number(path)

    def is_shown(self, path: FieldPath, spec: FieldBase) -> bool:
        return self.values.is_shown(path, spec)

    def node(self, path: FieldPath) -> Any:
        return self.values.node(path)

    def holds(self, expression: str, path: FieldPath) -> bool:
        return self.values.holds(expression, path)

    # --- the report --------------------------------------------------------------

    def front_page(self) -> None:
        form = self.form
        self.blocks.append(Title(form.form.title, form.form.subtitle))
        if form.form.instruction:
            self.blocks.append(Paragraph(form.form.instruction))
        if form.office_box is not None:
            box = form.office_box
            values = tuple(printable(self.office.get(label, "")) for label in box.labels)
            self.blocks.append(OfficeBox(box.caption, box.labels, values))

    def contacts(self) -> None:
        forbund = self.form.forbund
        self.blocks += [Paragraph(text) for text in (forbund.send_instruction, forbund.purpose) if text]
        if forbund.contacts:
            self.blocks.append(Heading(forbund.contacts_heading or "Kontakt", 2))
            self.blocks.append(
                FieldTable(tuple((f"{c.name}, {c.role}", f"{c.email}\nTfn: {c.phone}") for c in forbund.contacts))
            )

    def section(self, section: SectionSpec) -> None:
        self.blocks.append(Heading(section.heading, 1))
        self.section_title = section.title
        rows: list[tuple[str, str]] = []
        for spec in section.fields:
            path = section.field_path(spec)
            if not self.values.is_shown(path, spec):
                continue
            row = spec.row_text(path, self) if section.layout == "fields" else None
            if row is not None:
                rows.append((spec.label, row))
                continue
            if rows:
                self.blocks.append(FieldTable(tuple(rows)))
                rows = []
            if spec.case is not None:  # one of several cases, ticked when it applies
                self.blocks.append(Choice(spec.case.heading, self.values.holds(spec.case.applies_if, path)))
            self.blocks += spec.blocks(path, self, level=3 if spec.case is not None else 2)
        if rows:
            self.blocks.append(FieldTable(tuple(rows)))

    def build(self) -> list[Block]:
        self.front_page()
        front = min(self.form.front_sections, len(self.form.sections))
        for section in self.form.sections[:front]:
            self.section(section)
        self.contacts()
        if front:
            self.blocks.append(PageBreak())
        for section in self.form.sections[front:]:
            self.section(section)
        return self.blocks


def _property_text(text: str) -> str:
    """One line that fits a document property (Word allows 255 characters)."""
    line = " ".join(text.split())
    return line if len(line) <= PROPERTY_LIMIT else line[: PROPERTY_LIMIT - 1].rstrip() + "…"


def build_document(draft: Report, office: Mapping[str, str] | None = None, form: FormSpec | None = None) -> ReportDocument:
    """The report as printed. A draft with any ``fel`` is marked UTKAST on every page.
    ``form`` is the draft's own, given for a form not yet installed (a mall's preview)."""
    form = form or form_of(draft)
    blocks = _Builder(draft, form, office or {}).build()
    name = UNPRINTABLE.sub("", role_text(draft, "name", form)).strip()
    return ReportDocument(
        title=_property_text(f"{form.form.title} – {name}" if name else form.form.title),
        author=_property_text(UNPRINTABLE.sub("", role_text(draft, "contact", form))),
        blocks=blocks,
        footer=form.forbund.footer,
        draft_mark=DRAFT_MARK if has_errors(validate(draft, form=form)) else "",
        replaced_characters=sum(len(UNPRINTABLE.findall(breaks(text))) for text in all_texts(draft)),
    )


def _lines(block: Block) -> list[str]:
    match block:
        case Title(title, subtitle):
            return [title, subtitle]
        case Heading(text) | Paragraph(text):
            return text.split("\n")
        case ListBlock(items, numbers):
            return [
                line
                for index, item in enumerate(items)
                for line in f"{numbers[index] + ' ' if numbers else ''}{item}".split("\n")
            ]
        case FieldTable(rows):
            return [line for label, value in rows for line in [label, *value.split("\n")]]
        case GridTable(header, rows, _widths, total):
            cells = [block for row in rows for cell in row for block in free_text_blocks(cell)]
            return [*header, *(line for block in cells for line in _lines(block)), *total]
        case OfficeBox(caption, labels, values):
            return [caption, *labels, *(value for value in values if value)]
        case Choice(text, checked):
            return [f"{CHECKED if checked else UNCHECKED} {text}"]
    return []


def plain_text(document: ReportDocument) -> list[str]:
    """The document's visible text, one entry per line, the same for every renderer. A goal's
    cells hold paragraphs and lists like an answer does."""
    return [line.strip() for block in document.blocks for line in _lines(block) if line.strip()]


def shown_value(draft: Report, path: FieldPath) -> str:
    """A field as printed: the canonical form when understood, else exactly as typed."""
    return Values(draft, form_of(draft)).printed(path)
