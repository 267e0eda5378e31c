# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Two dates that belong together, such as an insats's start and end."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import Any, ClassVar, Literal

from pydantic import Field

from finsam_desktop.document.blocks import Block, Paragraph
from finsam_desktop.forms.kinds.base import Checking, FieldBase, Printing
from finsam_desktop.forms.kinds.typed import DateSpec
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import Problem
from finsam_desktop.model import Part, camel, part_model
from finsam_desktop.parsing import split_date_range


class DateRangeSpec(FieldBase):
    """``parts`` names the two dates (``{ start = "Startdatum", slut = "Slutdatum" }``)."""

    kind: Literal["daterange"]
    shown_as: ClassVar[str] = "Tidsperiod"
    parts: dict[str, str] = Field(min_length=2, max_length=2)
    parts_required: ClassVar[bool] = True
    in_rows: ClassVar[bool] = False

    @cached_property
    def dates(self) -> tuple[tuple[str, DateSpec], ...]:
        """Each part as a date field of its own, required as the range is."""
        return tuple(
            (key, DateSpec(kind="date", key=key, label=label, required=self.required, required_if=self.required_if))
            for key, label in self.parts.items()
        )

    def children(self) -> Sequence[tuple[str, FieldBase]]:
        return self.dates

    @cached_property
    def range_model(self) -> type[Part]:
        return part_model(camel(self.key), {key: spec.model_field() for key, spec in self.dates})  # type: ignore[misc]

    def model_field(self) -> tuple[Any, Any] | None:
        return self.range_model, Field(default_factory=self.range_model, description=self.heading)

    def typed_text(self, node: Any) -> str:
        return " – ".join(getattr(node, key).raw for key, _spec in self.dates).strip(" –")

    def from_text(self, text: str, current: Any = None) -> Any:
        """``2021-10-01 – 2022-01-31`` (or as typed in any way the date parser knows)."""
        start, end = split_date_range(text) or (text, "")
        (first, first_spec), (last, last_spec) = self.dates
        model = type(current) if current is not None else self.range_model  # the draft's own class
        return model(**{first: first_spec.from_text(start), last: last_spec.from_text(end)})

    def sample(self, text: str, current: Any = None) -> Any:
        return self.from_text("2025-01-01 – 2025-12-31", current)

    def scalar(self, node: Any) -> Any:
        return None

    def problems(self, path: FieldPath, node: Any, check: Checking) -> Iterator[Problem]:
        for key, spec in self.dates:
            yield from spec.problems(path.child(key), getattr(node, key), check)

    def row_text(self, path: FieldPath, out: Printing) -> str | None:
        start, end = (out.printed(path.child(key)) for key, _spec in self.dates)
        return f"{start} – {end}" if start or end else ""

    def blocks(self, path: FieldPath, out: Printing, level: int = 2) -> list[Block]:
        return [*self.question_heading(level), Paragraph(self.row_text(path, out) or "", "body")]
