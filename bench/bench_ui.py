# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The wizard: cold start with the maximal draft, and one keystroke in a long answer."""

from __future__ import annotations

import functools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.maximal import maximal_draft
from bench.runner import Benchmark
from finsam_desktop.drafts import NEW_FILE, write_draft
from finsam_desktop.sample import sample_report

ROOT = Path(__file__).resolve().parent.parent
FIELDS = 72  # field editors the wizard shows for the maximal draft
TYPICAL_FIELDS = 36  # about as many as an example report shows
GAVLEBORG = "gavleborg-slutrapport"


def _started(*args: str) -> tuple[float, float]:
    """What ``bench.ui_start`` printed: its seconds and its peak memory in MiB."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FINSAM_DATA_DIR=tempfile.mkdtemp())
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app starts from compiled bytecode, not source
    out = subprocess.run([sys.executable, "-m", "bench.ui_start", *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def _start(*args: str) -> tuple[float, float]:
    """Seconds from launch to the shown window, as the user waits, and peak memory."""
    began = time.perf_counter()
    memory = _started(*args)[1]
    return time.perf_counter() - began, memory


def _maximal_file() -> Path:
    path = Path(tempfile.mkdtemp(prefix="finsam-bench-ui-")) / "maximal.json"
    write_draft(path, "Maximal", maximal_draft(), NEW_FILE)
    return path


def _sample_file(form_id: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix="finsam-bench-ui-")) / f"{form_id}.json"
    name, draft = sample_report(form_id)
    write_draft(path, name, draft, NEW_FILE)
    return path


def memory_report() -> str:
    """Median peak memory of the wizard with the maximal draft and the dictionary loaded,
    against the bare window; and how long after the shown window the dictionary was ready."""
    draft = _maximal_file()
    wizard = statistics.median(_started("settled", str(draft))[1] for _ in range(3))
    spelling = [_started("spelling", str(draft)) for _ in range(3)]
    ready, with_dictionary = statistics.median(each[0] for each in spelling), statistics.median(each[1] for each in spelling)
    bare = statistics.median(_start("bare", str(FIELDS))[1] for _ in range(3))
    example = statistics.median(_started("spelling", str(_sample_file(GAVLEBORG)))[1] for _ in range(3))
    empty = statistics.median(_start("empty")[1] for _ in range(3))
    return (f"peak memory: wizard with maximal draft {wizard:.0f} MiB, with the dictionary loaded {with_dictionary:.0f} MiB"
            f" ({with_dictionary / bare:.1f}× a bare window of {FIELDS} fields, {bare:.0f} MiB); the example report with the"
            f" dictionary {example:.0f} MiB ({example / empty:.1f}× a bare empty window, {empty:.0f} MiB);"
            f" dictionary ready {ready:.3f} s after the window")


def _exit_after_close(*args: str) -> float:
    """Seconds from the last window closed (the last save on disk) to the process's end."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FINSAM_DATA_DIR=tempfile.mkdtemp())
    with subprocess.Popen([sys.executable, "-m", "bench.ui_close", *args], cwd=ROOT, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) as process:
        assert process.stdout is not None
        closed = float(process.stdout.readline())
    return time.time() - closed


def closing_report() -> str:
    """Median exit time after the last window of the wizard (maximal draft) closes."""
    draft = _maximal_file()
    app = statistics.median(_exit_after_close(str(draft)) for _ in range(5))
    bare = statistics.median(_exit_after_close("bare") for _ in range(5))
    return f"closing: the app exits {app:.2f} s after its last window closed, a bare window {bare:.2f} s ({app / bare:.1f}×)"


def benchmarks() -> list[Benchmark]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    draft_path = _maximal_file()

    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from finsam_desktop.session import DraftSession
    from ui.app import create_application
    from ui.main_window import MainWindow

    app = create_application([])
    session = DraftSession.open(draft_path)
    session.draft.analys.erfarenheter = ("Ett stycke text som skrivits i Word. " * 1400)[:50_000]
    window = MainWindow(session)
    window.show()
    from ui.spelling import spelling_service  # keystrokes as typed once the dictionary is in

    deadline = time.monotonic() + 60
    while spelling_service().checker is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.05)
    from finsam_desktop.forms.paths import path
    from ui.editors.field import FieldEditor

    field = window.pages[5].all_editors()[path("analys.erfarenheter")]
    assert isinstance(field, FieldEditor)
    field.load()
    answer = field.input.focusProxy()
    bare = QPlainTextEdit(session.draft.analys.erfarenheter)
    bare.show()

    def keystroke(widget) -> None:  # type: ignore[no-untyped-def]
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a"))
        app.processEvents()

    typical = {form_id: _sample_file(form_id) for form_id in (GAVLEBORG, "sjobygden-slutrapport")}
    empty = functools.partial(_start, "empty")
    return [
        *(
            Benchmark(f"cold start, wizard with the example report ({form_id})", functools.partial(_start, "app", str(path)),
                      f"bare PySide6 window, {TYPICAL_FIELDS} fields", lambda: _start("bare", str(TYPICAL_FIELDS)), repeats=5)
            for form_id, path in typical.items()
        ),
        Benchmark("cold start, wizard with the example report", functools.partial(_start, "app", str(typical[GAVLEBORG])),
                  "bare empty PySide6 window", empty, repeats=5),
        Benchmark("cold start, the forms engine reads the example", functools.partial(_start, "engine", str(typical[GAVLEBORG])),
                  "bare empty PySide6 window", empty, repeats=5),
        Benchmark("cold start, the start window", functools.partial(_start, "start"), "bare empty PySide6 window", empty,
                  repeats=5),
        Benchmark("cold start, wizard with maximal draft", lambda: _start("app", str(draft_path)),
                  f"bare PySide6 window, {FIELDS} fields", lambda: _start("bare", str(FIELDS)), repeats=5),
        Benchmark("keystroke in a 50 000-character answer", lambda: keystroke(answer),
                  "keystroke in a bare QPlainTextEdit", lambda: keystroke(bare), repeats=41),
    ]
