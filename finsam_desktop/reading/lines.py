"""Reading a document's lines and tables, in order, into what each field holds: the
reader's state while it walks the body."""

from __future__ import annotations

import re
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table, _Cell

from finsam_desktop.document.blocks import CHECKED, UNCHECKED
from finsam_desktop.forms.kinds import FieldBase, RowsBase
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.spec import FormSpec
from finsam_desktop.model import report_model, row_type
from finsam_desktop.reading.matching import (
    FRONT,
    PRINTED_NUMBER,
    Line,
    Target,
    form_texts,
    front_sections,
    header_extra,
    joined,
    norm,
    split_after,
    targets,
)
from finsam_desktop.reading.ooxml import (
    BLOCK_WRAPPERS,
    cell_text,
    list_marker,
    numbering_formats,
    paragraph_text,
    style_names,
    table_cells,
)


class Reader:
    def __init__(self, doc: DocxDocument, form: FormSpec) -> None:
        self.doc = doc
        self.form = form
        self.targets = targets(form)
        self.by_letter: dict[str, list[Target]] = {}  # longest first within each, as in targets()
        for target in self.targets:
            self.by_letter.setdefault(target.words[:1], []).append(target)
        self.section = ""
        self.current: Target | None = None
        self.front = front_sections(form)
        self.texts: dict[FieldPath, list[str]] = {}
        self.names: dict[FieldPath, list[list[str]]] = {}  # a bullet list's rows, each of its lines
        self.tables: dict[FieldPath, list[Any]] = {}  # rows read from a Word table
        self.bulleted: set[FieldPath] = set()  # bullet lists seen with their bullets
        self.signers: dict[FieldPath, list[dict[str, list[str]]]] = {}
        self.notes: list[str] = []  # what the reader noticed, such as a stated total that does not add up
        self.sections_seen: set[str] = set()
        self.office: dict[str, str] = {}
        self.unplaced: list[str] = []
        self.form_texts = form_texts(form)
        self.counters: dict[str, int] = {}
        self.numbering = numbering_formats(doc)
        self.styles = style_names(doc)

    def match(self, text: str, in_list: bool = False) -> tuple[Target, str] | None:
        """The label ``text`` starts with and what follows it. A line that is a list item
        counts only when it is a whole heading (Word's own numbering)."""
        text = text.replace(CHECKED, "").replace(UNCHECKED, "")
        start = norm(text[:200])[:1]
        for target in self.by_letter.get(start, ()):  # a label and its line share the first letter
            elsewhere = not target.numbered and target.section != self.section
            if elsewhere and not (target.section == FRONT and self.section in self.front) and target.role != "section":
                continue  # a bare label counts only inside its own section
            rest = split_after(text, target.words)
            if rest is None:
                continue
            whole = not rest or bool(target.help_words and target.help_words.startswith(norm(rest[:200])[:40]))
            if (target.alone or in_list) and not whole:
                continue  # an answer or list item that happens to begin with the label's words
            return target, rest
        return None

    def marker(self, element: Any) -> str:
        return list_marker(element, self.counters, self.numbering, self.styles)

    def is_form_text(self, text: str) -> bool:
        """The mall's own words (contacts, instructions), which are not the report's: the whole
        line is one of them, or a long part of one (a wrapped line). A line that only contains a
        word of the mall ("slutrapport", "Organisation: X") is the reporter's, and kept."""
        words = norm(text)
        return not words or words in self.form_texts or (len(words) >= 12 and any(words in known for known in self.form_texts))

    def start(self, target: Target) -> None:
        self.current = target
        if target.section:
            self.section = target.section
        if target.role == "section":
            self.sections_seen.add(target.section)
        if target.role == "signer":
            rows = self.signers.setdefault(target.path, [])
            if not rows or target.key in rows[-1]:
                rows.append({})  # a label seen again starts the next signer
            rows[-1][target.key] = []
        elif target.role == "field" and self.form.spec_at(target.path).reading == "items":
            self.names.setdefault(target.path, []).append([])
        elif target.role == "field":
            self.texts.setdefault(target.path, [])

    def add(self, line: Line) -> None:
        if self.current is not None and self.current.role == "office" and line.text.strip():
            if not self.office.get(self.current.key):
                self.office[self.current.key] = line.text.strip()
                return
            self.current = None  # a box holds one value: what follows it is no longer the office's
        if self.current is not None and self.current.role == "office":
            return
        if self.current is not None and self.current.role == "signer":
            self.signers[self.current.path][-1][self.current.key].append(line.text)
            return
        if self.current is None or self.current.role != "field":
            if line.text.strip() and not self.is_form_text(line.text):
                self.unplaced.append(line.marker + line.text.strip())
            return
        if self.current.path in self.names:
            rows = self.names[self.current.path]
            if line.marker:
                self.bulleted.add(self.current.path)
            elif self.current.path in self.bulleted and line.text.strip():
                self.unplaced.append(f"{self.form.spec_at(self.current.path).title}: {line.text.strip()}")
                return  # a plain paragraph after the bullets is not one more row
            if line.marker and rows[-1]:
                rows.append([])  # each bullet is one row
            rows[-1].append(line.text)
            return
        self.texts[self.current.path].append(line.marker + line.text)

    def line(self, line: Line) -> None:
        found = self.match(line.text, in_list=bool(line.marker)) if line.text.strip() else None
        if found is None:
            self.add(line)
            return
        target, rest = found
        if target.role == "office" and rest:
            self.office_line(target, rest)
            return
        self.start(target)
        if rest:
            self.add(Line(rest))

    def office_line(self, target: Target, rest: str) -> None:
        """The office box written on one line (``Diarienummer SFG 21-6.64 Signatur AKH``):
        each label takes the words up to the next one."""
        labels = {target.key.casefold(): target for target in self.targets if target.role == "office"}
        pattern = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
        pieces = re.split(rf"(?i)(?:^|\s)({pattern})\b\s*:?\s*", rest)
        self.start(target)
        self.add(Line(pieces[0]))
        for label, value in zip(pieces[1::2], pieces[2::2], strict=True):
            self.start(labels[label.casefold()])
            self.add(Line(value))

    def keep_beyond(self, spec: FieldBase, where: str, cells: list[_Cell], lines: int) -> None:
        """Text in cells beyond what the app printed there (with ``lines``, one number a cell)
        goes to the note: a row the form lacks, a total or computed cell written into in Word."""
        extra = [
            line
            for cell in cells
            for line in cell_text(cell).splitlines()
            if line.strip() and not (lines and PRINTED_NUMBER.fullmatch(line.strip()))
        ]
        if extra:
            self.unplaced.append(f"{spec.title}, {where}: " + " ".join(line.strip() for line in extra))

    def finish(self) -> None:
        """Text typed under a field read from a Word table, or after a computed value, is kept
        (in the draft's note)."""
        for path, lines in self.texts.items():
            spec = self.form.spec_at(path)
            extra = [line.strip() for line in lines if line.strip()][1:]
            if not spec.has_value and extra:
                self.unplaced.append(f"{spec.title}: " + " ".join(extra))
        for path in self.tables:
            spec = self.form.spec_at(path)
            written = joined(self.texts.get(path, []), spec)  # its help text is the mall's
            if written:
                self.unplaced.append(f"{spec.title}: {written}")

    def grid_table(self, table: Table) -> bool:
        """A Word table whose header row is a list's or a table's column labels: its rows
        are that field's rows (a fixed table's rows found by their labels, its total left)."""
        header = [cell_text(cell) for cell in table.rows[0].cells] if table.rows else []
        for path, spec, _section in self.form.fields():
            if not isinstance(spec, RowsBase):
                continue
            grid = spec.grid_header()
            extra = None if grid is None else header_extra(header, grid)
            if extra is None:
                continue
            if extra:
                self.unplaced.append(f"{spec.title}, rubrikraden: {' '.join(extra)}")
            self.tables[path] = self.grid_rows(table, path, spec)
            self.start(next(t for t in self.targets if t.path == path and t.role == "field"))
            return True
        return False

    def grid_rows(self, table: Table, path: FieldPath, spec: RowsBase) -> list[Any]:
        """A table's rows into the field's: the mall's fixed rows found by their labels, a
        list's rows in order. The total row and computed cells are the app's own, and a row
        the form does not have is not the field's: what they hold beyond that is kept in the
        note, never dropped."""
        row_model = row_type(report_model(self.form)(), path)
        fixed = [norm(label) for label in spec.fixed_rows]
        rows: list[Any] = [row_model() for _ in fixed]
        stated: list[str] = []
        labelled = bool(fixed)  # a table's first column holds the row labels
        for row in table.rows[1:]:
            cells = list(row.cells)
            label = norm(cell_text(cells[0])) if cells else ""
            if spec.total and label == norm(spec.total):
                stated = [cell_text(cell).strip() for cell in cells[1:]] if labelled or not spec.items[0].numeric else []
                self.keep_beyond(spec, spec.total, cells[1:] if labelled or not spec.items[0].numeric else cells, lines=1)
                continue
            if labelled:
                if label not in fixed:
                    self.keep_beyond(spec, cell_text(cells[0]).strip(), cells, lines=0)
                    continue
                target = rows[fixed.index(label)]
                cells = cells[1:]
            else:
                target = row_model()
                rows.append(target)
            for cell, item in zip(cells, spec.items, strict=False):
                if not item.has_value:
                    self.keep_beyond(spec, item.label, [cell], lines=1)  # the computed value is the app's
                    continue
                written = self.cell_answer(cell, item)
                value = item.from_text(written)
                if isinstance(value, str) and value != written.strip():
                    self.notes.append(f"{spec.title}, {item.label}: ”{written.strip()}” lästes som ”{value}”.")
                setattr(target, item.key, value)
        self.check_total(spec, rows, stated)
        return rows

    def check_total(self, spec: RowsBase, rows: list[Any], stated: list[str]) -> None:
        """A total written in the document that its rows do not add up to is said."""
        for item, text in zip(spec.items, stated, strict=False):
            if not item.numeric or not item.has_value or not text:
                continue
            written = item.scalar(item.from_text(text))
            values = [item.scalar(getattr(row, item.key)) for row in rows]
            computed = sum(value for value in values if isinstance(value, int | float))
            if isinstance(written, int | float) and written != computed:
                self.notes.append(
                    f"{spec.number or spec.name}: {spec.total} {item.label} i dokumentet är {item.format_number(written)}, "
                    f"men raderna blir {item.format_number(computed)}. Kontrollera beloppen."
                )

    def cell_answer(self, cell: _Cell, spec: FieldBase) -> str:
        """A cell holding paragraphs and lists, read like an answer."""
        return joined([line.marker + line.text for line in self.cell_lines(cell)], spec)

    def cell_lines(self, cell: _Cell) -> list[Line]:
        return [Line(paragraph_text(p._p), self.marker(p._p)) for p in cell.paragraphs] + [
            Line("")
        ]

    def is_label_row(self, row: list[_Cell]) -> bool:
        """A row of labels alone (``Datum | Namn``), whose values stand in the next row."""
        texts = [text for cell in row if (text := cell_text(cell).strip())]
        return bool(texts) and all((found := self.match(text)) is not None and not found[1] for text in texts)

    def table(self, table: Table) -> None:
        rows = table_cells(table)
        index = 0
        while index < len(rows):
            row = rows[index]
            values = rows[index + 1] if index + 1 < len(rows) else None
            if values is not None and len(values) == len(row) and self.is_label_row(row) and not self.is_label_row(values):
                for label, value in zip(row, values, strict=True):
                    for line in self.cell_lines(label) + self.cell_lines(value):
                        self.line(line)
                index += 2
                continue
            for cell in row:
                for line in self.cell_lines(cell):
                    self.line(line)
            index += 1

    def read(self, container: Any = None) -> None:
        """Paragraphs and tables in reading order, inside content controls too."""
        for child in (self.doc.element.body if container is None else container).iterchildren():
            if child.tag == qn("w:p"):
                self.line(Line(paragraph_text(child), self.marker(child)))
            elif child.tag == qn("w:tbl"):
                table = Table(child, self.doc)
                if not self.grid_table(table):
                    self.table(table)
            elif child.tag in BLOCK_WRAPPERS:
                self.read(child)


def read_lines(doc: DocxDocument, form: FormSpec) -> Reader:
    reader = Reader(doc, form)
    reader.read()
    reader.finish()
    return reader
