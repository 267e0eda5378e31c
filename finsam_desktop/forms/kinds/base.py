# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""What every field kind has, and the defaults a kind overrides.

A kind is one class: its attributes in the form file (a pydantic model, so a wrong
attribute is an error with its line), and its behaviour as methods: the draft's value
type, text in and out, checks, how it prints and how a document's text becomes its value.
The rest of the program asks the field's spec and never which kind it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any, ClassVar, Protocol

from pydantic import BaseModel, ConfigDict, Field

from finsam_desktop.document.blocks import UNPRINTABLE, Block, Heading, Paragraph, answer_blocks
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.problems import FEL, VARNING, Problem, is_blank
from finsam_desktop.model import text_of

# A line of digits alone (spaces between them) with whitespace around as str.strip takes it, a
# leftover of the mall such as "9000": lines are matched by C, never looped over in Python; the
# digits end on a digit, so the spaces after them are read once (no backtracking blow-up).
_JUNK_LINE = re.compile(r"\s*[0-9](?:[0-9 ]*[0-9])?\s*")


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Case(Frozen):
    """A heading with a check box above the field, ticked when ``applies_if`` holds: one of
    several cases, each with its own question (``7.1 Beviljade medel är helt utnyttjade``)."""

    heading: str
    applies_if: str


class Checking(Protocol):
    """What a kind's checks may ask of the draft being validated."""

    today: date

    def is_required(self, path: FieldPath, spec: FieldBase) -> bool: ...

    def is_shown(self, path: FieldPath, spec: FieldBase) -> bool: ...


class Printing(Protocol):
    """What a kind may ask while the report is being laid out for print."""

    section_title: str  # of the section being printed: a question repeating it is not printed again

    def printed(self, path: FieldPath) -> str:
        """The field's value as printed: canonical, computed where it is computed, cleaned."""
        ...

    def number(self, path: FieldPath) -> int | float | None: ...

    def is_shown(self, path: FieldPath, spec: FieldBase) -> bool: ...

    def node(self, path: FieldPath) -> Any: ...

    def holds(self, expression: str, path: FieldPath) -> bool: ...


def junk_line(text: str) -> str:
    """The first line of only digits, stripped; or ""."""
    found = next(filter(_JUNK_LINE.fullmatch, text.splitlines()), None)
    return found.strip() if found is not None else ""


def count_unprintable(text: str) -> int:
    """Characters a document cannot show: control characters (not tab or line breaks),
    lone surrogates and non-characters, as pasted from Word and Outlook."""
    return len(UNPRINTABLE.findall(text))


def control_characters_phrase(count: int) -> str:
    """``1 osynligt styrtecken`` / ``3 osynliga styrtecken``."""
    return f"{count} {'osynligt' if count == 1 else 'osynliga'} styrtecken"


class FieldBase(Frozen):
    """One question of a form, as every kind has it."""

    key: str
    label: str
    number: str = ""
    help: str = ""
    required: bool = False
    required_if: str = ""  # an expression: required only while it holds
    show_if: str = ""  # an expression: shown, checked and printed only while it holds
    case: Case | None = None
    width: int = Field(default=0, ge=0, le=100)  # per cent of a table's width, as a column

    # How the kind behaves; subclasses set what differs.
    shown_as: ClassVar[str] = ""  # the kind's name in Swedish, where a person sees it
    narrow: ClassVar[int] = 0  # a column's share of a table (per cent) when its values are short
    in_rows: ClassVar[bool] = True  # may be a column of a list or a table
    prose: ClassVar[bool] = False  # free text to spell-check
    names: ClassVar[bool] = False  # the report's own names: right words in its answers
    long_text: ClassVar[int] = 0  # longer gets a warning, never a cut
    example: ClassVar[str] = ""  # how a value looks, for the message when it is missing
    sample_text: ClassVar[str] = ""  # a valid value as typed (for example reports and benchmarks)
    junk_lines: ClassVar[bool] = True  # a line of digits alone is likely a leftover of the mall
    numeric: ClassVar[bool] = False  # a number: right-aligned, compared by rules
    additive: ClassVar[bool] = False  # a column of them has a meaningful sum
    paragraphs: ClassVar[bool] = False  # written as paragraphs and lists, not as lines
    parts_required: ClassVar[bool] = False  # completeness counts its parts one by one
    label_alone: ClassVar[bool] = False  # in a document, its label stands on a line of its own
    reading: ClassVar[str] = "lines"  # how a document holds it: lines under its label

    # --- words -------------------------------------------------------------------

    @property
    def name(self) -> str:
        """The label as a noun for messages: without the form's trailing colon."""
        return self.label.rstrip(": ").strip()

    @property
    def heading(self) -> str:
        """Number and label as the form prints them, e.g. ``4.1 Syfte och …:``."""
        return f"{self.number} {self.label}" if self.number else self.label

    @property
    def title(self) -> str:
        """How messages and the import name it: ``4.1 Syfte och …`` or its label."""
        return f"{self.number} {self.name}" if self.number else self.name

    # --- the draft's value -------------------------------------------------------

    @property
    def has_value(self) -> bool:
        """Whether the draft holds something for it (not for a note, nor a computed value)."""
        return True

    def model_field(self) -> tuple[Any, Any] | None:
        """The type and default of the field in the draft's model (None: nothing is kept)."""
        return str, Field(default="", description=self.heading)

    def children(self) -> Sequence[tuple[str, FieldBase]]:
        """Fields inside this one, by key: a range's dates, a list's or table's columns."""
        return ()

    def typed_text(self, node: Any) -> str:
        """What was typed, as one text."""
        return text_of(node)

    def from_text(self, text: str, current: Any = None) -> Any:
        """The value to keep for typed (or read) ``text``."""
        return text

    def sample(self, text: str, current: Any = None) -> Any:
        """A valid value: ``text`` for free text, the kind's own sample for the others."""
        return self.from_text(self.sample_text or text, current)

    def shown(self, node: Any) -> str:
        """The value as printed: the canonical form where one was understood."""
        return text_of(node).strip()

    def scalar(self, node: Any) -> Any:
        """The value as expressions see it (text, a number, a date), None when unknown."""
        return text_of(node).strip()

    def format_number(self, value: float) -> str:
        return str(value)

    def files(self, node: Any) -> list[str]:
        """Files the reporter chose to send with the report (where they were chosen)."""
        return []

    def canonical(self, node: Any) -> tuple[str, str] | None:
        """``(canonical text, note)`` to show back when the field is left, or None to leave
        the text as typed."""
        return None

    # --- checks ------------------------------------------------------------------

    def empty_message(self) -> str:
        return f"Fyll i {self.name}, {self.example}." if self.example else f"Fyll i {self.name}."

    def problems(self, path: FieldPath, node: Any, check: Checking) -> Iterator[Problem]:
        """What is wrong or doubtful in this field's value."""
        text = self.typed_text(node)
        yield from self.text_problems(path, text)
        if self.counts_as_empty(text):
            if check.is_required(path, self):
                yield Problem(path, FEL, self.empty_message())
            return
        yield from self.value_problems(path, node, text)

    def counts_as_empty(self, text: str) -> bool:
        return is_blank(text)

    def value_problems(self, path: FieldPath, node: Any, text: str) -> Iterator[Problem]:
        """Problems of a value that is written (the kind's own rules)."""
        return iter(())

    def text_problems(self, path: FieldPath, text: str) -> Iterator[Problem]:
        """Leftovers, pasted control characters and lengths: doubtful, never blocking."""
        if self.junk_lines:
            junk = junk_line(text)
            if junk:
                yield Problem(
                    path,
                    VARNING,
                    f"Raden ”{junk}” innehåller bara siffror och ser ut att vara en rest från mallen. "
                    "Ta bort den om den inte hör till texten.",
                )
        unprintable = count_unprintable(text)
        if unprintable:
            yield Problem(
                path,
                VARNING,
                f"Texten innehåller {control_characters_phrase(unprintable)}, till exempel från Word eller Outlook. "
                "De tas bort i den exporterade rapporten.",
            )
        if self.long_text and len(text) > self.long_text:
            yield Problem(path, VARNING, f"Texten är mycket lång ({len(text):,} tecken).".replace(",", " ") + self.long_advice())

    def long_advice(self) -> str:
        return ""

    def hidden_text(self, node: Any) -> bool:
        """Whether a hidden field still holds something the reporter wrote."""
        return not is_blank(self.typed_text(node))

    # --- print -------------------------------------------------------------------

    def row_text(self, path: FieldPath, out: Printing) -> str | None:
        """The value in a label/value table row; None when the kind prints as blocks."""
        return out.printed(path)

    def blocks(self, path: FieldPath, out: Printing, level: int = 2) -> list[Block]:
        """The field as a question: its heading, help text and the answer."""
        return [*self.question_heading(level), *answer_blocks(out.printed(path))]

    def question_heading(self, level: int = 2) -> list[Block]:
        shown: list[Block] = [Heading(self.heading, level) if self.number else Paragraph(self.label, "label")]  # type: ignore[arg-type]
        if self.help:
            shown.append(Paragraph(self.help, "help"))
        return shown

    def cell_text(self, path: FieldPath, out: Printing) -> str:
        """The value in a table's cell."""
        return out.printed(path)

    # --- reading a document ------------------------------------------------------

    def document_labels(self) -> list[str]:
        """The words that start this field in a document: its label."""
        return [self.label]

    def document_skips(self) -> list[str]:
        """Words the mall prints inside this field that are no one's answer."""
        return []

    def judge(self, row: Any) -> Any:
        """A value this field can tell from the other cells of its row (None: nothing)."""
        return None
