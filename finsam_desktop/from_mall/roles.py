# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The roles of a derived form, guessed from its labels: the insats's name, the period, the
amounts granted and used, who reports and when. A role the mall has no field for gets one,
added to the first section and said beside it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from finsam_desktop.from_mall.derive import NOTE, Mall
from finsam_desktop.reading.matching import norm

_TEXT = {"text", "lines"}
# role: the kinds it takes, words its label has (tried in order; "" takes any), and the field added when none fits
_WANTED: dict[str, tuple[set[str], tuple[str, ...], dict[str, Any] | None]] = {
    "name": ({"text"}, ("insatsens namn", "namn pa insatsen", "insats"), {"label": "Insatsens namn", "kind": "text"}),
    "period": (
        {"daterange"},
        ("",),
        {"label": "Insatsens period", "kind": "daterange", "parts": {"start": "Startdatum", "slut": "Slutdatum"}},
    ),
    "granted": ({"kronor"}, ("bevilja", "budget", ""), {"label": "Beviljade medel", "kind": "kronor"}),
    "used": ({"kronor"}, ("utnyttja", "forbruka", "utfall", ""), {"label": "Utnyttjade medel", "kind": "kronor"}),
    "organisation": (_TEXT, ("organisation", "huvudman", "kommun"), {"label": "Organisation", "kind": "text"}),
    "contact": (_TEXT, ("kontaktperson", "namn"), {"label": "Kontaktperson", "kind": "text"}),
    "reporter_date": ({"date", "text"}, ("datum",), {"label": "Datum", "kind": "date"}),
    "contact_email": ({"email"}, ("",), None),
}


def _places(mall: Mall) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each field's path as roles name it (a list's first row, a table's column)."""
    for section in mall.sections:
        for spec in section.fields:
            base = (
                spec["key"]
                if spec["key"] == section.key and spec["kind"] in {"list", "table"}
                else f"{section.key}.{spec['key']}"
            )
            if spec["kind"] == "list":
                yield from ((f"{base}[0].{item['key']}", item) for item in spec["items"])
            elif spec["kind"] == "table":
                yield from ((f"{base}.{item['key']}", item) for item in spec["items"])
            else:
                yield base, spec


def guess_roles(mall: Mall) -> dict[str, str]:
    """Each role's path, best guess first; fields added where the mall has none."""
    roles: dict[str, str] = {}
    for role, (kinds, words, added) in _WANTED.items():
        places = [(path, spec) for path, spec in _places(mall) if spec["kind"] in kinds and path not in roles.values()]
        found = next(
            (path for word in words for path, spec in places if word in norm(spec.get("label", ""))),
            None,
        )
        if found is None and added is not None and mall.sections:
            section = mall.sections[0]
            key = section.keys.key(added["label"])
            section.fields.append(
                {"key": key, **added, "required": True, NOTE: f"tillagt: mallen har inget fält för rollen {role}"}
            )
            found = f"{section.key}.{key}"
        if found is not None:
            roles[role] = found
    return roles
