# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The förbund's side: a folder of received reports (exported by the app in both forms,
filled in by hand, a damaged file, a foreign document, the same insats twice) compiled
into the annual report's tables in Excel and Word, read back and recalculated."""

from __future__ import annotations

import csv
import io
import os
import time
from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from finsam_desktop import cli
from finsam_desktop.document.export import export_docx
from finsam_desktop.drafts import encode
from finsam_desktop.sample import sample_report
from tests.mall_documents import mall_in_tables
from tests.test_libreoffice import soffice
from tests.variant_documents import variant_with_signer_tables


@pytest.fixture
def received(tmp_path: Path) -> Path:
    folder = tmp_path / "mottagna"
    (folder / "2025").mkdir(parents=True)
    name, gavle = sample_report()
    export_docx(gavle, name, folder / "steget-fore.docx")
    older = gavle.model_copy(deep=True)
    older.uppgiftslamnare.datum.raw = "2025-06-01"
    older.allmant.utnyttjade_medel.raw = "400 000"
    export_docx(older, name, folder / "2025" / "steget-fore-forra.docx")  # the same insats, sent earlier
    os.utime(folder / "2025" / "steget-fore-forra.docx", (time.time() - 86400, time.time() - 86400))
    variant_name, sjo = sample_report("sjobygden-slutrapport")
    (folder / "vagen-vidare.json").write_bytes(encode(variant_name, sjo))
    mall_in_tables(folder / "handifylld.docx")
    variant_with_signer_tables(folder / "handifylld-variant.docx")
    (folder / "trasig.docx").write_bytes(b"PK\x03\x04 inte en hel zip")
    foreign = docx.Document()
    foreign.add_paragraph("Protokoll från styrelsemötet")
    foreign.save(str(folder / "protokoll.docx"))
    (folder / "~$steget-fore.docx").write_bytes(b"Word's lock file")
    return folder


def test_compile_to_excel_lists_every_report_and_every_failure(
    received: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sammanstallning.xlsx"
    assert cli.main(["compile", str(received), "-o", str(out)]) == 1  # some could not be read; the rest compiled
    printed = capsys.readouterr().out
    assert f"{received / 'trasig.docx'}: kunde inte läsas: " in printed
    assert f"{received / 'protokoll.docx'}: kunde inte läsas: ”protokoll.docx” ser inte ut som en slutrapport" in printed
    assert f"{received / '2025' / 'steget-fore-forra.docx'}: inte med: Steget före" in printed
    assert "äldre version av ”Steget före – samordnat stöd för unga vuxna i Ockelbo”. ”steget-fore.docx” räknas i stället." in printed
    assert f"{received / '~$steget-fore.docx'}: hoppas över: Words tillfälliga låsfil" in printed
    book = load_workbook(out)
    sheet = book["Insatser"]
    header = [cell.value for cell in sheet[1]]
    assert header[:7] == [
        "Insats",
        "Huvudman",
        "Period start",
        "Period slut",
        "Beviljat, hela insatsen",
        "Utnyttjat, hela insatsen",
        "Andel utnyttjat",
    ]
    assert {"Inriktning (finns inte i rapporterna)", "Specifik målgrupp", "Kommentar", "Syfte", "Källfil"} <= set(header)
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    by_file = {row[header.index("Källfil")]: row for row in rows[:-1]}
    assert set(by_file) == {"steget-fore.docx", "vagen-vidare.json", "handifylld.docx", "handifylld-variant.docx"}
    steget = by_file["steget-fore.docx"]
    assert steget[:6] == [
        "Steget före – samordnat stöd för unga vuxna i Ockelbo",
        "Ockelbo kommun",
        datetime(2024, 1, 15),
        datetime(2025, 12, 31),
        480_000,
        452_300,
    ]
    assert by_file["vagen-vidare.json"][4:6] == [615_000, 570_050]  # the used amount is the cost table's sum
    assert rows[-1][0] == "Totalt" and rows[-1][4].startswith("=SUM(")
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref.startswith("A1:")
    assert sheet["E2"].number_format == '#,##0 "kr"' and sheet["G2"].number_format == "0%"
    failures = {Path(row[0].value).name: row[1].value for row in book["Ej inlästa"].iter_rows(min_row=2)}
    assert set(failures) == {"trasig.docx", "protokoll.docx", "~$steget-fore.docx"}
    # LibreOffice opens the workbook and computes the formulas: the totals are right
    computed = soffice(tmp_path, "csv:Text - txt - csv (StarCalc):44,34,76,1", out)
    table = list(csv.reader(io.StringIO(computed.read_text(encoding="utf-8"))))
    total = table[-1]
    granted = sum(row[4] for row in rows[:-1] if isinstance(row[4], int))
    used = sum(row[5] for row in rows[:-1] if isinstance(row[5], int))
    assert total[0] == "Totalt"
    assert int(total[4].replace("\xa0", "").replace(" ", "").replace(",", "").replace("kr", "")) == granted
    assert int(total[5].replace("\xa0", "").replace(" ", "").replace(",", "").replace("kr", "")) == used
    assert total[6].strip() == f"{round(100 * used / granted)}%"


def test_compile_to_word_gives_the_annual_reports_table_in_tkr_and_a_block_per_insats(received: Path, tmp_path: Path) -> None:
    out = tmp_path / "utfall.docx"
    assert cli.main(["compile", str(received / "steget-fore.docx"), str(received / "vagen-vidare.json"), "-o", str(out)]) == 0
    document = docx.Document(str(out))
    table = document.tables[0]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0] == [
        "Insats",
        "Period",
        "Utfall hela insatsen, tkr",
        "Beviljat hela insatsen, tkr",
        "Andel utnyttjat",
        "Kommentar",
    ]
    assert cells[1][2:5] == ["452", "480", "94\u00a0%"] and cells[1][1] == "2024-01-15 –\n2025-12-31"
    assert cells[2][2:5] == ["570", "615", "93\u00a0%"]
    assert cells[-1][:5] == ["Totalt", "", "1\u00a0022", "1\u00a0095", "93\u00a0%"]
    block = {row.cells[0].text: row.cells[1].text for row in document.tables[1].rows}
    assert block["Insatsnamn"].startswith("Steget före") and block["Period"] == "2024-01-15 – 2025-12-31"
    assert block["Budget"] == "480 000 kr" and block["Huvudman för insats"] == "Ockelbo kommun"
    assert "Försäkringskassan" in block["Samverkansparter"] and block["Syfte"] and block["Resultat"]


def test_nothing_readable_is_said_and_nothing_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "trasig.docx").write_bytes(b"inte alls")
    assert cli.main(["compile", str(tmp_path / "trasig.docx"), "-o", str(tmp_path / "ut.xlsx")]) == 2
    assert not (tmp_path / "ut.xlsx").exists()
    assert "Ingen rapport kunde läsas" in capsys.readouterr().err


def test_the_newest_of_the_same_insats_is_kept_by_its_own_date(received: Path) -> None:
    from finsam_desktop.compiling.compilation import Compilation

    compilation = Compilation()
    compilation.read([received])
    kept = [each for each in compilation.reports if each.key[0].startswith("steget") and each.chosen]
    assert [each.source.name for each in kept] == ["steget-fore.docx"] and kept[0].dated[0] == date(2026, 2, 10)


def test_the_window_reads_a_folder_on_a_worker_shows_the_rows_and_exports(
    qtbot, received: Path, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from ui import export_actions
    from ui.app import create_application
    from ui.compile_window import CompileWindow

    create_application([])
    window = CompileWindow()
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(received))
    target = tmp_path / "Utfall insatser.xlsx"
    told: list[str] = []
    monkeypatch.setattr(export_actions, "choose_path", lambda *args: target)
    monkeypatch.setattr(export_actions, "offer_to_open", lambda parent, path, lines: told.extend(lines))
    qtbot.mouseClick(window.folder_button, Qt.MouseButton.LeftButton)
    assert window.busy and window.cancel_button.isVisible() and not window.excel_button.isEnabled()  # the window stays alive
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    files = [window.table.item(row, 1).toolTip() for row in range(window.table.rowCount())]
    names = sorted(Path(path).name for path in files)
    assert names == sorted(
        ["steget-fore.docx", "steget-fore-forra.docx", "vagen-vidare.json", "handifylld.docx", "handifylld-variant.docx"]
    )
    older = [Path(path).name for path in files].index("steget-fore-forra.docx")
    assert window.table.item(older, 0).checkState() == Qt.CheckState.Unchecked  # the newer one counts
    assert window.table.item(older, 7).text().startswith("äldre version av")
    assert window.unread_list.count() == 3 and window.status.text().startswith("5 rapporter inlästa, 4 räknas")
    # a report whose form has no box for the office cannot be registered, and the button says why
    variant = [Path(path).name for path in files].index("vagen-vidare.json")
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=window.table.visualItemRect(window.table.item(variant, 2)).center())
    assert not window.register_button.isEnabled() and "har ingen ruta" in window.register_button.toolTip()
    steget = [Path(path).name for path in files].index("steget-fore.docx")
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=window.table.visualItemRect(window.table.item(steget, 2)).center())
    assert window.register_button.isEnabled()
    # every column in view at 1024×700
    table = window.table
    assert sum(table.columnWidth(column) for column in range(table.columnCount() - 1)) < table.viewport().width()
    # the same folder again adds nothing
    qtbot.mouseClick(window.folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    assert window.table.rowCount() == 5 and window.unread_list.count() == 3
    qtbot.mouseClick(window.excel_button, Qt.MouseButton.LeftButton)
    assert told == [f"Sammanställningen (4 insatser) är sparad som {target}"] and target.is_file()
    assert load_workbook(target)["Insatser"].max_row == 6  # header, four insatser, Totalt
    qtbot.mouseClick(window.clear_button, Qt.MouseButton.LeftButton)
    assert window.table.rowCount() == 0 and window.unread_list.count() == 0 and not window.excel_button.isEnabled()
    assert window.status.text() == "Inga rapporter inlästa ännu."


def test_avbryt_stops_the_reading_and_keeps_what_was_read(qtbot, received: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from ui import compile_window
    from ui.app import create_application

    create_application([])

    def slowly(path: Path):  # type: ignore[no-untyped-def]  # a slow network share
        time.sleep(0.3)
        return read_one(path)

    read_one = compile_window.read_one
    monkeypatch.setattr(compile_window, "read_one", slowly)
    window = compile_window.CompileWindow()
    qtbot.addWidget(window)
    window.show()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(received))
    qtbot.mouseClick(window.folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.progress.value() >= 1, timeout=10_000)
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.busy, timeout=10_000)
    assert 1 <= window.table.rowCount() < 5 and "Inläsningen avbröts" in window.status.text()


def test_enter_on_a_row_shows_its_problems_and_escape_while_reading_stops_it(qtbot, received: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from tests.dialogs import enter_on_next_message
    from ui import compile_window
    from ui.app import create_application

    create_application([])
    opened: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: opened.append("filer") or ([], ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args: str(received))
    window = compile_window.CompileWindow()
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.mouseClick(window.folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    said: list[str] = []
    enter_on_next_message(qtbot, said)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(said))
    assert opened == [] and window.isVisible()  # Enter reached the row, no button
    # many rows, read twice: every column but Kommentar still in view
    for index in range(40):
        (received / f"kopia-{index}.json").write_bytes((received / "vagen-vidare.json").read_bytes())
    qtbot.mouseClick(window.folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.busy, timeout=60_000)
    table = window.table
    assert table.rowCount() == 45
    assert sum(table.columnWidth(column) for column in range(table.columnCount() - 1)) < table.viewport().width()

    def slowly(path: Path):  # type: ignore[no-untyped-def]
        time.sleep(0.3)
        return read_one(path)

    read_one = compile_window.read_one
    monkeypatch.setattr(compile_window, "read_one", slowly)
    qtbot.mouseClick(window.clear_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.progress.value() >= 1, timeout=10_000)
    assert window.status.text().startswith("Läser rapporterna: ")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.busy, timeout=10_000)
    assert window.isVisible() and 1 <= window.table.rowCount() < 45  # stopped, not closed
