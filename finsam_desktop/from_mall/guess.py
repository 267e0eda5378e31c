# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""What a mall's words say about a field: its kind from its label ("Datum", "Beviljade
medel", "E-post"), its key from its words, the choices of its check boxes."""

from __future__ import annotations

import re

from finsam_desktop.forms.check import key_problem
from finsam_desktop.reading.matching import norm

BOXES = "☐☒□■☑✓"
_KINDS = [  # words of a normalised label and the kind they say, first match wins
    (r"\bort och datum\b", "text"),
    (r"\be ?post", "email"),
    (r"\b(mobil|telefon|tfn)", "phone"),
    (r"\bpostnummer\b", "postnummer"),
    (r"\b(postadress|postort)\b", "postort"),
    (r"\b(insatstid|tidsperiod|period)\b|\baaaa mm dd aaaa\b", "daterange"),
    (r"\bdatum\b|\baaaa mm dd\b", "date"),
    (r"\b(procent|andel)\b", "procent"),
    (r"\bantal\b", "antal"),
    (r"\b(medel|kr|kronor|belopp|budget|utfall|kostnad)", "kronor"),
]
EXTRA_KEYS = {"daterange": {"parts": {"start": "Startdatum", "slut": "Slutdatum"}}}  # what a kind cannot do without
IN_A_CELL = {"daterange": "text"}  # a table cell holds one value
COUNTED = {"text": "antal"}  # a column with a total counts
_ONE_LINE = ("text", "email", "phone", "postnummer", "postort", "date", "daterange", "kronor", "antal", "procent")


def kind_of(label: str) -> str:
    """The kind a one-line label's words say; ``text`` when they say none."""
    words = norm(label)
    return next((kind for pattern, kind in _KINDS if re.search(pattern, words)), "text")


def is_one_line(kind: str) -> bool:
    return kind in _ONE_LINE


def boxes(text: str) -> tuple[str, list[str]] | None:
    """``Uppnått? ☐ Ja ☐ Nej`` → (``Uppnått?``, [Ja, Nej]); None without check boxes."""
    if not any(box in text for box in BOXES):
        return None
    before, *choices = re.split(f"[{BOXES}]", text)
    picked = [choice.strip(" \t:,;/") for choice in choices]
    return before.strip(" \t:"), [choice for choice in picked if choice]


class Keys:
    """Keys from labels, unique where they stand, and ones a draft can hold."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def key(self, label: str, words: int = 3) -> str:
        """``Insatstid – åååå-mm-dd`` → ``insatstid``: the label's first words, before a dash
        or parenthesis."""
        label = re.split(r"\(| [–-] ", label)[0] or label
        base = "_".join(norm(label).split()[:words])[:30].strip("_") or "falt"
        if not base[0].isalpha():
            base = f"f_{base}"
        if key_problem(base) is not None:
            base = f"{base}_falt"
        key, number = base, 2
        while key in self.used:
            key, number = f"{base}_{number}", number + 1
        self.used.add(key)
        return key
