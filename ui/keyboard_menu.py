# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Shift+F10 opens the context menu, as the menu key does: Windows' convention, and the
only way to it on a keyboard without that key. The menu opens at the text cursor."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def _at_cursor(widget: QWidget) -> QContextMenuEvent:
    cursor = widget.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
    rect = cursor.toRect() if hasattr(cursor, "toRect") else None
    at = rect.bottomLeft() if rect is not None and rect.isValid() else widget.rect().center()
    return QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, widget.mapToGlobal(at))


class KeyboardMenu(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() != Qt.Key.Key_F10 or event.modifiers() != Qt.KeyboardModifier.ShiftModifier:
            return False
        widget = QApplication.focusWidget()
        if widget is None:
            return False
        QApplication.sendEvent(widget, _at_cursor(widget))
        return True


def install(app: QApplication) -> None:
    app.installEventFilter(KeyboardMenu(app))
