# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Reports filled in by hand the way people fill a mall: labels side by side as scanned text
has them, tab-separated columns, and tables with rows added, left out or merged."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.text.paragraph import Paragraph

from finsam_desktop.document.structure import shown_value
from finsam_desktop.reading.importer import read_docx
from tests import variant_documents as variant
from tests.drafting import P
from tests.mall_documents import mall_as_ocr_paragraphs


def _replace(path: Path, old: list[str], new: list[str]) -> None:
    """The paragraphs ``old`` (one after the other) become the paragraphs ``new``."""
    doc = docx.Document(str(path))
    texts = [paragraph.text for paragraph in doc.paragraphs]
    start = next(index for index in range(len(texts)) if texts[index : index + len(old)] == old)
    first = doc.paragraphs[start]
    for line in new:
        first.insert_paragraph_before(line)
    for paragraph in doc.paragraphs[start + len(new) : start + len(new) + len(old)]:
        paragraph._p.getparent().remove(paragraph._p)
    doc.save(str(path))


def test_labels_side_by_side_with_their_values_in_columns_below_are_each_read(tmp_path: Path) -> None:
    path = mall_as_ocr_paragraphs(tmp_path / "skannad.docx")
    _replace(path, ["Diarienummer", "SFG 22-3.10", "Signatur", "PL"], ["Diarienummer          Signatur", "SFG 22-3.10            PL"])
    _replace(
        path,
        ["Organisations namn: Hudiksvalls kommun", "Arbetsstallets namn", "Socialtjänsten,", "Vuxenenheten"],
        ["Organisations namn\tArbetsställets namn", "Hudiksvalls kommun\tSocialtjänsten, Vuxenenheten"],
    )
    result = read_docx(path)
    assert result.imported.office == {"Diarienummer": "SFG 22-3.10", "Signatur": "PL"}
    assert shown_value(result.draft, P("ansvarig.organisation")) == "Hudiksvalls kommun"
    assert shown_value(result.draft, P("ansvarig.arbetsstalle")) == "Socialtjänsten, Vuxenenheten"
    assert not any("bredvid varandra" in note for note in result.notes)


def test_values_under_labels_side_by_side_that_cannot_be_told_apart_stay_together_and_are_said(tmp_path: Path) -> None:
    path = mall_as_ocr_paragraphs(tmp_path / "skannad.docx")
    _replace(
        path,
        ["Organisations namn: Hudiksvalls kommun", "Arbetsstallets namn", "Socialtjänsten,", "Vuxenenheten"],
        ["Organisations namn Arbetsställets namn", "Hudiksvalls kommun Socialtjänsten,", "Vuxenenheten"],
    )
    result = read_docx(path)
    assert shown_value(result.draft, P("ansvarig.organisation")) == "Hudiksvalls kommun Socialtjänsten,\nVuxenenheten"
    assert shown_value(result.draft, P("ansvarig.arbetsstalle")) == ""
    said = "Organisations namn och Arbetsställets namn stod bredvid varandra, så texten under dem ligger i Organisations namn."
    assert any(note.startswith(said) for note in result.notes)
    assert "Arbetsställets namn" not in result.imported.note


def _table_as_tab_lines(path: Path, header: str) -> None:
    """The table whose first cell is ``header`` written as lines with tabs between the columns."""
    doc = docx.Document(str(path))
    table = next(table for table in doc.tables if table.rows[0].cells[0].text == header)
    for row in table.rows:
        paragraph = Paragraph(table._tbl.makeelement("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"), doc._body)
        table._tbl.addprevious(paragraph._p)
        paragraph.add_run("\t\t".join(cell.text for cell in row.cells))
    table._tbl.getparent().remove(table._tbl)
    doc.save(str(path))


@pytest.mark.parametrize("header", ["Organisation", "Insatsens mål", "Kostnadsslag"])
def test_a_table_written_as_lines_with_tabs_is_read_as_its_rows(tmp_path: Path, header: str) -> None:
    path = variant.variant_with_signer_tables(tmp_path / "tabbar.docx")
    _table_as_tab_lines(path, header)
    result = read_docx(path)
    draft = result.draft
    assert [(row.organisation, row.kontaktperson, row.epost.raw) for row in draft.medlemmar] == variant.MEMBERS
    assert [(row.mal, row.uppnatt, row.resultat) for row in draft.resultat.mal] == variant.GOALS
    costs = {row.budget.raw: row.utfall.raw for row in draft.ekonomi.kostnader if row.budget.raw}
    assert costs == dict(variant.COSTS.values())
    assert (result.missing, result.notes, result.imported.note) == ([], [], "")


def test_goal_rows_added_left_out_or_merged_are_read_and_nothing_is_lost(tmp_path: Path) -> None:
    path = variant.variant_in_the_mall_s_own_words(tmp_path / "mål.docx")
    doc = docx.Document(str(path))
    goals = next(table for table in doc.tables if table.rows[0].cells[0].text == "Insatsens mål")
    third = goals.add_row().cells
    third[0].text, third[1].text = "Ett tredje mål.", "ja, helt"
    merged = third[1].merge(third[2])  # Uppnått and Utfall in one cell
    merged.text = "Ja – alla fick en plan."
    doc.save(str(path))
    result = read_docx(path)
    rows = [(row.mal, row.uppnatt, row.resultat) for row in result.draft.resultat.mal]
    assert rows[:2] == [(goal, reached, outcome) for goal, reached, outcome in variant.GOALS]
    assert rows[2][0] == "Ett tredje mål." and rows[2][1] == "Ja"
    assert "alla fick en plan" in rows[2][2] + result.imported.note
    assert shown_value(result.draft, P("analys.effekter")) == variant.EXPECTED["analys.effekter"]
