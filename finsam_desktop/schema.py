# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The draft file format of each form as JSON Schema, for the förbund's own tools.

The published copies live in ``resources/schema`` (``<form id>.schema.json``); a test keeps
them equal to the models.
"""

from __future__ import annotations

from typing import Any

from pydantic import create_model

from finsam_desktop.drafts import FORMAT, SCHEMA_VERSION, DraftFile
from finsam_desktop.forms.heading import DEFAULT_FORM
from finsam_desktop.forms.spec import load_form
from finsam_desktop.model import report_model


def schema_file(form_id: str) -> str:
    return f"{form_id}.schema.json"


def draft_schema(form_id: str = DEFAULT_FORM) -> dict[str, Any]:
    """The schema of a draft file of one form as written (typed fields carry ``raw`` and ``value``)."""
    form = load_form(form_id)
    model = report_model(form)
    stored = create_model("Utkast", __base__=DraftFile, draft=(model, ...))
    schema = stored.model_json_schema(mode="serialization")
    return {
        **schema,
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{FORMAT}-v{SCHEMA_VERSION}-{form.id}",
        "description": (
            f"Utkast till {form.form.title} – {form.form.subtitle} ({form.forbund.name}, {form.form.edition}). "
            "Textfält innehåller exakt det som skrevs. Fält med en typ (datum, belopp, telefon, "
            "postnummer, e-post) har 'raw' (det som skrevs) och 'value' (tolkat värde, eller null)."
        ),
    }
