# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The report laid out by Qt: a QTextDocument for the preview and for printing.

(PDF files are typeset by :mod:`finsam_desktop.document.pdf_writer`, tagged for accessibility.)

Pages are drawn one by one so every page gets the förbund's footer, ``Sida N(M)`` and,
for a report with errors, the UTKAST mark in the header, as in the Word document.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtPrintSupport import QPrinter

from finsam_desktop.document.html_writer import stylesheet, write_html
from finsam_desktop.document.structure import ReportDocument

MARGINS_MM = QMarginsF(25, 22, 25, 22)
FURNITURE_PT = 11  # room for the header and footer lines, in points


def text_document(report: ReportDocument) -> QTextDocument:
    """The report as a QTextDocument (for the preview, and laid out anew for each device)."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setDefaultFont(QFont("Arial", 11))
    document.setDefaultStyleSheet(stylesheet())
    document.setHtml(write_html(report))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, report.title)
    return document


def _page_of(document: QTextDocument, y: float, page_height: float) -> int:
    return int(y // page_height)


def _keep_headings_with_what_follows(document: QTextDocument, page_height: float) -> None:
    """Qt has no keep-with-next: a heading (and the help text under it) that would end a
    page gets a page break before it instead, page by page from the top."""
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0 and not block.blockFormat().pageBreakPolicy():
            follower = block.next()
            while follower.isValid() and follower.next().isValid() and _is_help(follower):
                follower = follower.next()
            top = layout.blockBoundingRect(block).top()
            bottom = layout.blockBoundingRect(follower).top() + min(
                layout.blockBoundingRect(follower).height(),
                2 * follower.layout().lineAt(0).height() if follower.layout().lineCount() else 0,
            )
            if follower.isValid() and _page_of(document, top, page_height) != _page_of(document, bottom, page_height):
                while block.previous().isValid() and block.previous().blockFormat().headingLevel() > 0:
                    block = block.previous()  # 5. above 5.1: the section heading goes along
                cursor = QTextCursor(block)
                moved = block.blockFormat()
                moved.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.setBlockFormat(moved)
                document.markContentsDirty(block.position(), document.characterCount() - block.position())
        block = block.next()


def _is_help(block: QTextBlock) -> bool:
    """A help text under a question: wholly in italics."""
    fragments = block.begin()
    return not fragments.atEnd() and fragments.fragment().charFormat().fontItalic()


def paint_pages(report: ReportDocument, device: QPdfWriter | QPrinter) -> int:
    """Lay out and draw the report on ``device`` (a QPdfWriter or QPrinter); returns pages."""
    device.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter)
    )
    document = text_document(report)
    document.documentLayout().setPaintDevice(device)
    area = device.pageLayout().paintRectPixels(device.resolution())
    line = device.resolution() * FURNITURE_PT * 2 / 72
    body = QRectF(0, line, area.width(), area.height() - 2 * line)
    document.setPageSize(QSizeF(body.width(), body.height()))
    _keep_headings_with_what_follows(document, body.height())
    document.setPageSize(QSizeF(body.width(), body.height() + 1))  # a full layout again, with the breaks
    document.setPageSize(QSizeF(body.width(), body.height()))
    pages = document.pageCount()
    small = QFont("Arial", 9)
    painter = QPainter(device)
    if not painter.isActive():  # Qt says nothing else when a file or printer cannot be opened
        raise OSError("the paint device could not be opened")
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, body.top() - page * body.height())
            # A device pixel in from each edge: a line touching the edge belongs to the other page.
            document.drawContents(painter, QRectF(0, page * body.height() + 1, body.width(), body.height() - 2))
            painter.restore()
            painter.setFont(small)
            footer = QRectF(0, area.height() - line, area.width(), line)
            painter.drawText(footer, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, report.footer)
            painter.drawText(footer, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, f"Sida {page + 1}({pages})")
            if report.draft_mark:
                painter.setFont(QFont("Arial", 14, QFont.Weight.Bold))
                painter.drawText(QRectF(0, 0, area.width(), line), Qt.AlignmentFlag.AlignHCenter, report.draft_mark)
    finally:
        painter.end()  # always finish the file
    return pages
