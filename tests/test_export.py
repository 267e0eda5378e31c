# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The exported Word document: the form's layout, the draft's values, the page furniture."""

from __future__ import annotations

import getpass
import re
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.shared import Twips

from bench.maximal import maximal_draft
from finsam_desktop.document.export import ExportError, docx_bytes, export_docx, export_message
from finsam_desktop.document.filename import suggested_filename
from finsam_desktop.document.structure import build_document, plain_text, shown_value
from finsam_desktop.forms.kinds import ListSpec
from finsam_desktop.forms.kinds.numbers import KronorEntry
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.spec import load_form
from finsam_desktop.sample import sample_report
from tests.docx_text import body_lines, open_docx
from tests.drafting import at
from tests.gavleborg import Draft


def exported(draft: Draft, name: str = "Rapport"):  # type: ignore[no-untyped-def]
    return open_docx(docx_bytes(draft, name)[0])


def in_order(needles: list[str], lines: list[str]) -> list[str]:
    """The needles not found in ``lines`` in the given order (empty when all are)."""
    text, position, missing = "\n".join(lines), 0, []
    for needle in needles:
        found = text.find(needle, position)
        if found < 0:
            missing.append(needle)
        else:
            position = found + len(needle)
    return missing


def first_line(draft: Draft, path: FieldPath) -> str:
    """The first line of a value as printed: a bullet item loses its marker."""
    return re.sub(r"^[-•*] ", "", shown_value(draft, path).split("\n")[0])


def form_order(draft: Draft) -> list[str]:
    """Every label and every value the report must show, in the form's order."""
    form = load_form()
    expected: list[str] = [form.form.title, form.form.subtitle, *form.office_box.labels]
    for path, spec, section in form.fields():
        if (section.key == "samverkansparter" and not expected[-1].startswith("3.")) or section.fields[0] is spec:
            expected.append(section.heading)
        if isinstance(spec, ListSpec):
            expected.append(spec.heading if spec.number else spec.items[0].label)
            for index in range(len(at(draft, path))):
                expected += [first_line(draft, path.row(index).child(key)) for key, _item in spec.children()]
            continue
        expected.append(spec.heading)
        if spec.children():
            expected.append(" – ".join(shown_value(draft, path.child(key)) for key, _part in spec.children()))
        else:
            expected.append(first_line(draft, path))
    return [text for text in expected if text]


@pytest.mark.parametrize("which", ["sample", "maximal"])
def test_every_label_and_value_reads_back_in_order(which: str) -> None:
    draft = sample_report()[1] if which == "sample" else maximal_draft()
    lines = body_lines(exported(draft))
    contacts = load_form().forbund.contacts
    assert in_order(form_order(draft), lines) == []
    assert lines == plain_text(build_document(draft))
    assert f"{contacts[0].name}, {contacts[0].role}" in lines


def test_values_are_shown_the_swedish_way() -> None:
    draft = sample_report()[1]
    draft.allmant.beviljade_medel = KronorEntry(raw="480000:-")
    lines = body_lines(exported(draft))
    assert "480 000 kr" in lines and "452 300 kr" in lines
    assert "2024-01-15 – 2025-12-31" in lines
    assert "☐ 7.1 Beviljade medel är helt utnyttjade" in lines
    assert "☒ 7.2 Beviljade medel är inte helt utnyttjade" in lines
    draft.allmant.utnyttjade_medel = KronorEntry(raw="480 000")
    lines = body_lines(exported(draft))
    assert "☒ 7.1 Beviljade medel är helt utnyttjade" in lines
    assert "☐ 7.2 Beviljade medel är inte helt utnyttjade" in lines
    draft.allmant.utnyttjade_medel = KronorEntry(raw="505 000")
    lines = body_lines(exported(draft))
    assert "☒ 7.1 Beviljade medel är helt utnyttjade" in lines
    assert "☐ 7.2 Beviljade medel är inte helt utnyttjade" in lines


def test_office_box_is_there_and_empty() -> None:
    doc = exported(sample_report()[1])
    labels = list(load_form().office_box.labels)
    box = next(table for table in doc.tables if [cell.text for cell in table.rows[0].cells] == labels)
    assert [cell.text for cell in box.rows[1].cells] == ["", "", ""]
    assert len(box.rows) == 2


def test_free_text_keeps_paragraphs_line_breaks_and_lists() -> None:
    draft = sample_report()[1]
    draft.analys.erfarenheter = "Första stycket,\nmed radbrytning.\n\nAndra stycket:\n- punkt ett\n• punkt två\n* punkt tre\n\n1. först\n2. sedan"
    doc = exported(draft)
    paragraphs = [p for p in doc.paragraphs]
    start = next(i for i, p in enumerate(paragraphs) if p.text.startswith("Första stycket"))
    chunk = paragraphs[start : start + 7]
    assert [p.text for p in chunk] == [
        "Första stycket,\nmed radbrytning.", "Andra stycket:", "punkt ett", "punkt två", "punkt tre", "först", "sedan",
    ]
    assert [p.style.name for p in chunk[2:5]] == ["List Bullet"] * 3
    assert in_order(["1. först", "2. sedan"], body_lines(doc)) == []
    numbered = [p._p.pPr.numPr for p in chunk[5:]]
    assert all(each is not None for each in numbered), "a Word list, which Word renumbers"
    assert len({each.numId.val for each in numbered}) == 1


def test_numbers_that_do_not_run_on_stay_as_written() -> None:
    """A list a writer numbered 3, 4 starts at 3; one numbered 1, 3, 7 cannot be a Word list."""
    draft = sample_report()[1]
    draft.analys.erfarenheter = "3. tredje\n4. fjärde\n\nOch sedan:\n\n1. ett\n3. tre\n7. sju"
    doc = exported(draft)
    assert in_order(["3. tredje", "4. fjärde", "Och sedan:", "1. ett", "3. tre", "7. sju"], body_lines(doc)) == []
    texts = [p.text for p in doc.paragraphs]
    assert "tredje" in texts and "1.\tett" in texts and "7.\tsju" in texts


def test_help_texts_are_italic_and_headings_numbered() -> None:
    doc = exported(sample_report()[1])
    help_text = load_form().spec_at(FieldPath.parse("analys.brukarmedverkan")).help
    paragraph = next(p for p in doc.paragraphs if p.text == help_text)
    assert all(run.italic for run in paragraph.runs)
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == [section.heading for section in load_form().sections]


def test_a4_margins_font_and_footer_with_page_fields_on_every_page() -> None:
    doc = exported(sample_report()[1])
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 2) == 2.5
    assert doc.styles["Normal"].font.name == "Arial"
    assert len(doc.sections) == 1 and not section.different_first_page_header_footer
    footer = section.footer._element
    codes = [node.text.strip() for node in footer.iter(qn("w:instrText"))]
    assert codes == ["PAGE", "NUMPAGES"]
    footer_text = "\n".join(p.text for p in section.footer.paragraphs)
    assert "På www.finsamgavleborg.se kan du läsa mer om hur du ansöker." in footer_text
    assert "Sida 1(1)" in footer_text  # field placeholders; Word fills in the real numbers
    assert len(section.footer.paragraphs) == 1 and "ansöker.\tSida " in footer_text  # one line
    text_width = section.page_width - section.left_margin - section.right_margin
    stops = section.footer.paragraphs[0].style.paragraph_format.tab_stops
    assert len(stops) == 1 and abs(stops[0].position - text_width) <= Twips(1)  # not Letter paper's 4680/9360


def test_properties_are_the_reports_and_nothing_from_this_computer() -> None:
    data = docx_bytes(sample_report()[1], "Rapport")[0]
    doc = open_docx(data)
    properties = doc.core_properties
    assert properties.title == "Slutrapport – Steget före – samordnat stöd för unga vuxna i Ockelbo"
    assert properties.author == properties.last_modified_by == "Lena Sjöberg, enhetschef"
    assert properties.comments == "" and properties.language == "sv-SE"
    with zipfile.ZipFile(BytesIO(data)) as package:
        assert "docProps/thumbnail.jpeg" not in package.namelist()
        everything = b"".join(package.read(name) for name in package.namelist())
    assert b"python-docx" not in everything
    assert getpass.getuser().encode() not in everything.replace(b"rootElm", b"")  # the user name, if any
    assert str(Path.home()).encode() not in everything


def test_utkast_on_every_page_exactly_when_there_are_errors() -> None:
    draft = sample_report()[1]
    clean = exported(draft)
    assert all(not p.text for p in clean.sections[0].header.paragraphs)
    draft.analys.systemfel = ""
    marked = exported(draft)
    assert [p.text for p in marked.sections[0].header.paragraphs] == ["UTKAST – inte slutlig version"]
    assert docx_bytes(draft, "x")[1] is True and docx_bytes(sample_report()[1], "x")[1] is False


def test_characters_xml_cannot_hold_are_removed_from_the_document_only(tmp_path: Path) -> None:
    draft = sample_report()[1]
    draft.analys.systemfel = "Före\x0bvertikal tabb, \x07klocka, \ud83dhalvt tecken och 😀 hela.\x0c"
    draft.allmant.insatsens_namn += "\x01"
    before = draft.model_copy(deep=True)
    result = export_docx(draft, "Rapport", tmp_path / "r.docx")
    assert result.replaced_characters == 3  # the bell, the half surrogate and \x01; the breaks are kept as breaks
    assert "3 osynliga styrtecken" in " ".join(result.summary())
    assert draft == before
    lines = body_lines(open_docx(tmp_path / "r.docx"))
    assert "Före" in lines and "vertikal tabb, klocka, halvt tecken och 😀 hela." in lines


def test_suggested_file_name_is_safe_for_windows() -> None:
    draft = sample_report()[1]
    assert suggested_filename(draft) == (
        "Slutrapport – Steget före – samordnat stöd för unga vuxna i Ockelbo – Ockelbo kommun – 2026-02-10.docx"
    )
    draft.allmant.insatsens_namn = 'Trisam 2.0: "Vägen/vidare"?\n*Del 2*.'
    draft.ansvarig.organisation = "x" * 300
    name = suggested_filename(draft)
    assert not set(name) & set('<>:"/\\|?*\n')
    assert name.startswith("Slutrapport – Trisam 2.0 Vägen vidare Del 2 – xxx")
    assert len(name) <= 160
    assert suggested_filename(Draft()) == "Slutrapport.docx"


def test_export_errors_say_what_to_do(tmp_path: Path) -> None:
    locked = PermissionError(13, "Permission denied")
    assert export_message(Path("Slutrapport.docx"), locked) == (
        "”Slutrapport.docx” går inte att skriva över, troligen för att dokumentet är öppet. "
        "Stäng dokumentet i Word eller välj ett annat namn."
    )
    with pytest.raises(ExportError, match="Mappen för ”r.docx” finns inte"):
        export_docx(sample_report()[1], "x", tmp_path / "saknas" / "r.docx")
    assert [path.name for path in tmp_path.iterdir()] == ["data"]  # the test's data folder, nothing else


def test_word_knows_which_cells_are_headers() -> None:
    """Word's accessibility checker and a screen reader: labels beside their values are the
    first column's headers; a grid's (and the office box's) are its first row, repeated."""
    document = exported(sample_report()[1])
    looks = []
    for table in document.tables:
        look = table._tbl.tblPr.find(qn("w:tblLook"))
        first = (look.get(qn("w:firstRow")), look.get(qn("w:firstColumn")), look.get(qn("w:val")))
        repeated = table.rows[0]._tr.trPr is not None and table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        looks.append((table.rows[0].cells[0].text, first, repeated))
    assert ("Insatsens namn", ("0", "1", "0480"), False) in looks
    assert ("Mål", ("1", "0", "0420"), True) in looks
    assert ("Diarienummer", ("1", "0", "0420"), True) in looks
    assert all(first in (("0", "1", "0480"), ("1", "0", "0420")) for _, first, _ in looks)
