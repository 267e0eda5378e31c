# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A real word processor opens the exported document: LibreOffice renders and re-saves it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from finsam_desktop.document.export import export_docx
from finsam_desktop.reading.importer import read_docx
from finsam_desktop.sample import sample_report
from tests.conftest import need


def soffice(tmp_path: Path, target: str, source: Path) -> Path:
    """Convert ``source`` with LibreOffice (its own profile, so tests never share one)."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    need(binary is not None, "LibreOffice (Debian libreoffice-writer-nogui)")
    out = tmp_path / f"{target.split(':')[0]}-out"
    subprocess.run(
        [str(binary), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", target, "--outdir", str(out), str(source)],
        capture_output=True, check=True, timeout=180,
    )
    return out / f"{source.stem}.{target.split(':')[0]}"


def pdf_pages(pdf: Path) -> list[str]:
    need(shutil.which("pdftotext") is not None, "pdftotext (Debian poppler-utils)")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    name, draft = sample_report()
    path = tmp_path_factory.mktemp("lo") / "Slutrapport.docx"
    export_docx(draft, name, path)
    return path


def test_libreoffice_renders_the_report_with_page_numbers(exported: Path, tmp_path: Path) -> None:
    pages = pdf_pages(soffice(tmp_path, "pdf", exported))
    assert 4 <= len(pages) <= 7
    for number, page in enumerate(pages, start=1):
        footer = next(line for line in page.splitlines() if "ansöker." in line)
        assert "På www.finsamgavleborg.se kan du läsa mer om hur du ansöker." in footer
        assert footer.rstrip().endswith(f"Sida {number}({len(pages)})"), footer  # one line: text, then the number
    first = pages[0]
    for text in ["Slutrapport", "Insats för samverkansmedel", "Diarienummer", "Signatur", "Ankomstdatum",
                 "1. Allmänna uppgifter", "480 000 kr", "2024-01-15 – 2025-12-31", "070-174 06 42", "Kontakt"]:
        assert text in first
    everything = "\n".join(pages)
    assert "7.2 Beviljade medel är inte helt utnyttjade" in everything
    assert everything.index("3. Samverkansparter") < everything.index("8. Uppgiftslämnare")


def test_report_saved_again_by_libreoffice_reads_back_exactly(exported: Path, tmp_path: Path) -> None:
    resaved = soffice(tmp_path, "docx:MS Word 2007 XML", exported)
    assert resaved.read_bytes() != exported.read_bytes()
    result = read_docx(resaved)
    name, draft = sample_report()
    assert (result.source, result.name, result.draft) == ("inbäddat", name, draft)
