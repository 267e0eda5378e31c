# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The neutral pieces of a printed report, which every renderer draws the same way.

Field kinds say how they print in these terms (``finsam_desktop.forms.kinds``); the Word,
PDF and screen renderers draw them. Free text becomes paragraphs and lists here, and text
is cleaned of characters a document cannot hold (the draft itself keeps them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

CHECKED, UNCHECKED = "☒", "☐"
# Unicode's control characters (Cc) but tab and line breaks, lone surrogates (Cs), and
# the two non-characters; XML 1.0, and so Word, cannot hold any of them.
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LIST_MARK = re.compile(r"^\s*(?:[-•*–]|([0-9]{1,2})[.)])\s+")
# An e-mail or web address, printed as a link. It starts where a word starts (the look-behind),
# and its runs are taken whole (possessive): a megabyte without spaces is scanned once.
_LINK = re.compile(
    r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+|(?<![\w.+-])(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)]",
    re.UNICODE,
)


MAX_LINK_CHARACTERS = 2000  # longer is no address a reader can follow (Typst refuses 8 000)


def links(text: str) -> Iterator[re.Match[str]]:
    """The e-mail and web addresses in ``text`` that are printed as links."""
    return (match for match in _LINK.finditer(text) if len(match.group()) <= MAX_LINK_CHARACTERS)


def link_target(address: str) -> str:
    """Where an address found by :func:`links` leads: ``mailto:`` for e-mail, ``https://`` for www."""
    return address if "://" in address else (f"mailto:{address}" if "@" in address else f"https://{address}")


@dataclass(frozen=True)
class Title:
    title: str
    subtitle: str


@dataclass(frozen=True)
class Heading:
    text: str
    level: Literal[1, 2, 3]


@dataclass(frozen=True)
class Paragraph:
    """Text that may hold line breaks; ``style`` says how it reads."""

    text: str
    style: Literal["body", "help", "label", "small", "empty"] = "body"


@dataclass(frozen=True)
class ListBlock:
    """Bullet items, or numbered ones keeping the numbers the writer typed."""

    items: tuple[str, ...]
    numbers: tuple[str, ...] = ()


@dataclass(frozen=True)
class FieldTable:
    """Label/value rows, as a form's sections of short facts are laid out."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class GridTable:
    """A table with a header row: a list's rows or a table's fixed rows and its computed
    ``total`` row; ``widths`` are per cent of the text width, ``numeric`` the columns that
    hold numbers (right-aligned). Cells hold free text."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]
    total: tuple[str, ...] = ()
    numeric: tuple[bool, ...] = ()


@dataclass(frozen=True)
class OfficeBox:
    """Boxes the förbund fills in on arrival: empty, or what it wrote in an earlier copy."""

    caption: str
    labels: tuple[str, ...]
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Choice:
    """A heading with a check box, ticked when the case it names applies."""

    text: str
    checked: bool


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Title | Heading | Paragraph | ListBlock | FieldTable | GridTable | OfficeBox | Choice | PageBreak


def breaks(text: str) -> str:
    """Word's manual line break (vertical tab) and page break (form feed), pasted along with
    text, become a line break and a paragraph break: never deleted, never run together."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n\n")


def printable(text: str) -> str:
    """User text as a document can hold it: no control characters, one kind of line break."""
    return UNPRINTABLE.sub("", breaks(text))


def free_text_blocks(text: str) -> list[Block]:
    """Paragraphs at blank lines; lines starting with ``-``, ``•``, ``*`` or ``1.`` as lists."""
    blocks: list[Block] = []
    lines: list[str] = []
    items: list[tuple[str, str]] = []

    def flush_paragraph() -> None:
        if lines:
            blocks.append(Paragraph("\n".join(lines)))
            lines.clear()

    def flush_list() -> None:
        if items:
            numbers = tuple(number for number, _ in items)
            blocks.append(ListBlock(tuple(item for _, item in items), numbers if all(numbers) else ()))
            items.clear()

    for line in text.split("\n"):
        mark = _LIST_MARK.match(line)
        if mark:
            flush_paragraph()
            items.append((f"{mark.group(1)}." if mark.group(1) else "", line[mark.end() :].rstrip()))
        elif not line.strip():
            flush_paragraph()
            flush_list()
        else:
            flush_list()
            lines.append(line.rstrip())
    flush_paragraph()
    flush_list()
    return blocks


def answer_blocks(text: str) -> list[Block]:
    """A written answer as printed: its paragraphs and lists, or an empty line to write on."""
    written = printable(text).strip("\n")
    return free_text_blocks(written) if written.strip() else [Paragraph("", "empty")]
