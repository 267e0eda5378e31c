# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Spelling over a whole report: which fields are prose to check, which words the report
itself makes right (its names), and the possibly misspelled words of each answer."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from finsam_desktop.forms.kinds import FieldBase
from finsam_desktop.forms.paths import FieldPath
from finsam_desktop.forms.spec import FormSpec
from finsam_desktop.model import Report, text_of
from finsam_desktop.roles import form_of
from finsam_desktop.spelling.checker import Misspelling, SpellChecker, words_in


@dataclass(frozen=True)
class FoundMisspelling:
    path: FieldPath
    misspelling: Misspelling


def _fields(form: FormSpec, draft: Report) -> Iterator[tuple[FieldPath, FieldBase]]:
    """Every field with text of its own, list rows and table cells included, by path."""
    for path, spec, _section in form.fields():
        children = spec.children()
        if not children:
            yield path, spec
            continue
        rows = path.get(draft)
        if isinstance(rows, list):
            for index in range(len(rows)):
                for key, item in children:
                    yield path.row(index).child(key), item


def prose_fields(draft: Report) -> list[tuple[FieldPath, str]]:
    """The answers to check, ``(path, text)``, in the form's order."""
    return [(path, text_of(path.get(draft))) for path, spec in _fields(form_of(draft), draft) if spec.prose]


def own_words(draft: Report) -> set[str]:
    """Words of the report's names (insats, organisations, samverkansparter, people) and of
    its form's own texts (the förbund's contacts): right in this report."""
    form = form_of(draft)
    texts = [text_of(path.get(draft)) for path, spec in _fields(form, draft) if spec.names]
    texts += [form.forbund.name, *(contact.name for contact in form.forbund.contacts)]
    for node in form.nodes.values():
        texts.append(node.spec.label)
    return {word for text in texts for _start, _end, word in words_in(text)}


def judged_misspellings(checker: SpellChecker, draft: Report) -> tuple[list[FoundMisspelling], set[str]]:
    """What is known to be misspelled without judging anything new (for the UI thread), and
    the words still to judge."""
    checker.accept(own_words(draft))
    found: list[FoundMisspelling] = []
    unjudged: set[str] = set()
    for path, text in prose_fields(draft):
        for start, end, word in words_in(text):
            verdict = checker.known_verdict(word)
            if verdict is None:
                unjudged.add(word)
            elif not verdict:
                found.append(FoundMisspelling(path, Misspelling(start, end, word)))
    return found, unjudged


def misspellings(checker: SpellChecker, draft: Report) -> list[FoundMisspelling]:
    """Possibly misspelled words of every answer (the report's own words accepted)."""
    checker.accept(own_words(draft))
    return [FoundMisspelling(path, found) for path, text in prose_fields(draft) for found in checker.misspellings(text)]
