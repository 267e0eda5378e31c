# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Export, print and PDF from the window: the dialogs around the core's export.

All dialogs are opened here (file choosers, questions, results), so the window stays
thin and tests replace them at this seam.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from finsam_desktop.document.export import ExportError, export_docx
from finsam_desktop.document.filename import suggested_filename
from finsam_desktop.document.pdf_writer import write_pdf
from finsam_desktop.document.structure import ReportDocument, build_document
from finsam_desktop.session import DraftSession
from finsam_desktop.validation import FEL, validate
from ui import settings
from ui.print_preview import PrintPreview
from ui.report_pdf import paint_pages
from ui.reveal import reveal, where


def printed(session: DraftSession) -> ReportDocument:
    """The report as printed, with the office box as the förbund filled it in."""
    return build_document(session.draft, office=session.imported.office)


def documents_folder() -> Path:
    """The user's Dokument folder, or the home folder where there is none (a dialog opened
    in a folder that does not exist starts in the program's own)."""
    documents = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
    return documents if documents.is_dir() else Path.home()


def confirm_draft_export(parent: QWidget, session: DraftSession) -> bool:
    """A report with errors is exported only as UTKAST, and only when the user agrees."""
    errors = [problem for problem in validate(session.draft) if problem.severity == FEL]
    if not errors:
        return True
    box = QMessageBox(QMessageBox.Icon.Warning, "Rapporten har fel", "", parent=parent)
    box.setText(
        f"Rapporten har {len(errors)} fel kvar och blir därför märkt "
        "”UTKAST – inte slutlig version” på varje sida."
    )
    box.setInformativeText("Rätta felen under Granska och exportera om du vill ha den slutliga versionen.")
    export = box.addButton("Exportera som utkast", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Avbryt", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is export


def save_folder() -> Path:
    """The folder a save dialog starts in: the last one used, while it exists, else Dokument."""
    last = Path(settings.last_folder()) if settings.last_folder() else None
    return last if last is not None and last.is_dir() else documents_folder()


def choose_path(parent: QWidget, title: str, name: str, filter_text: str) -> Path | None:
    """A save dialog with the suggested name whole (``Trisam 2.0.pdf``, dots kept)."""
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(save_folder() / name), filter_text)
    if not chosen:
        return None
    settings.set_last_folder(str(Path(chosen).parent))
    return Path(chosen)


def offer_to_open(parent: QWidget, path: Path, lines: list[str]) -> None:
    """Say where the file went and offer to open it or show its folder."""
    box = QMessageBox(QMessageBox.Icon.Information, "Klart", "\n".join(lines), parent=parent)
    open_file = box.addButton("Öppna", QMessageBox.ButtonRole.AcceptRole)
    show_folder = box.addButton("Visa i mappen", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Stäng", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is open_file and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        said = f"Inget program på datorn kunde öppna ”{path.name}”. Filen finns i {path.parent}."
        where(parent, "Kunde inte öppna filen", said, path)
    elif box.clickedButton() is show_folder:
        reveal(parent, path)


def export_word(parent: QWidget, session: DraftSession) -> Path | None:
    """Exportera Word-dokument…"""
    if not confirm_draft_export(parent, session):
        return None
    path = choose_path(parent, "Exportera Word-dokument", suggested_filename(session.draft), "Word-dokument (*.docx)")
    if path is None:
        return None
    try:
        result = export_docx(session.draft, session.name, path, session.imported)
    except ExportError as error:
        QMessageBox.warning(parent, "Kunde inte exportera", str(error))
        return None
    offer_to_open(parent, path, result.summary())
    return path


def save_pdf(parent: QWidget, session: DraftSession) -> Path | None:
    """Spara som PDF…"""
    if not confirm_draft_export(parent, session):
        return None
    path = choose_path(parent, "Spara som PDF", suggested_filename(session.draft, ".pdf"), "PDF-filer (*.pdf)")
    if path is None:
        return None
    try:
        pages = write_pdf(printed(session), path)
    except ExportError as error:
        QMessageBox.warning(parent, "Kunde inte spara", str(error))
        return None
    offer_to_open(parent, path, [f"Rapporten är sparad som {path} ({pages} sidor)."])
    return path


def print_preview(parent: QWidget, session: DraftSession) -> None:
    """Förhandsgranska och skriv ut…: A4, the same pages as the PDF."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(suggested_filename(session.draft, ".pdf"))  # "Skriv till fil" drops only the suffix
    PrintPreview(printer, lambda device: paint_pages(printed(session), device), parent).exec()
