# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Kinds made of rows of the same questions: a list the reporter adds rows to (members,
goals, signers), and a table with the mall's fixed rows (kostnadsslag, age bands). Cells
are fields of any kind that fits in a cell; numeric columns may be computed from the
row's other cells, and a total row sums the columns that add up."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field

from finsam_desktop.document.blocks import Block, FieldTable, GridTable, ListBlock, Paragraph, printable
from finsam_desktop.forms.kinds.base import Checking, FieldBase, Printing
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import FEL, VARNING, Problem, is_blank
from finsam_desktop.model import Part, camel, part_model, text_of

if TYPE_CHECKING:
    from finsam_desktop.forms.kinds import FieldSpec

ListLayout = Literal["", "table", "signatures"]


def column_widths(columns: Sequence[FieldBase], lead: FieldBase | None = None) -> tuple[int, ...]:
    """Widths in per cent: as the form says, else short values narrow and texts sharing the
    rest (a table's row labels, ``lead``, count as text)."""
    specs = [*([lead] if lead is not None else []), *columns]
    stated = [spec.width or spec.narrow for spec in specs]
    wide = [index for index, width in enumerate(stated) if not width]
    left = 100 - sum(stated)
    widths = list(stated)
    for index in wide:
        widths[index] = max(left // len(wide), 5)
    widths[wide[-1] if wide else -1] += 100 - sum(widths)
    return tuple(widths)


class RowsBase(FieldBase):
    """What a list and a table share: their columns (``items``) and a total row."""

    items: tuple[FieldSpec, ...] = Field(min_length=1)
    total: str = ""  # the label of a computed row of column sums, when the form has one
    # How rows are written as running text in a hand-filled report: a column and the words
    # that start its text ("Mål: …", "Svar: …"); the first column's words start a new row.
    marks: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    in_rows: ClassVar[bool] = False
    label_alone: ClassVar[bool] = True
    fixed_rows: ClassVar[tuple[str, ...]] = ()

    def grid_header(self) -> list[str] | None:
        """The header row of the Word table that holds it, or None when it is no table."""
        return [item.label for item in self.items]

    def children(self) -> Sequence[tuple[str, FieldBase]]:
        return [(item.key, item) for item in self.items]

    @cached_property
    def row_model(self) -> type[Part]:
        fields = {item.key: made for item in self.items if (made := item.model_field()) is not None}
        return part_model(f"{camel(self.key)}Rad", fields)

    def typed_text(self, node: Any) -> str:
        return "\n".join(text_of(row) for row in node)

    def scalar(self, node: Any) -> Any:
        return sum(not self.is_blank_row(row) for row in node)

    def is_blank_row(self, row: Any) -> bool:
        return all(is_blank(item.typed_text(getattr(row, item.key))) for item in self.items if item.has_value)

    def hidden_text(self, node: Any) -> bool:
        return any(not self.is_blank_row(row) for row in node)

    def row_text(self, path: FieldPath, out: Printing) -> str | None:
        return None

    def cells(self, path: FieldPath, out: Printing) -> list[tuple[str, ...]]:
        """Each row's cells as printed; a cell whose condition does not hold in its row is blank."""
        return [
            tuple(
                printable(item.cell_text(cell, out)) if out.is_shown(cell := path.row(index).child(item.key), item) else ""
                for item in self.items
            )
            for index in range(len(out.node(path)))
        ]

    def total_row(self, path: FieldPath, out: Printing) -> tuple[str, ...]:
        """The sums of the columns that add up, as printed; empty for the others."""
        sums = []
        for item in self.items:
            value = out.number(path.child(item.key)) if item.numeric and item.additive else None
            sums.append(item.format_number(value) if value is not None else "")
        return tuple(sums)

    def numeric_columns(self) -> tuple[bool, ...]:
        return tuple(item.numeric for item in self.items)

    def heading_blocks(self, out: Printing, level: int) -> list[Block]:
        """The question's heading, unless it only repeats its section's title."""
        if not self.number and self.label == out.section_title:
            return [Paragraph(self.help, "help")] if self.help else []
        return self.question_heading(level)


class ListSpec(RowsBase):
    """Rows the reporter adds: one question each (a list of names), several (a table), or a
    block per signer with a line to sign on (``layout = "signatures"``)."""

    kind: Literal["list"]
    shown_as: ClassVar[str] = "Lista"
    item_label: str = ""
    layout: ListLayout = ""
    max_rows: int = Field(default=0, ge=0)
    signature_line: str = "Underskrift"

    paragraphs: ClassVar[bool] = True

    @property
    def reading(self) -> str:  # type: ignore[override]
        """How a document holds it: bullets (a row each), signer blocks or a table."""
        return {"": "items", "signatures": "signers"}.get(self.printed_layout, "grid")

    def grid_header(self) -> list[str] | None:
        return super().grid_header() if self.printed_layout == "table" else None

    def document_labels(self) -> list[str]:
        return [self.items[0].label] if self.is_names else [self.label]

    def document_skips(self) -> list[str]:
        return [self.signature_line] if self.reading == "signers" else []

    @property
    def printed_layout(self) -> ListLayout:
        """How the list prints: as stated, else a table when a row has more than one item."""
        return self.layout or ("table" if len(self.items) > 1 else "")

    @property
    def is_names(self) -> bool:
        """One question a row, printed as a bullet list (Samverkansparter)."""
        return self.printed_layout == ""

    @property
    def row_name(self) -> str:
        return self.item_label or self.name

    def model_field(self) -> tuple[Any, Any] | None:
        return list[self.row_model], Field(default_factory=list, description=self.heading)  # type: ignore[name-defined]

    def empty_message(self) -> str:
        return f"Lägg till minst en rad under {self.name}."

    def problems(self, path: FieldPath, node: Any, check: Checking) -> Iterator[Problem]:
        blank = [self.is_blank_row(row) for row in node]
        if all(blank):
            if check.is_required(path, self):
                yield Problem(path, FEL, self.empty_message())
            return
        if self.max_rows and len(node) > self.max_rows:
            yield Problem(path, FEL, f"{self.name} får ha högst {self.max_rows} rader. Ta bort någon.")
        for index, row in enumerate(node):
            row_path = path.row(index)
            if blank[index]:
                yield Problem(row_path, VARNING, f"Rad {index + 1} är tom. Ta bort den eller fyll i den.")
                continue
            for item in self.items:
                if item.has_value and check.is_shown(row_path.child(item.key), item):
                    yield from item.problems(row_path.child(item.key), getattr(row, item.key), check)

    def blocks(self, path: FieldPath, out: Printing, level: int = 2) -> list[Block]:
        rows = out.node(path)
        if self.printed_layout == "signatures":
            shown = self.heading_blocks(out, level)
            for index in range(max(1, len(rows))):
                values = [
                    (item.label, out.printed(path.row(index).child(item.key)) if index < len(rows) else "")
                    for item in self.items
                ]
                shown.append(FieldTable((*values, (self.signature_line, ""))))
            return shown
        if self.printed_layout == "table":
            header = tuple(item.label for item in self.items)
            total = (self.total_row(path, out)) if self.total else ()
            if total:
                total = (self.total, *total[1:]) if not self.items[0].numeric else total
            grid = GridTable(header, tuple(self.cells(path, out)), column_widths(self.items), total, self.numeric_columns())
            return [*self.heading_blocks(out, level), grid]
        item = self.items[0]
        names = [out.printed(path.row(index).child(item.key)) for index in range(len(rows))]
        label = [Paragraph(item.label, "label")] if item.label != self.label or self.number else []
        return [*self.heading_blocks(out, level), *label, ListBlock(tuple(name for name in names if name))]


class TableSpec(RowsBase):
    """The mall's fixed rows (``rows``, labelled in the first column under ``row_header``)
    with a cell per column."""

    kind: Literal["table"]
    shown_as: ClassVar[str] = "Tabell"
    row_header: str = ""
    rows: tuple[str, ...] = Field(min_length=1)

    def model_field(self) -> tuple[Any, Any] | None:
        row, count = self.row_model, len(self.rows)
        return list[row], Field(default_factory=lambda: [row() for _ in range(count)], description=self.heading)  # type: ignore[valid-type]

    reading: ClassVar[str] = "grid"

    @property
    def fixed_rows(self) -> tuple[str, ...]:  # type: ignore[override]
        return self.rows

    def grid_header(self) -> list[str] | None:
        return [self.row_header, *(item.label for item in self.items)]

    def row_labels(self, count: int) -> list[str]:
        """The mall's row labels, and ``Rad n`` for rows a file held beyond them."""
        return list(self.rows) + [f"Rad {index + 1}" for index in range(len(self.rows), count)]

    def problems(self, path: FieldPath, node: Any, check: Checking) -> Iterator[Problem]:
        """Each cell as a field of its column (a blank cell is a problem only when required)."""
        if check.is_required(path, self) and all(self.is_blank_row(row) for row in node):
            yield Problem(path, FEL, f"Fyll i tabellen {self.name}.")
            return
        for index, row in enumerate(node):
            for item in self.items:
                cell = path.row(index).child(item.key)
                if item.has_value and check.is_shown(cell, item):
                    yield from item.problems(cell, getattr(row, item.key), check)

    def blocks(self, path: FieldPath, out: Printing, level: int = 2) -> list[Block]:
        labels = self.row_labels(len(out.node(path)))
        cells = tuple((label, *row) for label, row in zip(labels, self.cells(path, out), strict=True))
        total = (self.total, *self.total_row(path, out)) if self.total else ()
        header = (self.row_header, *(item.label for item in self.items))
        lead = FieldBase(key="_", label=self.row_header)
        grid = GridTable(header, cells, column_widths(self.items, lead), total, (False, *self.numeric_columns()))
        shown = self.question_heading(level) if self.number else ([Paragraph(self.help, "help")] if self.help else [])
        return [*shown, grid]
