# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Förhandsgranska och skriv ut: the report's pages as they print, with words on every button.

Qt's own preview opens small with a toolbar of icons alone, and at 1024×700 its printer
button hides behind "»" where Tab cannot reach it. Here *Skriv ut…* is the default button
(Enter), beside page setup, zoom and the page count, every one reachable with Tab and a key.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

SCREEN_SHARE = 0.9  # of the screen's available area the dialog opens at
ZOOM_STEP = 1.25


class PrintPreview(QDialog):
    """The pages ``paint`` draws on ``printer``; printed with *Skriv ut…* once the system's
    print dialog is accepted."""

    def __init__(self, printer: QPrinter, paint: Callable[[QPrinter], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Förhandsgranska och skriv ut")
        self.printer = printer
        self.pages = QPrintPreviewWidget(printer)
        self.pages.setAccessibleName("Sidorna som de skrivs ut")
        self.pages.paintRequested.connect(paint)
        self.pages.previewChanged.connect(self._say_page)
        self.page_count = QLabel()
        self.print_button = QPushButton("&Skriv ut…")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_pages)
        close = QPushButton("Stäng")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for text, keys, action in (
            ("&Föregående sida", QKeySequence.StandardKey.MoveToPreviousPage, self._previous_page),
            ("&Nästa sida", QKeySequence.StandardKey.MoveToNextPage, self._next_page),
            ("För&minska", QKeySequence.StandardKey.ZoomOut, lambda: self.pages.zoomOut(ZOOM_STEP)),
            ("För&stora", QKeySequence.StandardKey.ZoomIn, lambda: self.pages.zoomIn(ZOOM_STEP)),
            ("&Hela sidan", QKeySequence("Ctrl+0"), self.pages.fitInView),
            ("Sid&inställningar…", QKeySequence("Ctrl+Shift+P"), self.page_setup),
        ):
            button = QPushButton(text)
            button.clicked.connect(action)
            button.setToolTip(QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText))
            QShortcut(keys, self, action)
            buttons.addWidget(button)
        buttons.addWidget(self.page_count)
        buttons.addStretch()
        buttons.addWidget(close)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        self.resize(int(area.width() * SCREEN_SHARE), int(area.height() * SCREEN_SHARE))
        self.pages.fitInView()
        self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _say_page(self) -> None:
        self.page_count.setText(f"Sida {self.pages.currentPage()} av {self.pages.pageCount()}")

    def _previous_page(self) -> None:
        self.pages.setCurrentPage(max(1, self.pages.currentPage() - 1))
        self._say_page()

    def _next_page(self) -> None:
        self.pages.setCurrentPage(min(self.pages.pageCount(), self.pages.currentPage() + 1))
        self._say_page()

    def page_setup(self) -> None:
        """Paper, orientation and margins, as the printer allows; the pages are drawn again."""
        if QPageSetupDialog(self.printer, self).exec():  # accepted
            self.pages.updatePreview()

    def print_pages(self) -> None:
        """The system's print dialog (printer, copies, pages); printed when it is accepted."""
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle("Skriv ut")
        if dialog.exec():  # accepted
            self.pages.print_()
            self.accept()
