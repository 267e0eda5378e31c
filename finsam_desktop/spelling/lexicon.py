# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The Swedish dictionary: Hunspell's sv_SE from the ``hunspell-sv`` package, expanded once
into a compact trie (``marisa-trie``: 963 000 forms in about 3 MB) that loads in milliseconds.

The expansion applies every affix rule to every stem (as Hunspell's ``unmunch``) and keeps,
beside each form that stands alone, the forms the dictionary's compound flags allow first,
in the middle or last in a compound: Hunspell's own compounding, without Hunspell in memory.
The installer ships the trie built (``build_installer.py``); run from source, it is built on
first use into the cache folder, named by the dictionary's digest so a new one is rebuilt.
Hunspell's compound rules need no order here: a flag's places are enough for a checker.
"""

from __future__ import annotations

import gc
import hashlib
import os
import re
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import marisa_trie  # type: ignore[import-not-found]  # compiled, no stubs

from finsam_desktop.paths import cache_dir

DICTIONARY = "sv_SE"
BUILT_NAME = f"{DICTIONARY}.trie"
LAYOUT = "3"  # what a built trie holds: raise when the expansion changes, so caches are rebuilt
ALONE, FIRST, MIDDLE, LAST = "=", "<", "~", ">"  # a key's first character: how the form may be used
COMPOUND_MIN = 2  # letters of a compound's part (the dictionary's COMPOUNDMIN)
COMPOUND_PARTS = 4  # parts of a compound at most (its COMPOUNDWORDMAX)


def dictionary_base() -> Path | None:
    """Where ``sv_SE.dic``/``.aff`` are: beside the frozen app, or where pip put them."""
    candidates = [
        Path(os.environ["FINSAM_HUNSPELL_DIR"]) if os.environ.get("FINSAM_HUNSPELL_DIR") else None,
        Path(getattr(sys, "_MEIPASS", "")) / "hunspell" if getattr(sys, "frozen", False) else None,
        Path(sysconfig.get_path("data")) / "share" / "hunspell",
        Path(sys.prefix) / "share" / "hunspell",
    ]
    for folder in candidates:
        if folder is not None and (folder / f"{DICTIONARY}.dic").is_file() and (folder / f"{DICTIONARY}.aff").is_file():
            return folder / DICTIONARY
    return None


@dataclass(frozen=True)
class Lexicon:
    """The dictionary's word forms (lower case), each keyed by how it may be used."""

    trie: Any  # marisa_trie.Trie: untyped

    def __contains__(self, form: str) -> bool:
        """Whether ``form`` (lower case) is a word on its own."""
        return ALONE + form in self.trie

    def knows(self, word: str) -> bool:
        """A form of the dictionary, or a compound its flags allow (``arbets`` + ``marknad``)."""
        lowered = word.lower()
        return lowered in self or self.compound(lowered)

    def compound(self, lowered: str, parts: int = COMPOUND_PARTS, first: bool = True) -> bool:
        """Hunspell's compounding: a form that may come first, any that may be in the middle,
        one that may come last; the longest first parts are tried first."""
        for key in reversed(self.trie.prefixes((FIRST if first else MIDDLE) + lowered)):
            head = key[1:]
            if len(head) < COMPOUND_MIN:
                continue
            for tail in _tails(lowered, head):
                if len(tail) < COMPOUND_MIN:
                    continue
                if LAST + tail in self.trie or (parts > 2 and self.compound(tail, parts - 1, first=False)):
                    return True
        return False

    def reach(self, lowered: str) -> int:
        """How many letters of ``lowered`` some form begins with."""
        low, high = 0, len(lowered)
        while low < high:  # a beginning of a form's beginning is one too: halve
            middle = (low + high + 1) // 2
            if next(self.trie.iterkeys(ALONE + lowered[:middle]), None) is not None:
                low = middle
            else:
                high = middle - 1
        return low

    def heads(self, lowered: str) -> list[str]:
        """The forms ``lowered`` starts with that may start a compound, longest first."""
        return [key[1:] for key in reversed(self.trie.prefixes(FIRST + lowered))]


def _tails(lowered: str, head: str) -> list[str]:
    """What follows ``head``; after a double letter also with it tripled, as Swedish writes
    ``glasskål`` for glass + skål (the dictionary's SIMPLIFIEDTRIPLE)."""
    tail = lowered[len(head) :]
    tripled = len(head) >= 2 and head[-1] == head[-2] and tail[:1] != head[-1:]
    return [tail, head[-1] + tail] if tripled else [tail]


def _places(aff: Any) -> dict[str, set[str]]:
    """Each compound flag's places: COMPOUNDBEGIN first, and so on; a flag of a COMPOUNDRULE
    (numerals, ``tre`` + ``parts`` + ``mötena``) where the rule can have it, order aside."""
    places: dict[str, set[str]] = {aff.COMPOUNDBEGIN: {FIRST}, aff.COMPOUNDMIDDLE: {MIDDLE}, aff.COMPOUNDEND: {LAST}}
    for rule in aff.COMPOUNDRULE:
        elements = re.findall(r"(.)([*?]?)", rule.text)
        for index, (flag, _repeat) in enumerate(elements):
            optional_before = all(repeat for _flag, repeat in elements[:index])
            optional_after = all(repeat for _flag, repeat in elements[index + 1 :])
            places.setdefault(flag, set()).update(
                {FIRST} if optional_before else set(),
                {LAST} if optional_after else set(),
                {MIDDLE} if 0 < index < len(elements) - 1 else set(),
            )
    return places


def _keys(analyser: Any) -> set[str]:
    """Each stem with every suffix and prefix its flags allow (one level), lower-cased, each
    keyed by where it may stand: alone, or first, in the middle or last in a compound."""
    aff = analyser.aff
    places = _places(aff)
    only_in_compound, forbidden, needs_affix = aff.ONLYINCOMPOUND, aff.FORBIDDENWORD, aff.NEEDAFFIX
    keys: set[str] = set()

    def add(form: str, flags: set[str]) -> None:
        lowered = form.lower()
        if forbidden in flags:
            return
        if only_in_compound not in flags:
            keys.add(ALONE + lowered)
        keys.update(mark + lowered for flag in flags & places.keys() for mark in places[flag])

    for word in analyser.dic.words:
        stem, flags = word.stem, word.flags
        if needs_affix not in flags:
            add(stem, flags)
        begins = {flag for flag in flags & places.keys() if FIRST in places[flag]}
        ends = {flag for flag in flags & places.keys() if LAST in places[flag]}
        for flag in flags:  # a prefix keeps the stem's place first, a suffix its place last
            for suffix in aff.SFX.get(flag, ()):
                if suffix.cond_regexp.search(stem):
                    form = (stem[: len(stem) - len(suffix.strip)] if suffix.strip else stem) + suffix.add
                    add(form, set(suffix.flags) | ends)
            for prefix in aff.PFX.get(flag, ()):
                if prefix.cond_regexp.search(stem):
                    add(prefix.add + (stem[len(prefix.strip) :] if prefix.strip else stem), set(prefix.flags) | begins)
    return keys


class NoDictionary(Exception):
    """The Swedish dictionary's files are not installed; ``str()`` says so in Swedish."""


def _read(base: Path) -> Any:
    """spylls' reading of the dictionary, every file it opens closed again."""
    from spylls.hunspell import Dictionary, readers  # type: ignore[import-untyped]  # only to build
    from spylls.hunspell.readers.file_reader import FileReader  # type: ignore[import-untyped]

    class ClosingReader(FileReader):
        """spylls' reader, keeping each file it opens (it reopens on an encoding change) to close."""

        def _open(self, path: str, encoding: str) -> Any:
            handle = super()._open(path, encoding)
            self.__dict__.setdefault("opened", []).append(handle)
            return handle

        def close(self) -> None:
            for handle in self.__dict__.get("opened", []):
                handle.close()

    aff_reader = ClosingReader(f"{base}.aff")
    try:
        aff, context = readers.read_aff(aff_reader)
    finally:
        aff_reader.close()
    dic_reader = ClosingReader(f"{base}.dic", encoding=context.encoding)
    try:
        dic = readers.read_dic(dic_reader, aff=aff, context=context)
    finally:
        dic_reader.close()
    return Dictionary(aff, dic)


def build_lexicon(base: Path, target: Path) -> None:
    """Expand the dictionary at ``base`` into a trie file at ``target`` (a few seconds).

    The cycle collector is off meanwhile: the millions of objects spylls makes hold no cycles,
    and a collection started on a worker thread would finalise the UI's garbage there (Qt
    objects must go on their own thread; a test run crashed on it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        trie = marisa_trie.Trie(_keys(_read(base)))
    finally:
        if was_enabled:
            gc.enable()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    partial.write_bytes(trie.tobytes())
    os.replace(partial, target)


def _built(base: Path) -> Path:
    """The trie for the dictionary at ``base``: shipped beside it, or in the cache by digest."""
    shipped = base.with_name(BUILT_NAME)
    if shipped.is_file():
        return shipped
    digest = hashlib.sha256(LAYOUT.encode())
    for suffix in (".aff", ".dic"):
        digest.update(base.with_suffix(suffix).read_bytes())
    return cache_dir() / f"{DICTIONARY}-{digest.hexdigest()[:16]}.trie"


def load_lexicon() -> Lexicon:
    """The dictionary's trie, built first when this dictionary has none yet (then a few
    seconds: call it off the UI thread); built again when cut short or corrupt."""
    base = dictionary_base()
    if base is None:
        raise NoDictionary("Den svenska ordlistan (hunspell-sv) saknas, så stavningen kontrolleras inte.")
    built = _built(base)
    trie = marisa_trie.Trie()
    try:
        trie.frombytes(built.read_bytes())  # bytes, not mmap: a locked or non-ASCII path stays readable
    except (OSError, ValueError, RuntimeError):  # missing, cut short or corrupt
        if built.name == BUILT_NAME:
            built = cache_dir() / BUILT_NAME  # the shipped one is damaged: one of our own instead
        build_lexicon(base, built)
        trie.frombytes(built.read_bytes())
    return Lexicon(trie)
