# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Labels side by side on one line, as scanned text and the office box have them: each
label with its value on the line (``Diarienummer SFG 21-6.64 Signatur AKH``), or a row of
labels alone with their values on the next line, in columns apart by tabs or wide gaps."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from finsam_desktop.reading.matching import Line, Target

if TYPE_CHECKING:
    from finsam_desktop.reading.lines import Reader

_COLUMN_GAP = re.compile(r"\t+| {2,}")


def office_line(reader: Reader, target: Target, rest: str) -> None:
    """The office box on one line: each label takes the words up to the next one; labels
    alone wait for their values on the next line."""
    labels = {target.key.casefold(): target for target in reader.targets if target.role == "office"}
    pattern = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    pieces = re.split(rf"(?i)(?:^|\s)({pattern})\b\s*:?\s*", rest)
    row = [target, *(labels[label.casefold()] for label in pieces[1::2])]
    if not any(piece.strip() for piece in pieces[::2]):
        reader.label_row = row
        return
    for each, value in zip(row, pieces[::2], strict=True):
        reader.start(each)
        reader.add(Line(value))


def labels_only(reader: Reader, first: Target, rest: str) -> list[Target] | None:
    """The labels of a line holding nothing but two or more labels of one section."""
    found = [first]
    while rest.strip():
        hit = reader.match(rest)
        if hit is None or hit[0].role != "field" or hit[0].section != first.section or hit[0].numbered:
            return None
        found.append(hit[0])
        rest = hit[1]
    return found if first.role == "field" and not first.numbered and len(found) > 1 else None


def values_under_labels(reader: Reader, text: str) -> None:
    """The line under a row of labels: a value each when its columns can be told apart, else
    all of it under the first label, and said."""
    labels, reader.label_row = reader.label_row, []
    values = _COLUMN_GAP.split(text.strip())
    if len(values) != len(labels):
        names = [_name(reader, label) for label in labels]
        reader.notes.append(
            f"{' och '.join(names)} stod bredvid varandra, så texten under dem ligger i {names[0]}. "
            "Kontrollera att den står i rätt fält."
        )
        values = [text.strip()]
    for label, value in reversed(list(zip(labels, values, strict=False))):  # the first label goes on
        reader.start(label)
        reader.add(Line(value))


def _name(reader: Reader, target: Target) -> str:
    return target.key if target.role == "office" else reader.form.spec_at(target.path).title
