"""Spelling over a whole report: which fields are prose to check, which words the report
itself makes right (its names), and the possibly misspelled words of each answer."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from finsam_desktop.form import FieldSpec, FormSpec
from finsam_desktop.model import Report, text_of, value_at
from finsam_desktop.roles import form_of
from finsam_desktop.spelling.checker import Misspelling, SpellChecker, words_in

PROSE = {"answer"}  # free text a reporter writes; names and addresses are the report's own words
NAMES = {"text", "lines", "postort"}


@dataclass(frozen=True)
class FoundMisspelling:
    path: str
    misspelling: Misspelling


def _fields(form: FormSpec, draft: Report) -> Iterator[tuple[str, FieldSpec]]:
    """Every field with text, list rows and table cells included, by path."""
    for path, spec, _section in form.fields():
        if spec.kind in {"list", "table"}:
            for index in range(len(value_at(draft, path))):
                for item in spec.items:
                    yield f"{path}[{index}].{item.key}", item
        elif spec.kind != "daterange":
            yield path, spec


def prose_fields(draft: Report) -> list[tuple[str, str]]:
    """The answers to check, ``(path, text)``, in the form's order."""
    return [(path, text_of(value_at(draft, path))) for path, spec in _fields(form_of(draft), draft) if spec.kind in PROSE]


def own_words(draft: Report) -> set[str]:
    """Words of the report's names (insats, organisations, samverkansparter, people) and of
    its form's own texts (the förbund's contacts): right in this report."""
    form = form_of(draft)
    texts = [text_of(value_at(draft, path)) for path, spec in _fields(form, draft) if spec.kind in NAMES]
    texts += [form.forbund.name, *(contact.name for contact in form.forbund.contacts)]
    for _path, spec, _section in form.fields():
        texts += [spec.label, *spec.parts.values()]
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
