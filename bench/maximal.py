# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The largest draft worth planning for: every text field about 20 000 characters."""

from __future__ import annotations

from finsam_desktop.forms.heading import DEFAULT_FORM
from finsam_desktop.forms.kinds import FieldBase, RowsBase
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.spec import load_form
from finsam_desktop.model import Report, report_model, row_type

PARAGRAPH = (
    "Insatsen har under perioden arbetat med samordnad planering för deltagarna, och "
    "handläggarna från Försäkringskassan, Arbetsförmedlingen och regionen har träffats varannan "
    "vecka. Deltagarna har varit med och bestämt vad mötena ska handla om.\n"
    "- En punkt i en lista som klistrats in från Word\n\n"
)
LONG_TEXT = (PARAGRAPH * (20_000 // len(PARAGRAPH) + 1))[:20_000]


def _fill(draft: Report, path: FieldPath, spec: FieldBase, text: str) -> None:
    if isinstance(spec, RowsBase):
        rows = path.get(draft)
        if not spec.fixed_rows:
            wanted = 4 if len(spec.items) == 1 else 8
            rows.extend(row_type(draft, path)() for _ in range(min(wanted, getattr(spec, "max_rows", 0) or wanted)))
        for index in range(len(rows)):
            for key, item in spec.children():
                if item.has_value:
                    cell = path.row(index).child(key)
                    # in a table, a number only in the first row: its sum stays that number
                    first_only = spec.fixed_rows and index and item.numeric
                    cell.set(draft, item.from_text("0") if first_only else item.sample(text, cell.get(draft)))
    elif spec.has_value:
        path.set(draft, spec.sample(text, path.get(draft)))


def maximal_draft(form_id: str = DEFAULT_FORM, text: str = LONG_TEXT) -> Report:
    """Four rows in a list of names, eight in other lists (or as many as the form allows),
    ``text`` (~20 000 characters) in every text field, and valid amounts and dates."""
    form = load_form(form_id)
    draft = report_model(form)()
    for path, spec, _section in form.fields():
        _fill(draft, path, spec, text)
    return draft
