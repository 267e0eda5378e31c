# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""What a draft says in the parts the rest of the app needs, whatever its form calls them:
the insats's name for file names and the e-mail, the organisation, the contact person…
(``[roles]`` in the form file)."""

from __future__ import annotations

from typing import Any

from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.spec import FormSpec, load_form
from finsam_desktop.forms.values import Values
from finsam_desktop.model import Report


def form_of(draft: Report) -> FormSpec:
    """The form, in its edition, that a draft was written in."""
    return load_form(type(draft).form_id, type(draft).edition)


def role_path(form: FormSpec, role: str) -> FieldPath | None:
    """The field playing ``role`` in ``form``, or None when the form has no such role."""
    text = getattr(form.roles, role)
    return FieldPath.parse(text) if text else None


def role_node(draft: Report, role: str) -> Any:
    """The stored value playing ``role`` in ``draft``, or None (no such role in the form, or
    it points into a list row that is not there)."""
    path = role_path(form_of(draft), role)
    return None if path is None else path.find(draft)


def role_text(draft: Report, role: str, form: FormSpec | None = None) -> str:
    """The typed text of the field playing ``role``, stripped; "" when there is none."""
    form = form or form_of(draft)
    path = role_path(form, role)
    return "" if path is None else Values(draft, form).text(path).strip()


def role_number(draft: Report, role: str) -> int | float | None:
    """The number playing ``role`` (a field, a computed field or a column's sum)."""
    form = form_of(draft)
    path = role_path(form, role)
    return None if path is None else Values(draft, form).number(path)


def role_printed(draft: Report, role: str) -> str:
    """The field playing ``role`` as the report prints it (``2025-03-31``, ``480 000 kr``)."""
    form = form_of(draft)
    path = role_path(form, role)
    if path is None or (not form.has(path)) or (path.row_path is not None and path.find(draft) is None):
        return ""
    return Values(draft, form).printed(path).strip()
