# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Typing like a Swedish user: real key events, å, ä, ö and dashes included.

``QTest.keyClicks`` only knows ASCII keys (it aborts on ``å``); this sends one key press
and release per character, carrying the character's text, as a keyboard does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog, QWidget
from pytestqt.qtbot import QtBot


def _key(char: str) -> Qt.Key:
    if char == "\n":
        return Qt.Key.Key_Return
    if char.isascii() and char.isalnum():
        return Qt.Key(ord(char.upper()))
    if char == " ":
        return Qt.Key.Key_Space
    return Qt.Key.Key_unknown


def type_text(widget: QWidget, text: str) -> None:
    for char in text:
        key = _key(char)
        typed = "\r" if char == "\n" else char
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, typed))
    QApplication.processEvents()


def answer_form_choice(qtbot: QtBot, keys: tuple[Qt.Key, ...] = ()) -> None:
    """When "Ny rapport" asks which förbund's mall, press ``keys`` in the list and Enter."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        combo = dialog.findChild(QComboBox)
        assert combo is not None
        for key in keys:
            qtbot.keyClick(combo, key)
        qtbot.keyClick(combo, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active one, as a click on it would: focus changes and shortcuts
    are told to the active window only."""
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
