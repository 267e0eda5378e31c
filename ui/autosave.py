# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Autosave: a moment after typing stops, at once on request, and before closing.

The draft is encoded on the UI thread (a consistent snapshot in milliseconds) and written
on one worker thread, so saves stay in order and typing never waits for the disk. A
recovery journal is written even sooner after each change, and at least once a second
while typing goes on without a pause. A failed save is reported and retried; a file
changed by someone else is reported and never overwritten.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from finsam_desktop.drafts import DraftConflict, DraftError
from finsam_desktop.session import DraftSession

log = logging.getLogger("finsam.autosave")

SAVE_DELAY_MS = 800
SAVE_MAX_WAIT_MS = 10_000
JOURNAL_DELAY_MS = 150
JOURNAL_MAX_WAIT_MS = 1000
RETRY_MS = 5000


class Debounce(QObject):
    """Calls ``slot`` once changes pause for ``delay`` ms, and no later than ``max_wait`` ms
    after the first change it has not yet answered, so continuous typing cannot hold it off."""

    def __init__(self, delay: int, max_wait: int, slot: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.delay, self.max_wait, self._slot = delay, max_wait, slot
        self._due: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)

    def poke(self) -> None:
        now = time.monotonic()
        if self._due is None:
            self._due = now + self.max_wait / 1000
        self._timer.start(max(0, min(self.delay, int((self._due - now) * 1000))))

    def later(self, milliseconds: int) -> None:
        """Call the slot after ``milliseconds`` (a retry), unless poked sooner."""
        self._due = None
        self._timer.start(milliseconds)

    def stop(self) -> None:
        self._due = None
        self._timer.stop()

    def _fire(self) -> None:
        self._due = None
        self._slot()


class _Bridge(QObject):
    """Carries a worker's outcome back to the UI thread."""

    finished = Signal(object, object)  # snapshot, outcome (datetime or DraftError)


class Autosaver(QObject):
    """Keeps ``session`` saved.

    Signals: ``saved(datetime)``, ``failed(str)`` for a save that will be retried,
    ``conflicted(str)`` when the file changed on disk and was left alone.
    """

    saved = Signal(object)
    failed = Signal(str)
    conflicted = Signal(str)

    def __init__(self, session: DraftSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._pending: list[Future[None]] = []
        self._bridge = _Bridge()
        self._bridge.finished.connect(self._finished)
        self._save_debounce = Debounce(SAVE_DELAY_MS, SAVE_MAX_WAIT_MS, self.save_now, self)
        self._journal_debounce = Debounce(JOURNAL_DELAY_MS, JOURNAL_MAX_WAIT_MS, self._journal, self)
        self.conflict = False
        self.closed = False

    def changed(self) -> None:
        """The user changed the draft: save soon, journal sooner."""
        self.session.changed()
        if self.closed:
            return
        self._save_debounce.poke()
        self._journal_debounce.poke()

    def save_now(self) -> None:
        self._save_debounce.stop()
        if not self.session.dirty or self.conflict:
            return
        snapshot = self.session.snapshot()
        self._submit(self._save, snapshot)

    def _journal(self) -> None:
        if self.session.dirty:
            self._submit(self._write_journal, self.session.snapshot())

    def _submit(self, job, snapshot: bytes) -> None:  # type: ignore[no-untyped-def]
        if self.closed:
            return
        self._pending = [future for future in self._pending if not future.done()]
        self._pending.append(self._worker.submit(job, snapshot))

    def _save(self, snapshot: bytes) -> None:
        try:
            self.session.save(snapshot)
            outcome: object = datetime.now()
        except DraftError as error:
            outcome = error
        except Exception:  # never a silent worker: said like any failed save, and retried
            log.exception("autosave failed")
            outcome = DraftError(self.session.path, "Utkastet kunde inte sparas (internt fel). Texten finns kvar; försöker igen.")
        self._bridge.finished.emit(snapshot, outcome)

    def _write_journal(self, snapshot: bytes) -> None:
        try:
            self.session.write_journal(snapshot)
        except Exception:  # the real save will say what is wrong
            log.exception("recovery journal not written")

    def _finished(self, snapshot: bytes, outcome: object) -> None:
        if isinstance(outcome, DraftConflict):
            self.conflict = True
            self.conflicted.emit(str(outcome))
        elif isinstance(outcome, DraftError):
            self.failed.emit(str(outcome))
            self._save_debounce.later(RETRY_MS)
        else:
            self.session.mark_saved(snapshot)
            self.saved.emit(outcome)

    def wait(self) -> None:
        """Let every write under way finish (before closing)."""
        for future in self._pending:
            future.result()
        self._pending = []

    def flush(self) -> str:
        """Save everything now, on this thread; returns an error message, or "" when saved."""
        self._save_debounce.stop()
        self._journal_debounce.stop()
        self.wait()
        if not self.session.dirty or self.conflict:
            return "" if not self.conflict else "Filen har ändrats av någon annan och sparades inte."
        snapshot = self.session.snapshot()
        try:
            self.session.save(snapshot)
        except DraftError as error:
            return str(error)
        self.session.mark_saved(snapshot)
        self.saved.emit(datetime.now())
        return ""

    def shutdown(self) -> None:
        self.closed = True
        self._save_debounce.stop()
        self._journal_debounce.stop()
        self._worker.shutdown(wait=True)
