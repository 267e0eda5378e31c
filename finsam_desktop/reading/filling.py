# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""A draft from what the reader collected: each field's text given to its kind, a list's or
table's rows from a Word table, from bullets, from signer blocks or from running text."""

from __future__ import annotations

import re
from typing import Any

from finsam_desktop.forms.kinds import RowsBase
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import is_blank
from finsam_desktop.forms.spec import FormSpec
from finsam_desktop.model import Report, report_model, row_type, text_of
from finsam_desktop.reading.lines import Reader
from finsam_desktop.reading.matching import joined, norm


def row_marks(spec: RowsBase) -> list[tuple[str, tuple[str, ...]]]:
    """Each column and the words that start it when rows are written as running text
    (``Organisation: …``): as the form says, else the labels of its columns."""
    if spec.marks:
        return list(spec.marks.items())
    return [(item.key, (item.label,)) for item in spec.items if item.has_value]


_LETTERS = str.maketrans({"a": "[aåä]", "o": "[oö]", "e": "[eé]"})


def _as_written(words: str) -> str:
    """A pattern for normalised ``words`` as a document writes them: ``e post`` finds
    "E-post", ``mal`` finds "Mål"."""
    return r"[\W_]+".join(re.escape(word).translate(_LETTERS) for word in words.split())


def rows_from_text(text: str, spec: RowsBase, row_model: type[Any], notes: list[str]) -> list[Any]:
    """Rows of a list written as text, ``Mål: … Svar: …`` as reporters do: a line starting
    with the first column's words starts a row, another column's adds to it. Text before the
    first mark stays with the first row; text without marks is all kept in one row, and said
    so. A column that can be told from the row's other cells (a goal reached or not, from the
    result's words) is filled where they say it."""
    marks = row_marks(spec)
    if not marks:
        return []
    by_word = {norm(word): key for key, words in marks for word in words}
    pattern = "|".join(_as_written(word) for word in sorted(by_word, key=len, reverse=True))
    pieces = re.split(rf"(?im)^\s*({pattern})\s*[0-9]*\s*:\s*", text)
    first = marks[0][0]
    items = dict(spec.children())
    rows: list[Any] = []
    if len(pieces) > 1:
        for keyword, body in zip(pieces[1::2], pieces[2::2], strict=True):
            key = by_word.get(norm(keyword), first)
            if key == first or not rows:
                rows.append(row_model(**{key: items[key].from_text(body.strip())}))
            else:
                written = (text_of(getattr(rows[-1], key)) + "\n\n" + body.strip()).strip()
                setattr(rows[-1], key, items[key].from_text(written))
        if pieces[0].strip():
            setattr(rows[0], first, (pieces[0].strip() + "\n\n" + text_of(getattr(rows[0], first))).strip())
    elif text.strip():
        rows.append(row_model(**{first: text.strip()}))
        first_label = next(item.label for item in spec.items if item.key == first)
        rest = " och ".join(item.label for item in spec.items if item.key != first)
        said = " och ".join(words[0] for _key, words in marks)
        where = spec.number or spec.name
        notes.append(f"{where} hade inga rubriker {said}, så all text ligger i {first_label} 1. Fyll i {rest}.")
    for row in rows:
        for item in spec.items:
            judged = item.judge(row)
            if judged is not None and not text_of(getattr(row, item.key)).strip():
                setattr(row, item.key, judged)
    return rows


def fill(reader: Reader, form: FormSpec, notes: list[str] | None = None) -> tuple[Report, list[str], list[str]]:
    notes = [] if notes is None else notes
    draft = report_model(form)()
    found: list[str] = []
    missing: list[str] = []
    for path, spec, _section in form.fields():
        if not spec.has_value:
            continue
        if isinstance(spec, RowsBase):
            rows = _rows(reader, draft, path, spec, notes)
            path.set(draft, rows)
            filled = any(not spec.is_blank_row(row) for row in rows)
            (found if filled else missing).append(spec.title)
            continue
        text = joined(reader.texts.get(path) or [], spec)
        value = spec.from_text(text, path.get(draft))
        if is_blank(spec.typed_text(value)):
            if spec.required:
                missing.append(spec.title)
            continue
        found.append(spec.title)
        if isinstance(value, str) and value != text.strip():
            notes.append(f"{spec.title}: ”{text.strip()}” lästes som ”{value}”.")
        path.set(draft, value)
    return draft, found, missing


def _rows(reader: Reader, draft: Report, path: FieldPath, spec: RowsBase, notes: list[str]) -> list[Any]:
    """A list's or a table's rows as the document has them."""
    if path in reader.tables:
        return reader.tables[path]
    row_model = row_type(draft, path)
    if spec.reading == "items":
        key = spec.items[0].key
        texts = ["\n".join(line.strip() for line in part if line.strip()) for part in reader.names.get(path, [])]
        return [row_model(**{key: text}) for text in texts if text]
    if path in reader.signers:
        items = dict(spec.children())
        stored = {key for key, item in items.items() if item.has_value}
        return [
            row_model(**{key: items[key].from_text(joined(lines, items[key])) for key, lines in signer.items() if key in stored})
            for signer in reader.signers[path]
        ]
    if spec.fixed_rows:  # its table was not found: what stands under its label is kept, not read as rows
        written = joined(reader.texts.get(path) or [], spec)
        if written:
            reader.unplaced.append(f"{spec.title}: {written}")
        return list(path.get(draft))
    return rows_from_text(joined(reader.texts.get(path) or [], spec), spec, row_model, notes)
