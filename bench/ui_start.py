# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Started as a process by the UI benchmark: time to a painted window, and memory.

``python -m bench.ui_start app DRAFT`` starts the app as ``finsam-desktop DRAFT`` does (the
same entry point, its imports in its own order: the paint is watched from the moment the app
has made its QApplication) and ``... start`` as ``finsam-desktop`` does, to the start window;
``... bare N`` opens a plain PySide6 window with N fields on nine pages (the floor),
``... empty`` an empty one, and ``... engine DRAFT`` an empty one once the forms engine has
read DRAFT (what no wizard starts without, pydantic among it). Each ends once its first
window has been painted and prints the seconds since the interpreter started and the peak
memory in MiB.
``... settled DRAFT`` is ``app`` a second after the paint (what the open report holds, every
page made), and ``... spelling DRAFT`` waits for the dictionary: seconds from the paint to a
ready dictionary, and the peak memory a second after that.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import os
import resource
import sys
import time
from collections.abc import Callable, Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import Any

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


def after_import(name: str, then: Callable[[ModuleType], None]) -> None:
    """Call ``then`` with module ``name`` as soon as its code has run, whoever imports it: the
    app is started as it starts itself, importing what it imports in its own order."""

    class Finder(importlib.abc.MetaPathFinder):
        def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None) -> ModuleSpec | None:
            if fullname != name:
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(fullname)
            assert spec is not None and spec.loader is not None
            run = spec.loader.exec_module

            def exec_module(module: ModuleType) -> None:
                run(module)
                then(module)

            spec.loader.exec_module = exec_module  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, Finder())


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


def _paint_watched(app_module: Any, then: Callable[[], None]) -> None:  # ui.app, untyped here
    """The app's own ``create_application``, followed by :func:`on_first_paint`."""
    create = app_module.create_application

    def create_application(argv: list[str]):  # type: ignore[no-untyped-def]
        application = create(argv)
        on_first_paint(then)
        return application

    app_module.create_application = create_application


def main() -> None:
    mode = sys.argv[1]
    if mode in ("app", "settled", "spelling", "start"):
        from finsam_desktop.cli import main as entry

        def settled() -> None:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(SETTLED_MS, lambda: finish(0))

        after = {"spelling": wait_for_dictionary, "settled": settled}.get(mode, lambda: finish(since_start()))
        after_import("ui.app", lambda module: _paint_watched(module, after))
        entry(sys.argv[2:3])
        return
    if mode == "engine":  # as the app reads a draft it is started with: before Qt
        from finsam_desktop.session import DraftSession

        DraftSession.open(Path(sys.argv[2]))
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([sys.argv[0]])
    on_first_paint(lambda: finish(since_start()))
    window = QWidget() if mode in ("empty", "engine") else bare_window(int(sys.argv[2]))
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
