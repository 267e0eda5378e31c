# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Opening a .docx safely: only a plain file, no encrypted or oddly packed entries, nothing
that would unpack to far more than a report, and a Swedish message for each refusal."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from finsam_desktop.document.errors import ImportFailed

MAX_DOCX_BYTES = 100 * 2**20  # a report with photos is tens of MB
MAX_UNPACKED_BYTES = 160 * 2**20  # everything is read into memory; a report with photos is tens of MB
MAX_XML_BYTES = 64 * 2**20  # each XML part is parsed: a million-character answer is about 10 MB
MAX_PARTS = 2000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc are OLE files
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def check_package(path: Path) -> None:
    """Refuse, before anything is unpacked, what is not a .docx or would unpack to too much.
    Only a plain file is opened: a FIFO, a device or a socket would block or never end."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            raise ImportFailed(f"”{path.name}” är ingen vanlig fil och kan inte vara ett Word-dokument.")
        if info.st_size > MAX_DOCX_BYTES:
            raise ImportFailed(
                f"”{path.name}” är {info.st_size // 2**20} MB, större än en slutrapport kan vara "
                f"(högst {MAX_DOCX_BYTES // 2**20} MB), och läses inte."
            )
        with path.open("rb") as file:
            head = file.read(len(_OLE_MAGIC))
            if head == _OLE_MAGIC:
                encrypted = _ENCRYPTED_STREAM in file.read(8 * 2**20)
                raise ImportFailed(
                    f"”{path.name}” är lösenordsskyddat. Öppna det i Word och spara en kopia utan lösenord."
                    if encrypted
                    else f"”{path.name}” är ett äldre Word-dokument (.doc). Öppna det i Word och spara som .docx först."
                )
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
    except IsADirectoryError as error:
        raise ImportFailed(f"”{path.name}” är en mapp, inte ett Word-dokument.") from error
    except FileNotFoundError as error:
        raise ImportFailed(f"Filen ”{path.name}” finns inte.") from error
    except PermissionError as error:
        raise ImportFailed(
            f"Du saknar behörighet att läsa ”{path.name}”. Kopiera filen till en egen mapp och försök igen."
        ) from error
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ImportFailed(
            f"”{path.name}” är inte ett Word-dokument i formatet .docx. Öppna det i Word och spara som .docx först."
        ) from error
    if any(part.flag_bits & 0x1 for part in parts):  # legacy zip encryption
        raise ImportFailed(f"”{path.name}” är lösenordsskyddat. Öppna det i Word och spara en kopia utan lösenord.")
    if any(part.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) for part in parts):
        raise ImportFailed(
            f"”{path.name}” är packat på ett sätt som Word inte använder och kan inte läsas. "
            "Öppna det i Word eller LibreOffice och spara det som .docx igen."
        )
    unpacked = sum(part.file_size for part in parts)
    huge_xml = any(part.file_size > MAX_XML_BYTES for part in parts if part.filename.endswith((".xml", ".rels")))
    if len(parts) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES or huge_xml:
        raise ImportFailed(
            f"”{path.name}” skulle packas upp till orimligt mycket ({unpacked // 2**20} MB i {len(parts)} delar) "
            "och läses inte. Det är inte en vanlig slutrapport."
        )


def open_docx(path: Path) -> DocxDocument:
    check_package(path)
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.LxmlError, RecursionError) as error:
        raise ImportFailed(
            f"”{path.name}” är skadat och kan inte läsas som ett Word-dokument. Öppna det i Word och spara det igen."
        ) from error
    except (OSError, RuntimeError, NotImplementedError, zipfile.LargeZipFile) as error:  # what the zip library may still say
        raise ImportFailed(
            f"”{path.name}” kan inte läsas som ett Word-dokument. Öppna det i Word och spara det som .docx igen."
        ) from error


def main_part_xml(package: zipfile.ZipFile) -> bytes | None:
    """The document's text part as the (checked) file stores it, as the package's
    relationships name it; None where they do not."""
    try:
        # a parser of its own each time: an lxml parser shared between threads fails at random
        relations = etree.fromstring(package.read("_rels/.rels"), etree.XMLParser(resolve_entities=False, no_network=True))
        for relation in relations:
            if str(relation.get("Type", "")).endswith("/officeDocument"):
                return package.read(str(relation.get("Target", "")).lstrip("/"))
    except (KeyError, zipfile.BadZipFile, etree.LxmlError, OSError, ValueError):
        return None
    return None
