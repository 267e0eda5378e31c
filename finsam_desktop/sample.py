# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The example report of each form, offered to first-time users and written by
``finsam-desktop sample``; ``resources/samples/<form id>.toml``."""

from __future__ import annotations

import tomllib

from finsam_desktop.forms.carry import carry
from finsam_desktop.forms.heading import DEFAULT_FORM
from finsam_desktop.forms.spec import load_form
from finsam_desktop.model import Report, report_model
from finsam_desktop.resources import resource


def has_sample(form_id: str) -> bool:
    return resource("samples", f"{form_id}.toml").is_file()


def sample_report(form_id: str = DEFAULT_FORM) -> tuple[str, Report]:
    """The example's name and a fresh copy of its draft, in the newest installed edition
    of its form (carried there when it was written for an earlier one)."""
    data = tomllib.loads(resource("samples", f"{form_id}.toml").read_text(encoding="utf-8"))
    form = load_form(form_id)
    if data.get("edition", form.edition) == form.edition:
        return data["name"], report_model(form).model_validate(data["draft"])
    return data["name"], carry(data["draft"], data["edition"], form).draft
