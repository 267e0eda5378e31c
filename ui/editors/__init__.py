# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The editor of each field kind, registered by kind: a page asks ``editor_for(spec)`` and
never which kind a field is. A kind without an entry of its own takes its nearest
ancestor's (every kind of text, number and date is a field with an input)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from finsam_desktop.forms.kinds import (
    AnteckningSpec,
    BilagorSpec,
    DateRangeSpec,
    FieldBase,
    FlervalSpec,
    ListSpec,
    NumberBase,
    TableSpec,
)
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.model import Report
from ui.editors.attachments import AttachmentsEditor
from ui.editors.cells import ComputedView
from ui.editors.choices import FlervalEditor
from ui.editors.composite import DateRangeEditor, NoteView
from ui.editors.field import FieldEditor
from ui.editors.question import QuestionEditor
from ui.editors.rows import ListEditor
from ui.editors.table import TableEditor


def _number(draft: Report, path: FieldPath, spec: Any) -> QuestionEditor:
    return ComputedView(draft, path, spec) if not spec.has_value else FieldEditor(draft, path, spec)


EDITORS: dict[type[FieldBase], Callable[[Report, FieldPath, Any], QuestionEditor]] = {
    FieldBase: FieldEditor,
    NumberBase: _number,
    DateRangeSpec: DateRangeEditor,
    FlervalSpec: FlervalEditor,
    AnteckningSpec: NoteView,
    BilagorSpec: AttachmentsEditor,
    ListSpec: ListEditor,
    TableSpec: TableEditor,
}


def editor_for(draft: Report, path: FieldPath, spec: FieldBase) -> QuestionEditor:
    """The editor of the question ``spec`` at ``path`` in ``draft``."""
    kind = next(kind for kind in type(spec).__mro__ if kind in EDITORS)
    return EDITORS[kind](draft, path, spec)
