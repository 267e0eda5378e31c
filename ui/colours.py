# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Colours that follow the system's scheme (light, dark, high contrast) and still read:
an input's edge at least 3:1 against what surrounds it (WCAG 1.4.11), worked out from the
palette the system gives (the report's preview stays white paper: resources/style/app.qss)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

NON_TEXT_CONTRAST = 3.0  # WCAG 1.4.11: what tells an input apart from its surroundings


def _luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio of two colours, 1 to 21."""
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _mixed(start: QColor, end: QColor, share: float) -> QColor:
    def between(a: float, b: float) -> float:
        return a + (b - a) * share

    return QColor.fromRgbF(
        between(start.redF(), end.redF()), between(start.greenF(), end.greenF()), between(start.blueF(), end.blueF())
    )


def edge_colour(palette: QPalette) -> QColor:
    """The least strong mix of the text colour into the input's background that stands 3:1
    against both the input (Base) and the window around it: quiet, but always visible."""
    base, window = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.Text)
    for step in range(4, 11):
        edge = _mixed(base, text, step / 10)
        if contrast(edge, base) >= NON_TEXT_CONTRAST and contrast(edge, window) >= NON_TEXT_CONTRAST:
            return edge
    return text


class _PaletteFollower(QObject):
    """The stylesheet again, with the edge worked out anew, when the system's scheme changes."""

    def __init__(self, app: QApplication, stylesheet: str) -> None:
        super().__init__(app)
        self.app, self.stylesheet, self.edge = app, stylesheet, ""

    def apply(self) -> None:
        edge = edge_colour(self.app.palette()).name()
        if edge != self.edge:  # setting the stylesheet changes no palette: no loop
            self.edge = edge
            self.app.setStyleSheet(self.stylesheet.replace("@edge", edge))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.app and event.type() == QEvent.Type.ApplicationPaletteChange:
            self.apply()
        return False


def follow_the_palette(app: QApplication, stylesheet: str) -> None:
    """Style ``app`` with ``stylesheet`` for its palette now, and for every palette to come."""
    follower = app.findChild(_PaletteFollower)
    if follower is None:
        follower = _PaletteFollower(app, stylesheet)
        app.installEventFilter(follower)
    follower.stylesheet, follower.edge = stylesheet, ""
    follower.apply()
