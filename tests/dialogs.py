# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Answering the app's modal dialogs in a test: wait for the dialog, then act on it with
real keys and clicks, as the user would."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QWidget)


def when_shown(kind: type[W], then: Callable[[W], None]) -> None:
    """Call ``then`` with the next modal dialog of ``kind`` once it is up."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, look)
            return
        then(dialog)

    QTimer.singleShot(0, look)


def enter_on_next_message(qtbot: QtBot, said: list[str]) -> None:
    """Press Enter on the next message box, noting what it said."""

    def answer(box: QMessageBox) -> None:
        said.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    when_shown(QMessageBox, answer)
