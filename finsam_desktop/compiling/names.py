# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""When two received reports name the same insats: names and organisations compared as a
person reads them, not as the characters typed (the annual report itself writes
"Ett hållbart arbetsliv - Hofors" and "… – Hofors"; a scanned name brings a page number)."""

from __future__ import annotations

import difflib
import re
import unicodedata

_DASHES = re.compile(r"\s*[-‐‑‒–—―−﹘﹣－]+\s*")  # hyphen-minus and every Unicode dash, with their spaces
_DEBRIS = re.compile(r"[|_•·*~^`´¨\"'”“„»«]+")  # what OCR makes of rules, dots and specks
_SPACE = re.compile(r"\s+")
_NUMBERS = re.compile(r"\d+")
NEAR = 0.9  # names this alike (after normalising) may be one insats spelt two ways


def plain_name(text: str) -> str:
    """An insats's or organisation's name as compared: one line of words, dashes as one
    hyphen, case and width folded, lines of only digits and signs (OCR debris, page
    numbers) dropped."""
    lines = [line for line in unicodedata.normalize("NFKC", text).splitlines() if line.strip()]
    kept = lines[:1] + [line for line in lines[1:] if any(char.isalpha() for char in line)]
    joined = _DEBRIS.sub(" ", " ".join(kept))
    return _SPACE.sub(" ", _DASHES.sub("-", joined)).strip(" .,;:-").casefold()


def alike(first: str, second: str) -> bool:
    """Plain names that differ only a little: a typo, a word more or less, but not in their
    numbers (Trisam 2.0 and Trisam 3.0, "Steg 1" and "Steg 2" are different insatser)."""
    if not (first and second) or _NUMBERS.findall(first) != _NUMBERS.findall(second):
        return False
    matcher = difflib.SequenceMatcher(None, first, second)
    return matcher.real_quick_ratio() >= NEAR and matcher.quick_ratio() >= NEAR and matcher.ratio() >= NEAR
