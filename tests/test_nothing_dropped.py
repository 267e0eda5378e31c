# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Nothing in a document is dropped without a word: line and page breaks, 5.1 written in
odd ways, text the reader cannot place, and what the förbund wrote in the office box."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from finsam_desktop.document.export import export_docx
from finsam_desktop.document.structure import build_document, plain_text
from finsam_desktop.drafts import ImportRecord
from finsam_desktop.reading.importer import read_docx
from finsam_desktop.sample import sample_report
from tests.docx_text import body_lines, open_docx
from tests.mall_documents import LAYOUTS, mall_in_tables
from tests.test_import import without_embedded_draft


def test_words_manual_line_and_page_breaks_print_as_breaks(tmp_path: Path) -> None:
    name, draft = sample_report()
    draft.analys.systemfel = "Rad ett\x0bmed radbrytning\x0cEfter sidbrytning"
    export_docx(draft, name, tmp_path / "r.docx")
    lines = body_lines(open_docx(tmp_path / "r.docx"))
    assert "Rad ett" in lines and "med radbrytning" in lines and "Efter sidbrytning" in lines
    assert "Rad ettmed radbrytning" not in " ".join(lines)
    printed = plain_text(build_document(draft))
    assert "Rad ett" in printed and "med radbrytning" in printed
    assert read_docx(tmp_path / "r.docx").draft.analys.systemfel == draft.analys.systemfel  # the draft keeps them


def old_report_with_goals(path: Path, goal_lines: list[str]) -> Path:
    """The mall in tables, with 5.1 written as ``goal_lines``."""
    mall_in_tables(path)
    doc = docx.Document(str(path))
    heading = next(p for p in doc.paragraphs if p.text.startswith("5.1 Måluppfyllelse"))
    following = heading._p.getnext()
    while following is not None and not "".join(following.itertext()).startswith("5.2"):
        after = following.getnext()
        following.getparent().remove(following)
        following = after
    for line in goal_lines:
        new = doc.add_paragraph(line)._p
        following.addprevious(new)
    doc.save(str(path))
    return path


def test_text_before_the_first_goal_and_goals_written_mal_are_kept(tmp_path: Path) -> None:
    path = old_report_with_goals(tmp_path / "g.docx", [
        "Insatsen hade två mål som följdes upp kvartalsvis.",
        "Mal: 20 personer ska ha en gemensam plan.",
        "Svar: 22 personer fick en plan. Bedömning görs att målet har uppnåtts.",
        "Mal: Hälften ska ha en aktivitet efter sex månader.",
        "Svar: Sju av 22 hade en aktivitet.",
    ])
    goals = read_docx(path).draft.resultat.mal
    assert len(goals) == 2
    assert goals[0].mal == "Insatsen hade två mål som följdes upp kvartalsvis.\n\n20 personer ska ha en gemensam plan."
    assert goals[0].resultat.startswith("22 personer") and goals[0].uppnatt == "Ja"
    assert goals[1].mal == "Hälften ska ha en aktivitet efter sex månader." and goals[1].resultat == "Sju av 22 hade en aktivitet."


def test_a_51_without_marks_keeps_all_its_text_in_the_goal_and_says_so(tmp_path: Path) -> None:
    lines = ["Målet var att 20 personer skulle få en plan.", "22 personer fick en plan och flera fick arbete."]
    result = read_docx(old_report_with_goals(tmp_path / "g.docx", lines))
    (goal,) = result.draft.resultat.mal
    assert goal.mal == "\n\n".join(lines) and goal.resultat == "" and goal.uppnatt == ""
    assert "5.1 hade inga rubriker Mål och Svar, så all text ligger i Mål 1. Fyll i Resultat och Uppnått." in result.summary()


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.__name__ for layout in LAYOUTS])
def test_text_that_cannot_be_placed_is_listed_and_kept(tmp_path: Path, layout) -> None:  # type: ignore[no-untyped-def]
    path = layout(tmp_path / "gammal.docx")
    clean = read_docx(path)
    assert not any(line.startswith("Text som inte kunde placeras") for line in clean.summary()), clean.summary()
    doc = docx.Document(str(path))
    doc.paragraphs[1].insert_paragraph_before("Bilaga: protokoll från styrgruppen 2021-12-01.")
    doc.save(str(path))
    result = read_docx(path)
    assert any(line.startswith("Text som inte kunde placeras") and "Bilaga: protokoll" in line for line in result.summary())
    assert "Bilaga: protokoll från styrgruppen 2021-12-01." in result.imported.note


def test_the_office_box_of_a_registered_report_is_kept_and_written_back(tmp_path: Path) -> None:
    result = read_docx(mall_in_tables(tmp_path / "gammal.docx"))
    assert result.imported.office == {"Diarienummer": "SFG 22-3.10", "Signatur": "PL", "Ankomstdatum": "2022-02-07"}
    export_docx(result.draft, result.name, tmp_path / "ny.docx", result.imported)
    box = open_docx(tmp_path / "ny.docx").tables[0]
    assert [cell.text for cell in box.rows[1].cells] == ["SFG 22-3.10", "PL", "2022-02-07"]
    again = read_docx(tmp_path / "ny.docx")
    assert again.imported.office == result.imported.office and again.changed == []
    text_only = read_docx(without_embedded_draft(tmp_path / "ny.docx", tmp_path / "utan.docx"))
    assert text_only.imported.office == result.imported.office


def test_a_diarienummer_typed_into_an_exported_report_is_kept(tmp_path: Path) -> None:
    name, draft = sample_report()
    export_docx(draft, name, tmp_path / "r.docx", ImportRecord())
    doc = docx.Document(str(tmp_path / "r.docx"))
    doc.tables[0].rows[1].cells[0].paragraphs[0].add_run("SFG 26-1.4")
    doc.save(str(tmp_path / "r.docx"))
    result = read_docx(tmp_path / "r.docx")
    assert result.imported.office == {"Diarienummer": "SFG 26-1.4"} and result.changed == []


def test_text_added_in_word_outside_any_field_of_an_export_is_kept(tmp_path: Path) -> None:
    name, draft = sample_report()
    export_docx(draft, name, tmp_path / "r.docx")
    doc = docx.Document(str(tmp_path / "r.docx"))
    doc.paragraphs[1].insert_paragraph_before("Kansliets anteckning: komplettering begärd 2026-03-01.")
    doc.save(str(tmp_path / "r.docx"))
    result = read_docx(tmp_path / "r.docx")
    assert result.changed == [] and result.draft == draft
    assert "Kansliets anteckning: komplettering begärd 2026-03-01." in result.imported.note
    assert any(line.startswith("Text som inte kunde placeras") for line in result.summary())
    untouched = read_docx(export_docx(draft, name, tmp_path / "ren.docx").path)
    assert untouched.imported.note == "" and untouched.summary() == ["Hela utkastet lästes in från dokumentet."]


# --- no text dropped in silence (issue: any mall in) -------------------------------------------------


def _kept(result, token: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``token`` came back: in some field of the draft, its office box, or its import note."""
    imported = result.imported
    return token in result.draft.model_dump_json() or token in imported.note or token in " ".join(imported.office.values())


def test_a_line_outside_the_fields_with_a_word_of_the_mall_is_kept(tmp_path: Path) -> None:
    name, draft = sample_report()
    export_docx(draft, name, tmp_path / "r.docx")
    doc = docx.Document(str(tmp_path / "r.docx"))
    title = doc.paragraphs[0]
    for text in ("Slutrapporten kompletteras i maj.", "Kontakt med förbundet: Lena"):
        title.insert_paragraph_before(text)
    doc.save(str(tmp_path / "r.docx"))
    result = read_docx(tmp_path / "r.docx")
    assert "Slutrapporten kompletteras i maj." in result.imported.note and "Kontakt med förbundet: Lena" in result.imported.note


def test_text_typed_under_the_goals_table_is_kept_in_the_note(tmp_path: Path) -> None:
    name, draft = sample_report()
    export_docx(draft, name, tmp_path / "r.docx")
    doc = docx.Document(str(tmp_path / "r.docx"))
    goals = next(table for table in doc.tables if table.rows[0].cells[0].text.strip() == "Mål")
    paragraph = doc.add_paragraph("Ett fjärde mål som inte fick plats i tabellen.")
    goals._tbl.addnext(paragraph._p)
    doc.save(str(tmp_path / "r.docx"))
    result = read_docx(tmp_path / "r.docx")
    assert "5.1 Måluppfyllelse: Ett fjärde mål som inte fick plats i tabellen." in result.imported.note
    assert any("Ett fjärde mål" in line for line in result.summary())


def test_a_paragraph_with_its_numbering_switched_off_is_no_list_item(tmp_path: Path) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    name, draft = sample_report()
    export_docx(draft, name, tmp_path / "r.docx")
    doc = docx.Document(str(without_embedded_draft(tmp_path / "r.docx", tmp_path / "utan.docx")))
    last_partner = next(p for p in doc.paragraphs if p.text == draft.samverkansparter[-1].organisation)
    plain = last_partner.insert_paragraph_before("En vanlig mening efter listan.", style="List Bullet")
    numbering = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", "0")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        numbering.append(element)
    plain._p.get_or_add_pPr().append(numbering)
    last_partner._p.addnext(plain._p)  # after the bullets, before section 4
    doc.save(str(tmp_path / "utan.docx"))
    read = read_docx(tmp_path / "utan.docx").draft
    assert [row.organisation for row in read.samverkansparter] == [row.organisation for row in draft.samverkansparter]


def test_the_office_box_written_on_one_line_is_split_by_its_labels(tmp_path: Path) -> None:
    path = mall_in_tables(tmp_path / "handifylld.docx")
    doc = docx.Document(str(path))
    box = doc.tables[0]
    box._tbl.addprevious(doc.add_paragraph("Diarienummer SFG 21-6.64 Signatur AKH Ankomstdatum 2022-02-07")._p)
    box._tbl.getparent().remove(box._tbl)
    doc.save(str(path))
    result = read_docx(path)
    assert result.imported.office == {"Diarienummer": "SFG 21-6.64", "Signatur": "AKH", "Ankomstdatum": "2022-02-07"}


def test_a_document_without_the_apps_copy_says_so(tmp_path: Path) -> None:
    name, draft = sample_report()
    export_docx(draft, name, tmp_path / "r.docx")
    result = read_docx(without_embedded_draft(tmp_path / "r.docx", tmp_path / "utan.docx"))
    assert "Dokumentet saknar programmets kopia av utkastet; allt lästes från texten." in result.summary()
    assert "Dokumentet saknar programmets kopia" not in " ".join(read_docx(tmp_path / "r.docx").summary())


def test_bold_added_in_word_is_said_not_lost_in_silence(tmp_path: Path) -> None:
    name, draft = sample_report()
    export_docx(draft, name, tmp_path / "r.docx")
    doc = docx.Document(str(tmp_path / "r.docx"))
    answer = next(p for p in doc.paragraphs if draft.analys.systemfel.split("\n")[0][:30] in p.text)
    answer.runs[0].bold = True
    doc.save(str(tmp_path / "r.docx"))
    result = read_docx(tmp_path / "r.docx")
    assert any(line.startswith("Fetstil, färg, markering eller understrykning som lagts till i Word") for line in result.summary())
    assert result.draft == draft


@pytest.mark.parametrize(("cell", "typed"), [(0, "Åldersgrupp\nGäller hösten"), (1, "Kvinnor (varav 2 unga)")])
def test_text_typed_into_a_table_header_keeps_the_table_and_the_text(tmp_path: Path, cell: int, typed: str) -> None:
    from tests.forms import filled_draft

    name, draft = filled_draft("prov-alla")
    export_docx(draft, name, tmp_path / "r.docx")
    doc = docx.Document(str(tmp_path / "r.docx"))
    table = next(table for table in doc.tables if [cell.text for cell in table.rows[0].cells][1:2] == ["Kvinnor"])
    table.rows[0].cells[cell].text = typed
    doc.save(str(tmp_path / "r.docx"))
    result = read_docx(tmp_path / "r.docx")
    assert result.draft == draft
    assert typed.splitlines()[-1] in result.imported.note
    assert any("rubrikraden" in line for line in result.summary())


@pytest.mark.parametrize("form_id", ["gavleborg-slutrapport", "sjobygden-slutrapport", "prov-alla"])
def test_every_paragraph_added_anywhere_in_an_export_comes_back_in_the_draft_or_its_note(tmp_path: Path, form_id: str) -> None:
    """Random paragraphs inserted before, after and between the sections, into table cells and
    under tables: every inserted word is in a field or in the import note."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from tests.forms import filled_draft

    name, draft = filled_draft(form_id)
    export_docx(draft, name, tmp_path / "r.docx")
    blocks = len(list(docx.Document(str(tmp_path / "r.docx")).element.body.iterchildren()))

    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(st.tuples(st.integers(0, blocks - 2), st.booleans(), st.integers(0, 5)), min_size=1, max_size=4))
    def inserted(places: list[tuple[int, bool, int]]) -> None:
        doc = docx.Document(str(tmp_path / "r.docx"))
        body = list(doc.element.body.iterchildren())
        tokens = []
        for number, (index, into_cell, cell_index) in enumerate(places):
            token = f"Tilläggsord{number}x{index}q"
            tokens.append(token)
            element = body[index]
            cells = list(element.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tc"))
            if into_cell and cells:
                cell = cells[cell_index % len(cells)]
                cell.append(doc.add_paragraph(f"{token} i en cell")._p)
            else:
                element.addnext(doc.add_paragraph(f"{token} tillagd i Word")._p)
        doc.save(str(tmp_path / "ändrad.docx"))
        result = read_docx(tmp_path / "ändrad.docx")
        lost = [token for token in tokens if not _kept(result, token)]
        assert lost == [], (lost, result.summary())

    inserted()
