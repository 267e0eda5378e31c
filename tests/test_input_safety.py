# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The window never destroys input: the wheel, removed rows, and where focus goes after them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QTextDocument, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from finsam_desktop.drafts import read_draft
from finsam_desktop.model import Report
from tests.drafting import P
from tests.test_window_actions import window_with
from tests.typing import type_text
from ui.editors.rows import ListEditor
from ui.main_window import MainWindow

GOALS = P("resultat.mal")


def wheel_over(widget: QWidget, notches: int) -> None:
    """Turn the mouse wheel over the middle of ``widget``, as a mouse does: the event goes to
    the window, which finds the widget under the pointer."""
    window = widget.window().windowHandle()
    at = widget.mapTo(widget.window(), widget.rect().center())
    event = QWheelEvent(
        QPointF(at), QPointF(widget.mapToGlobal(widget.rect().center())), QPoint(), QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(window, event)


def goals_page(window: MainWindow, qtbot: QtBot) -> tuple[int, ListEditor]:
    """Show the page with the goals in an active window (so keys and focus behave as on a desktop)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for index, page in enumerate(window.pages):
        if GOALS in page.lists:
            window.sidebar.setCurrentRow(index)
            return index, page.lists[GOALS]
    raise AssertionError("no goals list")


def test_the_wheel_over_a_dropdown_focused_or_not_scrolls_the_page_and_changes_nothing(qtbot: QtBot) -> None:
    window = window_with(qtbot)
    window.resize(900, 500)  # small enough for the goals page to scroll
    index, goals = goals_page(window, qtbot)
    page = window.pages[index]
    combo = next(editor.input for editor in goals.editors if isinstance(editor.input, QComboBox))
    page.ensureWidgetVisible(combo)
    qtbot.waitUntil(combo.isVisible)
    before_text, before_scroll = combo.currentText(), page.verticalScrollBar().value()
    wheel_over(combo, 3)
    assert combo.currentText() == before_text
    assert page.verticalScrollBar().value() > before_scroll, "the page scrolls instead"
    combo.setFocus()  # just chosen in, the pointer still over it: the wheel still scrolls the page
    scrolled = page.verticalScrollBar().value()
    wheel_over(combo, -2)
    assert combo.currentText() == before_text and page.verticalScrollBar().value() < scrolled
    QTest.keyClick(combo, Qt.Key.Key_Down)  # the keys still choose
    assert combo.currentText() != before_text


def test_a_removed_goal_comes_back_with_angra_and_with_ctrl_z(qtbot: QtBot) -> None:
    window = window_with(qtbot)
    _, goals = goals_page(window, qtbot)
    before = [goal.model_copy() for goal in goals.items]
    assert len(before) >= 2
    QTest.mouseClick(goals.row_buttons[1]["Ta bort"], Qt.MouseButton.LeftButton)
    assert len(goals.items) == len(before) - 1
    assert goals.undo_bar.isVisible() and goals.undo_text.text() == "Mål 2 togs bort."
    QTest.mouseClick(goals.undo_button, Qt.MouseButton.LeftButton)
    assert goals.items == before and not goals.undo_bar.isVisible()
    QTest.mouseClick(goals.row_buttons[0]["Ta bort"], Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is goals.row_buttons[0]["Ta bort"], "focus stays on the list"
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert goals.items == before
    qtbot.waitUntil(lambda: read_draft(window.session.path).draft.resultat.mal == before, timeout=5000)


def test_after_removing_a_row_tab_goes_to_visible_fields_and_typing_lands(qtbot: QtBot) -> None:
    window = window_with(qtbot)
    _, goals = goals_page(window, qtbot)
    QTest.mouseClick(goals.row_buttons[0]["Ta bort"], Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is goals.row_buttons[0]["Ta bort"]
    for _ in range(12):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None and focused.isVisible(), "no invisible Tab stops"
    # Back with Shift+Tab to the first field of what is now goal 1, and type there.
    first = goals.editors[0]
    target = first.input.focusProxy() or first.input
    goals.row_buttons[0]["Ta bort"].setFocus()
    for _ in range(12):
        if QApplication.focusWidget() is target:
            break
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is target
    type_text(target, " – tillägg")
    assert " – tillägg" in goals.items[0].mal


def test_moving_a_row_keeps_focus_on_the_moved_row(qtbot: QtBot) -> None:
    window = window_with(qtbot)
    _, goals = goals_page(window, qtbot)
    first, second = goals.items[0].mal, goals.items[1].mal
    QTest.mouseClick(goals.row_buttons[0]["Flytta ned"], Qt.MouseButton.LeftButton)
    assert [goals.items[0].mal, goals.items[1].mal] == [second, first]
    focused = QApplication.focusWidget()
    assert focused is goals.row_buttons[1]["Flytta ned"]
    QTest.keyClick(focused, Qt.Key.Key_Space)  # the same goal on down again
    assert goals.items[2].mal == first


def test_five_thousand_digits_pasted_into_an_amount_give_a_fel_and_are_saved(qtbot: QtBot) -> None:
    window = window_with(qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field = window.pages[0].all_editors()[P("allmant.beviljade_medel")]
    line = field.input
    assert isinstance(line, QLineEdit)
    QApplication.clipboard().setText("9" * 5000)
    line.setFocus()
    line.selectAll()
    QTest.keyClick(line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # paste, as from Excel
    QTest.keyClick(line, Qt.Key.Key_Tab)  # leave the field
    assert window.session.draft.allmant.beviljade_medel.raw == "9" * 5000
    assert field.problems.isVisible()
    assert "för mycket text (5 000 tecken) för ett belopp" in field.problems.text()
    window.save_now()
    qtbot.waitUntil(lambda: read_draft(window.session.path).draft.allmant.beviljade_medel.raw == "9" * 5000, timeout=5000)


def test_the_review_page_keeps_one_preview_however_often_it_is_visited(qtbot: QtBot) -> None:
    window = window_with(qtbot)
    for _ in range(5):
        QTest.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)  # Granska och exportera
        QTest.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
        QTest.qWait(1)  # let deferred deletions happen, as between visits
    assert len(window.review.preview.findChildren(QTextDocument)) <= 2  # the one shown, and Qt's own


def test_removing_a_goal_shows_no_warning_on_the_next_before_the_user_has_been_there(qtbot: QtBot) -> None:
    def two_empty_goals(draft: Report) -> None:
        goal = type(draft.resultat.mal[0])
        draft.resultat.mal = [draft.resultat.mal[0], goal(), goal()]

    window = window_with(qtbot, two_empty_goals)
    _, goals = goals_page(window, qtbot)
    visited = GOALS.row(1)
    goals.editors[len(goals.spec.items)].focus_input()
    for _ in goals.spec.items:  # through goal 2's fields, leaving each blank
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    window.revalidate()
    assert any(problem.path.is_within(visited) for problem in window.shown), "the goal left blank says so"
    QTest.mouseClick(goals.row_buttons[1]["Ta bort"], Qt.MouseButton.LeftButton)  # goal 3 becomes goal 2
    window.revalidate()
    assert len(goals.items) == 2
    assert not any(problem.path.is_within(visited) for problem in window.shown), "goal 3, not yet visited, is quiet"
    QTest.mouseClick(goals.undo_button, Qt.MouseButton.LeftButton)  # back again: goal 3 is still quiet
    window.revalidate()
    assert len(goals.items) == 3 and not any(problem.path.is_within(GOALS.row(2)) for problem in window.shown)
