# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Started as a process by the UI benchmark: time to an interactive window, and memory.

``python -m bench.ui_start app DRAFT`` opens the wizard on DRAFT; ``... bare N`` opens a
plain PySide6 window with N pages of line edits (the floor). Prints seconds from
interpreter start to a shown, laid-out window, and peak memory in MiB. ``... spelling DRAFT``
opens the wizard and waits for the dictionary: seconds from the shown window to a ready
dictionary, and peak memory then. ``... start`` opens the start window (Dina rapporter),
``... empty`` an empty PySide6 window (its floor).
"""

from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def peak_mib() -> float:
    """This process's peak memory. Linux's ``ru_maxrss`` survives ``exec`` (a child started by
    a large benchmark reports its parent's peak); the address space's own, VmHWM, does not."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    if sys.argv[1] in ("app", "spelling"):
        from finsam_desktop.session import DraftSession
        from ui.app import create_application
        from ui.main_window import MainWindow

        app = create_application([])
        window: QWidget = MainWindow(DraftSession.open(Path(sys.argv[2])))
    elif sys.argv[1] == "start":
        from ui.app import create_application
        from ui.start_window import StartWindow

        app = create_application([])
        window = StartWindow()
    elif sys.argv[1] == "empty":
        app = QApplication([])
        window = QWidget()
    else:
        from PySide6.QtWidgets import QLineEdit, QListWidget, QPlainTextEdit, QStackedWidget, QVBoxLayout, QWidget

        app = QApplication([])
        window = QWidget()
        stack = QStackedWidget()
        pages, fields = 9, int(sys.argv[2])
        for _page in range(pages):
            page = QWidget()
            layout = QVBoxLayout(page)
            for index in range(fields // pages):
                layout.addWidget(QPlainTextEdit("x" * 20_000) if index % 2 else QLineEdit("x"))
            stack.addWidget(page)
        outer = QVBoxLayout(window)
        outer.addWidget(QListWidget())
        outer.addWidget(stack)
    window.show()
    app.processEvents()
    elapsed = time.perf_counter()  # perf_counter starts near interpreter start on Linux
    if sys.argv[1] == "spelling":
        from ui.spelling import spelling_service

        while spelling_service().checker is None and not spelling_service().problem:
            app.processEvents()
            time.sleep(0.001)
        elapsed = time.perf_counter() - elapsed
    peak = peak_mib()
    print(f"{elapsed:.4f} {peak:.1f}")


if __name__ == "__main__":
    main()
