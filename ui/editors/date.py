# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A date typed freely, or picked from a calendar whose weeks start on Monday."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget, QWidgetAction


class DateEdit(QWidget):
    """A date typed freely, or picked from a calendar that starts weeks on Monday.

    Signals: ``picked`` when a date was chosen in the calendar; ``left`` when focus leaves
    the field and its calendar button (Tab from the date to the button is not leaving).
    """

    picked = Signal()
    left = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.line = QLineEdit()
        self.line.setPlaceholderText("åååå-mm-dd")
        self.button = QToolButton()
        self.button.setText("Kalender")
        self.button.setToolTip("Välj datum i en kalender (Alt+Nedåtpil)")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        self.calendar = QCalendarWidget()
        self.calendar.setLocale(QLocale(QLocale.Language.Swedish, QLocale.Country.Sweden))
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        self.button.setMenu(menu)
        self.calendar.clicked.connect(self._choose)
        self.calendar.activated.connect(self._choose)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.line.installEventFilter(self)
        self.button.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and QApplication.activePopupWidget() is None:
            focused = QApplication.focusWidget()
            if focused is None or not self.isAncestorOf(focused):
                self.left.emit()
        return False

    def _choose(self, day: QDate) -> None:
        self.line.setText(day.toString("yyyy-MM-dd"))
        self.button.menu().hide()
        self.picked.emit()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.button.showMenu()
            return
        super().keyPressEvent(event)
