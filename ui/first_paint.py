# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Work that can wait until a window is on the screen: it runs once the window's first paint
is done, so the window shows at once and what is read from disk follows a moment later."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

UNPAINTED_MS = 1000  # a window shown minimised is never painted: the work runs all the same


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self.then: Callable[[], None] | None = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show:
            QTimer.singleShot(UNPAINTED_MS, self, self._run)
        elif kind == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after this paint, once it is on the screen
        return False

    def _run(self) -> None:
        then, self.then = self.then, None
        if then is not None:
            then()


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """Run ``then`` when ``window`` has first been painted (or a second after it was shown, if
    it is not painted by then); never while it has not been shown, nor once it is gone."""
    _FirstPaint(window, then)
