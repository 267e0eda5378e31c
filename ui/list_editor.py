"""Rows of the same questions: Samverkansparter, and the goals of 5.1.

Each row is a group of field editors; buttons add a row, and move or remove one. The
rows live in the shared draft's list; the editor rebuilds itself after each change and
puts keyboard focus back where the user was. A removal can be undone from the message
bar that says what went, or with Ctrl+Z; nothing asks for confirmation.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from finsam_desktop.form import FieldSpec
from finsam_desktop.model import Report, row_model, value_at
from ui.fields import FieldEditor, add_question_heading, problem_label


class ListEditor(QWidget):
    """A list question of the form.

    Signals: ``edited(path)`` for any change, ``left(path)`` when a row's field is left.
    """

    edited = Signal(str)
    left = Signal(str)

    def __init__(self, draft: Report, path: str, spec: FieldSpec) -> None:
        super().__init__()
        self.draft = draft
        self.path = path
        self.spec = spec
        self.editors: list[FieldEditor] = []
        self.row_buttons: list[dict[str, QPushButton]] = []
        self._removed: tuple[int, Any] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        self.heading = add_question_heading(layout, spec)
        self.rows = QVBoxLayout()
        layout.addLayout(self.rows)
        self.problems = problem_label()
        layout.addWidget(self.problems)
        layout.addWidget(self._undo_bar())
        self.add_button = QPushButton(f"&Lägg till {spec.item_label.lower()}")
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
        return value_at(self.draft, self.path)

    def rebuild(self) -> None:
        for editor in self.editors:
            editor.retire()
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
        first_says_it = self.spec.items[0].label == self.spec.item_label  # "Mål 1" once, not as title and label
        box = QGroupBox("" if first_says_it else f"{self.spec.item_label} {number}")
        box.setAccessibleName(f"{self.spec.item_label} {number}")
        layout = QVBoxLayout(box)
        for item in self.spec.items:
            label = (
                f"{item.label} {number}"
                if item.label == self.spec.item_label
                else f"{item.label}, {self.spec.item_label.lower()} {number}"
            )
            editor = FieldEditor(self.draft, f"{self.path}[{index}].{item.key}", item, label=label, compact=True)
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
            button.setAccessibleName(f"{text}: {self.spec.item_label.lower()} {number}")
            button.setEnabled(enabled)
            button.clicked.connect(action)
            buttons.addWidget(button)
            row_buttons[text] = button
        self.row_buttons.append(row_buttons)
        buttons.addStretch()
        layout.addLayout(buttons)
        return box

    def add_row(self) -> None:
        self.items.append(row_model(self.draft, self.path)())
        self.rebuild()
        self.edited.emit(self.path)
        self.editors[-len(self.spec.items)].focus_input()

    def remove(self, index: int) -> None:
        """Remove a row, say so with a way back, and keep focus in the list."""
        self._removed = (index, self.items.pop(index))
        self.rebuild()
        self.edited.emit(self.path)
        self.undo_text.setText(f"{self.spec.item_label} {index + 1} togs bort.")
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
        self.edited.emit(self.path)
        self.undo_bar.hide()
        self.editors[index * len(self.spec.items)].focus_input()

    def move_row(self, index: int, to: int) -> None:
        """Swap two rows; focus stays on the moved row's button, or its other arrow at an end."""
        rows = self.items
        rows[index], rows[to] = rows[to], rows[index]
        self.rebuild()
        self.edited.emit(self.path)
        wanted = "Flytta upp" if to < index else "Flytta ned"
        self._focus_button(to, wanted if self.row_buttons[to][wanted].isEnabled() else "Ta bort")

    def _focus_button(self, row: int, text: str) -> None:
        self.row_buttons[row][text].setFocus(Qt.FocusReason.OtherFocusReason)
