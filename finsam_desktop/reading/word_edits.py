# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""An exported report edited in Word: the embedded draft, with every field whose visible
text changed taken from the document, and what the document holds beyond the fields."""

from __future__ import annotations

import copy
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from pydantic import BaseModel

from finsam_desktop.document.docx_writer import docx_document
from finsam_desktop.document.structure import build_document
from finsam_desktop.drafts import DraftFile
from finsam_desktop.forms.kinds import FieldBase
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.spec import FormSpec
from finsam_desktop.model import Report
from finsam_desktop.reading.filling import fill
from finsam_desktop.reading.importer import ImportResult
from finsam_desktop.reading.lines import Reader, read_lines
from finsam_desktop.reading.ooxml import FORMATTING_LOST, formatted_characters


def _field_name(spec: FieldBase, section_number: str) -> str:
    return f"{spec.number} {spec.name}" if spec.number else f"{section_number}. {spec.name}"


def _take(draft: Report, path: FieldPath, printed: Any, visible: Any) -> None:
    """Put the document's version of one field into ``draft``; in a list of the same length,
    only the rows that changed (the others keep their exact text)."""
    current = path.get(draft)
    if isinstance(current, list) and len(current) == len(printed) == len(visible):
        for index, (was, now) in enumerate(zip(printed, visible, strict=True)):
            if was != now:
                current[index] = now.model_copy(deep=True)
        return
    path.set(draft, visible.model_copy(deep=True) if isinstance(visible, BaseModel) else copy.deepcopy(visible))


def with_word_edits(stored: DraftFile, reader: Reader, form: FormSpec, notes: list[str]) -> ImportResult:
    """The embedded draft, with every field whose visible text was changed in Word taken from
    the document: each field is compared with how the export printed it, read the same way."""
    visible, _, _ = fill(reader, form)
    exported = read_lines(docx_document(build_document(stored.draft, office=stored.imported.office)), form)
    printed, _, _ = fill(exported, form)
    draft = stored.draft.model_copy(deep=True)
    changed = []
    for path, spec, section in form.fields():
        if not spec.has_value:
            continue
        was, now = path.get(printed), path.get(visible)
        if was != now:
            _take(draft, path, was, now)
            changed.append(_field_name(spec, section.number))
    if formatted_characters(reader.doc) > formatted_characters(exported.doc):
        notes.append(FORMATTING_LOST)
    office = {**stored.imported.office, **reader.office}  # what the office wrote in since the export
    added = [line for line in reader.unplaced if line not in exported.unplaced]  # typed in Word outside a field
    note = "\n".join(filter(None, [stored.imported.note, *added]))
    imported = stored.imported.model_copy(update={"office": office, "note": note})
    return ImportResult(stored.name, draft, "inbäddat", changed=changed, notes=notes + unplaced_notes(added), imported=imported)


def untouched(stored: DraftFile, notes: list[str]) -> ImportResult:
    """An export nobody changed: reading its text would give back what the export printed,
    so the embedded draft is the answer as it is."""
    return ImportResult(stored.name, stored.draft, "inbäddat", notes=notes, imported=stored.imported)


UNPLACED_SHOWN = 300  # characters of unplaced text in the message; all of it stays in the note


def unplaced_notes(unplaced: list[str]) -> list[str]:
    if not unplaced:
        return []
    shown = " / ".join(unplaced)
    if len(shown) > UNPLACED_SHOWN:
        shown = shown[:UNPLACED_SHOWN].rstrip() + " …"
    return [f"Text som inte kunde placeras (finns kvar i utkastets importanteckning): {shown}"]


def review_notes(doc: DocxDocument) -> list[str]:
    """Word's own review marks, said rather than silently applied or dropped."""
    body = doc.element.body
    notes = []
    if any(True for _ in body.iter(qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo"))):
        notes.append("Dokumentet har spårade ändringar som inte är godkända: tillagd text är med, borttagen text är inte med.")
    if any(rel.reltype == RT.COMMENTS for rel in doc.part.rels.values()):
        notes.append("Dokumentet har kommentarer. De är inte med i utkastet.")
    return notes
