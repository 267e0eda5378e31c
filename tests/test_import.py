# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Reading .docx files back: exported ones exactly, old hand-filled ones from their text."""

from __future__ import annotations

import base64
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from hypothesis import HealthCheck, given, settings

from finsam_desktop.document.errors import ImportFailed
from finsam_desktop.document.export import export_docx
from finsam_desktop.model import text_of
from finsam_desktop.reading.importer import read_docx
from finsam_desktop.sample import sample_report
from tests.drafting import at
from tests.gavleborg import Draft
from tests.mall_documents import EXPECTED, EXPECTED_PARTER, LAYOUTS
from tests.strategies import drafts


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(draft=drafts)
def test_any_exported_draft_imports_exactly(tmp_path: Path, draft: Draft) -> None:
    path = tmp_path / "r.docx"
    path.unlink(missing_ok=True)
    export_docx(draft, "Namn 😀\x0b", path)
    result = read_docx(path)
    assert (result.source, result.name, result.draft) == ("inbäddat", "Namn 😀\x0b", draft)
    read = read_docx(text_compared(path, tmp_path / "jämförd.docx"))
    assert (read.source, read.draft, read.changed, read.notes) == ("inbäddat", draft, [], [])


@pytest.mark.slow
def test_megabyte_answers_with_control_characters_import_exactly(tmp_path: Path) -> None:
    name, draft = sample_report()
    draft.analys.erfarenheter = ("Stycke med åäö 😀, tabb\t och vertikal tabb\x0b.\n\n" * 25_000)[:1_000_000]
    draft.resultat.mal[0].resultat = draft.analys.erfarenheter
    export_docx(draft, name, tmp_path / "stor.docx")
    assert read_docx(tmp_path / "stor.docx").draft == draft
    read = read_docx(text_compared(tmp_path / "stor.docx", tmp_path / "jämförd.docx"))
    assert (read.draft, read.changed) == (draft, [])


def text_compared(source: Path, target: Path) -> Path:
    """The export without the digest that vouches for it being untouched, as an export from
    before the digest: its visible text is read and compared field by field with the draft."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item)
            if item.filename.startswith("customXml/item") and b"<utkast" in data:
                data, removed = re.subn(rb' dokument="[0-9a-f]{64}"', b"", data)
                assert removed == 1
            copy.writestr(item, data)
    return target


def test_an_untouched_export_is_taken_whole_and_a_changed_draft_or_text_is_compared(tmp_path: Path) -> None:
    """The digest vouches for the document's text and the draft together: change either and
    the text is read and wins where it differs from the draft."""
    name, draft = sample_report()
    draft.analys.erfarenheter = "Erfarenheter skrivna i appen."
    export_docx(draft, name, tmp_path / "r.docx")
    assert read_docx(tmp_path / "r.docx").draft == draft
    with zipfile.ZipFile(tmp_path / "r.docx") as original:
        entries = {item.filename: original.read(item) for item in original.infolist()}
    part = next(name for name, data in entries.items() if name.startswith("customXml/item") and b"<utkast" in data)
    stored = base64.b64decode(re.search(rb">([A-Za-z0-9+/=]+)</utkast>", entries[part]).group(1))
    tampered = stored.replace(b"Erfarenheter skrivna i appen.", b"Skrivet bara i utkastet.")
    assert tampered != stored
    entries[part] = entries[part].replace(base64.b64encode(stored), base64.b64encode(tampered))
    with zipfile.ZipFile(tmp_path / "ändrat utkast.docx", "w") as copy:
        for entry, data in entries.items():
            copy.writestr(entry, data)
    read = read_docx(tmp_path / "ändrat utkast.docx")
    assert read.draft.analys.erfarenheter == draft.analys.erfarenheter  # the document's text wins
    assert read.changed and read.source == "inbäddat"


def without_embedded_draft(source: Path, target: Path) -> Path:
    """The document as a tool that drops our part would save it."""
    document = docx.Document(str(source))
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == RT.CUSTOM_XML:
            del document.part.rels[rel_id]
    document.save(str(target))
    return target


def test_without_the_embedded_draft_the_visible_text_is_read(tmp_path: Path) -> None:
    name, draft = sample_report()
    export_docx(draft, name, tmp_path / "r.docx")
    result = read_docx(without_embedded_draft(tmp_path / "r.docx", tmp_path / "utan.docx"))
    assert result.source == "text" and result.missing == []
    assert result.draft.allmant.beviljade_medel.value == draft.allmant.beviljade_medel.value
    for section in ["ansvarig", "samverkansparter", "insatsbeskrivning", "resultat", "analys", "ekonomi", "uppgiftslamnare"]:
        assert getattr(result.draft, section) == getattr(draft, section), section
    assert result.draft.allmant.insatstid == draft.allmant.insatstid


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.__name__ for layout in LAYOUTS])
def test_old_reports_in_the_malls_layouts_are_read(tmp_path: Path, layout: Callable[[Path], Path]) -> None:
    result = read_docx(layout(tmp_path / "gammal.docx"))
    assert result.source == "text"
    assert result.missing == []
    assert {path: text_of(at(result.draft, path)) for path in EXPECTED} == EXPECTED
    assert [row.organisation for row in result.draft.samverkansparter] == EXPECTED_PARTER
    assert [(goal.uppnatt, goal.mal[:8]) for goal in result.draft.resultat.mal] == [("Ja", "20 perso"), ("Delvis", "Hälften ")]
    assert result.draft.ansvarig.arbetsstalle == "Socialtjänsten,\nVuxenenheten"
    *paragraphs, intro, first, second = result.draft.insatsbeskrivning.syfte_bakgrund.split("\n")
    assert intro == "Insatsen ska samla parterna kring varje person:"
    assert [first[2:], second[2:]] == ["Tidig kartläggning tillsammans med individen", "Gemensam planering med vården"]
    assert first[:2] in {"• ", "- "} and paragraphs[-1] == ""
    assert "Hittade: Insatsens namn" in result.summary()[0]


def test_what_was_not_found_is_said(tmp_path: Path) -> None:
    document = docx.Document()
    for line in ["1. Allmänna uppgifter", "Insatsens namn", "Brobygget", "2. Ansvarig för genomförande av insatsen",
                 "Organisations namn", "Nordanstigs kommun", "8. Uppgiftslämnare", "Namn", "Alex Lind"]:
        document.add_paragraph(line)
    document.save(str(tmp_path / "kort.docx"))
    result = read_docx(tmp_path / "kort.docx")
    assert result.found == ["Insatsens namn", "Organisations namn", "Namn"]
    assert "4.1 Syfte och bakgrund till insatsen" in result.missing
    assert result.summary()[1].startswith("Hittade inte: Insatstid – åååå-mm-dd, Beviljade medel")


def test_a_foreign_document_is_not_a_slutrapport(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Protokoll från styrgruppsmöte", 1)
    document.add_paragraph("Närvarande: Kim, Alex och Sam. Mötet öppnades klockan nio.")
    document.save(str(tmp_path / "protokoll.docx"))
    with pytest.raises(ImportFailed, match="”protokoll.docx” ser inte ut som en slutrapport"):
        read_docx(tmp_path / "protokoll.docx")


@pytest.mark.parametrize("content", [b"inte ett dokument", b"PK\x03\x04trasig zip"])
def test_a_file_that_is_not_a_docx_says_so(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "rapport.docx").write_bytes(content)
    with pytest.raises(ImportFailed, match="”rapport.docx” är inte ett Word-dokument i formatet .docx"):
        read_docx(tmp_path / "rapport.docx")
