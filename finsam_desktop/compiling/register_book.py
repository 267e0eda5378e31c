# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The register of received reports: an Excel workbook the office keeps, one row per
report (a report registered again has its row updated), the office's own rows, columns
and other sheets left as they are."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from io import BytesIO
from pathlib import Path

from finsam_desktop.compiling.received import Received
from finsam_desktop.parsing import parse_date
from finsam_desktop.roles import role_text

SHEET = "Mottagna rapporter"
HEADER = ["Ankomstdatum", "Diarienummer", "Signatur", "Insats", "Huvudman", "Avsändare", "Fil", "Status"]
WIDTHS = [14, 18, 10, 40, 28, 36, 50, 40]
FILE_COLUMN = HEADER.index("Fil") + 1


class RegisterFailed(Exception):
    """Why nothing was registered, in Swedish."""


def _status(report: Received) -> str:
    counted = "räknas" if report.chosen else f"räknas inte: {report.left_out}"
    return f"Inläst, {report.counts}; {counted}"


def _row(report: Received, office: Mapping[str, str]) -> list[object]:
    arrived = office.get("Ankomstdatum", "")
    parsed = parse_date(arrived).value if arrived else None
    sender = ", ".join(filter(None, (role_text(report.draft, "contact"), role_text(report.draft, "contact_email"))))
    return [
        parsed or arrived, office.get("Diarienummer", ""), office.get("Signatur", ""), report.name,
        report.organisation, sender, str(report.source), _status(report),
    ]


def register_bytes(path: Path, report: Received, office: Mapping[str, str]) -> bytes:
    """The register at ``path`` (made if missing) with ``report``'s row added or updated."""
    from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Font  # type: ignore[import-untyped]
    from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

    if path.exists():
        try:
            book = load_workbook(path)
        except (OSError, zipfile.BadZipFile, KeyError, ValueError, InvalidFileException) as error:
            raise RegisterFailed(
                f"Registret ”{path.name}” kan inte läsas som en Excel-arbetsbok. Välj en annan registerfil; inget ändrades."
            ) from error
    else:
        book = Workbook()
        book.active.title = SHEET
    if SHEET not in book.sheetnames:
        book.create_sheet(SHEET, 0)
    sheet = book[SHEET]
    if sheet.max_row == 1 and sheet.max_column == 1 and sheet["A1"].value is None:  # new: the header first
        for index, (header, width) in enumerate(zip(HEADER, WIDTHS, strict=True), start=1):
            cell = sheet.cell(1, index, header)
            cell.font = Font(bold=True)
            sheet.column_dimensions[cell.column_letter].width = width
        sheet.freeze_panes = "A2"
    values = _row(report, office)
    existing = next(
        (number for number in range(2, sheet.max_row + 1) if sheet.cell(number, FILE_COLUMN).value == str(report.source)), None
    )
    number = existing or sheet.max_row + 1
    for index, value in enumerate(values, start=1):
        sheet.cell(number, index, value)
    sheet.cell(number, 1).number_format = "yyyy-mm-dd"
    out = BytesIO()
    book.save(out)
    return out.getvalue()
