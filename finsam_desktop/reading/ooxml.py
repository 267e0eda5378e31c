# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A Word document's text as Word shows it: paragraphs with changes accepted, table cells,
list items by their numbering or style (style ids resolved once per document), and the
formatting a draft cannot hold."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table, _Cell

_P_PR, _P_STYLE, _NUM_PR, _NUM_ID = qn("w:pPr"), qn("w:pStyle"), qn("w:numPr"), qn("w:numId")
VAL = qn("w:val")


def style_names(doc: DocxDocument) -> dict[str, str]:
    """styleId → the style's name in lower case, read once per document (python-docx's
    ``paragraph.style`` scans every style for every paragraph)."""
    names: dict[str, str] = {}
    for style in doc.styles.element.iterchildren(qn("w:style")):
        name = style.find(qn("w:name"))
        names[style.get(qn("w:styleId")) or ""] = ((name.get(VAL) if name is not None else None) or "").lower()
    return names


def list_marker(element: Any, counters: dict[str, int], numbering: dict[str, Numbered], styles: dict[str, str]) -> str:
    """``- `` for a bullet item, ``3. `` for the third numbered one, "" for a plain paragraph.
    Numbering switched off on the paragraph (``numId`` 0) makes it plain, whatever its style."""
    properties = element.find(_P_PR)
    style_id = ""
    if properties is not None:
        style = properties.find(_P_STYLE)
        style_id = style.get(VAL, "") if style is not None else ""
        num = properties.find(_NUM_PR)
        number = num.find(_NUM_ID) if num is not None else None
        if number is not None:
            number_id = number.get(VAL, "")
            if number_id in {"", "0"}:
                return ""
            numbered = numbering.get(number_id)
            if numbered is not None and numbered.format == "decimal":
                return f"{numbered.next(counters, number_id)}. "
            return "- "
    style = styles.get(style_id, "")
    if "list bullet" in style or "punktlista" in style:
        return "- "
    if "list number" in style or "numrerad" in style:
        counters[style] = counters.get(style, 0) + 1
        return f"{counters[style]}. "
    return ""


_HEADING_STYLES = ("heading", "rubrik", "title", "subtitle")


def is_heading(element: Any, styles: dict[str, str]) -> bool:
    """A paragraph in a heading style, or with all its text bold (how malls often set a question)."""
    properties = element.find(_P_PR)
    style = properties.find(_P_STYLE) if properties is not None else None
    if style is not None and styles.get(style.get(VAL, ""), "").startswith(_HEADING_STYLES):
        return True
    runs = [run for run in element.iter(qn("w:r")) if any((text.text or "").strip() for text in run.iter(TEXT))]
    return bool(runs) and all(_is_bold(run) for run in runs)


def _is_bold(run: Any) -> bool:
    properties = run.find(qn("w:rPr"))
    bold = properties.find(qn("w:b")) if properties is not None else None
    return bold is not None and (bold.get(VAL) or "on").lower() not in _OFF


@dataclass(frozen=True)
class Numbered:
    """How a list (``w:num``) numbers its first level. As in Word, lists sharing a definition
    count on together, and a list that overrides its start begins again there (LibreOffice
    writes a numbered block as one list that restarts and one that continues it)."""

    format: str
    definition: str
    start: int
    restart: int | None

    def next(self, counters: dict[str, int], number_id: str) -> int:
        """The next number; ``counters`` holds each definition's last number and, under
        ``num:<id>``, which lists have begun."""
        if f"num:{number_id}" not in counters:
            counters[f"num:{number_id}"] = 1
            if self.restart is not None or self.definition not in counters:
                counters[self.definition] = (self.restart if self.restart is not None else self.start) - 1
        counters[self.definition] += 1
        return counters[self.definition]


def numbering_formats(doc: DocxDocument) -> dict[str, Numbered]:
    """numId → how its list numbers its first level (``decimal``, ``bullet``…)."""
    try:
        root = doc.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    levels = {node.get(qn("w:abstractNumId")): node.find(qn("w:lvl")) for node in root.findall(qn("w:abstractNum"))}
    formats = {}
    for num in root.findall(qn("w:num")):
        link = num.find(qn("w:abstractNumId"))
        definition = (link.get(VAL) if link is not None else None) or ""
        level = levels.get(definition)
        fmt = level.find(qn("w:numFmt")) if level is not None else None
        start = _number(level.find(qn("w:start"))) if level is not None else None
        restart = _number(num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}"))
        shape = (fmt.get(VAL) if fmt is not None else None) or "bullet"
        formats[num.get(qn("w:numId"))] = Numbered(shape, definition, start or 1, restart)
    return formats


def _number(element: Any) -> int | None:
    value = element.get(VAL, "") if element is not None else ""
    return int(value) if value.isdigit() and len(value) < 6 else None


BLOCK_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:ins"), qn("w:moveTo")}
_SKIPPED = {qn("w:del"), qn("w:moveFrom"), qn("w:pPr"), qn("w:rPr"), qn("w:instrText"), qn("w:delText")}
_SKIPPED_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
TEXT, _TAB, _BREAKS = qn("w:t"), qn("w:tab"), {qn("w:br"), qn("w:cr")}


def paragraph_text(element: Any) -> str:
    """A paragraph's text as Word shows it with changes accepted: runs inside content
    controls, hyperlinks, fields and tracked insertions count; deleted text does not."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        for child in node:
            tag = child.tag
            if tag == TEXT:
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


def table_cells(table: Table) -> list[list[_Cell]]:
    """Each row's cells once: a cell spanning columns is one ``w:tc``; the continuation
    cells of a vertical merge are left out."""
    return [[_Cell(tc, table) for tc in row._tr.tc_lst if tc.vMerge != "continue"] for row in table.rows]


# --- lines to fields ------------------------------------------------------------------


FORMATTING_LOST = (
    "Fetstil, färg, markering eller understrykning som lagts till i Word kommer inte med: utkastet sparar "
    "bara texten, och nästa export har rapportens egen formatering."
)
_FORMATS = {qn("w:b"), qn("w:color"), qn("w:highlight"), qn("w:u"), qn("w:strike")}
_OFF = {"0", "false", "none", "auto"}


def formatted_characters(doc: DocxDocument) -> int:
    """Characters of the body in runs with their own bold, colour, highlight, underline or
    strike-through, links aside (the export makes those blue and underlined itself). Counted
    in characters, so a run Word splits in two counts the same."""
    count = 0
    for properties in doc.element.body.iter(qn("w:rPr")):
        run = properties.getparent()
        if run is None or run.tag != qn("w:r") or run.getparent().tag == qn("w:hyperlink"):
            continue
        if any(child.tag in _FORMATS and (child.get(VAL) or "on").lower() not in _OFF for child in properties):
            count += sum(len(text.text or "") for text in run.iter(TEXT))
    return count
