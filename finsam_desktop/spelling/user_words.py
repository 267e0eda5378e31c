# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The user's own word list: words added with "Lägg till i ordlistan", one per line in
``ordlista.txt`` in the data folder, used in every report."""

from __future__ import annotations

from pathlib import Path

from finsam_desktop.drafts import atomic_write
from finsam_desktop.paths import data_dir

FILE = "ordlista.txt"
MAX_WORD = 100


def user_words_file() -> Path:
    return data_dir() / FILE


def user_words() -> set[str]:
    """The words, or none when the file is missing or unreadable (then nothing is lost: it
    is only read, and rewritten whole when a word is added)."""
    try:
        text = user_words_file().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    return {line.strip() for line in text.splitlines() if line.strip() and len(line.strip()) <= MAX_WORD}


def add_user_word(word: str) -> None:
    """Add a word to the list (atomically; raises OSError when the disk refuses)."""
    words = user_words() | {word.strip()}
    atomic_write(user_words_file(), ("\n".join(sorted(words, key=str.lower)) + "\n").encode("utf-8"))
