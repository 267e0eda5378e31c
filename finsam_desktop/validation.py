"""Rules over a draft: what is wrong or doubtful, where, and how to put it right.

Validation never changes the draft. Each :class:`Problem` names the field path, a
severity (``fel`` blocks a final export, ``varning`` does not) and a Swedish message
that says what is wrong and how to fix it. Per-field rules follow the field's kind in
the form data; the rules that tie fields together come after them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel

from finsam_desktop.form import FieldSpec, FormSpec
from finsam_desktop.model import Entry, Report, text_of, value_at
from finsam_desktop.parsing import is_mobile
from finsam_desktop.roles import form_of
from finsam_desktop.rules import is_blank, required_by_rules, rule_problems

Severity = Literal["fel", "varning"]
FEL: Severity = "fel"
VARNING: Severity = "varning"

TYPED_KINDS = {"date", "kronor", "phone", "email", "postnummer"}
# Longest text that reads as intended, per kind; longer gets a warning, never a cut.
LONG_TEXT = {"text": 200, "lines": 500, "postort": 100, "answer": 60_000, "choice": 20}
_JUNK_LINE = re.compile(r"[0-9][0-9 ]*")
_JUNK_AMOUNT = re.compile(r"0[0 ]*")
# Unicode's control characters (Cc) but tab and line breaks, lone surrogates (Cs), and
# the two non-characters; XML 1.0, and so Word, cannot hold any of them.
UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Problem:
    """One thing to fix (``fel``) or look at (``varning``) in the field at ``path``."""

    path: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.severity}: {self.message}"


def is_unwritten(node: object) -> bool:
    """Nothing typed: a blank text, a list of blank rows, a date range with no dates."""
    if isinstance(node, list):
        return all(is_unwritten(row) for row in node)
    if isinstance(node, Entry):
        return is_blank(node.raw)
    if isinstance(node, BaseModel):
        return all(is_unwritten(getattr(node, name)) for name in type(node).model_fields)
    return is_blank(str(node))


def count_unprintable(text: str) -> int:
    """Characters a document cannot show: control characters (not tab or line breaks),
    lone surrogates and non-characters, as pasted from Word and Outlook."""
    return len(UNPRINTABLE.findall(text))


def control_characters_phrase(count: int) -> str:
    """``1 osynligt styrtecken`` / ``3 osynliga styrtecken``."""
    return f"{count} {'osynligt' if count == 1 else 'osynliga'} styrtecken"


# --- one field ------------------------------------------------------------------------


# What a field of each kind looks like filled in, for the message when it is empty.
EXAMPLES = {
    "date": "till exempel 2025-03-31",
    "kronor": "i kronor, till exempel 480 000",
    "phone": "till exempel 070-123 45 67",
    "email": "till exempel fornamn.efternamn@kommun.se",
    "postnummer": "till exempel 802 50",
    "postort": "orten efter postnumret, till exempel Gävle",
}


def _empty_message(spec: FieldSpec) -> str:
    if spec.kind == "answer":
        return f"Svara på frågan ”{spec.number} {spec.name}”. Svaret behövs för att rapporten ska vara komplett."
    if spec.kind == "choice":
        return f"Välj {', '.join(spec.choices[:-1])} eller {spec.choices[-1]} under {spec.name}."
    example = EXAMPLES.get(spec.kind)
    return f"Fyll i {spec.name}, {example}." if example else f"Fyll i {spec.name}."


def _is_junk_amount(spec: FieldSpec, text: str) -> bool:
    """``000 0`` and the like: zeros left from the template, not an amount of 0 kr."""
    return spec.kind == "kronor" and bool(_JUNK_AMOUNT.fullmatch(text.strip())) and text.strip() != "0"


def _text_problems(path: str, spec: FieldSpec, text: str) -> Iterator[Problem]:
    """Leftovers, pasted control characters and lengths: doubtful, never blocking."""
    if _is_junk_amount(spec, text):
        yield Problem(
            path, VARNING, f"”{text.strip()}” ser ut att vara en rest från mallen. Skriv beloppet, till exempel 625 000."
        )
    if spec.kind not in TYPED_KINDS:
        junk = next((line.strip() for line in text.splitlines() if _JUNK_LINE.fullmatch(line.strip())), None)
        if junk:
            yield Problem(
                path,
                VARNING,
                f"Raden ”{junk}” innehåller bara siffror och ser ut att vara en rest från mallen. "
                "Ta bort den om den inte hör till texten.",
            )
    unprintable = count_unprintable(text)
    if unprintable:
        yield Problem(
            path,
            VARNING,
            f"Texten innehåller {control_characters_phrase(unprintable)}, "
            "till exempel från Word eller Outlook. "
            "De tas bort i den exporterade rapporten.",
        )
    limit = LONG_TEXT.get(spec.kind)
    if limit and len(text) > limit:
        yield Problem(
            path,
            VARNING,
            f"Texten är mycket lång ({len(text):,} tecken).".replace(",", " ")
            + (" Skriv det viktigaste; styrelsen läser kortare svar lättare." if spec.kind == "answer" else ""),
        )
    if spec.kind == "text" and "\n" in text.strip():
        yield Problem(path, VARNING, f"{spec.name} ska stå på en rad. Ta bort radbrytningarna.")


def _typed_problems(path: str, spec: FieldSpec, entry: Entry[Any]) -> Iterator[Problem]:
    parsed = entry.parsed()
    if parsed.error:
        yield Problem(path, FEL, parsed.error)
        return
    if spec.kind == "postnummer" and parsed.rest:
        yield Problem(
            path,
            VARNING,
            f"Tolkat som postnummer {parsed.text}. Flytta ”{parsed.rest}” till Postadress och skriv bara postnumret här.",
        )
    elif parsed.note:
        yield Problem(path, VARNING, f"{parsed.note} Skriv det så i fältet om det stämmer.")
    if spec.kind == "phone" and parsed.ok and not is_mobile(parsed.text):
        yield Problem(
            path,
            VARNING,
            f"{parsed.text} ser ut som ett fast telefonnummer. Fältet gäller mobiltelefon; skriv ett mobilnummer om det finns.",
        )


def _field_problems(path: str, spec: FieldSpec, node: object) -> Iterator[Problem]:
    text = text_of(node)
    yield from _text_problems(path, spec, text)
    if is_blank(text) or _is_junk_amount(spec, text):
        if spec.required:
            yield Problem(path, FEL, _empty_message(spec))
        return
    if isinstance(node, Entry):
        yield from _typed_problems(path, spec, node)
    if spec.kind == "choice" and text not in spec.choices:
        yield Problem(path, FEL, f"”{text}” är inget av valen {', '.join(spec.choices)}.")
    if spec.kind == "postort" and re.search(r"[0-9]", text):
        yield Problem(
            path,
            VARNING,
            f"”{text.strip()}” ser ut som en gatuadress. Postadress är orten efter postnumret, till exempel Sandviken.",
        )


def _list_problems(path: str, spec: FieldSpec, rows: list[object]) -> Iterator[Problem]:
    filled = [
        index for index, row in enumerate(rows) if not all(is_blank(text_of(getattr(row, item.key))) for item in spec.items)
    ]
    if not filled:
        yield Problem(path, FEL, f"Lägg till minst en rad under {spec.name}.")
    for index, row in enumerate(rows):
        row_path = f"{path}[{index}]"
        if index not in filled:
            if filled:
                yield Problem(row_path, VARNING, f"Rad {index + 1} är tom. Ta bort den eller fyll i den.")
            continue
        for item in spec.items:
            if item.kind == "choice" and not item.required and is_blank(getattr(row, item.key)):
                yield Problem(
                    f"{row_path}.{item.key}",
                    VARNING,
                    f"{item.prompt or 'Välj ' + item.name}: {', '.join(item.choices[:-1])} eller {item.choices[-1]}.",
                )
                continue
            yield from _field_problems(f"{row_path}.{item.key}", item, getattr(row, item.key))


def _table_problems(path: str, spec: FieldSpec, rows: list[object]) -> Iterator[Problem]:
    """A table's cells, each as a field of its column (a blank cell is not a problem)."""
    for index, row in enumerate(rows):
        for item in spec.items:
            yield from _field_problems(f"{path}[{index}].{item.key}", item, getattr(row, item.key))


def _each_field(draft: Report, form: FormSpec) -> Iterator[Problem]:
    for path, spec, _section in form.fields():
        node = value_at(draft, path)
        if spec.kind == "list":
            yield from _list_problems(path, spec, node)
        elif spec.kind == "table":
            yield from _table_problems(path, spec, node)
        elif spec.kind == "daterange":
            for part, part_label in spec.parts.items():
                part_spec = spec.model_copy(update={"kind": "date", "label": part_label})
                yield from _field_problems(f"{path}.{part}", part_spec, getattr(node, part))
        else:
            yield from _field_problems(path, spec, node)


# --- fields together ------------------------------------------------------------------


def _position(form: FormSpec, path: str) -> tuple[int, list[int]]:
    """Where a problem's field stands in the form: field index, then row numbers."""
    head = path.split("[", 1)[0]
    top = min(
        (
            index
            for index, (field, _spec, _section) in enumerate(form.fields())
            if head == field or head.startswith(field + ".") or field.startswith(head + ".")
        ),
        default=0,
    )
    return top, [int(number) for number in re.findall(r"\[([0-9]+)\]", path)]


def validate(draft: Report, today: date | None = None, form: FormSpec | None = None) -> list[Problem]:
    """Every problem in the draft, in the order of the form's fields."""
    form = form or form_of(draft)
    problems = [
        *_each_field(draft, form),
        *(Problem(found.path, found.severity, found.message) for found in rule_problems(draft, form, today or date.today())),
    ]
    return sorted(problems, key=lambda problem: _position(form, problem.path))


def has_errors(problems: list[Problem]) -> bool:
    return any(problem.severity == FEL for problem in problems)


def required_paths(draft: Report, form: FormSpec | None = None) -> list[str]:
    """The fields a complete report must have valid, and those the form's rules require
    (in Gävleborg's form 7.1.1 or 7.2.1, as section 1 decides)."""
    form = form or form_of(draft)
    paths: list[str] = []
    for path, spec, _section in form.fields():
        if spec.required:
            paths += [f"{path}.{part}" for part in spec.parts] if spec.kind == "daterange" else [path]
    return paths + required_by_rules(draft, form)


def completeness(draft: Report, problems: list[Problem], form: FormSpec | None = None) -> float:
    """Share of required fields (0–1) that are filled in without a ``fel``."""
    paths = required_paths(draft, form)
    failing = [problem.path for problem in problems if problem.severity == FEL]

    def valid(path: str) -> bool:
        return not any(bad == path or bad.startswith((path + ".", path + "[")) for bad in failing)

    return sum(map(valid, paths)) / len(paths) if paths else 1.0


def report_completeness(draft: Report, today: date | None = None) -> float:
    """Completeness of a draft on its own, as the drafts list shows it."""
    return completeness(draft, validate(draft, today))
