# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Tab in the order the eye reads: the focus stops of a layout, walked in layout order.

Qt's own chain follows the order widgets were made, so rows added later, or a section
built before it was put in its window, would be reached out of place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLayout, QWidget


def focus_stops(layout: QLayout) -> list[QWidget]:
    """Every widget under ``layout`` that Tab stops at, top to bottom and left to right."""
    stops: list[QWidget] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget() if item is not None else None
        inner = widget.layout() if widget is not None else (item.layout() if item is not None else None)
        if widget is not None and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
            stops.append(widget)
        if inner is not None:
            stops.extend(focus_stops(inner))
    return stops
