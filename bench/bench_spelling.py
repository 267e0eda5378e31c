# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Spelling: the dictionary's load, and the 100 realistic typos of the tests: how many are
flagged, whether the right word is among the first three suggestions, and how long a
suggestion takes (a context menu waits for it)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from finsam_desktop.spelling.checker import SpellChecker
from finsam_desktop.spelling.lexicon import load_lexicon

TYPOS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "stavfel.txt"


def spelling_report() -> str:
    began = time.perf_counter()
    lexicon = load_lexicon()
    loaded = time.perf_counter() - began
    checker = SpellChecker(lexicon)
    pairs = [line.split("\t") for line in TYPOS.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    flagged = sum(not checker.is_right(typo) for typo, _right in pairs)
    right_in_three, timings = 0, []
    for typo, right in pairs:
        began = time.perf_counter()
        right_in_three += right in checker.suggest(typo, 3)
        timings.append(time.perf_counter() - began)
    return (f"spelling: the dictionary loads in {loaded:.3f} s; of {len(pairs)} realistic typos {flagged} are flagged and"
            f" {right_in_three} have the right word among the first three suggestions; a suggestion takes"
            f" {statistics.median(timings) * 1000:.1f} ms at the median, {max(timings):.3f} s at the slowest")
