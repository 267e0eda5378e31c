"""One section of the form as a page, built from the form data, in a scrolling column.

Signals: ``edited(path)`` and ``left(path)`` from any of its fields.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from finsam_desktop.form import FieldSpec, SectionSpec, field_path
from finsam_desktop.model import Report
from finsam_desktop.roles import form_of
from finsam_desktop.rules import case_hint
from finsam_desktop.validation import Problem
from ui.fields import FieldEditor, show_problems_on
from ui.list_editor import ListEditor
from ui.tab_order import focus_stops
from ui.table_editor import TableEditor

READABLE_CHARACTERS = 90


class SectionPage(QScrollArea):
    """The questions of one section, and where each problem belongs."""

    edited = Signal(str)
    left = Signal(str)

    def __init__(self, draft: Report, section: SectionSpec) -> None:
        super().__init__()
        self.draft = draft
        self.section = section
        self.editors: dict[str, FieldEditor] = {}
        self.lists: dict[str, ListEditor] = {}
        self.tables: dict[str, TableEditor] = {}
        self.before: Callable[[], QWidget | None] = lambda: None  # where Shift+Tab goes from the first stop
        self.after: Callable[[], QWidget | None] = lambda: None  # where Tab goes from the last
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field, not to the page
        column = QWidget()
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * READABLE_CHARACTERS + 48)
        layout = QVBoxLayout(column)
        self.column_layout = layout
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
        if spec.kind == "table":
            table = TableEditor(self.draft, path, spec)
            self.tables[path] = table
            self._connect(table)
            layout.addWidget(table)
            return
        if spec.kind == "list":
            editor = ListEditor(self.draft, path, spec)
            editor.heading.setVisible(spec.label != self.section.title)  # the section's title says it once
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

    def _connect(self, editor: FieldEditor | ListEditor | TableEditor) -> None:
        editor.edited.connect(self.edited)
        editor.left.connect(self.left)

    def stops(self) -> list[QWidget]:
        """Where Tab stops on the page, in reading order (rows and table cells included)."""
        return [widget for widget in focus_stops(self.column_layout) if widget.isVisibleTo(self) and widget.isEnabled()]

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab and Shift+Tab go through :meth:`stops`; past the ends, to ``before``/``after``
        (the sidebar and the navigation buttons), never to a hidden page's field."""
        stops = self.stops()
        current = QApplication.focusWidget() or self.window().focusWidget()
        index = next((i for i, widget in enumerate(stops) if current is not None and _holds(widget, current)), None)
        if index is None:
            return super().focusNextPrevChild(forward)
        target = index + (1 if forward else -1)
        reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        if 0 <= target < len(stops):
            stops[target].setFocus(reason)
            self.ensureWidgetVisible(stops[target])
            return True
        outside = self.after() if forward else self.before()
        if outside is None:
            return super().focusNextPrevChild(forward)
        outside.setFocus(reason)
        return True

    def all_editors(self) -> dict[str, FieldEditor]:
        """Every field editor of the page, list rows included, by path."""
        found = dict(self.editors)
        for editor in self.lists.values():
            found.update({item.path: item for item in editor.editors})
        for table in self.tables.values():
            found.update({item.path: item for item in table.editors})
        return found

    def editor_for(self, path: str) -> FieldEditor | None:
        """The editor to focus for a problem at ``path`` (a row or list goes to its first field,
        a table's column to its first cell)."""
        editors = self.all_editors()
        if path in editors:
            return editors[path]
        table_path, _, column = path.rpartition(".")  # a whole column (its sum): the column's first cell
        cell = next((e for key, e in editors.items() if key.startswith(table_path + "[") and key.endswith(f"].{column}")), None)
        return cell or next((editor for key, editor in editors.items() if key.startswith(path)), None) or next(
            iter(editors.values()), None
        )

    def show_problems(self, problems: list[Problem]) -> None:
        """Each editor shows the problems at its own path; a list those of its rows."""
        for path, editor in self.all_editors().items():
            editor.show_problems([problem for problem in problems if problem.path == path])
        for path, rows_editor in self.lists.items():
            rows = re.compile(re.escape(path) + r"(\[[0-9]+\])?")
            show_problems_on(rows_editor.problems, [problem for problem in problems if rows.fullmatch(problem.path)])
        for path, table in self.tables.items():  # the table's own, and those of a whole column (its sum)
            whole = re.compile(re.escape(path) + r"(\.[a-z0-9_]+)?")
            show_problems_on(table.problems, [problem for problem in problems if whole.fullmatch(problem.path)])

    def update_hints(self) -> None:
        if self.economy_hint is not None:
            self.economy_hint.setText(case_hint(self.draft, form_of(self.draft)))
        for table in self.tables.values():
            table.update_total()

    def reload(self) -> None:
        for editor in self.editors.values():
            editor.load()
        for rows_editor in self.lists.values():
            rows_editor.rebuild()
        for table in self.tables.values():
            table.load()


def _holds(stop: QWidget, focused: QWidget) -> bool:
    return stop is focused or stop.isAncestorOf(focused)
