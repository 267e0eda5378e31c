"""Read a .docx back into a draft.

Any document, such as an old report filled in by hand in the förbund's Word mall, is read
from its visible text: paragraphs and table cells in order (inside content controls and
tracked insertions too, never deleted text), mapped to the form's fields by section
numbers and labels, tolerant of small differences in wording and of å/ä/ö lost on the
way (``Allmanna uppgifter``). A document exported by this app also carries its draft:
where the visible text of a field is still what the export printed, the embedded draft
gives it back exactly; where someone changed it in Word, what the document says wins,
and the result says which fields changed.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import re
import stat
import unicodedata
import zipfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any, Literal

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from lxml import etree
from pydantic import BaseModel

from finsam_desktop.document import embedded
from finsam_desktop.document.blocks import CHECKED, UNCHECKED
from finsam_desktop.document.errors import ImportFailed
from finsam_desktop.document.export import docx_bytes
from finsam_desktop.drafts import DraftFile, DraftFromNewerVersion, DraftOfUnknownForm, DraftUnreadable, ImportRecord, decode
from finsam_desktop.forms.kinds import FieldBase, RowsBase
from finsam_desktop.forms.paths import ROOT, FieldPath
from finsam_desktop.forms.problems import is_blank
from finsam_desktop.forms.registry import installed_forms
from finsam_desktop.forms.spec import FormSpec
from finsam_desktop.model import Report, report_model, row_type, text_of
from finsam_desktop.roles import form_of, role_text

SIMILAR_ENOUGH = 0.86
_LIST_ITEM = re.compile(r"([-*]|[0-9]{1,2}[.)])[ \t]+|(•)[ \t]*")
MIN_SECTIONS = 3


@dataclass
class ImportResult:
    name: str
    draft: Report
    source: Literal["inbäddat", "text"]
    found: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # fields edited in Word since the export
    notes: list[str] = field(default_factory=list)  # tracked changes, comments, a damaged copy
    imported: ImportRecord = field(default_factory=ImportRecord)

    def summary(self) -> list[str]:
        """What was read, in Swedish, one line each."""
        if self.source == "inbäddat" and self.changed:
            lines = [
                f"Ändrat i Word sedan exporten: {', '.join(self.changed)}.",
                "Allt annat lästes in exakt som det exporterades.",
            ]
        elif self.source == "inbäddat":
            lines = ["Hela utkastet lästes in från dokumentet."]
        else:
            lines = [f"Hittade: {', '.join(self.found)}."]
            if self.missing:
                lines.append(f"Hittade inte: {', '.join(self.missing)}.")
            lines.append(NO_COPY)
        return lines + self.notes


NO_COPY = "Dokumentet saknar programmets kopia av utkastet; allt lästes från texten."


@dataclass(frozen=True)
class _Line:
    text: str
    marker: str = ""  # "- " for a bullet, "3. " for a numbered item


@dataclass(frozen=True)
class _Target:
    """Something a line may start with: a section heading, a field's label, or fixed text."""

    words: str
    role: Literal["section", "field", "skip", "office", "signer"]
    section: str
    path: FieldPath = ROOT
    key: str = ""  # a signer's target: the item of the list at ``path``; the office box's label
    numbered: bool = False
    alone: bool = False  # only a line holding nothing else (but its help text) counts
    help_words: str = ""


def _norm(text: str) -> str:
    """Lower case, no accents, no punctuation: ``Allmänna uppgifter:`` → ``allmanna uppgifter``."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _similar(a: str, b: str) -> bool:
    """Equal but for a few letters lost or misread (OCR): same start, about the same length."""
    if a == b:
        return True
    if len(b) < 5 or not a or a[0] != b[0] or abs(len(a) - len(b)) > max(2, len(b) // 10):
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR_ENOUGH


def _split_after(text: str, words: str) -> str | None:
    """The rest of ``text`` after a leading ``words`` (normalised), or None if it does not lead.
    Only the start of the text is looked at, so a page-long paragraph costs what a line does."""
    probe = text[: 2 * len(words) + 40]
    start = _norm(probe)
    if not start.startswith(words[: max(3, len(words) // 2)]) and not _similar(start[: len(words)], words):
        return None
    whole = probe == text
    best: tuple[float, int] | None = None
    for match in re.finditer(r"[\s:.,;()/–-]+|$", probe):
        if match.end() == len(probe) and not whole and not match.group():
            break  # the cut end of a long text is no word's end
        head = _norm(probe[: match.end()])
        if len(head) > len(words) + 4:
            break
        if _similar(head, words):
            score = 2.0 if head == words else difflib.SequenceMatcher(None, head, words).ratio()
            if best is None or score > best[0]:
                best = (score, match.end())
    return text[best[1] :].strip(" :\t") if best else None


_PRINTED_NUMBER = re.compile(r"[−-]?[0-9][0-9  ]*(?:[.,][0-9]+)?(?: ?(?:kr|st|%))?|–")
FRONT = "front"  # the first page: title, office box, contacts


def _front_sections(form: FormSpec) -> set[str]:
    """Where the front page's own texts may stand: before and in the front page's sections."""
    return {"", FRONT, *(section.key for section in form.sections[: form.front_sections])}


def _form_texts(form: FormSpec) -> set[str]:
    """Every text of the form itself, normalised."""
    found: set[str] = set()

    def collect(node: Any) -> None:
        if isinstance(node, str):
            found.add(_norm(node))
        elif isinstance(node, dict):
            for value in node.values():
                collect(value)
        elif isinstance(node, list | tuple):
            for value in node:
                collect(value)

    collect(form.model_dump())
    for contact in form.forbund.contacts:  # as the front page prints them
        collect([f"{contact.name}, {contact.role}", f"Tfn: {contact.phone}"])
    found.discard("")
    return found


def _targets(form: FormSpec) -> list[_Target]:
    """What lines may start with, longest first so ``Organisations namn`` beats ``Organisation``."""
    targets = [
        _Target(_norm(text), "skip", FRONT, alone=True)  # the mall's own lines, whole
        for text in (
            form.form.title,
            form.form.subtitle,
            form.form.instruction,
            form.forbund.send_instruction,
            form.forbund.purpose,
            (form.forbund.contacts_heading or "Kontakt") if form.forbund.contacts else "",
            form.office_box.caption if form.office_box else "",
        )
        if text
    ]
    if form.office_box is not None:
        targets += [_Target(_norm(label), "office", FRONT, key=label) for label in form.office_box.labels]
    for section in form.sections:
        targets.append(_Target(_norm(section.heading), "section", section.key, numbered=True))
        targets.append(_Target(_norm(section.title), "section", section.key, alone=True))  # Word's own numbering
        for spec in section.fields:
            path = section.field_path(spec)
            if spec.reading == "signers":
                targets += [_Target(_norm(item.label), "signer", section.key, path, key) for key, item in spec.children()]
            targets += [_Target(_norm(text), "skip", section.key, alone=True) for text in spec.document_skips()]
            help_words = _norm(spec.help)
            for label in spec.document_labels():
                if not label:
                    continue
                if spec.number:
                    numbered = _norm(f"{spec.number} {label}")
                    targets.append(_Target(numbered, "field", section.key, path, "", True, False, help_words))
                targets.append(_Target(_norm(label), "field", section.key, path, "", False, spec.label_alone, help_words))
            if spec.case is not None:
                _, title = spec.case.heading.split(" ", 1) if " " in spec.case.heading else ("", spec.case.heading)
                targets.append(_Target(_norm(spec.case.heading), "skip", section.key, numbered=True))
                targets.append(_Target(_norm(title), "skip", section.key, alone=True))
    return sorted(targets, key=lambda target: len(target.words), reverse=True)


# --- the document as lines ------------------------------------------------------------


_P_PR, _P_STYLE, _NUM_PR, _NUM_ID = qn("w:pPr"), qn("w:pStyle"), qn("w:numPr"), qn("w:numId")
_VAL = qn("w:val")


def _style_names(doc: DocxDocument) -> dict[str, str]:
    """styleId → the style's name in lower case, read once per document (python-docx's
    ``paragraph.style`` scans every style for every paragraph)."""
    names: dict[str, str] = {}
    for style in doc.styles.element.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        names[style.get(qn("w:styleId")) or ""] = ((name.get(_VAL) if name is not None else None) or "").lower()
    return names


def _list_marker(element: Any, counters: dict[str, int], numbering: dict[str, str], styles: dict[str, str]) -> str:
    """``- `` for a bullet item, ``3. `` for the third numbered one, "" for a plain paragraph.
    Numbering switched off on the paragraph (``numId`` 0) makes it plain, whatever its style."""
    properties = element.find(_P_PR)
    style_id = ""
    if properties is not None:
        style = properties.find(_P_STYLE)
        style_id = style.get(_VAL, "") if style is not None else ""
        num = properties.find(_NUM_PR)
        number = num.find(_NUM_ID) if num is not None else None
        if number is not None:
            number_id = number.get(_VAL, "")
            if number_id in {"", "0"}:
                return ""
            if numbering.get(number_id) == "decimal":
                counters[number_id] = counters.get(number_id, 0) + 1
                return f"{counters[number_id]}. "
            return "- "
    style = styles.get(style_id, "")
    if "list bullet" in style or "punktlista" in style:
        return "- "
    if "list number" in style or "numrerad" in style:
        counters[style] = counters.get(style, 0) + 1
        return f"{counters[style]}. "
    return ""


def _numbering_formats(doc: DocxDocument) -> dict[str, str]:
    """numId → the format of its first level (``decimal``, ``bullet``…)."""
    try:
        root = doc.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    abstract = {
        node.get(qn("w:abstractNumId")): node.find(f"{qn('w:lvl')}/{qn('w:numFmt')}")
        for node in root.findall(qn("w:abstractNum"))
    }
    formats = {}
    for num in root.findall(qn("w:num")):
        link = num.find(qn("w:abstractNumId"))
        fmt = abstract.get(link.get(qn("w:val"))) if link is not None else None
        formats[num.get(qn("w:numId"))] = fmt.get(qn("w:val")) if fmt is not None else "bullet"
    return formats


_BLOCK_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:ins"), qn("w:moveTo")}
_SKIPPED = {qn("w:del"), qn("w:moveFrom"), qn("w:pPr"), qn("w:rPr"), qn("w:instrText"), qn("w:delText")}
_SKIPPED_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TEXT, _TAB, _BREAKS = qn("w:t"), qn("w:tab"), {qn("w:br"), qn("w:cr")}


def paragraph_text(element: Any) -> str:
    """A paragraph's text as Word shows it with changes accepted: runs inside content
    controls, hyperlinks, fields and tracked insertions count; deleted text does not."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        for child in node:
            tag = child.tag
            if tag == _TEXT:
                parts.append(child.text or "")
            elif tag == _TAB:
                parts.append("\t")
            elif tag in _BREAKS:
                parts.append("\n")
            elif tag not in _SKIPPED and tag != _SKIPPED_ALTERNATE:
                walk(child)

    walk(element)
    return "".join(parts)


def cell_text(cell: _Cell) -> str:
    return "\n".join(paragraph_text(p._p) for p in cell.paragraphs)


def _cells(table: Table) -> list[list[_Cell]]:
    """Each row's cells once: a cell spanning columns is one ``w:tc``; the continuation
    cells of a vertical merge are left out."""
    return [[_Cell(tc, table) for tc in row._tr.tc_lst if tc.vMerge != "continue"] for row in table.rows]


# --- lines to fields ------------------------------------------------------------------


class _Reader:
    def __init__(self, doc: DocxDocument, form: FormSpec) -> None:
        self.doc = doc
        self.form = form
        self.targets = _targets(form)
        self.section = ""
        self.current: _Target | None = None
        self.front = _front_sections(form)
        self.texts: dict[FieldPath, list[str]] = {}
        self.names: dict[FieldPath, list[list[str]]] = {}  # a bullet list's rows, each of its lines
        self.tables: dict[FieldPath, list[Any]] = {}  # rows read from a Word table
        self.bulleted: set[FieldPath] = set()  # bullet lists seen with their bullets
        self.signers: dict[FieldPath, list[dict[str, list[str]]]] = {}
        self.notes: list[str] = []  # what the reader noticed, such as a stated total that does not add up
        self.sections_seen: set[str] = set()
        self.office: dict[str, str] = {}
        self.unplaced: list[str] = []
        self.form_texts = _form_texts(form)
        self.counters: dict[str, int] = {}
        self.numbering = _numbering_formats(doc)
        self.styles = _style_names(doc)

    def match(self, text: str, in_list: bool = False) -> tuple[_Target, str] | None:
        """The label ``text`` starts with and what follows it. A line that is a list item
        counts only when it is a whole heading (Word's own numbering)."""
        for target in self.targets:
            elsewhere = not target.numbered and target.section != self.section
            if elsewhere and not (target.section == FRONT and self.section in self.front) and target.role != "section":
                continue  # a bare label counts only inside its own section
            rest = _split_after(text.replace(CHECKED, "").replace(UNCHECKED, ""), target.words)
            if rest is None:
                continue
            whole = not rest or bool(target.help_words and target.help_words.startswith(_norm(rest[:200])[:40]))
            if (target.alone or in_list) and not whole:
                continue  # an answer or list item that happens to begin with the label's words
            return target, rest
        return None

    def marker(self, element: Any) -> str:
        return _list_marker(element, self.counters, self.numbering, self.styles)

    def is_form_text(self, text: str) -> bool:
        """The mall's own words (contacts, instructions), which are not the report's: the whole
        line is one of them, or a long part of one (a wrapped line). A line that only contains a
        word of the mall ("slutrapport", "Organisation: X") is the reporter's, and kept."""
        words = _norm(text)
        return not words or words in self.form_texts or (len(words) >= 12 and any(words in known for known in self.form_texts))

    def start(self, target: _Target) -> None:
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

    def add(self, line: _Line) -> None:
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

    def line(self, line: _Line) -> None:
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
            self.add(_Line(rest))

    def office_line(self, target: _Target, rest: str) -> None:
        """The office box written on one line (``Diarienummer SFG 21-6.64 Signatur AKH``):
        each label takes the words up to the next one."""
        labels = {target.key.casefold(): target for target in self.targets if target.role == "office"}
        pattern = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
        pieces = re.split(rf"(?i)(?:^|\s)({pattern})\b\s*:?\s*", rest)
        self.start(target)
        self.add(_Line(pieces[0]))
        for label, value in zip(pieces[1::2], pieces[2::2], strict=True):
            self.start(labels[label.casefold()])
            self.add(_Line(value))

    def keep_beyond(self, spec: FieldBase, where: str, cells: list[_Cell], lines: int) -> None:
        """Text in cells beyond what the app printed there (with ``lines``, one number a cell)
        goes to the note: a row the form lacks, a total or computed cell written into in Word."""
        extra = [
            line
            for cell in cells
            for line in cell_text(cell).splitlines()
            if line.strip() and not (lines and _PRINTED_NUMBER.fullmatch(line.strip()))
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
            written = _joined(self.texts.get(path, []), spec)  # its help text is the mall's
            if written:
                self.unplaced.append(f"{spec.title}: {written}")

    def grid_table(self, table: Table) -> bool:
        """A Word table whose header row is a list's or a table's column labels: its rows
        are that field's rows (a fixed table's rows found by their labels, its total left)."""
        header = [_norm(cell_text(cell)) for cell in table.rows[0].cells] if table.rows else []
        for path, spec, _section in self.form.fields():
            if not isinstance(spec, RowsBase):
                continue
            grid = spec.grid_header()
            if grid is None or header != [_norm(label) for label in grid]:
                continue
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
        fixed = [_norm(label) for label in spec.fixed_rows]
        rows: list[Any] = [row_model() for _ in fixed]
        stated: list[str] = []
        labelled = bool(fixed)  # a table's first column holds the row labels
        for row in table.rows[1:]:
            cells = list(row.cells)
            label = _norm(cell_text(cells[0])) if cells else ""
            if spec.total and label == _norm(spec.total):
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
        return _joined([line.marker + line.text for line in self.cell_lines(cell)], spec)

    def cell_lines(self, cell: _Cell) -> list[_Line]:
        return [_Line(paragraph_text(p._p), self.marker(p._p)) for p in cell.paragraphs] + [
            _Line("")
        ]

    def is_label_row(self, row: list[_Cell]) -> bool:
        """A row of labels alone (``Datum | Namn``), whose values stand in the next row."""
        texts = [text for cell in row if (text := cell_text(cell).strip())]
        return bool(texts) and all((found := self.match(text)) is not None and not found[1] for text in texts)

    def table(self, table: Table) -> None:
        rows = _cells(table)
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
                self.line(_Line(paragraph_text(child), self.marker(child)))
            elif child.tag == qn("w:tbl"):
                table = Table(child, self.doc)
                if not self.grid_table(table):
                    self.table(table)
            elif child.tag in _BLOCK_WRAPPERS:
                self.read(child)


def _joined(lines: list[str], spec: FieldBase) -> str:
    """Field text from its lines. In answers, paragraphs stand apart by a blank line and
    list items (``•Text`` too) together; other fields keep one line per paragraph."""
    answer = spec.paragraphs
    text = ""
    for line in lines:
        if not line.strip():
            text += "\n"
            continue
        item = _LIST_ITEM.match(line)
        if item:
            line = f"{item.group(1) or item.group(2)} {line[item.end() :]}"
        text += ("\n" if item or not text or not answer else "\n\n") + line.rstrip()
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n ")
    if not answer:
        text = re.sub(r"\n+", "\n", text)
    if spec.help:
        rest = _split_after(text, _norm(spec.help))
        text = rest if rest is not None else text
    return text.strip()


def _marks(spec: RowsBase) -> list[tuple[str, tuple[str, ...]]]:
    """Each text column and the words that start it when rows are written as running text:
    as the form says, else the labels of its first two text columns."""
    if spec.marks:
        return list(spec.marks.items())
    texts = [item for item in spec.items if item.paragraphs or item.names][:2]
    return [(item.key, (item.label,)) for item in texts]


def _rows_from_text(text: str, spec: RowsBase, row_model: type[Any], notes: list[str]) -> list[Any]:
    """Rows of a list written as text, ``Mål: … Svar: …`` as reporters do: a line starting
    with the first column's words starts a row, another column's adds to it. Text before the
    first mark stays with the first row; text without marks is all kept in one row, and said
    so. A column that can be told from the row's other cells (a goal reached or not, from the
    result's words) is filled where they say it."""
    marks = _marks(spec)
    if not marks:
        return []
    by_word = {_norm(word): key for key, words in marks for word in words}
    pattern = "|".join(re.escape(word).replace("a", "[aå]") for word in sorted(by_word, key=len, reverse=True))
    pieces = re.split(rf"(?im)^\s*({pattern})\s*[0-9]*\s*:\s*", text)
    first = marks[0][0]
    rows: list[Any] = []
    if len(pieces) > 1:
        for keyword, body in zip(pieces[1::2], pieces[2::2], strict=True):
            key = by_word.get(_norm(keyword), first)
            if key == first or not rows:
                rows.append(row_model(**{key: body.strip()}))
            else:
                setattr(rows[-1], key, (text_of(getattr(rows[-1], key)) + "\n\n" + body.strip()).strip())
        if pieces[0].strip():
            setattr(rows[0], first, (pieces[0].strip() + "\n\n" + text_of(getattr(rows[0], first))).strip())
    elif text.strip():
        rows.append(row_model(**{first: text.strip()}))
        first_label = next(item.label for item in spec.items if item.key == first)
        rest = " och ".join(item.label for item in spec.items if item.key != first)
        said = " och ".join(words[0] for _key, words in marks)
        where = spec.number or spec.name
        notes.append(f"{where} hade inga rubriker {said}, så all text ligger i {first_label} 1. Fyll i {rest}.")
    for row in rows:
        for item in spec.items:
            judged = item.judge(row)
            if judged is not None and not text_of(getattr(row, item.key)).strip():
                setattr(row, item.key, judged)
    return rows


def _fill(reader: _Reader, form: FormSpec, notes: list[str] | None = None) -> tuple[Report, list[str], list[str]]:
    notes = [] if notes is None else notes
    draft = report_model(form)()
    found: list[str] = []
    missing: list[str] = []
    for path, spec, _section in form.fields():
        if not spec.has_value:
            continue
        if isinstance(spec, RowsBase):
            rows = _rows(reader, draft, path, spec, notes)
            path.set(draft, rows)
            filled = any(not spec.is_blank_row(row) for row in rows)
            (found if filled else missing).append(spec.title)
            continue
        text = _joined(reader.texts.get(path) or [], spec)
        value = spec.from_text(text, path.get(draft))
        if is_blank(spec.typed_text(value)):
            if spec.required:
                missing.append(spec.title)
            continue
        found.append(spec.title)
        if isinstance(value, str) and value != text.strip():
            notes.append(f"{spec.title}: ”{text.strip()}” lästes som ”{value}”.")
        path.set(draft, value)
    return draft, found, missing


def _rows(reader: _Reader, draft: Report, path: FieldPath, spec: RowsBase, notes: list[str]) -> list[Any]:
    """A list's or a table's rows as the document has them."""
    if path in reader.tables:
        return reader.tables[path]
    row_model = row_type(draft, path)
    if spec.reading == "items":
        key = spec.items[0].key
        texts = ["\n".join(line.strip() for line in part if line.strip()) for part in reader.names.get(path, [])]
        return [row_model(**{key: text}) for text in texts if text]
    if path in reader.signers:
        items = dict(spec.children())
        stored = {key for key, item in items.items() if item.has_value}
        return [
            row_model(**{key: items[key].from_text(_joined(lines, items[key])) for key, lines in signer.items() if key in stored})
            for signer in reader.signers[path]
        ]
    if spec.fixed_rows:
        return list(path.get(draft))
    return _rows_from_text(_joined(reader.texts.get(path) or [], spec), spec, row_model, notes)


MAX_DOCX_BYTES = 100 * 2**20  # a report with photos is tens of MB
MAX_UNPACKED_BYTES = 160 * 2**20  # everything is read into memory; a report with photos is tens of MB
MAX_XML_BYTES = 64 * 2**20  # each XML part is parsed: a million-character answer is about 10 MB
MAX_PARTS = 2000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc are OLE files
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def _check_package(path: Path) -> None:
    """Refuse, before anything is unpacked, what is not a .docx or would unpack to too much.
    Only a plain file is opened: a FIFO, a device or a socket would block or never end."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            raise ImportFailed(f"”{path.name}” är ingen vanlig fil och kan inte vara ett Word-dokument.")
        if info.st_size > MAX_DOCX_BYTES:
            raise ImportFailed(
                f"”{path.name}” är {info.st_size // 2**20} MB, större än en slutrapport kan vara "
                f"(högst {MAX_DOCX_BYTES // 2**20} MB), och läses inte."
            )
        with path.open("rb") as file:
            head = file.read(len(_OLE_MAGIC))
            if head == _OLE_MAGIC:
                encrypted = _ENCRYPTED_STREAM in file.read(8 * 2**20)
                raise ImportFailed(
                    f"”{path.name}” är lösenordsskyddat. Öppna det i Word och spara en kopia utan lösenord."
                    if encrypted
                    else f"”{path.name}” är ett äldre Word-dokument (.doc). Öppna det i Word och spara som .docx först."
                )
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except IsADirectoryError as error:
        raise ImportFailed(f"”{path.name}” är en mapp, inte ett Word-dokument.") from error
    except FileNotFoundError as error:
        raise ImportFailed(f"Filen ”{path.name}” finns inte.") from error
    except PermissionError as error:
        raise ImportFailed(
            f"Du saknar behörighet att läsa ”{path.name}”. Kopiera filen till en egen mapp och försök igen."
        ) from error
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ImportFailed(
            f"”{path.name}” är inte ett Word-dokument i formatet .docx. Öppna det i Word och spara som .docx först."
        ) from error
    if any(part.flag_bits & 0x1 for part in parts):  # legacy zip encryption
        raise ImportFailed(f"”{path.name}” är lösenordsskyddat. Öppna det i Word och spara en kopia utan lösenord.")
    if any(part.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for part in parts):
        raise ImportFailed(
            f"”{path.name}” är packat på ett sätt som Word inte använder och kan inte läsas. "
            "Öppna det i Word eller LibreOffice och spara det som .docx igen."
        )
    unpacked = sum(part.file_size for part in parts)
    huge_xml = any(part.file_size > MAX_XML_BYTES for part in parts if part.filename.endswith((".xml", ".rels")))
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES or huge_xml:
        raise ImportFailed(
            f"”{path.name}” skulle packas upp till orimligt mycket ({unpacked // 2**20} MB i {len(parts)} delar) "
            "och läses inte. Det är inte en vanlig slutrapport."
        )


def _open(path: Path) -> DocxDocument:
    _check_package(path)
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.LxmlError, RecursionError) as error:
        raise ImportFailed(
            f"”{path.name}” är skadat och kan inte läsas som ett Word-dokument. Öppna det i Word och spara det igen."
        ) from error
    except (OSError, RuntimeError, NotImplementedError, zipfile.LargeZipFile) as error:  # what the zip library may still say
        raise ImportFailed(
            f"”{path.name}” kan inte läsas som ett Word-dokument. Öppna det i Word och spara det som .docx igen."
        ) from error


def _reading(doc: DocxDocument, form: FormSpec) -> _Reader:
    reader = _Reader(doc, form)
    reader.read()
    reader.finish()
    return reader


def _field_name(spec: FieldBase, section_number: str) -> str:
    return f"{spec.number} {spec.name}" if spec.number else f"{section_number}. {spec.name}"


def _take(draft: Report, path: FieldPath, printed: Any, visible: Any) -> None:
    """Put the document's version of one field into ``draft``; in a list of the same length,
    only the rows that changed (the others keep their exact text)."""
    current = path.get(draft)
    if isinstance(current, list) and len(current) == len(printed) == len(visible):
        for index, (was, now) in enumerate(zip(printed, visible, strict=True)):
            if was != now:
                current[index] = now.model_copy(deep=True)
        return
    path.set(draft, visible.model_copy(deep=True) if isinstance(visible, BaseModel) else copy.deepcopy(visible))


FORMATTING_LOST = (
    "Fetstil, färg, markering eller understrykning som lagts till i Word kommer inte med: utkastet sparar "
    "bara texten, och nästa export har rapportens egen formatering."
)
_FORMATS = {qn("w:b"), qn("w:color"), qn("w:highlight"), qn("w:u"), qn("w:strike")}
_OFF = {"0", "false", "none", "auto"}


def _formatted_characters(doc: DocxDocument) -> int:
    """Characters of the body in runs with their own bold, colour, highlight, underline or
    strike-through, links aside (the export makes those blue and underlined itself). Counted
    in characters, so a run Word splits in two counts the same."""
    count = 0
    for properties in doc.element.body.iter(qn("w:rPr")):
        run = properties.getparent()
        if run is None or run.tag != qn("w:r") or run.getparent().tag == qn("w:hyperlink"):
            continue
        if any(child.tag in _FORMATS and (child.get(_VAL) or "on").lower() not in _OFF for child in properties):
            count += sum(len(text.text or "") for text in run.iter(_TEXT))
    return count


def _with_word_edits(stored: DraftFile, reader: _Reader, form: FormSpec, notes: list[str]) -> ImportResult:
    """The embedded draft, with every field whose visible text was changed in Word taken from
    the document: each field is compared with how the export printed it, read the same way."""
    visible, _, _ = _fill(reader, form)
    exported = _reading(docx.Document(BytesIO(docx_bytes(stored.draft, stored.name, stored.imported)[0])), form)
    printed, _, _ = _fill(exported, form)
    draft = stored.draft.model_copy(deep=True)
    changed = []
    for path, spec, section in form.fields():
        if not spec.has_value:
            continue
        was, now = path.get(printed), path.get(visible)
        if was != now:
            _take(draft, path, was, now)
            changed.append(_field_name(spec, section.number))
    if _formatted_characters(reader.doc) > _formatted_characters(exported.doc):
        notes.append(FORMATTING_LOST)
    office = {**stored.imported.office, **reader.office}  # what the office wrote in since the export
    added = [line for line in reader.unplaced if line not in exported.unplaced]  # typed in Word outside a field
    note = "\n".join(filter(None, [stored.imported.note, *added]))
    imported = stored.imported.model_copy(update={"office": office, "note": note})
    return ImportResult(stored.name, draft, "inbäddat", changed=changed, notes=notes + _unplaced_notes(added), imported=imported)


UNPLACED_SHOWN = 300  # characters of unplaced text in the message; all of it stays in the note


def _unplaced_notes(unplaced: list[str]) -> list[str]:
    if not unplaced:
        return []
    shown = " / ".join(unplaced)
    if len(shown) > UNPLACED_SHOWN:
        shown = shown[:UNPLACED_SHOWN].rstrip() + " …"
    return [f"Text som inte kunde placeras (finns kvar i utkastets importanteckning): {shown}"]


def _review_notes(doc: DocxDocument) -> list[str]:
    """Word's own review marks, said rather than silently applied or dropped."""
    body = doc.element.body
    notes = []
    if any(True for _ in body.iter(qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo"))):
        notes.append("Dokumentet har spårade ändringar som inte är godkända: tillagd text är med, borttagen text är inte med.")
    if any(rel.reltype == RT.COMMENTS for rel in doc.part.rels.values()):
        notes.append("Dokumentet har kommentarer. De är inte med i utkastet.")
    return notes


def _recognised(doc: DocxDocument, path: Path, form: FormSpec | None) -> tuple[FormSpec, _Reader]:
    """The form a document filled in by hand follows: the given one, or the installed form
    whose headings and labels it has most of. Two forms fitting equally well is said."""
    candidates = [form] if form is not None else list(installed_forms().forms.values())
    scored = []
    for candidate in candidates:
        reader = _reading(doc, candidate)
        if len(reader.sections_seen) >= MIN_SECTIONS:
            found = sum(bool(lines) for lines in reader.texts.values()) + len(reader.tables) + len(reader.names)
            scored.append((len(reader.sections_seen) + found, candidate, reader))
    if not scored:
        first = candidates[0].sections[0].heading if candidates and candidates[0].sections else ""
        raise ImportFailed(
            f"”{path.name}” ser inte ut som en slutrapport: rubrikerna från formuläret "
            f"(till exempel ”{first}”) finns inte i dokumentet."
        )
    scored.sort(key=lambda entry: entry[0], reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        names = ", ".join(f"{entry[1].id} ({entry[1].forbund.name})" for entry in scored if entry[0] == scored[0][0])
        raise ImportFailed(f"”{path.name}” kan följa flera mallar: {names}. Ange vilken mall som gäller.")
    return scored[0][1], scored[0][2]


def _embedded_draft(doc: DocxDocument, path: Path, notes: list[str]) -> DraftFile | None:
    """The draft an export carries, or None (what was wrong with it added to ``notes``)."""
    carried = embedded.extract(doc)
    if carried is None:
        return None
    try:
        return decode(path, carried)[0]
    except DraftFromNewerVersion:
        notes.append(
            "Utkastet i dokumentet är skapat med en nyare version av programmet, så texten lästes från "
            "dokumentet. Uppdatera programmet för att få med allt exakt."
        )
    except DraftOfUnknownForm as error:
        notes.append(
            f"Dokumentets inbäddade utkast gäller mallen ”{error.form_id}”, som inte finns i programmet, "
            "så texten lästes från dokumentet."
        )
    except DraftUnreadable:
        notes.append("Den inbäddade kopian av utkastet är skadad, så texten lästes från dokumentet.")
    return None


def read_docx(path: Path, form: FormSpec | None = None) -> ImportResult:
    """A draft from a .docx: from its text, and exactly where this app exported it unchanged.
    An export carries its form; for a document filled in by hand, ``form`` or the installed
    form it fits best. An export read with another form than its own is read from its text."""
    doc = _open(path)
    source = hashlib.sha256(path.read_bytes()).hexdigest()
    notes = _review_notes(doc)
    stored = _embedded_draft(doc, path, notes)
    own = form_of(stored.draft) if stored is not None else None
    if stored is not None and own is not None:
        if form is None or form.id == own.id:
            result = _with_word_edits(stored, _reading(doc, own), own, notes)
            result.imported = result.imported.model_copy(update={"source": source})
            return result
        notes.append(
            f"Dokumentet exporterades med mallen ”{own.id}” ({own.forbund.name}); det lästes från texten "
            f"med mallen ”{form.id}” som du valde."
        )
    try:
        form, reader = _recognised(doc, path, form)
    except ImportFailed as error:
        if own is None or form is None:
            raise
        raise ImportFailed(
            f"”{path.name}” exporterades med mallen ”{own.id}” ({own.forbund.name}) och följer inte mallen "
            f"”{form.id}”. Läs in det utan att ange mall så används dess egen."
        ) from error
    notes += reader.notes
    draft, found, missing = _fill(reader, form, notes)
    notes += _unplaced_notes(reader.unplaced)
    imported = ImportRecord(note="\n".join(reader.unplaced), office=reader.office, source=source)
    return ImportResult(role_text(draft, "name"), draft, "text", found, missing, notes=notes, imported=imported)
