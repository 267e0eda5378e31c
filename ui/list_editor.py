"""Rows of the same questions: Samverkansparter, and the goals of 5.1.

Each row is a group of field editors; buttons add a row, and move or remove one. The
rows live in the shared draft's list; the editor rebuilds itself after each change.
"""

from __future__ import annotations

from typing import Any, get_args

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from finsam_desktop.form import FieldSpec
from finsam_desktop.model import Draft, value_at
from ui.fields import FieldEditor


def row_type(draft: Draft, path: str) -> type[Any]:
    """The model class of one row of the list at ``path``."""
    parent_path, _, leaf = path.rpartition(".")
    parent = value_at(draft, parent_path) if parent_path else draft
    return get_args(type(parent).model_fields[leaf].annotation)[0]  # type: ignore[no-any-return]


class ListEditor(QWidget):
    """A list question of the form.

    Signals: ``edited(path)`` for any change, ``left(path)`` when a row's field is left.
    """

    edited = Signal(str)
    left = Signal(str)

    def __init__(self, draft: Draft, path: str, spec: FieldSpec) -> None:
        super().__init__()
        self.draft = draft
        self.path = path
        self.spec = spec
        self.editors: list[FieldEditor] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        heading = QLabel(spec.heading if spec.number else spec.label)
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        if spec.help:
            help_text = QLabel(spec.help)
            help_text.setProperty("role", "help")
            layout.addWidget(help_text)
        self.rows = QVBoxLayout()
        layout.addLayout(self.rows)
        self.problems = QLabel()
        self.problems.setProperty("role", "problem")
        self.problems.setWordWrap(True)
        self.problems.hide()
        layout.addWidget(self.problems)
        self.add_button = QPushButton(f"&Lägg till {spec.item_label.lower()}")
        self.add_button.clicked.connect(self.add_row)
        layout.addWidget(self.add_button)
        self.rebuild()

    @property
    def items(self) -> list[Any]:
        return value_at(self.draft, self.path)  # type: ignore[no-any-return]

    def rebuild(self) -> None:
        while self.rows.count():
            widget = self.rows.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.editors = []
        for index in range(len(self.items)):
            self.rows.addWidget(self._row(index))

    def _row(self, index: int) -> QGroupBox:
        number = index + 1
        box = QGroupBox(f"{self.spec.item_label} {number}")
        layout = QVBoxLayout(box)
        for item in self.spec.items:
            label = f"{item.label} {number}" if item.label == self.spec.item_label else f"{item.label}, {self.spec.item_label.lower()} {number}"
            editor = FieldEditor(self.draft, f"{self.path}[{index}].{item.key}", item, label=label, compact=True)
            editor.edited.connect(self.edited)
            editor.left.connect(self.left)
            layout.addWidget(editor)
            self.editors.append(editor)
        buttons = QHBoxLayout()
        for text, action, enabled in (
            ("Flytta upp", lambda: self.move(index, index - 1), index > 0),
            ("Flytta ned", lambda: self.move(index, index + 1), index < len(self.items) - 1),
            ("Ta bort", lambda: self.remove(index), True),
        ):
            button = QPushButton(text)
            button.setAccessibleName(f"{text}: {self.spec.item_label.lower()} {number}")
            button.setEnabled(enabled)
            button.clicked.connect(action)
            buttons.addWidget(button)
        buttons.addStretch()
        layout.addLayout(buttons)
        return box

    def add_row(self) -> None:
        self.items.append(row_type(self.draft, self.path)())
        self.rebuild()
        self.edited.emit(self.path)
        self.editors[-len(self.spec.items)].focus_input()

    def remove(self, index: int) -> None:
        del self.items[index]
        self.rebuild()
        self.edited.emit(self.path)

    def move(self, index: int, to: int) -> None:
        rows = self.items
        rows[index], rows[to] = rows[to], rows[index]
        self.rebuild()
        self.edited.emit(self.path)
