# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Spelling in the window: red wavy underline once the dictionary is loaded, and the
context menu (the menu key) with suggestions, Lägg till i ordlistan and Ignorera."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QTextCharFormat
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit
from pytestqt.qtbot import QtBot

from finsam_desktop.paths import drafts_dir
from finsam_desktop.sample import sample_report
from finsam_desktop.session import DraftSession
from finsam_desktop.spelling.user_words import user_words
from tests.drafting import P
from tests.test_wizard import input_of, open_window
from tests.typing import activate, type_text
from ui.app import create_application
from ui.spelling import spelling_service

LOAD_SECONDS = 60
# The app's checker is one per process: each test uses words of its own.


def underlined(edit: QPlainTextEdit) -> list[str]:
    """The words drawn with the spell-check underline."""
    found = []
    block = edit.document().firstBlock()
    while block.isValid():
        layout = block.layout()
        for span in layout.formats() if layout is not None else []:
            if span.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                found.append(block.text()[span.start : span.start + span.length])
        block = block.next()
    return found


def answer_with(qtbot: QtBot, text: str) -> tuple[object, QPlainTextEdit]:
    create_application([])
    service = spelling_service()
    qtbot.waitUntil(lambda: service.checker is not None, timeout=LOAD_SECONDS * 1000)
    name, draft = sample_report()
    draft.analys.systemfel = text
    draft.allmant.insatsens_namn = "Trisam 2.0"
    window = open_window(qtbot, DraftSession.create(drafts_dir(), name, draft))
    window.sidebar.setCurrentRow(5)
    edit = input_of(window.pages[5].all_editors()[P("analys.systemfel")])
    assert isinstance(edit, QPlainTextEdit)
    return window, edit


def test_possible_misspellings_are_underlined_and_only_they(qtbot: QtBot) -> None:
    _window, edit = answer_with(qtbot, "Vi kunde inte identidiera alla behov hos samverkansparterna.")
    qtbot.waitUntil(lambda: underlined(edit) == ["identidiera"])


def choose_in_menu(qtbot: QtBot, edit: QPlainTextEdit, wanted: str, seen: list[str]) -> None:
    """Open the context menu as the menu key does and pick ``wanted`` with arrows and Enter."""

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, pick)
            return
        texts = [action.text() for action in menu.actions()]
        seen.extend(texts)
        stops = [action.text() for action in menu.actions() if action.isEnabled() and not action.isSeparator()]
        for _ in range(stops.index(wanted) + 1):  # Down passes over separators and greyed items
            qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    at = edit.cursorRect().center()
    # the menu key: the window system turns it into this event at the text cursor
    QApplication.sendEvent(edit, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, edit.viewport().mapToGlobal(at)))


def test_the_menu_key_offers_suggestions_and_a_suggestion_replaces_the_word(qtbot: QtBot) -> None:
    window, edit = answer_with(qtbot, "Vi kunde inte identidiera alla behov.")
    activate(qtbot, window)  # type: ignore[arg-type]
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.setPosition(len("Vi kunde inte iden"))
    edit.setTextCursor(cursor)
    seen: list[str] = []
    choose_in_menu(qtbot, edit, "identifiera", seen)
    assert seen[:4] == ["identifiera", "Lägg till i ordlistan", "Ignorera", ""]
    assert edit.toPlainText() == "Vi kunde inte identifiera alla behov."
    assert window.session.draft.analys.systemfel == "Vi kunde inte identifiera alla behov."  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: underlined(edit) == [])


def test_a_word_added_to_the_word_list_is_right_in_every_report(qtbot: QtBot) -> None:
    window, edit = answer_with(qtbot, "Zhakyrova ledde gruppen.")
    activate(qtbot, window)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: underlined(edit) == ["Zhakyrova"])
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.setPosition(3)
    edit.setTextCursor(cursor)
    choose_in_menu(qtbot, edit, "Lägg till i ordlistan", [])
    assert "Zhakyrova" in user_words()
    qtbot.waitUntil(lambda: underlined(edit) == [])


def test_the_review_page_counts_possible_misspellings_per_section_and_goes_to_them(qtbot: QtBot) -> None:
    window, _edit = answer_with(qtbot, "Vi kunde inte identidiera alla behov.")
    window.sidebar.setCurrentRow(len(window.pages))  # type: ignore[attr-defined]
    problems = window.review.problems  # type: ignore[attr-defined]

    def spelling_rows() -> list[str]:
        return [problems.item(row).text() for row in range(problems.count()) if problems.item(row).text().startswith("ℹ")]

    qtbot.waitUntil(lambda: spelling_rows() == ["ℹ Stavning i 6. Analys: 1 möjligt stavfel (identidiera)"])
    assert window.review.summary.text() == "✔ Rapporten är komplett och klar att exporteras."  # type: ignore[attr-defined]
    row = next(row for row in range(problems.count()) if problems.item(row).text().startswith("ℹ"))
    activate(qtbot, window)  # type: ignore[arg-type]
    qtbot.mouseClick(problems.viewport(), Qt.MouseButton.LeftButton, pos=problems.visualItemRect(problems.item(row)).center())
    assert window.stack.currentWidget() is window.review  # type: ignore[attr-defined]  # one click selects
    qtbot.keyClick(problems, Qt.Key.Key_Return)  # Enter goes there
    assert window.stack.currentWidget() is window.pages[5]  # type: ignore[attr-defined]
    assert _edit.hasFocus() and _edit.textCursor().selectedText() == "identidiera"  # the word, selected
    qtbot.waitUntil(lambda: window.pages[5].viewport().rect().contains(  # type: ignore[attr-defined]
        _edit.viewport().mapTo(window.pages[5].viewport(), _edit.cursorRect().center())  # type: ignore[attr-defined]
    ))


def test_an_answer_shows_its_lix_and_marks_long_sentences_on_request(qtbot: QtBot) -> None:
    long = "Insatsen " + " ".join(["har arbetat med samverkan"] * 10) + "."
    window, edit = answer_with(qtbot, f"{long}\n\nVi mötte många deltagare varje vecka och de var nöjda med stödet.")
    field = window.pages[5].all_editors()[P("analys.systemfel")]  # type: ignore[attr-defined]
    assert " · LIX " in field.count.text() and field.count.text().endswith(")")
    activate(qtbot, window)  # type: ignore[arg-type]
    edit.setFocus()
    choose_in_menu(qtbot, edit, "Markera långa meningar (över 35 ord)", [])
    block = edit.document().firstBlock()
    marked = [span for span in block.layout().formats() if span.format.background().color().alpha() > 0]
    assert [(span.start, span.length) for span in marked] == [(0, len(long))]
    assert not [span for span in block.next().next().layout().formats() if span.format.background().color().alpha() > 0]


def test_the_reports_own_names_are_not_underlined_in_its_answers(qtbot: QtBot) -> None:
    window, edit = answer_with(qtbot, "Trisamhandläggarna träffades. Brzeczyk ledde.")
    qtbot.waitUntil(lambda: underlined(edit) == ["Brzeczyk"])  # the insats is "Trisam 2.0"
    window.sidebar.setCurrentRow(7)  # type: ignore[attr-defined]
    person = input_of(window.pages[7].all_editors()[P("uppgiftslamnare.namn")])  # type: ignore[attr-defined]
    person.setFocus()
    person.selectAll()  # type: ignore[attr-defined]
    type_text(person, "Ewa Brzeczyk")
    window.sidebar.setFocus()  # type: ignore[attr-defined]  # leaving the field
    qtbot.waitUntil(lambda: underlined(edit) == [])


def test_underlining_is_not_an_edit(qtbot: QtBot) -> None:
    window, edit = answer_with(qtbot, "Vi kunde inte identidiera alla behov.")
    qtbot.waitUntil(lambda: underlined(edit) == ["identidiera"])
    assert not window.session.dirty  # type: ignore[attr-defined]
    assert "•" not in window.windowTitle()  # type: ignore[attr-defined]
