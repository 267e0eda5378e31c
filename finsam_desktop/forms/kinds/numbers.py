# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Kinds that hold a number: kronor, a count (antal), a share (procent). A number may be
typed, or computed from other fields (``compute``), and then it is shown and printed but
never typed. Rules compare and sum them; a table's total row adds up the additive ones."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar, Literal

from pydantic import Field

from finsam_desktop import parsing
from finsam_desktop.forms.kinds.typed import TypedBase
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import FEL, VARNING, Problem
from finsam_desktop.model import Entry

_JUNK_AMOUNT = re.compile(r"0[0 ]*")


class KronorEntry(Entry[int]):
    parser = parsing.parse_kronor


class AntalEntry(Entry[int]):
    parser = parsing.parse_antal


class ProcentEntry(Entry[float]):
    parser = parsing.parse_procent


class NumberBase(TypedBase):
    """A number typed or computed."""

    compute: str = ""  # an expression over other fields; the value is never typed
    numeric: ClassVar[bool] = True
    additive: ClassVar[bool] = True

    @property
    def computed(self) -> bool:
        return bool(self.compute)

    @property
    def has_value(self) -> bool:
        return not self.computed

    def model_field(self) -> tuple[Any, Any] | None:
        return None if self.computed else super().model_field()

    def rounded(self, value: float) -> float:
        return round(value)


class KronorSpec(NumberBase):
    kind: Literal["kronor"]
    shown_as: ClassVar[str] = "Belopp i kronor"
    entry: ClassVar[type[Entry[Any]]] = KronorEntry
    narrow: ClassVar[int] = 22
    example: ClassVar[str] = "i kronor, till exempel 480 000"
    sample_text: ClassVar[str] = "480 000"

    def format_number(self, value: float) -> str:
        return parsing.format_kronor(value)

    def counts_as_empty(self, text: str) -> bool:
        return super().counts_as_empty(text) or self._junk(text)

    @staticmethod
    def _junk(text: str) -> bool:
        """``000 0`` and the like: zeros left from the template, not an amount of 0 kr."""
        return bool(_JUNK_AMOUNT.fullmatch(text.strip())) and text.strip() != "0"

    def text_problems(self, path: FieldPath, text: str) -> Iterator[Problem]:
        if self._junk(text):
            yield Problem(
                path, VARNING, f"”{text.strip()}” ser ut att vara en rest från mallen. Skriv beloppet, till exempel 625 000."
            )
        yield from super().text_problems(path, text)


class AntalSpec(NumberBase):
    """How many: participants, meetings. ``unit`` is printed after the number (``st``)."""

    kind: Literal["antal"]
    shown_as: ClassVar[str] = "Antal"
    entry: ClassVar[type[Entry[Any]]] = AntalEntry
    narrow: ClassVar[int] = 12
    example: ClassVar[str] = "som ett heltal, till exempel 12"
    sample_text: ClassVar[str] = "12"
    unit: str = ""

    def format_number(self, value: float) -> str:
        text = parsing.format_count(round(value))
        return f"{text} {self.unit}" if self.unit else text

    def shown(self, node: Any) -> str:
        parsed = node.parsed()
        return self.format_number(parsed.value) if parsed.ok else node.raw.strip()


class ProcentSpec(NumberBase):
    """A share in per cent, 0–``max``."""

    kind: Literal["procent"]
    shown_as: ClassVar[str] = "Procent"
    entry: ClassVar[type[Entry[Any]]] = ProcentEntry
    narrow: ClassVar[int] = 12
    example: ClassVar[str] = "i procent, till exempel 45"
    sample_text: ClassVar[str] = "45"
    additive: ClassVar[bool] = False
    max: float = Field(default=100, gt=0)

    def format_number(self, value: float) -> str:
        return parsing.format_percent(value)

    def rounded(self, value: float) -> float:
        return round(value, 1)

    def understood_problems(self, path: FieldPath, parsed: parsing.Parsed[Any]) -> Iterator[Problem]:
        if parsed.value is not None and parsed.value > self.max:
            limit = parsing.format_percent(self.max)
            yield Problem(path, FEL, f"{parsed.text} är mer än {limit}. Skriv andelen i procent, högst {limit}.")
