"""A draft as a neutral description of the printed report.

The Word writer and the on-screen/PDF renderer both draw this structure, so the two
cannot drift apart. Building it is where the report's presentation rules live: the
form's wording and layout from the form data, amounts as ``625 000 kr``, dates as
``åååå-mm-dd``, free text split into paragraphs and lists, ☒/☐ for the case the amounts
point to (Gävleborg's section 7), tables with their computed sums, and text
cleaned of characters a document cannot hold (the draft itself keeps them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from finsam_desktop.form import FieldSpec, FormSpec
from finsam_desktop.model import Entry, Report, text_of, value_at
from finsam_desktop.parsing import format_kronor
from finsam_desktop.roles import form_of, role_text
from finsam_desktop.rules import amount, applying_case
from finsam_desktop.validation import UNPRINTABLE, has_errors, validate

CHECKED, UNCHECKED = "☒", "☐"
DRAFT_MARK = "UTKAST – inte slutlig version"
PROPERTY_LIMIT = 255
OFFICE_CAPTION = "Fylls i av Samordningsförbundet"
_LIST_MARK = re.compile(r"^\s*(?:[-•*–]|([0-9]{1,2})[.)])\s+")


@dataclass(frozen=True)
class Title:
    title: str
    subtitle: str


@dataclass(frozen=True)
class Heading:
    text: str
    level: Literal[1, 2, 3]


@dataclass(frozen=True)
class Paragraph:
    """Text that may hold line breaks; ``style`` says how it reads."""

    text: str
    style: Literal["body", "help", "label", "small", "empty"] = "body"


@dataclass(frozen=True)
class ListBlock:
    """Bullet items, or numbered ones keeping the numbers the writer typed."""

    items: tuple[str, ...]
    numbers: tuple[str, ...] = ()


@dataclass(frozen=True)
class FieldTable:
    """Label/value rows, as sections 1, 2 and 8 of the form are laid out."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class GridTable:
    """A table with a header row: a list's rows (goals) or a table's fixed rows and its
    computed ``total`` row; ``widths`` are per cent of the text width. Cells hold free text."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]
    total: tuple[str, ...] = ()


@dataclass(frozen=True)
class OfficeBox:
    """Boxes the förbund fills in on arrival: empty, or what it wrote in an earlier copy."""

    labels: tuple[str, ...]
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Choice:
    """One case of section 7, a heading ticked when it is the one that applies."""

    text: str
    checked: bool


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Title | Heading | Paragraph | ListBlock | FieldTable | GridTable | OfficeBox | Choice | PageBreak


@dataclass
class ReportDocument:
    """Everything a renderer needs: metadata, the blocks in order, the page furniture."""

    title: str
    author: str
    blocks: list[Block]
    footer: str
    draft_mark: str = ""
    replaced_characters: int = 0


def _breaks(text: str) -> str:
    """Word's manual line break (vertical tab) and page break (form feed), pasted along with
    text, become a line break and a paragraph break: never deleted, never run together."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n\n")


def _printable(text: str) -> str:
    """User text as a document can hold it: no control characters, one kind of line break."""
    return UNPRINTABLE.sub("", _breaks(text))


def free_text_blocks(text: str) -> list[Block]:
    """Paragraphs at blank lines; lines starting with ``-``, ``•``, ``*`` or ``1.`` as lists."""
    blocks: list[Block] = []
    lines: list[str] = []
    items: list[tuple[str, str]] = []

    def flush_paragraph() -> None:
        if lines:
            blocks.append(Paragraph("\n".join(lines)))
            lines.clear()

    def flush_list() -> None:
        if items:
            numbers = tuple(number for number, _ in items)
            blocks.append(ListBlock(tuple(item for _, item in items), numbers if all(numbers) else ()))
            items.clear()

    for line in text.split("\n"):
        mark = _LIST_MARK.match(line)
        if mark:
            flush_paragraph()
            items.append((f"{mark.group(1)}." if mark.group(1) else "", line[mark.end() :].rstrip()))
        elif not line.strip():
            flush_paragraph()
            flush_list()
        else:
            flush_list()
            lines.append(line.rstrip())
    flush_paragraph()
    flush_list()
    return blocks


def shown_value(node: object) -> str:
    """A field as printed: the canonical form when understood, else exactly as typed."""
    if isinstance(node, Entry):
        parsed = node.parsed()
        return parsed.text if parsed.ok else node.raw.strip()
    return text_of(node).strip()


NARROW = {"choice": 16, "kronor": 22, "date": 18, "postnummer": 14, "phone": 22}


def _widths(kinds: list[str]) -> tuple[int, ...]:
    """Column widths in per cent: short values narrow, texts share what is left."""
    fixed = sum(NARROW.get(kind, 0) for kind in kinds)
    wide = [kind for kind in kinds if kind not in NARROW]
    share = (100 - fixed) // len(wide) if wide else 0
    widths = [NARROW.get(kind, share) for kind in kinds]
    widths[-1 if kinds[-1] not in NARROW else 0] += 100 - sum(widths)
    if len(wide) == 2 and kinds[0] not in NARROW:  # a goal and its longer result: 39/45 as the mall has them
        first, second = (index for index, kind in enumerate(kinds) if kind not in NARROW)
        widths[first], widths[second] = widths[first] - 3, widths[second] + 3
    return tuple(widths)


class _Builder:
    def __init__(self, draft: Report, form: FormSpec, office: Mapping[str, str]) -> None:
        self.draft = draft
        self.form = form
        self.office = office
        self.blocks: list[Block] = []

    def value(self, path: str) -> str:
        return _printable(shown_value(value_at(self.draft, path)))

    def row_value(self, path: str, spec: FieldSpec) -> str:
        if spec.kind == "daterange":
            start, slut = (self.value(f"{path}.{part}") for part in spec.parts)
            return f"{start} – {slut}" if start or slut else ""
        return self.value(path)

    def field_rows(self, section_key: str) -> None:
        """A section laid out as label/value rows; its lists and tables follow the rows."""
        rows: list[tuple[str, str]] = []
        for path, spec, section in self.form.fields():
            if section.key != section_key:
                continue
            if spec.kind in {"list", "table"}:
                if rows:
                    self.blocks.append(FieldTable(tuple(rows)))
                    rows = []
                self.repeating(path, spec)
            else:
                rows.append((spec.label, self.row_value(path, spec)))
        if rows:
            self.blocks.append(FieldTable(tuple(rows)))

    def question(self, spec: FieldSpec, answer: str, level: Literal[2, 3] = 2) -> None:
        self.blocks.append(Heading(spec.heading, level) if spec.number else Paragraph(spec.label, "label"))
        if spec.help:
            self.blocks.append(Paragraph(spec.help, "help"))
        written = _printable(answer).strip("\n")
        self.blocks.extend(free_text_blocks(written) if written.strip() else [Paragraph("", "empty")])

    def front_page(self) -> None:
        form = self.form
        self.blocks.append(Title(form.form.title, form.form.subtitle))
        if form.form.instruction:
            self.blocks.append(Paragraph(form.form.instruction))
        if form.office_box is not None:
            labels = form.office_box.labels
            self.blocks.append(OfficeBox(labels, tuple(_printable(self.office.get(label, "")) for label in labels)))

    def contacts(self) -> None:
        forbund = self.form.forbund
        self.blocks += [Paragraph(text) for text in (forbund.send_instruction, forbund.purpose) if text]
        if forbund.contacts:
            self.blocks.append(Heading(forbund.contacts_heading or "Kontakt", 2))
            self.blocks.append(
                FieldTable(tuple((f"{c.name}, {c.role}", f"{c.email}\nTfn: {c.phone}") for c in forbund.contacts))
            )

    def section(self, index: int) -> None:
        section = self.form.sections[index]
        self.blocks.append(Heading(section.heading, 1))
        if section.layout == "fields":
            self.field_rows(section.key)
            return
        for path, spec, _section in self.form.fields():
            if _section.key != section.key:
                continue
            if spec.kind in {"list", "table"}:
                self.repeating(path, spec)
            elif spec.group:
                self.case_answer(spec, path)
            else:
                self.question(spec, text_of(value_at(self.draft, path)))

    def repeating(self, path: str, spec: FieldSpec) -> None:
        """A list or a table, as its layout says."""
        rows = value_at(self.draft, path)
        if spec.kind == "table":
            self.fixed_table(spec, rows)
        elif spec.printed_layout == "signatures":
            self.signatures(spec, rows)
        elif spec.printed_layout == "table":
            if not self.repeats_heading(spec):
                self.blocks.append(Heading(spec.heading, 2) if spec.number else Paragraph(spec.label, "label"))
            if spec.help:
                self.blocks.append(Paragraph(spec.help, "help"))
            header = tuple(item.label for item in spec.items)
            cells = tuple(tuple(self.value(f"{path}[{index}].{item.key}") for item in spec.items) for index in range(len(rows)))
            self.blocks.append(GridTable(header, cells, _widths([item.kind for item in spec.items])))
        else:
            item = spec.items[0]
            self.blocks.append(Paragraph(item.label, "label"))
            names = [self.value(f"{path}[{index}].{item.key}") for index in range(len(rows))]
            self.blocks.append(ListBlock(tuple(name for name in names if name)))

    def repeats_heading(self, spec: FieldSpec) -> bool:
        """A section that is one list says its title once, not again as the list's label."""
        last = self.blocks[-1] if self.blocks else None
        return isinstance(last, Heading) and not spec.number and last.text.endswith(f". {spec.label}")

    def fixed_table(self, spec: FieldSpec, rows: list[object]) -> None:
        if spec.number:
            self.blocks.append(Heading(spec.heading, 2))
        if spec.help:
            self.blocks.append(Paragraph(spec.help, "help"))
        labels = list(spec.rows) + [f"Rad {index + 1}" for index in range(len(spec.rows), len(rows))]
        path = self.table_path(spec)
        cells = tuple(
            (label, *(self.value(f"{path}[{index}].{item.key}") for item in spec.items)) for index, label in enumerate(labels)
        )
        total: tuple[str, ...] = ()
        if spec.total:
            sums = [amount(self.draft, self.form, f"{path}.{item.key}") for item in spec.items]
            total = (spec.total, *(format_kronor(value) if value is not None else "" for value in sums))
        header = (spec.row_header, *(item.label for item in spec.items))
        self.blocks.append(GridTable(header, cells, _widths(["text", *(item.kind for item in spec.items)]), total))

    def table_path(self, spec: FieldSpec) -> str:
        return next(path for path, candidate, _section in self.form.fields() if candidate is spec)

    def signatures(self, spec: FieldSpec, rows: list[object]) -> None:
        """One block per signer, with an empty line to sign on; one empty block when none."""
        if spec.number:
            self.blocks.append(Heading(spec.heading, 2))
        if spec.help:
            self.blocks.append(Paragraph(spec.help, "help"))
        path = self.table_path(spec)
        for index in range(max(1, len(rows))):
            values = [
                (item.label, self.value(f"{path}[{index}].{item.key}") if index < len(rows) else "") for item in spec.items
            ]
            self.blocks.append(FieldTable((*values, (spec.signature_line, ""))))

    def case_answer(self, spec: FieldSpec, path: str) -> None:
        case = applying_case(self.draft, self.form)
        applies = case is not None and case.field == path
        self.blocks.append(Choice(spec.group, applies))  # 7.1 and 7.2 are headings, 7.1.1 and 7.2.1 under them
        self.question(spec, text_of(value_at(self.draft, path)), level=3)

    def build(self) -> list[Block]:
        self.front_page()
        front = min(self.form.front_sections, len(self.form.sections))
        for index in range(front):
            self.section(index)
        self.contacts()
        if front:
            self.blocks.append(PageBreak())
        for index in range(front, len(self.form.sections)):
            self.section(index)
        return self.blocks


def _property_text(text: str) -> str:
    """One line that fits a document property (Word allows 255 characters)."""
    line = " ".join(text.split())
    return line if len(line) <= PROPERTY_LIMIT else line[: PROPERTY_LIMIT - 1].rstrip() + "…"


def _draft_texts(node: object) -> Iterator[str]:
    """Every text typed in the draft, once each."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, Entry):
        yield node.raw
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _draft_texts(getattr(node, name))
    elif isinstance(node, list):
        for item in node:
            yield from _draft_texts(item)


def build_document(draft: Report, office: Mapping[str, str] | None = None) -> ReportDocument:
    """The report as printed. A draft with any ``fel`` is marked UTKAST on every page."""
    form = form_of(draft)
    builder = _Builder(draft, form, office or {})
    blocks = builder.build()
    name = UNPRINTABLE.sub("", role_text(draft, "name")).strip()
    return ReportDocument(
        title=_property_text(f"{form.form.title} – {name}" if name else form.form.title),
        author=_property_text(UNPRINTABLE.sub("", role_text(draft, "contact"))),
        blocks=blocks,
        footer=form.forbund.footer,
        draft_mark=DRAFT_MARK if has_errors(validate(draft)) else "",
        replaced_characters=sum(len(UNPRINTABLE.findall(_breaks(text))) for text in _draft_texts(draft)),
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
        case OfficeBox(labels, values):
            return [OFFICE_CAPTION, *labels, *(value for value in values if value)]
        case Choice(text, checked):
            return [f"{CHECKED if checked else UNCHECKED} {text}"]
    return []


def plain_text(document: ReportDocument) -> list[str]:
    """The document's visible text, one entry per line, the same for every renderer. A goal's
    cells hold paragraphs and lists like an answer does."""
    return [line.strip() for block in document.blocks for line in _lines(block) if line.strip()]
