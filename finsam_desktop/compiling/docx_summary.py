# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The compilation as a Word document to paste into the annual report: the table "Utfall
insatser" in tkr with a Totalt that is the sum of its rounded rows, and one Bilaga block per
insats in the annual report's label/value layout. Drawn by the report export's own Word
writer, so it is the same kind of document: A4, Swedish, current Word, header rows
repeated, numbers right-aligned."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from finsam_desktop.compiling.rows import InsatsRow
from finsam_desktop.document.blocks import Block, FieldTable, GridTable, Heading, PageBreak, Paragraph, Title, printable
from finsam_desktop.document.docx_writer import docx_document
from finsam_desktop.document.structure import ReportDocument
from finsam_desktop.parsing import format_kronor

HEADER = ("Insats", "Period", "Utfall hela insatsen, tkr", "Beviljat hela insatsen, tkr", "Andel utnyttjat", "Kommentar")
NUMERIC = (False, False, True, True, True, False)
MINIMUM = (20, 17, 13, 13, 13, 14)  # per cent of the text width: headers must not wrap mid-word
BRIEF = 120  # characters of a report's comment in the table; the Bilaga has all of it
_GROUPED = "\u00a0"  # a no-break space between thousands: a number never wraps


def tkr(amount: int | None) -> int | None:
    """Thousands of kronor, rounded half up as in the annual report: ``452 500`` → ``453``."""
    return None if amount is None else (amount + 500) // 1000


def grouped(number: int | None) -> str:
    return "" if number is None else f"{number:,}".replace(",", _GROUPED)


def share(used: int | None, granted: int | None) -> str:
    return f"{round(100 * used / granted)}{_GROUPED}%" if used is not None and granted else ""


def _period(row: InsatsRow) -> str:
    start = row.start.isoformat() if row.start else ""
    end = row.end.isoformat() if row.end else ""
    return f"{start} – {end}" if start or end else ""


def _period_in_a_cell(row: InsatsRow) -> str:
    return _period(row).replace(" – ", " –\n")


def brief(text: str) -> str:
    """A comment's first sentence, as the annual report's short Kommentarer are."""
    text = " ".join(printable(text).split())
    first = text.split(". ")[0].rstrip(".")
    if len(first) > BRIEF:
        first = first[:BRIEF].rsplit(" ", 1)[0] + " …"
    return first + ("." if first and not first.endswith("…") else "")


def _widths(rows: Sequence[tuple[str, ...]]) -> tuple[int, ...]:
    """Per cent of the text width by what the columns hold, each at least its minimum."""
    longest = [max([len(HEADER[index]) // 2, *(min(len(row[index]), 60) for row in rows)]) for index in range(len(HEADER))]
    spare = 100 - sum(MINIMUM)
    total = sum(longest) or 1
    widths = [minimum + spare * length // total for minimum, length in zip(MINIMUM, longest, strict=True)]
    widths[0] += 100 - sum(widths)
    return tuple(widths)


def _table(rows: list[InsatsRow]) -> list[Block]:
    used = [tkr(row.used) for row in rows]
    granted = [tkr(row.granted) for row in rows]
    cells = [
        (
            printable(row.title or row.name),
            _period_in_a_cell(row),
            grouped(spent),
            grouped(budget),
            share(row.used, row.granted),
            brief(row.comment),
        )
        for row, spent, budget in zip(rows, used, granted, strict=True)
    ]
    used_total = sum(value for value in used if value is not None)
    granted_total = sum(value for value in granted if value is not None)
    total = ("Totalt", "", grouped(used_total), grouped(granted_total), share(used_total, granted_total), "")
    blocks: list[Block] = [GridTable(HEADER, tuple(cells), _widths(cells), total, NUMERIC)]
    exact_used = tkr(sum(row.used or 0 for row in rows))
    exact_granted = tkr(sum(row.granted or 0 for row in rows))
    if (exact_used, exact_granted) != (used_total, granted_total):
        blocks.append(
            Paragraph(
                f"Totalt är summan av de avrundade raderna. Avrundas i stället summan av de exakta beloppen blir utfallet "
                f"{grouped(exact_used)} tkr och budgeten {grouped(exact_granted)} tkr.",
                "small",
            )
        )
    return blocks


def _bilaga(row: InsatsRow) -> list[Block]:
    rows = (
        ("Insatsnamn", row.name),
        ("Inriktning", ""),
        ("Period", _period(row)),
        ("Syfte", row.purpose),
        ("Mål", row.goals),
        ("Deltagarregistrering", ""),
        ("Specifik målgrupp", row.target_group),
        ("Budget", format_kronor(row.granted) if row.granted is not None else ""),
        ("Utfall ekonomi", format_kronor(row.used) if row.used is not None else ""),
        ("Huvudman för insats", row.organisation),
        ("Samverkansparter", row.partners),
        ("Resultat", row.results),
        ("Kommentar", row.comment),
    )
    return [
        Heading(printable(row.title or row.name) or "(insats utan namn)", 2),
        FieldTable(tuple((label, printable(value)) for label, value in rows)),
    ]


def summary_document(rows: list[InsatsRow], today: date | None = None) -> ReportDocument:
    day = (today or date.today()).isoformat()
    blocks: list[Block] = [
        Title("Utfall insatser", f"Sammanställning av {len(rows)} slutrapporter, {day}"),
        Paragraph("Beloppen gäller hela insatsens period enligt dess slutrapport, inte ett enskilt år.", "help"),
        *_table(rows),
        PageBreak(),
        Heading("Bilaga: insatserna", 1),
    ]
    for row in rows:
        blocks += _bilaga(row)
    return ReportDocument("Utfall insatser", "", blocks, f"Utfall insatser – sammanställt {day}")


def summary_docx(rows: list[InsatsRow], today: date | None = None) -> bytes:
    from io import BytesIO

    out = BytesIO()
    docx_document(summary_document(rows, today)).save(out)
    return out.getvalue()
