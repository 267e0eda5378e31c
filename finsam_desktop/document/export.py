# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Export a draft as a Word document: build, draw, write safely, and say what happened."""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

from finsam_desktop.document.docx_writer import write_docx
from finsam_desktop.document.filename import windows_refuses
from finsam_desktop.document.structure import build_document
from finsam_desktop.drafts import ImportRecord, atomic_write, encode
from finsam_desktop.forms.kinds.base import control_characters_phrase
from finsam_desktop.model import Report


class ExportError(Exception):
    """The document could not be written; ``str()`` is the message for the user."""

    def __init__(self, path: Path, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class ExportResult:
    path: Path
    marked_as_draft: bool
    replaced_characters: int

    def summary(self) -> list[str]:
        """What the user should know about the export, in Swedish."""
        lines = [f"Rapporten är sparad som {self.path}"]
        if self.marked_as_draft:
            lines.append("Obs! Rapporten har fel och är märkt UTKAST på varje sida. Rätta felen och exportera igen.")
        if self.replaced_characters:
            lines.append(
                f"{control_characters_phrase(self.replaced_characters).capitalize()} (till exempel från Word eller Outlook) "
                "togs bort i dokumentet. Utkastet är oförändrat."
            )
        return lines


def export_message(path: Path, error: OSError) -> str:
    """Why the document could not be saved, and what to do about it."""
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM, errno.EBUSY):
        return (
            f"”{path.name}” går inte att skriva över, troligen för att dokumentet är öppet. "
            "Stäng dokumentet i Word eller välj ett annat namn."
        )
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"Disken är full, så ”{path.name}” kunde inte sparas. Frigör utrymme eller spara på ett annat ställe."
    if isinstance(error, FileNotFoundError):
        return f"Mappen för ”{path.name}” finns inte. Välj en annan mapp."
    if isinstance(error, IsADirectoryError):
        return f"”{path.name}” är en mapp. Välj ett annat namn på dokumentet."
    return f"”{path.name}” kunde inte sparas. Försök igen eller välj en annan mapp."


def docx_bytes(draft: Report, name: str, imported: ImportRecord | None = None) -> tuple[bytes, bool, int]:
    """The document's bytes, whether it is marked UTKAST, and how many characters were removed.

    The office box carries what the förbund already wrote in it (``imported.office``)."""
    imported = imported or ImportRecord()
    report = build_document(draft, office=imported.office)
    return write_docx(report, encode(name, draft, imported=imported)), bool(report.draft_mark), report.replaced_characters


def export_docx(draft: Report, name: str, path: Path, imported: ImportRecord | None = None) -> ExportResult:
    """Write the report to ``path`` atomically; raises :class:`ExportError` in Swedish."""
    refused = windows_refuses(path.name)
    if refused:
        raise ExportError(path, refused)
    data, marked, replaced = docx_bytes(draft, name, imported)
    try:
        atomic_write(path, data)
    except OSError as error:
        raise ExportError(path, export_message(path, error), detail=str(error)) from error
    return ExportResult(path, marked, replaced)
