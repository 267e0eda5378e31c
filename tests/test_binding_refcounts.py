# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Qt for Python must not corrupt Python's reference counts in what the app does per keystroke.

PySide6 6.12.0 lowered the count of ``None`` on every ``QTimer.start/stop/setInterval``
and of ``True``/``False`` on every emit of a custom signal to a Python slot. On Python
3.11 (no immortal objects) that aborts the process after a few thousand keystrokes
(``none_dealloc``/``bool_dealloc``). This guards the pinned version: every call the app
makes while someone types is repeated thousands of times and the counts must not move.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from ui.editors.answer import AnswerEdit

ROUNDS = 3000
# Python itself may take or drop a few references to None while the loop runs; a leak
# in a binding moves the count by at least one per call, thousands in all.
NOISE = 50


@pytest.fixture(autouse=True)
def no_garbage_collection() -> Iterator[None]:
    """The collector freeing earlier tests' cycles while a loop runs moves the counts too."""
    gc.collect()
    gc.disable()
    yield
    gc.enable()


class _Emitter(QObject):
    with_text = Signal(str)
    with_object = Signal(object)
    bare = Signal()


def _counts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def _assert_steady(before: tuple[int, int, int], what: str) -> None:
    after = _counts()
    moved = [abs(a - b) for a, b in zip(after, before, strict=True)]
    assert max(moved) < NOISE, f"{what} moved the counts of None/True/False by {moved}"


def test_timers_keep_none_and_bools_alive(qtbot: QtBot) -> None:
    timer = QTimer()
    timer.setSingleShot(True)
    before = _counts()
    for _ in range(ROUNDS):
        timer.start(800)
        timer.setInterval(150)
        timer.stop()
    _assert_steady(before, "QTimer.start/setInterval/stop")


def test_signal_emits_keep_none_and_bools_alive(qtbot: QtBot) -> None:
    emitter = _Emitter()
    received = [0]  # a count: keeping what arrived would hold references to None itself

    def count(*_args: object) -> None:
        received[0] += 1

    emitter.with_text.connect(count)
    emitter.with_object.connect(count)
    emitter.bare.connect(count)
    before = _counts()
    for _ in range(ROUNDS):
        emitter.with_text.emit("allmant.insatsens_namn")
        emitter.with_object.emit(None)
        emitter.bare.emit()
    _assert_steady(before, "emitting custom signals")
    assert received[0] == 3 * ROUNDS


def test_editor_setters_keep_none_and_bools_alive(qtbot: QtBot) -> None:
    answer, line, label, combo, plain = AnswerEdit(6), QLineEdit(), QLabel(), QComboBox(), QPlainTextEdit()
    combo.addItems(["Inte angivet", "Ja", "Delvis", "Nej"])
    settings = QSettings()
    for widget in (answer, line, label, combo, plain):
        qtbot.addWidget(widget)
    before = _counts()
    for index in range(ROUNDS // 10):
        text = f"Rad {index}"
        answer.setPlainText(text)
        plain.appendPlainText(text)
        line.setText(text)
        label.setText(text)
        label.setProperty("severity", "fel" if index % 2 else "")
        label.style().unpolish(label)
        label.style().polish(label)
        label.setVisible(bool(index % 2))
        combo.setCurrentIndex(index % 4)
        settings.setValue("prov/rad", index)
    _assert_steady(before, "the editors' setters")
    assert answer.toPlainText() == f"Rad {ROUNDS // 10 - 1}"
