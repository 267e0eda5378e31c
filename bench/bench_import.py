# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Reading a report back: an export with its embedded draft, and one filled in by hand.

The floor for an export is what any reader must do: parse the document's XML and the draft
it carries. A hand-filled report has no draft, so its floor is the XML parse alone."""

from __future__ import annotations

import base64
import json
import tempfile
import zipfile
from pathlib import Path

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from bench.maximal import maximal_draft
from bench.runner import Benchmark
from finsam_desktop.document.embedded import ROOT_TAG
from finsam_desktop.document.export import export_docx
from finsam_desktop.reading.importer import read_docx
from finsam_desktop.sample import sample_report


def _parse_xml(path: Path) -> None:
    with zipfile.ZipFile(path) as package:
        etree.fromstring(package.read("word/document.xml"))


def _parse_xml_and_draft(path: Path) -> None:
    with zipfile.ZipFile(path) as package:
        etree.fromstring(package.read("word/document.xml"))
        for name in package.namelist():
            if name.startswith("customXml/item") and "Props" not in name:
                root = etree.fromstring(package.read(name))
                if root.tag == ROOT_TAG:
                    json.loads(base64.b64decode(root.text or ""))


def _hand_filled(folder: Path) -> Path:
    """The example report as a document without the app's copy: read from its text alone."""
    name, draft = sample_report()
    export_docx(draft, name, folder / "export.docx")
    document = docx.Document(str(folder / "export.docx"))
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == RT.CUSTOM_XML:
            del document.part.rels[rel_id]
    document.save(str(folder / "för hand.docx"))
    return folder / "för hand.docx"


def benchmarks() -> list[Benchmark]:
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    export_docx(maximal_draft(), "Maximal", folder / "maximal.docx")
    maximal, by_hand = folder / "maximal.docx", _hand_filled(folder)
    return [
        Benchmark(
            "import maximal exported report",
            lambda: read_docx(maximal),
            "lxml parse + json.loads of its draft",
            lambda: _parse_xml_and_draft(maximal),
            repeats=5,
        ),
        Benchmark(
            "import hand-filled example report",
            lambda: read_docx(by_hand),
            "lxml parse of its XML",
            lambda: _parse_xml(by_hand),
        ),
    ]
