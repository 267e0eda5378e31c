# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Started as a process by the UI benchmark: time to a painted window, and memory.

``python -m bench.ui_start app DRAFT`` starts the app as ``finsam-desktop DRAFT`` does (the
same entry point, imports included) and ``... start`` as ``finsam-desktop`` does, to the
start window; ``... bare N`` opens a plain PySide6 window with N fields on nine pages (the
floor), ``... empty`` an empty one, and ``... engine DRAFT`` an empty one once the forms engine
has read DRAFT (what no wizard can start without, pydantic among it). Each ends once its first window has been painted and
prints the seconds since the interpreter started and the peak memory in MiB.
``... settled DRAFT`` is ``app`` a second after the paint (what the open report holds, every
page made), and ``... spelling DRAFT`` waits for the dictionary: seconds from the paint to a
ready dictionary, and the peak memory a second after that.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SETTLED_MS = 1000


def peak_mib() -> float:
    """This process's peak memory. Linux's ``ru_maxrss`` survives ``exec`` (a child started by
    a large benchmark reports its parent's peak); the address space's own, VmHWM, does not."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def since_start() -> float:
    """Seconds since this process began (its own clock, so imports before ``main`` count)."""
    with open("/proc/self/stat") as stat:
        started = int(stat.read().rpartition(")")[2].split()[19]) / os.sysconf("SC_CLK_TCK")
    with open("/proc/uptime") as uptime:
        return float(uptime.read().split()[0]) - started


def finish(elapsed: float) -> None:
    """Print the figures and end at once: the time is to the painted window, not to teardown."""
    print(f"{elapsed:.4f} {peak_mib():.1f}", flush=True)
    os._exit(0)


def on_first_paint(then: Callable[[], None]) -> None:
    """Run ``then`` once the first window has been painted, whoever made it: an application
    filter waits for a window's first Paint, then lets that paint end before ``then``."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget) and watched.isWindow():
                owner.removeEventFilter(self)
                QTimer.singleShot(0, then)
            return False

    app = QApplication.instance()
    assert app is not None
    owner: QObject = app
    owner.installEventFilter(FirstPaint(owner))


def bare_window(fields: int):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLineEdit, QListWidget, QPlainTextEdit, QStackedWidget, QVBoxLayout, QWidget

    window = QWidget()
    stack = QStackedWidget()
    pages = 9
    for _page in range(pages):
        page = QWidget()
        layout = QVBoxLayout(page)
        for index in range(fields // pages):
            layout.addWidget(QPlainTextEdit("x" * 20_000) if index % 2 else QLineEdit("x"))
        stack.addWidget(page)
    outer = QVBoxLayout(window)
    outer.addWidget(QListWidget())
    outer.addWidget(stack)
    return window


def wait_for_dictionary() -> None:
    from PySide6.QtCore import QTimer

    from ui.spelling import spelling_service

    painted = time.perf_counter()

    def check() -> None:
        service = spelling_service()
        if service.checker is None and not service.problem:
            QTimer.singleShot(1, check)
            return
        ready = time.perf_counter() - painted
        QTimer.singleShot(SETTLED_MS, lambda: finish(ready))  # the memory once every page is made

    check()


def main() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    mode = sys.argv[1]
    app = QApplication([sys.argv[0]])
    if mode in ("app", "settled", "spelling", "start"):
        from finsam_desktop.cli import main as entry

        after = {"spelling": wait_for_dictionary, "settled": lambda: QTimer.singleShot(SETTLED_MS, lambda: finish(0))}
        on_first_paint(after.get(mode, lambda: finish(since_start())))
        entry(sys.argv[2:3])
        return
    on_first_paint(lambda: finish(since_start()))
    if mode == "engine":
        from finsam_desktop.session import DraftSession

        DraftSession.open(Path(sys.argv[2]))
    window = QWidget() if mode in ("empty", "engine") else bare_window(int(sys.argv[2]))
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
