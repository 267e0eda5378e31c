# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""One field of the form: label, help text, an input fitting its kind, and its problems.

Editors write what is typed straight into the shared draft and say so with ``edited``;
leaving an input emits ``left``, when a typed value is shown back in its canonical form
(``211001`` becomes ``2021-10-01``) with a note of what was understood. The input comes
from ``ui.editors.inputs``, by the field's kind.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from finsam_desktop.forms.kinds import FieldBase
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import Problem
from finsam_desktop.model import Report, text_of
from finsam_desktop.spelling.readability import readability
from ui.editors.inputs import Input, input_for
from ui.editors.question import QuestionEditor

SEVERITY_TEXT = {"fel": "✖ Fel", "varning": "⚠ Varning"}
SEVERITY_WORD = {"fel": "Fel", "varning": "Varning"}  # as said by a screen reader: no symbols
MEASURE_PAUSE_MS = 600


class FieldEditor(QuestionEditor):
    """A field of the form bound to one path of the draft."""

    def __init__(self, draft: Report, path: FieldPath, spec: FieldBase, label: str | None = None, compact: bool = False) -> None:
        super().__init__(draft, path, spec)
        self._loading = False
        self._retired = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        self.label = QLabel(label or spec.heading)
        self.label.setProperty("role", "heading")
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        if spec.help:
            self.help = QLabel(spec.help)
            self.help.setProperty("role", "help")
            self.help.setWordWrap(True)
            layout.addWidget(self.help)
        made: Input = input_for(spec, compact)
        self.input, self._read, self._write, self.typing = made.widget, made.read, made.write, made.typing
        made.signals.changed.connect(self._typed)
        made.signals.done.connect(self._leave)
        self.label.setBuddy(self.input)
        accessible = self.input.focusProxy() or self.input
        accessible.setAccessibleName(self.label.text())  # what a screen reader says is what the eye reads
        if spec.help:
            accessible.setAccessibleDescription(spec.help)
        layout.addWidget(self._with_count(made) if spec.prose else self.input)
        self.note = QLabel()
        self.note.setProperty("role", "note")
        self.note.setWordWrap(True)
        self.note.hide()
        layout.addWidget(self.note)
        self.problems = QLabel()
        self.problems.setProperty("role", "problem")
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.hide()
        layout.addWidget(self.problems)
        self.load()

    def _with_count(self, made: Input) -> QWidget:
        """A free answer with its length and LIX under it, measured once typing pauses."""
        self.count = QLabel()
        self.count.setToolTip("LIX är ett mått på hur lätt texten är att läsa: under 40 lätt, 40–50 medelsvår, över 50 svår.")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._measure = QTimer(self)
        self._measure.setSingleShot(True)
        self._measure.setInterval(MEASURE_PAUSE_MS)
        self._measure.timeout.connect(lambda: self._show_count(self._read()))
        made.signals.changed.connect(self._measure.start)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.input)
        box.addWidget(self.count)
        holder.setFocusProxy(self.input)
        self.input = holder
        return holder

    def _show_count(self, text: str) -> None:
        """``1 234 tecken · LIX 42 (medelsvår)``: length and readability, information only."""
        measured = readability(text)
        count = f"{len(text):,} tecken".replace(",", " ")
        self.count.setText(f"{count} · LIX {measured.lix} ({measured.band})" if measured else count)

    def _stored(self) -> str:
        return text_of(self.path.get(self.draft))

    def load(self) -> None:
        """Show what the draft holds (without it counting as an edit)."""
        self._loading = True
        self._write(self._stored())
        self._loading = False
        if self.spec.prose:
            self._show_count(self._stored())

    def reload(self) -> None:
        self.load()

    def retire(self) -> None:
        """Its row was removed: focus leaving it on the way out must not touch the draft."""
        self._retired = True

    def _typed(self) -> None:
        if self._loading or self._retired:
            return
        text = self._read()
        if text == self._stored():
            return  # no change: underlining a word re-announces the text, it is not an edit
        self.path.set(self.draft, self.spec.from_text(text, self.path.get(self.draft)))
        self.note.hide()
        self.edited.emit(self.path)

    def _leave(self) -> None:
        if self._retired:
            return
        node = self.path.get(self.draft)
        canonical = self.spec.canonical(node)
        if canonical is not None:
            shown, note = canonical
            typed = self._stored()
            self._loading = True
            self._write(shown)
            self._loading = False
            self.path.set(self.draft, self.spec.from_text(shown, node))
            self.edited.emit(self.path)
            if note:
                self.note.setText(f"{note} Du skrev ”{typed.strip()}”.")
                self.note.show()
        self.left.emit(self.path)

    def focus_input(self) -> None:
        target = self.input.focusProxy() or self.input
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def select_text(self, start: int, end: int) -> None:
        """Select characters ``start``–``end`` of the typed text (a misspelt word), in view."""
        target = self.input.focusProxy() or self.input
        if isinstance(target, QPlainTextEdit):
            length = len(target.toPlainText())
            cursor = target.textCursor()
            cursor.setPosition(min(start, length))
            cursor.setPosition(min(end, length), QTextCursor.MoveMode.KeepAnchor)
            target.setTextCursor(cursor)
            target.ensureCursorVisible()
        elif isinstance(target, QLineEdit):
            target.setSelection(start, end - start)

    def show_problems(self, problems: list[Problem]) -> None:
        """Under the field, and in what a screen reader says of it (its description)."""
        own = [problem for problem in problems if problem.path == self.path]
        show_problems_on(self.problems, own)
        said = [f"{SEVERITY_WORD[p.severity]}: {p.message}" for p in sorted(own, key=lambda p: p.severity != "fel")]
        accessible = self.input.focusProxy() or self.input
        accessible.setAccessibleDescription(" ".join([*said, self.spec.help]).strip())


def show_problems_on(label: QLabel, problems: list[Problem]) -> None:
    """Problems as icon and words (never colour alone), errors first; hidden when none."""
    if not problems:
        label.hide()
        label.setProperty("severity", "")
        return
    ordered = sorted(problems, key=lambda problem: problem.severity != "fel")
    label.setProperty("severity", ordered[0].severity)
    label.setText("\n".join(f"{SEVERITY_TEXT[p.severity]}: {p.message}" for p in ordered))
    label.style().unpolish(label)
    label.style().polish(label)
    label.show()
