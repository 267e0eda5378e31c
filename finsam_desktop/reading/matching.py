# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""Matching a document's lines to the form: what a line may start with (a section heading, a
field's label, the mall's own text), tolerant of small differences in wording and of
å/ä/ö lost on the way (``Allmanna uppgifter``), and a field's text from its lines."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

from finsam_desktop.forms.kinds import FieldBase, RowsBase
from finsam_desktop.forms.paths import ROOT, FieldPath
from finsam_desktop.forms.spec import FormSpec

SIMILAR_ENOUGH = 0.86
LIST_ITEM = re.compile(r"([-*]|[0-9]{1,2}[.)])[ \t]+|(•)[ \t]*")
MIN_SECTIONS = 3


@dataclass(frozen=True)
class Line:
    text: str
    marker: str = ""  # "- " for a bullet, "3. " for a numbered item
    heading: bool = False  # in a heading style, or bold throughout


@dataclass(frozen=True)
class Target:
    """Something a line may start with: a section heading, a field's label, or fixed text."""

    words: str
    role: Literal["section", "field", "skip", "office", "signer", "row"]
    section: str
    path: FieldPath = ROOT
    key: str = ""  # a signer's target: the item of the list at ``path``; the office box's label
    numbered: bool = False
    alone: bool = False  # only a line holding nothing else (but its help text) counts
    help_words: str = ""
    number: str = ""  # a numbered heading's number, by which a hand-filled report's own wording is found


def norm(text: str) -> str:
    """Lower case, no accents, no punctuation: ``Allmänna uppgifter:`` → ``allmanna uppgifter``."""
    text = unicodedata.normalize("NFKD", text.lower()).translate(_combining())
    return " ".join(_NOT_WORD.sub(" ", text).split())


@functools.cache
def _combining() -> dict[int, None]:
    """The accents NFKD splits off, to drop in one ``translate`` (all lie below U+20000)."""
    return dict.fromkeys(code for code in range(0x20000) if unicodedata.combining(chr(code)))


_NOT_WORD = re.compile(r"[^a-z0-9]+")


def similar(a: str, b: str) -> bool:
    """Equal but for a few letters lost or misread (OCR): same start, about the same length."""
    if a == b:
        return True
    if len(b) < 5 or not a or a[0] != b[0] or abs(len(a) - len(b)) > max(2, len(b) // 10):
        return False
    matcher = difflib.SequenceMatcher(None, a, b)  # the quick bounds first: most lines are no label
    quick = matcher.real_quick_ratio() >= SIMILAR_ENOUGH and matcher.quick_ratio() >= SIMILAR_ENOUGH
    return quick and matcher.ratio() >= SIMILAR_ENOUGH


def split_after(text: str, words: str) -> str | None:
    """The rest of ``text`` after a leading ``words`` (normalised), or None if it does not lead.
    Only the start of the text is looked at, so a page-long paragraph costs what a line does."""
    probe = text[: 2 * len(words) + 40]
    start = norm(probe)
    if not start.startswith(words[: max(3, len(words) // 2)]) and not similar(start[: len(words)], words):
        return None
    whole = probe == text
    best: tuple[float, int] | None = None
    for match in re.finditer(r"[\s:.,;()/–-]+|$", probe):
        if match.end() == len(probe) and not whole and not match.group():
            break  # the cut end of a long text is no word's end
        head = norm(probe[: match.end()])
        if len(head) > len(words) + 4:
            break
        if similar(head, words):
            score = 2.0 if head == words else difflib.SequenceMatcher(None, head, words).ratio()
            if best is None or score > best[0]:
                best = (score, match.end())
    return text[best[1] :].strip(" :\t") if best else None


PRINTED_NUMBER = re.compile(r"[−-]?[0-9][0-9  ]*(?:[.,][0-9]+)?(?: ?(?:kr|st|%))?|–")
FRONT = "front"  # the first page: title, office box, contacts


def front_sections(form: FormSpec) -> set[str]:
    """Where the front page's own texts may stand: before and in the front page's sections."""
    return {"", FRONT, *(section.key for section in form.sections[: form.front_sections])}


def form_texts(form: FormSpec) -> set[str]:
    """Every text of the form itself, normalised."""
    found: set[str] = set()

    def collect(node: Any) -> None:
        if isinstance(node, str):
            found.add(norm(node))
        elif isinstance(node, dict):
            for value in node.values():
                collect(value)
        elif isinstance(node, list | tuple):
            for value in node:
                collect(value)

    collect(form.model_dump())
    for contact in form.forbund.contacts:  # as the front page prints them
        collect([f"{contact.name}, {contact.role}", f"Tfn: {contact.phone}"])
    found.discard("")
    return found


def targets(form: FormSpec) -> list[Target]:
    """What lines may start with, longest first so ``Organisations namn`` beats ``Organisation``."""
    targets = [
        Target(norm(text), "skip", FRONT, alone=True)  # the mall's own lines, whole
        for text in (
            form.form.title,
            form.form.subtitle,
            form.form.instruction,
            form.forbund.send_instruction,
            form.forbund.purpose,
            (form.forbund.contacts_heading or "Kontakt") if form.forbund.contacts else "",
            form.office_box.caption if form.office_box else "",
        )
        if text
    ]
    if form.office_box is not None:
        targets += [Target(norm(label), "office", FRONT, key=label) for label in form.office_box.labels]
    for section in form.sections:
        targets.append(Target(norm(section.heading), "section", section.key, numbered=True, number=section.number))
        targets.append(Target(norm(section.title), "section", section.key, alone=True))  # Word's own numbering
        for spec in section.fields:
            path = section.field_path(spec)
            if spec.reading == "signers":
                targets += [Target(norm(item.label), "signer", section.key, path, key) for key, item in spec.children()]
            if isinstance(spec, RowsBase) and spec.reading == "grid" and not spec.fixed_rows:  # rows as "Label: value"
                targets += [Target(norm(item.label), "row", section.key, path, key) for key, item in spec.children()]
            targets += [Target(norm(text), "skip", section.key, alone=True) for text in spec.document_skips()]
            help_words = norm(spec.help)
            for label in spec.document_labels():
                if not label:
                    continue
                if spec.number:
                    numbered = norm(f"{spec.number} {label}")
                    targets.append(Target(numbered, "field", section.key, path, "", True, False, help_words, spec.number))
                targets.append(Target(norm(label), "field", section.key, path, "", False, spec.label_alone, help_words))
            if spec.case is not None:
                _, title = spec.case.heading.split(" ", 1) if " " in spec.case.heading else ("", spec.case.heading)
                targets.append(Target(norm(spec.case.heading), "skip", section.key, numbered=True))
                targets.append(Target(norm(title), "skip", section.key, alone=True))
    return sorted(targets, key=lambda target: len(target.words), reverse=True)


# --- the document as lines ------------------------------------------------------------


def joined(lines: list[str], spec: FieldBase) -> str:
    """Field text from its lines. In answers, paragraphs stand apart by a blank line and
    list items (``•Text`` too) together; other fields keep one line per paragraph."""
    answer = spec.paragraphs
    parts: list[str] = []  # joined once: adding to a string line by line is quadratic
    for line in lines:
        if not line.strip():
            parts.append("\n")
            continue
        item = LIST_ITEM.match(line)
        if item:
            line = f"{item.group(1) or item.group(2)} {line[item.end() :]}"
        parts.append(("\n" if item or not parts or not answer else "\n\n") + line.rstrip())
    text = re.sub(r"\n{3,}", "\n\n", "".join(parts)).strip("\n ")
    if not answer:
        text = re.sub(r"\n+", "\n", text)
    if spec.help:
        rest = split_after(text, norm(spec.help))
        text = rest if rest is not None else text
    return text.strip()
