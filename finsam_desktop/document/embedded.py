# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The draft carried inside an exported .docx, so the report reads back exactly.

It is a custom XML part (the OOXML place for a program's own data, which Word and
LibreOffice keep when they save the document again) holding the draft file's bytes in
base64: XML cannot hold every character a draft may, and base64 can. Beside it, a digest of
the document's text part and the draft together: where both are still the export's bytes,
nobody changed anything and the draft is the whole answer, without reading the text.
"""

from __future__ import annotations

import base64
import hashlib
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from xml.etree import ElementTree
from zipfile import ZipFile

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

NAMESPACE = "urn:finsam-slutrapport:utkast"
ROOT_TAG = f"{{{NAMESPACE}}}utkast"
PROPS_NAMESPACE = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
DIGEST_ATTRIBUTE = "dokument"


@dataclass(frozen=True)
class Carried:
    """What an export carries: the draft file's bytes, and the digest it was exported with."""

    draft_json: bytes
    digest: str | None

    def unchanged(self, document_xml: bytes) -> bool:
        """Whether ``document_xml`` and the draft are byte for byte what the export wrote."""
        return self.digest is not None and self.digest == digest(document_xml, self.draft_json)


def digest(document_xml: bytes, draft_json: bytes) -> str:
    return hashlib.sha256(hashlib.sha256(document_xml).digest() + draft_json).hexdigest()


def attach(doc: DocxDocument, draft_json: bytes) -> None:
    """Add ``draft_json`` (a draft file's bytes) to ``doc`` as a custom XML part, with the
    digest of the finished document: attach last, nothing may change the text after it."""
    package = doc.part.package
    item_name = package.next_partname("/customXml/item%d.xml")
    item = Part(item_name, "application/xml", _item_xml(draft_json, digest(doc.part.blob, draft_json)), package)
    props_name = PackURI(item_name.replace("/item", "/itemProps"))
    props_xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<ds:datastoreItem ds:itemID="{{{str(uuid.uuid4()).upper()}}}" xmlns:ds="{PROPS_NAMESPACE}">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode()
    item.relate_to(Part(props_name, PROPS_TYPE, props_xml, package), RT.CUSTOM_XML_PROPS)
    doc.part.relate_to(item, RT.CUSTOM_XML)


def _item_xml(draft_json: bytes, signed: str | None) -> bytes:
    content = base64.b64encode(draft_json).decode("ascii")
    vouched = f' {DIGEST_ATTRIBUTE}="{signed}"' if signed else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<utkast xmlns="{NAMESPACE}" encoding="base64"{vouched}>{content}</utkast>'
    ).encode()


def replace(doc: DocxDocument, draft_json: bytes, untouched: bool) -> bool:
    """Put ``draft_json`` in place of the draft ``doc`` carries; the digest is renewed only
    for a document that was ``untouched`` since its export (it must never vouch for edits
    made in Word). False when the document carries no draft."""
    for rel in doc.part.rels.values():
        if rel.reltype == RT.CUSTOM_XML and not rel.is_external and _first_carried([rel.target_part.blob]) is not None:
            rel.target_part._blob = _item_xml(draft_json, digest(doc.part.blob, draft_json) if untouched else None)
            return True
    return False


def extract(doc: DocxDocument) -> Carried | None:
    """The embedded draft file's bytes and digest, or None when the document carries none."""
    parts = (rel.target_part.blob for rel in doc.part.rels.values() if rel.reltype == RT.CUSTOM_XML and not rel.is_external)
    return _first_carried(parts)


def extract_from(package: ZipFile) -> Carried | None:
    """The same, from the package's files, before python-docx has opened anything."""
    return _first_carried(package.read(name) for name in package.namelist() if _ITEM.fullmatch(name))


_ITEM = re.compile(r"customXml/item[0-9]+\.xml")


def _first_carried(parts: Iterable[bytes]) -> Carried | None:
    for blob in parts:
        try:
            root = ElementTree.fromstring(blob)
        except ElementTree.ParseError:
            continue
        if root.tag == ROOT_TAG and root.text:
            try:
                return Carried(base64.b64decode(root.text.strip(), validate=True), root.get(DIGEST_ATTRIBUTE))
            except ValueError:
                return None
    return None
