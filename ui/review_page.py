# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Granska och exportera: every problem by section, a preview, and the export actions.

Signals: ``problem_chosen(path, span)`` when the user picks a problem to go and fix.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from finsam_desktop.model import Report
from finsam_desktop.roles import form_of
from finsam_desktop.spelling.report import FoundMisspelling
from finsam_desktop.validation import FEL, Problem
from ui.editors.field import SEVERITY_TEXT
from ui.flow_layout import FlowLayout

PATH_ROLE = Qt.ItemDataRole.UserRole
SPELLING_ROLE = Qt.ItemDataRole.UserRole + 1  # an item about spelling, not a problem
SPAN_ROLE = Qt.ItemDataRole.UserRole + 2  # where in the field's text the first misspelt word is


class ReviewPage(QWidget):
    """The last page of the wizard."""

    problem_chosen = Signal(object, object)  # the field's path, and the characters to select or None

    def __init__(self, draft: Report) -> None:
        super().__init__()
        self.draft = draft
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        title = QLabel("Granska och exportera")
        title.setProperty("role", "sectiontitle")
        layout.addWidget(title)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = FlowLayout()  # wraps on a narrow screen instead of clipping the words
        self.export_button = QPushButton("&Exportera Word-dokument…")
        self.print_button = QPushButton("Förhandsgranska och &skriv ut…")
        self.pdf_button = QPushButton("Spara som &PDF…")
        self.mail_button = QPushButton("Skicka med e-&post…")
        for button in (self.export_button, self.print_button, self.pdf_button, self.mail_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        splitter = QSplitter()
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.problems.setSpacing(2)
        self.problems.setAccessibleName("Problem i rapporten")
        self.problems.itemActivated.connect(self._chosen)  # Enter or a double click; one click only selects
        self._shown_document: QTextDocument | None = None
        self.spelling: list[FoundMisspelling] = []
        self.preview = QTextBrowser()
        self.preview.setAccessibleName("Förhandsgranskning av rapporten")
        self.preview.setProperty("role", "paper")  # the report as it prints, in any scheme
        splitter.addWidget(self.problems)
        splitter.addWidget(self.preview)
        splitter.setSizes([380, 520])
        layout.addWidget(splitter, 1)

    def show_spelling(self, found: list[FoundMisspelling]) -> None:
        """How many possible misspellings each section has: information, never a fel; an
        item goes to the section's first one."""
        self.spelling = found
        for row in reversed(range(self.problems.count())):
            if self.problems.item(row).data(SPELLING_ROLE):
                self.problems.takeItem(row)
        form = form_of(self.draft)
        for section in form.sections:
            own = [each for each in found if form.section_of(each.path).key == section.key]
            if own:
                words = "möjligt stavfel" if len(own) == 1 else "möjliga stavfel"
                listed = ", ".join(dict.fromkeys(each.misspelling.word for each in own[:5]))
                item = QListWidgetItem(f"ℹ Stavning i {section.heading}: {len(own)} {words} ({listed})")
                item.setData(PATH_ROLE, own[0].path)
                item.setData(SPAN_ROLE, (own[0].misspelling.start, own[0].misspelling.end))
                item.setData(SPELLING_ROLE, True)
                item.setToolTip("Retur eller dubbelklick: gå till det första; högerklicka på ordet för förslag")
                self.problems.addItem(item)
        self.problems.setVisible(self.problems.count() > 0)

    def _chosen(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path is not None:
            self.problem_chosen.emit(path, item.data(SPAN_ROLE))

    def show_problems(self, problems: list[Problem]) -> None:
        form = form_of(self.draft)
        errors = sum(problem.severity == FEL for problem in problems)
        warnings = len(problems) - errors
        if not problems:
            self.summary.setText("✔ Rapporten är komplett och klar att exporteras.")
        else:
            self.summary.setText(
                f"Rapporten har {errors} fel och {warnings} {'varning' if warnings == 1 else 'varningar'}. "
                "Dubbelklicka eller tryck Retur på ett problem för att gå till fältet."
                + (" Med fel kvar blir rapporten märkt UTKAST." if errors else "")
            )
        self.problems.clear()
        self.problems.setVisible(bool(problems) or bool(self.spelling))  # none: the preview takes the room
        for section in form.sections:
            own = [problem for problem in problems if form.section_of(problem.path).key == section.key]
            if not own:
                continue
            heading = QListWidgetItem(section.heading)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.problems.addItem(heading)
            for problem in own:
                item = QListWidgetItem(f"{SEVERITY_TEXT[problem.severity]}: {problem.message}")
                item.setData(PATH_ROLE, problem.path)
                item.setToolTip("Gå till fältet")
                self.problems.addItem(item)

    def refresh_preview(self) -> None:
        """Show the report as it is now; the previous preview is freed (the view would keep it).
        The renderer loads when the page is first shown, not at start."""
        from finsam_desktop.document.structure import build_document
        from ui.report_pdf import text_document

        document = text_document(build_document(self.draft))
        document.setParent(self.preview)
        self.preview.setDocument(document)
        if self._shown_document is not None:
            self._shown_document.deleteLater()
        self._shown_document = document
