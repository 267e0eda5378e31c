"""The window the app opens with, shown offscreen."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ui.start_window import StartWindow


def test_start_window_names_the_form(qtbot: QtBot) -> None:
    window = StartWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "Slutrapport – Insats för samverkansmedel"
    texts = [label.text() for label in window.findChildren(QLabel)]
    assert any("Denna mall ska användas vid slutrapportering" in text for text in texts)
