# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Kinds whose text has one meaning a parser understands: a date, a phone number, an
e-mail address, a postnummer. The draft keeps the typed text and the understood value."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, ClassVar, Literal

from pydantic import Field

from finsam_desktop import parsing
from finsam_desktop.forms.kinds.base import FieldBase
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import FEL, VARNING, Problem
from finsam_desktop.model import Entry


class DateEntry(Entry[date]):
    parser = parsing.parse_date


class PhoneEntry(Entry[str]):
    parser = parsing.parse_phone


class PostnummerEntry(Entry[str]):
    parser = parsing.parse_postnummer


class EmailEntry(Entry[str]):
    parser = parsing.parse_email


class TypedBase(FieldBase):
    """Text with a parser: checked by it, printed as it understood it, shown back so."""

    entry: ClassVar[type[Entry[Any]]]
    junk_lines: ClassVar[bool] = False

    def model_field(self) -> tuple[Any, Any] | None:
        return self.entry, Field(default_factory=self.entry, description=self.heading)

    def from_text(self, text: str, current: Any = None) -> Any:
        return self.entry(raw=text)

    def shown(self, node: Any) -> str:
        parsed = node.parsed()
        return parsed.text if parsed.ok else node.raw.strip()

    def scalar(self, node: Any) -> Any:
        return node.value

    def canonical(self, node: Any) -> tuple[str, str] | None:
        """``(canonical text, note)`` to show back when the field is left, or None to leave
        the text as typed (not understood, or with a rest that belongs elsewhere)."""
        parsed = node.parsed()
        if parsed.ok and parsed.text != node.raw and not parsed.rest:
            return parsed.text, parsed.note
        return None

    def value_problems(self, path: FieldPath, node: Any, text: str) -> Iterator[Problem]:
        parsed = node.parsed()
        if parsed.error:
            yield Problem(path, FEL, parsed.error)
            return
        if parsed.note and not parsed.rest:
            yield Problem(path, VARNING, f"{parsed.note} Skriv det så i fältet om det stämmer.")
        yield from self.understood_problems(path, parsed)

    def understood_problems(self, path: FieldPath, parsed: parsing.Parsed[Any]) -> Iterator[Problem]:
        return iter(())


class DateSpec(TypedBase):
    kind: Literal["date"]
    shown_as: ClassVar[str] = "Datum"
    entry: ClassVar[type[Entry[Any]]] = DateEntry
    narrow: ClassVar[int] = 18
    example: ClassVar[str] = "till exempel 2025-03-31"
    sample_text: ClassVar[str] = "2025-12-31"


class PhoneSpec(TypedBase):
    kind: Literal["phone"]
    shown_as: ClassVar[str] = "Telefonnummer"
    entry: ClassVar[type[Entry[Any]]] = PhoneEntry
    narrow: ClassVar[int] = 22
    example: ClassVar[str] = "till exempel 070-123 45 67"
    sample_text: ClassVar[str] = "070-174 06 42"
    mobile: bool = True  # a landline gets a notice

    def understood_problems(self, path: FieldPath, parsed: parsing.Parsed[Any]) -> Iterator[Problem]:
        if self.mobile and not parsing.is_mobile(parsed.text):
            yield Problem(
                path,
                VARNING,
                f"{parsed.text} ser ut som ett fast telefonnummer. "
                "Fältet gäller mobiltelefon; skriv ett mobilnummer om det finns.",
            )


class EmailSpec(TypedBase):
    kind: Literal["email"]
    shown_as: ClassVar[str] = "E-postadress"
    entry: ClassVar[type[Entry[Any]]] = EmailEntry
    example: ClassVar[str] = "till exempel fornamn.efternamn@kommun.se"
    sample_text: ClassVar[str] = "lena.sjoberg@ockelbo.se"


class PostnummerSpec(TypedBase):
    kind: Literal["postnummer"]
    shown_as: ClassVar[str] = "Postnummer"
    entry: ClassVar[type[Entry[Any]]] = PostnummerEntry
    narrow: ClassVar[int] = 14
    example: ClassVar[str] = "till exempel 802 50"
    sample_text: ClassVar[str] = "816 30"
    town: str = ""  # the label of the field where the town goes, for a town typed here

    def understood_problems(self, path: FieldPath, parsed: parsing.Parsed[Any]) -> Iterator[Problem]:
        if parsed.rest:
            where = self.town or "fältet för orten"
            yield Problem(
                path,
                VARNING,
                f"Tolkat som postnummer {parsed.text}. Flytta ”{parsed.rest}” till {where} och skriv bara postnumret här.",
            )
