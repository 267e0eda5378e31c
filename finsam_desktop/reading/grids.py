# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A Word table that is a list's or a table's grid: its header row the field's column
labels, its rows the field's rows; what the app did not print there kept in the note."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docx.table import Table

from finsam_desktop.forms.kinds import FieldBase, RowsBase
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.model import report_model, row_type
from finsam_desktop.reading.matching import PRINTED_NUMBER, Line, Target, joined, norm
from finsam_desktop.reading.wording import header_extra

if TYPE_CHECKING:
    from finsam_desktop.reading.lines import Reader


Cell = list[Line]  # a cell's paragraphs


def grid_table(reader: Reader, table: Table) -> bool:
    """A Word table whose header row is a list's or a table's column labels: its rows
    are that field's rows (a fixed table's rows found by their labels, its total left)."""
    rows = [[reader.cell_lines(cell) for cell in row.cells] for row in table.rows]
    return take_grid(reader, rows)


def tab_line(reader: Reader, text: str) -> bool:
    """A table written as lines with tabs between its columns, its first line the column
    labels: its lines are collected until a line without tabs, then read as the table."""
    if reader.tab_rows:
        if "\t" in text.strip() or not text.strip():
            reader.tab_rows += [_tab_row(text)] if text.strip() else []
            return True
        end_tab_rows(reader)
        return False
    if "\t" in text.strip() and _grid_of(reader, [_text(cell) for cell in _tab_row(text)]) is not None:
        reader.tab_rows = [_tab_row(text)]
        return True
    return False


def end_tab_rows(reader: Reader) -> None:
    rows, reader.tab_rows = reader.tab_rows, []
    if rows:
        take_grid(reader, rows)


def _tab_row(text: str) -> list[Cell]:
    return [[Line(cell)] for cell in _TABS.split(text.strip())]


_TABS = re.compile(r"\t+")


def _grid_of(reader: Reader, header: list[str]) -> tuple[FieldPath, RowsBase, list[str]] | None:
    """The field whose column labels ``header`` is, and what the header holds beyond them."""
    for path, spec, _section in reader.form.fields():
        if not isinstance(spec, RowsBase):
            continue
        grid = spec.grid_header()
        extra = None if grid is None else header_extra(header, grid, reader.mall_words)
        if extra is not None:
            return path, spec, extra
    return None


def take_grid(reader: Reader, rows: list[list[Cell]]) -> bool:
    """``rows`` as a field's rows when the first is its column labels."""
    found = _grid_of(reader, [_text(cell) for cell in rows[0]]) if rows else None
    if found is not None:
        path, spec, extra = found
        if extra:
            reader.unplaced.append(f"{spec.title}, rubrikraden: {' '.join(extra)}")
        reader.tables[path] = grid_rows(reader, rows[1:], path, spec)
        reader.start(Target("", "field", reader.form.section_of(path).key, path))
    return found is not None


def grid_rows(reader: Reader, table: list[list[Cell]], path: FieldPath, spec: RowsBase) -> list[Any]:
    """A table's rows into the field's: the mall's fixed rows found by their labels, a
    list's rows in order. The total row and computed cells are the app's own, and a row
    the form does not have is not the field's: what they hold beyond that is kept in the
    note, never dropped."""
    row_model = row_type(report_model(reader.form)(), path)
    fixed = [norm(label) for label in spec.fixed_rows]
    rows: list[Any] = [row_model() for _ in fixed]
    stated: list[str] = []
    labelled = bool(fixed)  # a table's first column holds the row labels
    for cells in table:
        label = norm(_text(cells[0])) if cells else ""
        if spec.total and label == norm(spec.total):
            stated = [_text(cell).strip() for cell in cells[1:]] if labelled or not spec.items[0].numeric else []
            keep_beyond(reader, spec, spec.total, cells[1:] if labelled or not spec.items[0].numeric else cells, lines=1)
            continue
        if labelled:
            if label not in fixed:
                keep_beyond(reader, spec, _text(cells[0]).strip(), cells, lines=0)
                continue
            target = rows[fixed.index(label)]
            cells = cells[1:]
        else:
            target = row_model()
            rows.append(target)
        for cell, item in zip(cells, spec.items, strict=False):
            if not item.has_value:
                keep_beyond(reader, spec, item.label, [cell], lines=1)  # the computed value is the app's
                continue
            written = joined([line.marker + line.text for line in cell], item)
            value = item.from_text(written)
            if isinstance(value, str) and value != written.strip():
                reader.notes.append(f"{spec.title}, {item.label}: ”{written.strip()}” lästes som ”{value}”.")
            setattr(target, item.key, value)
    check_total(reader, spec, rows, stated)
    return rows


def _text(cell: Cell) -> str:
    return "\n".join(line.text for line in cell)


def check_total(reader: Reader, spec: RowsBase, rows: list[Any], stated: list[str]) -> None:
    """A total written in the document that its rows do not add up to is said."""
    for item, text in zip(spec.items, stated, strict=False):
        if not item.numeric or not item.has_value or not text:
            continue
        written = item.scalar(item.from_text(text))
        values = [item.scalar(getattr(row, item.key)) for row in rows]
        computed = sum(value for value in values if isinstance(value, int | float))
        if isinstance(written, int | float) and written != computed:
            reader.notes.append(
                f"{spec.number or spec.name}: {spec.total} {item.label} i dokumentet är {item.format_number(written)}, "
                f"men raderna blir {item.format_number(computed)}. Kontrollera beloppen."
            )


def keep_beyond(reader: Reader, spec: FieldBase, where: str, cells: list[Cell], lines: int) -> None:
    """Text in cells beyond what the app printed there (with ``lines``, one number a cell)
    goes to the note: a row the form lacks, a total or computed cell written into in Word."""
    extra = [
        line
        for cell in cells
        for line in _text(cell).splitlines()
        if line.strip() and not (lines and PRINTED_NUMBER.fullmatch(line.strip()))
    ]
    if extra:
        reader.unplaced.append(f"{spec.title}, {where}: " + " ".join(line.strip() for line in extra))
