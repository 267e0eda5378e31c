# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Kinds where the reporter picks: one of a few choices (``choice``), or any of them with
a free "Annat" (``flerval``, check boxes)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any, ClassVar, Literal

from pydantic import Field

from finsam_desktop.document.blocks import CHECKED, UNCHECKED, Block, Paragraph, printable
from finsam_desktop.forms.kinds.base import Checking, FieldBase, Printing
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import FEL, VARNING, Problem, is_blank
from finsam_desktop.model import Part, text_of

_MARKS = (CHECKED, UNCHECKED, "[x]", "[X]", "[ ]", "☑", "■", "□", "⊠")


def _folded(text: str) -> str:
    """Lower case without accents or surrounding punctuation: ``Ja, helt!`` → ``ja, helt``."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in text if not unicodedata.combining(char)).strip(" .!:;,-–\t\n")


def _or_list(choices: tuple[str, ...]) -> str:
    return f"{', '.join(choices[:-1])} eller {choices[-1]}" if len(choices) > 1 else choices[0]


class Choices(FieldBase):
    """What both kinds have: the mall's choices, and other ways people write them."""

    choices: tuple[str, ...] = Field(min_length=1)
    aliases: dict[str, tuple[str, ...]] = Field(default_factory=dict)  # a choice and other words that mean it

    def sample(self, text: str, current: Any = None) -> Any:
        return self.from_text(self.choices[0], current)

    def understood(self, text: str) -> str | None:
        """The choice ``text`` means: itself, in other case or accents, one of its aliases, or
        the choice followed by more words (``Ja, helt``); None when it means none of them."""
        said = _folded(text)
        if not said:
            return None
        for choice in self.choices:
            words = {_folded(choice), *(_folded(alias) for alias in self.aliases.get(choice, ()))}
            if said in words:
                return choice
        for choice in self.choices:
            folded = _folded(choice)
            if said.startswith(folded) and not said[len(folded)].isalnum():
                return choice
        return None


class ChoiceSpec(Choices):
    """One of a few choices, picked from a list (``Ja``, ``Delvis``, ``Nej``)."""

    kind: Literal["choice"]
    shown_as: ClassVar[str] = "Val"
    prompt: str = ""  # left empty when optional: a reminder of what is asked
    judged_from: str = ""  # the key of a text in the same row whose words can tell the choice
    judgements: dict[str, tuple[str, ...]] = Field(default_factory=dict)  # a choice and the phrases that say it, tried in order
    narrow: ClassVar[int] = 16
    long_text: ClassVar[int] = 20

    def empty_message(self) -> str:
        return f"Välj {_or_list(self.choices)} under {self.name}."

    def problems(self, path: FieldPath, node: Any, check: Checking) -> Iterator[Problem]:
        text = text_of(node)
        if is_blank(text) and self.prompt and not check.is_required(path, self):
            yield Problem(path, VARNING, f"{self.prompt}: {_or_list(self.choices)}.")
            return
        yield from super().problems(path, node, check)

    def value_problems(self, path: FieldPath, node: Any, text: str) -> Iterator[Problem]:
        if text not in self.choices:
            yield Problem(path, FEL, f"”{text}” är inget av valen {', '.join(self.choices)}.")

    def from_text(self, text: str, current: Any = None) -> Any:
        """The choice the text means (``delvis`` is Delvis), else the text as it stands; text of
        more than one line is kept whole (what else it says would be lost)."""
        return (self.understood(text) if "\n" not in text.strip() else None) or text.strip()

    def judge(self, row: Any) -> Any:
        return self.judged(text_of(getattr(row, self.judged_from, ""))) if self.judged_from else None

    def judged(self, text: str) -> str | None:
        """The choice a written text says (a result saying the goal ``har uppnåtts``)."""
        said = _folded(text)
        for choice, phrases in self.judgements.items():
            if any(_folded(phrase) in said for phrase in phrases):
                return choice
        return None


class Selection(Part):
    """The check boxes ticked, and the text written for the free choice."""

    selected: list[str] = Field(default_factory=list)
    other: str = ""


class FlervalSpec(Choices):
    """Any of the choices, as check boxes; ``other`` names a free choice with its own text."""

    kind: Literal["flerval"]
    shown_as: ClassVar[str] = "Flerval"
    other: str = ""  # "Annat": ticked when its text is written
    in_rows: ClassVar[bool] = False
    label_alone: ClassVar[bool] = True
    junk_lines: ClassVar[bool] = False

    def model_field(self) -> tuple[Any, Any] | None:
        return Selection, Field(default_factory=Selection, description=self.heading)

    def ticked(self, node: Selection) -> list[str]:
        """The choices ticked, in the mall's order, and ``Annat: …`` when it is written."""
        picked = [choice for choice in self.choices if choice in node.selected]
        picked += [choice for choice in node.selected if choice not in self.choices]
        if self.other and not is_blank(node.other):
            picked.append(f"{self.other}: {node.other.strip()}")
        return picked

    def typed_text(self, node: Any) -> str:
        return "\n".join(self.ticked(node))

    def shown(self, node: Any) -> str:
        return ", ".join(self.ticked(node))

    def scalar(self, node: Any) -> Any:
        return tuple(self.ticked(node))

    def from_text(self, text: str, current: Any = None) -> Any:
        """Lines of choices, ticked (``☒ Ja``) or as words; ``Annat: …`` is the free text."""
        selected: list[str] = []
        other: list[str] = []
        for line in text.splitlines():
            stripped = line.strip()
            unticked = stripped.startswith((UNCHECKED, "[ ]", "□"))
            for mark in _MARKS:
                stripped = stripped.removeprefix(mark).strip()
            if not stripped or unticked:
                continue
            head, colon, rest = stripped.partition(":")
            if self.other and colon and _folded(head) == _folded(self.other):
                other.append(rest.strip())
            elif (choice := self.understood(stripped)) is not None:
                selected.append(choice)
            else:
                other.append(stripped)
        return Selection(selected=list(dict.fromkeys(selected)), other="\n".join(other))

    def empty_message(self) -> str:
        return f"Kryssa i minst ett av valen under {self.name}."

    def counts_as_empty(self, text: str) -> bool:
        return is_blank(text)

    def value_problems(self, path: FieldPath, node: Any, text: str) -> Iterator[Problem]:
        unknown = [choice for choice in node.selected if choice not in self.choices]
        if unknown:
            yield Problem(path, FEL, f"”{unknown[0]}” är inget av valen {', '.join(self.choices)}.")
        if not is_blank(node.other) and not self.other:
            yield Problem(path, VARNING, f"”{node.other.strip()}” är inget av valen. Kryssa i ett av dem i stället.")

    def blocks(self, path: FieldPath, out: Printing, level: int = 2) -> list[Block]:
        node = out.node(path)
        boxes = [f"{CHECKED if choice in node.selected else UNCHECKED} {choice}" for choice in self.choices]
        if self.other:
            written = printable(node.other).strip()
            boxes.append(f"{CHECKED if written else UNCHECKED} {self.other}" + (f": {written}" if written else ""))
        return [*self.question_heading(level), *(Paragraph(box) for box in boxes)]
