# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The office's numbers are right: the same insats counted once whatever its dashes, line
breaks or scanning debris, the complete copy kept and every left-out copy saying why, totals
that add up, formulas whose values every reader sees, and every file in a folder accounted for."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from openxml_audit import FileFormat, OpenXmlValidator

from finsam_desktop import cli
from finsam_desktop.compiling.compilation import Compilation
from finsam_desktop.compiling.docx_summary import summary_docx
from finsam_desktop.compiling.xlsx_writer import workbook_bytes
from finsam_desktop.document.export import export_docx
from finsam_desktop.drafts import encode
from finsam_desktop.model import Report
from finsam_desktop.sample import sample_report
from tests.drafting import put
from tests.test_libreoffice import pdf_pages, soffice


def insats(
    name: str,
    organisation: str = "Hofors kommun",
    granted: str = "1 458 000",
    used: str = "1 200 000",
    dated: str = "2026-02-10",
    period: tuple[str, str] = ("2024-01-01", "2025-12-31"),
) -> Report:
    _name, draft = sample_report()
    put(draft, "allmant.insatsens_namn", name)
    put(draft, "ansvarig.organisation", organisation)
    put(draft, "allmant.beviljade_medel", granted)
    put(draft, "allmant.utnyttjade_medel", used)
    put(draft, "uppgiftslamnare.datum", dated)
    put(draft, "allmant.insatstid.start", period[0])
    put(draft, "allmant.insatstid.slut", period[1])
    return draft


def received(folder: Path, reports: dict[str, Report]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for file_name, draft in reports.items():
        if file_name.endswith(".docx"):
            export_docx(draft, file_name, folder / file_name)
        else:
            (folder / file_name).write_bytes(encode(file_name, draft))
    return folder


def compiled(folder: Path) -> Compilation:
    compilation = Compilation()
    compilation.read([folder])
    return compilation


def test_dashes_line_breaks_and_scanning_debris_are_one_insats_counted_once(tmp_path: Path) -> None:
    folder = received(
        tmp_path / "in",
        {
            "hofors.docx": insats("Ett hållbart arbetsliv - Hofors", dated="2026-01-10"),
            "hofors-ny.json": insats("Ett hållbart arbetsliv – Hofors", dated="2026-02-10"),
            "trisam-utkast.json": insats("Trisam 2.0", "Sandvikens kommun", dated="2026-01-01"),
            "trisam-skannad.json": insats("Trisam 2.0\n9000", "Sandvikens kommun", dated="2026-03-01"),
        },
    )
    compilation = compiled(folder)
    rows = compilation.rows()
    assert sorted(row.source for row in rows) == ["hofors-ny.json", "trisam-skannad.json"]
    assert sum(row.granted or 0 for row in rows) == 2 * 1_458_000  # not three or four times
    left = {report.source.name: report.left_out for report in compilation.left_out}
    assert left == {
        "hofors.docx": "äldre version av ”Ett hållbart arbetsliv - Hofors”. ”hofors-ny.json” räknas i stället.",
        "trisam-utkast.json": "äldre version av ”Trisam 2.0”. ”trisam-skannad.json” räknas i stället.",
    }


def test_the_complete_copy_counts_over_a_newer_one_without_amounts_and_the_reason_is_everywhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = received(
        tmp_path / "in",
        {
            "komplett.docx": insats("Steget före", dated="2026-01-10"),
            "nyare-utan-belopp.json": insats("Steget före", granted="", used="", dated="2026-03-01"),
        },
    )
    out = tmp_path / "utfall.xlsx"
    assert cli.main(["compile", str(folder), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    why = "saknar belopp. ”komplett.docx” har beloppen för samma insats och räknas i stället."
    assert f"{folder / 'nyare-utan-belopp.json'}: inte med: Steget före: {why}" in printed
    assert f"{folder / 'komplett.docx'}: inläst: Steget före (0 fel, " in printed
    book = load_workbook(out, data_only=True)
    assert [[cell.value for cell in row] for row in book["Inte med"].iter_rows(min_row=2)] == [
        [str(folder / "nyare-utan-belopp.json"), "Steget före", why]
    ]
    sheet = book["Insatser"]
    header = [cell.value for cell in sheet[1]]
    total = [cell.value for cell in sheet[sheet.max_row]]
    assert total[0] == "Totalt" and total[header.index("Beviljat, hela insatsen")] == 1_458_000


def test_a_near_match_is_flagged_for_the_office_and_shared_names_read_insats_and_huvudman(tmp_path: Path) -> None:
    folder = received(
        tmp_path / "in",
        {
            "a.json": insats("Samordnat stöd för unga vuxna i Ockelbo", "Ockelbo kommun"),
            "b.json": insats("Samordnat stöd för unga vuxan i Ockelbo", ""),  # a typo, and no huvudman to tell
            "hofors.json": insats("Trisam 2.0", "Hofors kommun"),
            "ockelbo.json": insats("Trisam 2.0", "Ockelbo kommun"),
            "steg1.json": insats("Steg 1", "Ockelbo kommun"),
            "steg2.json": insats("Steg 2", "Ockelbo kommun"),
        },
    )
    compilation = compiled(folder)
    by_file = {row.source: row for row in compilation.rows()}
    assert len(by_file) == 6  # nothing merged in silence
    assert (
        by_file["a.json"].to_confirm
        == "liknar ”Samordnat stöd för unga vuxan i Ockelbo” i ”b.json”: kontrollera om det är samma insats"
    )
    assert by_file["b.json"].to_confirm.startswith("liknar ”Samordnat stöd för unga vuxna i Ockelbo” i ”a.json”")
    assert not any(by_file[name].to_confirm for name in ("hofors.json", "ockelbo.json", "steg1.json", "steg2.json"))
    assert (by_file["hofors.json"].title, by_file["ockelbo.json"].title) == (
        "Trisam 2.0 – Hofors kommun",
        "Trisam 2.0 – Ockelbo kommun",
    )
    assert by_file["steg1.json"].title == "Steg 1"
    book = load_workbook(BytesIO(workbook_bytes(compilation)), data_only=True)
    sheet = book["Insatser"]
    header = [cell.value for cell in sheet[1]]
    flagged = {
        row[header.index("Källfil")].value: row[header.index("Att kontrollera")].value for row in sheet.iter_rows(min_row=2)
    }
    assert flagged["a.json"].startswith("liknar") and flagged["hofors.json"] is None


def test_the_word_table_adds_up_and_says_when_the_exact_sum_differs(tmp_path: Path) -> None:
    reports = {f"r{index:02d}.json": insats(f"Insats nummer {index}", granted="1 500", used="1 500") for index in range(10)}
    compilation = compiled(received(tmp_path / "in", reports))
    document = docx.Document(BytesIO(summary_docx(compilation.rows())))
    table = document.tables[0]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0][:5] == ["Insats", "Period", "Utfall hela insatsen, tkr", "Beviljat hela insatsen, tkr", "Andel utnyttjat"]
    assert all(row[2] == "2" for row in cells[1:-1])  # 1 500 kr is 2 tkr, rounded half up
    assert cells[-1][:4] == ["Totalt", "", "20", "20"]  # the sum of the rows as printed, not round(15 000 / 1000)
    note = next(paragraph.text for paragraph in document.paragraphs if paragraph.text.startswith("Totalt är summan"))
    assert "utfallet 15 tkr och budgeten 15 tkr" in note


def test_the_workbook_stores_every_formulas_value_and_fills_what_reports_hold(tmp_path: Path) -> None:
    folder = received(
        tmp_path / "in",
        {
            "a.json": insats("Första", granted="480 000", used="452 300"),
            "b.docx": insats("Andra", granted="615 000", used="570 050"),
        },
    )
    data = workbook_bytes(compiled(folder))
    formulas = load_workbook(BytesIO(data))["Insatser"]
    values = load_workbook(BytesIO(data), data_only=True)["Insatser"]
    header = [cell.value for cell in values[1]]
    share = header.index("Andel utnyttjat")
    assert str(formulas.cell(2, share + 1).value).startswith("=IF(") and str(formulas.cell(4, 5).value).startswith("=SUM(")
    rows = [[cell.value for cell in row] for row in values.iter_rows(min_row=2)]
    assert rows[-1][0] == "Totalt"
    assert rows[-1][header.index("Beviljat, hela insatsen")] == 1_095_000
    assert rows[-1][header.index("Utnyttjat, hela insatsen")] == 1_022_350
    assert rows[0][share] == pytest.approx(452_300 / 480_000) and rows[-1][share] == pytest.approx(1_022_350 / 1_095_000)
    first = dict(zip(header, rows[0], strict=True))
    assert first["Syfte"] and first["Specifik målgrupp"] and first["Kommentar"] is not None
    assert "Inriktning (finns inte i rapporterna)" in header and "Kommentar" in header


def test_every_file_in_a_folder_is_read_or_listed_with_why_and_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = received(tmp_path / "in", {"rapport.json": insats("Steget före")})
    (folder / "sub").mkdir()
    for name in ("gammal.doc", "sub/skannad.pdf", "foto.jpg", "libre.odt", "~$rapport.docx", "anteckningar.txt"):
        (folder / name).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" if name.endswith(".doc") else b"x")
    assert cli.main(["compile", str(folder), "-o", str(tmp_path / "ut.xlsx")]) == 1
    printed = capsys.readouterr().out
    assert (
        f"{folder / 'gammal.doc'}: kunde inte läsas: filen är ett äldre Word-dokument (.doc): öppna det i Word och spara som .docx"
        in printed
    )
    assert (
        f"{folder / 'sub' / 'skannad.pdf'}: kunde inte läsas: filen är en PDF, som inte kan läsas in: be avsändaren om Word-filen"
        in printed
    )
    assert f"{folder / 'foto.jpg'}: kunde inte läsas: filen är en bild" in printed
    assert f"{folder / 'libre.odt'}: kunde inte läsas: filen är ett OpenDocument-dokument (.odt)" in printed
    assert f"{folder / '~$rapport.docx'}: hoppas över: Words tillfälliga låsfil" in printed
    assert f"{folder / 'anteckningar.txt'}: kunde inte läsas: inte en slutrapport" in printed
    assert f"{folder / 'rapport.json'}: inläst: Steget före (0 fel, " in printed
    listed = {Path(row[0].value).name for row in load_workbook(tmp_path / "ut.xlsx")["Ej inlästa"].iter_rows(min_row=2)}
    assert listed == {"gammal.doc", "skannad.pdf", "foto.jpg", "libre.odt", "~$rapport.docx", "anteckningar.txt"}
    # named on the command line, a .doc gets the same advice as import gives
    assert cli.main(["compile", str(folder / "gammal.doc"), "-o", str(tmp_path / "ut2.xlsx")]) == 2
    assert "äldre Word-dokument (.doc)" in capsys.readouterr().out


def test_no_english_system_text_reaches_the_office(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from finsam_desktop.compiling.received import Unread, read_one

    gone = read_one(tmp_path / "flyttad.json")  # listed, then moved away before it was read
    assert isinstance(gone, Unread) and gone.reason == "filen finns inte längre (flyttad eller borttagen)."
    folder = received(tmp_path / "in", {"rapport.json": insats("Steget före")})
    (tmp_path / "en fil").write_text("x")
    assert cli.main(["compile", str(folder), "-o", str(tmp_path / "en fil" / "ut.xlsx")]) == 2
    captured = capsys.readouterr()
    assert "Kunde inte skriva" in captured.err
    for english in ("No such file", "Not a directory", "Errno", "Traceback", "Permission denied", "cannot find"):
        assert english not in captured.out + captured.err


def test_the_word_summary_is_a4_swedish_current_valid_and_renders_with_its_total(tmp_path: Path) -> None:
    reports = {
        f"r{index:03d}.json": insats(f"Insats för test nummer {index}", granted="1 234 567", used="987 654")
        for index in range(60)
    }
    out = tmp_path / "utfall.docx"
    out.write_bytes(summary_docx(compiled(received(tmp_path / "in", reports)).rows()))
    with zipfile.ZipFile(out) as package:
        document = package.read("word/document.xml").decode("utf-8")
        settings = package.read("word/settings.xml").decode("utf-8")
        styles = package.read("word/styles.xml").decode("utf-8")
    assert 'w:w="11906"' in document and 'w:h="16838"' in document  # A4 in twentieths of a point
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings
    assert '<w:lang w:val="sv-SE"' in styles
    assert "<w:tblHeader/>" in document and "<w:cantSplit/>" in document
    table = docx.Document(str(out)).tables[0]
    assert all(cell.paragraphs[0].alignment == 2 for row in table.rows for cell in row.cells[2:5])  # right-aligned
    assert (table.rows[1].cells[2].text, table.rows[1].cells[3].text) == ("988", "1\u00a0235")
    result = OpenXmlValidator(file_format=FileFormat.OFFICE_2019, max_errors=50).validate(str(out))
    assert result.is_valid, [error.description for error in result.errors]
    pages = pdf_pages(soffice(tmp_path, "pdf", out))
    with_total = next(index for index, page in enumerate(pages) if "Totalt" in page)
    assert with_total > 0 and re.search(
        r"nummer\s+59\s", pages[with_total].split("Totalt")[0]
    )  # the last row stays with its total
    assert all("Andel" in page for page in pages[: with_total + 1])  # the header row on every page of the table
