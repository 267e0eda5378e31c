# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A long writing session in the real window: tens of thousands of keystrokes, every section,
rows added, moved and removed, the review page and an export in between. The process must
survive it, the file on disk must hold exactly what was typed, and memory must stay flat.
"""

from __future__ import annotations

import resource
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from finsam_desktop.drafts import read_draft
from finsam_desktop.model import text_of
from finsam_desktop.paths import drafts_dir
from finsam_desktop.session import DraftSession
from tests.drafting import at
from tests.gavleborg import Draft
from tests.test_spelling_window import LOAD_SECONDS
from tests.test_wizard import input_of, open_window
from tests.typing import type_text
from ui import export_actions
from ui.app import create_application
from ui.editors.field import FieldEditor
from ui.main_window import MainWindow
from ui.spelling import spelling_service

TARGET_CHARACTERS = 30_000
CHUNK = 120  # keys typed between two turns of the event loop (timers, autosave, journal)
SENTENCES = [
    "Deltagarna träffade sin kontaktperson varje vecka och fick stöd att söka arbete. ",
    "Samverkan mellan Försäkringskassan, Arbetsförmedlingen och kommunen fungerade väl. ",
    "Några avbröt insatsen på grund av ohälsa – då gjordes en gemensam plan (SIP). ",
    "Styrgruppen följde upp målen två gånger per år; resultatet redovisades för förbundet. ",
]


def rss_mib() -> float:
    """The process's resident memory now (Linux), in MiB."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def prose(length: int, seed: int) -> str:
    text = "".join(SENTENCES[(seed + i) % len(SENTENCES)] for i in range(length // 80 + 1))
    return text[:length].rstrip()


def free_text_editors(window: MainWindow, page: int) -> list[FieldEditor]:
    return [e for e in window.pages[page].all_editors().values() if e.spec.kind in {"answer", "lines", "text"}]


def idle() -> None:
    """A turn of a real event loop, as between a person's keys (deferred deletes included)."""
    QTest.qWait(1)


def type_slowly(widget: object, text: str) -> None:
    for start in range(0, len(text), CHUNK):
        type_text(widget, text[start : start + CHUNK])  # type: ignore[arg-type]
        idle()


def press(window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget() or window, key, modifier)
    idle()


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads memory from /proc")
def test_a_long_writing_session_survives_and_keeps_every_word(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    create_application([])
    monkeypatch.setattr(export_actions, "choose_path", lambda *args: tmp_path / "rapport.docx")
    monkeypatch.setattr(export_actions, "offer_to_open", lambda *args: None)
    monkeypatch.setattr(export_actions, "confirm_draft_export", lambda *args: True)
    window = open_window(qtbot, DraftSession.create(drafts_dir(), "", Draft()))
    qtbot.waitUntil(window.isActiveWindow)
    # One visit to the review page and one export first, and the dictionary loaded: what they
    # load once (python-docx, the preview's fonts, the Swedish word forms) is not growth; what
    # the session keeps adding is.
    press(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    press(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    service = spelling_service()
    qtbot.waitUntil(lambda: service.checker is not None, timeout=LOAD_SECONDS * 1000)
    window.sidebar.setCurrentRow(0)
    typed: dict[str, str] = {}
    pages = len(window.pages)
    per_field = TARGET_CHARACTERS // sum(len(free_text_editors(window, p)) + 2 for p in range(pages)) + 1
    memory_after_first = 0.0
    for round_ in range(2):  # through every section twice, as people go back to add things
        for page in range(pages):
            window.sidebar.setCurrentRow(page)
            for name, editor_list in window.pages[page].lists.items():
                qtbot.mouseClick(editor_list.add_button, Qt.MouseButton.LeftButton)
                qtbot.mouseClick(editor_list.add_button, Qt.MouseButton.LeftButton)
                rows = len(editor_list.items)
                if rows >= 3:
                    qtbot.mouseClick(editor_list.row_buttons[0]["Flytta ned"], Qt.MouseButton.LeftButton)
                    qtbot.mouseClick(editor_list.row_buttons[rows - 1]["Ta bort"], Qt.MouseButton.LeftButton)
                    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undone
                    qtbot.mouseClick(editor_list.row_buttons[rows - 1]["Ta bort"], Qt.MouseButton.LeftButton)
                assert name
            for field in free_text_editors(window, page):
                widget = input_of(field)
                widget.setFocus()
                if isinstance(widget, QLineEdit):
                    widget.end(False)
                else:
                    widget.moveCursor(widget.textCursor().MoveOperation.End)  # type: ignore[attr-defined]
                text = prose(per_field if field.spec.kind == "answer" else 60, page + round_)
                type_slowly(widget, text)
                typed[field.path] = typed.get(field.path, "") + text
                press(window, Qt.Key.Key_Tab)
            if round_ == 0 and page == 0:
                memory_after_first = rss_mib()
            press(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
        press(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # Granska och exportera
        assert window.stack.currentWidget() is window.review
        press(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # Exportera Word-dokument
        assert (tmp_path / "rapport.docx").stat().st_size > 0
    total = sum(len(text) for text in typed.values())
    assert total >= TARGET_CHARACTERS
    window.save_now()
    window.autosaver.wait()
    qtbot.waitUntil(lambda: not window.session.dirty, timeout=10_000)
    on_disk = read_draft(window.session.path).draft
    for path, text in typed.items():
        assert window.session.draft is not None and text_of(at(on_disk, path)).endswith(text), path
    assert on_disk == window.session.draft
    memory_after_soak = rss_mib()
    print(f"\nsoak: {total} characters typed; memory {memory_after_first:.0f} MiB after the first section, "
          f"{memory_after_soak:.0f} MiB after the soak ({memory_after_soak / memory_after_first:.2f}×)")
    assert memory_after_soak <= memory_after_first * 1.2
