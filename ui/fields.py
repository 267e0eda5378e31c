"""One widget per question of the form: label, help text, an input fitting the kind, problems.

Editors write what is typed straight into the shared draft and say so with ``edited``;
leaving an input emits ``left``, when a typed value is shown back in its canonical form
(``211001`` becomes ``2021-10-01``) with a note of what was understood.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QFocusEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from finsam_desktop.form import FieldSpec
from finsam_desktop.model import Entry, Report, set_text_at, text_of, value_at
from finsam_desktop.spelling.readability import readability
from finsam_desktop.validation import Problem
from ui.spelling import SpellHighlighter, spelling_menu, spelling_service
from ui.wheel_safe import ChoiceBox

SEVERITY_TEXT = {"fel": "✖ Fel", "varning": "⚠ Varning"}
MEASURE_PAUSE_MS = 600
SEVERITY_WORD = {"fel": "Fel", "varning": "Varning"}  # as said by a screen reader: no symbols
TYPED = {"date", "kronor", "phone", "email", "postnummer"}


class AnswerEdit(QPlainTextEdit):
    """Multi-line text that grows with its content; pasting keeps paragraphs, not formatting.

    Signals: ``left`` when focus leaves.
    """

    left = Signal()

    def __init__(self, min_lines: int) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self._min_lines = min_lines
        self.document().contentsChanged.connect(self._fit)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit()
        self.spelling = SpellHighlighter(self.document(), spelling_service())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right click or the menu key: the word's spelling first, then cut, copy, paste."""
        menu = self.createStandardContextMenu(event.pos())
        spelling_menu(menu, self, event.pos())
        menu.addSeparator()
        long = menu.addAction("Markera långa meningar (över 35 ord)")
        long.setCheckable(True)
        long.setChecked(self.spelling.mark_long)
        long.toggled.connect(self._mark_long)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _fit(self) -> None:
        line = self.fontMetrics().lineSpacing()
        lines = max(self._min_lines, min(int(self.document().size().height()) + 1, 30))
        self.setFixedHeight(lines * line + 2 * self.frameWidth() + 12)

    def _mark_long(self, on: bool) -> None:
        self.spelling.mark_long = on
        self.spelling.rehighlight()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The text wraps anew at a new width: the height follows, whether the draft was
        just opened (laid out before the window had its size) or is being typed into."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()
            parent = self.parentWidget()
            if parent is not None and parent.layout() is not None:
                parent.layout().invalidate()  # type: ignore[union-attr]  # the count below makes room


class DateEdit(QWidget):
    """A date typed freely, or picked from a calendar that starts weeks on Monday.

    Signals: ``picked`` when a date was chosen in the calendar; ``left`` when focus leaves
    the field and its calendar button (Tab from the date to the button is not leaving).
    """

    picked = Signal()
    left = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.line = QLineEdit()
        self.line.setPlaceholderText("åååå-mm-dd")
        self.button = QToolButton()
        self.button.setText("Kalender")
        self.button.setToolTip("Välj datum i en kalender (Alt+Nedåtpil)")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        self.calendar = QCalendarWidget()
        self.calendar.setLocale(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        self.button.setMenu(menu)
        self.calendar.clicked.connect(self._choose)
        self.calendar.activated.connect(self._choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.line.installEventFilter(self)
        self.button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and QApplication.activePopupWidget() is None:
            focused = QApplication.focusWidget()
            if focused is None or not self.isAncestorOf(focused):
                self.left.emit()
        return False

    def _choose(self, day: QDate) -> None:
        self.line.setText(day.toString("yyyy-MM-dd"))
        self.button.menu().hide()
        self.picked.emit()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.button.showMenu()
            return
        super().keyPressEvent(event)


class FieldEditor(QWidget):
    """A question of the form bound to one path of the draft.

    Signals: ``edited(path)`` after each change the user makes; ``left(path)`` when the
    user leaves the field.
    """

    edited = Signal(str)
    left = Signal(str)

    def __init__(self, draft: Report, path: str, spec: FieldSpec, label: str | None = None, compact: bool = False) -> None:
        super().__init__()
        self._compact = compact
        self.draft = draft
        self.path = path
        self.spec = spec
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
        self.input, self._read, self._write = self._make_input(spec)
        self.label.setBuddy(self.input)
        accessible = self.input.focusProxy() or self.input
        accessible.setAccessibleName(self.label.text())  # what a screen reader says is what the eye reads
        if spec.help:
            accessible.setAccessibleDescription(spec.help)
        layout.addWidget(self.input)
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

    def _make_input(self, spec: FieldSpec) -> tuple[QWidget, Callable[[], str], Callable[[str], None]]:
        if spec.kind in {"answer", "lines"}:
            edit = AnswerEdit(2 if spec.kind == "lines" or self._compact else 6)
            edit.textChanged.connect(self._typed)
            edit.left.connect(self._leave)
            if spec.kind == "answer":
                self.count = QLabel()
                self.count.setToolTip(
                    "LIX är ett mått på hur lätt texten är att läsa: under 40 lätt, 40–50 medelsvår, över 50 svår."
                )
                self._measure = QTimer(self)  # LIX once typing pauses: a long answer is not measured per key
                self._measure.setSingleShot(True)
                self._measure.setInterval(MEASURE_PAUSE_MS)
                self._measure.timeout.connect(lambda: self._show_count(edit.toPlainText()))
                edit.textChanged.connect(self._measure.start)
                self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
                holder = QWidget()
                box = QVBoxLayout(holder)
                box.setContentsMargins(0, 0, 0, 0)
                box.addWidget(edit)
                box.addWidget(self.count)
                holder.setFocusProxy(edit)
                return holder, edit.toPlainText, edit.setPlainText
            return edit, edit.toPlainText, edit.setPlainText
        if spec.kind == "choice":
            combo = ChoiceBox()
            combo.addItems(["Inte angivet", *spec.choices])
            combo.currentIndexChanged.connect(self._typed)
            combo.activated.connect(self._leave)
            return (
                combo,
                lambda: combo.currentText() if combo.currentIndex() > 0 else "",
                lambda text: combo.setCurrentIndex(max(0, combo.findText(text))),
            )
        if spec.kind == "date":
            date = DateEdit()
            date.line.textEdited.connect(self._typed)
            date.line.returnPressed.connect(self._leave)
            date.left.connect(self._leave)
            date.picked.connect(self._typed)
            date.picked.connect(self._leave)
            return date, date.line.text, date.line.setText
        line = QLineEdit()
        line.textEdited.connect(self._typed)
        line.editingFinished.connect(self._leave)
        return line, line.text, line.setText

    def _show_count(self, text: str) -> None:
        """``1 234 tecken · LIX 42 (medelsvår)``: length and readability, information only."""
        measured = readability(text)
        count = f"{len(text):,} tecken".replace(",", " ")
        self.count.setText(f"{count} · LIX {measured.lix} ({measured.band})" if measured else count)

    def load(self) -> None:
        """Show what the draft holds (without it counting as an edit)."""
        self._loading = True
        self._write(text_of(value_at(self.draft, self.path)))
        self._loading = False
        if self.spec.kind == "answer":
            self._show_count(text_of(value_at(self.draft, self.path)))

    def retire(self) -> None:
        """Its row was removed: focus leaving it on the way out must not touch the draft."""
        self._retired = True

    def _typed(self, *_args: object) -> None:
        if self._loading or self._retired:
            return
        text = self._read()
        if text == text_of(value_at(self.draft, self.path)):
            return  # no change: underlining a word re-announces the text, it is not an edit
        set_text_at(self.draft, self.path, text)
        self.note.hide()
        self.edited.emit(self.path)

    def _leave(self, *_args: object) -> None:
        if self._retired:
            return
        node = value_at(self.draft, self.path)
        if isinstance(node, Entry) and self.spec.kind in TYPED:
            typed, parsed = node.raw, node.parsed()
            if parsed.ok and parsed.text != typed and not parsed.rest:
                self._loading = True
                self._write(parsed.text)
                self._loading = False
                set_text_at(self.draft, self.path, parsed.text)
                self.edited.emit(self.path)
                if parsed.note:
                    self.note.setText(f"{parsed.note} Du skrev ”{typed.strip()}”.")
                    self.note.show()
        self.left.emit(self.path)

    def focus_input(self) -> None:
        target = self.input.focusProxy() or self.input
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_problems(self, problems: list[Problem]) -> None:
        """Under the field, and in what a screen reader says of it (its description)."""
        show_problems_on(self.problems, problems)
        said = [f"{SEVERITY_WORD[p.severity]}: {p.message}" for p in sorted(problems, key=lambda p: p.severity != "fel")]
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


def add_question_heading(layout: QVBoxLayout, spec: FieldSpec) -> QLabel:
    """A list's or table's heading and help text above its rows, as the form words them."""
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
