"""Start the desktop app: the Qt application, its names, and the first window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from finsam_desktop import __version__
from finsam_desktop.paths import APP_NAME
from ui.start_window import StartWindow


def create_application(argv: list[str]) -> QApplication:
    """The QApplication with the names Qt uses for settings and window titles."""
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app  # type: ignore[return-value]


def main() -> int:
    app = create_application(sys.argv)
    window = StartWindow()
    window.show()
    return app.exec()
