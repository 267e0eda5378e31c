# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The compilation as an Excel workbook for the förbund's office: sheet "Insatser", one row
per counted report with numbers as numbers and dates as dates, a share formula and a
Totalt row, each formula stored with its value (so pandas and any reader without a
calculation engine see the numbers); sheet "Inte med" with every copy left out and why;
sheet "Ej inlästa" with every file not read and why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from typing import Any

from finsam_desktop.compiling.compilation import Compilation
from finsam_desktop.compiling.rows import InsatsRow

NOT_IN_REPORTS = " (finns inte i rapporterna)"


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    value: Callable[[InsatsRow], Any]
    kind: str = "text"  # text, long (wrapped), date, kronor or count
    role: str = ""  # the role that fills it; a column whose role no report's form has is marked, "-" is no role


COLUMNS = [
    Column("Insats", 36, lambda row: row.title, role="name"),
    Column("Huvudman", 28, lambda row: row.organisation, role="organisation"),
    Column("Period start", 12, lambda row: row.start, "date", "period"),
    Column("Period slut", 12, lambda row: row.end, "date", "period"),
    Column("Beviljat, hela insatsen", 18, lambda row: row.granted, "kronor", "granted"),
    Column("Utnyttjat, hela insatsen", 18, lambda row: row.used, "kronor", "used"),
    Column("Samverkansparter", 36, lambda row: row.partners, "long", "partners"),
    Column("Kontaktperson", 22, lambda row: row.contact, role="contact"),
    Column("E-post", 28, lambda row: row.email, role="contact_email"),
    Column("Syfte", 50, lambda row: row.purpose, "long", "purpose"),
    Column("Specifik målgrupp", 36, lambda row: row.target_group, "long", "target_group"),
    Column("Mål och resultat", 60, lambda row: row.goals_and_results, "long", "goals"),
    Column("Kommentar", 40, lambda row: row.comment, "long", "comment"),
    Column("Deltagare, kvinnor", 12, lambda row: row.women, "count", "women"),
    Column("Deltagare, män", 12, lambda row: row.men, "count", "men"),
    Column("Inriktning", 16, lambda _row: None, role="-"),
    Column("Deltagarregistrering", 18, lambda _row: None, role="-"),
    Column("Att kontrollera", 40, lambda row: row.to_confirm, "long"),
    Column("Källfil", 30, lambda row: row.source),
]
SHARE_AFTER = "Utnyttjat, hela insatsen"  # the Andel column follows it
KRONOR = '#,##0 "kr"'


def _cell_text(text: str) -> str:
    """Excel holds at most 32 767 characters in a cell, and no control characters."""
    cleaned = "".join(char for char in text if char in "\n\t" or ord(char) >= 32)
    return cleaned if len(cleaned) <= 32_000 else cleaned[:31_999] + "…"


def _letter(index: int) -> str:
    from xlsxwriter.utility import xl_col_to_name  # type: ignore[import-untyped]

    return str(xl_col_to_name(index))


def _share(used: int | None, granted: int | None) -> float | str:
    return used / granted if used is not None and granted else ""


def workbook_bytes(compilation: Compilation) -> bytes:
    import xlsxwriter  # type: ignore[import-untyped]  # loaded only when the office compiles

    rows = compilation.rows()
    out = BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "default_date_format": "yyyy-mm-dd", "strings_to_numbers": False})
    book.set_properties({"title": "Utfall insatser", "comments": "Sammanställd av Finsam Slutrapport"})
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    formats = {
        "text": book.add_format({"valign": "top"}),
        "long": book.add_format({"text_wrap": True, "valign": "top"}),
        "date": book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"}),
        "kronor": book.add_format({"num_format": KRONOR, "valign": "top"}),
        "count": book.add_format({"num_format": "#,##0", "valign": "top"}),
    }
    share_format = book.add_format({"num_format": "0%", "valign": "top"})
    total_kronor = book.add_format({"num_format": KRONOR, "bold": True})
    total_share = book.add_format({"num_format": "0%", "bold": True})
    sheet = book.add_worksheet("Insatser")
    share_at = next(index for index, column in enumerate(COLUMNS) if column.header == SHARE_AFTER) + 1
    present = compilation.roles_present()
    headers = [column.header + (NOT_IN_REPORTS if column.role and column.role not in present else "") for column in COLUMNS]
    headers.insert(share_at, "Andel utnyttjat")
    roles = [column.role for column in COLUMNS]
    granted_at, used_at = roles.index("granted"), roles.index("used")  # before the share column: no shift
    for index, header in enumerate(headers):
        sheet.write_string(0, index, header, bold)
    for number, row in enumerate(rows, start=1):
        for index, column in enumerate(COLUMNS):
            at = index if index < share_at else index + 1
            value = column.value(row)
            if isinstance(value, str) and value:
                sheet.write_string(number, at, _cell_text(value), formats[column.kind])
            elif isinstance(value, date):
                sheet.write_datetime(number, at, value, formats[column.kind])
            elif isinstance(value, int | float):
                sheet.write_number(number, at, value, formats[column.kind])
        granted, used = f"{_letter(granted_at)}{number + 1}", f"{_letter(used_at)}{number + 1}"
        formula = f'=IF(AND(ISNUMBER({granted}),{granted}>0),{used}/{granted},"")'
        sheet.write_formula(number, share_at, formula, share_format, _share(row.used, row.granted))
    last, total = len(rows), len(rows) + 1
    granted_sum = sum(row.granted or 0 for row in rows)
    used_sum = sum(row.used or 0 for row in rows)
    sheet.write_string(total, 0, "Totalt", bold)
    for at, value in ((granted_at, granted_sum), (used_at, used_sum)):
        sheet.write_formula(total, at, f"=SUM({_letter(at)}2:{_letter(at)}{last + 1})", total_kronor, value)
    granted, used = f"{_letter(granted_at)}{total + 1}", f"{_letter(used_at)}{total + 1}"
    sheet.write_formula(total, share_at, f'=IF({granted}>0,{used}/{granted},"")', total_share, _share(used_sum, granted_sum))
    widths = [column.width for column in COLUMNS]
    widths.insert(share_at, 10)
    for index, width in enumerate(widths):
        sheet.set_column(index, index, width)
    sheet.freeze_panes(1, 1)
    sheet.autofilter(0, 0, last, len(headers) - 1)
    _listing(
        book,
        bold,
        "Inte med",
        ["Fil", "Insats", "Varför den inte räknas"],
        [[str(report.source), report.name, report.left_out] for report in compilation.left_out],
        [50, 40, 70],
    )
    _listing(
        book, bold, "Ej inlästa", ["Fil", "Orsak"], [[str(each.source), each.reason] for each in compilation.unread], [50, 90]
    )
    book.close()
    return out.getvalue()


def _listing(book: Any, bold: Any, title: str, headers: list[str], rows: list[list[str]], widths: list[int]) -> None:
    sheet = book.add_worksheet(title)
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    for index, header in enumerate(headers):
        sheet.write_string(0, index, header, bold)
        sheet.set_column(index, index, widths[index])
    for number, values in enumerate(rows, start=1):
        for index, value in enumerate(values):
            sheet.write_string(number, index, _cell_text(value), wrap)
    sheet.freeze_panes(1, 0)
