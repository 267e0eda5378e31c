# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A blank Word mall as the deriver sees it: paragraphs (heading or not, help text or not)
and tables of cell texts, in reading order, and the footer's text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table

from finsam_desktop.reading.ooxml import BLOCK_WRAPPERS, cell_text, is_heading, paragraph_text, style_names, table_cells

_SMALL = 20  # half-points: text set smaller than 10 pt is the mall's help


@dataclass(frozen=True)
class Para:
    text: str
    heading: bool = False  # a heading style, or bold throughout
    aside: bool = False  # italic throughout, smaller type or in parentheses: help text
    title: bool = False  # the Title style


@dataclass(frozen=True)
class Grid:
    rows: tuple[tuple[str, ...], ...]


Block = Para | Grid


def outline(doc: DocxDocument) -> list[Block]:
    styles = style_names(doc)
    blocks: list[Block] = []

    def walk(container: Any) -> None:
        for child in container.iterchildren():
            if child.tag == qn("w:p"):
                text = paragraph_text(child).strip()
                if text:
                    blocks.append(Para(text, is_heading(child, styles), _is_aside(child, text), _style(child, styles) == "title"))
            elif child.tag == qn("w:tbl"):
                rows = table_cells(Table(child, doc))
                blocks.append(Grid(tuple(tuple(cell_text(cell).strip() for cell in row) for row in rows)))
            elif child.tag in BLOCK_WRAPPERS:
                walk(child)

    walk(doc.element.body)
    return blocks


def footer_text(doc: DocxDocument) -> str:
    """The first section's footer, without page numbers."""
    lines = [paragraph_text(p._p).strip() for p in doc.sections[0].footer.paragraphs] if doc.sections else []
    return " ".join(line for line in lines if line and not line.lower().startswith("sida"))


def _style(element: Any, styles: dict[str, str]) -> str:
    found = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return styles.get(found.get(qn("w:val"), ""), "") if found is not None else ""


def _is_aside(element: Any, text: str) -> bool:
    if text.startswith("(") and text.endswith(")"):
        return True
    runs = [run for run in element.iter(qn("w:r")) if "".join(t.text or "" for t in run.iter(qn("w:t"))).strip()]
    return bool(runs) and all(_italic_or_small(run) for run in runs)


def _italic_or_small(run: Any) -> bool:
    properties = run.find(qn("w:rPr"))
    if properties is None:
        return False
    italic = properties.find(qn("w:i"))
    size = properties.find(qn("w:sz"))
    small = size is not None and (size.get(qn("w:val")) or "99").isdigit() and int(size.get(qn("w:val"))) < _SMALL
    return small or (italic is not None and (italic.get(qn("w:val")) or "on").lower() not in {"0", "false", "off"})
