# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The derived form as a form file: TOML with the mall's words, and the deriver's guesses
as comments beside the lines they are about."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from finsam_desktop.from_mall.derive import NOTE, Mall
from finsam_desktop.from_mall.roles import guess_roles

_PLACEHOLDER = "ange.adress@forbundet.invalid"
_HEAD = """\
# Formulärfil skapad från Word-mallen ”{source}” (finsam-desktop form-from-docx).
# Rader med ”# gissat: …” är programmets gissningar: jämför dem med mallen och rätta.
# Alla frågor är obligatoriska (required = true); ta bort det där mallen tillåter tomt svar.
# Se docs/forms.md för allt en formulärfil kan säga.

front_sections = 0   # gissat: ingen sidbrytning efter första sidan
"""


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {_value(item)}" for key, item in value.items()) + " }"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def _table(header: str, values: dict[str, Any], note: str = "") -> list[str]:
    lines = ["", f"{header}{f'   # gissat: {note}' if note else ''}"]
    for key, value in values.items():
        if key == NOTE or key == "items" or key == "boxed_alone" or value in ("", None, [], ()):
            continue
        lines.append(f"{key} = {_value(value)}")
    return lines


def form_text(mall: Mall, form_id: str, forbund: str, source: str) -> str:
    """The form file's text for ``mall``: passes form-check as it stands."""
    roles = guess_roles(mall)  # before the sections are written: it may add fields
    recipient = mall.recipient or _PLACEHOLDER
    lines = [_HEAD.format(source=source).rstrip("\n")]
    lines += _table(
        "[form]",
        {
            "id": form_id,
            "edition": str(date.today().year),
            "title": mall.title or "Slutrapport",
            "subtitle": mall.subtitle or mall.title or "Slutrapport",
            "instruction": " ".join(mall.front[:1]),
        },
    )
    forbund_values = {
        "name": forbund,
        "recipient": recipient,
        "send_instruction": mall.send_instruction,
        "purpose": " ".join(mall.front[1:]),
        "footer": mall.footer,
        "contacts_heading": mall.contacts_heading,
    }
    lines += _table("[forbund]", forbund_values, "" if mall.recipient else "mallen nämner ingen adress; skriv förbundets")
    for contact in mall.contacts:
        lines += _table("[[forbund.contacts]]", {key: value or "–" for key, value in contact.items()})
    if mall.office:
        lines += _table("[office_box]", {"labels": mall.office, "caption": mall.caption})
    lines += _table("[roles]", roles, "vilka fält som är namn, period, belopp och uppgiftslämnare")
    if "period" in roles:
        start, end = f"{roles['period']}.start", f"{roles['period']}.slut"
        message = "Slutdatum ({then}) är före startdatum ({first}). Byt plats på datumen eller rätta dem."
        lines += _table("[[rules]]", {"kind": "date_order", "first": start, "then": end, "message": message})
    for section in mall.sections:
        lines += ["", "# " + "-" * 86]
        lines += _table(
            "[[sections]]", {"key": section.key, "number": section.number, "title": section.title, "layout": section.layout}
        )
        for spec in section.fields:
            lines += _table("[[sections.fields]]", spec, spec.get(NOTE, ""))
            for item in spec.get("items", []):
                lines += _table("[[sections.fields.items]]", item)
    return "\n".join(lines) + "\n"
