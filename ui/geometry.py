# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Windows that fit the screen they open on: a saved size or place from another screen
setup (a docked laptop, a resolution change, 150 % scaling) is brought back within reach,
frame included, so a status bar or a row of buttons never starts below the screen's edge."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

SMALLEST = QSize(640, 480)  # smaller than this was never what the user wanted
FRAME_KNOWN_MS = 250  # after showing: by then an X11 window manager has put its frame on
LOOKED_AGAIN = "finsamFramed"  # a window's property once it has been fitted with its frame


def _screen_area(window: QWidget) -> QRect:
    screens = QGuiApplication.screens()
    frame = window.frameGeometry()
    best = max(screens, key=lambda screen: _overlap(screen.availableGeometry(), frame), default=None)
    return best.availableGeometry() if best is not None else QRect(0, 0, 1024, 700)


def _overlap(area: QRect, frame: QRect) -> int:
    shared = area.intersected(frame)
    return max(0, shared.width()) * max(0, shared.height())


def fit_on_screen(window: QWidget, default: QSize) -> None:
    """Size the window within its screen's available area (``default`` when its size is
    implausible), and move it wholly inside that area, its frame and title bar included."""
    area = _screen_area(window)
    size = window.size()
    if size.width() < SMALLEST.width() or size.height() < SMALLEST.height():
        size = default
    decoration = window.frameGeometry().size() - window.size()
    width = min(size.width(), area.width() - decoration.width())
    height = min(size.height(), area.height() - decoration.height())
    window.resize(max(width, window.minimumSizeHint().width()), max(height, window.minimumSizeHint().height()))
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.top()), area.bottom() - frame.height() + 1)
    window.move(max(x, area.left()), max(y, area.top()))


class KeepOnScreen(QObject):
    """Every window the app opens, inside its screen's available area: when shown, and again
    once the window manager has framed it (X11 says how thick the frame is only then)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and _framed_window(watched):
            fit_on_screen(watched, watched.size())
            if not watched.property(LOOKED_AGAIN):  # the frame's thickness is the same next time
                watched.setProperty(LOOKED_AGAIN, True)
                QTimer.singleShot(FRAME_KNOWN_MS, watched, lambda: fit_on_screen(watched, watched.size()))
        return False


def _framed_window(widget: QWidget) -> bool:
    kind = widget.windowType()
    return widget.isWindow() and kind not in (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen)


def install(app: QApplication) -> None:
    app.installEventFilter(KeepOnScreen(app))
