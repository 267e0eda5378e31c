# SPDX-FileCopyrightText: 2026 Finsam Slutrapport
# SPDX-License-Identifier: EUPL-1.2
"""What a form file must get right for the app never to fail on it later (``form-check``):
ids and keys the draft model can hold, roles and rules on fields of the kinds they need,
messages with only the placeholders their rule fills in, conditions and computed values
over fields that exist and never depend on themselves. Said in Swedish, with where."""

from __future__ import annotations

import keyword
import re
import string
from collections.abc import Iterator

from pydantic import BaseModel

from finsam_desktop.forms.expressions import ExpressionError, Name, names_in, parse
from finsam_desktop.forms.kinds import (
    ChoiceSpec,
    DateRangeSpec,
    DateSpec,
    EmailSpec,
    FieldBase,
    ListSpec,
    NumberBase,
    RowsBase,
    kind_name,
)
from finsam_desktop.forms.kinds.text import LinesSpec, TextSpec
from finsam_desktop.forms.paths import FieldPath, InvalidPath
from finsam_desktop.forms.spec import FormSpec
from finsam_desktop.model import Part, Report

Where = tuple[str | int, ...]
FORM_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
KEY = re.compile(r"[a-z][a-z0-9_]*")
_ADDRESS = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
RESERVED = frozenset(dir(BaseModel)) | frozenset(dir(Part)) | frozenset(dir(Report)) | frozenset(keyword.kwlist)

# What each role's field must be, and how to say it.
TEXT_LIKE = (TextSpec, LinesSpec)
ROLE_KINDS: dict[str, tuple[tuple[type[FieldBase], ...], str]] = {
    "name": (TEXT_LIKE, "en text"),
    "organisation": (TEXT_LIKE, "en text"),
    "contact": (TEXT_LIKE, "en text"),
    "reporter_name": (TEXT_LIKE, "en text"),
    "period": ((DateRangeSpec,), "ett datumintervall (daterange)"),
    "granted": ((NumberBase,), "ett tal (kronor, antal eller procent)"),
    "used": ((NumberBase,), "ett tal (kronor, antal eller procent)"),
    "reporter_date": ((DateSpec, *TEXT_LIKE), "ett datum eller en text"),
    "contact_email": ((EmailSpec,), "en e-postadress (email)"),
    "partners": (TEXT_LIKE, "en textkolumn i en lista"),
    "goals": ((ListSpec,), "en lista"),
}
NEEDS: dict[str, tuple[tuple[type[FieldBase], ...], str]] = {
    "date": ((DateSpec,), "ett datum"),
    "number": ((NumberBase,), "ett tal (kronor, antal eller procent)"),
}


def key_problem(key: str) -> str | None:
    """Why ``key`` cannot name a field or section of a draft, or None."""
    if not KEY.fullmatch(key):
        return f"nyckeln ”{key[:60]}” får bara ha små bokstäver a–z, siffror och _, och börja med en bokstav"
    if key in RESERVED or key.startswith("model_"):
        return f"nyckeln ”{key}” är reserverad i programmet; välj ett annat namn"
    return None


def _path(form: FormSpec, text: str, section: bool = False) -> FieldPath | None:
    """The field (or, with ``section``, the section) ``text`` names in the form, or None."""
    try:
        found = FieldPath.parse(text)
    except InvalidPath:
        return None
    if section and len(found.steps) == 1 and any(each.key == found.section for each in form.sections):
        return found
    return found if form.has(found) else None


def _kinds(kinds: tuple[type[FieldBase], ...]) -> str:
    return ", ".join(kind_name(kind) for kind in _concrete(kinds))


def _concrete(kinds: tuple[type[FieldBase], ...]) -> list[type[FieldBase]]:
    from finsam_desktop.forms.kinds import KINDS

    return [kind for kind in KINDS if issubclass(kind, kinds)]


def form_problems(form: FormSpec) -> Iterator[tuple[Where, str]]:
    yield from _identity(form)
    yield from _fields(form)
    yield from _roles(form)
    yield from _rules(form)
    yield from _expressions(form)
    yield from _carry(form)


def _identity(form: FormSpec) -> Iterator[tuple[Where, str]]:
    if not FORM_ID.fullmatch(form.id):
        yield ("form", "id"), (
            f"id ”{form.id[:60]}” får bara ha små bokstäver a–z, siffror och bindestreck, till exempel mittforbund-slutrapport"
        )
    if not form.edition.strip():
        yield ("form", "edition"), "edition får inte vara tom; skriv utgåvan, till exempel 2025"
    if not _ADDRESS.fullmatch(form.forbund.recipient):
        shown = " ".join(form.forbund.recipient.split())[:80]
        yield ("forbund", "recipient"), f"recipient ”{shown}” ska vara en enda e-postadress, till exempel kansli@mittforbund.se"
    if "front_sections" in form.model_fields_set and form.front_sections > len(form.sections):
        yield ("front_sections",), (
            f"front_sections är {form.front_sections}, men formuläret har bara {len(form.sections)} avsnitt"
        )


def _fields(form: FormSpec) -> Iterator[tuple[Where, str]]:
    seen: set[FieldPath] = set()
    section_keys: set[str] = set()
    for s_index, section in enumerate(form.sections):
        where_section: Where = ("sections", s_index)
        if (problem := key_problem(section.key)) is not None:
            yield (*where_section, "key"), problem
        if section.key in section_keys:
            yield (*where_section, "key"), f"avsnittet ”{section.key}” finns två gånger"
        section_keys.add(section.key)
        for f_index, spec in enumerate(section.fields):
            where: Where = (*where_section, "fields", f_index)
            path = section.field_path(spec)
            if path in seen:
                yield (*where, "key"), f"nyckeln ”{path}” finns två gånger"
            seen.add(path)
            yield from _field(spec, where, str(path))


def _field(spec: FieldBase, where: Where, path: str) -> Iterator[tuple[Where, str]]:
    if (problem := key_problem(spec.key)) is not None:
        yield (*where, "key"), problem
    children = list(spec.children())
    keys = [key for key, _child in children]
    for key in sorted({key for key in keys if keys.count(key) > 1}):
        yield where, f"nyckeln ”{key}” finns två gånger i ”{path}”"
    if isinstance(spec, DateRangeSpec):
        for key in spec.parts:
            if (problem := key_problem(key)) is not None:
                yield (*where, "parts"), problem
    if isinstance(spec, RowsBase):
        for i_index, item in enumerate(spec.items):
            item_where: Where = (*where, "items", i_index)
            if not item.in_rows:
                yield (*item_where, "kind"), (
                    f"en kolumn i ”{path}” kan inte vara av sorten {kind_name(type(item))}; "
                    "möjliga i en tabell: " + ", ".join(kind_name(kind) for kind in _concrete((FieldBase,)) if kind.in_rows)
                )
            yield from _field(item, item_where, f"{path}.{item.key}")
        if spec.total and not any(item.numeric and item.additive for item in spec.items):
            yield (*where, "total"), f"”{path}” har en summarad (total) men ingen kolumn med belopp eller antal att summera"
    if isinstance(spec, ChoiceSpec):
        for name, table in (("aliases", spec.aliases), ("judgements", spec.judgements)):
            for choice in table:
                if choice not in spec.choices:
                    yield (*where, name), f"”{choice}” i {name} är inget av valen {', '.join(spec.choices)}"
    if isinstance(spec, RowsBase):
        for key in spec.marks:
            if key not in keys:
                yield (*where, "marks"), f"marks nämner ”{key}”, som inte är en kolumn i ”{path}” (möjliga: {', '.join(keys)})"
    if isinstance(spec, ChoiceSpec) and spec.judged_from and spec.judged_from == spec.key:
        yield (*where, "judged_from"), f"judged_from i ”{path}” ska vara en annan kolumn i samma rad"
    if len(set(getattr(spec, "rows", ()))) != len(getattr(spec, "rows", ())):
        yield (*where, "rows"), f"tabellen ”{path}” har samma rad två gånger"


def _roles(form: FormSpec) -> Iterator[tuple[Where, str]]:
    for role, value in form.roles:
        texts = value if isinstance(value, tuple) else (value,)
        for text in texts:
            if not text:
                continue
            path = _path(form, text)
            if path is None:
                yield ("roles", role), f"rollen {role} pekar på ”{text}”, som inte finns i formuläret"
                continue
            spec = form.spec_at(path)
            wanted = ROLE_KINDS.get(role)
            if role == "profile" and (isinstance(spec, RowsBase) or not spec.has_value):
                yield ("roles", role), f"profilen kan bara minnas enskilda fält, inte ”{text}” ({kind_name(type(spec))})"
            elif wanted is not None and not isinstance(spec, wanted[0]):
                yield ("roles", role), (
                    f"rollen {role} ska vara {wanted[1]}, men ”{text}” är av sorten {kind_name(type(spec))}"
                )
            elif role in {"goal", "result", "reached"} and not _in_goals(form, path):
                yield ("roles", role), f"rollen {role} ska vara en kolumn i listan ”{form.roles.goals}”"
            if role == "partners" and form.column(path) is None:
                yield ("roles", role), (
                    f"rollen partners ska vara en kolumn i en lista, som ”parter.namn”, inte ”{text}”"
                )


def _in_goals(form: FormSpec, path: FieldPath) -> bool:
    goals = _path(form, form.roles.goals) if form.roles.goals else None
    return goals is not None and path.is_within(goals)


def _rules(form: FormSpec) -> Iterator[tuple[Where, str]]:
    for index, rule in enumerate(form.rules):
        for attribute, text, needs in rule.fields():
            where: Where = ("rules", index, attribute.split(".")[0])
            path = _path(form, text, section=needs == "any") if text else None
            if path is None:
                yield where, f"regeln {rule.kind} har {attribute} = ”{text}”, som inte finns i formuläret"
                continue
            if needs in NEEDS and not isinstance(form.spec_at(path), NEEDS[needs][0]):
                kinds, said = NEEDS[needs]
                yield where, (
                    f"regeln {rule.kind} behöver {said} i {attribute}, men ”{text}” är av sorten "
                    f"{kind_name(type(form.spec_at(path)))} (möjliga: {_kinds(kinds)})"
                )
        for attribute, message, allowed in rule.messages():
            problem = placeholder_problem(message, allowed)
            if problem:
                yield ("rules", index, attribute), f"regeln {rule.kind}: {attribute} {problem}"


def placeholder_problem(message: str, allowed: frozenset[str]) -> str | None:
    """Why ``message`` cannot be filled in with ``allowed``, or None."""
    try:
        names = [(name, spec) for _text, name, spec, _conversion in string.Formatter().parse(message) if name is not None]
    except ValueError:
        return "har en { eller } för mycket; skriv {{ och }} för klammerparenteser i texten"
    for name, spec in names:
        if name not in allowed:
            possible = ", ".join(f"{{{each}}}" for each in sorted(allowed)) or "inga"
            return f"har {{{name}}}, som regeln inte fyller i (möjliga: {possible})"
        if spec:
            return f"har {{{name}:{spec}}}; skriv bara {{{name}}}"
    return None


def _expressions(form: FormSpec) -> Iterator[tuple[Where, str]]:
    """Conditions and computed values: readable, over fields that exist, and no computed
    value depending on itself."""
    depends: dict[FieldPath, set[FieldPath]] = {}
    for node in form.nodes.values():
        where = _where_of(form, node.path)
        spec = node.spec
        written = [("show_if", spec.show_if), ("required_if", spec.required_if)]
        if spec.case is not None:
            written.append(("case", spec.case.applies_if))
        if isinstance(spec, NumberBase) and spec.compute:
            written.append(("compute", spec.compute))
        for attribute, text in written:
            if not text:
                continue
            try:
                tree = parse(text)
            except ExpressionError as error:
                yield (*where, attribute), f"{attribute} i ”{node.path}” går inte att läsa: {error}"
                continue
            for name in names_in(tree):
                resolved = _resolve(form, node.path, name)
                if resolved is None:
                    yield (*where, attribute), f"{attribute} i ”{node.path}” nämner ”{name}”, som inte finns i formuläret"
                elif attribute == "compute":
                    depends.setdefault(node.path, set()).add(resolved)
            if attribute == "compute" and isinstance(tree, Name) and form.has(tree.path) and not form.spec_at(tree.path).numeric:
                yield (*where, attribute), f"compute i ”{node.path}” ska räkna med tal, inte med ”{tree.path}”"
    for path in depends:
        if _reaches(depends, path, path, set()):
            yield (*_where_of(form, path), "compute"), f"compute i ”{path}” beror av sig självt (via andra uträknade fält)"


def _resolve(form: FormSpec, at: FieldPath, name: FieldPath) -> FieldPath | None:
    """A name as an expression at ``at`` finds it: in the same row first, then in the form."""
    top = form.node(at).top
    if form.column(at) is not None and form.has(top.joined(name)):
        return top.joined(name)
    return name if form.has(name) else None


def _reaches(depends: dict[FieldPath, set[FieldPath]], start: FieldPath, goal: FieldPath, seen: set[FieldPath]) -> bool:
    for step in depends.get(start, ()):
        if step == goal:
            return True
        if step not in seen:
            seen.add(step)
            if _reaches(depends, step, goal, seen):
                return True
    return False


def _where_of(form: FormSpec, path: FieldPath) -> Where:
    """Where a field stands in the file, for its line."""
    node = form.node(path)
    s_index = form.sections.index(node.section)
    top_spec = form.spec_at(node.top)
    f_index = next(index for index, spec in enumerate(node.section.fields) if spec is top_spec)
    where: Where = ("sections", s_index, "fields", f_index)
    inner = path.relative_to(node.top).steps
    if inner and isinstance(top_spec, RowsBase):
        i_index = next((index for index, item in enumerate(top_spec.items) if item.key == inner[0]), 0)
        where = (*where, "items", i_index)
    return where


def _carry(form: FormSpec) -> Iterator[tuple[Where, str]]:
    for index, carry in enumerate(form.carry):
        if carry.edition == form.edition:
            yield ("carry", index, "edition"), f"carry gäller utgåvan ”{carry.edition}”, som är den här filens egen"
        for old, new in carry.renamed.items():
            if _path(form, new) is None:
                yield ("carry", index, "renamed"), f"carry flyttar ”{old}” till ”{new}”, som inte finns i den här utgåvan"
