# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Kinds of typed text: a line, a few lines, a free answer, a postort."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar, Literal

from finsam_desktop.forms.kinds.base import FieldBase
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import VARNING, Problem


class TextSpec(FieldBase):
    """One line: a name, a title."""

    kind: Literal["text"]
    shown_as: ClassVar[str] = "Kort text"
    names: ClassVar[bool] = True
    long_text: ClassVar[int] = 200

    def value_problems(self, path: FieldPath, node: Any, text: str) -> Iterator[Problem]:
        if "\n" in text.strip():
            yield Problem(path, VARNING, f"{self.name} ska stå på en rad. Ta bort radbrytningarna.")


class LinesSpec(FieldBase):
    """A few lines: an address, a workplace with its department."""

    kind: Literal["lines"]
    shown_as: ClassVar[str] = "Flera rader"
    names: ClassVar[bool] = True
    long_text: ClassVar[int] = 500


class AnswerSpec(FieldBase):
    """A free answer: paragraphs and lists, pages long if need be."""

    kind: Literal["answer"]
    shown_as: ClassVar[str] = "Fritextsvar"
    prose: ClassVar[bool] = True
    long_text: ClassVar[int] = 60_000
    paragraphs: ClassVar[bool] = True
    label_alone: ClassVar[bool] = True

    def empty_message(self) -> str:
        return f"Svara på frågan ”{self.title}”. Svaret behövs för att rapporten ska vara komplett."

    def long_advice(self) -> str:
        return " Skriv det viktigaste; styrelsen läser kortare svar lättare."


class PostortSpec(FieldBase):
    """The town after the postnummer (Postadress in Swedish forms)."""

    kind: Literal["postort"]
    shown_as: ClassVar[str] = "Postort"
    names: ClassVar[bool] = True
    long_text: ClassVar[int] = 100
    example: ClassVar[str] = "orten efter postnumret, till exempel Gävle"

    def value_problems(self, path: FieldPath, node: Any, text: str) -> Iterator[Problem]:
        if re.search(r"[0-9]", text):
            yield Problem(
                path,
                VARNING,
                f"”{text.strip()}” ser ut som en gatuadress. {self.name} är orten efter postnumret, till exempel Sandviken.",
            )
