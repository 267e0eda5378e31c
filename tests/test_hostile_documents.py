# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Hostile and odd Word documents: each refused in seconds with a Swedish message, never a
traceback or gigabytes of memory; what can be read is read, and what was not is said."""

from __future__ import annotations

import base64
import json
import re
import time
import tracemalloc
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement

from finsam_desktop.document.errors import ImportFailed
from finsam_desktop.document.export import export_docx
from finsam_desktop.document.filename import suggested_filename
from finsam_desktop.drafts import encode
from finsam_desktop.reading.importer import read_docx
from finsam_desktop.reading.ooxml import paragraph_text
from finsam_desktop.sample import sample_report
from tests.gavleborg import Draft
from tests.test_import import without_embedded_draft

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def package(path: Path, document_xml: bytes | None = None, bomb_megabytes: int = 0) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        if document_xml is not None:
            archive.writestr("word/document.xml", document_xml)
        if bomb_megabytes:
            with archive.open("word/media/bomb.bin", "w") as bomb:
                chunk = bytes(2**20)
                for _ in range(bomb_megabytes):
                    bomb.write(chunk)
    return path


def refused_quickly(path: Path, expected: str) -> None:
    start = time.perf_counter()
    tracemalloc.start()  # Python's own allocations, on every platform: an unpacked bomb is bytes
    try:
        with pytest.raises(ImportFailed) as refused:
            read_docx(path)
        grown_mib = tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()
    assert re.search(expected, str(refused.value)), str(refused.value)
    assert time.perf_counter() - start < 30, "refused in seconds"  # a bound on a hang, not a benchmark
    assert grown_mib < 200, f"memory grew by {grown_mib:.0f} MiB"


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    refused_quickly(package(tmp_path / "bomb.docx", b"<x/>", bomb_megabytes=300), "orimligt mycket")


def test_malformed_xml_and_billion_laughs_get_a_message(tmp_path: Path) -> None:
    refused_quickly(package(tmp_path / "trasig.docx", b"<w:document xmlns:w='x'><w:body><w:p>"), "skadat|inte ett Word")
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode() for i in range(1, 10))
        + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;'
        b"</w:t></w:r></w:p></w:body></w:document>"
    )
    refused_quickly(package(tmp_path / "skratt.docx", laughs), "skadat|inte ut som en slutrapport")


def test_a_password_protected_or_old_doc_a_folder_and_an_unreadable_file_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)
    (tmp_path / "hemlig.docx").write_bytes(ole + "EncryptedPackage".encode("utf-16-le") + bytes(500))
    refused_quickly(tmp_path / "hemlig.docx", "”hemlig.docx” är lösenordsskyddat. Öppna det i Word och spara en kopia utan lösenord.")
    (tmp_path / "gammal.docx").write_bytes(ole + bytes(2000))
    refused_quickly(tmp_path / "gammal.docx", r"äldre Word-dokument \(\.doc\)")
    (tmp_path / "mapp.docx").mkdir()
    refused_quickly(tmp_path / "mapp.docx", "”mapp.docx” är en mapp")
    locked = tmp_path / "låst.docx"
    locked.write_bytes(b"PK")
    real_open = Path.open

    def no_permission(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", no_permission)  # root can read anything, so the refusal is simulated
    refused_quickly(locked, "Du saknar behörighet att läsa ”låst.docx”")


def with_embedded(source: Path, target: Path, content: bytes) -> Path:
    """The exported document with its embedded draft replaced by ``content``."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in original.infolist():
            data = original.read(item)
            if item.filename.startswith("customXml/item") and b"urn:finsam-slutrapport:utkast" in data:
                data = re.sub(rb">[A-Za-z0-9+/=]+<", b">" + base64.b64encode(content) + b"<", data)
            copy.writestr(item, data)
    return target


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "Den inbäddade kopian av utkastet är skadad, så texten lästes från dokumentet."),
        (encode("", Draft()).replace(b'"name": ""', b'"name": ' + b"9" * 50_000), "Den inbäddade kopian av utkastet är skadad"),
        (json.dumps({"format": "finsam-slutrapport-utkast", "schema_version": 99}).encode(), "skapat med en nyare version"),
    ],
    ids=["nested", "huge-number", "newer"],
)
def test_a_damaged_or_newer_embedded_draft_is_named_and_the_text_read(tmp_path: Path, content: bytes, said: str) -> None:
    name, draft = sample_report()
    export_docx(draft, name, tmp_path / "r.docx")
    result = read_docx(with_embedded(tmp_path / "r.docx", tmp_path / "fel.docx", content))
    assert result.source == "text"
    assert any(said in line for line in result.summary()), result.summary()
    assert result.draft.analys == draft.analys


def test_text_in_content_controls_and_tracked_insertions_is_read_and_deleted_text_not(tmp_path: Path) -> None:
    name, draft = sample_report()
    export_docx(draft, name, tmp_path / "r.docx")
    path = without_embedded_draft(tmp_path / "r.docx", tmp_path / "utan.docx")
    doc = docx.Document(str(path))
    first = draft.insatsbeskrivning.syfte_bakgrund.split("\n\n")[0]
    paragraph = next(p for p in doc.paragraphs if paragraph_text(p._p) == first)
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    paragraph._p.addprevious(sdt)
    sdt.append(content)
    content.append(paragraph._p)  # the first paragraph of 4.1 inside a content control
    erfarenhet = next(p for p in doc.paragraphs if paragraph_text(p._p) == draft.analys.erfarenheter.split("\n\n")[0])
    inserted = OxmlElement("w:ins")
    for run in erfarenhet.runs:
        inserted.append(run._r)  # the whole paragraph typed with Spåra ändringar on
    erfarenhet._p.append(inserted)
    deleted, run, text = OxmlElement("w:del"), OxmlElement("w:r"), OxmlElement("w:delText")
    text.text = " Bortstruken mening."
    run.append(text)
    deleted.append(run)
    erfarenhet._p.append(deleted)
    doc.save(str(path))
    result = read_docx(path)
    assert result.draft.insatsbeskrivning.syfte_bakgrund == draft.insatsbeskrivning.syfte_bakgrund
    assert result.draft.analys.erfarenheter == draft.analys.erfarenheter
    assert "Dokumentet har spårade ändringar" in " ".join(result.summary())


def test_export_file_names_lose_invisible_characters_and_are_capped_in_bytes() -> None:
    _, draft = sample_report()
    draft.allmant.insatsens_namn = "Rapport\u202excod.exe\u200b med\u2066 dolt"
    assert suggested_filename(draft).startswith("Slutrapport – Rapportxcod.exe med dolt – ")
    draft.allmant.insatsens_namn = "å" * 200
    draft.ansvarig.organisation = "ö" * 200
    name = suggested_filename(draft)
    assert len(name.removesuffix(".docx").encode("utf-8")) <= 150 and name.endswith(".docx")
    name.encode("utf-8")  # whole characters only


def test_a_bomb_inside_the_document_xml_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "xmlbomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        with archive.open("word/document.xml", "w") as document:
            document.write(b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'><w:body>")
            for _ in range(100):
                document.write(b"<w:p/>" * 200_000)
    refused_quickly(path, "orimligt mycket")
