# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Rows of the same questions: members, goals, signers.

Each row is a group of field editors; buttons add a row, and move or remove one. The
rows live in the shared draft's list; the editor rebuilds itself after each change and
puts keyboard focus back where the user was. A removal can be undone from the message
bar that says what went, or with Ctrl+Z; nothing asks for confirmation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from finsam_desktop.forms.kinds import ListSpec
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import Problem
from finsam_desktop.forms.values import Values
from finsam_desktop.model import Report, row_type
from ui.editors.cells import cell_editor
from ui.editors.field import show_problems_on
from ui.editors.question import QuestionEditor, problem_label, question_heading


class ListEditor(QuestionEditor):
    """A list question of the form."""

    spec: ListSpec

    def __init__(self, draft: Report, path: FieldPath, spec: ListSpec) -> None:
        super().__init__(draft, path, spec)
        self.editors: list[QuestionEditor] = []
        self.row_buttons: list[dict[str, QPushButton]] = []
        self._removed: tuple[int, Any] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        self.heading = question_heading(layout, spec)
        self.rows = QVBoxLayout()
        layout.addLayout(self.rows)
        self.problems = problem_label()
        layout.addWidget(self.problems)
        layout.addWidget(self._undo_bar())
        self.add_button = QPushButton(f"&Lägg till {spec.row_name.lower()}")
        self.add_button.clicked.connect(self.add_row)
        layout.addWidget(self.add_button)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_remove)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.rebuild()

    def _undo_bar(self) -> QFrame:
        self.undo_bar = QFrame()
        self.undo_bar.setProperty("role", "messagebar")
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        self.undo_text = QLabel()
        self.undo_button = QPushButton("Ångra")
        self.undo_button.setToolTip("Ångra borttagningen (Ctrl+Z)")
        self.undo_button.clicked.connect(self.undo_remove)
        bar.addWidget(self.undo_text, 1)
        bar.addWidget(self.undo_button)
        self.undo_bar.hide()
        return self.undo_bar

    @property
    def items(self) -> list[Any]:
        return self.path.get(self.draft)

    def rebuild(self) -> None:
        for editor in self.editors:
            retire = getattr(editor, "retire", None)
            if retire is not None:
                retire()
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # out of the Tab chain at once, not when Qt gets round to deleting it
                widget.deleteLater()  # later: a button of this row may be the one being clicked
        self.editors = []
        self.row_buttons = []
        boxes = [self._row(index) for index in range(len(self.items))]
        for box in boxes:
            self.rows.addWidget(box)
            box.show()  # now, not when the event loop gets to it: focus goes into it next
        full = bool(self.spec.max_rows) and len(self.items) >= self.spec.max_rows
        self.add_button.setEnabled(not full)
        self.add_button.setToolTip(f"Högst {self.spec.max_rows} rader." if full else "")

    def _row(self, index: int) -> QGroupBox:
        number = index + 1
        row_name = self.spec.row_name
        first_says_it = self.spec.items[0].label == row_name  # "Mål 1" once, not as title and label
        box = QGroupBox("" if first_says_it else f"{row_name} {number}")
        box.setAccessibleName(f"{row_name} {number}")
        layout = QVBoxLayout(box)
        for key, item in self.spec.children():
            label = f"{item.label} {number}" if item.label == row_name else f"{item.label}, {row_name.lower()} {number}"
            editor = cell_editor(self.draft, self.path.row(index).child(key), item, label)
            editor.edited.connect(self.edited)
            editor.left.connect(self.left)
            layout.addWidget(editor)
            self.editors.append(editor)
        buttons = QHBoxLayout()
        row_buttons: dict[str, QPushButton] = {}
        for text, action, enabled in (
            ("Flytta upp", lambda: self.move_row(index, index - 1), index > 0),
            ("Flytta ned", lambda: self.move_row(index, index + 1), index < len(self.items) - 1),
            ("Ta bort", lambda: self.remove(index), True),
        ):
            button = QPushButton(text)
            button.setAccessibleName(f"{text}: {row_name.lower()} {number}")
            button.setEnabled(enabled)
            button.clicked.connect(action)
            buttons.addWidget(button)
            row_buttons[text] = button
        self.row_buttons.append(row_buttons)
        buttons.addStretch()
        layout.addLayout(buttons)
        return box

    def field_editors(self) -> dict[FieldPath, QuestionEditor]:
        found: dict[FieldPath, QuestionEditor] = {}
        for editor in self.editors:
            found.update(editor.field_editors())
        return found

    def show_problems(self, problems: list[Problem]) -> None:
        """Each row's fields show their own; the list shows its own and those of whole rows."""
        for editor in self.editors:
            editor.show_problems(problems)
        whole = [p for p in problems if p.path == self.path or (p.path.parent == self.path and isinstance(p.path.leaf, int))]
        show_problems_on(self.problems, whole)

    def refresh(self, values: Values) -> None:
        for editor in self.editors:
            editor.setVisible(values.is_shown(editor.path, editor.spec))
            editor.refresh(values)

    def reload(self) -> None:
        self.rebuild()

    def focus_input(self) -> None:
        if self.editors:
            self.editors[0].focus_input()
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_row(self) -> None:
        self.items.append(row_type(self.draft, self.path)())
        self.rebuild()
        self.edited.emit(self.path)
        self.editors[-len(self.spec.items)].focus_input()

    def remove(self, index: int) -> None:
        """Remove a row, say so with a way back, and keep focus in the list."""
        self._removed = (index, self.items.pop(index))
        self.rebuild()
        self.renumbered.emit(self.path, {index: None} | {later: later - 1 for later in range(index + 1, len(self.items) + 1)})
        self.edited.emit(self.path)
        self.undo_text.setText(f"{self.spec.row_name} {index + 1} togs bort.")
        self.undo_bar.show()
        if self.row_buttons:
            self._focus_button(min(index, len(self.row_buttons) - 1), "Ta bort")
        else:
            self.undo_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def undo_remove(self) -> None:
        if self._removed is None:
            return
        index, row = self._removed
        self._removed = None
        self.items.insert(index, row)
        self.rebuild()
        self.renumbered.emit(self.path, {later: later + 1 for later in range(index, len(self.items) - 1)})
        self.edited.emit(self.path)
        self.undo_bar.hide()
        self.editors[index * len(self.spec.items)].focus_input()

    def move_row(self, index: int, to: int) -> None:
        """Swap two rows; focus stays on the moved row's button, or its other arrow at an end."""
        rows = self.items
        rows[index], rows[to] = rows[to], rows[index]
        self.rebuild()
        self.renumbered.emit(self.path, {index: to, to: index})
        self.edited.emit(self.path)
        wanted = "Flytta upp" if to < index else "Flytta ned"
        self._focus_button(to, wanted if self.row_buttons[to][wanted].isEnabled() else "Ta bort")

    def _focus_button(self, row: int, text: str) -> None:
        self.row_buttons[row][text].setFocus(Qt.FocusReason.OtherFocusReason)
