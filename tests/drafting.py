# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Writing and reading a draft's fields by the paths the tests know them by (as text)."""

from __future__ import annotations

from typing import Any

from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.model import Report, row_type
from finsam_desktop.roles import form_of


def P(text: str) -> FieldPath:  # short, like a literal
    return FieldPath.parse(text)


def at(draft: Any, path: str | FieldPath) -> Any:
    """What ``path`` holds in ``draft`` (or in a part of it)."""
    return (P(path) if isinstance(path, str) else path).get(draft)


def put(draft: Any, path: str | FieldPath, text: str) -> None:
    """Type ``text`` into the field at ``path``, as its kind keeps typed text."""
    where = P(path) if isinstance(path, str) else path
    if isinstance(draft, Report):
        spec = form_of(draft).spec_at(where)
        where.set(draft, spec.from_text(text, where.get(draft)))
        return
    current = where.get(draft)
    if hasattr(current, "raw"):
        where.set(draft, type(current)(raw=text))
    else:
        where.set(draft, text)


def row_of(draft: Report, path: str) -> type[Any]:
    """The model class of a row of the list or table at ``path``."""
    return row_type(draft, P(path))
