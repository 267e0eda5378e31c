"""The compilation as an Excel workbook for the förbund's office: sheet "Insatser", one row
per report with numbers as numbers and dates as dates, a share formula and a Totalt row;
sheet "Ej inlästa" with each file that could not be read and why."""

from __future__ import annotations

from io import BytesIO

from finsam_desktop.compiling.received import Unread
from finsam_desktop.compiling.rows import InsatsRow

KRONOR = '#,##0 "kr"'
COLUMNS = [  # header, width in characters
    ("Insatsnamn", 36), ("Huvudman", 28), ("Period start", 12), ("Period slut", 12),
    ("Beviljade medel", 16), ("Utnyttjade medel", 16), ("Andel", 9), ("Samverkansparter", 36),
    ("Kontaktperson", 22), ("E-post", 28), ("Mål och resultat", 60),
    ("Inriktning", 16), ("Deltagarregistrering", 18), ("Specifik målgrupp", 30), ("Kommentar", 30), ("Källfil", 30),
]  # Inriktning … Kommentar: for the office to fill in; the reports do not have them


def _cell_text(text: str) -> str:
    """Excel holds at most 32 767 characters in a cell, and no control characters."""
    cleaned = "".join(char for char in text if char in "\n\t" or ord(char) >= 32)
    return cleaned if len(cleaned) <= 32_000 else cleaned[:31_999] + "…"


def workbook_bytes(rows: list[InsatsRow], unread: list[Unread]) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]  # loaded only when the office compiles
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]

    book = Workbook()
    sheet = book.active
    sheet.title = "Insatser"
    sheet.append([header for header, _width in COLUMNS])
    for index, row in enumerate(rows, start=2):
        sheet.append([
            _cell_text(row.name), _cell_text(row.organisation), row.start, row.end, row.granted, row.used,
            f'=IF(AND(ISNUMBER(E{index}),E{index}>0),F{index}/E{index},"")', _cell_text(row.partners),
            _cell_text(row.contact), _cell_text(row.email), _cell_text(row.goals_and_results), None, None, None, None, row.source,
        ])
    last = len(rows) + 1
    total = last + 1
    sheet.append(["Totalt", None, None, None, f"=SUM(E2:E{last})", f"=SUM(F2:F{last})", f'=IF(E{total}>0,F{total}/E{total},"")'])
    for cell in sheet[1] + sheet[total]:
        cell.font = Font(bold=True)
    for row_cells in sheet.iter_rows(min_row=2, max_row=total):
        row_cells[2].number_format = row_cells[3].number_format = "yyyy-mm-dd"
        row_cells[4].number_format = row_cells[5].number_format = KRONOR
        row_cells[6].number_format = "0%"
        row_cells[10].alignment = Alignment(wrap_text=True, vertical="top")
    for number, (_header, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(1, number).column_letter].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{sheet.cell(1, len(COLUMNS)).column_letter}{last}"
    failed = book.create_sheet("Ej inlästa")
    failed.append(["Fil", "Orsak"])
    for each in unread:
        failed.append([str(each.source), _cell_text(each.reason)])
    failed.column_dimensions["A"].width, failed.column_dimensions["B"].width = 50, 90
    failed["A1"].font = failed["B1"].font = Font(bold=True)
    failed.freeze_panes = "A2"
    out = BytesIO()
    book.save(out)
    return out.getvalue()
