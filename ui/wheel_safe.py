# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Dropdowns and number fields that the mouse wheel cannot change by passing over them.

A page scrolled with the wheel would otherwise change whichever dropdown happened to be
under the pointer (a goal's "Delvis" silently became "Nej", also right after choosing it,
with the pointer still there). While a dropdown's list is closed, the wheel over it or over
a number field goes on to the page and scrolls it, focused or not; the open list scrolls as
usual, and the keys still choose.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QComboBox, QSpinBox, QWidget


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def _wheel_to_the_page(widget: QComboBox | QSpinBox, event: QWheelEvent) -> None:
    area = _scroll_area_of(widget)
    if area is None:
        event.ignore()
        return
    # Handed to the page explicitly: Qt passes an ignored wheel on only when it came from the system.
    viewport = area.viewport()
    at = QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint()))
    QApplication.sendEvent(viewport, QWheelEvent(
        at, event.globalPosition(), event.pixelDelta(), event.angleDelta(), event.buttons(),
        event.modifiers(), event.phase(), event.inverted(),
    ))
    event.accept()


class ChoiceBox(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel does not take focus either

    def wheelEvent(self, event: QWheelEvent) -> None:
        _wheel_to_the_page(self, event)


class NumberBox(QSpinBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        _wheel_to_the_page(self, event)
