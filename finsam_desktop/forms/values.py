# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""What a draft's fields hold as values: numbers, dates, text, computed values, a column's
values, whether a field is shown and required. Rules, conditions, the printed report and
the office's compilation all read a draft through this, so a computed field or a column's
sum means the same everywhere."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from finsam_desktop.forms.expressions import evaluate, parse
from finsam_desktop.forms.kinds import FieldBase, NumberBase
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import is_blank
from finsam_desktop.model import Report

if TYPE_CHECKING:
    from finsam_desktop.forms.spec import FormSpec


class Values:
    """One draft of one form, read as values."""

    def __init__(self, draft: Report, form: FormSpec) -> None:
        self.draft = draft
        self.form = form
        self._computing: set[FieldPath] = set()

    def node(self, path: FieldPath) -> Any:
        """The stored value at ``path`` (None when the path leads nowhere in the draft)."""
        return path.find(self.draft)

    def text(self, path: FieldPath) -> str:
        node = self.node(path)
        return "" if node is None else self.form.spec_at(path).typed_text(node)

    def is_blank(self, path: FieldPath) -> bool:
        return is_blank(self.text(path))

    def value(self, path: FieldPath) -> Any:
        """A field's value as expressions see it; for a whole column, the list of its values."""
        if not self.form.has(path):
            return None
        spec = self.form.spec_at(path)
        column = self.form.column(path)
        if column is not None:
            rows_path, within = column
            rows = self.node(rows_path) or []
            return [self.value(rows_path.row(index).joined(within)) for index in range(len(rows))]
        if isinstance(spec, NumberBase) and spec.computed:
            return self.computed(path, spec)
        node = self.node(path)
        return None if node is None else spec.scalar(node)

    def computed(self, path: FieldPath, spec: NumberBase) -> float | None:
        if path in self._computing:  # form-check refuses cycles; a hand-made file still must not hang
            return None
        self._computing.add(path)
        try:
            found = evaluate(parse(spec.compute), self.scope(path))
        finally:
            self._computing.discard(path)
        if not isinstance(found, int | float) or isinstance(found, bool):
            return None
        return spec.rounded(found)

    def scope(self, at: FieldPath | None = None) -> Any:
        """How names are looked up for an expression at ``at``: a row's own columns first
        (``budget - utfall``), then the whole form (``insats.beviljat``)."""
        row = at.row_path if at is not None else None

        def lookup(name: FieldPath) -> Any:
            if row is not None and self.form.has(row.joined(name)):
                return self.value(row.joined(name))
            return self.value(name)

        return lookup

    def holds(self, expression: str, at: FieldPath | None = None) -> bool:
        """Whether a condition is true at ``at`` (an unknown one is not)."""
        return evaluate(parse(expression), self.scope(at)) is True

    def number(self, path: FieldPath) -> int | float | None:
        """A number: the field's, a computed one, or the sum of a column (None when unknown)."""
        found = self.value(path)
        if isinstance(found, list):
            numbers = [each for each in found if isinstance(each, int | float) and not isinstance(each, bool)]
            return sum(numbers) if numbers else None
        return found if isinstance(found, int | float) and not isinstance(found, bool) else None

    def date(self, path: FieldPath) -> date | None:
        found = self.value(path)
        return found if isinstance(found, date) else None

    def format_number(self, path: FieldPath, value: float) -> str:
        """A number as the field at ``path`` prints it (``480 000 kr``, ``17 st``, ``45 %``)."""
        return self.form.spec_at(path).format_number(value)

    def is_shown(self, path: FieldPath, spec: FieldBase) -> bool:
        return not spec.show_if or self.holds(spec.show_if, path)

    def required_by_condition(self, path: FieldPath, spec: FieldBase) -> bool:
        return spec.required or (bool(spec.required_if) and self.holds(spec.required_if, path))

    def printed(self, path: FieldPath) -> str:
        """A field's value as the report prints it (cleaning is the layout's business)."""
        spec = self.form.spec_at(path)
        if isinstance(spec, NumberBase) and spec.computed:
            value = self.number(path)
            return spec.format_number(value) if value is not None else ""
        node = self.node(path)
        return "" if node is None else spec.shown(node)
