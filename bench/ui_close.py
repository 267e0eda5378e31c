# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Started as a process by the UI benchmark: the app on a draft, its windows closed as a user
closes them once the dictionary is in; prints the wall-clock time when the last window has
closed (the last save is on disk then), so the caller sees how long the process takes to exit.

``python -m bench.ui_close DRAFT``; ``... bare`` the same for a plain PySide6 window (the floor).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    window = QWidget()
    window.show()

    def close() -> None:
        window.close()
        print(f"{time.time():.4f}", flush=True)

    QTimer.singleShot(500, close)
    return app.exec()


def main() -> int:
    if sys.argv[1] == "bare":
        return bare()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui import app as app_module
    from ui.spelling import spelling_service

    create = app_module.create_application

    def close_when_ready() -> None:
        if spelling_service().checker is None and not spelling_service().problem:
            QTimer.singleShot(50, close_when_ready)
            return
        for window in [each for each in QApplication.topLevelWidgets() if each.isVisible() and each.isWindow()]:
            window.close()  # the report's window first shows the start window again: close until none
        if any(each.isVisible() for each in QApplication.topLevelWidgets()):
            QTimer.singleShot(0, close_when_ready)
            return
        print(f"{time.time():.4f}", flush=True)

    def created(argv: list[str]) -> QApplication:
        application = create(argv)
        QTimer.singleShot(500, close_when_ready)
        return application

    app_module.create_application = created
    return app_module.main(Path(sys.argv[1]))


if __name__ == "__main__":
    sys.exit(main())
