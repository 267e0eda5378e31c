# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Registering a received report: the office box (Diarienummer, Signatur, Ankomstdatum)
written into the report's own file (in a Word document the visible box and the embedded
draft, nothing else; in a draft its import record) and a row in the register of received
reports. Either both are written or neither: a file that cannot be written is said first."""

from __future__ import annotations

import os
import zipfile
from collections.abc import Mapping
from io import BytesIO
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from finsam_desktop.compiling.received import Received
from finsam_desktop.compiling.register_book import RegisterFailed, register_bytes
from finsam_desktop.document import embedded
from finsam_desktop.document.export import export_message
from finsam_desktop.drafts import DraftError, atomic_write, decode, encode, read_draft
from finsam_desktop.reading.ooxml import paragraph_text
from finsam_desktop.reading.package import main_part_xml
from finsam_desktop.roles import form_of


def _open_elsewhere(path: Path) -> bool:
    """A lock file beside ``path``: Word's and Excel's ``~$`` (in place of the name's first two
    characters, or before a short name) or LibreOffice's ``.~lock.…#``."""
    locks = [f"~${path.name[2:]}", f"~${path.name}", f".~lock.{path.name}#"]
    return any(path.with_name(lock).exists() for lock in locks)


def check_writable(path: Path, what: str) -> None:
    if _open_elsewhere(path):
        raise RegisterFailed(f"{what} ”{path.name}” är öppet i ett annat program. Stäng det och försök igen; inget ändrades.")
    if path.exists() and not os.access(path, os.W_OK):
        raise RegisterFailed(
            f"{what} ”{path.name}” är skrivskyddat. Ta bort skrivskyddet (Egenskaper) eller kopiera filen; inget ändrades."
        )
    if not path.parent.is_dir():
        raise RegisterFailed(f"Mappen ”{path.parent}” för ”{path.name}” finns inte. Välj en annan plats; inget ändrades.")
    if not os.access(path.parent, os.W_OK):
        raise RegisterFailed(f"Mappen för ”{path.name}” går inte att skriva i; inget ändrades.")


def _office_table(doc: Any, labels: tuple[str, ...]) -> Any:
    """The table whose first row is the office box's labels, with a row for the values."""
    wanted = [label.casefold() for label in labels]
    for table in doc.tables:
        rows = table.rows
        if len(rows) >= 2 and [cell.text.strip().rstrip(":").casefold() for cell in rows[0].cells] == wanted:
            return table
    return None


def _text_beyond(doc: Any, table: Any) -> list[str]:
    """Every paragraph of the body but those inside the office box's value row."""
    values = set(table.rows[1]._tr.iter())
    return [paragraph_text(each) for each in doc.element.body.iter(qn("w:p")) if each not in values]


def _fill(cell: Any, text: str) -> None:
    paragraphs = cell.paragraphs
    for extra in paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    runs = paragraphs[0].runs
    for run in runs[1:]:
        run._r.getparent().remove(run._r)
    if runs:
        runs[0].text = text
    else:
        paragraphs[0].add_run(text)


def office_in_document(data: bytes, labels: tuple[str, ...], office: Mapping[str, str], name: str) -> bytes:
    """The document's bytes with the office box filled in, or why not."""
    import docx

    doc = docx.Document(BytesIO(data))
    table = _office_table(doc, labels)
    if table is None:
        raise RegisterFailed(
            f"”{name}” har ingen ruta med {', '.join(labels)} att fylla i, så uppgifterna kan inte skrivas in "
            "i dokumentet; inget ändrades."
        )
    before = _text_beyond(doc, table)
    for cell, label in zip(table.rows[1].cells, labels, strict=False):
        _fill(cell, office.get(label, ""))
    carried = embedded.extract(doc)
    if carried is not None:
        with zipfile.ZipFile(BytesIO(data)) as package:
            untouched = carried.unchanged(main_part_xml(package) or b"")
        stored, _migrated = decode(Path(name), carried.draft_json)
        record = stored.imported.model_copy(update={"office": {**stored.imported.office, **office}})
        embedded.replace(doc, encode(stored.name, stored.draft, stored.handoffs, record), untouched)
    if _text_beyond(doc, table) != before:
        raise RegisterFailed(f"”{name}” skulle ändras utanför rutan för förbundets anteckningar; inget ändrades.")
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def office_labels(report: Received) -> tuple[str, ...]:
    """The office box's labels in the report's form (none when the form has no box)."""
    box = form_of(report.draft).office_box
    return box.labels if box is not None else ()


def _read_back(path: Path) -> dict[str, str]:
    if path.suffix.lower() == ".json":
        return read_draft(path).imported.office
    from finsam_desktop.reading.importer import read_docx

    return read_docx(path).imported.office


def register(report: Received, office: Mapping[str, str], register_path: Path) -> None:
    """Write ``office`` into ``report``'s file and its row into the register, or neither;
    both are read back before this returns."""
    form = form_of(report.draft)
    if form.office_box is None:
        raise RegisterFailed(f"Mallen ”{form.id}” har ingen ruta för förbundets anteckningar.")
    path = report.source
    check_writable(path, "Rapporten")
    check_writable(register_path, "Registret")
    original = path.read_bytes()
    try:
        if path.suffix.lower() == ".docx":
            updated = office_in_document(original, form.office_box.labels, office, path.name)
        else:
            loaded = read_draft(path)
            record = loaded.imported.model_copy(update={"office": {**loaded.imported.office, **office}})
            updated = encode(loaded.name, loaded.draft, loaded.handoffs, record)
    except DraftError as error:
        raise RegisterFailed(str(error)) from error
    book = register_bytes(register_path, report, office)
    try:
        atomic_write(path, updated, private=path.suffix.lower() == ".json")
    except OSError as error:
        raise RegisterFailed(export_message(path, error)) from error
    try:
        atomic_write(register_path, book)
    except OSError as error:
        atomic_write(path, original)  # the report as it was: nothing half-written
        raise RegisterFailed(export_message(register_path, error) + " Rapporten är oförändrad.") from error
    read = _read_back(path)
    if any(read.get(label, "") != value for label, value in office.items()) or not register_path.is_file():
        raise RegisterFailed(f"”{path.name}” sparades men uppgifterna kunde inte läsas tillbaka. Kontrollera filen.")
