# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""What a screen reader should say now, though focus has moved on: a problem that appeared
when the user left a field changes only that field's description, which Orca reads when the
field is reached again, not when it appears. An announcement is read as it happens."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent


def announce(source: QObject, text: str) -> None:
    """Have screen readers say ``text`` after what they are saying (polite), from ``source``."""
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
