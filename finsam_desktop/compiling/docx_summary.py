"""The compilation as a Word document to paste into the annual report: the table "Utfall
insatser" in tkr (rounded as the annual report does) with its Totalt row, and one Bilaga
block per insats in the annual report's label/value layout."""

from __future__ import annotations

from io import BytesIO

from finsam_desktop.compiling.rows import InsatsRow
from finsam_desktop.parsing import format_kronor

HEADER = ["Insats", "Utfall tkr", "Budget tkr", "Förbrukade medel, andel av budget", "Kommentarer"]


def tkr(amount: int | None) -> str:
    """Thousands of kronor, rounded half up as in the annual report: ``452 300`` → ``452``."""
    return "" if amount is None else f"{(amount + 500) // 1000:,}".replace(",", " ")


def share(used: int | None, granted: int | None) -> str:
    return f"{round(100 * used / granted)} %" if used is not None and granted else ""


def _period(row: InsatsRow) -> str:
    start = row.start.isoformat() if row.start else ""
    end = row.end.isoformat() if row.end else ""
    return f"{start} – {end}" if start or end else ""


def summary_docx(rows: list[InsatsRow]) -> bytes:
    import docx  # loaded only when the office compiles
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.title = "Utfall insatser"
    document.add_heading("Utfall insatser", 1)
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        values = [row.name, tkr(row.used), tkr(row.granted), share(row.used, row.granted), ""]
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    used = sum(row.used or 0 for row in rows)
    granted = sum(row.granted or 0 for row in rows)
    for cell, text in zip(table.add_row().cells, ["Totalt", tkr(used), tkr(granted), share(used, granted), ""], strict=True):
        cell.text = text
        if cell.paragraphs[0].runs:
            cell.paragraphs[0].runs[0].bold = True
    document.add_page_break()
    document.add_heading("Bilaga: insatserna", 1)
    for row in rows:
        document.add_heading(row.name or "(insats utan namn)", 2)
        block = document.add_table(rows=0, cols=2)
        block.style = "Table Grid"
        for label, value in (
            ("Insatsnamn", row.name), ("Inriktning", ""), ("Period", _period(row)), ("Syfte", row.purpose),
            ("Mål", row.goals), ("Deltagarregistrering", ""), ("Specifik målgrupp", row.target_group),
            ("Budget", format_kronor(row.granted) if row.granted is not None else ""),
            ("Utfall ekonomi", format_kronor(row.used) if row.used is not None else ""),
            ("Huvudman för insats", row.organisation), ("Samverkansparter", row.partners), ("Resultat", row.results),
            ("Kommentar", ""),
        ):
            cells = block.add_row().cells
            cells[0].text, cells[1].text = label, "".join(char for char in value if char in "\n\t" or ord(char) >= 32)
            cells[0].paragraphs[0].runs[0].bold = True
        document.add_paragraph().paragraph_format.space_after = Pt(6)
    out = BytesIO()
    document.save(out)
    return out.getvalue()
