# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A table with the mall's fixed rows (kostnadsslag, age bands): one editor per cell in a
grid, computed cells and the total row under it kept up to date as the user types."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout

from finsam_desktop.forms.kinds import TableSpec
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import Problem
from finsam_desktop.forms.values import Values
from finsam_desktop.model import Report
from finsam_desktop.roles import form_of
from ui.editors.cells import cell_editor
from ui.editors.field import show_problems_on
from ui.editors.question import QuestionEditor, problem_label, question_heading


class TableEditor(QuestionEditor):
    spec: TableSpec

    def __init__(self, draft: Report, path: FieldPath, spec: TableSpec) -> None:
        super().__init__(draft, path, spec)
        self.editors: list[QuestionEditor] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        question_heading(layout, spec)
        grid = QGridLayout()
        layout.addLayout(grid)
        for column, text in enumerate((spec.row_header, *(item.label for item in spec.items))):
            header = QLabel(text)
            header.setProperty("role", "heading")
            grid.addWidget(header, 0, column)
        labels = spec.row_labels(len(path.get(draft)))
        for index, row_label in enumerate(labels):
            grid.addWidget(QLabel(row_label), index + 1, 0, Qt.AlignmentFlag.AlignVCenter)
            for column, (key, item) in enumerate(spec.children(), start=1):
                editor = cell_editor(draft, path.row(index).child(key), item, f"{item.label}, {row_label}")
                editor.label.hide()  # type: ignore[attr-defined]  # the grid's header and row label say it
                cell = editor.layout()
                if cell is not None:
                    cell.setContentsMargins(0, 2, 0, 2)  # in line with its row's label
                editor.edited.connect(self._edited)
                editor.left.connect(self.left)
                grid.addWidget(editor, index + 1, column)
                self.editors.append(editor)
        self.totals: list[QLabel] = []
        if spec.total:
            total_row = len(labels) + 1
            grid.addWidget(QLabel(f"<b>{spec.total}</b>"), total_row, 0)
            for column, item in enumerate(spec.items, start=1):
                total = QLabel()
                total.setAccessibleName(f"{spec.total}, {item.label}")
                grid.addWidget(total, total_row, column)
                self.totals.append(total)
        self.problems = problem_label()
        layout.addWidget(self.problems)
        grid.setColumnStretch(0, 2)
        for column in range(1, len(spec.items) + 1):
            grid.setColumnStretch(column, 1)
        self.refresh(Values(draft, form_of(draft)))

    def _edited(self, path: FieldPath) -> None:
        self.refresh(Values(self.draft, form_of(self.draft)))
        self.edited.emit(path)

    def refresh(self, values: Values) -> None:
        """Computed cells and the sums, from the numbers understood so far."""
        for editor in self.editors:
            editor.refresh(values)
        for label, item in zip(self.totals, self.spec.items, strict=True):
            value = values.number(self.path.child(item.key)) if item.numeric and item.additive else None
            label.setText(f"<b>{item.format_number(value)}</b>" if value is not None else "–")

    def field_editors(self) -> dict[FieldPath, QuestionEditor]:
        found: dict[FieldPath, QuestionEditor] = {}
        for editor in self.editors:
            found.update(editor.field_editors())
        return found

    def show_problems(self, problems: list[Problem]) -> None:
        """The cells show their own; the table its own and those of a whole column (its sum)."""
        for editor in self.editors:
            editor.show_problems(problems)
        whole = [p for p in problems if p.path == self.path or (p.path.parent == self.path and isinstance(p.path.leaf, str))]
        show_problems_on(self.problems, whole)

    def reload(self) -> None:
        for editor in self.editors:
            editor.reload()
        self.refresh(Values(self.draft, form_of(self.draft)))

    def focus_input(self) -> None:
        first = next((editor for editor in self.editors if editor.spec.has_value), None)
        if first is not None:
            first.focus_input()
