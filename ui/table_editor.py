"""A table with fixed rows and typed columns (a cost table by kostnadsslag): one field
editor per cell in a grid, and the computed total row under it, kept up to date.

Signals: ``edited(path)`` and ``left(path)`` from any cell.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from finsam_desktop.form import FieldSpec
from finsam_desktop.model import Report, value_at
from finsam_desktop.parsing import format_kronor
from finsam_desktop.roles import form_of
from finsam_desktop.rules import amount
from ui.fields import FieldEditor, add_question_heading, problem_label


class TableEditor(QWidget):
    edited = Signal(str)
    left = Signal(str)

    def __init__(self, draft: Report, path: str, spec: FieldSpec) -> None:
        super().__init__()
        self.draft = draft
        self.path = path
        self.spec = spec
        self.editors: list[FieldEditor] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        add_question_heading(layout, spec)
        grid = QGridLayout()
        layout.addLayout(grid)
        for column, text in enumerate((spec.row_header, *(item.label for item in spec.items))):
            header = QLabel(text)
            header.setProperty("role", "heading")
            grid.addWidget(header, 0, column)
        rows = value_at(draft, path)
        labels = list(spec.rows) + [f"Rad {index + 1}" for index in range(len(spec.rows), len(rows))]
        for index, row_label in enumerate(labels):
            grid.addWidget(QLabel(row_label), index + 1, 0, Qt.AlignmentFlag.AlignVCenter)
            for column, item in enumerate(spec.items, start=1):
                editor = FieldEditor(draft, f"{path}[{index}].{item.key}", item, label=f"{item.label}, {row_label}", compact=True)
                editor.label.hide()  # the grid's header and row label say it; the screen reader hears it whole
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
        self.update_total()

    def _edited(self, path: str) -> None:
        self.update_total()
        self.edited.emit(path)

    def update_total(self) -> None:
        """The computed sums, from the amounts understood so far."""
        form = form_of(self.draft)
        for label, item in zip(self.totals, self.spec.items, strict=True):
            value = amount(self.draft, form, f"{self.path}.{item.key}")
            label.setText(f"<b>{format_kronor(value)}</b>" if value is not None else "–")

    def load(self) -> None:
        for editor in self.editors:
            editor.load()
        self.update_total()
