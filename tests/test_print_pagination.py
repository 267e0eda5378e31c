# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The PDF paginates like the Word document: the same page geometry, headings never alone at
the foot of a page, every word on some page, and the same number of pages as LibreOffice's
rendering of the .docx, give or take one. It is tagged (PDF/UA-1) for screen readers."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import docx
import pdfua
import pikepdf
import pytest
from pytestqt.qtbot import QtBot

from bench.maximal import maximal_draft
from finsam_desktop.document.blocks import Paragraph
from finsam_desktop.document.export import export_docx
from finsam_desktop.document.pdf_writer import write_pdf
from finsam_desktop.document.structure import Heading, build_document, plain_text
from finsam_desktop.sample import sample_report
from tests.gavleborg import Draft
from tests.test_libreoffice import pdf_pages, soffice
from tests.test_renderers import pdf_text


def report(which: str) -> tuple[str, Draft]:
    return ("Maximal", maximal_draft()) if which == "maximal" else sample_report()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


@pytest.mark.parametrize("which", ["exempel", "maximal"])
def test_every_word_is_printed_and_no_heading_ends_a_page(qtbot: QtBot, tmp_path: Path, which: str) -> None:
    _, draft = report(which)
    document = build_document(draft)
    write_pdf(document, tmp_path / "r.pdf")
    pages = pdf_text(tmp_path / "r.pdf")
    printed = words(" ".join(pages))
    expected = words(" ".join(plain_text(document)))
    assert len(printed) >= len(expected), "nothing laid out is left unpainted"
    headings = {block.text for block in document.blocks if isinstance(block, Heading)}
    for number, page in enumerate(pages[:-1], start=1):
        lines = [line.strip() for line in page.split("\n") if line.strip()][:-1]  # without the footer line
        assert lines and lines[-1] not in headings, f"page {number} ends with the heading {lines[-1]!r}"


@pytest.mark.slow
@pytest.mark.parametrize("form_id", ["gavleborg-slutrapport", "sjobygden-slutrapport"])
def test_libreoffice_never_leaves_a_heading_or_label_alone_at_the_foot_of_a_page(tmp_path: Path, form_id: str) -> None:
    """Word's rendering as LibreOffice does it: a heading, a question's label or its help
    text is never the last line of a page ("8. Uppgiftslämnare" alone on page 5)."""
    name, draft = sample_report(form_id)
    document = build_document(draft)
    export_docx(draft, name, tmp_path / "r.docx")
    pages = pdf_pages(soffice(tmp_path, "pdf", tmp_path / "r.docx"))
    kept = {" ".join(block.text.split()) for block in document.blocks if isinstance(block, Heading)}
    kept |= {" ".join(block.text.split()) for block in document.blocks if isinstance(block, Paragraph) and block.style in ("label", "help")}
    for number, page in enumerate(pages[:-1], start=1):
        lines = [" ".join(line.split()) for line in page.split("\n") if line.strip()][:-1]  # without the footer line
        assert lines and lines[-1] not in kept, f"page {number} ends with {lines[-1]!r}"


@pytest.mark.slow
@pytest.mark.parametrize("which", ["exempel", "maximal"])
def test_the_pdf_has_as_many_pages_as_the_word_document(qtbot: QtBot, tmp_path: Path, which: str) -> None:
    name, draft = report(which)
    export_docx(draft, name, tmp_path / "r.docx")
    word_pages = len(pdf_pages(soffice(tmp_path, "pdf", tmp_path / "r.docx")))
    pdf_pages_count = write_pdf(build_document(draft), tmp_path / "r.pdf")
    print(f"\n{which}: Word document {word_pages} pages (LibreOffice), PDF {pdf_pages_count} pages")
    assert abs(word_pages - pdf_pages_count) <= 1


def roles(element: pikepdf.Object) -> Iterator[tuple[str, pikepdf.Dictionary]]:
    """Every structure element under ``element``, with its role, in reading order."""
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield str(kid.S), kid
            yield from roles(kid)


def test_the_pdf_is_tagged_accessible_and_in_swedish(tmp_path: Path) -> None:
    _, draft = sample_report()
    write_pdf(build_document(draft), tmp_path / "r.pdf")
    info = subprocess.run(["pdfinfo", str(tmp_path / "r.pdf")], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Tagged:\s+yes", info)
    assert re.search(r"Title:\s+Slutrapport – Steget före – samordnat stöd för unga vuxna i Ockelbo", info)
    with pikepdf.open(tmp_path / "r.pdf") as pdf:
        assert pdf.Root.Lang == "sv-SE"
        found = {role for role, _ in roles(pdf.Root.StructTreeRoot)}
    assert {"/H1", "/H2", "/Table", "/TH", "/L"} <= found


@pytest.mark.parametrize("form_id", ["gavleborg-slutrapport", "sjobygden-slutrapport"])
def test_every_label_is_a_row_header_and_the_pdfua_checker_finds_nothing(tmp_path: Path, form_id: str) -> None:
    """A screen reader hears "Postnummer" with "824 30" (UA-15-003: four tables had no header
    cells): the label column is TH with Scope Row, and each value names its label."""
    _, draft = sample_report(form_id)
    write_pdf(build_document(draft), tmp_path / "r.pdf")
    report = pdfua.validate(str(tmp_path / "r.pdf"))
    assert [(finding.rule_id, finding.message) for finding in report.findings] == []
    # pdfua 0.1.3 cannot read pikepdf 10's arrays in its empty-heading rule; every other rule ran.
    assert {outcome.rule_id for outcome in report.skipped} <= {"UA-14-001"}
    with pikepdf.open(tmp_path / "r.pdf") as pdf:
        ids = pikepdf.NameTree(pdf.Root.StructTreeRoot.IDTree)
        tables = [table for role, table in roles(pdf.Root.StructTreeRoot) if role == "/Table"]
        labelled = 0
        for table in tables:
            rows = [[cell for role, cell in roles(row) if role in ("/TD", "/TH")] for role, row in roles(table) if role == "/TR"]
            if any(str(cell.S) == "/TH" and table_attribute(cell, "/Scope") == "/Column" for row in rows for cell in row):
                continue
            for label, value in rows:
                assert (str(label.S), table_attribute(label, "/Scope")) == ("/TH", "/Row")
                assert [str(name) for name in table_attribute(value, "/Headers")] == [str(label.ID)]
                assert ids[str(label.ID)].objgen == label.objgen
                labelled += 1
    assert labelled >= 6, "the contact and insats tables have their labels"


def table_attribute(cell: pikepdf.Dictionary, key: str) -> object:
    for attributes in cell.A:
        if attributes.get("/O") == pikepdf.Name.Table:
            found = attributes.get(key)
            return str(found) if isinstance(found, pikepdf.Name) else found
    return None


def test_typed_text_is_never_read_as_typst_markup(tmp_path: Path) -> None:
    _, draft = sample_report()
    draft.analys.systemfel = '#set page(width: 1cm) *fet* _kursiv_ $x$ @ref <label> "citat" \\ [hakar] // kommentar'
    pages = write_pdf(build_document(draft), tmp_path / "r.pdf")
    assert pages >= 4
    text = " ".join(pdf_text(tmp_path / "r.pdf", layout=False))
    assert '#set page(width: 1cm) *fet* _kursiv_ $x$ @ref <label> "citat" \\ [hakar] // kommentar' in text


LONG_ADDRESS = "kontaktperson.for.insatsagaren.inom.arbetsmarknadsenheten@hudiksvalls-kommun.se"
PAGE_RIGHT = 595.28 - 25 / 25.4 * 72  # A4's width less its right margin, in points


@pytest.mark.parametrize("form_id", ["gavleborg-slutrapport", "sjobygden-slutrapport"])
def test_a_long_email_address_breaks_inside_its_cell_and_is_a_link(tmp_path: Path, form_id: str) -> None:
    """A 79-character address in Gävleborg's contact field and in the variant's members
    table: every piece of it inside the page's text area, and mailto: a link, as in Word."""
    _name, draft = sample_report(form_id)
    if form_id == "gavleborg-slutrapport":
        draft.ansvarig.epost = LONG_ADDRESS
    else:
        draft.medlemmar[0].epost = LONG_ADDRESS
    write_pdf(build_document(draft), tmp_path / "r.pdf")
    boxes = subprocess.run(["pdftotext", "-bbox", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    right_edges = [float(edge) for edge in re.findall(r'<word xMin="[0-9.]+" yMin="[0-9.]+" xMax="([0-9.]+)"', boxes)]
    assert right_edges and max(right_edges) <= PAGE_RIGHT + 1, max(right_edges)
    words_of_address = re.findall(r">([^<]*hudiksvalls[^<]*)<", boxes)
    assert words_of_address, "the address is printed"
    links = subprocess.run(["pdfinfo", "-url", str(tmp_path / "r.pdf")], capture_output=True, text=True, check=True).stdout
    assert f"mailto:{LONG_ADDRESS}" in links


def test_a_web_address_of_a_hundred_thousand_characters_is_printed_as_text(tmp_path: Path) -> None:
    """Pasted junk that looks like an address: no link (Typst refuses one over 8 000 characters,
    which failed the whole PDF), every character still printed, in Word as well."""
    _name, draft = sample_report()
    junk = "www." + "a." * 50_000 + "se"
    draft.analys.systemfel = f"Se {junk} nu."
    assert write_pdf(build_document(draft), tmp_path / "r.pdf") >= 4
    links = subprocess.run(["pdfinfo", "-url", str(tmp_path / "r.pdf")], capture_output=True, text=True, check=True).stdout
    assert "aaaa" not in links.replace(".", "")
    export_docx(draft, "Skräp", tmp_path / "r.docx")
    assert junk in "".join(paragraph.text for paragraph in docx.Document(str(tmp_path / "r.docx")).paragraphs)
