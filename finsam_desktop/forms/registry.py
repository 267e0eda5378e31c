# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The installed forms and their editions: those shipped in ``resources/forms`` and those a
förbund hands out, placed in the user's forms folder. A broken file never stops the app:
it is listed with its problem, in Swedish and with its line, as ``form-check`` prints it.
A newer edition of a form in the forms folder takes over for new reports; every edition
stays known, so a draft opens with the edition it was written in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from finsam_desktop.forms.form_file import FormProblem, check_form, read_form_file
from finsam_desktop.forms.heading import DEFAULT_FORM
from finsam_desktop.forms.spec import FormSpec
from finsam_desktop.paths import forms_dir
from finsam_desktop.resources import resource


def edition_order(edition: str) -> tuple[tuple[int, str], ...]:
    """Editions in the order they came: numbers compared as numbers (``2021–2022`` < ``2024``
    < ``2024.2`` < ``2025``)."""
    return tuple((int(part), "") if part.isdigit() else (-1, part) for part in re.findall(r"[0-9]+|[^0-9\s–.-]+", edition))


@dataclass
class Installed:
    editions: dict[str, dict[str, FormSpec]] = field(default_factory=dict)  # id → edition → form
    sources: dict[tuple[str, str], Path | None] = field(default_factory=dict)  # None: shipped with the app
    broken: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def forms(self) -> dict[str, FormSpec]:
        """The newest edition of each form, by id: what a new report gets."""
        return {form_id: self.newest(form_id) for form_id in self.editions}

    def newest(self, form_id: str) -> FormSpec:
        editions = self.editions[form_id]
        return editions[max(editions, key=edition_order)]

    def get(self, form_id: str, edition: str = "") -> FormSpec:
        """A form in ``edition``, or its newest edition when none is asked for (``KeyError``
        when the form, or that edition of it, is not installed)."""
        return self.editions[form_id][edition] if edition else self.newest(form_id)

    def has(self, form_id: str, edition: str) -> bool:
        return edition in self.editions.get(form_id, {})

    def all(self) -> list[FormSpec]:
        return [form for editions in self.editions.values() for form in editions.values()]

    def add(self, where: Path, checked: tuple[FormSpec | None, list[FormProblem]], user: bool) -> None:
        form, problems = checked
        if form is None:
            first = problems[0] if problems else FormProblem(1, "filen kan inte användas")
            self.broken.append((where, f"rad {first.line}: {first.message}"))
        elif self.has(form.id, form.edition):
            self.broken.append((where, f"formuläret ”{form.id}” i utgåvan ”{form.edition}” finns redan installerat"))
        else:
            self.editions.setdefault(form.id, {})[form.edition] = form
            self.sources[(form.id, form.edition)] = where if user else None


@cache
def installed_forms() -> Installed:
    """Shipped forms first (they win an id and edition), then the user's, in name order; read once."""
    installed = Installed()
    shipped = resource("forms")
    for entry in sorted(shipped.iterdir(), key=lambda node: node.name):
        if entry.name.endswith(".toml"):
            installed.add(Path(entry.name), check_form(entry.read_text(encoding="utf-8")), user=False)
    folder = forms_dir()
    if folder.is_dir():
        for path in sorted(folder.glob("*.toml")):
            installed.add(path, read_form_file(path), user=True)
    return installed


def form_choices() -> list[FormSpec]:
    """The forms offered for a new report (newest editions; no example forms while a real
    one is installed): the default first, then by förbund."""
    forms = list(installed_forms().forms.values())
    real = [form for form in forms if not form.form.example]
    return sorted(real or forms, key=lambda form: (form.id != DEFAULT_FORM, form.forbund.name, form.form.title))
