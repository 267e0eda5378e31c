# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The kinds a mall can ask for, used in the wizard as a person does: keys and clicks, the
page following what is typed (a question that appears, a sum that grows)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from finsam_desktop.drafts import read_draft
from finsam_desktop.forms.kinds.choice import Selection
from finsam_desktop.forms.spec import load_form
from finsam_desktop.model import report_model
from finsam_desktop.paths import drafts_dir
from finsam_desktop.session import DraftSession
from tests.drafting import P, at
from tests.test_wizard import editor, input_of, open_window, type_into
from tests.typing import type_text
from ui.app import create_application
from ui.main_window import MainWindow


def focused(window: MainWindow) -> QWidget:
    widget = window.focusWidget()
    assert widget is not None, "focus left the window"
    return widget


def prov_window(qtbot: QtBot) -> MainWindow:
    create_application([])
    return open_window(qtbot, DraftSession.create(drafts_dir(), "", report_model(load_form("prov-alla"))()))


def page_of(window: MainWindow, key: str) -> int:
    return next(index for index, page in enumerate(window.pages) if page.section.key == key)


def test_a_question_appears_when_its_answer_is_chosen_and_goes_when_it_is_not(qtbot: QtBot) -> None:
    window = prov_window(qtbot)
    window.sidebar.setCurrentRow(page_of(window, "d"))
    page = window.pages[page_of(window, "d")]
    follow_up = page.all_editors()[P("d.nojd_varfor")]
    assert not follow_up.isVisibleTo(page)
    combo = input_of(editor(window, "d.nojd"))
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Nej
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: follow_up.isVisibleTo(page))
    assert window.focusWidget() is input_of(follow_up)  # Tab lands in the question that appeared
    window.sidebar.setCurrentRow(len(window.pages))
    assert any(str(p.path) == "d.nojd_varfor" and p.severity == "fel" for p in window.problems)


def test_computed_cells_and_totals_follow_what_is_typed(qtbot: QtBot) -> None:
    window = prov_window(qtbot)
    table = window.pages[page_of(window, "d")].tables[P("d.deltagare")]
    type_into(qtbot, window, "d.deltagare[0].kvinnor", "4")
    type_into(qtbot, window, "d.deltagare[0].man", "3")
    type_into(qtbot, window, "d.deltagare[1].kvinnor", "10")
    cells = {str(editor.path): editor for editor in table.editors}
    assert cells["d.deltagare[0].totalt"].value.text() == "7"  # type: ignore[attr-defined]
    assert cells["d.deltagare[1].totalt"].value.text() == "–"  # men unknown: no guess
    assert [label.text() for label in table.totals] == ["<b>14</b>", "<b>3</b>", "<b>7</b>"]
    assert not cells["d.deltagare[0].totalt"].value.focusPolicy() & Qt.FocusPolicy.TabFocus  # type: ignore[attr-defined]


def test_check_boxes_are_ticked_with_the_keyboard_and_annat_takes_its_text(qtbot: QtBot) -> None:
    window = prov_window(qtbot)
    choices = editor(window, "d.insatser")
    first = input_of(choices)
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Space)
    for key, then in ((Qt.Key.Key_Tab, "Praktik"), (Qt.Key.Key_Tab, "Utbildning")):
        qtbot.keyClick(focused(window), key)
        assert focused(window) is choices.boxes[then]
    qtbot.keyClick(focused(window), Qt.Key.Key_Space)
    qtbot.keyClick(focused(window), Qt.Key.Key_Tab)
    assert focused(window) is choices.other
    type_text(focused(window), "Studiebesök")
    window.save_now()
    window.autosaver.wait()
    qtbot.waitUntil(lambda: not window.session.dirty, timeout=10_000)
    assert at(read_draft(window.session.path).draft, "d.insatser") == Selection(selected=["Samtal", "Utbildning"], other="Studiebesök")


def test_files_are_added_and_removed_from_the_attachments(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = [tmp_path / "Budget.xlsx", tmp_path / "Rapport från regionen.pdf"]
    for path in chosen:
        path.write_bytes(b"x")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(path) for path in chosen], ""))
    window = prov_window(qtbot)
    files = editor(window, "bilagor.filer")
    qtbot.mouseClick(files.add_button, Qt.MouseButton.LeftButton)
    assert [files.files.item(row).text() for row in range(files.files.count())] == ["Budget.xlsx", "Rapport från regionen.pdf"]
    files.files.setFocus()
    files.files.setCurrentRow(0)
    qtbot.keyClick(files.files, Qt.Key.Key_Delete)
    assert [row.fil for row in window.session.draft.bilagor.filer] == [str(chosen[1])]
    qtbot.mouseClick(files.add_button, Qt.MouseButton.LeftButton)  # the same files again: none twice
    assert len(window.session.draft.bilagor.filer) == 2
