# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Reading a document's lines and tables, in order, into what each field holds: the
reader's state while it walks the body."""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table, _Cell

from finsam_desktop.document.blocks import CHECKED, UNCHECKED
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.spec import FormSpec
from finsam_desktop.reading.grids import Cell, end_tab_rows, grid_table, tab_line
from finsam_desktop.reading.matching import (
    FRONT,
    Line,
    Target,
    form_texts,
    front_sections,
    joined,
    norm,
    split_after,
    targets,
)
from finsam_desktop.reading.ooxml import (
    BLOCK_WRAPPERS,
    cell_text,
    is_heading,
    list_marker,
    numbering_formats,
    paragraph_text,
    style_names,
    table_cells,
)
from finsam_desktop.reading.side_by_side import labels_only, office_line, values_under_labels
from finsam_desktop.reading.wording import heading_and_answer, label_before_colon, leading_number, value_after_label


class Reader:
    def __init__(self, doc: DocxDocument, form: FormSpec, mall_words: bool = False) -> None:
        self.doc = doc
        self.form = form
        self.mall_words = mall_words  # filled in by hand: headings in the mall's words, not the reporter's
        self.reworded: list[str] = []  # numbers of the headings found in the mall's own words
        self.label_row: list[Target] = []  # labels side by side on the last line, waiting for their values
        self.tab_rows: list[list[Cell]] = []  # a table written as lines with tabs, while it is read
        self.targets = targets(form)
        self.by_letter: dict[str, list[Target]] = {}  # longest first within each, as in targets()
        for target in self.targets:
            self.by_letter.setdefault(target.words[:1], []).append(target)
        self.by_number = {target.number: target for target in reversed(self.targets) if target.number}
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

    def match(self, text: str, in_list: bool = False, heading: bool = False) -> tuple[Target, str] | None:
        """The label ``text`` starts with and what follows it. A line that is a list item
        counts only when it is a whole heading (Word's own numbering). In a report filled in
        by hand, a question's number comes first, then its label in the mall's words."""
        text = text.replace(CHECKED, "").replace(UNCHECKED, "")
        if self.mall_words and not in_list and (numbered := self.by_its_number(text, heading)):
            return numbered
        start = norm(text[:200])[:1]
        for target in self.by_letter.get(start, ()):  # a label and its line share the first letter
            elsewhere = not target.numbered and target.section != self.section
            if elsewhere and not (target.section == FRONT and self.section in self.front) and target.role != "section":
                continue  # a bare label counts only inside its own section
            rest = split_after(text, target.words)
            if rest is None or (target.role == "row" and not self.starts_a_row(text, target)):
                continue
            whole = not rest or bool(target.help_words and target.help_words.startswith(norm(rest[:200])[:40]))
            if (target.alone or in_list) and not whole:
                continue  # an answer or list item that happens to begin with the label's words
            return target, self.own_words(target, text, rest, heading) if self.mall_words else rest
        return self.by_short_label(text) if self.mall_words else None

    def starts_a_row(self, text: str, target: Target) -> bool:
        """``Organisation: …`` of a list's row, where no answer is being written."""
        label, colon, _value = text[:200].partition(":")
        writing = self.current is not None and self.current.role == "field" and self.current.path != target.path
        answer = writing and self.current is not None and self.form.spec_at(self.current.path).paragraphs
        return bool(colon) and norm(label) == target.words and not answer

    def by_its_number(self, text: str, heading: bool) -> tuple[Target, str] | None:
        """A question found by its number ("5.1") whatever its words, the rest of its heading
        left out and said once. A section's own number alone is not enough: another mall's
        "1." is not this one's."""
        numbered = leading_number(text[:200])
        target = self.by_number.get(numbered[0]) if numbered else None
        if numbered is None or target is None or "." not in numbered[0]:
            return None
        rest = split_after(text, target.words)
        if rest is not None:
            return target, self.own_words(target, text, rest, heading)
        after = numbered[1]
        _words, rest = heading_and_answer(after.strip(" :\t"), after.lstrip().startswith(":"), heading)
        self.reworded.append(target.number)
        return target, rest

    def own_words(self, target: Target, text: str, rest: str, heading: bool) -> str:
        """What follows a label in the mall's own words: the rest of a numbered heading is
        the mall's; a one-line field's label may say a little more before its colon."""
        colon = text[: len(text) - len(rest)].rstrip().endswith(":")
        if target.numbered:
            words, rest = heading_and_answer(rest, colon, heading)
            if words:
                self.reworded.append(target.number)
            return rest
        if target.role == "field" and not self.form.spec_at(target.path).paragraphs:
            return value_after_label(rest, colon)
        return rest

    def by_short_label(self, text: str) -> tuple[Target, str] | None:
        """``Tidsperiod: …`` for the section's one label that starts with those words."""
        words = label_before_colon(text)
        if words is None:
            return None
        fitting = [
            target
            for target in self.by_letter.get(words[:1], ())
            if target.role in {"field", "signer"} and target.section == self.section and target.words.startswith(words + " ")
        ]
        return (fitting[0], text.partition(":")[2].strip()) if len(fitting) == 1 else None

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
        if self.mall_words and tab_line(self, line.text):
            return
        if self.label_row and line.text.strip():
            values_under_labels(self, line.text)
            return
        found = self.match(line.text, bool(line.marker), line.heading) if line.text.strip() else None
        if found is None:
            self.add(line)
            return
        target, rest = found
        if target.role == "row":  # its label stays: the list's rows are told apart by it
            if self.current is None or self.current.path != target.path:
                self.start(Target("", "field", target.section, target.path))
            self.add(Line(line.text))
            return
        if target.role == "office" and rest:
            office_line(self, target, rest)
            return
        if self.mall_words and rest and (labels := labels_only(self, target, rest)):
            self.label_row = labels  # the values stand on the next line
            return
        self.start(target)
        if rest:
            self.add(Line(rest))

    def finish(self) -> None:
        """Text typed under a field read from a Word table, or after a computed value, is kept
        (in the draft's note). Headings found in the mall's own words are said, once."""
        end_tab_rows(self)
        if self.reworded:
            numbers = ", ".join(dict.fromkeys(self.reworded))
            self.notes.append(f"Rubrikerna {numbers} står med mallens egna ord; de lästes efter sina nummer.")
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

    def cell_lines(self, cell: _Cell) -> list[Line]:
        return [Line(paragraph_text(p._p), self.marker(p._p), is_heading(p._p, self.styles)) for p in cell.paragraphs] + [
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
                self.line(Line(paragraph_text(child), self.marker(child), is_heading(child, self.styles)))
            elif child.tag == qn("w:tbl"):
                end_tab_rows(self)
                table = Table(child, self.doc)
                if not grid_table(self, table):
                    self.table(table)
            elif child.tag in BLOCK_WRAPPERS:
                self.read(child)


def read_lines(doc: DocxDocument, form: FormSpec, mall_words: bool = False) -> Reader:
    reader = Reader(doc, form, mall_words)
    reader.read()
    reader.finish()
    return reader
