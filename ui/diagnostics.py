# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""When something goes wrong anyway: a Swedish message, a report to copy, and a small log.

The windowed build has no console, so an uncaught error would otherwise vanish. Every
uncaught exception (UI thread or worker thread) is written to a rotating log in the data
folder and shown as "Något gick fel" with "Kopiera felrapport". The log and the report hold
where the error happened, never its message: messages can carry the report's own text.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from finsam_desktop import __version__
from finsam_desktop.paths import data_dir

LOG_NAME = "finsam.log"
LOG_BYTES = 512 * 1024
LOG_BACKUPS = 2


def log_path() -> Path:
    return data_dir() / LOG_NAME


def error_report(kind: type[BaseException], trace: TracebackType | None) -> str:
    """What happened and where, with versions; without the exception's message."""
    import platform

    frames = "".join(traceback.format_tb(trace))
    return (
        f"Finsam Slutrapport {__version__}, Python {platform.python_version()}, Qt for Python {pyside_version}, "
        f"{platform.platform()}\n{frames}{kind.__module__}.{kind.__qualname__}"
    )


class _LogOnFirstRecord(logging.Handler):
    """The log file, opened at its first record: ``logging.handlers`` (with sockets and pickle)
    then loads, not on every start before the first window."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.file is None:  # Handler.handle holds the handler's lock: one thread makes it
            from ui.log_file import PrivateLog

            try:
                self.file = PrivateLog(self.path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
            except OSError:  # a full disk or a folder gone: logging never takes the app down
                self.handleError(record)
                return
            self.file.setFormatter(self.formatter)
        self.file.emit(record)

    def flush(self) -> None:
        if self.file is not None:
            self.file.flush()

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
        super().close()


class _Bridge(QObject):
    """Carries an error from any thread to the UI thread, where it can be shown."""

    happened = Signal(str)


class Diagnostics:
    """Installed once at start: the log file and the hooks for uncaught exceptions."""

    def __init__(self) -> None:
        self.shown: list[str] = []
        self._bridge = _Bridge()
        self._bridge.happened.connect(self.show)
        handler = _LogOnFirstRecord(log_path())
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root = logging.getLogger("finsam")
        root.setLevel(logging.INFO)
        root.addHandler(handler)
        self.handler = handler
        sys.excepthook = self._uncaught
        threading.excepthook = self._uncaught_in_thread

    def _uncaught(self, kind: type[BaseException], _error: BaseException, trace: TracebackType | None) -> None:
        report = error_report(kind, trace)
        logging.getLogger("finsam").error("ohanterat fel\n%s", report)
        self._bridge.happened.emit(report)  # queued when not on the UI thread

    def _uncaught_in_thread(self, args: threading.ExceptHookArgs) -> None:
        self._uncaught(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def show(self, report: str) -> None:
        """Tell the user, and offer the report for the förbund's or IT's support."""
        self.shown.append(report)
        box = QMessageBox(QMessageBox.Icon.Critical, "Något gick fel", "", parent=QApplication.activeWindow())
        box.setText("Något gick fel i programmet. Din text sparas fortfarande medan du skriver.")
        box.setInformativeText(
            f"Om det händer igen: tryck Kopiera felrapport och skicka den till den som hjälper dig. "
            f"Felet finns också i {log_path()}."
        )
        box.setDetailedText(report)
        copy = box.addButton("Kopiera felrapport", QMessageBox.ButtonRole.ActionRole)
        box.addButton("Stäng", QMessageBox.ButtonRole.RejectRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(report))
        box.open()
