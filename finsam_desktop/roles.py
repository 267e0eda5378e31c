"""What a draft says in the parts the rest of the app needs, whatever its form calls them:
the insats's name for file names and the e-mail, the organisation, the contact person…
(``[roles]`` in the form file)."""

from __future__ import annotations

from typing import Any

from finsam_desktop.form import FormSpec, load_form
from finsam_desktop.model import Report, text_of, value_at


def form_of(draft: Report) -> FormSpec:
    """The form a draft was written in."""
    return load_form(type(draft).form_id)


def role_node(draft: Report, role: str) -> Any:
    """The field playing ``role`` in ``draft``, or None (no such role in the form, or it
    points into a list row that is not there)."""
    path = getattr(form_of(draft).roles, role)
    if not path:
        return None
    try:
        return value_at(draft, path)
    except (IndexError, KeyError, AttributeError):
        return None


def role_text(draft: Report, role: str) -> str:
    """The typed text of the field playing ``role``, stripped; "" when there is none."""
    node = role_node(draft, role)
    return "" if node is None else text_of(node).strip()

