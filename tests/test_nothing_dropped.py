"""Nothing in a document is dropped without a word: line and page breaks, 5.1 written in
odd ways, text the reader cannot place, and what the förbund wrote in the office box."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from finsam_desktop.document.docx_reader import read_docx
from finsam_desktop.document.export import export_docx
from finsam_desktop.document.structure import build_document, plain_text
from finsam_desktop.drafts import ImportRecord
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
