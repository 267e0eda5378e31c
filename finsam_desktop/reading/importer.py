# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Read a .docx back into a draft.

Any document, such as an old report filled in by hand in the förbund's Word mall, is read
from its visible text, mapped to the form's fields by section numbers and labels. A document
exported by this app also carries its draft: where the visible text of a field is still what
the export printed, the embedded draft gives it back exactly; where someone changed it in
Word, what the document says wins, and the result says which fields changed."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from docx.document import Document as DocxDocument

from finsam_desktop.document import embedded
from finsam_desktop.document.errors import ImportFailed
from finsam_desktop.drafts import DraftFile, DraftFromNewerVersion, DraftOfUnknownForm, DraftUnreadable, ImportRecord, decode
from finsam_desktop.forms.registry import installed_forms
from finsam_desktop.forms.spec import FormSpec
from finsam_desktop.reading.filling import fill
from finsam_desktop.reading.lines import Reader, read_lines
from finsam_desktop.reading.matching import MIN_SECTIONS
from finsam_desktop.reading.package import check_package, main_part_xml, open_docx
from finsam_desktop.reading.result import ImportResult
from finsam_desktop.reading.word_edits import review_notes, unplaced_notes, untouched, with_word_edits
from finsam_desktop.roles import form_of, role_text


def recognised(doc: DocxDocument, path: Path, form: FormSpec | None) -> tuple[FormSpec, Reader]:
    """The form a document filled in by hand follows: the given one, or the installed form
    whose headings and labels it has most of. Two forms fitting equally well is said."""
    candidates = [form] if form is not None else list(installed_forms().forms.values())
    scored = []
    for candidate in candidates:
        reader = read_lines(doc, candidate, mall_words=True)
        if len(reader.sections_seen) >= MIN_SECTIONS:
            found = sum(bool(lines) for lines in reader.texts.values()) + len(reader.tables) + len(reader.names)
            scored.append((len(reader.sections_seen) + found, candidate, reader))
    if not scored:
        first = candidates[0].sections[0].heading if candidates and candidates[0].sections else ""
        raise ImportFailed(
            f"”{path.name}” ser inte ut som en slutrapport: rubrikerna från formuläret "
            f"(till exempel ”{first}”) finns inte i dokumentet."
        )
    scored.sort(key=lambda entry: entry[0], reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        names = ", ".join(f"{entry[1].id} ({entry[1].forbund.name})" for entry in scored if entry[0] == scored[0][0])
        raise ImportFailed(f"”{path.name}” kan följa flera mallar: {names}. Ange vilken mall som gäller.")
    return scored[0][1], scored[0][2]


def embedded_draft(carried: embedded.Carried | None, path: Path, notes: list[str]) -> DraftFile | None:
    """The draft an export carries, or None (what was wrong with it added to ``notes``)."""
    if carried is None:
        return None
    try:
        return decode(path, carried.draft_json)[0]
    except DraftFromNewerVersion:
        notes.append(
            "Utkastet i dokumentet är skapat med en nyare version av programmet, så texten lästes från "
            "dokumentet. Uppdatera programmet för att få med allt exakt."
        )
    except DraftOfUnknownForm as error:
        notes.append(
            f"Dokumentets inbäddade utkast gäller mallen ”{error.form_id}”, som inte finns i programmet, "
            "så texten lästes från dokumentet."
        )
    except DraftUnreadable:
        notes.append("Den inbäddade kopian av utkastet är skadad, så texten lästes från dokumentet.")
    return None


def untouched_export(path: Path, data: bytes, form: FormSpec | None) -> ImportResult | None:
    """An export nobody has saved again, read from its embedded draft alone: its digest
    vouches that the text part and the draft are the export's. None for anything else."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            carried = embedded.extract_from(package)
            document_xml = main_part_xml(package) if carried is not None else None
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    if carried is None or document_xml is None or not carried.unchanged(document_xml):
        return None
    stored = embedded_draft(carried, path, [])
    if stored is None or (form is not None and form.id != type(stored.draft).form_id):
        return None  # what was wrong is said on the way through the text
    return untouched(stored, [])


def read_docx(path: Path, form: FormSpec | None = None) -> ImportResult:
    """A draft from a .docx: from its text, and exactly where this app exported it unchanged.
    An export carries its form; for a document filled in by hand, ``form`` or the installed
    form it fits best. An export read with another form than its own is read from its text."""
    check_package(path)
    data = path.read_bytes()
    source = hashlib.sha256(data).hexdigest()
    exact = untouched_export(path, data, form)
    if exact is not None:
        exact.imported = exact.imported.model_copy(update={"source": source})
        return exact
    doc = open_docx(path)
    notes = review_notes(doc)
    stored = embedded_draft(embedded.extract(doc), path, notes)
    own = form_of(stored.draft) if stored is not None else None
    if stored is not None and own is not None:
        if form is None or form.id == own.id:
            result = with_word_edits(stored, read_lines(doc, own), own, notes)
            result.imported = result.imported.model_copy(update={"source": source})
            return result
        notes.append(
            f"Dokumentet exporterades med mallen ”{own.id}” ({own.forbund.name}); det lästes från texten "
            f"med mallen ”{form.id}” som du valde."
        )
    try:
        form, reader = recognised(doc, path, form)
    except ImportFailed as error:
        if own is None or form is None:
            raise
        raise ImportFailed(
            f"”{path.name}” exporterades med mallen ”{own.id}” ({own.forbund.name}) och följer inte mallen "
            f"”{form.id}”. Läs in det utan att ange mall så används dess egen."
        ) from error
    notes += reader.notes
    draft, found, missing = fill(reader, form, notes)
    notes += unplaced_notes(reader.unplaced)
    imported = ImportRecord(note="\n".join(reader.unplaced), office=reader.office, source=source)
    return ImportResult(role_text(draft, "name"), draft, "text", found, missing, notes=notes, imported=imported)
