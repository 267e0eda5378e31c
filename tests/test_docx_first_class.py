# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The exported .docx is a document Word treats as its own: valid against the OOXML schema
(Open XML SDK's rules), not in compatibility mode, in Swedish, not claiming to be spell-checked
or written on a Mac, with e-mail and web addresses as links."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openxml_audit import FileFormat, OpenXmlValidator

from bench.maximal import maximal_draft
from finsam_desktop.document.export import export_docx
from finsam_desktop.drafts import ImportRecord
from finsam_desktop.sample import sample_report
from tests.gavleborg import Draft


def exported(tmp_path: Path, which: str) -> Path:
    name, draft = sample_report()
    imported = ImportRecord()
    if which == "maximal":
        draft = maximal_draft()
    elif which == "utkast":
        draft = Draft()
    elif which == "registrerad":
        imported = ImportRecord(office={"Diarienummer": "SFG 22-3.10", "Signatur": "PL"})
    path = tmp_path / f"{which}.docx"
    export_docx(draft, name, path, imported)
    return path


@pytest.mark.parametrize("which", ["exempel", "maximal", "utkast", "registrerad"])
def test_every_exported_document_is_valid_ooxml(tmp_path: Path, which: str) -> None:
    result = OpenXmlValidator(file_format=FileFormat.OFFICE_2019, max_errors=50).validate(str(exported(tmp_path, which)))
    assert result.is_valid, [f"{error.description} ({getattr(error, 'part_uri', '')})" for error in result.errors]


def test_word_opens_it_as_a_current_swedish_document_not_yet_proofread(tmp_path: Path) -> None:
    with zipfile.ZipFile(exported(tmp_path, "exempel")) as package:
        settings = package.read("word/settings.xml").decode("utf-8")
        styles = package.read("word/styles.xml").decode("utf-8")
        app = package.read("docProps/app.xml").decode("utf-8")
        names = package.namelist()
        document = package.read("word/document.xml").decode("utf-8")
        rels = package.read("word/_rels/document.xml.rels").decode("utf-8")
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings
    assert "proofState" not in settings, "Word must check the spelling itself"
    assert '<w:themeFontLang w:val="sv-SE"' in settings
    assert '<w:lang w:val="sv-SE" w:eastAsia="sv-SE"' in styles.split("</w:docDefaults>")[0]
    assert "Macintosh" not in app and "<Pages>" not in app and "<Words>" not in app
    assert "word/stylesWithEffects.xml" not in names
    assert "mailto:kontakt@finsamgavleborg.se" in rels and "<w:hyperlink" in document


def test_a_list_in_a_goal_is_a_real_word_list_and_reads_back(tmp_path: Path) -> None:
    from docx import Document

    from finsam_desktop.reading.importer import read_docx
    from tests.test_import import without_embedded_draft

    name, draft = sample_report()
    draft.resultat.mal[0].resultat = "Tre delar:\n- samtal\n- plan\n- uppföljning"
    export_docx(draft, name, tmp_path / "r.docx")
    goals = next(table for table in Document(str(tmp_path / "r.docx")).tables if table.rows[0].cells[0].text.strip() == "Mål")
    cell = goals.rows[1].cells[1]
    assert [(p.style.name, p.text) for p in cell.paragraphs] == [
        ("Normal", "Tre delar:"), ("List Bullet", "samtal"), ("List Bullet", "plan"), ("List Bullet", "uppföljning")
    ]
    text_only = read_docx(without_embedded_draft(tmp_path / "r.docx", tmp_path / "utan.docx"))
    assert text_only.draft.resultat.mal[0].resultat == "Tre delar:\n- samtal\n- plan\n- uppföljning"
