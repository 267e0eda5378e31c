# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The report as a tagged, accessible PDF (PDF/UA-1), typeset by Typst.

Public bodies must publish accessible documents: the PDF has a title, the language sv-SE,
real headings (H1, H2), table header cells (a label column as row headers) and a reading
order, which Qt's PDF writer cannot give. The page is the Word document's: A4, 25/22 mm margins, Arial 11 pt, the förbund's footer
with ``Sida N(M)`` and the UTKAST mark on every page of a report with errors. Every piece of
the user's text goes in as a Typst string literal, so nothing typed can be read as markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pikepdf
import typst

from finsam_desktop.document.blocks import (
    CHECKED,
    UNCHECKED,
    Block,
    Choice,
    FieldTable,
    GridTable,
    Heading,
    ListBlock,
    OfficeBox,
    PageBreak,
    Paragraph,
    Title,
    free_text_blocks,
    link_target,
    links,
)
from finsam_desktop.document.export import ExportError, export_message
from finsam_desktop.document.pdf_row_headers import with_row_headers
from finsam_desktop.document.structure import ReportDocument
from finsam_desktop.drafts import atomic_write

FONTS = '("Arial", "Liberation Sans", "Segoe UI Symbol", "DejaVu Sans")'  # the last two for ☐ and ☒
SECONDARY = "rgb(64, 64, 64)"


def literal(text: str) -> str:
    """``text`` as a Typst string: shown exactly as written, whatever it holds."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", " ")
    return f'"{escaped}"'


_BREAKABLE = re.compile(r"(?<=[@./_-])")  # where a long address may break onto the next line


def _linked(address: str) -> str:
    """An address as a link, breakable after ``@``, dots and dashes so that a long one stays
    inside its table cell (Typst breaks no word without a break opportunity)."""
    shown = "#sym.zws".join(f"#{literal(part)}" for part in _BREAKABLE.split(address) if part)
    return f"#link({literal(link_target(address))})[{shown}]"


def _content(text: str) -> str:
    """``text`` as Typst content: literal strings, e-mail and web addresses as links."""
    pieces, start = [], 0
    for match in links(text):
        pieces += [f"#{literal(text[start : match.start()])}", _linked(match.group())]
        start = match.end()
    pieces.append(f"#{literal(text[start:])}")
    return f"[{''.join(pieces)}]"


def _cells(texts: Iterable[str], bold: bool = False) -> str:
    return ", ".join(f"[#strong({literal(text)})]" if bold else _content(text) for text in texts)


def _numbered(number: str, item: str) -> str:
    """An item of a numbered list with the number the user wrote (``3.`` stays 3)."""
    return f"enum.item({int(number.rstrip('.'))}){_content(item)}"


def _block(block: Block) -> str:
    match block:
        case Title(title, subtitle):
            return f"#title({_content(title)})\n#text(size: 16pt){_content(subtitle)}\n"
        case Heading(text, level):
            return f"#heading(level: {level}){_content(text)}\n"
        case Paragraph(text, "help"):
            return f'#block(sticky: true, text(size: 10pt, style: "italic", fill: {SECONDARY}){_content(text)})\n'
        case Paragraph(text, "label"):
            return f"#block(sticky: true, strong({literal(text)}))\n"
        case Paragraph(text, "empty"):
            return "#v(0.5em)\n"
        case Paragraph(text, _style):
            return f"#par({_content(text)})\n"
        case ListBlock(items, numbers):
            if numbers:
                return f"#enum({', '.join(_numbered(number, item) for number, item in zip(numbers, items, strict=True))})\n"
            return f"#list({', '.join(_content(item) for item in items)})\n"
        case FieldTable(rows):
            cells = ", ".join(f"{_cells([label], bold=True)}, {_content(value)}" for label, value in rows)
            return f"#table(columns: (6cm, 1fr), {cells})\n"
        case GridTable(header, rows, widths, total, numeric):
            body = ", ".join(f"[{''.join(_block(block) for block in free_text_blocks(text))}]" for row in rows for text in row)
            columns = ", ".join(f"{width}%" for width in widths)
            right = [*numeric, *([False] * len(widths))]
            align = ", ".join("right" if right[index] else "left" for index in range(len(widths)))
            footer = f", {_cells(total, bold=True)}" if total else ""
            return f"#table(columns: ({columns}), align: ({align},), table.header({_cells(header, bold=True)}), {body}{footer})\n"
        case OfficeBox(caption_text, labels, values):
            shown = values or ("",) * len(labels)
            caption = f'#text(size: 9pt, style: "italic", fill: {SECONDARY}){_content(caption_text)}\n'
            table = f"#table(columns: ({', '.join(['1fr'] * len(labels))}), rows: (auto, 1cm), "
            return caption + table + f"table.header({_cells(labels, bold=True)}), {_cells(shown)})\n"
        case Choice(text, checked):
            return f"#heading(level: 2){_content(f'{CHECKED if checked else UNCHECKED} {text}')}\n"
        case PageBreak():
            return "#pagebreak()\n"
    raise TypeError(block)


def typst_source(report: ReportDocument) -> str:
    """The whole report as Typst markup."""
    mark = f'align(center, text(size: 14pt, weight: "bold", {literal(report.draft_mark)}))' if report.draft_mark else "none"
    footer = (
        f"context text(size: 9pt)[#{literal(report.footer)} #h(1fr) "
        'Sida #counter(page).display()#"("#counter(page).final().first()#")"]'
    )
    preamble = f"""#set document(title: {literal(report.title)}, author: {literal(report.author or "Finsam Slutrapport")})
#set text(lang: "sv", region: "SE", font: {FONTS}, size: 11pt)
#set page(paper: "a4", margin: (x: 25mm, y: 22mm), header: {mark}, footer: {footer})
#set par(spacing: 0.8em, leading: 0.68em)
#show title: set text(size: 26pt)
#show heading.where(level: 1): set text(size: 14pt)
#show heading.where(level: 1): set block(above: 1.4em, below: 0.6em)
#show heading.where(level: 2): set text(size: 11pt)
#show heading.where(level: 2): set block(above: 1.1em, below: 0.4em)
#show heading.where(level: 3): set text(size: 11pt)
#show heading.where(level: 3): set block(above: 0.8em, below: 0.4em)
#set table(stroke: 0.5pt + rgb(128, 128, 128), inset: 4pt)
#show link: set text(fill: rgb(5, 99, 193))
#show link: underline
"""
    return preamble + "".join(_block(block) for block in report.blocks)


def pdf_bytes(report: ReportDocument) -> tuple[bytes, int]:
    """The tagged PDF and its number of pages."""
    return with_row_headers(typst.compile(typst_source(report).encode("utf-8"), pdf_standards=["ua-1"]))


def write_pdf(report: ReportDocument, path: Path) -> int:
    """Write the report as a PDF file, whole or not at all; returns the number of pages.
    Raises :class:`ExportError` with a Swedish message when it could not be written."""
    try:
        data, pages = pdf_bytes(report)
    except (typst.TypstError, pikepdf.PdfError) as error:  # a font missing on this computer, say, or a tagging fault
        raise ExportError(path, f"PDF-filen ”{path.name}” kunde inte skapas ({error}).", detail=str(error)) from error
    try:
        atomic_write(path, data)
    except OSError as error:
        raise ExportError(path, export_message(path, error), detail=str(error)) from error
    return pages
