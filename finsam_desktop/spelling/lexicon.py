# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""The Swedish dictionary: Hunspell's sv_SE from the ``hunspell-sv`` package, read by
``spylls`` (pure Python, so it runs in the Windows bundle as it does here).

Every word form the dictionary's affix rules make is expanded once into a set, so most
lookups are a set membership and suggestions are edits checked against it; only words
the set lacks (new compounds) go to spylls' slower compound analysis.
"""

from __future__ import annotations

import os
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DICTIONARY = "sv_SE"


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
    """The dictionary's word forms (lower case) and the analyser for the rest."""

    forms: frozenset[str]
    analyser: Any  # spylls.hunspell.Dictionary: untyped

    def knows(self, word: str) -> bool:
        lowered = word.lower()
        if lowered in self.forms or word in self.forms:
            return True
        return bool(self.analyser.lookup(word)) or (word != lowered and bool(self.analyser.lookup(lowered)))


def _expanded(analyser: Any) -> frozenset[str]:
    """Each stem with every suffix and prefix its flags allow (one level, as Hunspell's
    ``unmunch`` does), lower-cased: about a million Swedish forms."""
    forms: set[str] = set()
    suffixes, prefixes = analyser.aff.SFX, analyser.aff.PFX
    for word in analyser.dic.words:
        stem = word.stem
        forms.add(stem.lower())
        for flag in word.flags:
            for suffix in suffixes.get(flag, ()):
                if suffix.cond_regexp.search(stem):
                    forms.add(((stem[: len(stem) - len(suffix.strip)] if suffix.strip else stem) + suffix.add).lower())
            for prefix in prefixes.get(flag, ()):
                if prefix.cond_regexp.search(stem):
                    forms.add((prefix.add + (stem[len(prefix.strip) :] if prefix.strip else stem)).lower())
    return frozenset(forms)


class NoDictionary(Exception):
    """The Swedish dictionary's files are not installed; ``str()`` says so in Swedish."""


def load_lexicon() -> Lexicon:
    """Read and expand the dictionary (a few seconds: do it off the UI thread)."""
    base = dictionary_base()
    if base is None:
        raise NoDictionary("Den svenska ordlistan (hunspell-sv) saknas, så stavningen kontrolleras inte.")
    from spylls.hunspell import Dictionary, readers  # type: ignore[import-untyped]  # loaded only when asked
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
    analyser = Dictionary(aff, dic)
    return Lexicon(_expanded(analyser), analyser)
