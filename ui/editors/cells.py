# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The editor of one cell of a list's row or a table: a field, or a computed value."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from finsam_desktop.forms.kinds import FieldBase
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.values import Values
from finsam_desktop.model import Report
from ui.editors.field import FieldEditor
from ui.editors.question import QuestionEditor


class ComputedView(QuestionEditor):
    """A value the form computes from other fields: shown, never typed, read by a screen
    reader as its label and value."""

    def __init__(self, draft: Report, path: FieldPath, spec: FieldBase, label: str | None = None) -> None:
        super().__init__(draft, path, spec)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        self.label = QLabel(label or spec.heading)
        self.label.setProperty("role", "heading")
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        self.value = QLabel()  # text, not an input: nothing to type, Tab passes it by
        self.value.setProperty("role", "computed")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value.setAccessibleName(f"{self.label.text()} (uträknat)")
        self.value.setToolTip("Räknas ut av programmet från de andra fälten.")
        self.value.setMinimumHeight(self.value.fontMetrics().height() + 8)
        layout.addWidget(self.value)

    def field_editors(self) -> dict[FieldPath, QuestionEditor]:
        return {}  # nothing to type in, nothing a problem points to

    def refresh(self, values: Values) -> None:
        self.value.setText(values.printed(self.path) or "–")


def cell_editor(draft: Report, path: FieldPath, spec: FieldBase, label: str) -> QuestionEditor:
    """A compact editor for a field inside a row."""
    if not spec.has_value:
        return ComputedView(draft, path, spec, label)
    return FieldEditor(draft, path, spec, label=label, compact=True)
