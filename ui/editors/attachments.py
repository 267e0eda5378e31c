# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The files the reporter sends along: a list of their names, *Lägg till filer…* and
*Ta bort*. The report lists them; the e-mail attaches them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from finsam_desktop.forms.kinds import BilagorSpec
from finsam_desktop.forms.kinds.attachments import Attachment, file_name
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import Problem
from finsam_desktop.model import Report
from ui import settings
from ui.editors.field import show_problems_on
from ui.editors.question import QuestionEditor, problem_label, question_heading


class AttachmentsEditor(QuestionEditor):
    spec: BilagorSpec

    def __init__(self, draft: Report, path: FieldPath, spec: BilagorSpec) -> None:
        super().__init__(draft, path, spec)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        self.label = question_heading(layout, spec)
        self.files = QListWidget()
        self.files.setAccessibleName(self.label.text())
        self.input = self.files
        self.files.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.files.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.files)
        self.empty = QLabel("Inga filer är tillagda. Filerna du lägger till listas i rapporten och skickas med e-posten.")
        self.empty.setProperty("role", "note")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("Lägg till &filer…")
        self.add_button.clicked.connect(self.add_files)
        self.remove_button = QPushButton("Ta bort filen")
        self.remove_button.clicked.connect(self.remove_file)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.problems = problem_label()
        layout.addWidget(self.problems)
        self.files.installEventFilter(self)
        self.reload()

    @property
    def rows(self) -> list[Attachment]:
        return self.path.get(self.draft)

    def reload(self) -> None:
        self.files.clear()
        for row in self.rows:
            item = QListWidgetItem(file_name(row.fil))
            item.setToolTip(row.fil)
            self.files.addItem(item)
        self.remove_button.setEnabled(bool(self.rows))
        self.empty.setVisible(not self.rows)
        self.add_button.setEnabled(not self.spec.max_rows or len(self.rows) < self.spec.max_rows)

    def add_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(self, f"Välj filer till {self.spec.name}", settings.last_folder())
        known = {row.fil for row in self.rows}
        added = [Attachment(fil=name) for name in chosen if name not in known]
        if not added:
            return
        self.rows.extend(added)
        self.reload()
        self.files.setCurrentRow(self.files.count() - 1)
        self.edited.emit(self.path)
        self.left.emit(self.path)

    def remove_file(self) -> None:
        row = self.files.currentRow()
        if not 0 <= row < len(self.rows):
            return
        del self.rows[row]
        self.reload()
        self.files.setCurrentRow(min(row, self.files.count() - 1))
        self.edited.emit(self.path)
        self.left.emit(self.path)
        (self.files if self.files.count() else self.add_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete in the list removes the chosen file, as in the drafts list."""
        pressed = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if watched is self.files and pressed and event.key() == Qt.Key.Key_Delete:  # type: ignore[attr-defined]
            self.remove_file()
            return True
        return False

    def show_problems(self, problems: list[Problem]) -> None:
        show_problems_on(self.problems, [problem for problem in problems if problem.path.is_within(self.path)])

    def focus_input(self) -> None:
        (self.files if self.files.count() else self.add_button).setFocus(Qt.FocusReason.OtherFocusReason)
