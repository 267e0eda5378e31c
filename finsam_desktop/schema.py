"""The draft file format as JSON Schema, for the förbund's own tools.

The published copy lives in ``resources/schema``; a test keeps it equal to the model.
"""

from __future__ import annotations

from typing import Any

from finsam_desktop.drafts import FORMAT, SCHEMA_VERSION, DraftFile

SCHEMA_FILE = "slutrapport-utkast.schema.json"


def draft_schema() -> dict[str, Any]:
    """The schema of a draft file as written (typed fields carry ``raw`` and ``value``)."""
    schema = DraftFile.model_json_schema(mode="serialization")
    return {
        **schema,
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{FORMAT}-v{SCHEMA_VERSION}",
        "description": (
            "Utkast till Slutrapport – Insats för samverkansmedel (Samordningsförbund Gävleborg). "
            "Textfält innehåller exakt det som skrevs. Fält med en typ (datum, belopp, telefon, "
            "postnummer, e-post) har 'raw' (det som skrevs) och 'value' (tolkat värde, eller null)."
        ),
    }
