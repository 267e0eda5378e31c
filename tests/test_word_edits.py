# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A report edited in Word after the export comes back with the edits: what the document says
wins, field by field, and the user is told which fields changed. Untouched fields come back
exactly as exported (raw text, control characters and all)."""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from finsam_desktop.document.export import export_docx
from finsam_desktop.reading.importer import read_docx
from finsam_desktop.reading.ooxml import paragraph_text
from finsam_desktop.sample import sample_report
from tests.conftest import need

UNTOUCHED = "Erfarenhet med vertikal tabb\x0b och åäö 😀 – skriven i appen."


def exported(tmp_path: Path) -> tuple[Path, object]:
    name, draft = sample_report()
    draft.analys.framgangsfaktorer = UNTOUCHED  # must come back exactly, control character included
    path = tmp_path / "rapport.docx"
    export_docx(draft, name, path)
    return path, draft


def paragraph_starting(doc: DocxDocument, start: str) -> Paragraph:
    for paragraph in doc.paragraphs:
        if paragraph_text(paragraph._p).startswith(start):
            return paragraph
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    if paragraph_text(paragraph._p).startswith(start):
                        return paragraph
    raise AssertionError(f"no paragraph starts with {start!r}")


def set_text(paragraph: Paragraph, text: str) -> None:
    """Replace a paragraph's text as Word does: the first run keeps its formatting."""
    runs = paragraph.runs
    for run in runs[1:]:
        run._r.getparent().remove(run._r)
    runs[0].text = text


def add_paragraph_after(paragraph: Paragraph, text: str) -> None:
    new = copy.deepcopy(paragraph._p)
    paragraph._p.addnext(new)
    set_text(Paragraph(new, paragraph._parent), text)


def test_four_edits_made_in_word_come_back_and_are_named(tmp_path: Path) -> None:
    path, draft = exported(tmp_path)
    doc = docx.Document(str(path))
    first = draft.analys.erfarenheter.split("\n\n")  # 6.1, three paragraphs
    set_text(paragraph_starting(doc, first[0][:40]), "Ändrad i Word av kollegan.")
    add_paragraph_after(paragraph_starting(doc, draft.analys.systemfel[:40]), "Ett nytt stycke från Word.")
    delete = paragraph_starting(doc, draft.insatsbeskrivning.malgrupp.split("\n\n")[-1][:40])
    delete._p.getparent().remove(delete._p)
    set_text(paragraph_starting(doc, "452 300 kr"), "600 000 kr")
    doc.save(str(path))

    result = read_docx(path)
    assert result.source == "inbäddat"
    assert result.changed == [
        "1. Utnyttjade medel",
        "4.2 Målgrupp för insatsen",
        "6.1 Beskriv tillvaratagna erfarenheter och lärdomar från insatsen",
        "6.5 Beskriv identifierade systemfel som påverkat insatsens resultat",
    ]
    assert result.summary()[0] == f"Ändrat i Word sedan exporten: {', '.join(result.changed)}."
    assert result.draft.allmant.utnyttjade_medel.raw == "600 000 kr"
    assert result.draft.analys.erfarenheter == "\n\n".join(["Ändrad i Word av kollegan.", *first[1:]])
    systemfel = draft.analys.systemfel.split("\n\n")
    assert result.draft.analys.systemfel == "\n\n".join([systemfel[0], "Ett nytt stycke från Word.", *systemfel[1:]])
    assert result.draft.insatsbeskrivning.malgrupp == "\n\n".join(draft.insatsbeskrivning.malgrupp.split("\n\n")[:-1])
    assert result.draft.analys.framgangsfaktorer == UNTOUCHED, "untouched fields keep their exact text"
    assert result.draft.resultat == draft.resultat


def test_a_goals_uppnatt_and_a_new_samverkanspart_are_taken_from_the_document(tmp_path: Path) -> None:
    path, draft = exported(tmp_path)
    doc = docx.Document(str(path))
    goals = next(table for table in doc.tables if table.rows[0].cells[0].text.strip() == "Mål")
    set_text(goals.rows[2].cells[2].paragraphs[0], "Ja")  # goal 2 was Delvis
    add_paragraph_after(paragraph_starting(doc, "Arbetsförmedlingen"), "Hudiksvalls kommun")
    doc.save(str(path))
    result = read_docx(path)
    assert result.changed == ["3. Samverkansparter", "5.1 Måluppfyllelse"]
    assert [goal.uppnatt for goal in result.draft.resultat.mal] == ["Ja", "Ja", "Ja"]
    assert result.draft.resultat.mal[0] == draft.resultat.mal[0] and result.draft.resultat.mal[2] == draft.resultat.mal[2]
    assert [p.organisation for p in result.draft.samverkansparter][2:4] == ["Arbetsförmedlingen", "Hudiksvalls kommun"]


def test_words_own_run_splitting_and_proofing_marks_are_no_edit(tmp_path: Path) -> None:
    path, draft = exported(tmp_path)
    doc = docx.Document(str(path))
    for paragraph in doc.paragraphs:
        for run in list(paragraph.runs):
            text = run.text
            if len(text) < 10 or "\n" in text or "\t" in text:
                continue
            run.text = text[:5]
            tail = copy.deepcopy(run._r)
            run._r.addnext(tail)
            tail.text = text[5:]  # type: ignore[attr-defined]
            proof = OxmlElement("w:proofErr")
            proof.set(qn("w:type"), "spellStart")
            run._r.addnext(proof)
    doc.save(str(path))
    result = read_docx(path)
    assert result.summary() == ["Hela utkastet lästes in från dokumentet."]
    assert result.draft == draft


def tracked(paragraph: Paragraph, inserted: str, deleted: str) -> None:
    """Word's tracked changes: an insertion and a deletion not yet accepted."""
    for tag, text, text_tag in (("w:ins", inserted, "w:t"), ("w:del", deleted, "w:delText")):
        change = OxmlElement(tag)
        change.set(qn("w:id"), "1")
        change.set(qn("w:author"), "Kollega")
        run, piece = OxmlElement("w:r"), OxmlElement(text_tag)
        piece.text = text
        piece.set(qn("xml:space"), "preserve")
        run.append(piece)
        change.append(run)
        paragraph._p.append(change)


def test_tracked_changes_count_as_accepted_and_are_mentioned_and_comments_too(tmp_path: Path) -> None:
    path, draft = exported(tmp_path)
    doc = docx.Document(str(path))
    paragraph = paragraph_starting(doc, draft.analys.brukarmedverkan[:40])
    before = paragraph_text(paragraph._p)
    tracked(paragraph, " Tillagt av kollegan.", " Struket av kollegan.")
    doc.add_comment(paragraph.runs[0], text="Kan vi korta detta?", author="Kollega")
    doc.save(str(path))
    result = read_docx(path)
    assert result.changed == ["6.3 Brukarmedverkan"]
    assert before + " Tillagt av kollegan." in result.draft.analys.brukarmedverkan
    assert "Struket" not in result.draft.analys.brukarmedverkan
    assert "Dokumentet har spårade ändringar som inte är godkända: tillagd text är med, borttagen text är inte med." in result.summary()
    assert "Dokumentet har kommentarer. De är inte med i utkastet." in result.summary()


def libreoffice_resave(source: Path, folder: Path) -> Path:
    folder.mkdir()
    subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder), str(source)],
                   check=True, capture_output=True, timeout=180)
    return folder / source.name


def test_after_libreoffice_saved_it_the_edits_and_only_they_are_found(tmp_path: Path) -> None:
    need(shutil.which("soffice") is not None, "LibreOffice")
    path, draft = exported(tmp_path)
    untouched = read_docx(libreoffice_resave(path, tmp_path / "lo1"))
    assert untouched.changed == [] and untouched.draft == draft
    doc = docx.Document(str(path))
    set_text(paragraph_starting(doc, "452 300 kr"), "600 000 kr")
    doc.save(str(path))
    result = read_docx(libreoffice_resave(path, tmp_path / "lo2"))
    assert result.changed == ["1. Utnyttjade medel"]
    assert result.draft.allmant.utnyttjade_medel.raw == "600 000 kr"
    assert result.draft.analys.framgangsfaktorer == UNTOUCHED


ANSWERS = ["insatsbeskrivning.syfte_bakgrund", "resultat.arbetssatt", "analys.erfarenheter", "analys.systemfel"]
NEW_TEXT = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöÅÄÖ ,", min_size=3, max_size=80).map(str.strip).filter(
    lambda text: len(text) >= 3 and text[0].isalpha()
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(ANSWERS), paragraph=st.integers(0, 1), text=NEW_TEXT)
def test_any_edit_of_a_visible_answer_comes_back_exactly(tmp_path: Path, field: str, paragraph: int, text: str) -> None:
    name, draft = sample_report()
    path = tmp_path / "r.docx"
    path.unlink(missing_ok=True)
    export_docx(draft, name, path)
    section, key = field.split(".")
    paragraphs = getattr(getattr(draft, section), key).split("\n\n")
    plain = [number for number, text in enumerate(paragraphs) if "\n" not in text]  # not a list
    index = plain[min(paragraph, len(plain) - 1)]
    doc = docx.Document(str(path))
    set_text(paragraph_starting(doc, paragraphs[index][:40]), "Nu " + text)
    doc.save(str(path))
    paragraphs[index] = "Nu " + text
    result = read_docx(path)
    assert getattr(getattr(result.draft, section), key) == "\n\n".join(paragraphs)
    assert len(result.changed) == 1
