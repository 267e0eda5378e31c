"""The report laid out by Qt: a QTextDocument for preview and printing, and PDF files.

Pages are drawn one by one so every page gets the förbund's footer, ``Sida N(M)`` and,
for a report with errors, the UTKAST mark in the header, as in the Word document.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from finsam_desktop.document.export import ExportError, export_message
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


def paint_pages(report: ReportDocument, device: QPdfWriter | QPrinter) -> int:
    """Lay out and draw the report on ``device`` (a QPdfWriter or QPrinter); returns pages."""
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, MARGINS_MM))
    document = text_document(report)
    document.documentLayout().setPaintDevice(device)
    area = device.pageLayout().paintRectPixels(device.resolution())
    line = device.resolution() * FURNITURE_PT * 2 / 72
    body = QRectF(0, line, area.width(), area.height() - 2 * line)
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
            document.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
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


def write_pdf(report: ReportDocument, path: Path) -> int:
    """Write the report as a PDF file; returns the number of pages.

    Qt never raises and may leave a half-written file, so the pages go to a temporary
    file beside ``path`` that replaces it only when complete. Raises :class:`ExportError`
    with a Swedish message when the PDF could not be written."""
    app = QGuiApplication.instance()
    if app is None:  # called headless, from the command line: fonts need an application
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["finsam-desktop"])
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        temp.touch(mode=0o644)  # the real reason (no folder, no permission, disk full) when it fails
        writer = QPdfWriter(str(temp))
        writer.setTitle(report.title)
        writer.setCreator("Finsam Slutrapport")
        writer.setResolution(300)
        pages = paint_pages(report, writer)
        del writer  # closes the file
        if temp.stat().st_size == 0:
            raise OSError("nothing was written")
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise ExportError(path, export_message(path, error), detail=str(error)) from error
    return pages
