# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A window for everyone: the keyboard alone, small screens, and a way back to the list.

Keys are real key events (qtbot and tests.typing); nothing is clicked by calling a slot."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QByteArray, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from finsam_desktop.document.export import export_docx
from finsam_desktop.document.filename import suggested_filename
from finsam_desktop.forms.spec import load_form
from finsam_desktop.model import report_model
from finsam_desktop.paths import drafts_dir
from finsam_desktop.sample import sample_report
from finsam_desktop.session import DraftSession
from tests.drafting import P
from tests.forms import FORM_IDS
from tests.test_wizard import input_of, open_window
from tests.typing import activate, answer_form_choice, type_text
from ui import export_actions, settings
from ui.app import Launcher, create_application
from ui.main_window import MainWindow


@pytest.fixture
def launcher(qtbot: QtBot) -> Launcher:
    create_application([])
    launcher = Launcher()
    launcher.start.show()
    qtbot.waitExposed(launcher.start)
    qtbot.waitUntil(lambda: launcher.start.listed)
    return launcher


def focused(window: QWidget) -> QWidget | None:
    """Where typing goes in ``window`` (its focus, whether or not the test's window is active)."""
    return window.focusWidget()


def test_a_new_report_is_typed_into_at_once_and_alt_arrows_keep_the_cursor_in_a_field(launcher: Launcher, qtbot: QtBot) -> None:
    answer_form_choice(qtbot)
    launcher.start.new_button.setFocus()
    with qtbot.waitSignal(launcher.start.session_opened):
        qtbot.keyClick(launcher.start.new_button, Qt.Key.Key_Space)
    window = launcher.windows[0]
    qtbot.waitExposed(window)
    name = window.pages[0].all_editors()[P("allmant.insatsens_namn")]
    assert focused(window) is input_of(name)
    type_text(focused(window), "Vägen in")
    assert window.session.draft.allmant.insatsens_namn == "Vägen in"
    qtbot.keyClick(focused(window), Qt.Key.Key_Tab)
    assert focused(window) is input_of(window.pages[0].all_editors()[P("allmant.insatstid.start")])
    activate(qtbot, window)
    qtbot.keyClick(focused(window), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.pages[1]
    assert focused(window) is input_of(window.pages[1].all_editors()[P("ansvarig.organisation")])
    qtbot.keyClick(focused(window), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert focused(window) is input_of(name)


def test_tab_from_an_empty_date_to_its_calendar_is_not_leaving_it(qtbot: QtBot) -> None:
    create_application([])
    window = open_window(qtbot, DraftSession.create(drafts_dir(), "", report_model(load_form())()))
    activate(qtbot, window)
    start = window.pages[0].all_editors()[P("allmant.insatstid.start")]
    input_of(start).setFocus()
    qtbot.keyClick(input_of(start), Qt.Key.Key_Tab)
    assert focused(window) is start.input.button and not start.problems.isVisible()
    qtbot.keyClick(start.input.button, Qt.Key.Key_Tab)
    assert start.problems.isVisible()
    assert start.problems.text() == "✖ Fel: Fyll i Startdatum, till exempel 2025-03-31."


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_tab_goes_through_each_page_in_order_with_no_invisible_stop(qtbot: QtBot, form_id: str) -> None:
    create_application([])
    name, draft = sample_report(form_id) if form_id != "prov-alla" else ("", report_model(load_form(form_id))())
    window = open_window(qtbot, DraftSession.create(drafts_dir(), name, draft))
    for page in window.pages:
        window.sidebar.setCurrentRow(window.pages.index(page))
        window.focus_first_field()
        seen: list[QWidget] = []
        while (widget := focused(window)) is not None and page.isAncestorOf(widget) and widget not in seen:
            assert widget.isVisible(), f"{page.section.heading}: an invisible stop ({widget.metaObject().className()})"
            seen.append(widget)
            qtbot.keyClick(widget, Qt.Key.Key_Tab)
        inputs = [input_of(editor) for editor in page.all_editors().values() if editor.isVisibleTo(page)]
        on_page = page.widget()
        reading = sorted(inputs, key=lambda widget: (widget.mapTo(on_page, QPoint(0, 0)).y(), widget.mapTo(on_page, QPoint(0, 0)).x()))
        assert [widget for widget in seen if widget in inputs] == reading, page.section.heading  # every field, in reading order


def test_every_menu_action_shows_its_shortcut_and_no_mnemonic_is_used_twice(qtbot: QtBot) -> None:
    create_application([])
    window = open_window(qtbot, DraftSession.create(drafts_dir(), *sample_report()))
    menus = [action.menu() for action in window.menuBar().actions()]
    titles = [action.text() for action in window.menuBar().actions()]
    buttons = [button.text() for button in (window.previous_button, window.next_button)]
    window_keys = [text[text.index("&") + 1].lower() for text in titles + buttons]
    assert len(window_keys) == len(set(window_keys)), window_keys
    for menu in menus:
        actions = [action for action in menu.actions() if not action.isSeparator()]
        keys = [action.text()[action.text().index("&") + 1].lower() for action in actions]
        assert len(keys) == len(set(keys)), keys
        missing = [action.text() for action in actions if action.shortcut().isEmpty() and "Om " not in action.text()]
        assert missing == []


def test_arkiv_alla_rapporter_and_closing_go_back_to_the_start_screen(launcher: Launcher, qtbot: QtBot) -> None:
    with qtbot.waitSignal(launcher.start.session_opened):
        launcher.start.sample_button.click()
    window = launcher.windows[0]
    qtbot.waitExposed(window)
    assert not launcher.start.isVisible()
    assert window.windowTitle().startswith("Exempel – Steget före")
    library = next(action for action in window.findChildren(QAction) if action.text() == "&Alla rapporter")
    assert library.shortcut().toString() == "Ctrl+Shift+O"
    library.trigger()
    assert launcher.start.isVisible()
    window.close()
    assert launcher.start.isVisible() and launcher.windows == []
    qtbot.waitUntil(lambda: not shiboken6.isValid(window))  # gone, timers and all: none holds up the exit


@pytest.mark.parametrize("form_id", FORM_IDS)
def test_the_window_fits_a_small_laptop(qtbot: QtBot, form_id: str) -> None:
    """1024×700 with a taskbar leaves about 1000×640 for the window."""
    create_application([])
    window = open_window(qtbot, DraftSession.create(drafts_dir(), "", report_model(load_form(form_id))()))
    for row in range(window.stack.count()):
        window.sidebar.setCurrentRow(row)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1000 and hint.height() <= 640, (row, hint)


def test_a_saved_window_off_screen_or_squashed_comes_back_within_reach(qtbot: QtBot) -> None:
    create_application([])
    area = QGuiApplication.primaryScreen().availableGeometry()
    first = open_window(qtbot, DraftSession.create(drafts_dir(), *sample_report()))
    first.setGeometry(QRect(area.right() - 200, area.top() + 50, 900, 389))  # after a resolution change
    first.close()
    assert settings.window_geometry() is not None and settings.window_geometry() != QByteArray()
    again = MainWindow(DraftSession.create(drafts_dir(), *sample_report()))
    qtbot.addWidget(again)
    frame = again.frameGeometry()
    assert frame.left() >= area.left() and frame.top() >= area.top() and again.height() >= 480
    assert frame.right() <= area.right() or frame.width() > area.width()  # on screen, unless wider than it


def click_when_asked(qtbot: QtBot, button_text: str, seen: list[str]) -> None:
    """Press a button of the next message box with the mouse, noting what the box said."""

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        button = next(button for button in box.buttons() if button.text() == button_text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, answer)


def test_a_word_document_opened_twice_offers_the_draft_it_became(launcher: Launcher, qtbot: QtBot, tmp_path: Path) -> None:
    name, draft = sample_report()
    export_docx(draft, name, tmp_path / "rapport.docx")
    with qtbot.waitSignal(launcher.start.session_opened):
        launcher.start.open_path(tmp_path / "rapport.docx")
    first = launcher.windows[-1]
    assert first.notice_bar.isVisibleTo(first)
    assert first.notice.text().startswith("”rapport.docx” är importerad som ett nytt utkast, ”Exempel – Steget före”.")
    seen: list[str] = []
    click_when_asked(qtbot, "Öppna utkastet", seen)
    with qtbot.waitSignal(launcher.start.session_opened) as opened:
        launcher.start.open_path(tmp_path / "rapport.docx")
    assert seen == ["”rapport.docx” är redan inläst som ”Exempel – Steget före”."]
    assert opened.args[0].path == first.session.path
    assert len(list(drafts_dir().glob("*.json"))) == 1  # no second copy


def test_a_new_report_says_which_fields_came_from_the_profile(launcher: Launcher, qtbot: QtBot) -> None:
    settings.set_profile_value("ansvarig.organisation", "Ockelbo kommun")
    answer_form_choice(qtbot)
    with qtbot.waitSignal(launcher.start.session_opened):
        qtbot.mouseClick(launcher.start.new_button, Qt.MouseButton.LeftButton)
    window = launcher.windows[-1]
    assert window.session.draft.ansvarig.organisation == "Ockelbo kommun"
    assert window.notice.text() == "Uppgifterna i avsnitt 2 kommer från din förra rapport – ändra dem om de inte stämmer."
    qtbot.mouseClick(window.notice_close, Qt.MouseButton.LeftButton)
    assert not window.notice_bar.isVisibleTo(window)


def test_save_dialogs_start_in_documents_then_where_the_last_file_went(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    create_application([])
    asked: list[str] = []
    chosen = tmp_path / "rapporter" / "Min.pdf"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda parent, title, start, filters: (asked.append(start), (str(chosen), filters))[1])
    window = open_window(qtbot, DraftSession.create(drafts_dir(), "", report_model(load_form())()))
    window.session.draft.allmant.insatsens_namn = "Trisam 2.0"
    name = suggested_filename(window.session.draft, ".pdf")
    assert export_actions.choose_path(window, "Spara som PDF", name, "PDF-filer (*.pdf)") == chosen
    export_actions.choose_path(window, "Spara som PDF", name, "PDF-filer (*.pdf)")
    assert asked == [str(export_actions.documents_folder() / "Slutrapport – Trisam 2.0.pdf"), str(chosen.parent / "Slutrapport – Trisam 2.0.pdf")]


KEYBOARD_VALUES = {"date": "2025-08-01", "kronor": "1000", "phone": "070-174 06 42", "email": "a.b@exempel.se",
                   "postnummer": "816 30", "postort": "Sjöby"}


def test_a_whole_report_is_written_with_the_keyboard_alone(launcher: Launcher, qtbot: QtBot) -> None:
    """Space on Ny rapport, then in each section: type, Tab, Space on an empty list's add
    button, Down in a choice; Alt+Right to the next section. No mouse, no widget calls."""
    answer_form_choice(qtbot)
    launcher.start.new_button.setFocus()  # where the start screen's default button has focus
    with qtbot.waitSignal(launcher.start.session_opened):
        qtbot.keyClick(launcher.start.new_button, Qt.Key.Key_Space)
    window = launcher.windows[0]
    activate(qtbot, window)
    for page in window.pages:
        assert window.stack.currentWidget() is page
        done: set[int] = set()
        while (widget := focused(window)) is not None and page.isAncestorOf(widget) and id(widget) not in done:
            done.add(id(widget))
            editor = next((e for e in page.all_editors().values() if widget in (e.input, e.input.focusProxy())), None)
            if editor is not None and editor.spec.kind == "choice":
                qtbot.keyClick(widget, Qt.Key.Key_Down)
            elif editor is not None:
                type_text(widget, KEYBOARD_VALUES.get(editor.spec.kind, f"Svar på {editor.spec.name}"))
            elif isinstance(widget, QPushButton) and widget.text().startswith("&Lägg till"):
                rows = next(editor for editor in page.lists.values() if editor.add_button is widget)
                if not rows.items:
                    qtbot.keyClick(widget, Qt.Key.Key_Space)  # the new row's first field has focus
                    done.discard(id(widget))  # Tab comes back here past the new row
                    continue
            qtbot.keyClick(focused(window), Qt.Key.Key_Tab)
        qtbot.keyClick(focused(window), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.review
    assert window.problems == [], window.problems
    assert window.review.summary.text() == "✔ Rapporten är komplett och klar att exporteras."


@pytest.mark.parametrize("palette", ["ljus", "mörk"])
def test_focus_is_framed_in_the_highlight_colour_in_light_and_dark_palettes(qtbot: QtBot, palette: str) -> None:
    app = create_application([])
    original = app.palette()
    if palette == "mörk":
        from docs.make_screenshots import dark_palette

        app.setPalette(dark_palette())
    try:
        window = open_window(qtbot, DraftSession.create(drafts_dir(), *sample_report()))
        activate(qtbot, window)
        highlight = app.palette().highlight().color()
        answer = input_of(window.pages[3].all_editors()[P("insatsbeskrivning.malgrupp")])
        for widget in (window.sidebar, window.next_button, answer):
            window.sidebar.setCurrentRow(3)
            widget.setFocus()
            qtbot.waitUntil(widget.hasFocus)
            edge = widget.grab().toImage().pixelColor(widget.width() // 2, 0)  # the top border's middle
            assert abs(edge.red() - highlight.red()) + abs(edge.green() - highlight.green()) + abs(edge.blue() - highlight.blue()) < 60, (
                widget.metaObject().className(), edge.name(), highlight.name())
    finally:
        app.setPalette(original)


def test_a_long_answer_is_as_tall_when_opened_as_while_typing(qtbot: QtBot) -> None:
    create_application([])
    window = open_window(qtbot, DraftSession.create(drafts_dir(), *sample_report()))
    window.resize(1000, 640)
    window.sidebar.setCurrentRow(4)
    answer = input_of(window.pages[4].all_editors()[P("resultat.mal[1].resultat")])
    qtbot.waitUntil(lambda: answer.isVisible())
    for _ in range(3):
        QApplication.processEvents()
    opened = answer.height()
    count = window.pages[4].all_editors()[P("resultat.mal[1].resultat")].count
    assert count.geometry().top() >= answer.geometry().bottom()  # the character count is under, not over, the text
    answer.setFocus()
    qtbot.keyClick(answer, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(answer, "x")
    qtbot.keyClick(answer, Qt.Key.Key_Backspace)
    assert answer.height() == opened


def test_the_settings_dialog_fits_a_small_screen_and_scrolls_rather_than_clips(qtbot: QtBot) -> None:
    create_application([])
    from ui.profile import SettingsDialog

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert dialog.height() <= area.height() and dialog.width() <= area.width()
    scroll = dialog.findChild(QScrollArea)
    assert scroll is not None and all(scroll.widget().isAncestorOf(editor) for editor in dialog.editors)
    assert scroll.widget().minimumSizeHint().width() <= dialog.width()  # nothing cut off sideways


def _text_fits(button: QPushButton) -> bool:
    """The button's text and icon fit inside its box as the style draws it now."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    room = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button).width()
    icon = option.iconSize.width() + 4 if not option.icon.isNull() else 0
    return button.fontMetrics().horizontalAdvance(option.text.replace("&", "")) + icon <= room


@pytest.mark.parametrize("size", [(1024, 700), (911, 485)])
def test_the_focus_frame_never_clips_a_buttons_text(launcher: Launcher, qtbot: QtBot, size: tuple[int, int]) -> None:
    """Focus each button of the start screen and of every page of the wizard at 1024×700 and
    in the room 1366×768 at 150 % leaves: its frame changes colour only, and the whole text
    stays readable ("Ny rappor", "Ka…er")."""
    with qtbot.waitSignal(launcher.start.session_opened):
        launcher.start.sample_button.click()
    window = launcher.windows[0]
    clipped: list[str] = []

    def look_at(top: QWidget) -> None:
        top.resize(*size)
        top.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is top)
        for button in [each for each in top.findChildren(QPushButton) if each.isVisible() and each.isEnabled()]:
            button.setFocus(Qt.FocusReason.TabFocusReason)
            assert button.hasFocus(), button.text()
            clipped.extend([] if _text_fits(button) else [button.text()])

    for page in range(window.stack.count()):
        window.sidebar.setCurrentRow(page)
        look_at(window)
    window.close()  # back to the start screen
    look_at(launcher.start)
    assert clipped == []


def test_the_review_pages_buttons_wrap_rather_than_clip_on_a_narrow_window(launcher: Launcher, qtbot: QtBot) -> None:
    """1366×768 at 150 % leaves a window 911 points wide: the four export buttons do not fit
    in one row, so they take two, each whole ("Spara som PDF…" lost its S when squeezed)."""
    with qtbot.waitSignal(launcher.start.session_opened):
        launcher.start.sample_button.click()
    window = launcher.windows[0]
    window.resize(911, 485)
    window.sidebar.setCurrentRow(window.stack.count() - 1)
    page = window.stack.currentWidget()
    buttons = [page.export_button, page.print_button, page.pdf_button, page.mail_button]
    qtbot.waitUntil(lambda: all(button.isVisible() for button in buttons))
    assert [button.text() for button in buttons if not _text_fits(button)] == []
    assert all(button.width() >= button.sizeHint().width() for button in buttons)
    assert all(page.rect().contains(QRect(button.mapTo(page, QPoint(0, 0)), button.size())) for button in buttons)
    assert len({button.y() for button in buttons}) == 2, "two rows"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page.pdf_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(page.pdf_button, Qt.Key.Key_Tab)
    assert page.mail_button.hasFocus(), "Tab goes on in reading order, to the next row"
