# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Editors of questions made of other fields, or of none: a date range, the mall's own note."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from finsam_desktop.forms.kinds import AnteckningSpec, DateRangeSpec
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import Problem
from finsam_desktop.model import Report
from ui.editors.field import FieldEditor
from ui.editors.question import QuestionEditor, question_heading


class DateRangeEditor(QuestionEditor):
    """Two dates under the range's heading, each a field of its own."""

    def __init__(self, draft: Report, path: FieldPath, spec: DateRangeSpec) -> None:
        super().__init__(draft, path, spec)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(spec.heading)
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.parts = [FieldEditor(draft, path.child(key), date) for key, date in spec.children()]
        for part in self.parts:
            part.edited.connect(self.edited)
            part.left.connect(self.left)
            layout.addWidget(part)

    def field_editors(self) -> dict[FieldPath, QuestionEditor]:
        return {part.path: part for part in self.parts}

    def show_problems(self, problems: list[Problem]) -> None:
        for part in self.parts:
            part.show_problems(problems)

    def reload(self) -> None:
        for part in self.parts:
            part.reload()

    def focus_input(self) -> None:
        self.parts[0].focus_input()


class NoteView(QuestionEditor):
    """The mall's own text between the questions; nothing to type, nothing to stop at."""

    def __init__(self, draft: Report, path: FieldPath, spec: AnteckningSpec) -> None:
        super().__init__(draft, path, spec)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        if spec.label:
            question_heading(layout, spec)
        self.text = QLabel(spec.text)
        self.text.setWordWrap(True)
        layout.addWidget(self.text)

    def field_editors(self) -> dict[FieldPath, QuestionEditor]:
        return {}
