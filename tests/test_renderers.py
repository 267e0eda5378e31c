# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The Word document and Qt's rendering (preview, print, PDF) show the same text."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from pytestqt.qtbot import QtBot

from finsam_desktop.document.export import docx_bytes
from finsam_desktop.document.pdf_writer import write_pdf
from finsam_desktop.document.structure import build_document, plain_text
from finsam_desktop.sample import sample_report
from tests.conftest import need
from tests.docx_text import body_lines, open_docx
from ui.report_pdf import text_document


def qt_lines(report) -> list[str]:  # type: ignore[no-untyped-def]
    text = text_document(report).toPlainText()
    return [line.strip() for line in text.replace("\u2028", "\n").split("\n") if line.strip()]


def test_word_and_qt_show_the_same_text(qtbot: QtBot) -> None:
    name, draft = sample_report()
    draft.analys.systemfel = "Med lista:\n- ett\n- två\n\n1. först\n2. sedan\x0b"
    report = build_document(draft)
    word = body_lines(open_docx(docx_bytes(draft, name)[0]))
    assert qt_lines(report) == word == plain_text(report)


def pdf_text(path: Path, layout: bool = True) -> list[str]:
    """Each page's text: laid out in columns, or in the order it was drawn (``layout=False``)."""
    need(shutil.which("pdftotext") is not None, "pdftotext (Debian poppler-utils)")
    options = ["-layout"] if layout else ["-raw"]
    result = subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True, check=True)
    return result.stdout.split("\f")[:-1]


def test_qt_pdf_has_every_page_numbered_and_the_footer(qtbot: QtBot, tmp_path: Path) -> None:
    _, draft = sample_report()
    pages = write_pdf(build_document(draft), tmp_path / "r.pdf")
    texts = pdf_text(tmp_path / "r.pdf")
    assert pages == len(texts) >= 3
    for number, page in enumerate(texts, start=1):
        assert f"Sida {number}({pages})" in page
        assert "På www.finsamgavleborg.se kan du läsa mer om hur du ansöker." in page
        assert "UTKAST" not in page
    assert "1. Allmänna uppgifter" in texts[0] and "8. Uppgiftslämnare" in texts[-1]


def test_qt_pdf_of_a_report_with_errors_is_marked_on_every_page(qtbot: QtBot, tmp_path: Path) -> None:
    _name, draft = sample_report()
    draft.uppgiftslamnare.namn = ""
    write_pdf(build_document(draft), tmp_path / "r.pdf")
    pages = pdf_text(tmp_path / "r.pdf", layout=False)  # in drawing order: the mark is drawn as one line
    assert len(pages) >= 4 and all("UTKAST – inte slutlig version" in page for page in pages)
