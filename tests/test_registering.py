# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Registering what arrives: the office box filled in for a received report and written into
its own file (the visible box and the embedded draft, nothing else) and into the register
workbook; a report open elsewhere, without a box, or a register that cannot be written
leaves everything as it was."""

from __future__ import annotations

import errno
from datetime import datetime
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from finsam_desktop.compiling import registering
from finsam_desktop.compiling.compilation import Compilation
from finsam_desktop.compiling.received import Received
from finsam_desktop.compiling.register_book import RegisterFailed
from finsam_desktop.compiling.registering import register
from finsam_desktop.document.export import export_docx
from finsam_desktop.drafts import encode, read_draft
from finsam_desktop.reading.importer import read_docx
from finsam_desktop.sample import sample_report
from tests.docx_text import body_lines
from tests.mall_documents import mall_in_tables
from tests.test_word_edits import paragraph_starting, set_text

OFFICE = {"Diarienummer": "SFG 26-1.12", "Signatur": "AKH", "Ankomstdatum": "2026-03-02"}


def received_one(path: Path) -> Received:
    compilation = Compilation()
    compilation.read([path])
    assert len(compilation.reports) == 1, compilation.unread
    return compilation.reports[0]


def exported(folder: Path) -> Path:
    name, draft = sample_report()
    folder.mkdir(exist_ok=True)
    export_docx(draft, name, folder / "Steget före.docx")
    return folder / "Steget före.docx"


def test_the_office_box_is_written_into_the_document_and_the_register_and_nothing_else_changes(tmp_path: Path) -> None:
    report_path = exported(tmp_path / "in")
    before = body_lines(docx.Document(str(report_path)))
    book = tmp_path / "Mottagna slutrapporter.xlsx"
    register(received_one(report_path), OFFICE, book)
    after = body_lines(docx.Document(str(report_path)))
    assert len(after) == len(before) + 3  # the three values, in the box's empty row
    assert [line for line in after if line not in OFFICE.values()] == before
    read = read_docx(report_path)
    assert (read.source, read.changed, read.imported.office) == ("inbäddat", [], OFFICE)  # the embedded draft has it too
    sheet = load_workbook(book)["Mottagna rapporter"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Ankomstdatum", "Diarienummer", "Signatur", "Insats", "Huvudman", "Avsändare", "Fil", "Status"]
    assert rows[1][:5] == [datetime(2026, 3, 2), "SFG 26-1.12", "AKH", "Steget före – samordnat stöd för unga vuxna i Ockelbo", "Ockelbo kommun"]
    assert rows[1][6] == str(report_path) and rows[1][7].startswith("Inläst, 0 fel")
    # registered again: the same row, updated; the office's own sheet kept
    book_with_notes = load_workbook(book)
    book_with_notes.create_sheet("Egna anteckningar")["A1"] = "behåll mig"
    book_with_notes.save(book)
    register(received_one(report_path), {**OFFICE, "Diarienummer": "SFG 26-1.13"}, book)
    again = load_workbook(book)
    assert again["Mottagna rapporter"].max_row == 2 and again["Mottagna rapporter"]["B2"].value == "SFG 26-1.13"
    assert again["Egna anteckningar"]["A1"].value == "behåll mig"


def test_a_document_edited_in_word_keeps_its_edits_counted_as_edits(tmp_path: Path) -> None:
    report_path = exported(tmp_path / "in")
    document = docx.Document(str(report_path))
    set_text(paragraph_starting(document, "Under insatstiden deltog"), "Ändrat i Word av avsändaren.")
    document.save(str(report_path))
    register(received_one(report_path), OFFICE, tmp_path / "register.xlsx")
    read = read_docx(report_path)
    assert read.changed and read.imported.office == OFFICE  # the registration never vouches for Word's edits


def test_a_draft_received_as_json_gets_the_office_box_in_its_import_record(tmp_path: Path) -> None:
    name, draft = sample_report()
    path = tmp_path / "utkast.json"
    path.write_bytes(encode(name, draft))
    register(received_one(path), OFFICE, tmp_path / "register.xlsx")
    loaded = read_draft(path)
    assert loaded.imported.office == OFFICE and loaded.draft == draft


def test_a_report_open_in_word_or_without_a_box_is_refused_and_nothing_changes(tmp_path: Path) -> None:
    report_path = exported(tmp_path / "in")
    original = report_path.read_bytes()
    book = tmp_path / "register.xlsx"
    lock = report_path.with_name("~$" + report_path.name[2:])
    lock.write_bytes(b"Word")
    with pytest.raises(RegisterFailed, match="är öppet i ett annat program. Stäng det och försök igen; inget ändrades"):
        register(received_one(report_path), OFFICE, book)
    lock.unlink()
    assert report_path.read_bytes() == original and not book.exists()
    hand_filled = tmp_path / "för hand" / "rapport.docx"
    hand_filled.parent.mkdir()
    mall_in_tables(hand_filled)
    original = hand_filled.read_bytes()
    report = received_one(hand_filled)
    try:
        register(report, OFFICE, book)
    except RegisterFailed as error:
        assert "har ingen ruta med Diarienummer, Signatur, Ankomstdatum att fylla i" in str(error)
        assert hand_filled.read_bytes() == original and not book.exists()
    else:  # the mall has the box as a table: it was filled in, and read back
        assert read_docx(hand_filled).imported.office == OFFICE


def test_a_register_that_cannot_be_written_leaves_the_report_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report_path = exported(tmp_path / "in")
    original = report_path.read_bytes()
    book = tmp_path / "register.xlsx"
    write = registering.atomic_write

    def full_disk_for_the_register(path: Path, data: bytes, private: bool = False) -> None:
        if path == book:
            raise OSError(errno.ENOSPC, "No space left on device")
        write(path, data, private)

    monkeypatch.setattr(registering, "atomic_write", full_disk_for_the_register)
    with pytest.raises(RegisterFailed, match="Disken är full.*Rapporten är oförändrad"):
        register(received_one(report_path), OFFICE, book)
    assert report_path.read_bytes() == original and not book.exists()
    book.write_bytes(b"inte en arbetsbok")
    monkeypatch.setattr(registering, "atomic_write", write)
    with pytest.raises(RegisterFailed, match="kan inte läsas som en Excel-arbetsbok"):
        register(received_one(report_path), OFFICE, book)
    assert report_path.read_bytes() == original


def test_the_office_registers_a_report_from_the_window_with_the_keyboard(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from tests.dialogs import enter_on_next_message, when_shown
    from tests.typing import type_text
    from ui import settings
    from ui.app import create_application
    from ui.compile_window import CompileWindow
    from ui.register_dialog import RegisterDialog

    create_application([])
    report_path = exported(tmp_path / "in")
    settings.set_register_file(str(tmp_path / "register.xlsx"))
    window = CompileWindow()
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(report_path.parent))
    qtbot.mouseClick(window.folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    assert not window.register_button.isEnabled()  # nothing chosen yet
    cell = window.table.visualItemRect(window.table.item(0, 2)).center()
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert window.register_button.isEnabled()
    said: list[str] = []

    def fill_in(dialog: RegisterDialog) -> None:
        assert dialog.fields["Ankomstdatum"].text() == datetime.now().date().isoformat()  # today, ready
        dialog.fields["Diarienummer"].setFocus()
        type_text(dialog.fields["Diarienummer"], "SFG 26-1.12")
        qtbot.keyClick(dialog.fields["Diarienummer"], Qt.Key.Key_Tab)
        type_text(dialog.fields["Signatur"], "AKH")
        enter_on_next_message(qtbot, said)
        qtbot.keyClick(dialog.fields["Signatur"], Qt.Key.Key_Return)  # Enter registers

    when_shown(RegisterDialog, fill_in)
    qtbot.keyClick(window.register_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    assert said == [f"”{report_path.name}” är registrerad och raden finns i {tmp_path / 'register.xlsx'}."]
    office = read_docx(report_path).imported.office
    assert (office["Diarienummer"], office["Signatur"]) == ("SFG 26-1.12", "AKH")
    assert load_workbook(tmp_path / "register.xlsx")["Mottagna rapporter"]["B2"].value == "SFG 26-1.12"
