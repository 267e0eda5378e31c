"""A draft as a neutral description of the printed report.

The Word writer and the on-screen/PDF renderer both draw this structure, so the two
cannot drift apart. Building it is where the report's presentation rules live: the
form's wording from the form data, amounts as ``625 000 kr``, dates as ``åååå-mm-dd``,
free text split into paragraphs and lists, ☒/☐ for the case of section 7, and text
cleaned of characters a document cannot hold (the draft itself keeps them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from finsam_desktop.form import FieldSpec, FormSpec, load_form
from finsam_desktop.model import Draft, Entry, text_of, value_at
from finsam_desktop.validation import UNPRINTABLE, funds_case, has_errors, validate

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
class GoalsTable:
    header: tuple[str, str, str]
    rows: tuple[tuple[str, str, str], ...]


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


Block = Title | Heading | Paragraph | ListBlock | FieldTable | GoalsTable | OfficeBox | Choice | PageBreak


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


class _Builder:
    def __init__(self, draft: Draft, form: FormSpec, office: Mapping[str, str]) -> None:
        self.draft = draft
        self.form = form
        self.office = office
        self.blocks: list[Block] = []

    def value(self, path: str) -> str:
        return _printable(shown_value(value_at(self.draft, path)))

    def table_rows(self, section_key: str) -> tuple[tuple[str, str], ...]:
        rows = []
        for path, spec, section in self.form.fields():
            if section.key != section_key:
                continue
            if spec.kind == "daterange":
                start, slut = (self.value(f"{path}.{part}") for part in spec.parts)
                rows.append((spec.label, f"{start} – {slut}" if start or slut else ""))
            else:
                rows.append((spec.label, self.value(path)))
        return tuple(rows)

    def question(self, spec: FieldSpec, answer: str, level: Literal[2, 3] = 2) -> None:
        self.blocks.append(Heading(spec.heading, level) if spec.number else Paragraph(spec.label, "label"))
        if spec.help:
            self.blocks.append(Paragraph(spec.help, "help"))
        written = _printable(answer).strip("\n")
        self.blocks.extend(free_text_blocks(written) if written.strip() else [Paragraph("", "empty")])

    def front_page(self) -> None:
        form = self.form
        self.blocks += [
            Title(form.form.title, form.form.subtitle),
            Paragraph(form.form.instruction),
            OfficeBox(form.office_box.labels, tuple(_printable(self.office.get(label, "")) for label in form.office_box.labels)),
        ]

    def contacts(self) -> None:
        forbund = self.form.forbund
        self.blocks += [Paragraph(forbund.send_instruction), Paragraph(forbund.purpose), Heading(forbund.contacts_heading, 2)]
        self.blocks.append(FieldTable(tuple((f"{c.name}, {c.role}", f"{c.email}\nTfn: {c.phone}") for c in forbund.contacts)))

    def section(self, index: int) -> None:
        section = self.form.sections[index]
        self.blocks.append(Heading(section.heading, 1))
        if section.key in {"allmant", "ansvarig", "uppgiftslamnare"}:
            self.blocks.append(FieldTable(self.table_rows(section.key)))
            return
        for path, spec, _section in self.form.fields():
            if _section.key != section.key:
                continue
            if path == "samverkansparter":
                self.samverkansparter(spec)
            elif path == "resultat.mal":
                self.goals(spec)
            elif spec.group:
                self.economy_case(spec, path)
            else:
                self.question(spec, text_of(value_at(self.draft, path)))

    def samverkansparter(self, spec: FieldSpec) -> None:
        names = [_printable(row.organisation).strip() for row in self.draft.samverkansparter]
        self.blocks.append(Paragraph(spec.items[0].label, "label"))
        self.blocks.append(ListBlock(tuple(name for name in names if name)))

    def goals(self, spec: FieldSpec) -> None:
        self.blocks.append(Heading(spec.heading, 2))
        self.blocks.append(Paragraph(spec.help, "help"))
        header = tuple(item.label for item in spec.items)
        rows = tuple(
            (_printable(goal.mal).strip(), _printable(goal.resultat).strip(), _printable(goal.uppnatt).strip())
            for goal in self.draft.resultat.mal
        )
        self.blocks.append(GoalsTable(header, rows))  # type: ignore[arg-type]

    def economy_case(self, spec: FieldSpec, path: str) -> None:
        case = funds_case(self.draft)
        applies = (case == "helt") if path.endswith("budget_avvagning") else (case in {"inte_helt", "over"})
        self.blocks.append(Choice(spec.group, applies))  # 7.1 and 7.2 are headings, 7.1.1 and 7.2.1 under them
        self.question(spec, text_of(value_at(self.draft, path)), level=3)

    def build(self) -> list[Block]:
        self.front_page()
        self.section(0)
        self.section(1)
        self.contacts()
        self.blocks.append(PageBreak())
        for index in range(2, len(self.form.sections)):
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


def build_document(draft: Draft, form: FormSpec | None = None, office: Mapping[str, str] | None = None) -> ReportDocument:
    """The report as printed. A draft with any ``fel`` is marked UTKAST on every page."""
    form = form or load_form()
    builder = _Builder(draft, form, office or {})
    blocks = builder.build()
    name = UNPRINTABLE.sub("", draft.allmant.insatsens_namn).strip()
    return ReportDocument(
        title=_property_text(f"{form.form.title} – {name}" if name else form.form.title),
        author=_property_text(UNPRINTABLE.sub("", draft.ansvarig.kontaktperson)),
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
        case GoalsTable(header, rows):
            cells = [block for row in rows for cell in row for block in free_text_blocks(cell)]
            return [*header, *(line for block in cells for line in _lines(block))]
        case OfficeBox(labels, values):
            return [OFFICE_CAPTION, *labels, *(value for value in values if value)]
        case Choice(text, checked):
            return [f"{CHECKED if checked else UNCHECKED} {text}"]
    return []


def plain_text(document: ReportDocument) -> list[str]:
    """The document's visible text, one entry per line, the same for every renderer. A goal's
    cells hold paragraphs and lists like an answer does."""
    return [line.strip() for block in document.blocks for line in _lines(block) if line.strip()]
