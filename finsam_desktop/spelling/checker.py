# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Which words of a text may be misspelled, and what they may have meant.

Words the checker accepts without the dictionary: acronyms (``SIP``, ``FK``), words with
digits, e-mail and web addresses, the field's own names (``resources/spelling``), the
report's own words (insats, organisations, samverkansparter) and the user's word list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from finsam_desktop.resources import resource
from finsam_desktop.spelling.lexicon import Lexicon

LETTERS = "abcdefghijklmnopqrstuvwxyzåäöé"
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
ADDRESS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+", re.IGNORECASE)
PARTS = 3  # words a compound may be split into when the dictionary's own rules do not know it
MIN_HEAD = 3  # letters, of an accepted word starting a compound and of what follows
COMPOUND_HEADS = 2  # first parts tried when a compound's last part has the typo
ACRONYM = re.compile(r"[A-ZÅÄÖ]{2,6}s?")  # SIP, IPS, FK, SIP:s → "SIP" before the colon


@dataclass(frozen=True)
class Misspelling:
    start: int
    end: int
    word: str


def field_words() -> frozenset[str]:
    """Names and terms of this field that a general dictionary lacks (one per line)."""
    text = resource("spelling", "fackord.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def words_in(text: str) -> Iterator[tuple[int, int, str]]:
    """The words of ``text`` with their places, e-mail and web addresses left out."""
    addresses = [match.span() for match in ADDRESS.finditer(text)]
    for match in WORD.finditer(text):
        if any(start <= match.start() < end for start, end in addresses):
            continue
        yield match.start(), match.end(), match.group()


class SpellChecker:
    """Checks against the lexicon and the accepted words; remembers every verdict."""

    def __init__(self, lexicon: Lexicon, accepted: Iterable[str] = ()) -> None:
        self.lexicon = lexicon
        self.accepted = set(field_words()) | {word.lower() for word in accepted}
        self.verdicts: dict[str, bool] = {}

    def accept(self, words: Iterable[str]) -> bool:
        """Words to take as right from now on (the user's list, the report's own words);
        whether any was new. A word judged wrong before, even in a compound, is judged again."""
        fresh = {word.lower() for word in words} - self.accepted
        self.accepted = self.accepted | fresh  # a new set: a worker thread may be reading the old one
        if fresh:
            self.verdicts = {word: verdict for word, verdict in self.verdicts.items() if verdict}
        return bool(fresh)

    def is_right(self, word: str) -> bool:
        verdict = self.verdicts.get(word)
        if verdict is None:
            verdict = self._judge(word)
            self.verdicts[word] = verdict
        return verdict

    def known_verdict(self, word: str) -> bool | None:
        """The verdict if already reached (for the UI thread, which never waits)."""
        return self.verdicts.get(word)

    def _judge(self, word: str) -> bool:
        if len(word) < 2 or ACRONYM.fullmatch(word) or word.lower() in self.accepted:
            return True
        parts = re.split(r"[-'’]", word)
        if len(parts) > 1:  # "FK-handläggare", "Region-Gävleborg": each part on its own
            return all(not part or self.is_right(part) for part in parts)
        lowered = word.lower()
        if lowered.endswith("s") and lowered[:-1] in self.accepted:  # a name's genitive: Trisams
            return True
        if self.lexicon.knows(word) or self._accepted_compound(lowered):
            return True
        # a free compound, unless one letter away from a dictionary form: then a typo, likelier
        return self._parts_known(lowered, PARTS) and not any(edit in self.lexicon for edit in _edits(lowered))

    def _parts_known(self, lowered: str, parts: int) -> bool:
        """Swedish joins words freely: ``trepartsmötena`` is ``tre`` + ``parts`` + ``mötena``.
        Up to ``parts`` dictionary forms of three letters or more, each but the last one the
        dictionary lets start a compound (nouns, adjectives, verbs and their linking forms;
        never a conjunction or pronoun: ``samt`` + ``taget`` is no word)."""
        if lowered in self.lexicon:
            return True
        if parts < 2:
            return False
        for head in self.lexicon.heads(lowered):
            tail = lowered[len(head) :]
            if len(head) >= MIN_HEAD and len(tail) >= MIN_HEAD and self._parts_known(tail, parts - 1):
                return True
        return False

    def _accepted_compound(self, lowered: str) -> bool:
        """An accepted word joined to a dictionary word: ``Trisamhandläggare``, ``SIP-möte``."""
        for head in self.accepted:
            if len(head) >= MIN_HEAD and lowered.startswith(head) and len(lowered) - len(head) >= MIN_HEAD:
                tail = lowered[len(head) :]
                if self.lexicon.knows(tail) or (tail[0] == "s" and self.lexicon.knows(tail[1:])):
                    return True
        return False

    def misspellings(self, text: str) -> list[Misspelling]:
        return [Misspelling(start, end, word) for start, end, word in words_in(text) if not self.is_right(word)]

    def suggest(self, word: str, limit: int = 5) -> list[str]:
        """Dictionary forms one edit away (then two, by inserts and replaces), the likeliest
        first: same first letter, same length; written with the word's capitalisation."""
        lowered = word.lower()
        lexicon = self.lexicon
        found = [candidate for candidate in _edits(lowered) if candidate in lexicon]
        if not found:
            found = self._compound_repairs(lowered)
        if not found:  # two letters missing or wrong: inserts and replaces only, to stay fast
            found = [
                two
                for place, one in _placed_edits(lowered, swaps=False, deletes=False)
                if (reach := lexicon.reach(one)) > place  # what the first edit made begins some form
                for _place, two in _placed_edits(one, False, False, first=place + 1, last=reach)
                if two in lexicon
            ]

        def likeness(candidate: str) -> tuple[bool, int, str]:
            return candidate[0] != lowered[0], abs(len(candidate) - len(lowered)), candidate

        return [_like(word, candidate) for candidate in sorted(dict.fromkeys(found), key=likeness)[:limit]]

    def _compound_repairs(self, lowered: str) -> list[str]:
        """A compound with the typo in its last part (``brukarmedverkn``): the longest known
        first parts, the last part one edit from a dictionary form, the whole a compound."""
        lexicon = self.lexicon
        repairs: list[str] = []
        heads = [index for index in range(len(lowered) - 3, 2, -1) if lowered[:index] in lexicon][:COMPOUND_HEADS]
        for index in heads:
            head, tail = lowered[:index], lowered[index:]
            repairs += [head + fixed for fixed in _edits(tail) if fixed in lexicon and lexicon.knows(head + fixed)]
        return repairs


def _edits(word: str, swaps: bool = True, deletes: bool = True, reach: int | None = None) -> Iterator[str]:
    """The words one edit from ``word``; only at or before ``reach`` when given (what
    follows a longer unchanged beginning can be no word)."""
    return (candidate for _place, candidate in _placed_edits(word, swaps, deletes, last=reach))


def _placed_edits(
    word: str, swaps: bool = True, deletes: bool = True, first: int = 0, last: int | None = None
) -> Iterator[tuple[int, str]]:
    """Each word one edit from ``word``, with where the edit is (from ``first`` to ``last``).
    Two edits are tried in order, the second after the first, so each pair is made once."""
    last = len(word) if last is None else min(last, len(word))
    for index in range(first, last + 1):
        left, right = word[:index], word[index:]
        if right:
            if deletes:
                yield index, left + right[1:]
            if swaps and len(right) > 1:
                yield index, left + right[1] + right[0] + right[2:]
            for letter in LETTERS:
                if letter != right[0]:
                    yield index, left + letter + right[1:]
        for letter in LETTERS:
            yield index, left + letter + right


def _like(original: str, candidate: str) -> str:
    if original.isupper() and len(original) > 1:
        return candidate.upper()
    if original[:1].isupper():
        return candidate[:1].upper() + candidate[1:]
    return candidate
