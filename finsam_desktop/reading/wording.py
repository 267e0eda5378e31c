# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The mall's own wording in a report filled in by hand: a question found by its number
when its words differ ("5.1 Vilka effekter har insatsen gett för parterna?" for "5.1
Effekter för parterna"), a heading longer than the form's label ("3.1 Bakgrund till
insatsen"), a label written shorter ("Tidsperiod:" for "Tidsperiod (åååå-mm-dd)") or with a
unit ("Beviljat medel (kr): …"), and a table's header cells as near copies of its columns."""

from __future__ import annotations

import re

from finsam_desktop.reading.matching import norm, similar

_NUMBER = re.compile(r"\s*((?:[0-9]{1,2}|[A-Z])(?:\.[0-9]{1,2})*)\.?(?:[ \t]+|(?=:)|$)")
_HEADING_WORDS = 8  # a line this short after a question's label, with no full stop, is its heading
_LABEL_WORDS = 4  # "Beviljat medel (kr):": what a mall may add to a label before its colon


def leading_number(text: str) -> tuple[str, str] | None:
    """A question's or section's number at the start of a line, and the rest of the line."""
    found = _NUMBER.match(text)
    return (found.group(1), text[found.end() :]) if found and found.group(1) else None


def heading_and_answer(rest: str, colon: bool, heading: bool) -> tuple[str, str]:
    """What follows a question's number or label on its line: the rest of the mall's heading,
    and an answer begun on the same line (after a colon or a question mark)."""
    if colon or not rest:
        return "", rest
    asked = rest.find("?", 0, 200)
    if asked >= 0:
        return rest[: asked + 1].strip(), rest[asked + 1 :].strip(" :\t")
    before, sep, _after = rest[:200].partition(":")
    if sep and len(before.split()) <= _HEADING_WORDS and "." not in before:
        return before.strip(), rest[len(before) + 1 :].strip()
    if heading or (len(rest.split()) <= _HEADING_WORDS and not rest.rstrip().endswith((".", "!"))):
        return rest.strip(), ""
    return "", rest


def value_after_label(rest: str, colon: bool) -> str:
    """A one-line field's value when the mall's label had a few more words before its colon
    (``(kr): 350 000`` → ``350 000``)."""
    before, sep, after = rest[:80].partition(":")
    if colon or not sep or len(before.split()) > _LABEL_WORDS or not before.strip():
        return rest
    return (after + rest[80:]).strip()


def label_before_colon(text: str) -> str | None:
    """``Tidsperiod`` of ``Tidsperiod: 2023-09-01 – …``, normalised, or None without a colon."""
    before, sep, _after = text[:80].partition(":")
    words = norm(before)
    return words if sep and len(words) >= 4 else None


def is_near_label(cell: str, label: str) -> bool:
    """A header cell in the mall's words for a column: the label with a unit or a few words
    more, the same question ("Har målet uppnåtts? (Ja/Nej)" for "… ? Ja eller nej"), or a
    near copy."""
    words, start = norm(label), norm(cell)
    if start == words or similar(start, words):
        return True
    if start.startswith(words + " "):
        return len(start.split()) - len(words.split()) <= _LABEL_WORDS
    asked = label.find("?")
    return asked > 0 and norm(cell.split("?")[0]) == norm(label[:asked])


def header_extra(cells: list[str], labels: list[str], mall_words: bool) -> list[str] | None:
    """What a table's header row holds beyond ``labels``, or None when the row is not those
    labels. Each cell starts with its label (with ``mall_words``, the mall's near copy of it);
    a cell reading ``Label: value`` is a value, not a header."""
    if len(cells) != len(labels):
        return None
    extra: list[str] = []
    for text, label in zip(cells, labels, strict=True):
        first, *rest = text.strip().splitlines() or [""]
        words, start = norm(label), norm(first[: 2 * len(label) + 40])
        head, colon, value = first.partition(":")
        if colon and value.strip() and norm(head) == words:
            return None
        if mall_words and is_near_label(first[: 2 * len(label) + 40], label):
            extra += [line.strip() for line in rest if line.strip()]
            continue
        if words and not (start == words or start.startswith(words + " ")):
            return None
        beyond = rest if start == words else [first, *rest]  # a label with more on its line: the line
        extra += [line.strip() for line in beyond if line.strip()]
    return extra
