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
from docx.text.paragraph import Paragraph
from lxml import etree
from pydantic import BaseModel

from finsam_desktop.document import embedded
from finsam_desktop.document.errors import ImportFailed
from finsam_desktop.document.export import docx_bytes
from finsam_desktop.document.structure import CHECKED, OFFICE_CAPTION, UNCHECKED
from finsam_desktop.drafts import DraftFile, DraftFromNewerVersion, DraftUnreadable, ImportRecord, decode
from finsam_desktop.form import FieldSpec, FormSpec, SectionSpec, field_path
from finsam_desktop.forms import installed_forms
from finsam_desktop.model import Report, report_model, row_model, set_text_at, value_at
from finsam_desktop.parsing import format_kronor, parse_kronor, split_date_range
from finsam_desktop.roles import role_text

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
        return lines + self.notes


@dataclass(frozen=True)
class _Line:
    text: str
    marker: str = ""  # "- " for a bullet, "3. " for a numbered item


@dataclass(frozen=True)
class _Target:
    """Something a line may start with: a section heading, a field's label, or fixed text."""

    words: str
    kind: Literal["section", "field", "skip", "office", "signer"]
    section: str
    path: str = ""  # a signer's target: the list's path and the item's key, "path#key"
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
    """The rest of ``text`` after a leading ``words`` (normalised), or None if it does not lead."""
    if not _norm(text).startswith(words[: max(3, len(words) // 2)]) and not _similar(_norm(text)[: len(words)], words):
        return None
    best: tuple[float, int] | None = None
    for match in re.finditer(r"[\s:.,;()/–-]+|$", text):
        head = _norm(text[: match.end()])
        if len(head) > len(words) + 4:
            break
        if _similar(head, words):
            score = 2.0 if head == words else difflib.SequenceMatcher(None, head, words).ratio()
            if best is None or score > best[0]:
                best = (score, match.end())
    return text[best[1] :].strip(" :\t") if best else None


FRONT = "front"  # the first page: title, office box, contacts


def _front_sections(form: FormSpec) -> set[str]:
    """Where the front page's own texts may stand: before and in the front page's sections."""
    return {"", FRONT, *(section.key for section in form.sections[: form.front_sections])}


def _is_name_list(spec: FieldSpec) -> bool:
    """A list printed as bullets, one item per row (Samverkansparter)."""
    return spec.kind == "list" and spec.printed_layout == ""


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
    found.discard("")
    return found


def _targets(form: FormSpec) -> list[_Target]:
    """What lines may start with, longest first so ``Organisations namn`` beats ``Organisation``."""
    targets = [
        _Target(_norm(text), "skip", FRONT)
        for text in (
            form.form.title,
            form.form.subtitle,
            form.form.instruction,
            form.forbund.send_instruction,
            form.forbund.purpose,
            form.forbund.contacts_heading,
            OFFICE_CAPTION,
        )
        if text
    ]
    if form.office_box is not None:
        targets += [_Target(_norm(label), "office", FRONT, label) for label in form.office_box.labels]
    for section in form.sections:
        targets.append(_Target(_norm(section.heading), "section", section.key, numbered=True))
        targets.append(_Target(_norm(section.title), "section", section.key, alone=True))  # Word's own numbering
        for spec in section.fields:
            path = field_path(section, spec)
            if spec.printed_layout == "signatures" and spec.kind == "list":
                targets += [_Target(_norm(item.label), "signer", section.key, f"{path}#{item.key}") for item in spec.items]
                targets.append(_Target(_norm(spec.signature_line), "skip", section.key))
            label = spec.items[0].label if _is_name_list(spec) else spec.label
            answer = spec.kind in {"answer", "list", "table"}
            help_words = _norm(spec.help)
            if spec.number:
                targets.append(_Target(_norm(f"{spec.number} {label}"), "field", section.key, path, True, False, help_words))
            targets.append(_Target(_norm(label), "field", section.key, path, False, answer, help_words))
            if spec.group:
                _, title = spec.group.split(" ", 1)
                targets.append(_Target(_norm(spec.group), "skip", section.key, numbered=True))
                targets.append(_Target(_norm(title), "skip", section.key, alone=True))
    return sorted(targets, key=lambda target: len(target.words), reverse=True)


# --- the document as lines ------------------------------------------------------------


def _list_marker(paragraph: Paragraph, counters: dict[str, int], numbering: dict[str, str]) -> str:
    properties = paragraph._p.pPr
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    num: Any = properties.numPr if properties is not None else None  # python-docx types it loosely
    if num is not None and num.numId is not None:
        number_id = str(num.numId.val)
        if numbering.get(number_id) == "decimal":
            counters[number_id] = counters.get(number_id, 0) + 1
            return f"{counters[number_id]}. "
        return "- "
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
        self.texts: dict[str, list[str]] = {}
        self.names: dict[str, list[list[str]]] = {}  # a bullet list's rows, each of its lines
        self.tables: dict[str, list[Any]] = {}  # rows read from a Word table
        self.signers: dict[str, list[dict[str, list[str]]]] = {}
        self.notes: list[str] = []  # what the reader noticed, such as a stated total that does not add up
        self.sections_seen: set[str] = set()
        self.office: dict[str, str] = {}
        self.unplaced: list[str] = []
        self.form_texts = _form_texts(form)
        self.counters: dict[str, int] = {}
        self.numbering = _numbering_formats(doc)

    def match(self, text: str, in_list: bool = False) -> tuple[_Target, str] | None:
        """The label ``text`` starts with and what follows it. A line that is a list item
        counts only when it is a whole heading (Word's own numbering)."""
        for target in self.targets:
            elsewhere = not target.numbered and target.section != self.section
            if elsewhere and not (target.section == FRONT and self.section in self.front) and target.kind != "section":
                continue  # a bare label counts only inside its own section
            rest = _split_after(text.replace(CHECKED, "").replace(UNCHECKED, ""), target.words)
            if rest is None:
                continue
            whole = not rest or bool(target.help_words and target.help_words.startswith(_norm(rest)[:40]))
            if (target.alone or in_list) and not whole:
                continue  # an answer or list item that happens to begin with the label's words
            return target, rest
        return None

    def is_form_text(self, text: str) -> bool:
        """The mall's own words (contacts, instructions), which are not the report's."""
        words = _norm(text)
        return not words or any(words in known or (len(known) > 5 and known in words) for known in self.form_texts)

    def start(self, target: _Target) -> None:
        self.current = target
        if target.section:
            self.section = target.section
        if target.kind == "section":
            self.sections_seen.add(target.section)
        if target.kind == "signer":
            path, _, key = target.path.partition("#")
            rows = self.signers.setdefault(path, [])
            if not rows or key in rows[-1]:
                rows.append({})  # a label seen again starts the next signer
            rows[-1][key] = []
        elif target.kind == "field" and _is_name_list(self.form.field(target.path)):
            self.names.setdefault(target.path, []).append([])
        elif target.kind == "field":
            self.texts.setdefault(target.path, [])

    def add(self, line: _Line) -> None:
        if self.current is not None and self.current.kind == "office" and line.text.strip():
            self.office[self.current.path] = (self.office.get(self.current.path, "") + " " + line.text.strip()).strip()
            return
        if self.current is not None and self.current.kind == "signer":
            path, _, key = self.current.path.partition("#")
            self.signers[path][-1][key].append(line.text)
            return
        if self.current is None or self.current.kind != "field":
            if line.text.strip() and not self.is_form_text(line.text):
                self.unplaced.append(line.marker + line.text.strip())
            return
        if self.current.path in self.names:
            rows = self.names[self.current.path]
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
        self.start(target)
        if rest:
            self.add(_Line(rest))

    def grid_table(self, table: Table) -> bool:
        """A Word table whose header row is a list's or a table's column labels: its rows
        are that field's rows (a fixed table's rows found by their labels, its total left)."""
        header = [_norm(cell_text(cell)) for cell in table.rows[0].cells] if table.rows else []
        for path, spec, _section in self.form.fields():
            if spec.kind == "table":
                labels = [_norm(spec.row_header), *(_norm(item.label) for item in spec.items)]
            elif spec.kind == "list" and spec.printed_layout == "table":
                labels = [_norm(item.label) for item in spec.items]
            else:
                continue
            if header != labels:
                continue
            self.tables[path] = self.grid_rows(table, path, spec)
            self.start(next(t for t in self.targets if t.path == path and t.kind == "field"))
            return True
        return False

    def grid_rows(self, table: Table, path: str, spec: FieldSpec) -> list[Any]:
        row_type = row_model(report_model(self.form)(), path)
        fixed = [_norm(label) for label in spec.rows]
        rows: list[Any] = [row_type() for _ in fixed]
        stated: list[str] = []
        for row in table.rows[1:]:
            cells = list(row.cells)
            if spec.kind == "table":
                label = _norm(cell_text(cells[0]))
                if spec.total and label == _norm(spec.total):
                    stated = [cell_text(cell).strip() for cell in cells[1:]]
                if label not in fixed:
                    continue  # the total (computed, not kept), or a row the form does not have
                target = rows[fixed.index(label)]
                cells = cells[1:]
            else:
                target = row_type()
                rows.append(target)
            for cell, item in zip(cells, spec.items, strict=False):
                set_text_at(target, item.key, self.cell_answer(cell, item))
        self.check_total(spec, rows, stated)
        return rows

    def check_total(self, spec: FieldSpec, rows: list[Any], stated: list[str]) -> None:
        """A total written in the document that its rows do not add up to is said."""
        for item, text in zip(spec.items, stated, strict=False):
            written = parse_kronor(text)
            values = [getattr(row, item.key).value for row in rows]
            computed = sum(value for value in values if isinstance(value, int))
            if written.ok and written.value != computed:
                self.notes.append(
                    f"{spec.number or spec.name}: {spec.total} {item.label} i dokumentet är {format_kronor(written.value or 0)}, "
                    f"men raderna blir {format_kronor(computed)}. Kontrollera beloppen."
                )

    def cell_answer(self, cell: _Cell, spec: FieldSpec) -> str:
        """A cell holding paragraphs and lists, read like an answer."""
        return _joined([line.marker + line.text for line in self.cell_lines(cell)], spec)

    def cell_lines(self, cell: _Cell) -> list[_Line]:
        return [_Line(paragraph_text(p._p), _list_marker(p, self.counters, self.numbering)) for p in cell.paragraphs] + [
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
                paragraph = Paragraph(child, self.doc)
                self.line(_Line(paragraph_text(child), _list_marker(paragraph, self.counters, self.numbering)))
            elif child.tag == qn("w:tbl"):
                table = Table(child, self.doc)
                if not self.grid_table(table):
                    self.table(table)
            elif child.tag in _BLOCK_WRAPPERS:
                self.read(child)


def _joined(lines: list[str], spec: FieldSpec) -> str:
    """Field text from its lines. In answers, paragraphs stand apart by a blank line and
    list items (``•Text`` too) together; other fields keep one line per paragraph."""
    answer = spec.kind in {"answer", "list"}
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


_JUDGEMENTS = (  # what a written result says of its goal (å lost on the way too)
    (("inte uppnatts", "ej uppnatts", "inte har uppnatts"), "Nej"),
    (("del av malet", "delvis"), "Delvis"),
    (("uppnatts",), "Ja"),
)


def _rows_from_text(text: str, spec: FieldSpec, row_type: type[Any], notes: list[str]) -> list[Any]:
    """Rows of a table written as text, ``Mål: … Svar: …`` as reporters do: a line starting
    with the first column's label starts a row, the second's (or ``Svar``) adds to it. Text
    before the first mark stays with the first row; text without marks is all kept in one
    row, and said so. A choice column is judged from the result's words where they say it."""
    texts = [item for item in spec.items if item.kind in {"answer", "text", "lines"}][:2]
    choice = next((item for item in spec.items if item.kind == "choice"), None)
    if not texts:
        return []
    first_words = {_norm(texts[0].label)}
    marks = [_norm(item.label) for item in texts] + ["svar"]
    pattern = "|".join(re.escape(mark).replace("a", "[aå]") for mark in marks)
    pieces = re.split(rf"(?im)^\s*({pattern})\s*[0-9]*\s*:\s*", text)
    first, second = texts[0].key, texts[-1].key
    rows: list[Any] = []
    if len(pieces) > 1:
        for keyword, body in zip(pieces[1::2], pieces[2::2], strict=True):
            if _norm(keyword) in first_words or not rows:
                rows.append(row_type(**{first if _norm(keyword) in first_words else second: body.strip()}))
            else:
                setattr(rows[-1], second, (getattr(rows[-1], second) + "\n\n" + body.strip()).strip())
        if pieces[0].strip():
            setattr(rows[0], first, (pieces[0].strip() + "\n\n" + getattr(rows[0], first)).strip())
    elif text.strip():
        rows.append(row_type(**{first: text.strip()}))
        rest = " och ".join(item.label for item in spec.items if item is not texts[0])
        notes.append(
            f"{spec.number or spec.name} hade inga rubriker {texts[0].label} och Svar, "
            f"så all text ligger i {texts[0].label} 1. Fyll i {rest}."
        )
    if choice is not None:
        for row in rows:
            judgement = _norm(getattr(row, second))
            said = next((value for words, value in _JUDGEMENTS if any(word in judgement for word in words)), "")
            if said in choice.choices:
                setattr(row, choice.key, said)
    return rows


def _fill(reader: _Reader, form: FormSpec, notes: list[str] | None = None) -> tuple[Report, list[str], list[str]]:
    notes = [] if notes is None else notes
    draft = report_model(form)()
    found: list[str] = []
    missing: list[str] = []
    for path, spec, _section in form.fields():
        name = f"{spec.number} {spec.name}" if spec.number else spec.name
        rows = _rows(reader, draft, path, spec, notes)
        if rows is not None:
            parent_path, _, leaf = path.rpartition(".")
            setattr(value_at(draft, parent_path) if parent_path else draft, leaf, rows)
            filled = any(not _blank_row(row) for row in rows)
            (found if filled else missing).append(name)
            continue
        text = _joined(reader.texts.get(path) or [], spec)
        if not text:
            if spec.required:
                missing.append(name)
            continue
        found.append(name)
        if spec.kind == "daterange":
            start, slut = split_date_range(text) or (text, "")
            first, last = list(spec.parts)
            set_text_at(draft, f"{path}.{first}", start)
            set_text_at(draft, f"{path}.{last}", slut)
            continue
        set_text_at(draft, path, text)
    return draft, found, missing


def _blank_row(row: BaseModel) -> bool:
    return all(not str(getattr(value, "raw", value)).strip() for _key, value in row)


def _rows(reader: _Reader, draft: Report, path: str, spec: FieldSpec, notes: list[str]) -> list[Any] | None:
    """A list's or a table's rows as the document has them; None for other fields."""
    if spec.kind not in {"list", "table"}:
        return None
    row_type = row_model(draft, path)
    if path in reader.tables:
        return reader.tables[path]
    if _is_name_list(spec):
        key = spec.items[0].key
        texts = ["\n".join(line.strip() for line in part if line.strip()) for part in reader.names.get(path, [])]
        return [row_type(**{key: text}) for text in texts if text]
    if path in reader.signers:
        items = {item.key: item for item in spec.items}
        return [row_type(**{key: _joined(lines, items[key]) for key, lines in signer.items()}) for signer in reader.signers[path]]
    if spec.kind == "table":
        return list(value_at(draft, path))
    return _rows_from_text(_joined(reader.texts.get(path) or [], spec), spec, row_type, notes)


MAX_UNPACKED_BYTES = 160 * 2**20  # everything is read into memory; a report with photos is tens of MB
MAX_XML_BYTES = 64 * 2**20  # each XML part is parsed: a million-character answer is about 10 MB
MAX_PARTS = 2000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc are OLE files
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def _check_package(path: Path) -> None:
    """Refuse, before anything is unpacked, what is not a .docx or would unpack to too much."""
    try:
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


def _reading(doc: DocxDocument, form: FormSpec) -> _Reader:
    reader = _Reader(doc, form)
    reader.read()
    return reader


def _field_name(spec: FieldSpec, section: SectionSpec) -> str:
    return f"{spec.number} {spec.name}" if spec.number else f"{section.number}. {spec.name}"


def _take(draft: Report, path: str, printed: Any, visible: Any) -> None:
    """Put the document's version of one field into ``draft``; in a list of the same length,
    only the rows that changed (the others keep their exact text)."""
    parent_path, _, leaf = path.rpartition(".")
    parent = value_at(draft, parent_path) if parent_path else draft
    current = getattr(parent, leaf)
    if isinstance(current, list) and len(current) == len(printed) == len(visible):
        for index, (was, now) in enumerate(zip(printed, visible, strict=True)):
            if was != now:
                current[index] = now.model_copy(deep=True)
        return
    setattr(parent, leaf, visible.model_copy(deep=True) if isinstance(visible, BaseModel) else copy.deepcopy(visible))


def _with_word_edits(stored: DraftFile, reader: _Reader, form: FormSpec, notes: list[str]) -> ImportResult:
    """The embedded draft, with every field whose visible text was changed in Word taken from
    the document: each field is compared with how the export printed it, read the same way."""
    visible, _, _ = _fill(reader, form)
    exported = _reading(docx.Document(BytesIO(docx_bytes(stored.draft, stored.name, stored.imported)[0])), form)
    printed, _, _ = _fill(exported, form)
    draft = stored.draft.model_copy(deep=True)
    changed = []
    for path, spec, section in form.fields():
        was, now = value_at(printed, path), value_at(visible, path)
        if was != now:
            _take(draft, path, was, now)
            changed.append(_field_name(spec, section))
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


def read_docx(path: Path, form: FormSpec | None = None) -> ImportResult:
    """A draft from a .docx: from its text, and exactly where this app exported it unchanged.
    An export carries its form; for a document filled in by hand, ``form`` or the installed
    form it fits best."""
    doc = _open(path)
    source = hashlib.sha256(path.read_bytes()).hexdigest()
    notes = _review_notes(doc)
    carried = embedded.extract(doc)
    if carried is not None:
        try:
            stored, _migrated = decode(path, carried)
        except DraftFromNewerVersion:
            notes.append(
                "Utkastet i dokumentet är skapat med en nyare version av programmet, så texten lästes från "
                "dokumentet. Uppdatera programmet för att få med allt exakt."
            )
        except DraftUnreadable:
            notes.append("Den inbäddade kopian av utkastet är skadad, så texten lästes från dokumentet.")
        else:
            own = installed_forms().forms[type(stored.draft).form_id]
            result = _with_word_edits(stored, _reading(doc, own), own, notes)
            result.imported = result.imported.model_copy(update={"source": source})
            return result
    form, reader = _recognised(doc, path, form)
    notes += reader.notes
    draft, found, missing = _fill(reader, form, notes)
    notes += _unplaced_notes(reader.unplaced)
    imported = ImportRecord(note="\n".join(reader.unplaced), office=reader.office, source=source)
    return ImportResult(role_text(draft, "name"), draft, "text", found, missing, notes=notes, imported=imported)
