# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""What a .docx shows, read with python-docx: body lines in order, header and footer."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from finsam_desktop.reading.ooxml import list_marker, numbering_formats, style_names


def open_docx(source: Path | bytes) -> DocxDocument:
    if isinstance(source, bytes):
        from io import BytesIO

        return docx.Document(BytesIO(source))
    return docx.Document(str(source))


def _lines(text: str) -> list[str]:
    return [line.replace("\t", " ").strip() for line in text.split("\n") if line.strip()]


def body_lines(doc: DocxDocument) -> list[str]:
    """Every non-empty line of the body: paragraphs, then table cells row by row; an item of
    a numbered Word list with its number, as Word shows it (``1. först``)."""
    lines: list[str] = []
    counters: dict[str, int] = {}
    numbering, styles = numbering_formats(doc), style_names(doc)

    def shown(paragraph: Paragraph) -> list[str]:
        marker = list_marker(paragraph._p, counters, numbering, styles)
        return _lines((marker if marker[:1].isdigit() else "") + paragraph.text)

    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines += shown(Paragraph(child, doc))
        elif child.tag == qn("w:tbl"):
            table = Table(child, doc)
            for row in table.rows:
                for tc in row._tr.tc_lst:
                    for paragraph in _Cell(tc, table).paragraphs:
                        lines += shown(paragraph)
    return lines
