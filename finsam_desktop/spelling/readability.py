# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Klarspråk measures: LIX, the Swedish readability index, and very long sentences.

LIX = words per sentence + 100 × the share of words longer than six letters. Information
only, never a fel or a varning."""

from __future__ import annotations

import re
from dataclasses import dataclass

LONG_SENTENCE_WORDS = 35
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)|\n\s*\n|\n(?=\s*(?:[-•*]|[0-9]{1,2}[.)])\s)")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
BANDS = ((30, "mycket lätt"), (40, "lätt"), (50, "medelsvår"), (60, "svår"))


@dataclass(frozen=True)
class Readability:
    lix: int
    band: str
    words: int
    long_sentences: tuple[tuple[int, int], ...]  # (start, end) of each sentence over the limit

    def __str__(self) -> str:
        return f"LIX {self.lix} – {self.band}"


def sentences(text: str) -> list[tuple[int, int]]:
    """Where each sentence of ``text`` starts and ends (paragraphs and list items end one)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def readability(text: str) -> Readability | None:
    """LIX and the long sentences of ``text``; None when there are too few words to say."""
    words = _WORD.findall(text)
    spans = sentences(text)
    if len(words) < 10 or not spans:
        return None
    long_words = sum(len(word) > 6 for word in words)
    lix = round(len(words) / len(spans) + 100 * long_words / len(words))
    band = next((name for limit, name in BANDS if lix < limit), "mycket svår")
    long = tuple(span for span in spans if len(_WORD.findall(text[span[0] : span[1]])) > LONG_SENTENCE_WORDS)
    return Readability(lix, band, len(words), long)
