# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The window's actions: PDF, print preview, export errors, pasting, scroll position."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from finsam_desktop.paths import drafts_dir
from finsam_desktop.sample import sample_report
from finsam_desktop.session import DraftSession
from tests.dialogs import when_shown
from tests.drafting import P
from tests.test_renderers import pdf_text
from tests.typing import activate
from ui import export_actions
from ui.app import create_application
from ui.main_window import MainWindow
from ui.print_preview import PrintPreview


def window_with(qtbot: QtBot, change=lambda draft: None) -> MainWindow:  # type: ignore[no-untyped-def]
    create_application([])
    name, draft = sample_report()
    change(draft)
    window = MainWindow(DraftSession.create(drafts_dir(), name, draft))
    qtbot.addWidget(window)
    window.show()
    return window


def test_save_as_pdf_writes_the_report_and_says_where(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = window_with(qtbot)
    told: list[str] = []
    monkeypatch.setattr(export_actions, "choose_path", lambda *args: tmp_path / "r.pdf")
    monkeypatch.setattr(export_actions, "offer_to_open", lambda parent, path, lines: told.extend(lines))
    window.save_pdf()
    pages = pdf_text(tmp_path / "r.pdf")
    assert told == [f"Rapporten är sparad som {tmp_path / 'r.pdf'} ({len(pages)} sidor)."]
    assert "Sida 1(" in pages[0]


def test_ctrl_p_opens_a_preview_whose_default_is_skriv_ut_and_prints_every_page(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview fits the 1024×700 screen, says its page count, zooms and sets up pages by
    keyboard, and Enter prints: the system's dialog, then every page (here to a PDF file)."""
    window = window_with(qtbot)
    activate(qtbot, window)
    printed = tmp_path / "utskrift.pdf"

    def system_dialog(dialog: QPrintDialog) -> int:  # the user picks "Skriv till fil" and OK
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", system_dialog)
    seen: dict[str, object] = {}

    def use(preview: PrintPreview) -> None:
        try:
            look_and_print(preview)
        finally:
            if preview.isVisible():  # whatever failed, the test goes on to say so
                preview.reject()

    def look_and_print(preview: PrintPreview) -> None:
        activate(qtbot, preview)
        qtbot.waitUntil(lambda: preview.pages.pageCount() >= 3)
        area = preview.screen().availableGeometry()
        seen["fits"] = area.contains(preview.frameGeometry())
        seen["default"] = preview.print_button.isDefault() and QApplication.focusWidget() is preview.print_button
        seen["count"] = preview.page_count.text()
        before = preview.pages.zoomFactor()
        qtbot.keyClick(preview, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        seen["zoomed"] = preview.pages.zoomFactor() > before
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Skriv ut…

    when_shown(PrintPreview, use)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printed.exists(), seen
    pages = pdf_text(printed)
    assert seen["fits"] and seen["default"] and seen["zoomed"], seen
    assert seen["count"] == f"Sida 1 av {len(pages)}"
    assert len(pages) >= 3 and f"Sida {len(pages)}({len(pages)})" in pages[-1]


def test_a_report_with_errors_asks_before_exporting_as_utkast(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = window_with(qtbot, lambda draft: setattr(draft.uppgiftslamnare, "namn", ""))
    asked: list[str] = []

    def decline(box: QMessageBox) -> int:
        asked.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", decline)
    monkeypatch.setattr(export_actions, "choose_path", lambda *args: tmp_path / "r.docx")
    window.export_word()
    assert asked == ["Rapporten har 1 fel kvar och blir därför märkt ”UTKAST – inte slutlig version” på varje sida."]
    assert not (tmp_path / "r.docx").exists()


def test_an_export_that_cannot_be_written_says_why(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = window_with(qtbot)
    (tmp_path / "Slutrapport.docx").mkdir()
    warned: list[str] = []
    monkeypatch.setattr(export_actions, "choose_path", lambda *args: tmp_path / "Slutrapport.docx")
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    window.export_word()
    assert warned == ["”Slutrapport.docx” är en mapp. Välj ett annat namn på dokumentet."]


def test_pasting_from_word_keeps_paragraphs_and_lists_and_drops_formatting(qtbot: QtBot) -> None:
    window = window_with(qtbot)
    field = window.pages[5].all_editors()[P("analys.systemfel")]
    edit = field.input.focusProxy()
    edit.clear()
    mime = QMimeData()
    mime.setHtml("<p><b>Fet</b> rubrik</p><ul><li>Punkt ett</li></ul>")
    mime.setText("Fet rubrik\n\n•\tPunkt ett\n•\tPunkt två")
    edit.insertFromMimeData(mime)
    assert window.session.draft.analys.systemfel == "Fet rubrik\n\n•\tPunkt ett\n•\tPunkt två"
    assert window.session.dirty


def test_the_section_and_scroll_position_are_where_you_left_them(qtbot: QtBot) -> None:
    window = window_with(qtbot)
    window.resize(900, 500)
    window.sidebar.setCurrentRow(4)
    page = window.pages[4]
    qtbot.waitUntil(lambda: page.verticalScrollBar().maximum() > 200)
    page.verticalScrollBar().setValue(200)
    session_path = window.session.path
    window.close()
    again = MainWindow(DraftSession.open(session_path))
    qtbot.addWidget(again)
    again.resize(900, 500)
    again.show()
    assert again.sidebar.currentRow() == 4
    qtbot.waitUntil(lambda: again.pages[4].verticalScrollBar().value() == 200)


def test_a_pdf_that_cannot_be_written_is_not_reported_as_saved(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = window_with(qtbot)
    (tmp_path / "r.pdf").mkdir()  # a folder where the file should go
    told: list[str] = []
    warned: list[str] = []
    monkeypatch.setattr(export_actions, "choose_path", lambda *args: tmp_path / "r.pdf")
    monkeypatch.setattr(export_actions, "offer_to_open", lambda parent, path, lines: told.extend(lines))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    window.save_pdf()
    assert told == []
    assert warned == ["”r.pdf” är en mapp. Välj ett annat namn på dokumentet."]
    assert not list(tmp_path.glob("*.tmp")), "no temporary file is left behind"


def test_oppna_says_so_when_no_program_can_open_the_file(qtbot: QtBot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QDesktopServices

    window = window_with(qtbot)
    told: list[str] = []
    monkeypatch.setattr(export_actions, "choose_path", lambda *args: tmp_path / "r.docx")
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)  # no program for .docx here

    def press_oppna(box: QMessageBox) -> int:
        buttons = {button.text(): button for button in box.buttons()}
        if "Öppna" in buttons:
            buttons["Öppna"].click()
        else:  # the box that says where the file is, with its path to copy
            told.append(box.text())
            buttons["Kopiera sökväg"].click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", press_oppna)
    window.export_word()
    assert (tmp_path / "r.docx").stat().st_size > 0
    assert told == [f"Inget program på datorn kunde öppna ”r.docx”. Filen finns i {tmp_path}."]
    assert QApplication.clipboard().text() == str(tmp_path / "r.docx")


@pytest.mark.parametrize(
    ("key", "modifier"),
    [(Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier), (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier)],
    ids=["shift-f10", "menu-key"],
)
def test_shift_f10_and_the_menu_key_open_the_context_menu_below_the_text_cursor(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    from PySide6.QtWidgets import QMenu

    from ui.editors.answer import AnswerEdit

    window = window_with(qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    index = next(index for index, page in enumerate(window.pages) if page.all_editors() and page.findChildren(AnswerEdit))
    window.sidebar.setCurrentRow(index)
    editor = next(widget for widget in window.pages[index].findChildren(AnswerEdit))
    window.pages[index].ensureWidgetVisible(editor)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    seen: list[QMenu] = []

    def look() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, look)
            return
        seen.append(menu)
        qtbot.keyClick(menu, Qt.Key.Key_Escape)

    QTimer.singleShot(0, look)
    qtbot.keyClick(editor, key, modifier)
    qtbot.waitUntil(lambda: bool(seen))
    cursor = editor.viewport().mapToGlobal(editor.cursorRect().bottomLeft())
    assert abs(seen[0].pos().y() - cursor.y()) < editor.fontMetrics().height()  # at the word's foot, not over the text above


def test_the_page_follows_the_cursor_to_the_end_of_a_long_answer_low_on_it(qtbot: QtBot) -> None:
    from tests.typing import type_text
    from ui.editors.answer import AnswerEdit

    window = window_with(qtbot, lambda draft: setattr(draft.analys, "systemfel", "Ett långt svar om samverkan. " * 220))
    window.resize(1024, 700)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    index = next(index for index, page in enumerate(window.pages) if page.section.key == "analys")
    window.sidebar.setCurrentRow(index)
    page = window.pages[index]
    editor = next(widget for widget in page.findChildren(AnswerEdit) if "Ett långt svar" in widget.toPlainText())
    page.ensureWidgetVisible(editor)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.wait(100)  # the page, just shown, puts back where it was scrolled to last time

    def cursor_in_view() -> bool:
        at = editor.viewport().mapTo(page.viewport(), editor.cursorRect().center())
        return page.viewport().rect().contains(at)

    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(cursor_in_view)
    type_text(editor, " Och mer.")
    assert editor.toPlainText().endswith("Och mer.")
    qtbot.waitUntil(cursor_in_view)
