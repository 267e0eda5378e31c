# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Shift+F10 opens the context menu, as the menu key does: Windows' convention, and the
only way to it on a keyboard without that key. Either way the menu opens just below the
text cursor, so the word it is about stays readable (spelling suggestions)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget


def _at_cursor(widget: QWidget) -> QContextMenuEvent:
    if isinstance(widget, QPlainTextEdit):  # its cursor is where its viewport shows it
        at = widget.viewport().mapTo(widget, widget.cursorRect().bottomLeft())
    else:
        cursor = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
        rect = cursor.toRect() if hasattr(cursor, "toRect") else None
        at = rect.bottomLeft() if rect is not None and rect.isValid() else widget.rect().center()
    return QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, widget.mapToGlobal(at))


class KeyboardMenu(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        shift_f10 = event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        if not shift_f10 and event.key() != Qt.Key.Key_Menu:
            return False
        widget = QApplication.focusWidget()
        if widget is None:
            return False
        QApplication.sendEvent(widget, _at_cursor(widget))
        return True


def install(app: QApplication) -> None:
    app.installEventFilter(KeyboardMenu(app))
