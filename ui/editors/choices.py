# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Check boxes for a question where any of the mall's choices may apply, and a line for
the free choice ("Annat: …") when the mall has one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from finsam_desktop.forms.kinds import FlervalSpec
from finsam_desktop.forms.kinds.choice import Selection
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import Problem
from finsam_desktop.model import Report
from ui.editors.field import SEVERITY_WORD, show_problems_on
from ui.editors.question import QuestionEditor, problem_label, question_heading


class FlervalEditor(QuestionEditor):
    spec: FlervalSpec

    def __init__(self, draft: Report, path: FieldPath, spec: FlervalSpec) -> None:
        super().__init__(draft, path, spec)
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        self.label = question_heading(layout, spec)
        self.input = QGroupBox()  # a screen reader says the question before each box
        self.input.setAccessibleName(spec.heading)
        boxes = QVBoxLayout(self.input)
        self.boxes: dict[str, QCheckBox] = {}
        for choice in spec.choices:
            box = QCheckBox(choice)
            box.toggled.connect(self._changed)
            boxes.addWidget(box)
            self.boxes[choice] = box
        self.other: QLineEdit | None = None
        if spec.other:
            self.other = QLineEdit()
            self.other.setPlaceholderText("skriv vad; tomt om inget annat")
            self.other.setAccessibleName(f"{spec.other}, {spec.name}")
            self.other.textEdited.connect(self._changed)
            self.other.editingFinished.connect(lambda: self.left.emit(self.path))
            other_row = QHBoxLayout()
            other_label = QLabel(f"{spec.other}:")
            other_label.setBuddy(self.other)
            other_row.addWidget(other_label)
            other_row.addWidget(self.other, 1)
            boxes.addLayout(other_row)
        self.input.setFocusProxy(next(iter(self.boxes.values())))
        layout.addWidget(self.input)
        self.problems = problem_label()
        layout.addWidget(self.problems)
        self.reload()

    @property
    def value(self) -> Selection:
        return self.path.get(self.draft)

    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        selected = [choice for choice, box in self.boxes.items() if box.isChecked()]
        other = self.other.text() if self.other is not None else self.value.other
        self.path.set(self.draft, Selection(selected=selected, other=other))
        self.edited.emit(self.path)
        if self.sender() in self.boxes.values():
            self.left.emit(self.path)  # a box ticked is an answer given: its problems may show

    def reload(self) -> None:
        self._loading = True
        for choice, box in self.boxes.items():
            box.setChecked(choice in self.value.selected)
        if self.other is not None:
            self.other.setText(self.value.other)
        self._loading = False

    def show_problems(self, problems: list[Problem]) -> None:
        own = [problem for problem in problems if problem.path == self.path]
        show_problems_on(self.problems, own)
        said = " ".join(f"{SEVERITY_WORD[p.severity]}: {p.message}" for p in own)
        self.input.setAccessibleDescription(" ".join([said, self.spec.help]).strip())

    def focus_input(self) -> None:
        first = next(iter(self.boxes.values()), None)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
