# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""An error nobody expected is told in Swedish, logged without the report's text, and never lost."""

from __future__ import annotations

import os
import stat
import sys
import threading

import pytest
from pytestqt.qtbot import QtBot

from ui import diagnostics
from ui.app import create_application

SECRET = "Personnummer 19850101-1234 och deltagarens namn"


def fail_with_the_reports_text() -> None:
    raise ValueError(SECRET)


@pytest.fixture
def installed(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> diagnostics.Diagnostics:
    create_application([])
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(diagnostics.QMessageBox, "open", lambda box: None)  # shown, not waited on
    installed = diagnostics.Diagnostics()
    yield installed
    installed.handler.close()
    diagnostics.logging.getLogger("finsam").removeHandler(installed.handler)


def test_an_uncaught_error_is_shown_and_logged_without_the_text(installed: diagnostics.Diagnostics) -> None:
    try:
        fail_with_the_reports_text()
    except ValueError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]  # what Python does with an uncaught error
    (report,) = installed.shown
    assert "fail_with_the_reports_text" in report and "builtins.ValueError" in report
    installed.handler.flush()
    log = diagnostics.log_path().read_text(encoding="utf-8")
    assert "fail_with_the_reports_text" in log
    assert SECRET not in log and SECRET not in report


def test_an_error_in_a_worker_thread_reaches_the_user(installed: diagnostics.Diagnostics, qtbot: QtBot) -> None:
    worker = threading.Thread(target=fail_with_the_reports_text)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(installed.shown) == 1, timeout=5000)
    assert "fail_with_the_reports_text" in installed.shown[0]


def test_the_log_is_made_at_its_first_record_rotates_and_every_file_stays_private(
    installed: diagnostics.Diagnostics,
) -> None:
    assert not diagnostics.log_path().exists(), "nothing logged, no file"
    line = "x" * 10_000
    for _ in range((diagnostics.LOG_BACKUPS + 1) * diagnostics.LOG_BYTES // len(line) + 10):
        diagnostics.logging.getLogger("finsam.prov").warning(line)
    installed.handler.flush()
    files = sorted(diagnostics.log_path().parent.glob(f"{diagnostics.LOG_NAME}*"))
    assert [file.name for file in files] == [diagnostics.LOG_NAME, f"{diagnostics.LOG_NAME}.1", f"{diagnostics.LOG_NAME}.2"]
    assert all(file.stat().st_size <= diagnostics.LOG_BYTES for file in files)
    if os.name == "posix":
        assert {stat.S_IMODE(file.stat().st_mode) for file in files} == {0o600}


def test_a_log_that_cannot_be_written_is_no_second_error(
    installed: diagnostics.Diagnostics, monkeypatch: pytest.MonkeyPatch
) -> None:
    diagnostics.log_path().mkdir(parents=True)  # a folder where the log file should be: it cannot be opened
    monkeypatch.setattr(diagnostics.logging, "raiseExceptions", False)  # as in the built app: no console to print to
    try:
        fail_with_the_reports_text()
    except ValueError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    (report,) = installed.shown
    assert "fail_with_the_reports_text" in report
