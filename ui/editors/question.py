# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""What every editor of a question shares, so a page treats them all alike.

Signals: ``edited(path)`` after each change the user makes, ``left(path)`` when the user
leaves a field of it; ``path`` is a :class:`FieldPath`.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from finsam_desktop.forms.kinds import FieldBase
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import Problem
from finsam_desktop.forms.values import Values
from finsam_desktop.model import Report


class QuestionEditor(QWidget):
    """One question of the form bound to its path in the shared draft."""

    edited = Signal(object)
    left = Signal(object)
    renumbered = Signal(object, object)  # a list's path, and its rows' new numbers (FieldPath.renumbered)

    def __init__(self, draft: Report, path: FieldPath, spec: FieldBase) -> None:
        super().__init__()
        self.draft = draft
        self.path = path
        self.spec = spec

    def field_editors(self) -> dict[FieldPath, QuestionEditor]:
        """The editors to focus and to show problems at, by path (rows and cells included)."""
        return {self.path: self}

    def show_problems(self, problems: list[Problem]) -> None:
        """Show the problems at this question's paths (each field the ones at its own)."""

    def focus_input(self) -> None:
        self.setFocus()

    def select_text(self, start: int, end: int) -> None:
        """Select part of the typed text; a question without text of its own has none."""

    def reload(self) -> None:
        """Show what the draft holds now (after an import or a change elsewhere)."""

    def refresh(self, values: Values) -> None:
        """Follow the rest of the draft: computed values, rows shown by their conditions."""


def question_heading(layout: QVBoxLayout, spec: FieldBase) -> QLabel:
    """A question's heading and help text above its input, as the form words them."""
    heading = QLabel(spec.heading if spec.number else spec.label)
    heading.setProperty("role", "heading")
    heading.setWordWrap(True)
    layout.addWidget(heading)
    if spec.help:
        help_text = QLabel(spec.help)
        help_text.setProperty("role", "help")
        help_text.setWordWrap(True)
        layout.addWidget(help_text)
    return heading


def problem_label() -> QLabel:
    """Where a question's problems are shown (hidden while there are none)."""
    label = QLabel()
    label.setProperty("role", "problem")
    label.setWordWrap(True)
    label.hide()
    return label
