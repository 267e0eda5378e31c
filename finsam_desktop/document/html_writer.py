# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The report structure as HTML in the subset Qt's rich text understands.

The UI lays this out in a QTextDocument for the preview, printing and PDF; page
furniture (footer, page numbers, UTKAST) is drawn per page by the UI, not here.
"""

from __future__ import annotations

from html import escape

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
)
from finsam_desktop.document.structure import ReportDocument

STYLE = """
body { font-family: Arial, 'Liberation Sans', sans-serif; font-size: 11pt; color: #000; }
h1 { font-size: 26pt; margin: 0; }
h2 { font-size: 14pt; margin-top: 18px; margin-bottom: 6px; }
h3 { font-size: 11pt; margin-top: 12px; margin-bottom: 4px; }
h4 { font-size: 11pt; margin-top: 8px; margin-bottom: 4px; }
p { margin-top: 0; margin-bottom: 8px; }
table { margin-bottom: 12px; }
li { margin-bottom: 2px; }
p.subtitle { font-size: 16pt; }
p.help, p.caption { font-style: italic; color: #404040; font-size: 10pt; }
p.caption { font-size: 9pt; }
td, th { padding: 3px; vertical-align: top; }
th { text-align: left; }
"""


ALIGN_RIGHT = ' align="right"'


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br>").replace("\t", " ")


def _table(rows: list[list[tuple[str, bool]]], widths: list[int], numeric: tuple[bool, ...] = ()) -> str:
    body = []
    right = [*numeric, *([False] * len(widths))]
    for row in rows:
        cells = "".join(
            f'<{"th" if bold else "td"} width="{width}%"{ALIGN_RIGHT if right[index] else ""}>'
            f'{_text(text)}</{"th" if bold else "td"}>'
            for index, ((text, bold), width) in enumerate(zip(row, widths, strict=True))
        )
        body.append(f"<tr>{cells}</tr>")
    if len(rows) > 1 and all(bold for _, bold in rows[0]) and not any(bold for _, bold in rows[1]):
        body[0] = f"<thead>{body[0]}</thead>"  # a header row: Qt repeats it on every printed page
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="4" '
        f'style="border-collapse: collapse; border-color: #808080">{"".join(body)}</table>'
    )


def _block(block: Block) -> str:
    match block:
        case Title(title, subtitle):
            return f'<h1>{_text(title)}</h1><p class="subtitle">{_text(subtitle)}</p>'
        case Heading(text, level):
            tag = f"h{level + 1}"
            return f"<{tag}>{_text(text)}</{tag}>"
        case Paragraph(text, "help"):
            return f'<p class="help">{_text(text)}</p>'
        case Paragraph(text, "label"):
            return f"<p><b>{_text(text)}</b></p>"
        case Paragraph(text, _style):
            return f"<p>{_text(text)}</p>"
        case ListBlock(items, numbers):
            if numbers:
                return "".join(
                    f'<p style="margin-left:24px; text-indent:-24px">{_text(number)} {_text(item)}</p>'
                    for number, item in zip(numbers, items, strict=True)
                )
            return "<ul>" + "".join(f"<li>{_text(item)}</li>" for item in items) + "</ul>"
        case FieldTable(rows):
            return _table([[(label, True), (value, False)] for label, value in rows], [38, 62])
        case GridTable(header, rows, widths, total, numeric):
            table = _table(
                [
                    [(text, True) for text in header],
                    *[[(text, False) for text in row] for row in rows],
                    *([[(text, True) for text in total]] if total else []),
                ],
                list(widths),
                numeric,
            )
            for text in {text for row in rows for text in row if text}:  # each cell's paragraphs and lists
                table = table.replace(
                    f">{_text(text)}</td>", f">{''.join(_block(block) for block in free_text_blocks(text))}</td>"
                )
            return table
        case OfficeBox(caption_text, labels, values):
            width = 100 // len(labels)
            caption = f'<p class="caption">{_text(caption_text)}</p>'
            filled = [(value or "\n", False) for value in values or ("",) * len(labels)]
            return caption + _table([[(label, True) for label in labels], filled], [width] * len(labels))
        case Choice(text, checked):
            return f"<h3>{CHECKED if checked else UNCHECKED} {_text(text)}</h3>"
        case PageBreak():
            return '<p style="page-break-after: always"></p>'
    raise TypeError(block)


def write_html(report: ReportDocument) -> str:
    """One HTML page holding the report's body."""
    body = "".join(_block(block) for block in report.blocks)
    return (
        f'<html><head><meta charset="utf-8"><title>{_text(report.title)}</title>'
        f"<style>{STYLE}</style></head><body>{body}</body></html>"
    )


def stylesheet() -> str:
    """The same rules for renderers that take them apart from the HTML (QTextDocument)."""
    return STYLE
