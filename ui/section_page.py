# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""One section of the form as a page, built from the form data, in a scrolling column.

Each question gets the editor of its kind (``ui.editors``); the page shows and hides
questions as their conditions say, keeps computed values and the rules' hints current,
and knows where each problem belongs.

Signals: ``edited(path)`` and ``left(path)`` from any of its fields.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from finsam_desktop.document.blocks import CHECKED, UNCHECKED
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import Problem
from finsam_desktop.forms.rules import page_hints
from finsam_desktop.forms.spec import SectionSpec
from finsam_desktop.forms.values import Values
from finsam_desktop.model import Report
from finsam_desktop.roles import form_of
from ui.editors import editor_for
from ui.editors.answer import AnswerEdit
from ui.editors.question import QuestionEditor
from ui.editors.rows import ListEditor
from ui.editors.table import TableEditor
from ui.tab_order import focus_stops

READABLE_CHARACTERS = 90


class SectionPage(QScrollArea):
    """The questions of one section, and where each problem belongs."""

    edited = Signal(object)
    left = Signal(object)
    renumbered = Signal(object, object)

    def __init__(self, draft: Report, section: SectionSpec) -> None:
        super().__init__()
        self.draft = draft
        self.section = section
        self.form = form_of(draft)
        self.questions: list[QuestionEditor] = []
        self.cases: dict[FieldPath, QLabel] = {}  # a case's heading with its check box, by its question
        self.hints: dict[FieldPath, QLabel] = {}  # what a rule says of which question applies
        self.before: Callable[[], QWidget | None] = lambda: None  # where Shift+Tab goes from the first stop
        self.after: Callable[[], QWidget | None] = lambda: None  # where Tab goes from the last
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field, not to the page
        self.column = QWidget()
        self.column.setMaximumWidth(self.fontMetrics().averageCharWidth() * READABLE_CHARACTERS + 48)
        self.column_layout = QVBoxLayout(self.column)
        self.column_layout.setContentsMargins(24, 16, 24, 24)
        holder = QWidget()
        outer = QHBoxLayout(holder)  # the column grows to a readable width, then margins grow
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(1)
        outer.addWidget(self.column, 100)
        outer.addStretch(1)
        self.setWidget(holder)
        self.built = False
        self._problems: list[Problem] = []

    def build(self) -> None:
        """The page's questions, made when the page is first shown or asked about: a report
        opens on one page, and the window makes the others while the user reads it."""
        if self.built:
            return
        self.built = True
        layout, section, draft = self.column_layout, self.section, self.draft
        title = QLabel(section.heading)
        title.setProperty("role", "sectiontitle")
        layout.addWidget(title)
        hinted = page_hints(Values(draft, self.form), self.form.rules)
        for spec in section.fields:
            path = section.field_path(spec)
            if path in hinted:
                hint = QLabel()
                hint.setWordWrap(True)
                hint.setProperty("role", "note")
                layout.addWidget(hint)
                self.hints[path] = hint
            if spec.case is not None:
                case = QLabel()
                case.setProperty("role", "heading")
                case.setWordWrap(True)
                layout.addWidget(case)
                self.cases[path] = case
            editor = editor_for(draft, path, spec)
            if isinstance(editor, ListEditor):
                editor.heading.setVisible(spec.label != section.title)  # the section's title says it once
            editor.edited.connect(self.edited)
            editor.left.connect(self.left)
            editor.renumbered.connect(self.renumbered)
            layout.addWidget(editor)
            self.questions.append(editor)
        layout.addStretch()
        self.show_problems(self._problems)
        self.update_hints()

    def showEvent(self, event: QShowEvent) -> None:
        self.build()
        super().showEvent(event)

    @property
    def lists(self) -> dict[FieldPath, ListEditor]:
        self.build()
        return {editor.path: editor for editor in self.questions if isinstance(editor, ListEditor)}

    @property
    def tables(self) -> dict[FieldPath, TableEditor]:
        self.build()
        return {editor.path: editor for editor in self.questions if isinstance(editor, TableEditor)}

    def stops(self) -> list[QWidget]:
        """Where Tab stops on the page, in reading order (rows and table cells included)."""
        self.build()
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

    def all_editors(self) -> dict[FieldPath, QuestionEditor]:
        """Every field editor of the page, list rows and table cells included, by path."""
        self.build()
        found: dict[FieldPath, QuestionEditor] = {}
        for editor in self.questions:
            found.update(editor.field_editors())
        return found

    def show_focused(self) -> None:
        """Scroll to the focused field, to its text cursor in a long answer."""
        focused = QApplication.focusWidget()
        if isinstance(focused, AnswerEdit):
            focused.keep_cursor_in_view()
        elif focused is not None and self.isAncestorOf(focused):
            self.ensureWidgetVisible(focused)

    def editor_for(self, path: FieldPath) -> QuestionEditor | None:
        """The editor to focus for a problem at ``path``: its own, else the first inside it
        (a row, a list, a table's column), else the question holding it."""
        editors = self.all_editors()
        if path in editors:
            return editors[path]
        column = self.form.column(path) if self.form.has(path) else None
        inside = next((editor for key, editor in editors.items() if key.is_within(path)), None)
        if column is not None:
            inside = next((e for key, e in editors.items() if key.without_rows == path.without_rows), inside)
        holder = next((editor for editor in self.questions if path.is_within(editor.path)), None)
        return inside or holder or next(iter(editors.values()), None)

    def show_problems(self, problems: list[Problem]) -> None:
        """Each question shows the problems at its own paths (once it is made, if it is not yet)."""
        self._problems = problems
        for editor in self.questions:
            editor.show_problems(problems)

    def update_hints(self) -> None:
        """Follow the draft: which questions apply, what the rules' hints say, computed values."""
        if not self.built:
            return  # a page not made yet follows the draft when it is made
        values = Values(self.draft, self.form)
        for path, text in page_hints(values, self.form.rules).items():
            if path in self.hints:
                self.hints[path].setText(text)
        for editor in self.questions:
            shown = values.is_shown(editor.path, editor.spec)
            editor.setVisible(shown)
            if editor.path in self.cases and editor.spec.case is not None:
                case = editor.spec.case
                ticked = CHECKED if values.holds(case.applies_if, editor.path) else UNCHECKED
                self.cases[editor.path].setText(f"{ticked} {case.heading}")
                self.cases[editor.path].setVisible(shown)
            if shown:
                editor.refresh(values)

    def reload(self) -> None:
        if not self.built:
            return
        for editor in self.questions:
            editor.reload()
        self.update_hints()


def _holds(stop: QWidget, focused: QWidget) -> bool:
    return stop is focused or stop.isAncestorOf(focused)
