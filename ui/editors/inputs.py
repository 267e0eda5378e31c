# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The input widget of each field kind, registered by kind: a line, an answer that grows,
a dropdown of choices, a date with a calendar. A kind without an entry of its own takes
its nearest ancestor's (every typed kind is a line)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from finsam_desktop.forms.kinds import AnswerSpec, ChoiceSpec, DateSpec, FieldBase, LinesSpec
from ui.editors.answer import AnswerEdit
from ui.editors.date import DateEdit
from ui.wheel_safe import ChoiceBox


class InputSignals(QObject):
    """``changed`` on every edit; ``done`` when the user leaves the input or confirms it."""

    changed = Signal()
    done = Signal()


@dataclass
class Input:
    widget: QWidget
    read: Callable[[], str]
    write: Callable[[str], None]
    signals: InputSignals
    typing: QWidget  # the widget that takes the keys


def _line(spec: FieldBase, compact: bool) -> Input:
    line = QLineEdit()
    signals = InputSignals(line)
    line.textEdited.connect(signals.changed)
    line.editingFinished.connect(signals.done)
    return Input(line, line.text, line.setText, signals, line)


def _answer(min_lines: int) -> Callable[[FieldBase, bool], Input]:
    def make(spec: FieldBase, compact: bool) -> Input:
        edit = AnswerEdit(2 if compact else min_lines)
        signals = InputSignals(edit)
        edit.textChanged.connect(signals.changed)
        edit.left.connect(signals.done)
        return Input(edit, edit.toPlainText, edit.setPlainText, signals, edit)

    return make


def _choice(spec: FieldBase, compact: bool) -> Input:
    choices = spec.choices if isinstance(spec, ChoiceSpec) else ()
    combo = ChoiceBox()
    combo.addItems(["Inte angivet", *choices])
    signals = InputSignals(combo)
    combo.currentIndexChanged.connect(signals.changed)
    combo.activated.connect(signals.done)
    return Input(
        combo,
        lambda: combo.currentText() if combo.currentIndex() > 0 else "",
        lambda text: combo.setCurrentIndex(max(0, combo.findText(text))),
        signals,
        combo,
    )


def _date(spec: FieldBase, compact: bool) -> Input:
    date = DateEdit()
    signals = InputSignals(date)
    date.line.textEdited.connect(signals.changed)
    date.line.returnPressed.connect(signals.done)
    date.left.connect(signals.done)
    date.picked.connect(signals.changed)
    date.picked.connect(signals.done)
    return Input(date, date.line.text, date.line.setText, signals, date.line)


INPUTS: dict[type[FieldBase], Callable[[FieldBase, bool], Input]] = {
    FieldBase: _line,
    LinesSpec: _answer(2),
    AnswerSpec: _answer(6),
    ChoiceSpec: _choice,
    DateSpec: _date,
}


def input_for(spec: FieldBase, compact: bool = False) -> Input:
    """The input for ``spec``: its kind's own, or its nearest ancestor's."""
    kind = next(kind for kind in type(spec).__mro__ if kind in INPUTS)
    return INPUTS[kind](spec, compact)
