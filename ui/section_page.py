"""One section of the form as a page, built from the form data, in a scrolling column.

Signals: ``edited(path)`` and ``left(path)`` from any of its fields.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from finsam_desktop.form import FieldSpec, SectionSpec, field_path
from finsam_desktop.model import Draft
from finsam_desktop.validation import Problem, funds_case
from ui.fields import FieldEditor, show_problems_on
from ui.list_editor import ListEditor

READABLE_CHARACTERS = 90
ECONOMY_HINT = {
    "helt": "Enligt beloppen i avsnitt 1 är medlen helt utnyttjade: svara på 7.1.1.",
    "inte_helt": "Enligt beloppen i avsnitt 1 är medlen inte helt utnyttjade: svara på 7.2.1 (7.1.1 får du också svara på).",
    "over": "Utnyttjade medel är mer än beviljade enligt avsnitt 1: förklara skillnaden i 7.2.1.",
}


class SectionPage(QScrollArea):
    """The questions of one section, and where each problem belongs."""

    edited = Signal(str)
    left = Signal(str)

    def __init__(self, draft: Draft, section: SectionSpec) -> None:
        super().__init__()
        self.draft = draft
        self.section = section
        self.editors: dict[str, FieldEditor] = {}
        self.lists: dict[str, ListEditor] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field, not to the page
        column = QWidget()
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * READABLE_CHARACTERS + 48)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(24, 16, 24, 24)
        title = QLabel(section.heading)
        title.setProperty("role", "sectiontitle")
        layout.addWidget(title)
        self.economy_hint: QLabel | None = None
        for spec in section.fields:
            self._add(layout, spec)
        layout.addStretch()
        holder = QWidget()
        outer = QHBoxLayout(holder)  # the column grows to a readable width, then margins grow
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(1)
        outer.addWidget(column, 100)
        outer.addStretch(1)
        self.setWidget(holder)

    def _add(self, layout: QVBoxLayout, spec: FieldSpec) -> None:
        path = field_path(self.section, spec)
        if spec.kind == "list":
            editor = ListEditor(self.draft, path, spec)
            self.lists[path] = editor
            self._connect(editor)
            layout.addWidget(editor)
            return
        if spec.group:
            if self.economy_hint is None:
                self.economy_hint = QLabel()
                self.economy_hint.setWordWrap(True)
                self.economy_hint.setProperty("role", "note")
                layout.addWidget(self.economy_hint)
                self.update_hints()
            group = QLabel(spec.group)
            group.setProperty("role", "heading")
            layout.addWidget(group)
        if spec.kind == "daterange":
            heading = QLabel(spec.label)
            heading.setProperty("role", "heading")
            layout.addWidget(heading)
            for part, label in spec.parts.items():
                part_spec = spec.model_copy(update={"kind": "date", "label": label, "help": ""})
                self._field(layout, f"{path}.{part}", part_spec)
            return
        self._field(layout, path, spec)

    def _field(self, layout: QVBoxLayout, path: str, spec: FieldSpec) -> None:
        editor = FieldEditor(self.draft, path, spec)
        self.editors[path] = editor
        self._connect(editor)
        layout.addWidget(editor)

    def _connect(self, editor: FieldEditor | ListEditor) -> None:
        editor.edited.connect(self.edited)
        editor.left.connect(self.left)

    def all_editors(self) -> dict[str, FieldEditor]:
        """Every field editor of the page, list rows included, by path."""
        found = dict(self.editors)
        for editor in self.lists.values():
            found.update({item.path: item for item in editor.editors})
        return found

    def editor_for(self, path: str) -> FieldEditor | None:
        """The editor to focus for a problem at ``path`` (a row or list goes to its first field)."""
        editors = self.all_editors()
        if path in editors:
            return editors[path]
        return next((editor for key, editor in editors.items() if key.startswith(path)), None) or next(
            iter(editors.values()), None
        )

    def show_problems(self, problems: list[Problem]) -> None:
        """Each editor shows the problems at its own path; a list those of its rows."""
        for path, editor in self.all_editors().items():
            editor.show_problems([problem for problem in problems if problem.path == path])
        for path, rows_editor in self.lists.items():
            rows = re.compile(re.escape(path) + r"(\[[0-9]+\])?")
            show_problems_on(rows_editor.problems, [problem for problem in problems if rows.fullmatch(problem.path)])

    def update_hints(self) -> None:
        if self.economy_hint is not None:
            case = funds_case(self.draft)
            self.economy_hint.setText(
                ECONOMY_HINT[case] if case else "Fyll i beloppen i avsnitt 1 så visas vilken fråga som gäller."
            )

    def reload(self) -> None:
        for editor in self.editors.values():
            editor.load()
        for rows_editor in self.lists.values():
            rows_editor.rebuild()
