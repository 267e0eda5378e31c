# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Windows that fit the screen they open on: a saved size or place from another screen
setup (a docked laptop, a resolution change) is brought back within reach."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MIN_VISIBLE = 0.9  # of the window's area on one screen, or it is moved
SMALLEST = QSize(640, 480)  # smaller than this was never what the user wanted


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
    implausible), and move it so that at least nine tenths of it are on that screen."""
    area = _screen_area(window)
    size = window.size()
    if size.width() < SMALLEST.width() or size.height() < SMALLEST.height():
        size = default
    decoration = window.frameGeometry().size() - window.size()
    width = min(size.width(), area.width() - decoration.width())
    height = min(size.height(), area.height() - decoration.height())
    window.resize(max(width, window.minimumSizeHint().width()), max(height, window.minimumSizeHint().height()))
    frame = window.frameGeometry()
    if _overlap(area, frame) < MIN_VISIBLE * frame.width() * frame.height():
        x = min(max(frame.x(), area.left()), area.right() - frame.width() + 1)
        y = min(max(frame.y(), area.top()), area.bottom() - frame.height() + 1)
        window.move(max(x, area.left()), max(y, area.top()))
